"""What one customer message is about: its requests (intent and the words that carry it), its
kind (question, request, answer) and the things it names. No conversation state here; the
`planner` decides what to do with a `Reading`.

Decisions:
- Only the customer's own words are read (`markup`): fake system or admin parts are dropped.
- Intents are keyword families in both languages, matched on the corrected text, ordered by
  where they first appear. A message is cut into clauses (at punctuation and "and", "also",
  "y", ...); each clause belongs to the intents found in it, and a clause with none to the
  request before it ("the weather in Miami and Chicago"), so each request carries its own
  place and day ("the weather in Denver tomorrow and slots there on Thursday").
- Weather is also asked without the word: how warm or cold it is, what to wear, an umbrella;
  a temperature word counts only with a place, a day or "it"/"outside", so "a hot car" is not
  a weather question.
- A question is never a booking. A slot question ("is 3pm free?", "any times on Friday?",
  "¿hay hueco el viernes?") is availability even when it says "test drive"; only a booking word
  ("book", "reserve", "schedule", "sign me up", "reservar") together with a time asks to book.
- Guards come before tasks: an attempt to change Lex's instructions, a request about another
  customer's booking, and off-topic requests (trivia, jokes, code, politics) are recognised
  first, so no tool runs for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from supercar.llm.offline.cars import find_cars, find_other_car
from supercar.llm.offline.language import corrected, detect_language
from supercar.llm.offline.markup import customer_words
from supercar.llm.offline.showrooms import PlaceMention, find_places, find_showrooms
from supercar.llm.offline.when import BOUND_RE, find_date_words, find_period, find_time
from supercar.tools.catalog import CarModel

WEATHER = "weather"
ADDRESS = "address"
HOURS = "hours"
AVAILABILITY = "availability"
BOOKING = "booking"
CATALOGUE = "catalogue"  # a question about our cars, answered in words
TASKS = (AVAILABILITY, BOOKING)


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w-])")


_INTENT_RES = {
    WEATHER: _re(
        r"weather|forecast|temperatures?|temps?|rain\w*|sunny|sunshine|snow\w*|degrees|umbrella|"
        r"windy|"
        r"how (?:hot|cold|warm)|clima|lluv\w*|llov\w*|llueve|nieva|nevando|temperatura|"
        r"pronostico|soleado|"
        r"nublado|hace (?:calor|frio|sol)|que tiempo|el tiempo|tiempo (?:hace|en|para)|"
        r"jacket|coat|sweater|jumper|scarf|gloves|sunscreen|sunglasses|shorts|what (?:should|do) i "
        r"wear|what to wear|dress (?:for|warm)|warm(?:er|est)|cold(?:er|est)|hott?(?:er|est)|"
        r"fahrenheit|celsius|humid(?:ity)?|what'?s it like (?:in|out|there)|"
        r"how'?s it (?:looking )?(?:in|out|there)|nice (?:out|outside)|"
        r"abrigo|chaqueta|chamarra|paraguas|que me pongo|que ropa|grados|mas (?:calor|frio)|"
        r"(?:como|que tal) esta (?:el dia|afuera)"
    ),
    ADDRESS: _re(
        r"where|address|located|location|directions|how (?:do|can) i get|get there|phone|"
        r"how far(?! (?:does|can|will|would) (?:it|the|a|she|this|that))|how close|distance|lejos|"
        r"distancia|queda|parking|park(?: my car)?|aparcar|estacionar|estacionamiento|"
        r"call you|donde|direccion|ubicacion|ubicad[oa]s?|como llego|telefono|"
        r"is there (?:a|any) (?:showroom|dealership|store)|(?:showroom|dealership)s? (?:in|near)|"
        r"(?:showroom|dealership|store|branch|location|dealer|outlet)s? (?:in|near|around)|"
        r"do you have (?:a|an|any) (?:showroom|dealership|store|branch|location|dealer)|"
        r"nearest|closest|near me|hay (?:un |algun )?(?:concesionario|tienda|showroom)|"
        r"addy|addie|whereabouts|where (?:are|r) (?:you|u|ya)|find you|postcode|zip code|"
        r"(?:phone|mobile|cell|contact|telephone) (?:number|details|info)|"
        r"numero de (?:telefono|contacto)|contacto"
    ),
    HOURS: _re(
        r"opening hours|business hours|hours|open(?!-top)|opens|opening|close|closes|closing|"
        r"closed|shut|horarios?|abren|abre|cierran|cierra|abiertos?|cerrados?"
    ),
    AVAILABILITY: _re(
        r"available|availability|free|slots?|openings|when can i|what times?|which times?|"
        r"any times?|times? (?:do you have|are there)|libres?|disponibles?|disponibilidad|"
        r"huecos?|que horas|a que hora puedo|room at|come (?:in|by|over)|stop by|drop by|visit|"
        r"swing by|pop (?:in|by|over)|drop in|(?:see|peep|check out|look at|view) (?:the|a|your) "
        r"(?:gt|roadster|spyder|volt|tourer|track r|urban)|"
        r"pasar(?:me)? por|is there (?:anything|something)|possible|posible|doable|an option|"
        r"se puede|(?:is there|have) room|fit me in|squeeze me in|any chance"
    ),
    BOOKING: _re(
        r"book|booking|schedule|reserve|reservation|test[- ]?drive|appointment|"
        r"reserv(?:ar|a|alo|ala|ame|amelo|en|emos)|agend(?:ar|a|alo|ala|ame)|cita|"
        r"prueba(?: de manejo)?|probar(?:lo|la)?|manejar(?:lo|la)?|"
        r"conducir|sign me up|put me down|i'?ll take|me quedo|lock (?:it )?in|try (?:out )?the|"
        r"drive the|take the .{1,20} for a (?:spin|rip|ride)|take (?:it|her) (?:out|for a spin)|"
        r"pencil me in|hook me up|snag|grab (?:a|the|one)|apartar|apartame|"
        r"(?:drive|try|test|take out) (?:one|it|her|them)|probar(?:lo|la|los)? uno|"
        r"(?:can|could|may|might) (?:i|we) (?:test[- ]?)?(?:drive|try)|"
        r"(?:i|we) (?:could|can|might|may) (?:test[- ]?)?(?:drive|try)"
    ),
}
_STRONG_AVAILABILITY_RE = _re(
    r"available|availability|free|slots?|openings|libres?|disponibles?|disponibilidad|huecos?"
)
# Words that ask to book (not merely to talk about a test drive).
_BOOK_VERB_RE = _re(
    r"book|schedule|reserve|reserv(?:ar|alo|ala|ame|amelo|emos)|agend(?:ar|a|alo|ala|ame)|"
    r"(?<!mi )(?<!la )(?<!tu )(?<!su )(?<!una )(?<!de )(?<!esa )(?<!esta )reserva|"
    r"sign me up|put me down|"
    r"i'?ll take|me quedo|lock (?:it )?in|make (?:it|the|a) (?:booking|reservation)|"
    r"go ahead and|set (?:it|that|one) up|pencil me in|hook me up|snag|apartar|apartame"
)
# "don't book it yet", "sin reservar": a booking word that asks for the opposite.
_NOT_BOOKING_RE = re.compile(
    r"\b(?:don'?t|do not|not|never|no|without|sin|before)\s+(?:\w+\s+){0,2}?"
    r"(?:book|reserve|schedule|reservar|reserves|agendar|booking)|\bnot (?:yet|now)\b|"
    r"\btodavia no\b|\baun no\b"
)
# Requests phrased as questions that choose something: "can I have the 2 o'clock one?".
_PICK_RE = _re(
    r"can i (?:have|get|take|do|grab)|could i (?:have|get|take|do)|i'?d like|i would like|"
    r"i want|i'?ll (?:have|take|go with|grab|go for)|give me|gimme|let me (?:have|take|grab|get)|"
    r"lemme (?:have|take|grab|get|do)|let'?s (?:do|go with|go for)|we'?ll take|put me (?:in|down)|"
    r"quiero|me gustaria|dame|me quedo|me apuntas|apuntame"
)
_QUESTION_RE = re.compile(
    # hedges count as questions: "I'm thinking about 3pm" asks, it does not choose
    r"\b(?:(?:i'?d like|i want|i would like|quisiera|me gustaria) to (?:know|ask|check|see)|"
    r"tell me|saber si|"
    r"thinking|considering|wondering|maybe|might|perhaps|possibly|not sure|quizas|quiza|"
    r"hoping|hope to|(?<!i )wants to|would love|i'?d love|keen|interested|fancy|wish|"
    r"me encantaria|ojala|quiere|quieren|"
    r"tal vez|a lo mejor|pensando)\b|\?|^\W*(?:\w+[.!,]+\s+)?(?:is|are|do|does|can|could|would|"
    r"will|what|which|when|where|how|any|que|cual|cuando|donde|como|hay|tienen|esta|estan|puedo|"
    r"what about|how about)\b|\b(?:can|could|may) (?:i|we)\b|"
    r"\b(?:would it|is it|is there|are there|do you|does it|will it|is that|would that|"
    r"can you|could you|would you|puedo|podria|podemos|se puede|seria posible|es posible)\b"
)
_YES_RE = _re(
    r"yes|yeah|yep|yup|(?<!not )(?<!no )(?<!not so )sure|ok|okay|please do|do it|go ahead|"
    r"sounds good|perfect|great|"
    r"si|claro|vale|dale|de acuerdo|perfecto|por supuesto|let'?s do it|that works|book it"
)
_NO_RE = re.compile(r"^\W*(?:no|nope|nah|not really|no thanks|no gracias|mejor no)\b")
_GREETING_RE = re.compile(
    r"^\W*(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening)|hola|buenas|"
    r"buenos dias|buenas tardes|buenas noches)\b"
)
_THANKS_RE = _re(r"thanks|thank you|thx|cheers|bye|goodbye|gracias|adios|hasta luego|chao")
_HELP_RE = _re(
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
# Questions only the showroom can answer (what to bring, who may come, stock, financing).
_ASK_SHOWROOM_RE = _re(
    r"can i bring|may i bring|could i bring|is it (?:ok|okay|allowed) to|am i allowed|"
    r"do i need (?:a |my |an |to bring )?(?:license|licence|id|insurance|passport|deposit)|"
    r"insurance|age limit|how old|minimum age|in stock|stock|financ\w*|lease|leasing|"
    r"trade[- ]?ins?|deposit|warranty|puedo llevar|necesito (?:carnet|licencia|seguro)|"
    r"financiacion|financiamiento|garantia"
)
# Putting the decision off ("let me think about it", "lo pienso"): no more push to book.
_DEFER_RE = _re(
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
_SUITS_RE = _re(
    r"(?:does|would|will|is|could|can|do|are)\b.{0,30}\b(?:work|suit|ok|okay|fine|good|alright|"
    r"doable|possible)|work for you|(?:me|te|les|nos) (?:viene|va) bien|le viene bien|"
    r"(?:esta|seria|es) (?:bien|posible)|puede ser|me sirve|sirve"
)
_INJECTION_RE = re.compile(
    r"\b(?:ignore|disregard|forget|override|bypass)\b.{0,40}\b(?:instructions?|rules|prompt|"
    r"guidelines|programming|directives?)\b|system prompt|your prompt|you are now|"
    r"pretend (?:to be|you are)|act as|roleplay|developer mode|jailbreak|dan mode|"
    r"reveal (?:your|the)|(?:olvida|ignora)\b.{0,30}\binstrucciones|instrucciones anteriores|"
    r"eres ahora|actua como|new instructions|from now on,? you|without (?:asking|confirming)|"
    r"nuevas instrucciones|a partir de ahora|sin preguntar|"
    r"(?:print|show|dump|tell me) (?:me )?(?:your|the) (?:configuration|config|settings|"
    r"instructions|prompt|rules|source)|admin mode|debug mode|sudo"
)
_OTHER_CUSTOMER_RE = re.compile(
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
_NAMED_BOOKER_RE = re.compile(
    r"\b(?!I\b|SuperCar\b|Lex\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:has\s+|had\s+)?"
    r"(?:booked|reserved|scheduled)"
)
# "her confirmation": someone else's, unless the booking was made in this conversation.
_THIRD_PARTY_RE = re.compile(
    r"\b(?:his|her|their)\s+(?:booking|appointment|reservation|slot|test drive|confirmation)"
)
_OFF_TOPIC_RE = _re(
    r"jokes?|chistes?|poems?|poema|haiku|limerick|riddle|trivia|fun fact|rap|sing|draw|"
    r"write (?:me )?(?:a|an|some)|escribe(?:me)? un|story|cuento|songs?|cancion|lyrics|"
    r"capital of|capital de|president|"
    r"presidente|election|elecciones|vote|voting|politics?|political|politica|democrats?|"
    r"republicans?|code|coding|python|javascript|java|program|programa|sql|html|recipe|"
    r"receta|cook|math|bitcoin|crypto|stocks?|movie|film|pelicula|football|soccer|futbol|nba|"
    r"world cup|who won|homework|translate|traduce|meaning of life|sentido de la vida|"
    r"horoscope|religion|celebrity|famous|history of|square root|calculate|equation|"
    r"essay|tallest|population|invented|dinosaur|planet|universe|quien gano|cuanto es"
)
_ARITHMETIC_RE = re.compile(r"\d+\s*[-+*/x×]\s*\d+\s*(?:=|\?|$)")
_CANCEL_RE = _re(
    r"cancel\w*|call (?:it|that|the \w+|my \w+) off|scrap (?:it|that|the|my)|anula\w*|"
    r"cancela\w*|ya no (?:puedo ir|voy a ir|podre ir)"
)
_MOVE_RE = _re(
    r"reschedul\w*|re-schedul\w*|move (?:it|my|the|our|that|this)|push (?:it|my|the|that) "
    r"(?:back|forward|to|till|until)|change (?:it|that|the time|the day|the date|my (?:booking|"
    r"appointment|reservation|test drive|slot))|switch (?:it|that|the time|the day|my)|"
    r"bring (?:it|my|that) forward|mover(?:la|lo)?|muevel[ao]|muevas|cambia(?:la|lo|rla|rlo)|"
    r"cambiar (?:mi|la) (?:reserva|cita|prueba)|pasa(?:la|lo|rla|rlo)|adelanta(?:la|lo|r)?|"
    r"atrasa(?:la|lo|r)?|retrasa(?:la|lo|r)?"
)
_MEMORY_RE = _re(
    r"confirmation|my booking|my bookings|my appointment|my reservation|my test drive|"
    r"(?:booking|my) (?:reference|ref|number|code|id)|my slot|referencia|"
    r"what did i book|when is my|did i book|have i booked|what have i booked|booked for me|"
    r"mi reserva|mi cita|mis reservas|numero de confirmacion|codigo de confirmacion|que reserve|"
    r"what (?:day|date|time) (?:did we|was|were|is) (?:it|that|we|my)|what (?:day|date|time) did "
    r"we|did we (?:say|agree|pick|settle)|we (?:said|agreed)|remind me|(?:the|my) code|"
    r"el codigo|mi codigo|me repites|recuerdame|que dia (?:era|quedamos|dijimos)|"
    r"a que hora (?:era|quedamos|dijimos)|what was (?:the|my) (?:code|time|day|date)"
)
_ELECTRIC_RE = _re(r"electric|evs?|battery|electricos?|hybrids?|hibridos?|plug-in|zero emission")
_CAR_LIST_RE = _re(
    r"(?:what|which) (?:cars|models)|your (?:cars|models|range|line-?up)|cars do you|"
    r"models do you|line-?up|inventory|range|que (?:coches|carros|autos|modelos)|modelos|"
    r"catalogo|what do you sell|what can i drive"
)
_SHOWROOM_LIST_RE = _re(
    r"showrooms|dealerships|locations|stores|branches|concesionarios|tiendas|sucursales"
)
_CAR_INFO_RE = _re(
    r"tell me (?:more )?about|what is|what's the|specs?|price|prices|cost|costs|how fast|how much|"
    r"describe|info|details|horsepower|hp|0-60|cuanto cuesta|precio|cuentame|informacion|"
    r"faster|quicker|cheaper|more expensive|more powerful|compare|versus|vs|difference|"
    r"mas rapido|mas barato|mas caro|diferencia|cuanto vale|range|autonomia|seats?|asientos|"
    r"convertible|electric|hybrid|top speed"
)
_SUPERLATIVE_RE = _re(
    r"fastest|quickest|cheapest|least expensive|most expensive|most powerful|mas rapido|"
    r"mas barato|mas caro|mas potente"
)


_WEAK_WEATHER_RE = _re(
    r"warm|cold|hot|chilly|freezing|frio|fria|calor|fresco|caluroso|templado|rainy|cloudy|foggy"
)
_WEATHER_CONTEXT_RE = _re(
    r"it|it'?s|outside|out there|out|there|today|tomorrow|tonight|weekend|right now|"
    r"this (?:week|morning|afternoon|evening)|hace|hara|estara|afuera|alli|hoy|manana"
)
# Where one request ends and the next may begin: punctuation and joining words ("y" only
# where it does not join minutes to an hour: "a las cuatro y media").
_CLAUSE_BREAK_RE = re.compile(
    r"[?!;]+|\.(?=\s|$)|,|\s(?=(?:and|also|plus|but|as well as|pero|tambien|ademas)\s)|"
    r"\s(?=y\s(?!(?:media|cuarto|\d|diez|veinte|cinco|quince|treinta)\b))",
    re.IGNORECASE,
)
_CATALOGUE_CLAUSE_RES = (_CAR_INFO_RE, _SUPERLATIVE_RE, _ELECTRIC_RE, _CAR_LIST_RE)
_WHICH_CARS_RES = (_SUPERLATIVE_RE, _ELECTRIC_RE, _CAR_LIST_RE)  # which cars, not one car's facts


@dataclass(frozen=True)
class Request:
    """One thing a message asks: its intent and the words that carry it."""

    intent: str
    text: str


@dataclass
class Reading:
    """One message, read: what it asks and names (dates are resolved later, with a clock)."""

    text: str
    lang: str | None
    intents: list[str]
    question: bool
    asks_to_book: bool
    picks: bool  # a request that chooses ("I'd like", "can I have")
    asks_free: bool  # asks whether something is free ("available", "free", "slots")
    showrooms: list[str]
    places: list[PlaceMention]
    cars: list[CarModel]
    other_car: str | None
    time: str | None
    period: tuple[int, int] | None
    flags: set[str] = field(default_factory=set)
    requests: list[Request] = field(default_factory=list)
    whole: str = ""  # for one request of a message: the whole message (its day, if it has none)

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def part(self, text: str) -> Reading:
        """The reading of one request's words, in this message's language."""
        if text == self.text:
            return self
        sub = read(text)
        sub.lang = self.lang
        sub.flags |= self.flags & {"markup", "defer"}
        sub.whole = self.text
        return sub

    @property
    def day_words(self) -> str:
        """The words to read a day from: this request's, else the whole message's ("the weather
        there on Saturday and whether 10am is free")."""
        return self.text if find_date_words(self.text) or not self.whole else self.whole


# "what did I book?", "have we booked?": about a booking made, not a new one.
_BOOKED_RE = re.compile(r"\b(?:did|have|had|has) (?:i|we|you) (?:\w+ )?(?:book|reserve|schedule)")


def _asks_to_book(low: str) -> bool:
    return bool(
        _BOOK_VERB_RE.search(low) and not _NOT_BOOKING_RE.search(low) and not _BOOKED_RE.search(low)
    )


def detect_intents(text: str) -> list[str]:
    """The task intents of a text, ordered by first appearance (see the module docstring)."""
    low = corrected(text)
    found: dict[str, int] = {}
    for intent, pattern in _INTENT_RES.items():
        match = pattern.search(low)
        if match:
            found[intent] = match.start()
    if WEATHER not in found:
        weak = _WEAK_WEATHER_RE.search(low)
        if weak and (_WEATHER_CONTEXT_RE.search(low) or find_places(text)):
            found[WEATHER] = weak.start()  # "is it cold in Chicago?", "will it be hot?"
    suits = _SUITS_RE.search(low)
    near = low[max(0, suits.start() - 25) : suits.end()] if suits else ""  # "¿las 3 está bien?"
    if suits and _names_a_slot(near) and WEATHER not in found:
        found.setdefault(AVAILABILITY, suits.start())  # "does 3pm work?": free times, not hours
        found.pop(HOURS, None)
    if AVAILABILITY in found and HOURS in found:
        if _STRONG_AVAILABILITY_RE.search(low):
            del found[HOURS]  # "open slots", "any free times before you close?"
        else:
            del found[AVAILABILITY]  # "what time do you open?"
    if WEATHER in found and BOOKING in found and not _asks_to_book(low) and not find_time(text):
        del found[BOOKING]  # "what should I wear for my test drive?" asks about the weather
    if BOOKING in found and _NOT_BOOKING_RE.search(low):
        found.setdefault(AVAILABILITY, found.pop(BOOKING))  # "don't book yet: what's free?"
    if AVAILABILITY in found:
        if BOOKING in found:
            if _asks_to_book(low) and find_time(text):
                del found[AVAILABILITY]  # "is 11am free? book it"
            else:
                del found[BOOKING]  # "is 3pm free for a test drive?"
    if HOURS in found and (ADDRESS in found or BOOKING in found):
        # "where and when are you open" is both; "book a slot before you close" is a booking
        if BOOKING in found:
            del found[HOURS]
    return sorted(found, key=found.__getitem__)


_BARE_HOUR_RE = re.compile(r"(?<![\d:/$])\b(1[0-2]|[1-9])\b(?![\d:/]|\s*(?:st|nd|rd|th)\b)")


def _names_a_slot(words: str) -> bool:
    return bool(find_time(words) or find_date_words(words) or _BARE_HOUR_RE.search(words))


def _suits_hour(low: str) -> str | None:
    """The bare hour of "does 10 work?" (1-7 is the afternoon, as everywhere)."""
    suits = _SUITS_RE.search(low)
    number = _BARE_HOUR_RE.search(low[max(0, suits.start() - 25) : suits.end()]) if suits else None
    if number is None:
        return None
    hour = int(number.group(1))
    return f"{hour + 12 if hour <= 7 else hour:02d}:00"


def read(text: str) -> Reading:
    own = customer_words(text)
    text = own.text
    low = corrected(text)
    flags = set()
    for flag, pattern in (
        ("injection", _INJECTION_RE),
        ("other_customer", _OTHER_CUSTOMER_RE),
        ("third_party", _THIRD_PARTY_RE),
        ("off_topic", _OFF_TOPIC_RE),
        ("cancel", _CANCEL_RE),
        ("move", _MOVE_RE),
        ("memory", _MEMORY_RE),
        ("electric", _ELECTRIC_RE),
        ("car_list", _CAR_LIST_RE),
        ("showroom_list", _SHOWROOM_LIST_RE),
        ("car_info", _CAR_INFO_RE),
        ("superlative", _SUPERLATIVE_RE),
        ("greeting", _GREETING_RE),
        ("thanks", _THANKS_RE),
        ("help", _HELP_RE),
        ("defer", _DEFER_RE),
        ("ask_showroom", _ASK_SHOWROOM_RE),
        ("yes", _YES_RE),
        ("no", _NO_RE),
    ):
        if pattern.search(low):
            flags.add(flag)
    if _ARITHMETIC_RE.search(low):
        flags.add("off_topic")
    if _NAMED_BOOKER_RE.search(text):
        flags.add("other_customer")
    if own.dropped:
        flags.add("markup")
        if not re.search(r"[a-z]{3}", low):
            flags.add("injection")  # nothing but instructions
    intents = detect_intents(text)
    cars = find_cars(text)
    reading = Reading(
        text=text,
        lang=detect_language(text),
        intents=intents,
        question=bool(_QUESTION_RE.search(low)),
        asks_to_book=_asks_to_book(low),
        picks=bool(_PICK_RE.search(low)),
        asks_free=bool(_STRONG_AVAILABILITY_RE.search(low)),
        showrooms=find_showrooms(text),
        places=find_places(text),
        cars=cars,
        other_car=find_other_car(text),
        time=find_time(BOUND_RE.sub(" ", low)) or _suits_hour(low),  # not "after 2pm"
        period=find_period(text),
        flags=flags,
    )
    reading.requests = _requests(text, intents, bool(cars or reading.other_car))
    return reading


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _CLAUSE_BREAK_RE.finditer(text):
        if text[start : match.end()].strip(" ,"):
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _requests(text: str, intents: list[str], names_a_car: bool) -> list[Request]:
    """The message's requests in the order asked, each with the clauses that carry it."""
    task = next((i for i in intents if i in TASKS), None)
    spans = _clauses(text)
    owners: list[list[str]] = []
    for start, end in spans:
        clause = text[start:end]
        found: list[str] = []
        for intent in detect_intents(clause):
            mine = task if intent in TASKS else intent
            if mine is not None and mine in intents and mine not in found:
                found.append(mine)
        low = corrected(clause)
        if intents and any(pattern.search(low) for pattern in _WHICH_CARS_RES):
            found.insert(0, CATALOGUE)  # "anything electric I could try in Chicago?"
        elif not found and names_a_car and intents:
            if any(pattern.search(low) for pattern in _CATALOGUE_CLAUSE_RES):
                found = [CATALOGUE]  # "... and how much is the Volt?"
        owners.append(found)
    for index in range(1, len(owners)):  # a clause with no intent continues the one before
        owners[index] = owners[index] or owners[index - 1]
    first = next((found for found in owners if found), [])
    owners = [found or first for found in owners]  # ... or, at the start, the one after
    order: list[str] = []
    pieces: dict[str, list[tuple[int, int]]] = {}
    for (start, end), found in zip(spans, owners, strict=True):
        for intent in found:
            if intent not in order:
                order.append(intent)
            runs = pieces.setdefault(intent, [])
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)  # contiguous clauses stay one piece of text
            else:
                runs.append((start, end))
    if len(order) <= 1:
        return [Request(intent, text) for intent in order]
    return [
        Request(intent, " ".join(text[a:b].strip() for a, b in pieces[intent])) for intent in order
    ]


THAT_DAY_RE = re.compile(
    r"\b(?:that day|same day|then|ese dia|ese mismo dia|(?:my|the|our) (?:test drive|"
    r"appointment|booking|visit)|mi (?:cita|prueba|reserva)|la prueba)\b"
)
