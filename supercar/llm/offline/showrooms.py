"""Which showroom a customer means, and which place they name: ours, one near ours, or unknown.

Decisions:
- Showrooms are named by id, city, name or a landmark ("Beverly Hills", "Biscayne", "NYC");
  places come from the gazetteer's own reading of a text (`supercar.tools.places.find_places`
  and `unknown_places`, the one place that decides whether a word names a place: typos only
  where a name stands, ordinary words such as "Nice" only when written as names, never a
  weekday, a unit or a piece of a longer name). Here a state is its showroom's region, and a
  car maker's name is a car.
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
from itertools import pairwise

from supercar.llm.offline.cars import find_other_car
from supercar.llm.offline.language import corrected, nickname_of
from supercar.tools.catalog import SHOWROOMS, Showroom, find_showroom
from supercar.tools.places import Place, fold, nearest_showroom, unknown_places
from supercar.tools.places import find_places as gazetteer_places

NEAR_KM = 60.0

_SHOWROOM_WORDS = {
    "manhattan": r"manhattan|new york(?: city)?|nueva york|nyc|broadway",
    "miami": r"miami|biscayne",
    "chicago": r"chicago|michigan ave(?:nue)?|chi(?= (?:store|spot|location|branch|showroom|shop))",
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


# What may stand between two showrooms named in one list: "Manhattan or Miami", "Chicago y Denver"
_LIST_GAP_RE = re.compile(r"^[\s,]*(?:or|and|o|y|and at|or at|o en|y en|or in|and in)?[\s,]*$")


def showrooms_listed(text: str) -> list[str]:
    """The showrooms named together in one list ("anything free in Manhattan or Miami?"), in
    order; none when each is named apart ("Denver me queda lejos. ¿Y en Chicago?")."""
    low = corrected(text)
    hits = sorted(
        (match.start(), match.end(), showroom_id)
        for showroom_id, pattern in _SHOWROOM_RES.items()
        for match in pattern.finditer(low)
    )
    listed: list[str] = []
    for (_, end, first), (start, _, second) in pairwise(hits):
        if first != second and _LIST_GAP_RE.match(low[end:start]):
            listed += [room for room in (first, second) if room not in listed]
        elif listed:
            break
    return listed


def find_places(text: str) -> list[PlaceMention]:
    """Places named in the text (known or not), in order, with the showroom nearest each. Which
    words name a place is `supercar.tools.places`'s to say; here a state or region is its
    showroom, and a car's maker is a car ("a Mercedes" is no town in Argentina)."""
    mentions: list[PlaceMention] = []
    for written, place in gazetteer_places(text):
        # "the Florida one": the state (its showroom), not a town of that name abroad
        if fold(written) in _REGIONS or find_other_car(written):
            continue
        nickname = nickname_of(written)
        if nickname and fold(nickname) != fold(place.name):
            continue  # "sunny SoCal": our Los Angeles, not a town the typo finder is reminded of
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
    for name in unknown_places(text):
        words = fold(name).split()
        if fold(name) in known or find_showrooms(name) or any(w in known for w in words):
            continue
        mentions.append(PlaceMention(name, None, None))
    return mentions


def showroom_places(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions that are not simply one of our showroom cities."""
    ours = {fold(s.city) for s in SHOWROOMS} | {"new york", "los angeles", "manhattan"}
    return [m for m in mentions if fold(m.name) not in ours]
