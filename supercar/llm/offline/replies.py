"""Everything the offline model says, in English and Spanish: fixed lines, questions and the
formatting of days, times, distances and catalogue facts.

Decisions:
- One table of lines, each an (English, Spanish) pair with `str.format` fields, so a new
  sentence is written once in both languages and the code never branches on the language.
- Ask ONE thing per reply: every question here asks for one missing piece.
- Days are written as a customer says them ("Friday, November 27" / "el viernes 27 de
  noviembre"); times stay HH:MM as the tools and the frontend's cards show them.
"""

from __future__ import annotations

import re
from datetime import date

from supercar.llm.offline.language import ES
from supercar.tools.catalog import CARS, SHOWROOMS, CarModel, Showroom

_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
_MONTHS = {
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ).split(),
}
_CONDITIONS_ES = {
    "sunny": "soleado",
    "cloudy": "nublado",
    "rainy": "lluvioso",
    "snowy": "con nieve",
    "clear": "despejado",
    "overcast": "cubierto",
    "foggy": "con niebla",
    "windy": "con viento",
    "thunderstorm": "con tormenta",
    "hazy": "con bruma",
}

SHOWROOM_CHOICES = {
    "en": "Manhattan, Miami, Chicago, Los Angeles or Denver",
    "es": "Manhattan, Miami, Chicago, Los Ángeles o Denver",
}


def short_car(car: CarModel) -> str:
    return car.name.removeprefix("SuperCar ")


def join(items: list[str], lang: str = "en", word: str = "and") -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    last = {"and": ("and", "y"), "or": ("or", "o")}[word][lang == ES]
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def car_choices(lang: str) -> str:
    return join([short_car(car) for car in CARS], lang, "or")


def days_name(weekday: int, lang: str) -> str:
    """The weekday in the plural: 'Sundays', 'domingos', 'lunes'."""
    name = _DAYS[lang][weekday]
    return name if name.endswith("s") else name + "s"


def day_text(day: date, lang: str) -> str:
    """'Friday, November 27' or 'el viernes 27 de noviembre'."""
    if lang == ES:
        return f"el {_DAYS[lang][day.weekday()]} {day.day} de {_MONTHS[lang][day.month - 1]}"
    return f"{_DAYS[lang][day.weekday()]}, {_MONTHS[lang][day.month - 1]} {day.day}"


def on_day(day: date, lang: str) -> str:
    return day_text(day, lang) if lang == ES else "on " + day_text(day, lang)


def hour_text(hour: int, lang: str) -> str:
    if lang == ES:
        return f"{hour}:00"
    return f"{(hour % 12) or 12}{'am' if hour < 12 else 'pm'}"


def distance_text(km: float, lang: str) -> str:
    """Roughly: 'about 10 km (6 miles)'."""
    rounded = round(km) if km < 20 else round(km, -1) if km < 300 else round(km, -2)
    if lang == ES:
        return f"a unos {rounded:,.0f} km".replace(",", ".")
    miles = km / 1.609
    miles_r = round(miles) if miles < 20 else round(miles, -1) if miles < 300 else round(miles, -2)
    return f"about {rounded:,.0f} km ({miles_r:,.0f} miles)"


def condition_text(condition: str, lang: str) -> str:
    return _CONDITIONS_ES.get(condition, condition) if lang == ES else condition


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def car_fact(car: CarModel, lang: str) -> str:
    if lang == ES:
        return (
            f"El {car.name} ({car.body}, {car.powertrain}) hace de 0 a 60 mph en "
            f"{car.zero_to_sixty_s} s y cuesta desde ${car.starting_price_usd:,}."
        )
    return (
        f"The {car.name} is {article(car.body)} {car.body} ({car.powertrain}): 0-60 mph in "
        f"{car.zero_to_sixty_s} s, from ${car.starting_price_usd:,}."
    )


def not_offered(name: str, lang: str) -> str:
    cars = CARS[0].name + ", " + join([short_car(car) for car in CARS[1:]], lang)
    return say("not_offered", lang, name=name, cars=cars)


def showroom_list(lang: str) -> str:
    rooms = join([f"{s.name} ({s.city}, {s.region})" for s in SHOWROOMS], lang)
    return say("showroom_list", lang, rooms=rooms)


_DAY_ABBR_ES = dict(
    zip(
        ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
        strict=True,
    )
)


def hours_summary(summary: str, lang: str) -> str:
    """The catalogue's `Mon-Sat 9am-7pm` summary, in Spanish `lun-sáb 9:00-19:00`."""
    if lang != ES:
        return summary
    summary = re.sub(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", lambda m: _DAY_ABBR_ES[m[1]], summary)
    return re.sub(
        r"\b(\d{1,2})(am|pm)\b",
        lambda m: f"{int(m[1]) % 12 + (12 if m[2] == 'pm' else 0)}:00",
        summary,
    )


def hours_line(showroom: Showroom, lang: str) -> str:
    """'Mon-Sat 9am-7pm, closed Sundays' from the catalogue."""
    closed = [day for day in range(7) if showroom.hours_on(day) is None]
    summary = hours_summary(showroom.hours_summary(), lang)
    if not closed:
        return summary
    names = join([days_name(day, lang) for day in closed], lang)
    return f"{summary}, " + (f"cerrado los {names}" if lang == ES else f"closed {names}")


_LINES: dict[str, tuple[str, str]] = {
    "greeting": (
        "Hello! I'm Lex, SuperCar's sales assistant. You're talking to the offline demo model, "
        "a simple rule-based stand-in that needs no API key. I can check the weather in a city, "
        "give you a showroom's address and hours, show free test-drive times and book a test "
        "drive. {examples}",
        "¡Hola! Soy Lex, el asistente de ventas de SuperCar. Estás hablando con el modelo de "
        "demostración sin conexión, un sustituto sencillo basado en reglas que no necesita clave. "
        "Puedo consultar el clima de una ciudad, darte la dirección y el horario de un "
        "concesionario, mostrar horas libres para una prueba de manejo y reservarla. {examples}",
    ),
    "help": (
        "I'm Lex, running as the offline demo model (rule-based, so keep it simple). I can help "
        "with four things: the weather in a city, a showroom's address and hours, free "
        "test-drive times, and booking a test drive. I can also tell you about our cars and "
        "showrooms. {examples}",
        "Soy Lex, en el modelo de demostración sin conexión (basado en reglas). Puedo ayudarte "
        "con cuatro cosas: el clima de una ciudad, la dirección y el horario de un concesionario, "
        "las horas libres para una prueba de manejo y reservarla. {examples}",
    ),
    "examples": (
        'Try "What\'s the weather in Miami?", "Where is the Chicago showroom?" or '
        '"Book a test drive of the GT in Miami tomorrow at 11am".',
        'Prueba "¿Qué tiempo hace en Miami?", "¿Dónde está el concesionario de Chicago?" o '
        '"Quiero reservar una prueba del GT en Miami mañana a las 11".',
    ),
    "decline": (
        "Sorry, I can't help with that: I'm Lex, and I can check the weather, give a showroom's "
        "address and hours, and find or book a test drive.",
        "Lo siento, con eso no puedo ayudarte: soy Lex y puedo consultar el clima, darte la "
        "dirección y el horario de un concesionario, y buscar o reservar una prueba de manejo.",
    ),
    "other_customer": (
        "Sorry, I can only help with your own bookings; I can't see or change anyone else's.",
        "Lo siento, solo puedo ayudarte con tus propias reservas; no puedo ver ni cambiar las de "
        "otras personas.",
    ),
    "cancel": (
        "I can't cancel or change a booking here; please call {where} and they'll sort it out.",
        "No puedo cancelar ni cambiar una reserva desde aquí; llama a {where} y lo resolverán.",
    ),
    "cancel_where": ("the showroom", "el concesionario"),
    "thanks": (
        "You're welcome! Anything else I can do: the weather, a showroom's address and hours, "
        "free test-drive times or a booking?",
        "¡De nada! ¿Algo más? Puedo ver el clima, la dirección de un concesionario, horas libres "
        "o reservar una prueba.",
    ),
    "no_problem": (
        "No problem. Is there another time or day that would suit you?",
        "Sin problema. ¿Te vendría bien otra hora u otro día?",
    ),
    "yes_nothing": (
        "Great! What would you like to do: check the weather, find a showroom, or book a test "
        "drive?",
        "¡Genial! ¿Qué te gustaría hacer: ver el clima, encontrar un concesionario o reservar "
        "una prueba?",
    ),
    "ask_city": (
        "Which city would you like the weather for?",
        "¿De qué ciudad quieres saber el clima?",
    ),
    "ask_showroom": (
        "Which showroom would you like — {choices}?",
        "¿Qué concesionario prefieres: {choices}?",
    ),
    "ask_day": (
        "Which day would suit you (for example tomorrow or Friday)?",
        "¿Qué día te viene bien (por ejemplo mañana o el viernes)?",
    ),
    "ask_other_day": ("Which other day would suit you?", "¿Qué otro día te viene bien?"),
    "ask_time": (
        "What time would you like (for example 11am)?",
        "¿A qué hora te gustaría (por ejemplo a las 11)?",
    ),
    "ask_car": (
        "Which car would you like to drive — {cars}?",
        "¿Qué coche te gustaría probar: {cars}?",
    ),
    "also_car": (
        "And which model would you like to drive — {cars}?",
        "¿Y qué modelo te gustaría probar: {cars}?",
    ),
    "booking_lead": ("Happy to set up a test drive", "Con gusto preparo tu prueba de manejo"),
    "checking_lead": ("Happy to check", "Con gusto lo miro"),
    "so_far": (" of {what}", " de {what}"),
    "not_offered": (
        "We don't offer the {name}, I'm afraid; our range is the {cars}.",
        "Lo siento, no ofrecemos el {name}; nuestra gama es el {cars}.",
    ),
    "keep_car": (
        "I still have the {car} down for your test drive.",
        "Sigo teniendo el {car} para tu prueba.",
    ),
    "which_of_ours": (
        "Which of ours would you like to try?",
        "¿Cuál de los nuestros te gustaría probar?",
    ),
    "near": (
        "{showroom} is our closest showroom to {place}, {distance} away.",
        "{showroom} es nuestro concesionario más cercano a {place}, {distance}.",
    ),
    "far": (
        "We don't have a showroom in {place}; the nearest is {showroom}, {distance} away. "
        "Would you like to go there?",
        "No tenemos concesionario en {place}; el más cercano es {showroom}, {distance}. "
        "¿Te gustaría ir allí?",
    ),
    "far_note": (
        "We don't have a showroom in {place}; the nearest is {showroom}, {distance} away.",
        "No tenemos concesionario en {place}; el más cercano es {showroom}, {distance}.",
    ),
    "offer_drive": (
        "Would you like to book a test drive there?",
        "¿Quieres reservar una prueba de manejo allí?",
    ),
    "unknown_place": (
        "I don't know where {place} is, so I can't tell which showroom is closest. "
        "Which showroom would you like — {choices}?",
        "No sé dónde está {place}, así que no puedo decirte cuál es el concesionario más "
        "cercano. ¿Cuál prefieres: {choices}?",
    ),
    "showroom_list": (
        "We have five showrooms: {rooms}. Which one would you like to visit?",
        "Tenemos cinco concesionarios: {rooms}. ¿Cuál te gustaría visitar?",
    ),
    "car_list": (
        "Our line-up: {names}. Ask me about any of them, or book a test drive.",
        "Nuestra gama: {names}. Pregúntame por cualquiera o reserva una prueba de manejo.",
    ),
    "electric": (
        "Our fully electric models are {electric}.{hybrid} Would you like to test drive one?",
        "Nuestros modelos eléctricos son {electric}.{hybrid} ¿Quieres probar uno?",
    ),
    "hybrid": (" The {cars} is a plug-in hybrid.", " El {cars} es un híbrido enchufable."),
    "want_drive": (
        "Would you like to book a test drive?",
        "¿Quieres reservar una prueba de manejo?",
    ),
    "fastest": (
        "The quickest is the {car}: 0-60 mph in {secs} s.",
        "El más rápido es el {car}: de 0 a 60 mph en {secs} s.",
    ),
    "cheapest": (
        "The most affordable is the {car}, from ${price:,}.",
        "El más asequible es el {car}, desde ${price:,}.",
    ),
    "priciest": (
        "The top of the range is the {car}, from ${price:,}.",
        "El tope de gama es el {car}, desde ${price:,}.",
    ),
    "hours_day": (
        "{showroom} is open {open}-{close} {day}.",
        "{showroom} abre de {open} a {close} {day}.",
    ),
    "hours_closes": (
        "{showroom} is open {open}-{close} {day}, so it closes at {close}.",
        "{showroom} abre de {open} a {close} {day}, así que cierra a las {close}.",
    ),
    "hours_opens": (
        "{showroom} opens at {open} {day} (open {open}-{close}).",
        "{showroom} abre a las {open} {day} (horario de {open} a {close}).",
    ),
    "no_showroom_region": (
        "We don't have a showroom in {place}; ours are in New York (Manhattan), Miami, Chicago, "
        "Los Angeles (Beverly Hills) and Denver. Which would suit you?",
        "No tenemos concesionario en {place}; los nuestros están en Nueva York (Manhattan), "
        "Miami, Chicago, Los Ángeles (Beverly Hills) y Denver. ¿Cuál te viene bien?",
    ),
    "hours_closed": (
        "{showroom} is closed {day}. Its hours: {hours}.",
        "{showroom} está cerrado {day}. Su horario: {hours}.",
    ),
    "hours_week": ("{showroom} is open {hours}.", "El horario de {showroom} es: {hours}."),
    "no_bookings": (
        "I don't see a booking in this conversation yet. Would you like to book a test drive?",
        "Todavía no veo ninguna reserva en esta conversación. ¿Quieres reservar una prueba?",
    ),
    "your_booking": (
        "Your test drive: the {car} at {showroom} {day} at {time}; confirmation {id}.",
        "Tu prueba de manejo: el {car} en {showroom} {day} a las {time}; confirmación {id}.",
    ),
    "slot_free": (
        "Yes, {time} is free {day} at {showroom}. Would you like me to book it?",
        "Sí, las {time} están libres {day} en {showroom}. ¿Quieres que la reserve?",
    ),
    "slot_not_free": (
        "{time} isn't free {day}; {showroom} has {times}. Would one of those suit you?",
        "Las {time} no están libres {day}; {showroom} tiene {times}. ¿Te sirve alguna?",
    ),
    "period_some": (
        "Around then, {showroom} has {times} free {day}. Which one suits you?",
        "A esa hora, {showroom} tiene libre {day}: {times}. ¿Cuál te viene bien?",
    ),
    "period_none": (
        "Nothing is free then {day}, but {showroom} has {times}. Would one of those work?",
        "A esa hora no hay nada libre {day}, pero {showroom} tiene {times}. ¿Te sirve alguna?",
    ),
    "pick": ("Which one suits you?", "¿Cuál te viene bien?"),
    "cant_look_up": (
        "I can't look that up right now; please ask me again in a moment.",
        "Ahora mismo no puedo consultarlo; pregúntame de nuevo en un momento.",
    ),
}


def say(key: str, lang: str, **fields: object) -> str:
    english, spanish = _LINES[key]
    template = spanish if lang == ES else english
    if "{examples}" in template:
        fields.setdefault("examples", say("examples", lang))
    if "{choices}" in template:
        fields.setdefault("choices", SHOWROOM_CHOICES[lang])
    if "{cars}" in template:
        fields.setdefault("cars", car_choices(lang))
    return template.format(**fields)
