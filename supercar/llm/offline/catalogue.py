"""Answers in words, from the catalogue: car facts and lists (electric, cheapest, quickest,
under a budget), cars we do not sell, the showroom list, and otherwise the greeting, thanks,
help or the polite decline.
"""

from __future__ import annotations

import re
from dataclasses import replace

from supercar.language import ES
from supercar.llm.offline.keywords import AVAILABILITY, BOOKING, BOTH_RE
from supercar.llm.offline.language import corrected
from supercar.llm.offline.phrasebook import car_fact, not_offered, say, showroom_list
from supercar.llm.offline.reading import Reading
from supercar.llm.offline.state import State, car_talked_about
from supercar.tools.catalog import CARS, CarModel
from supercar.tools.summaries import join


def words_reply(s: State, r: Reading, offer: bool = True) -> str:
    """An answer in words: catalogue facts, greetings, thanks, help or the polite decline.
    `offer`: end a car answer by offering a test drive (not when the customer put it off, or
    when another part of the message already asks about one)."""
    lang = s.lang
    talked_of = car_talked_about(s)
    named = [car.name for car in r.cars]
    before = [car for car in s.cars_seen if car not in named][-1:]
    if len(named) == 1 and before and _AGAINST_RE.search(r.text):
        # "how does its price compare with the GT?": the car talked about, against the one named
        r = replace(r, cars=[car for car in CARS if car.name in before] + r.cars)
    if r.other_car:
        return not_offered(r.other_car, lang) + " " + say("which_of_ours", lang)
    if r.has("electric") and r.has("superlative") and not r.cars:
        electric = [car for car in CARS if "electric" in car.powertrain]  # "cheapest electric?"
        return _superlative(s, r, electric)
    if r.has("electric") and (not r.cars or _EVERY_ELECTRIC_RE.search(corrected(r.text))):
        electric = [car for car in CARS if "electric" in car.powertrain]
        hybrid = [car for car in CARS if "hybrid" in car.powertrain]
        priced = bool(_PRICE_RE.search(corrected(r.text)))  # "¿qué tenéis y cuánto cuestan?"
        the = "el" if lang == ES else "the"
        names = join([f"{the} {c.name} ({_described(c, priced)})" for c in electric], lang)
        extra = say("hybrid", lang, cars=hybrid[0].name) if hybrid else ""
        return say("electric", lang, electric=names, hybrid=extra) + (
            " " + say("want_one", lang) if offer else ""
        )
    if len(r.cars) > 1 and _PRICE_GAP_RE.search(corrected(r.text)):
        return _price_gap(s, r.cars[:2])  # "which costs more, and by how much?", "price gap"
    if r.has("superlative") and len(r.cars) < 2 and BOTH_RE.search(corrected(r.text)):
        # "Mi marido dice que mejor el Roadster... ¿cuál de los dos es más barato?"
        two = [car for car in CARS if car.name in s.cars_seen[-2:]]
        r = replace(r, cars=two) if len(two) == 2 else r
    if r.has("superlative"):  # of the cars named ("¿cuál es más rápido, el GT o el Roadster?")
        facts = ""
        if len(r.cars) == 1 and _PRICE_RE.search(corrected(r.text)):
            facts = car_fact(r.cars[0], lang) + " "  # "X says the Track R is fastest: its price?"
        return facts + _superlative(s, r, r.cars if len(r.cars) > 1 else list(CARS))
    # "how fast is it?", "¿y cuánto cuesta?" (Spanish drops the "it")
    about_it = _IT_RE.search(r.text.lower()) or len(r.text.split()) <= 5
    if not r.cars and talked_of and r.has("car_info") and about_it:
        r = replace(r, cars=[car for car in CARS if car.name == talked_of])  # "how fast is it?"
    if len(r.cars) > 1 and _COMPARATIVE_RE.search(r.text.lower()):
        # "which is faster, the GT or the Track R?" (and "how much is the Spyder, is it faster
        # than the GT?": the facts of each first)
        facts = (
            " ".join(car_fact(car, lang) for car in r.cars) + " "
            if _PRICE_RE.search(r.text.lower())
            else ""
        )
        return facts + _superlative(s, r, r.cars)
    if r.cars and (r.has("car_info") or len(r.text.split()) <= 4 or r.question):
        if s.task == BOOKING or s.task == AVAILABILITY:
            s.car = r.cars[0].name
        facts = " ".join(car_fact(car, lang) for car in r.cars)
        return facts + (" " + say("want_drive", lang) if offer else "")
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


def _described(car: CarModel, priced: bool) -> str:
    return f"{car.powertrain}, ${car.starting_price_usd:,}" if priced else car.powertrain


# "what do your electric models cost?" asks for every electric car, whatever else is named
_EVERY_ELECTRIC_RE = re.compile(
    r"\belectric (?:models|cars|ones|options|range|lineup)\b|\b(?:coches|modelos|autos|carros) "
    r"electricos\b|\bevs\b"
)
_IT_RE = re.compile(
    r"\b(?:it|that one|this one|that car|this car|that thing|this thing|lo|la|ese|este)\b"
)
_PRICE_RE = re.compile(
    r"\b(?:how much|price|cost|costs|damage|cuanto|cuestan?|precios?|vale|sale)\b"
)
_COMPARATIVE_RE = re.compile(
    r"\b(?:faster|quicker|cheaper|pricier|more expensive|more powerful|mas rapido|mas barato|"
    r"mas caro|mas potente|compare|versus|vs)\b"
)


# "how does its price compare with the GT?": one car named against the one talked about
_AGAINST_RE = re.compile(
    r"\b(?:compare[sd]?|comparison|versus|vs|than|against|comparad[oa]|frente al?)\b", re.I
)
# Two cars' prices compared: which costs more, and by how much.
_PRICE_GAP_RE = re.compile(
    r"\b(?:costs? (?:more|less)|more expensive|less expensive|cheaper|pricier|dearer|price "
    r"(?:gap|difference)|difference in price|gap in price|by how much|how much more|"
    r"how much (?:cheaper|less)|diferencia de precio|diferencia (?:entre|en)|cuestan? mas|"
    r"cuanto mas|mas car[oa]|mas barat[oa])\b"
)


def _price_gap(s: State, cars: list[CarModel]) -> str:
    dear, cheap = sorted(cars, key=lambda car: car.starting_price_usd, reverse=True)
    s.car = dear.name
    return say(
        "price_gap",
        s.lang,
        dear=dear.name,
        cheap=cheap.name,
        dear_price=dear.starting_price_usd,
        cheap_price=cheap.starting_price_usd,
        gap=dear.starting_price_usd - cheap.starting_price_usd,
    )


def _superlative(s: State, r: Reading, pool: list[CarModel]) -> str:
    """The cheapest, dearest or quickest car of `pool`; it becomes the car of the conversation."""
    low, lang = r.text.lower(), s.lang
    if "cheap" in low or "barat" in low or "least" in low or "asequible" in low:
        car = min(pool, key=lambda c: c.starting_price_usd)
        key = "cheapest"
    elif any(word in low for word in ("expensive", "caro", "pricier", "priciest", "dearest")):
        car = max(pool, key=lambda c: c.starting_price_usd)
        key = "priciest"
    else:
        car = min(pool, key=lambda c: c.zero_to_sixty_s)
        key = "fastest"
    s.car = car.name
    return say(key, lang, car=car.name, price=car.starting_price_usd, secs=car.zero_to_sixty_s)


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
