"""Which showroom a customer means, and which place they name: ours, one near ours, or unknown.

Decisions:
- Showrooms are named by id, city, name or a landmark ("Beverly Hills", "Biscayne", "NYC");
  places come from the gazetteer's own reading of a text (`supercar.tools.places.find_places`:
  typos only where a name stands, ordinary words such as "Nice" only when written as names).
- A place within `NEAR_KM` of a showroom is served by it directly, with a note of the distance
  ("SuperCar Manhattan is the closest to Brooklyn, about 10 km away"); a place further away gets
  the nearest showroom *offered*, never silently chosen ("Boston": Manhattan, about 300 km).
- A capitalised name after "in/near/from/en" that is neither a known place nor a date or a car
  is an unknown place: for the weather it is passed on (the weather tool knows more cities), for
  a showroom Lex asks which of ours suits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from supercar.llm.offline.language import corrected
from supercar.tools.catalog import SHOWROOMS, Showroom, find_showroom
from supercar.tools.places import Place, find_place, fold, nearest_showroom, strip_accents
from supercar.tools.places import find_places as gazetteer_places

NEAR_KM = 60.0

_SHOWROOM_WORDS = {
    "manhattan": r"manhattan|new york(?: city)?|nyc|broadway",
    "miami": r"miami|biscayne",
    "chicago": r"chicago|michigan ave(?:nue)?",
    "los-angeles": r"los[- ]angeles|beverly(?: hills)?|wilshire|hollywood|l\.a\.",
    "denver": r"denver|colorado",
}
_SHOWROOM_RES = {
    sid: re.compile(rf"(?<![\w-])(?:{words})(?![\w-])") for sid, words in _SHOWROOM_WORDS.items()
}
_CAPS_RES = {"manhattan": re.compile(r"\bNY\b"), "los-angeles": re.compile(r"\bLA\b")}
_NEVER = re.compile(r"(?!x)x")


# States and countries have no single distance: the showroom in them, or none.
_REGIONS: dict[str, str | None] = {
    "florida": "miami",
    "california": "los-angeles",
    "illinois": "chicago",
    "colorado": "denver",
    "new york state": "manhattan",
    **dict.fromkeys(
        "texas, arizona, nevada, utah, oregon, georgia, ohio, michigan, massachusetts, "
        "new jersey, pennsylvania, virginia, north carolina, south carolina, tennessee, alabama, "
        "louisiana, minnesota, wisconsin, missouri, kansas, oklahoma, iowa, indiana, kentucky, "
        "maryland, connecticut, alaska, hawaii, new mexico, idaho, montana, wyoming, nebraska, "
        "arkansas, mississippi, maine, vermont, new hampshire, rhode island, delaware, "
        "west virginia, canada, mexico, spain, espana, england, uk, france, germany, italy, "
        "brazil, argentina, colombia, europe, japan, china, australia".split(", "),
        None,
    ),
}
_REGION_RE = re.compile(rf" ({'|'.join(sorted(_REGIONS, key=len, reverse=True))}) ")


@dataclass(frozen=True)
class PlaceMention:
    name: str  # as the customer should read it
    place: Place | None  # None: not in the gazetteer
    showroom: Showroom | None  # nearest showroom (None for an unknown place)
    km: float = 0.0
    region: bool = False  # a state or country: its showroom (if any), not a distance

    @property
    def near(self) -> bool:
        return self.showroom is not None and (self.region or self.km <= NEAR_KM)


def find_showrooms(text: str) -> list[str]:
    """Showroom ids named in the text, in order of appearance."""
    low = corrected(text)
    hits = []
    for showroom_id, pattern in _SHOWROOM_RES.items():
        match = pattern.search(low) or _CAPS_RES.get(showroom_id, _NEVER).search(text)
        if match:
            hits.append((match.start(), showroom_id))
    return [showroom_id for _, showroom_id in sorted(hits)]


_NOT_PLACES = frozenset(
    """
    i the a an supercar lex today tomorrow tonight am pm showroom dealership please thanks
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december lunes martes miercoles jueves viernes
    sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre
    noviembre diciembre gt volt spyder spider roadster tourer urban track model ferrari
    porsche tesla lamborghini mclaren bmw audi mercedes hola gracias lex mon tue tues wed thu
    thur thurs fri sat sun tomorrow manana hoy tarde noche weekend finde
    """.split()
)
_AFTER_PREP_RE = re.compile(
    r"\b(?:in|near|from|around|at|to|en|cerca de|desde|para)\s+"
    r"((?:[A-Z][\w'-]+)(?:\s+(?:[A-Z][\w'-]+|de|del))*(?:\s+[A-Z][\w'-]+)?)"
)


# A small town's name that is also a word the finders read ("Sunday" is near Sunway, "tienen"
# is a town in Belgium) names the town only when written as a name mid-sentence.
_SMALL_TOWN = 100_000
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?¿¡:;\n])\W*$")


def _meant(text: str, written: str, place: Place) -> bool:
    """Whether the gazetteer's reading of `written` is a place the customer means."""
    key = fold(written)
    if key in _NOT_PLACES or key.rstrip("s") in _NOT_PLACES:
        return False  # a weekday, a month, a car: never a town that looks like one
    if " " in key or not 0 < place.population < _SMALL_TOWN:
        return True
    at = text.find(written)
    return written[:1].isupper() and not _SENTENCE_START_RE.search(text[: max(at, 0)])


def find_places(text: str) -> list[PlaceMention]:
    """Places named in the text (known or not), in order, with the showroom nearest each."""
    mentions: list[PlaceMention] = []
    for written, place in gazetteer_places(text):
        if _meant(text, written, place):
            showroom, km = nearest_showroom(place)
            mentions.append(PlaceMention(place.name, place, showroom, km))
    folded = " " + fold(corrected(text)) + " "
    for match in _REGION_RE.finditer(folded):
        region = match.group(1)
        if not any(region in fold(m.name) for m in mentions):  # "Mexico City" is a city
            inside = find_showroom(_REGIONS[region] or "")
            name = region.upper() if len(region) <= 2 else region.title()
            mentions.append(PlaceMention(name, None, inside, region=True))
    known = {fold(m.name) for m in mentions}
    for match in _AFTER_PREP_RE.finditer(strip_accents(text)):  # "en Los Ángeles"
        name = match.group(1).strip()
        words = fold(name).split()
        if not words or words[0] in _NOT_PLACES or fold(name) in known:
            continue
        if find_place(name) or find_showrooms(name) or any(w in known for w in words):
            continue
        mentions.append(PlaceMention(name, None, None))
    return mentions


def showroom_places(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions that are not simply one of our showroom cities."""
    ours = {fold(s.city) for s in SHOWROOMS} | {"new york", "los angeles", "manhattan"}
    return [m for m in mentions if fold(m.name) not in ours]
