"""Where things are: a small gazetteer of cities and neighbourhoods, and the nearest showroom.

Decisions:
- A fixed table, not a geocoding service: the offline model must place "Brooklyn" or "Boulder"
  next to a showroom with no network, and simulated weather needs a latitude. The weather tool
  looks here first (aliases such as "LA" then work) and asks Open-Meteo's geocoder for the rest.
- Names are matched on a folded form (lower case, accents and punctuation removed), so "Sao
  Paulo", "são paulo" and "SAO-PAULO" are one key. Fuzzy matching of typos is the caller's job
  (it knows which words to try); `names()` lists every key it may match against.
- Distance is the great-circle distance (haversine), in kilometres; good to a few km, which is
  all "the nearest showroom" needs.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from supercar.tools.catalog import SHOWROOMS, Showroom


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # as shown to a customer, ASCII letters and spaces (the weather card's rule)
    country: str  # ISO 3166 alpha-2
    lat: float
    lon: float
    timezone: str  # IANA name
    aliases: tuple[str, ...] = ()


def strip_accents(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo': letters without their combining marks, all else as it was."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower case, accents removed, runs of anything but letters and digits as one space."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", strip_accents(text).lower()).split())


_NY, _CHI, _LA, _DEN = (
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Denver",
)

PLACES: tuple[Place, ...] = (
    # Showroom cities and what customers call their surroundings
    Place("New York", "US", 40.7128, -74.0060, _NY, ("nyc", "new york city", "manhattan", "ny")),
    Place("Brooklyn", "US", 40.6782, -73.9442, _NY),
    Place("Queens", "US", 40.7282, -73.7949, _NY),
    Place("Bronx", "US", 40.8448, -73.8648, _NY, ("the bronx",)),
    Place("Staten Island", "US", 40.5795, -74.1502, _NY),
    Place("Jersey City", "US", 40.7178, -74.0431, _NY),
    Place("Newark", "US", 40.7357, -74.1724, _NY),
    Place("Hoboken", "US", 40.7440, -74.0324, _NY),
    Place("Long Island", "US", 40.7891, -73.1350, _NY),
    Place("Yonkers", "US", 40.9312, -73.8988, _NY),
    Place("Stamford", "US", 41.0534, -73.5387, _NY),
    Place("Miami", "US", 25.7617, -80.1918, _NY, ("mia",)),
    Place("Miami Beach", "US", 25.7907, -80.1300, _NY),
    Place("Coral Gables", "US", 25.7215, -80.2684, _NY),
    Place("Fort Lauderdale", "US", 26.1224, -80.1373, _NY, ("ft lauderdale",)),
    Place("Boca Raton", "US", 26.3683, -80.1289, _NY),
    Place("Palm Beach", "US", 26.7056, -80.0364, _NY, ("west palm beach",)),
    Place("Orlando", "US", 28.5383, -81.3792, _NY),
    Place("Tampa", "US", 27.9506, -82.4572, _NY),
    Place("Key West", "US", 24.5551, -81.7800, _NY),
    Place("Chicago", "US", 41.8781, -87.6298, _CHI, ("chi town", "chitown")),
    Place("Evanston", "US", 42.0451, -87.6877, _CHI),
    Place("Oak Park", "US", 41.8850, -87.7845, _CHI),
    Place("Naperville", "US", 41.7508, -88.1535, _CHI),
    Place("Milwaukee", "US", 43.0389, -87.9065, _CHI),
    Place("Indianapolis", "US", 39.7684, -86.1581, "America/Indiana/Indianapolis"),
    Place("Detroit", "US", 42.3314, -83.0458, "America/Detroit"),
    Place("Los Angeles", "US", 34.0522, -118.2437, _LA, ("la", "l a")),
    Place("Beverly Hills", "US", 34.0736, -118.4004, _LA),
    Place("Hollywood", "US", 34.0928, -118.3287, _LA),
    Place("Santa Monica", "US", 34.0195, -118.4912, _LA),
    Place("Malibu", "US", 34.0259, -118.7798, _LA),
    Place("Pasadena", "US", 34.1478, -118.1445, _LA),
    Place("Long Beach", "US", 33.7701, -118.1937, _LA),
    Place("Anaheim", "US", 33.8366, -117.9143, _LA),
    Place("Irvine", "US", 33.6846, -117.8265, _LA),
    Place("San Diego", "US", 32.7157, -117.1611, _LA),
    Place("Las Vegas", "US", 36.1699, -115.1398, _LA, ("vegas",)),
    Place("Palm Springs", "US", 33.8303, -116.5453, _LA),
    Place("Denver", "US", 39.7392, -104.9903, _DEN),
    Place("Boulder", "US", 40.0150, -105.2705, _DEN),
    Place("Aurora", "US", 39.7294, -104.8319, _DEN),
    Place("Colorado Springs", "US", 38.8339, -104.8214, _DEN),
    Place("Fort Collins", "US", 40.5853, -105.0844, _DEN),
    Place("Aspen", "US", 39.1911, -106.8175, _DEN),
    Place("Vail", "US", 39.6403, -106.3742, _DEN),
    # Other US cities: no showroom, but a customer may live there
    Place("Boston", "US", 42.3601, -71.0589, _NY),
    Place("Philadelphia", "US", 39.9526, -75.1652, _NY, ("philly",)),
    Place("Washington", "US", 38.9072, -77.0369, _NY, ("washington dc", "dc", "d c")),
    Place("Baltimore", "US", 39.2904, -76.6122, _NY),
    Place("Atlanta", "US", 33.7490, -84.3880, _NY),
    Place("Charlotte", "US", 35.2271, -80.8431, _NY),
    Place("Pittsburgh", "US", 40.4406, -79.9959, _NY),
    Place("Cleveland", "US", 41.4993, -81.6944, _NY),
    Place("Nashville", "US", 36.1627, -86.7816, _CHI),
    Place("St Louis", "US", 38.6270, -90.1994, _CHI, ("saint louis",)),
    Place("Minneapolis", "US", 44.9778, -93.2650, _CHI),
    Place("Kansas City", "US", 39.0997, -94.5786, _CHI),
    Place("Dallas", "US", 32.7767, -96.7970, _CHI),
    Place("Houston", "US", 29.7604, -95.3698, _CHI),
    Place("Austin", "US", 30.2672, -97.7431, _CHI),
    Place("San Antonio", "US", 29.4241, -98.4936, _CHI),
    Place("New Orleans", "US", 29.9511, -90.0715, _CHI),
    Place("Phoenix", "US", 33.4484, -112.0740, "America/Phoenix"),
    Place("Salt Lake City", "US", 40.7608, -111.8910, _DEN),
    Place("Albuquerque", "US", 35.0844, -106.6504, _DEN),
    Place("San Francisco", "US", 37.7749, -122.4194, _LA, ("sf", "san fran")),
    Place("San Jose", "US", 37.3382, -121.8863, _LA),
    Place("Sacramento", "US", 38.5816, -121.4944, _LA),
    Place("Seattle", "US", 47.6062, -122.3321, _LA),
    Place("Portland", "US", 45.5152, -122.6784, _LA),
    Place("Anchorage", "US", 61.2181, -149.9003, "America/Anchorage"),
    Place("Honolulu", "US", 21.3069, -157.8583, "Pacific/Honolulu"),
    # Abroad: weather questions and the occasional visitor
    Place("Toronto", "CA", 43.6532, -79.3832, "America/Toronto"),
    Place("Montreal", "CA", 45.5017, -73.5673, "America/Toronto"),
    Place("Vancouver", "CA", 49.2827, -123.1207, "America/Vancouver"),
    Place("Mexico City", "MX", 19.4326, -99.1332, "America/Mexico_City", ("cdmx",)),
    Place("Cancun", "MX", 21.1619, -86.8515, "America/Cancun"),
    Place("Havana", "CU", 23.1136, -82.3666, "America/Havana"),
    Place("San Juan", "PR", 18.4655, -66.1057, "America/Puerto_Rico"),
    Place("Bogota", "CO", 4.7110, -74.0721, "America/Bogota"),
    Place("Lima", "PE", -12.0464, -77.0428, "America/Lima"),
    Place("Santiago", "CL", -33.4489, -70.6693, "America/Santiago"),
    Place("Buenos Aires", "AR", -34.6037, -58.3816, "America/Argentina/Buenos_Aires"),
    Place("Sao Paulo", "BR", -23.5505, -46.6333, "America/Sao_Paulo"),
    Place("Rio de Janeiro", "BR", -22.9068, -43.1729, "America/Sao_Paulo", ("rio",)),
    Place("London", "GB", 51.5074, -0.1278, "Europe/London"),
    Place("Paris", "FR", 48.8566, 2.3522, "Europe/Paris"),
    Place("Madrid", "ES", 40.4168, -3.7038, "Europe/Madrid"),
    Place("Barcelona", "ES", 41.3874, 2.1686, "Europe/Madrid"),
    Place("Lisbon", "PT", 38.7223, -9.1393, "Europe/Lisbon", ("lisboa",)),
    Place("Rome", "IT", 41.9028, 12.4964, "Europe/Rome", ("roma",)),
    Place("Milan", "IT", 45.4642, 9.1900, "Europe/Rome", ("milano",)),
    Place("Berlin", "DE", 52.5200, 13.4050, "Europe/Berlin"),
    Place("Munich", "DE", 48.1351, 11.5820, "Europe/Berlin", ("munchen",)),
    Place("Amsterdam", "NL", 52.3676, 4.9041, "Europe/Amsterdam"),
    Place("Zurich", "CH", 47.3769, 8.5417, "Europe/Zurich"),
    Place("Stockholm", "SE", 59.3293, 18.0686, "Europe/Stockholm"),
    Place("Moscow", "RU", 55.7558, 37.6173, "Europe/Moscow"),
    Place("Dubai", "AE", 25.2048, 55.2708, "Asia/Dubai"),
    Place("Cairo", "EG", 30.0444, 31.2357, "Africa/Cairo"),
    Place("Cape Town", "ZA", -33.9249, 18.4241, "Africa/Johannesburg"),
    Place("Mumbai", "IN", 19.0760, 72.8777, "Asia/Kolkata"),
    Place("Singapore", "SG", 1.3521, 103.8198, "Asia/Singapore"),
    Place("Hong Kong", "HK", 22.3193, 114.1694, "Asia/Hong_Kong"),
    Place("Tokyo", "JP", 35.6762, 139.6503, "Asia/Tokyo"),
    Place("Seoul", "KR", 37.5665, 126.9780, "Asia/Seoul"),
    Place("Sydney", "AU", -33.8688, 151.2093, "Australia/Sydney"),
    Place("Melbourne", "AU", -37.8136, 144.9631, "Australia/Melbourne"),
    Place("Auckland", "NZ", -36.8485, 174.7633, "Pacific/Auckland"),
    Place("Reykjavik", "IS", 64.1466, -21.9426, "Atlantic/Reykjavik"),
)

# Showroom locations (the showroom's street address, not its city's centre).
SHOWROOM_COORDINATES: dict[str, tuple[float, float]] = {
    "manhattan": (40.7484, -73.9878),
    "miami": (25.7839, -80.1870),
    "chicago": (41.8986, -87.6240),
    "los-angeles": (34.0664, -118.3860),
    "denver": (39.7527, -105.0003),
}

_BY_KEY: dict[str, Place] = {}
for _place in PLACES:
    for _key in (_place.name, *_place.aliases):
        _BY_KEY.setdefault(fold(_key), _place)


def find_place(name: str) -> Place | None:
    """The place a name (or alias) means, by its folded form; None if it is not in the table."""
    return _BY_KEY.get(fold(name))


def names() -> list[str]:
    """Every folded name and alias `find_place` knows, longest first (for scanning a text)."""
    return sorted(_BY_KEY, key=len, reverse=True)


# --- places in a free text -----------------------------------------------------------------------

# Words before a name that say "a place follows" (the text is matched in lower case).
_PLACE_WORDS = frozenset("in at near around from to for en de desde para hacia cerca a".split())
# Ordinary English and Spanish words that are also place names: never a place unless written
# where a name stands (capitalised, not just because a sentence starts there).
_ORDINARY = frozenset(
    """
    nice reading mobile bath split temp celsius fahrenheit
    """.split()
)
# Lower-case connecting words inside a capitalised name ("Rio de Janeiro", "Stoke on Trent").
_CONNECTORS = frozenset(
    "de del la las los el do da dos das di of the on upon sur le les y and".split()
)
_MAX_WORDS = 4
_TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class _Token:
    written: str
    key: str  # folded
    start: int
    end: int
    starts_sentence: bool


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    last_end = 0
    for match in _TOKEN_RE.finditer(text):
        key = fold(match.group())
        if not key:
            continue
        between = text[last_end : match.start()]
        starts = not tokens or bool(re.search(r"[.!?¡¿:;\n]", between))
        for part in key.split():  # "Straße" folds to two words
            tokens.append(_Token(match.group(), part, match.start(), match.end(), starts))
            starts = False
        last_end = match.end()
    return tokens


def _capitalised(words: list[_Token], shouting: bool) -> bool:
    """Written as a name: every word that is not a connector starts with a capital."""
    if shouting:
        return False  # all in capitals: capitals say nothing
    significant = [w for w in words if w.key not in _CONNECTORS] or words
    return all(w.written[:1].isupper() for w in significant)


def _is_ordinary(key: str) -> bool:
    return key in _ORDINARY or len(key) <= 3


def _stands_as_name(words: list[_Token], key: str, shouting: bool, whole: bool) -> bool:
    """Whether an exact name in the text is meant as a place, not as an everyday word."""
    if not _is_ordinary(key):
        return True
    written = " ".join(w.written for w in words)
    if len(key.replace(" ", "")) <= 3 and written.isupper() and not shouting:
        return True  # "LA", "NYC", "DC": capitals only ("la" is a Spanish article)
    return _capitalised(words, shouting) and not words[0].starts_sentence and not whole


def _typo_budget(key: str) -> int:
    """How many slips (OSA edits) a name of this length may carry and still be recognised."""
    letters = len(key.replace(" ", ""))
    return 0 if letters < 5 else 1 if letters < 9 else 2


def _fuzzy(key: str) -> Place | None:
    """The place whose name is within a typo or two of `key` (same first letter), else None."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    budget = _typo_budget(key)
    if not budget:
        return None
    candidates = [k for k in _fuzzy_keys().get(key[0], ()) if abs(len(k) - len(key)) <= budget]
    best = process.extractOne(key, candidates, scorer=OSA.distance, score_cutoff=budget)
    return _BY_KEY[best[0]] if best else None


@cache
def _fuzzy_keys() -> dict[str, tuple[str, ...]]:
    by_letter: dict[str, list[str]] = {}
    for key in _BY_KEY:
        if _typo_budget(key) and not _is_ordinary(key):
            by_letter.setdefault(key[0], []).append(key)
    return {letter: tuple(keys) for letter, keys in by_letter.items()}


def _in_name_position(tokens: list[_Token], i: int, size: int, shouting: bool) -> bool:
    """Where a word stands in a name's place: capitalised mid-sentence, after "in/at/en/de"...,
    or the whole message."""
    words = tokens[i : i + size]
    if size == len(tokens):
        return True
    if i > 0 and tokens[i - 1].key in _PLACE_WORDS:
        return True
    return _capitalised(words, shouting) and not words[0].starts_sentence


def find_places(text: str) -> list[tuple[str, Place]]:
    """Every place named in a free text, in order, as (the text as written, the place).

    Precision first. An exact name counts wherever it stands as a name; an ordinary word that
    is also a place ("nice", "reading") only when written as a name (capitalised, not merely at
    a sentence's start). A misspelt name ("Londn") is recognised only where a word stands in a
    name's place: capitalised, after "in/at/near/from/to/en/de/desde/para...", or the whole
    message; never an ordinary word. Each place is listed once, at its first mention."""
    tokens = _tokens(text)
    letters = [ch for ch in text if ch.isalpha()]
    shouting = len(letters) > 3 and all(ch.isupper() for ch in letters)
    hits: list[tuple[int, str, Place]] = []
    taken = [False] * len(tokens)
    for exact in (True, False):
        i = 0
        while i < len(tokens):
            for size in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
                if any(taken[i : i + size]):
                    continue
                words = tokens[i : i + size]
                key = " ".join(w.key for w in words)
                if exact:
                    place = _BY_KEY.get(key)
                    if place is None or not _stands_as_name(
                        words, key, shouting, size == len(tokens)
                    ):
                        continue
                else:
                    if _is_ordinary(key) or words[0].key in _CONNECTORS:
                        continue
                    if not _in_name_position(tokens, i, size, shouting):
                        continue
                    place = _fuzzy(key)
                    if place is None:
                        continue
                hits.append((words[0].start, text[words[0].start : words[-1].end], place))
                taken[i : i + size] = [True] * size
                i += size
                break
            else:
                i += 1
    found: list[tuple[str, Place]] = []
    for _, written, place in sorted(hits, key=lambda hit: hit[0]):
        if all(place != seen for _, seen in found):
            found.append((written, place))
    return found


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def nearest_showroom(place: Place) -> tuple[Showroom, float]:
    """The showroom closest to a place, and how far it is in kilometres."""
    here = (place.lat, place.lon)
    return min(
        ((s, distance_km(here, SHOWROOM_COORDINATES[s.id])) for s in SHOWROOMS),
        key=lambda pair: pair[1],
    )
