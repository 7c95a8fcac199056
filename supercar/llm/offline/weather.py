"""Weather requests: which cities and which day, from the message and the conversation."""

from __future__ import annotations

from supercar.llm.offline.clock import Clock
from supercar.llm.offline.language import ES, plain
from supercar.llm.offline.phrasebook import say
from supercar.llm.offline.reading import THAT_DAY_RE, WEATHER, Reading, scope
from supercar.llm.offline.showrooms import find_places
from supercar.llm.offline.state import Plan, State, last_booked_day
from supercar.llm.offline.when import find_date
from supercar.tools.catalog import find_showroom
from supercar.tools.places import find_place


def plan_weather(s: State, r: Reading, intents: list[str], plan: Plan, clock: Clock) -> None:
    text = scope(r.text, WEATHER, intents)
    places = find_places(text)[:3] or r.places[:1]
    cities = [m.name for m in places]
    if not cities and s.showroom:
        showroom = find_showroom(s.showroom)
        cities = [showroom.city] if showroom else []
    if not cities and s.last_city:
        cities = [s.last_city]
    if not cities and s.last_showroom:
        showroom = find_showroom(s.last_showroom)
        cities = [showroom.city] if showroom else []
    if not cities:
        plan.reply.append(say("ask_city", s.lang))
        return
    for city in cities:
        place = find_place(city)
        today = clock.today(timezone=place.timezone if place else None)
        day = find_date(text, today, day_first=s.lang == ES)
        if day is None and THAT_DAY_RE.search(plain(r.text)):
            day = s.day or last_booked_day(s)  # "the weather that day"
        args = {"city": city}
        if day is not None and day != today:  # omitted means today
            args["date"] = day.isoformat()
            plan.weather_day = day
        plan.calls.append(("get_weather", args))
    s.last_city = cities[-1]
