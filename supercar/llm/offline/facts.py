"""Answers in words, from the catalogue and the conversation: car facts and lists (electric,
cheapest, quickest, under a budget), the showroom list, this customer's own bookings, and the
greeting, thanks, help and polite decline.
"""

from __future__ import annotations

import re
from datetime import date

from supercar.llm.offline.intents import AVAILABILITY, BOOKING, Reading
from supercar.llm.offline.language import ES
from supercar.llm.offline.replies import (
    car_fact,
    join,
    not_offered,
    on_day,
    say,
    showroom_list,
)
from supercar.llm.offline.state import State
from supercar.tools.catalog import CARS, find_showroom


def words_reply(s: State, r: Reading) -> str:
    """An answer in words: catalogue facts, greetings, thanks, help or the polite decline."""
    lang = s.lang
    if r.other_car:
        return not_offered(r.other_car, lang) + " " + say("which_of_ours", lang)
    if r.has("electric"):
        electric = [car for car in CARS if "electric" in car.powertrain]
        hybrid = [car for car in CARS if "hybrid" in car.powertrain]
        names = join([f"the {c.name} ({c.powertrain})" for c in electric], lang)
        if lang == ES:
            names = join([f"el {c.name} ({c.powertrain})" for c in electric], lang)
        extra = say("hybrid", lang, cars=hybrid[0].name) if hybrid else ""
        return say("electric", lang, electric=names, hybrid=extra)
    if r.has("superlative"):
        return _superlative(s, r)
    if r.cars and (r.has("car_info") or len(r.text.split()) <= 4 or r.question):
        if s.task == BOOKING or s.task == AVAILABILITY:
            s.car = r.cars[0].name
        return " ".join(car_fact(car, lang) for car in r.cars) + " " + say("want_drive", lang)
    if r.has("car_list"):
        cap = _price_cap(r.text)
        cars = [car for car in CARS if cap is None or car.starting_price_usd <= cap]
        if not cars:
            cars = [min(CARS, key=lambda car: car.starting_price_usd)]
        names = join([f"{car.name} (${car.starting_price_usd:,})" for car in cars], lang)
        return say("car_list", lang, names=names)
    if r.has("showroom_list"):
        return showroom_list(lang)
    if r.has("greeting"):
        return say("greeting", lang)
    if r.has("thanks"):
        return say("thanks", lang)
    if r.has("yes"):
        return say("yes_nothing", lang)
    if r.has("help") or not r.question:
        return say("help", lang)
    return say("decline", lang)


def _superlative(s: State, r: Reading) -> str:
    """The cheapest, dearest or quickest car; it becomes the car of the conversation."""
    low, lang = r.text.lower(), s.lang
    if "cheap" in low or "barat" in low or "least" in low or "asequible" in low:
        car = min(CARS, key=lambda c: c.starting_price_usd)
        key = "cheapest"
    elif "expensive" in low or "caro" in low:
        car = max(CARS, key=lambda c: c.starting_price_usd)
        key = "priciest"
    else:
        car = min(CARS, key=lambda c: c.zero_to_sixty_s)
        key = "fastest"
    s.car = car.name
    return say(key, lang, car=car.name, price=car.starting_price_usd, secs=car.zero_to_sixty_s)


def memory_reply(s: State) -> str:
    """This conversation's bookings, from its own tool results."""
    if not s.bookings:
        return say("no_bookings", s.lang)
    lines = []
    for data in s.bookings:
        day = date.fromisoformat(str(data.get("date")))
        lines.append(
            say(
                "your_booking",
                s.lang,
                car=data.get("car_model"),
                showroom=data.get("dealership_name"),
                day=on_day(day, s.lang),
                time=data.get("time"),
                id=data.get("confirmation_id"),
            )
        )
    return " ".join(lines)


def cancel_reply(s: State) -> str:
    where = say("cancel_where", s.lang)
    if s.bookings:
        showroom = find_showroom(str(s.bookings[-1].get("dealership_id", "")))
        if showroom:
            where = f"{showroom.name} ({showroom.phone})"
    return say("cancel", s.lang, where=where)


_PRICE_CAP_RE = re.compile(
    r"\b(?:under|below|less than|cheaper than|up to|max(?:imum)?|menos de|por debajo de|hasta)"
    r"\s*\$?\s*(\d+(?:[.,]\d+)?)\s*(k|thousand|mil)?",
    re.I,
)


def _price_cap(text: str) -> int | None:
    """A budget ("under $200k") in dollars, if the text sets one."""
    match = _PRICE_CAP_RE.search(text)
    if match is None:
        return None
    amount = float(match[1].replace(",", ""))
    return int(amount * 1000 if match[2] or amount < 1000 else amount)
