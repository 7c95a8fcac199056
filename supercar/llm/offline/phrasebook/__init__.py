"""What the offline model says: `say(key, lang, **fields)` over one table of lines per language
(`en`, `es`), and the few sentences built from the catalogue (car facts, the showroom list).

Decisions:
- A line is written once per language under one key, with `str.format` fields, so the code
  never branches on the language and a missing translation is a test failure, not a surprise.
- Ask ONE thing per reply: every question here asks for one missing piece.
- Days are written as a customer says them ("Friday, November 27" / "el viernes 27 de
  noviembre"); times stay HH:MM as the tools and the frontend's cards show them. The wording of
  tool results and refusals is the tools' own (`supercar.tools.summaries`), shared with the CLI.
"""

from __future__ import annotations

from datetime import date

from supercar.language import ES, Language
from supercar.llm.offline.phrasebook import en, es
from supercar.tools.catalog import CARS, SHOWROOMS, CarModel, Showroom
from supercar.tools.summaries import car_choices, days_name, join, short_car
from supercar.tools.wording import MONTHS, WEEKDAYS, hours_summary

_TABLES = {"en": en.LINES, "es": es.LINES}

SHOWROOM_CHOICES = {
    "en": "Manhattan, Miami, Chicago, Los Angeles or Denver",
    "es": "Manhattan, Miami, Chicago, Los Ángeles o Denver",
}


def say(key: str, lang: str, **fields: object) -> str:
    template = _TABLES.get(lang, en.LINES)[key]
    if "{examples}" in template:
        fields.setdefault("examples", say("examples", lang))
    if "{choices}" in template:
        fields.setdefault("choices", SHOWROOM_CHOICES.get(lang, SHOWROOM_CHOICES["en"]))
    if "{cars}" in template:
        fields.setdefault("cars", car_choices(lang))
    return template.format(**fields)


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


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def car_fact(car: CarModel, lang: str) -> str:
    return say(
        "car_fact",
        lang,
        name=car.name,
        a=article(car.body),
        body=car.body,
        powertrain=car.powertrain,
        secs=car.zero_to_sixty_s,
        price=car.starting_price_usd,
    )


def not_offered(name: str, lang: str) -> str:
    cars = CARS[0].name + ", " + join([short_car(car) for car in CARS[1:]], lang)
    return say("not_offered", lang, name=name, cars=cars)


def showroom_list(lang: str) -> str:
    rooms = join([f"{s.name} ({s.city}, {s.region})" for s in SHOWROOMS], lang)
    return say("showroom_list", lang, rooms=rooms)


def hours_line(showroom: Showroom, lang: str) -> str:
    """'Mon-Sat 9am-7pm, closed Sundays' from the catalogue."""
    closed = [day for day in range(7) if showroom.hours_on(day) is None]
    summary = hours_summary(showroom.hours_summary(), lang)
    if not closed:
        return summary
    days = join([days_name(day, lang) for day in closed], lang)
    return say("closed_on", lang, summary=summary, days=days)


def weekday_is(day: date, lang: str) -> str:
    """ "December 1 is a Tuesday." / "El 1 de diciembre es martes." """
    language: Language = "es" if lang == ES else "en"
    weekday, month = WEEKDAYS[language][day.weekday()], MONTHS[language][day.month - 1]
    written = f"{day.day} de {month}" if language == ES else f"{month} {day.day}"
    return say("weekday_is", lang, date=written, weekday=weekday)
