"""Weather requests: which cities and which days, from the message and the conversation.

Decisions:
- Up to three cities per request, in the order named; "there" is the place the conversation is
  about (the showroom of the thread, else the last place named).
- A comparison ("warmer in Miami or Chicago?", "colder tomorrow than today?") asks for each
  city, or each day of one city, and the report says which is warmer.
- Days are the customer's ("tomorrow" in Tokyo, asked on a Tuesday in New York, is Wednesday,
  though Tokyo's own tomorrow is Thursday), never before the city's own today.
- °F or °C on request is the tool's `unit` argument (the tool converts, so the text states the
  data's own numbers); a unit alone ("and in Fahrenheit?") asks again for the last city and day.
"""

from __future__ import annotations

import re

from supercar.llm.offline.clock import Clock
from supercar.llm.offline.keywords import (
    BOTH_RE,
    EVERY_SHOWROOM_RE,
    FUTURE_RE,
    THAT_DAY_RE,
    WEATHER,
)
from supercar.llm.offline.language import ES, corrected, plain
from supercar.llm.offline.phrasebook import say
from supercar.llm.offline.reading import Reading
from supercar.llm.offline.showrooms import find_places
from supercar.llm.offline.state import State, Step, last_booked_day, last_weather_day
from supercar.llm.offline.when import find_date, find_dates
from supercar.llm.offline.where import THERE_RE
from supercar.tools.catalog import SHOWROOMS, find_showroom
from supercar.tools.places import find_place

_COMPARE_RE = re.compile(
    r"\b(?:warmer|colder|hotter|cooler|chillier|compare[sd]?|comparison|vs|versus|than|"
    r"difference|mas (?:calor|frio|calido|fresco|caliente)|menos (?:calor|frio)|comparar|"
    r"que en)\b"
)
_FAHRENHEIT_RE = re.compile(r"fahrenheit|°\s?f\b|\bin f\b|\bgrados f\b")
_WEAR_RE = re.compile(
    r"\b(?:wear|jacket|coat|sweater|jumper|scarf|gloves|umbrella|sunscreen|sunglasses|shorts|"
    r"dress|bring|pack|abrigo|chaqueta|chamarra|paraguas|ponerme|me pongo|ropa|llevar|llevo)\b"
)
_CELSIUS_RE = re.compile(r"celsius|centigrade|centigrados|°\s?c\b|\bin c\b")


def plan_weather(s: State, r: Reading, step: Step, clock: Clock) -> None:
    low = plain(r.text)
    unit = "F" if _FAHRENHEIT_RE.search(low) else "C" if _CELSIUS_RE.search(low) else None
    if unit and not (r.places or r.showrooms or THERE_RE.search(low)) and s.last_weather:
        city, asked_day = s.last_weather  # "and in Fahrenheit?": the last city and day again
        again = {"city": city, "unit": unit} | ({"date": asked_day} if asked_day else {})
        step.calls.append(("get_weather", again))
        return
    cities = _cities(s, r, low)
    if not cities:
        step.reply.append(say("ask_city", s.lang))
        return
    compare = bool(_COMPARE_RE.search(low))
    here = clock.today(s.showroom or s.last_showroom)  # the customer's calendar
    for city in cities:
        place = find_place(city)
        today = clock.today(timezone=place.timezone if place else None)
        days = find_dates(r.text, here, day_first=s.lang == ES) if compare else []
        if len(cities) > 1 or len(days) < 2:
            day = find_date(r.day_words, here, day_first=s.lang == ES)
            visit = s.day or last_booked_day(s)
            if day is None and visit and (_wears(low) or FUTURE_RE.search(low)) and not r.places:
                day = visit  # "gonna need a jacket?", "will it be cold?" after booking Friday
            if day is None and THAT_DAY_RE.search(low):
                # "and Buenos Aires, same day?" while on the weather; else the thread's day
                weather_day = last_weather_day(s) if s.topic == WEATHER else None
                day = weather_day or s.day or last_booked_day(s)
            days = [day] if day is not None else [here]
        for asked in days:
            day = max(asked, today)  # Tokyo's "tomorrow" may be its today already
            args = {"city": city}
            if day != today or asked > here:  # omitted means today; a day named is sent
                args["date"] = day.isoformat()
            if unit:
                args["unit"] = unit
            step.calls.append(("get_weather", args))
    step.compare = compare and len(step.calls) > 1
    step.wear = _wears(low)
    s.focus = cities[-1]


def _wears(low: str) -> bool:
    """Whether the question is what to wear or bring."""
    return bool(_WEAR_RE.search(low))


def _cities(s: State, r: Reading, low: str) -> list[str]:
    """The cities asked about, in order; "there" is the conversation's place."""
    if EVERY_SHOWROOM_RE.search(corrected(r.text)):
        return [room.city for room in SHOWROOMS]  # "the weather at all your showrooms"
    if BOTH_RE.search(low) and s.compared:
        return s.compared[:3]  # "both cities", "las dos ciudades": the last ones named together
    if BOTH_RE.search(low) and len(s.showrooms_seen) >= 2:  # two showrooms, turn by turn
        return [room.city for sid in s.showrooms_seen[-2:] if (room := find_showroom(sid))]
    cities = [m.name for m in (find_places(r.text)[:3] or r.places[:1])]
    if not cities and r.showrooms:  # "the temp in NYC": the showroom's city
        cities = [room.city for sid in r.showrooms[:3] if (room := find_showroom(sid))]
    there = THERE_RE.search(low)
    if there and len(cities) > 1 and not _COMPARE_RE.search(low):
        # "Soy de Guadalajara y estoy de visita en Los Ángeles: ¿qué tal el clima por allá?"
        named = [city for city in cities if 0 <= low.find(plain(city)) < there.start()]
        cities = named[-1:] or cities[-1:]
    # the conversation's city when none is named, or one compared with "there" ("is Tokyo
    # warmer than there?"); "is it hot there in Tokyo?" is about Tokyo alone
    if not cities or (there and _COMPARE_RE.search(low)):
        context = _context_city(s)
        if context and context not in cities:
            named_first = cities and low.find(plain(cities[0])) < (there.start() if there else 0)
            cities = [*cities, context] if named_first else [context, *cities]
    return cities[:3]  # a few cities at most, however many are named


def _context_city(s: State) -> str | None:
    """The place the conversation is about, else the showroom of the thread."""
    if s.focus:
        return s.focus
    showroom = find_showroom(s.showroom or s.talked_about or s.last_showroom or "")
    return showroom.city if showroom else None
