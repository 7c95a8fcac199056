"""Reading a customer's words for the offline demo model: intents and slot values.

Everything here is plain regular expressions over one message; no state, no clock (callers pass
`today`). Decisions and limits:
- Intents are keyword based (`detect_intents`), ordered by where they first appear. "test drive"
  counts as booking. When booking and availability words both appear, a stated time means
  booking, no time means availability ("what times are free to book tomorrow?").
- Cities: showroom cities, a fixed list of common world/US cities, a few aliases (NYC, LA, SF,
  Vegas), and any Capitalised Words after "in/for/at/near" that are not dates or car names.
- Showrooms: id, name, city or a landmark alias ("Beverly Hills", "LA", "NYC", "Biscayne").
- Dates: today/tonight, tomorrow, day after tomorrow, "in N days", weekday names (the next such
  day, never today; "next Friday" is read the same as "Friday"), ISO `2026-12-01`, month names
  ("December 1", "Dec 1st", "1st of December", optional year; without a year the next such date),
  US `12/1` (month first) and "the 5th" (this month, or next month if past). Impossible dates
  are ignored. The earliest expression in the text wins.
- Times: "10am", "3 pm", "10:30", "15:00", "noon", "11 o'clock", and a bare hour after "at"/
  "around" ("at 11"; 1-7 are read as afternoon, as showrooms are closed early mornings).
- Cars: the catalogue's `find_car` on word pairs, then single words ("the GT", "Track R").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from supercar.tools.catalog import SHOWROOMS, CarModel, find_car

WEATHER = "weather"
ADDRESS = "address"
AVAILABILITY = "availability"
BOOKING = "booking"
TASKS = (AVAILABILITY, BOOKING)


def _words(pattern: str) -> str:
    """Whole words/phrases: like `\\b...\\b`, but also right for alternatives ending in '.'."""
    return rf"(?<![\w])(?:{pattern})(?![\w])"


_INTENTS: dict[str, re.Pattern[str]] = {
    WEATHER: re.compile(
        _words(
            r"weather|forecast|temperatures?|rain\w*|sunny|sunshine|snow\w*|degrees|umbrella|"
            r"windy|how (?:hot|cold|warm)"
        ),
        re.I,
    ),
    ADDRESS: re.compile(
        _words(
            r"where|address|located|location|directions|how (?:do|can) i get( there)?|"
            r"opening hours|phone( number)?|(?:showroom|dealership) in"
        ),
        re.I,
    ),
    AVAILABILITY: re.compile(
        _words(
            r"available|availability|free (?:slots?|times?)|slots?|open (?:times|slots)|"
            r"openings?|when can i|what times?|which times?|any times?"
        ),
        re.I,
    ),
    BOOKING: re.compile(
        _words(r"book|booking|schedule|reserve|reservation|test[- ]?drive|appointment"), re.I
    ),
}


def detect_intents(text: str) -> list[str]:
    found: dict[str, int] = {}
    for intent, pattern in _INTENTS.items():
        match = pattern.search(text)
        if match:
            found[intent] = match.start()
    if BOOKING in found and AVAILABILITY in found:
        del found[AVAILABILITY if find_time(text) else BOOKING]
    return sorted(found, key=found.__getitem__)


# --- cities and showrooms -----------------------------------------------------------------------

_WORLD_CITIES = (
    "New York",
    "Los Angeles",
    "San Francisco",
    "San Diego",
    "San Jose",
    "Las Vegas",
    "Boston",
    "Seattle",
    "Austin",
    "Dallas",
    "Houston",
    "Atlanta",
    "Phoenix",
    "Orlando",
    "Tampa",
    "Philadelphia",
    "Washington",
    "Detroit",
    "Nashville",
    "Portland",
    "Minneapolis",
    "Charlotte",
    "Salt Lake City",
    "New Orleans",
    "Honolulu",
    "Aspen",
    "Boulder",
    "Scottsdale",
    "Palm Beach",
    "Malibu",
    "Toronto",
    "Vancouver",
    "Montreal",
    "Mexico City",
    "London",
    "Paris",
    "Berlin",
    "Munich",
    "Rome",
    "Milan",
    "Madrid",
    "Barcelona",
    "Amsterdam",
    "Zurich",
    "Geneva",
    "Vienna",
    "Monaco",
    "Dubai",
    "Abu Dhabi",
    "Tokyo",
    "Seoul",
    "Singapore",
    "Hong Kong",
    "Shanghai",
    "Beijing",
    "Sydney",
    "Melbourne",
    "Sao Paulo",
    "Rio de Janeiro",
    "Cape Town",
    "Mumbai",
)
_KNOWN_CITIES = sorted(
    {showroom.city for showroom in SHOWROOMS} | set(_WORLD_CITIES), key=len, reverse=True
)
_CITY_RE = re.compile(_words("|".join(re.escape(city) for city in _KNOWN_CITIES)), re.I)
_CITY_ALIASES = {
    "nyc": "New York",
    "manhattan": "New York",
    "la": "Los Angeles",
    "l.a.": "Los Angeles",
    "sf": "San Francisco",
    "vegas": "Las Vegas",
    "dc": "Washington",
}
_ALIAS_RE = re.compile(_words("|".join(re.escape(alias) for alias in _CITY_ALIASES)), re.I)
_CANON = {city.lower(): city for city in _KNOWN_CITIES}

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NOT_CITIES = {
    *_MONTHS,
    *_WEEKDAYS,
    "i",
    "the",
    "a",
    "supercar",
    "lex",
    "today",
    "tomorrow",
    "tonight",
    "am",
    "pm",
    "showroom",
    "dealership",
    "please",
    "thanks",
}
_IN_PLACE_RE = re.compile(
    r"\b(?:in|for|at|near|around)\s+((?:[A-Z][a-z'-]+)(?:\s+[A-Z][a-z'-]+){0,2})"
)


def find_cities(text: str) -> list[str]:
    """City names in order of appearance, canonical spelling, without duplicates."""
    hits: list[tuple[int, int, str]] = []
    for match in _CITY_RE.finditer(text):
        hits.append((match.start(), match.end(), _CANON[match.group().lower()]))
    for match in _ALIAS_RE.finditer(text):
        hits.append((match.start(), match.end(), _CITY_ALIASES[match.group().lower()]))
    for match in _IN_PLACE_RE.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if any(s < end and start < e for s, e, _ in hits):
            continue
        if name.lower() in _NOT_CITIES or name.split()[0].lower() in _NOT_CITIES:
            continue
        if find_car(name) is not None:
            continue
        hits.append((start, end, name))
    cities: list[str] = []
    for _, _, city in sorted(hits):
        if city not in cities:
            cities.append(city)
    return cities


_SHOWROOM_ALIASES = (
    ("manhattan", r"manhattan|new york|nyc|ny|broadway"),
    ("miami", r"miami|biscayne"),
    ("chicago", r"chicago|michigan ave(?:nue)?"),
    ("los-angeles", r"los[- ]angeles|la|l\.a\.|beverly hills|wilshire|hollywood"),
    ("denver", r"denver|colorado"),
)
_SHOWROOM_RES = [(sid, re.compile(_words(alias), re.I)) for sid, alias in _SHOWROOM_ALIASES]


def find_showrooms(text: str) -> list[str]:
    """Showroom ids mentioned in the text, in order of appearance."""
    hits = []
    for showroom_id, pattern in _SHOWROOM_RES:
        match = pattern.search(text)
        if match:
            hits.append((match.start(), showroom_id))
    return [showroom_id for _, showroom_id in sorted(hits)]


# --- dates and times ----------------------------------------------------------------------------

_MONTH_RE = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS = {
    "iso": re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"),
    "month_day": re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}}){_ORD}\b(?:,?\s+(\d{{4}}))?", re.I),
    "day_month": re.compile(
        rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(\d{{4}}))?", re.I
    ),
    "us": re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"),
    "nth": re.compile(rf"\bthe\s+(\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MONTH_RE})", re.I),
    "relative": re.compile(
        r"\b(day after tomorrow|tomorrow|today|tonight|this (?:morning|afternoon|evening)|"
        r"in (\d{1,2}) days?)\b",
        re.I,
    ),
    "weekday": re.compile(rf"\b(?:(?:next|this|on)\s+)?({'|'.join(_WEEKDAYS)})s?\b", re.I),
}


def _month(name: str) -> int:
    return [m[:3] for m in _MONTHS].index(name[:3].lower()) + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _upcoming(month: int, day: int, year: str | None, today: date) -> date | None:
    if year:
        full = int(year) + (2000 if len(year) == 2 else 0)
        return _safe_date(full, month, day)
    candidate = _safe_date(today.year, month, day)
    if candidate is not None and candidate < today:
        candidate = _safe_date(today.year + 1, month, day)
    return candidate


def _date_from(kind: str, m: re.Match[str], today: date) -> date | None:
    if kind == "iso":
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if kind == "month_day":
        return _upcoming(_month(m[1]), int(m[2]), m[3], today)
    if kind == "day_month":
        return _upcoming(_month(m[2]), int(m[1]), m[3], today)
    if kind == "us":
        return _upcoming(int(m[1]), int(m[2]), m[3], today)
    if kind == "nth":
        day = int(m[1])
        if day >= today.day:
            return _safe_date(today.year, today.month, day)
        first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return _safe_date(first_next.year, first_next.month, day)
    if kind == "relative":
        word = m[1].lower()
        if word.startswith("day after"):
            return today + timedelta(days=2)
        if word == "tomorrow":
            return today + timedelta(days=1)
        if m[2]:
            return today + timedelta(days=int(m[2]))
        return today
    weekday = _WEEKDAYS.index(m[1].lower())
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


def find_date(text: str, today: date) -> date | None:
    """The earliest date expression in the text, resolved against `today`."""
    hits: list[tuple[int, date]] = []
    for kind, pattern in _DATE_PATTERNS.items():
        for match in pattern.finditer(text):
            day = _date_from(kind, match, today)
            if day is not None:
                hits.append((match.start(), day))
    return min(hits)[1] if hits else None


_MERIDIEM = r"\s*([ap])\.?\s?m\b\.?"
_TIME_PATTERNS = (
    re.compile(rf"\b(\d{{1,2}}):(\d{{2}})(?:{_MERIDIEM})?", re.I),
    re.compile(rf"\b(\d{{1,2}})(){_MERIDIEM}", re.I),
    re.compile(r"\b(\d{1,2})()\s*o'?clock\b()", re.I),
    re.compile(
        r"(?:\bat|\baround|@)\s*(\d{1,2})()(?![\d:/.-]|\s*(?:st|nd|rd|th|am|pm|a\.|p\.)\b)()", re.I
    ),
    re.compile(r"\b(noon|midday)\b()()", re.I),
)


def _time_from(m: re.Match[str], bare: bool) -> str | None:
    if m[1].lower() in ("noon", "midday"):
        return "12:00"
    hour, minute, meridiem = int(m[1]), int(m[2] or 0), (m[3] or "").lower()
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif bare and 1 <= hour <= 7:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def find_time(text: str) -> str | None:
    """The earliest time of day in the text as HH:MM (24-hour)."""
    hits: list[tuple[int, str]] = []
    for index, pattern in enumerate(_TIME_PATTERNS):
        for match in pattern.finditer(text):
            value = _time_from(match, bare=index >= 2)
            if value is not None:
                hits.append((match.start(), value))
    return min(hits)[1] if hits else None


# --- cars ---------------------------------------------------------------------------------------

_TOKEN_RE = re.compile(r"[A-Za-z0-9]+")


def find_cars(text: str) -> list[CarModel]:
    """Catalogue cars named in the text, in order: word pairs first ("Track R"), then words."""
    words = _TOKEN_RE.findall(text)
    cars: list[CarModel] = []
    index = 0
    while index < len(words):
        car = None
        if index + 1 < len(words):
            car = find_car(f"{words[index]} {words[index + 1]}")
            if car is not None and find_car(words[index + 1]) is not car:
                index += 1  # the pair named it ("track r"), not just its second word
        if car is None and len(words[index]) > 1 and words[index].lower() != "supercar":
            car = find_car(words[index])
        if car is not None and car not in cars:
            cars.append(car)
        index += 1
    return cars
