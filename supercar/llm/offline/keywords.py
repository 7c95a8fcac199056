"""The words Lex listens for: keyword families in English and Spanish, matched on the plain,
typo-corrected text (`language.corrected`). `reading` decides what a message asks from them.

Decisions:
- Families, not sentences: each pattern names a way of saying one thing ("weather", "a time
  suits", "putting it off"), so a new phrasing is a new alternative in one place.
- Whole words only (`words`): "book" is not inside "Facebook", "free" not inside "freeway".
"""

from __future__ import annotations

import re

from supercar.tools.catalog import CARS

WEATHER = "weather"
ADDRESS = "address"
HOURS = "hours"
AVAILABILITY = "availability"
BOOKING = "booking"
CATALOGUE = "catalogue"  # a question about our cars, answered in words
TASKS = (AVAILABILITY, BOOKING)


def words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w-])")


# Our cars as customers write them ("gt", "track r"), for the patterns that name one.
OUR_CARS = "(?:" + "|".join(car.name.removeprefix("SuperCar ").lower() for car in CARS) + ")"
# "both", "those two", "¿cuál de los dos?": the last two talked about (cities, showrooms or cars).
BOTH_RE = words(
    r"both|either|each of them|(?:those|these|the) two|ambos|ambas|(?:en )?(?:las|los) dos|"
    r"cual de (?:las|los) dos"
)


# "what's open tomorrow?", "is 1pm open?": slots that are open, not the showroom's hours.
_OPEN_SLOT = (
    r"(?:what'?s|what is|anything|something|(?:what|which|any) (?:times?|slots?)(?: are| is)?|"
    r"(?:\d{1,2}(?::\d{2})?\s*(?:am|pm)?(?: in the (?:morning|afternoon|evening))?|noon|midday)"
    r"(?: slot| one)?(?: is)?(?: still| also)?) open|"
    # "Is Friday open at the Manhattan showroom? Thinking about the GT": the day has slots
    r"is (?:this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow) "
    r"(?:still )?open"
)
# "¿qué horarios hay el domingo para el Spyder?", "¿qué horarios tienen mañana?": the times of a
# car or of a day (plural "horarios") are test-drive slots; "¿qué horario tienen?" is opening hours.
_CAR_TIMES = (
    r"(?:que|cuales) horarios (?:tienen|teneis|tienes|hay|quedan) (?:\w+ ){0,2}?(?:para )?"
    r"(?:manana|hoy|pasado|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|este)|"
    r"(?:horarios?|hours|times) (?:[\w']+ ){0,4}?(?:para|for) (?:el |la |the |a |an )?(?:probar |"
    r"manejar |conducir |drive |try )?(?:el |la |the )?(?:" + OUR_CARS + "|prueba|test)"
)
# "¿me lo apartas?", "¿me la reservas para el jueves?", "¿nos apuntas?", "¿puedes reservarme…?":
# a Spanish request to book, asked as a question.
_ES_BOOK_REQUEST = (
    r"(?:me|nos) (?:l[oa]s? )?(?:apartas|reservas|guardas|apuntas|agendas|pillas|coges)|"
    r"pillame|pillamelo|pillamela|"
    r"(?:puedes|podrias|pueden|podrian) (?:apartar|reservar|guardar|apuntar|agendar)(?:me|mel[oa])?"
)
INTENT_RES = {
    WEATHER: words(
        # "a car that can weather a Denver winter" is no forecast
        r"(?<!can )(?<!could )(?<!to )(?<!will )(?<!would )weather|forecast|temperatures?|temps?|"
        r"rain\w*|sunny|sunshine|snow\w*|degrees|umbrella|"
        r"windy|"
        r"how (?:hot|cold|warm)|clima|lluv\w*|llov\w*|llueve|nieva|nevando|temperatura|"
        r"pronostico|soleado|(?:hacer|hara|hace) (?:calor|frio|fresco|sol|viento)|"
        r"nublado|hace (?:calor|frio|sol)|que tiempo|el tiempo|tiempo (?:hace|en|para)|"
        r"jacket|coat|sweater|jumper|scarf|gloves|sunscreen|sunglasses|shorts|what (?:should|do) i "
        r"wear|what to wear|dress (?:for|warm)|warm(?:er|est)|cold(?:er|est)|hott?(?:er|est)|"
        r"fahrenheit|celsius|in [fc]|humid(?:ity)?|how'?s it (?:looking )?(?:in|out|outside|there)|"
        r"(?:what'?s it|what will it be|what is it) (?:looking |gonna be |going to be )?like "
        r"(?:in|out|outside|there)|"
        r"nice (?:out|outside)|"
        r"abrigo|chaqueta|chamarra|paraguas|que me pongo|que ropa|grados|mas (?:calor|frio)|"
        r"(?:como|que tal) esta (?:el dia|afuera)"
    ),
    ADDRESS: words(
        # "where is it" asks; "I'm deciding where to test drive" does not
        r"(?<!deciding )(?<!decide )(?<!choosing )(?<!choose )(?<!sure )where|address|located|"
        r"location|directions|how (?:do|can) i get|(?<!it )get there|phone|(?:what|which) street|"
        r"(?:en )?que calle|"
        r"how far(?! (?:does|can|will|would) (?:it|the|a|she|this|that))|how close|distance|lejos|"
        r"distancia|(?<!me )(?<!nos )(?<!te )queda(?! (?:mas |muy )?cerca)|parking|"
        r"park(?: my car)?|aparcar|estacionar|estacionamiento|"
        r"call you|donde|direccion|ubicacion|ubicad[oa]s?|como llego|telefono|"
        r"is there (?:a|any) (?:showroom|dealership|store)|(?:showroom|dealership)s? (?:in|near)|"
        r"(?:showroom|dealership|store|branch|location|dealer|outlet)s? (?:in|near|around)|"
        r"do you have (?:a|an|any) (?:showroom|dealership|store|branch|location|dealer)|"
        r"nearest|closest|closer|nearer|near me|"
        r"(?:hay|tienen|teneis|tienes) (?:un |algun )?(?:concesionario|tienda|showroom|sucursal)|"
        r"addy|addie|whereabouts|where (?:are|r) (?:you|u|ya)|find you|postcode|zip code|"
        r"(?:phone|mobile|cell|contact|telephone) (?:number|details|info)|"
        r"(?:the|your|their|its) (?:number|digits)(?! of)|"
        r"numero de (?:telefono|contacto)|contacto"
    ),
    HOURS: words(
        r"opening hours|business hours|hours|open(?!-top)|opens|opening|close|closes|closing|"
        r"closed|shut|horarios?|abr(?:e|en|is|imos)|cierr(?:a|an)|cerr(?:ais|amos)|abiertos?|"
        r"cerrados?"
    ),
    AVAILABILITY: words(
        r"available|availability|free|slots?|spots|(?:any|a|free|open) spot|openings|when can i|"
        r"what times?|which times?|"
        r"any times?|times? (?:do you have|are there)|libres?|disponibles?|disponibilidad|"
        r"huecos?|que horas|a que hora puedo|hay (?:citas|turnos|horas)|room at|"
        r"come (?:in|by|over)|stop by|drop by|visit|"
        r"swing by|pop (?:in|by|over)|drop in|"
        r"(?:see|peep|check out|look at|view|ver) (?:the|a|your|el|un) " + OUR_CARS + "|"
        r"pasar(?:me)? por|is there (?:anything|something)|possible|posible|doable|an option|"
        r"se puede|(?:is there|have) room|(?:fit|squeeze) (?:me |us |it |one |a [\w-]+ )?in|"
        r"any chance|(?:have|got) anything (?:at|in|on|for|free|open|available|this|next|today|"
        r"tomorrow|tmrw|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|"
        r"(?:tienen|teneis|tienes|hay) algo (?:en|el|para|libre|disponible)|"
        + _OPEN_SLOT
        + "|"
        + _CAR_TIMES
    ),
    BOOKING: words(
        r"book|booking|schedule|reserve|reservation|test[- ]?driv(?:e|es|ing)|appointment|"
        r"reserv(?:ar|a|alo|ala|ame|amelo|amela|en|emos)|agend(?:ar|a|alo|ala|ame)|cita|"
        r"prueba(?: de manejo)?|probar(?:lo|la)?|manejar(?:lo|la)?|"
        r"conducir|sign me up|put me down|i'?ll take|me quedo|lock (?:it |me |us )?in|"
        r"try (?:out )?the|"
        r"drive the|take the .{1,20} for a (?:spin|rip|ride)|take (?:it|her) (?:out|for a spin)|"
        r"pencil me in|hook me up|snag|grab (?:a|the|one)|apartar|aparta(?:me|mela|melo|la|lo)|"
        + _ES_BOOK_REQUEST
        + r"|(?:drive|try|test|take out) (?:one|it|her|them)|probar(?:lo|la|los)? uno|"
        r"(?:can|could|may|might) (?:i|we) (?:test[- ]?)?(?:drive|try)|"
        r"(?:i|we) (?:could|can|might|may) (?:test[- ]?)?(?:drive|try)"
    ),
}
# A visit mentioned ("heading to Chicago to look at the Volt"): asks for times only as a request.
VISIT_RE = words(
    r"come (?:in|by|over)|coming (?:in|by|over)|stop by|drop by|visit(?:ing)?|swing by|"
    r"pop (?:in|by|over)|drop in|(?:see|peep|check out|look at|view)(?:ing)? (?:the|a|your) "
    + OUR_CARS
    + r"|pasar(?:me)? por|ver el"
)
# "at your Rocky Mountain location", "the Florida branch": a showroom named, not its address asked.
SHOWROOM_REF_RE = words(
    r"(?:at|in|to|from|for|by|of|with) (?:your|the|our|that|this) (?:[\w'-]+ ){0,3}?"
    r"(?:location|branch|store|spot|outlet|place|one)"
)
STRONG_AVAILABILITY_RE = words(
    r"available|availability|free|slots?|spots|(?:any|a|free|open) spot|openings|libres?|"
    r"disponibles?|disponibilidad|huecos?|" + _OPEN_SLOT + "|" + _CAR_TIMES
)
# Words that ask to book (not merely to talk about a test drive).
BOOK_VERB_RE = words(
    r"book|schedule|reserve|reserv(?:ar|alo|ala|ame|amelo|amela|emos)|agend(?:ar|a|alo|ala|ame)|"
    r"(?<!mi )(?<!la )(?<!tu )(?<!su )(?<!una )(?<!de )(?<!esa )(?<!esta )reserva|"
    r"sign me up|put me down|"
    r"i'?ll take|me quedo|lock (?:it |me |us )?in|make (?:it|the|a) (?:booking|reservation)|"
    r"go ahead and|set (?:it|that|one) up|pencil me in|hook me up|snag|apartar|"
    r"grab (?:it|that|that one|the \d+|the (?:slot|time|spot))|"
    r"aparta(?:me|mela|melo|la|lo)|" + _ES_BOOK_REQUEST
)
# "don't book it yet", "sin reservar": a booking word that asks for the opposite.
NOT_BOOKING_RE = re.compile(
    r"\b(?:don'?t|do not|not|never|no|without|sin|before)\s+(?:\w+\s+){0,2}?"
    r"(?:book|reserve|schedule|reservar|reserves|agendar|booking)|\bnot (?:yet|now)\b|"
    r"\btodavia no\b|\baun no\b|\b(?:free|available|open|libres?) (?:to|for|para) (?:book|reserv)"
)
# Requests phrased as questions that choose something: "can I have the 2 o'clock one?" (not
# "I'd like to know whether 4 works", which asks).
PICK_RE = words(
    r"can i (?:have|get|take|do|grab)|could i (?:have|get|take|do)|"
    r"(?:i'?d like|i would like|i want|quiero|me gustaria)(?! to (?:know|ask|check|see|hear))"
    r"(?! saber| preguntar| consultar| ver si)|i'?ll (?:have|take|go with|grab|go for)|give me|"
    r"gimme|let me (?:have|take|grab|get)|"
    r"lemme (?:have|take|grab|get|do)|let'?s (?:do|go with|go for)|we'?ll take|put me (?:in|down)|"
    r"dame|me quedo|me apuntas|apuntame"
)
# A request to book in the form of a question: "can I have the 2 o'clock one?".
REQUEST_AS_QUESTION_RE = words(
    r"(?:can|could|may) (?:i|we) (?:have|get|take|grab)|(?:can|could) you (?:grab|get) me"
)
# Asking about a time rather than choosing it: "what about 4?", "is 3 better?", "does 2pm
# suit?", "is 18:00 open too?", "¿qué tal a las 5?", "¿y a las 4?" (a "?" marks one too). The
# rule that decides between checking and booking is `booking.books`.
TIME_QUESTION_RE = words(
    r"i guess|i suppose|probably|(?:could|might|may|should) (?:work|do|be (?:ok|okay|fine|good))|"
    r"what about|how about|what if|and at|que tal|y (?:a )?las?|(?:te|os|les|le|nos) (?:viene|va) "
    r"bien|(?:does|would|will|is|isn'?t|could|can|do|are|might)\s+(?:[^\s?.!,]+\s+){1,5}?(?:work|"
    r"suit|ok|okay|fine|good|better|free|open|available|alright|doable|possible|taken|booked|gone)|"
    r"(?:esta|estan|estaria|estarian|seria|serian|es|son|queda|quedan|hay)\s+(?:[^\s?.!,]+\s+){0,4}?"
    r"(?:libres?|bien|disponibles?|mejor|posible|ocupad[oa]s?|hueco)"
)
QUESTION_RE = re.compile(
    # hedges count as questions: "I'm thinking about 3pm" asks, it does not choose
    r"\b(?:(?:i'?d like|i want|i would like|quisiera|me gustaria) to (?:know|ask|check|see)|"
    r"tell me|saber si|"
    r"thinking|considering|wondering|maybe|might|perhaps|possibly|not sure|quizas|quiza|"
    r"no se si|no se cual|no estoy segur[oa]|can'?t decide|undecided|either the|"
    r"hoping|hope to|(?<!i )wants to|would love|i'?d love|keen|interested|fancy|wish|"
    r"me encantaria|ojala|quiere|quieren|"
    r"tal vez|a lo mejor|pensando)\b|\?|^\W*(?:\w+[.!,]+\s+)?(?:is|are|do|does|can|could|would|"
    r"will|what|which|when|where|how|any|que|cual|cuando|donde|como|hay|tienen|esta|estan|puedo|"
    r"what about|how about)\b|\b(?:can|could|may) (?:i|we)\b|"
    r"\b(?:would it|is it|is there|are there|do you|does it|will it|is that|would that|"
    r"can you|could you|would you|puedo|podria|podemos|se puede|seria posible|es posible)\b"
)
YES_RE = words(
    r"yes|yeah|yep|yup|^ya(?=\W*$)|(?<!not )(?<!no )(?<!not so )sure|ok|okay|please do|do it|"
    r"go ahead|sounds good|perfect|great|"
    r"si|claro|vale|dale|de acuerdo|perfecto|por supuesto|let'?s do it|that works|book it"
)
NO_RE = re.compile(r"^\W*(?:no|nope|nah|not really|no thanks|no gracias|mejor no)\b")
GREETING_RE = re.compile(
    r"^\W*(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening)|hola|buenas|"
    r"buenos dias|buenas tardes|buenas noches)\b"
)
THANKS_RE = words(r"thanks|thank you|thx|cheers|bye|goodbye|gracias|adios|hasta luego|chao")
HELP_RE = words(
    r"help|what can you do|who are you|what are you|are you (?:a |an )?(?:bot|human|real|"
    r"person|robot|ai|chatgpt|gpt|machine|computer|program)|tell me about yourself|"
    r"what model are you|(?:real|actual|live) (?:person|human)|(?:person|human|people) or (?:a )?"
    r"(?:bot|machine|robot|ai|computer)|(?:bot|machine|robot|ai) or (?:a )?(?:person|human)|"
    r"who (?:made|built|created|programmed|runs|owns) you|what (?:kinds? of |sort of )?"
    r"(?:things|stuff) (?:can|do) you|what do you do|how can you help|what are you (?:able|for)|"
    r"what can i ask|(?:talking|chatting|speaking|texting) (?:to|with) (?:a )?(?:bot|machine|"
    r"human|person|real|robot|ai)|"
    r"who am i (?:talking|speaking|chatting) (?:to|with)|who(?:'s| is) this|is this (?:a )?"
    r"(?:bot|human|person|real person|robot|machine|ai)|con quien hablo|quien (?:es|habla)|"
    r"(?:hablo|estoy hablando) con (?:un|una) (?:persona|bot|robot|maquina|humano)|"
    r"ayuda|eres (?:un |una )?(?:bot|robot|humano|humana|ia|persona|maquina)|persona (?:de verdad|"
    r"real)|quien te (?:hizo|creo|programo)|que sabes hacer|en que (?:me )?puedes ayudar|"
    r"que puedes hacer|quien eres|que eres"
)
# "what day of the week is December 1st?", "¿qué día cae el 14?": the calendar, not a booking.
CALENDAR_RE = words(
    r"what (?:day|weekday) of the week|which day of the week|what weekday|what day is it today|"
    r"what day (?:is|will be|falls?|does)(?! (?:it|that|my|our|the (?:test drive|booking|"
    r"appointment))\b)|que dia (?:de la semana )?(?:es|cae|sera)(?! (?:mi|la (?:cita|prueba|"
    r"reserva)))|en que dia (?:de la semana )?cae|"
    # "¿el domingo es día 29, no?", "is Saturday the 28th?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|"
    r"viernes|sabado|domingo) (?:is|es) (?:the |el )?(?:dia )?\d{1,2}(?:st|nd|rd|th)?\b"
)
# Questions only the showroom can answer (what to bring, who may come, stock, financing).
ASK_SHOWROOM_RE = words(
    r"(?:can|may|could) (?:i|we) bring|is it (?:ok|okay|allowed) to|am i allowed|"
    r"(?:can|may|could) (?:my|our) (?:\w+ ){1,2}(?:come|join)|puede venir|pueden venir|"
    r"do i need (?:a |my |an |to bring )?(?:license|licence|id|insurance|passport|deposit)|"
    r"insurance|age limit|how old|minimum age|in stock|stock|financ\w*|lease|leasing|"
    r"trade[- ]?ins?|deposit|warranty|(?:puedo|podemos) (?:llevar|traer)|"
    r"necesito (?:carnet|licencia|seguro)|"
    r"financiacion|financiamiento|garantia"
)
# Putting the decision off ("let me think about it", "lo pienso"): no more push to book.
DEFER_RE = words(
    r"(?:i'?ll|i will) (?:call|ring|phone)(?: you)?(?: back| later| tomorrow)?|forget it|"
    r"(?:give|gimme) (?:them|you|her|him|the showroom|my \w+) a (?:ring|call|buzz)|"
    r"never ?mind|olvidalo|(?:te|os) llamo (?:luego|mas tarde|manana)|"
    r"(?:let me|lemme|i'?ll|i need to|i have to|i'?d (?:like|have) to|gotta|i want to|i must)"
    r" (?:think|check|talk|ask|see|get back|sleep on|come back|discuss|run it by|confirm|"
    r"look at|decide)|get back to you|think (?:about|it over)|sleep on it|not (?:right )?now|"
    r"maybe later|another time|some other time|not today|hold off|no rush|i'?ll let you know|"
    r"i'?ll come back|para otro (?:momento|dia)|otro dia|mas adelante|luego te (?:digo|aviso|"
    r"confirmo)|ya te (?:digo|aviso|confirmo)|lo (?:pienso|pensare|voy a pensar|consulto)|"
    r"tengo que (?:pensarlo|consultarlo|hablarlo|mirarlo|verlo)|lo dejo|dejemoslo|"
    r"de momento no|por ahora no|ahora no|just (?:looking|browsing)|not sure yet|"
    r"no (?:estoy )?segur[oa]|solo (?:estoy )?mirando|solo miro|(?:lo )?tengo que pensar(?:lo)?|"
    r"no se todavia|todavia no lo se|dejame pensar(?:lo)?|dejame verlo"
)
# "does 3pm work?", "is Friday ok?", "would 11 suit": whether a time suits, not opening hours.
SUITS_RE = words(
    r"(?:does|would|will|is|could|can|do|are)\b.{0,30}\b(?:work|suit|ok|okay|fine|good|alright|"
    r"doable|possible)|work for you|(?:me|te|les|nos|os) (?:viene|va) bien|le viene bien|"
    r"(?:esta|seria|es) (?:bien|posible)|puede ser|me sirve|sirve"
)
INJECTION_RE = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules|prompt|"
    r"guidelines|programming|directives?)\b|system prompt|your prompt|you are now|"
    r"pretend (?:to be|you are)|act as|roleplay|developer mode|jailbreak|dan mode|"
    r"reveal (?:your|the)|(?:olvida|ignora)\b.{0,30}\binstrucciones|instrucciones anteriores|"
    r"eres ahora|actua como|new instructions|from now on,? you|without (?:asking|confirming)|"
    r"nuevas instrucciones|a partir de ahora|sin preguntar|"
    r"(?:print|show|dump|tell me) (?:me )?(?:your|the) (?:configuration|config|settings|"
    r"instructions|prompt|rules|source)|admin mode|debug mode|sudo"
)
OTHER_CUSTOMER_RE = re.compile(
    r"\b(?!(?:my|your|our|today|tomorrow|friday|monday|tuesday|wednesday|thursday|saturday|"
    r"sunday|lex|supercar|week|next|one|that|this|it|there)\b)[a-z]+'s\s+(?:booking|appointment|"
    r"reservation|test drive|confirmation|details|slot)|\b(?:last|previous|other|another|next)\s+"
    r"(?:customer|client|person|guy|user)s?\b|\bsomeone else|\bsomebody else|other people|"
    r"everyone'?s|all (?:the |your )?(?:bookings|appointments|reservations)|"
    r"who (?:else )?(?:has )?booked|list (?:of )?(?:all )?bookings|otros? clientes?|"
    r"ultimo cliente|cliente anterior|otra persona|(?:la reserva|la cita|la prueba) de (?!manejo)"
    r"[a-z]+|\b(?:neighbou?r|friend|wife|husband|brother|sister|colleague|"
    r"boss|partner|mom|mum|dad|son|daughter|vecino|vecina|amigo|amiga|esposa|esposo|hermano|"
    r"hermana)\b.{0,30}\b(?:booked|reserved|reservo)"
    r"|\b(?:what|when|which|where) (?:did|has|have) (?!i\b|we\b)[a-z]+(?: [a-z]+)? (?:book|reserve)"
)
# Someone named (capitalised, not "I") who booked: "what Sarah Jones booked".
NAMED_BOOKER_RE = re.compile(
    r"\b(?!I\b|SuperCar\b|Lex\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:has\s+|had\s+)?"
    r"(?:booked|reserved|scheduled)"
)
# "her confirmation": someone else's, unless the booking was made in this conversation.
THIRD_PARTY_RE = re.compile(
    r"\b(?:his|her|their)\s+(?:booking|appointment|reservation|slot|test drive|confirmation)"
)
OFF_TOPIC_RE = words(
    r"jokes?|chistes?|poems?|poema|haiku|limerick|riddle|trivia|fun fact|rap|sing|draw|"
    r"write (?:me )?(?:a|an|some)|escribe(?:me)? un|story|(?<!le )(?<!les )(?<!te )cuento|songs?|"
    r"cancion|lyrics|"
    r"capital of|capital de|president|"
    r"presidente|election|elecciones|vote|voting|politics?|political|politica|democrats?|"
    r"republicans?|(?<!my )(?<!the )(?<!conf )(?<!confirmation )(?<!booking )code|coding|python|"
    r"javascript|java|program|programa|sql|html|recipe|"
    r"receta|cook|math|bitcoin|crypto|stocks?|movie|film|pelicula|football|soccer|futbol|nba|"
    r"world cup|who won|homework|translate|traduce|meaning of life|sentido de la vida|"
    r"horoscope|religion|celebrity|famous|history of|square root|calculate|equation|"
    r"essay|tallest|population|invented|dinosaur|planet|universe|quien gano|cuanto es|"
    r"restaurants?|restaurantes?|places? to eat|donde comer|hotels?|hoteles?|nightlife"
)
# Asking Lex to make something (a joke, a poem, a speech, a recipe, code): whatever it is about
# ("a joke about the weather in Chicago") is its topic, not a request for a tool.
MAKE_SOMETHING_RE = words(
    r"jokes?|chistes?|poems?|poema|haiku|limerick|riddle|rap|song|cancion|story|"
    r"(?<!le )(?<!les )(?<!te )cuento|essay|"
    r"speech|discurso|recipe|receta|lyrics|write (?:me )?(?:a|an|some|my)|translate|traduce|"
    r"compose|escribe(?:me)? (?:un|una)"
)
ARITHMETIC_RE = re.compile(r"\d+\s*[-+*/x×]\s*\d+\s*(?:=|\?|$)")
CANCEL_RE = words(
    r"cancel\w*|call (?:it|that|the \w+|my \w+) off|scrap (?:it|that|the|my)|anula\w*|"
    r"(?:bail on|kill|nix|ditch) (?:it|that|the (?:booking|appointment|test drive)|my \w+)|"
    r"cancela\w*|ya no (?:puedo ir|voy a ir|podre ir)"
)
MOVE_RE = words(
    r"reschedul\w*|re-schedul\w*|move (?:it|my|the|our|that|this)|push (?:it|my|the|that) "
    r"(?:back|forward|to|till|until)|change (?:it|that|the time|the day|the date|my (?:booking|"
    r"appointment|reservation|test drive|slot))|switch (?:it|that|the time|the day|my)|"
    r"bring (?:it|my|that) forward|(?:shift|bump) (?:it|my|the|that)|mover(?:la|lo)?|muevel[ao]|"
    r"muevas|cambia(?:la|lo|rla|rlo)|(?:push|move|bump) (?:it|that) (?:an?|one|two|\d+) (?:hours?|"
    r"days?|mins?|minutes?) (?:later|earlier|back|forward)|"
    r"(?:la|lo) (?:puedes|podrias|puede|podria|podemos|quiero|prefiero) "
    r"(?:pasar|cambiar|mover|adelantar|atrasar|retrasar)|"
    r"cambiar (?:mi|la) (?:reserva|cita|prueba)|"
    r"cambiar(?:la|lo)? (?:a|al|para) (?:las?|el|otr[oa])|"
    r"pasa(?:la|lo|rla|rlo)|adelanta(?:la|lo|r)?|"
    r"atrasa(?:la|lo|r)?|retrasa(?:la|lo|r)?|"
    r"(?:l[oa]) (?:cambias|pasas|mueves|adelantas|atrasas|retrasas)|"  # "¿me lo cambias al sábado?"
    r"(?:cambia|pasa|mueve|adelanta|atrasa|retrasa)mel[ao]"
)
MEMORY_RE = words(
    r"confirmation|my booking|my bookings|my appointment|my reservation|my test drive|"
    r"(?:booking|my) (?:reference|ref|number|code|id)|my slot|referencia|"
    r"what did i book|when is my|did i book|have i booked|what have i booked|booked for me|"
    r"mi reserva|mi cita|mis reservas|numero de confirmacion|codigo de confirmacion|que reserve|"
    r"what (?:day|date|time) (?:did we|was|were|is) (?:it|that|we|my)|what (?:day|date|time) did "
    r"we|did we (?:say|agree|pick|settle)|did i (?:say|pick|choose|book)|we (?:said|agreed)|"
    r"remind me|(?:the|my) code|"
    r"el codigo|mi codigo|me repites|recuerdame|que dia (?:era|quedamos|dijimos)|"
    r"a que hora (?:era|quedamos|dijimos)|what was (?:the|my) (?:code|time|day|date)|"
    r"(?:my|the) (?:conf|confirmation|booking|reservation) (?:code|number|no|#)|"
    r"conf (?:code|number)"
)
ELECTRIC_RE = words(r"electric|evs?|battery|electricos?|hybrids?|hibridos?|plug-in|zero emission")
CAR_LIST_RE = words(
    r"(?:what|which) (?:cars|models)|which of your (?:cars|models)|your (?:cars|models|range|"
    r"line-?up)|cars do you|"
    r"models do you|line-?up|inventory|(?:the|full|whole|entire) range|que (?:coches|carros|"
    r"autos|modelos)|modelos|catalogo|what do you sell|what can i drive|(?:what|which)(?: one)? "
    r"(?:do|would) you (?:recommend|suggest)|que (?:me )?recomiendas"
)
SHOWROOM_LIST_RE = words(
    r"showrooms|dealerships|locations|stores|branches|concesionarios|tiendas|sucursales"
)
CAR_INFO_RE = words(
    r"tell me (?:more )?about|what is|what's the|specs?|price|prices|cost|costs|how fast|how much|"
    r"describe|info|details|horsepower|hp|0-60|cuanto cuestan?|precios?|cuentame|informacion|diff|"
    r"faster|quicker|cheaper|more expensive|more powerful|compare|versus|vs|difference|"
    r"mas rapido|mas barato|mas caro|diferencia|cuanto vale|range|autonomia|seats?|asientos|"
    r"convertible|electric|hybrid|top speed|damage|cuanto sale"
)
SUPERLATIVE_RE = words(
    r"fastest|quickest|cheapest|least expensive|most expensive|priciest|dearest|most powerful|"
    r"mas rapido|"
    r"mas barato|mas caro|mas potente|(?:something|anything|a car|one) (?:really |very |super )?"
    r"(?:fast|quick)|algo (?:muy )?rapido"
)


WEAK_WEATHER_RE = words(
    r"warm|cold|hot|chilly|freezing|frio|fria|calor|fresco|caluroso|templado|rainy|cloudy|foggy"
)
WEATHER_CONTEXT_RE = words(
    r"it|it'?s|outside|out there|out|there|today|tomorrow|tonight|weekend|right now|"
    r"this (?:week|morning|afternoon|evening)|hace|hara|estara|afuera|alli|hoy|manana"
)
# Where one request ends and the next may begin: punctuation and joining words ("y" only
# where it does not join minutes to an hour: "a las cuatro y media").
CLAUSE_BREAK_RE = re.compile(
    r"[?!;]+|\.(?=\s|$)|,|\s[-\u2013\u2014]+(?=\s)|"
    r"\s(?=(?:and|also|plus|but|as well as|pero|tambien|ademas)\s)|"
    r"\s(?=y\s(?!(?:media|cuarto|\d|diez|veinte|cinco|quince|treinta)\b))",
    re.IGNORECASE,
)
CATALOGUE_CLAUSE_RES = (CAR_INFO_RE, SUPERLATIVE_RE, ELECTRIC_RE, CAR_LIST_RE)
WHICH_CARS_RES = (SUPERLATIVE_RE, ELECTRIC_RE, CAR_LIST_RE)  # which cars, not one car's facts

# "what did I book?", "have we booked?": about a booking made, not a new one.
BOOKED_RE = re.compile(r"\b(?:did|have|had|has) (?:i|we|you) (?:\w+ )?(?:book|reserve|schedule)")

# Words that take back what was just said ("10am. oh no wait, 1pm", "el Roadster… no, espera,
# el Spyder"): the later time or car is the one meant. Not "no" alone: "is 10 free? no? 11?"
TAKEN_BACK_RE = re.compile(
    r"\b(?:wait|sorry|i mean|i meant|actually|scratch that|or rather|perdon|perdona|mejor dicho|"
    r"digo|quiero decir|espera|o sea|bueno no|no,? mejor)\b"
)
# "the same time", "a la misma hora"; "the same car", "el mismo coche": what was said before.
SAME_TIME_RE = words(r"(?:the )?same (?:time|hour|slot)|(?:a )?(?:la )?misma hora")
SAME_CAR_RE = words(
    r"(?:the )?same (?:car|model)|(?:el )?mismo (?:coche|carro|auto|modelo)|(?:la )?misma "
    r"(?:maquina)"
)
# A bare number right after a word that chooses or books a time: "maybe 5", "book 4", "lock in
# 2", "make it 3", "then 11", "mejor 5".
HOUR_CUE_RE = words(
    r"maybe|perhaps|instead|rather|then|make it|let'?s (?:do|say)|book(?: me)?(?: in)?|take|"
    r"lock(?: it)? in|grab|snag|reserve|mejor|entonces|pues|reservame|apartame|apuntame"
)
# A number that can be an hour: not a date's, a price's or a count's ("2 people", "3 days").
BARE_HOUR_RE = re.compile(
    r"(?<![\d:/$])\b(1[0-2]|[1-9])\b(?![\d:/%]|\s*(?:st|nd|rd|th|people|persons?|of (?:us|them)|"
    r"adults?|kids?|children|cars?|seats?|seater|doors?|days?|weeks?|months?|hours?|hrs?|minutes?|"
    r"mins?|k|km|miles?|mph|personas?|dias?|semanas?|meses|horas?|minutos?|coches|plazas)\b)"
)

THAT_DAY_RE = re.compile(
    r"\b(?:that day|same day|then|for it|on the day|ese dia|(?:ese|el) mismo dia|para entonces|"
    r"(?:my|the|our) (?:test drive|drive|"
    r"appointment|booking|visit)|mi (?:cita|prueba|reserva)|la prueba)\b"
)
# "same day at the Chicago store?", "¿el mismo día pero allí?": the day already talked about,
# whatever else the message says of days ("I'll be in Chicago that weekend")
SAME_DAY_RE = re.compile(r"\b(?:(?:the )?same day|(?:el|ese) mismo dia)\b")
# "will it be cold?", "¿va a llover?": weather to come (on the day of the visit, if one is set)
FUTURE_RE = re.compile(
    r"\b(?:will it|is it going to|it'?s going to|gonna|going to be|va a|hara|estara|llovera)\b"
)

# "which showroom is open on Sunday?", "all your showrooms": every showroom, not one.
EVERY_SHOWROOM_RE = words(
    r"which (?:showroom|store|location|dealership|branch)e?s?|which of your|any of your|"
    r"all (?:of )?your|all the (?:showrooms|stores|locations)|every (?:showroom|store|location)|"
    r"each (?:showroom|store|location)|cuales|que (?:concesionarios?|tiendas?)|todos (?:los|sus)|"
    r"todas (?:las|sus)|algun concesionario"
)
