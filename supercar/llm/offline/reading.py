"""What one customer message is about: its intents, its kind (question, request, answer) and
the things it names. No conversation state here; `dialogue` decides what to do with a `Reading`.

Decisions:
- Intents are keyword families in both languages, matched on the corrected text, ordered by
  where they first appear (several intents in one message become parallel tool calls).
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
from supercar.llm.offline.showrooms import PlaceMention, find_places, find_showrooms
from supercar.llm.offline.when import find_period, find_time
from supercar.tools.catalog import CarModel

WEATHER = "weather"
ADDRESS = "address"
HOURS = "hours"
AVAILABILITY = "availability"
BOOKING = "booking"
TASKS = (AVAILABILITY, BOOKING)


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-])(?:{pattern})(?![\w-])")


_INTENT_RES = {
    WEATHER: _re(
        r"weather|forecast|temperatures?|temps?|rain\w*|sunny|sunshine|snow\w*|degrees|umbrella|"
        r"windy|"
        r"how (?:hot|cold|warm)|clima|lluv\w*|llov\w*|llueve|nieva|nevando|temperatura|"
        r"pronostico|soleado|"
        r"nublado|hace (?:calor|frio|sol)|que tiempo|el tiempo|tiempo (?:hace|en|para)"
    ),
    ADDRESS: _re(
        r"where|address|located|location|directions|how (?:do|can) i get|get there|phone|"
        r"how far|how close|distance|lejos|distancia|queda|"
        r"call you|donde|direccion|ubicacion|ubicad[oa]s?|como llego|telefono|"
        r"is there (?:a|any) (?:showroom|dealership|store)|(?:showroom|dealership)s? (?:in|near)|"
        r"nearest|closest|near me|hay (?:un |algun )?(?:concesionario|tienda|showroom)"
    ),
    HOURS: _re(
        r"opening hours|business hours|hours|open(?!-top)|opens|opening|close|closes|closing|"
        r"closed|shut|horarios?|abren|abre|cierran|cierra|abiertos?|cerrados?"
    ),
    AVAILABILITY: _re(
        r"available|availability|free|slots?|openings|when can i|what times?|which times?|"
        r"any times?|times? (?:do you have|are there)|libres?|disponibles?|disponibilidad|"
        r"huecos?|que horas|a que hora puedo|room at|come (?:in|by)|stop by|drop by|visit|"
        r"pasar(?:me)? por|is there (?:anything|something)|possible|posible|doable|an option|"
        r"se puede|(?:is there|have) room|fit me in"
    ),
    BOOKING: _re(
        r"book|booking|schedule|reserve|reservation|test[- ]?drive|appointment|"
        r"reserv(?:ar|a|alo|ala|ame|amelo|en|emos)|agend(?:ar|a|alo|ala|ame)|cita|"
        r"prueba(?: de manejo)?|probar(?:lo|la)?|manejar(?:lo|la)?|"
        r"conducir|sign me up|put me down|i'?ll take|me quedo|lock (?:it )?in|try (?:out )?the|"
        r"drive the|take the .{1,20} for a spin"
    ),
}
_STRONG_AVAILABILITY_RE = _re(
    r"available|availability|free|slots?|openings|libres?|disponibles?|disponibilidad|huecos?"
)
# Words that ask to book (not merely to talk about a test drive).
_BOOK_VERB_RE = _re(
    r"book|schedule|reserve|reserv(?:ar|alo|ala|ame|amelo|emos)|agend(?:ar|a|alo|ala|ame)|"
    r"sign me up|put me down|"
    r"i'?ll take|me quedo|lock (?:it )?in|make (?:it|the|a) (?:booking|reservation)|"
    r"go ahead and|set (?:it|that|one) up"
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
    r"i want|i'?ll (?:have|take|go with)|give me|let me (?:have|take)|let'?s (?:do|go with)|"
    r"we'?ll take|quiero|me gustaria|dame|me quedo"
)
_QUESTION_RE = re.compile(
    # hedges count as questions: "I'm thinking about 3pm" asks, it does not choose
    r"\b(?:(?:i'?d like|i want|i would like|quisiera|me gustaria) to (?:know|ask|check|see)|"
    r"tell me|saber si|"
    r"thinking|considering|wondering|maybe|might|perhaps|possibly|not sure|quizas|quiza|"
    r"tal vez|a lo mejor|pensando)\b|\?|^\s*(?:is|are|do|does|can|could|would|will|what|which|"
    r"when|where|how|any|que|cual|cuando|donde|como|hay|tienen|esta|estan|puedo|what about|"
    r"how about)\b"
)
_YES_RE = _re(
    r"yes|yeah|yep|yup|sure|ok|okay|please do|do it|go ahead|sounds good|perfect|great|"
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
    r"person|robot|ai|chatgpt|gpt)|tell me about yourself|what model are you|ayuda|eres (?:un )?"
    r"(?:bot|robot|humano|ia)|"
    r"que puedes hacer|quien eres|que eres"
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
    r"cancel|reschedule|move (?:my|it|the)|push (?:it|my)|change (?:it|the time)|"
    r"change my (?:booking|appointment|reservation|test drive)|moverla|cambiarla|"
    r"cancelar|anular|cambiar mi (?:reserva|cita)"
)
_MEMORY_RE = _re(
    r"confirmation|my booking|my bookings|my appointment|my reservation|my test drive|"
    r"(?:booking|my) (?:reference|ref|number|code|id)|my slot|referencia|"
    r"what did i book|when is my|did i book|have i booked|what have i booked|booked for me|"
    r"mi reserva|mi cita|mis reservas|numero de confirmacion|codigo de confirmacion|que reserve"
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
    r"tell me (?:more )?about|what is|what's the|specs?|price|prices|cost|how fast|how much|"
    r"describe|info|details|horsepower|hp|0-60|cuanto cuesta|precio|cuentame|informacion"
)
_SUPERLATIVE_RE = _re(
    r"fastest|quickest|cheapest|least expensive|most expensive|most powerful|mas rapido|"
    r"mas barato|mas caro|mas potente"
)


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

    def has(self, flag: str) -> bool:
        return flag in self.flags


def _asks_to_book(low: str) -> bool:
    return bool(_BOOK_VERB_RE.search(low)) and not _NOT_BOOKING_RE.search(low)


def detect_intents(text: str) -> list[str]:
    """The task intents of a text, ordered by first appearance (see the module docstring)."""
    low = corrected(text)
    found: dict[str, int] = {}
    for intent, pattern in _INTENT_RES.items():
        match = pattern.search(low)
        if match:
            found[intent] = match.start()
    if AVAILABILITY in found and HOURS in found:
        if _STRONG_AVAILABILITY_RE.search(low):
            del found[HOURS]  # "open slots", "any free times before you close?"
        else:
            del found[AVAILABILITY]  # "what time do you open?"
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


def read(text: str) -> Reading:
    low = corrected(text)
    flags = set()
    for flag, pattern in (
        ("injection", _INJECTION_RE),
        ("other_customer", _OTHER_CUSTOMER_RE),
        ("third_party", _THIRD_PARTY_RE),
        ("off_topic", _OFF_TOPIC_RE),
        ("cancel", _CANCEL_RE),
        ("memory", _MEMORY_RE),
        ("electric", _ELECTRIC_RE),
        ("car_list", _CAR_LIST_RE),
        ("showroom_list", _SHOWROOM_LIST_RE),
        ("car_info", _CAR_INFO_RE),
        ("superlative", _SUPERLATIVE_RE),
        ("greeting", _GREETING_RE),
        ("thanks", _THANKS_RE),
        ("help", _HELP_RE),
        ("yes", _YES_RE),
        ("no", _NO_RE),
    ):
        if pattern.search(low):
            flags.add(flag)
    if _ARITHMETIC_RE.search(low):
        flags.add("off_topic")
    if _NAMED_BOOKER_RE.search(text):
        flags.add("other_customer")
    return Reading(
        text=text,
        lang=detect_language(text),
        intents=detect_intents(text),
        question=bool(_QUESTION_RE.search(low)),
        asks_to_book=_asks_to_book(low),
        picks=bool(_PICK_RE.search(low)),
        asks_free=bool(_STRONG_AVAILABILITY_RE.search(low)),
        showrooms=find_showrooms(text),
        places=find_places(text),
        cars=find_cars(text),
        other_car=find_other_car(text),
        time=find_time(text),
        period=find_period(text),
        flags=flags,
    )


def scope(text: str, intent: str, intents: list[str]) -> str:
    """The clauses of the text that carry this intent (all of it when it is the only one)."""
    if len(intents) == 1:
        return text
    parts, owner = [], None
    for clause in re.split(r"\band\b|\balso\b|\by\b|[,;?!]|\.\s", text):
        found = detect_intents(clause)
        owner = found[0] if found else owner  # "weather in Paris and London": London inherits
        if owner == intent:
            parts.append(clause)
    return " ".join(parts)


THAT_DAY_RE = re.compile(r"\b(?:that day|same day|then|ese dia|ese mismo dia)\b")
