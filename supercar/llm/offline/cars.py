"""Car names in a customer's words: ours (with or without brand, capital or spelling) and others'.

Decisions:
- Our models are found on the corrected text (see `language.corrected`), so "volt", "track r",
  "trackr" and "spider" all name a SuperCar; the brand alone ("a SuperCar") names none.
- A car we do not sell is recognised by its maker or a well-known model name ("a Ferrari",
  "Model S", "911"), so Lex can say it is not ours and offer the range instead of ignoring it.
"""

from __future__ import annotations

import re

from supercar.llm.offline.keywords import TAKEN_BACK_RE
from supercar.llm.offline.language import corrected, plain
from supercar.tools.catalog import CARS, CarModel

_SHORT = {car: car.name.lower().removeprefix("supercar ") for car in CARS}
# "track r" also as "trackr" / "track-r" ("spider" is corrected to "spyder" as a typo).
_CAR_RES = [
    (car, re.compile(rf"(?<![\w-]){'[ -]?'.join(map(re.escape, short.split()))}(?![\w-])"))
    for car, short in _SHORT.items()
]

_OTHER_MAKES = (
    "ferrari|lamborghini|porsche|tesla|mclaren|bugatti|bmw|mercedes(?:[- ]benz)?|audi|"
    "aston martin|bentley|rolls[- ]royce|maserati|corvette|mustang|toyota|honda|ford|"
    "chevrolet|chevy|jaguar|lotus|koenigsegg|pagani|rivian|lucid|nissan|kia|hyundai|"
    "volkswagen|vw|volvo|jeep|dodge|mazda|subaru|lexus|cadillac|alfa romeo|bugatti|"
    "model [sxy3]|cybertruck|911|huracan|aventador|camry|civic|f-?150|cayenne|urus|prius|"
    "fiat|renault|peugeot|citroen"
)
_OTHER_RE = re.compile(rf"(?<![\w-])({_OTHER_MAKES})(?![\w-])")


# "rather than the GT", "en vez del Volt", "scratch the GT": a car named only to be replaced.
_NOT_THIS_RE = re.compile(
    r"(?:\bnot|\binstead of|\brather than|\bin place of|\ben vez del?|\ben lugar del?|\bno|"
    r"\bscratch|\bforget|\bdrop|\bolvida|\bolvidate de)\s+(?:the\s+|el\s+|la\s+|l\s+)?$"
)


def find_cars(text: str) -> list[CarModel]:
    """Our models named in the text, in order of appearance; one named only to be replaced
    ("the Volt rather than the GT") comes last, and one taken back ("the Roadster… no, wait,
    the Spyder") is left out."""
    low = corrected(text)
    hits: list[tuple[bool, int, CarModel]] = []
    for car, pattern in _CAR_RES:
        match = pattern.search(low)
        if match and car not in (c for _, _, c in hits):
            replaced = bool(_NOT_THIS_RE.search(low[max(0, match.start() - 20) : match.start()]))
            hits.append((replaced, match.start(), car))
    hits.sort(key=lambda hit: hit[1])
    hits = [  # "el Roadster a las 10... no, espera, mejor el Spyder": the Roadster is taken back
        hit
        for i, hit in enumerate(hits)
        if i + 1 == len(hits) or not TAKEN_BACK_RE.search(low[hit[1] : hits[i + 1][1]])
    ]
    return [car for _, _, car in sorted(hits, key=lambda hit: hit[:2])]


def find_other_car(text: str) -> str | None:
    """A car we do not offer, named as the customer wrote it ("Ferrari", "Model S")."""
    low = plain(text)
    match = _OTHER_RE.search(low)
    if match is None:
        return None
    end = match.end()
    for more in _OTHER_RE.finditer(low, end):  # "Tesla Model S", "Porsche 911"
        if low[end : more.start()].strip():
            break
        end = more.end()
    words = low[match.start() : end].split()
    return " ".join(w.upper() if len(w) <= 3 and not w.isdigit() else w.title() for w in words)
