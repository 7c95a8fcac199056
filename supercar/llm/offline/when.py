"""Dates, times of day and parts of the day in everyday English and Spanish.

Hand-written rules over the corrected text (`language.corrected`), no date library. Measured
for issue 15 (`benchmarks/date_parsers.py`, whole customer messages in both languages from
`tests/date_phrasings.py`, some naming no date):

| parser                  | first set (49), before fixes | second set (20), written after |
|-------------------------|------------------------------|--------------------------------|
| these rules             | 44 (49 after)                | 19                             |
| dateparser search_dates | 29                           | 16                             |
| dateparser parse        | 9                            | 7                              |
| parsedatetime parseDT   | 18                           | 9                              |

dateparser misses relative Spanish ("en tres días", "el fin de semana"), reads "a week from
today" as last week and invents a day in "just at 3pm"; parsedatetime reads almost no Spanish.
dateparser would also add ~300 ms to the first message (import and language data) against
~40 ms for parsedatetime. So neither is used; the rules below are short, general and
deterministic. No clock here: callers pass `today` (the showroom's local date).

Dates: today / tonight / hoy; tomorrow / mañana (not "por la mañana", which is a part of the
day); holidays ("Christmas Day", "Thanksgiving", "Nochebuena"); the day after tomorrow /
pasado mañana; "in ten days", "in 2 weeks", "en tres días";
weekdays with or without next/this/el/este/próximo (always the next such day, never today);
this weekend / el fin de semana (the coming Saturday, today if it is Saturday or Sunday); ISO
dates; month names in both languages ("Dec 1st", "1 December", "14 de enero"); "14/1" and
"12/1" (day first in Spanish or when the first number is over 12, US month first otherwise);
"the 14th" / "el 14" (this month, or next month once past); "the first Monday of December",
"el último viernes de noviembre"; "a week from tomorrow"; "the day after Thanksgiving", "el día
antes del 14". The earliest expression wins.

Times: "3pm", "15:00", "10:30 am", "noon", "11 o'clock", "at four", "half past two", "half
two", "quarter to four", "ten past three", "four thirty", "a las cuatro y media", "a las cinco
menos cuarto", "a la una". A bare hour of 1-7 is the afternoon (showrooms are closed early in
the morning); "in the morning" / "de la tarde" settle it. A corrected time is the later one
("5pm - no wait, 6pm"); "an hour later", "half an hour earlier", "push it back an hour" move
the last time talked about (`shifted_time`).

Parts of the day ("late afternoon", "after lunch", "por la tarde") are hour windows that the
availability answer filters free times by.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from supercar.llm.offline.keywords import TAKEN_BACK_RE
from supercar.llm.offline.language import corrected

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "a": 1, "an": 1,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20,
    "treinta": 30,
}  # fmt: skip
_NUM = r"\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True))
_HOUR_WORDS = [w for w, n in _NUMBERS.items() if 1 <= n <= 12 and w not in ("a", "an")]
_HOUR = r"\d{1,2}|" + "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))

WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS_ES = ("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo")
_MONTHS_EN = (
    "jan|january feb|february mar|march apr|april may jun|june jul|july aug|august "
    "sep|sept|september oct|october nov|november dec|december"
).split()
_MONTHS_ES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre "
    "noviembre diciembre"
).split()
_MONTH_ALTS = {alt: index + 1 for index, group in enumerate(_MONTHS_EN) for alt in group.split("|")}
_MONTH_ALTS |= {
    alt: index + 1 for index, group in enumerate(_MONTHS_ES) for alt in group.split("|")
}
_MONTH = "|".join(sorted(_MONTH_ALTS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th|º)?"


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _upcoming(month: int, day: int, year: str | None, today: date) -> date | None:
    if year:
        return _safe(int(year) + (2000 if len(year) == 2 else 0), month, day)
    candidate = _safe(today.year, month, day)
    if candidate is not None and candidate < today:
        candidate = _safe(today.year + 1, month, day)
    return candidate


def _nth(day: int, today: date) -> date | None:
    if day >= today.day:
        return _safe(today.year, today.month, day)
    first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    return _safe(first_next.year, first_next.month, day)


def _next_weekday(weekday: int, today: date) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)


# Short forms customers write ("sat", "thurs"); "sun" is left out, as it is also the weather.
_SHORT_DAYS = "mon|tues?|wed|thu(?:rs?)?|fri|sat"
_NOT_MONTH = (
    rf"(?!\s*(?:of\s+|de\s+)?(?:{_MONTH})\b)(?![/\d])(?!\s*[:.]\d)"
    r"(?!\s*(?:am|pm|h|o'?\s?clock|one|slot)\b)"
)
_DATE_RES = {
    "iso": re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"),
    "month_day": re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}){_ORD}\b(?:,?\s+(\d{{4}}))?"),
    "day_month": re.compile(
        rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+|de\s+)?({_MONTH})\b(?:,?\s+(?:de\s+)?(\d{{4}}))?"
    ),
    "numeric": re.compile(r"(?<![\d/:])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"),
    "nth": re.compile(
        # "on the 14", "el 14": the number alone is enough; after a bare "the" it needs "th"
        rf"\b(?:on(?:\s+the)?|el(?:\s+dia)?|dia)\s+(\d{{1,2}}){_ORD}\b{_NOT_MONTH}"
        rf"|\b(\d{{1,2}})(?:st|nd|rd|th)\b{_NOT_MONTH}"
    ),
    "after": re.compile(r"\b(day after tomorrow|pasado manana)\b"),
    "tomorrow": re.compile(r"\b(tomorrow|tmrw|(?<!\bla )(?<!\blas )(?<!\bde )manana)\b"),
    "today": re.compile(
        r"\b(today|tonight|hoy|this (?:morning|afternoon|evening)|esta (?:noche|tarde|manana))\b"
    ),
    "in_days": re.compile(
        rf"\b(?:in|en|dentro de)\s+(?:a couple of\s+|un par de\s+)?({_NUM}|)\s*"
        r"(days?|dias?|weeks?|semanas?)\b"
        r"|\b(a week from (?:today|now)|next week|la (?:semana )?proxima semana|"
        r"la semana que viene)\b"
    ),
    "week_from_tomorrow": re.compile(
        r"\b(?:a|one|una) (?:week|semana) (?:from|after|despues de) (?:tomorrow|manana)\b"
    ),
    # "the first Monday of December", "el último viernes de noviembre"
    "nth_weekday": re.compile(
        r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last|primer|primero|segundo|tercer|"
        rf"tercero|cuarto|ultimo)\s+({'|'.join(WEEKDAYS_EN + WEEKDAYS_ES)})\s+(?:of|in|de)\s+"
        rf"({_MONTH})\b"
    ),
    "holiday": re.compile(
        r"\b(christmas eve|nochebuena|christmas(?: day)?|navidad|new year'?s eve|nochevieja|"
        r"new year'?s(?: day)?|ano nuevo|thanksgiving|accion de gracias|valentine'?s(?: day)?|"
        r"san valentin|halloween|independence day|fourth of july)\b"
    ),
    "weekend": re.compile(r"\b(weekend|wknd|wkend|fin de semana|finde)\b"),
    # "the Friday after next", "Monday week" (a week after the coming Monday)
    "after_next": re.compile(
        rf"\b({'|'.join(WEEKDAYS_EN + WEEKDAYS_ES)}|{_SHORT_DAYS})s?\s+(?:after next|week)\b"
        rf"|\ba week (?:from|on) ({'|'.join(WEEKDAYS_EN)}|{_SHORT_DAYS})\b"
    ),
    # "el viernes 4", "Friday 4th": the date, when that day is that weekday
    "weekday_nth": re.compile(
        rf"\b({'|'.join(WEEKDAYS_EN + WEEKDAYS_ES)}|{_SHORT_DAYS})\s+(?:the\s+)?(\d{{1,2}})"
        rf"{_ORD}\b{_NOT_MONTH}"
    ),
    "weekday": re.compile(
        rf"\b(?:(next|proximo)\s+)?({'|'.join(WEEKDAYS_EN + WEEKDAYS_ES)}|{_SHORT_DAYS})s?\b\.?"
    ),
}


def _resolve(kind: str, m: re.Match[str], today: date, day_first: bool) -> date | None:
    if kind == "iso":
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    if kind == "month_day":
        return _upcoming(_MONTH_ALTS[m[1]], int(m[2]), m[3], today)
    if kind == "day_month":
        return _upcoming(_MONTH_ALTS[m[2]], int(m[1]), m[3], today)
    if kind == "numeric":
        first, second = int(m[1]), int(m[2])
        if day_first or first > 12:
            first, second = second, first
        return _upcoming(first, second, m[3], today)
    if kind == "nth":
        return _nth(int(m[1] or m[2]), today)
    if kind == "after":
        return today + timedelta(days=2)
    if kind == "tomorrow":
        return today + timedelta(days=1)
    if kind == "today":
        return today
    if kind == "in_days":
        if m[3]:
            return today + timedelta(days=7)
        count = _number(m[1]) if m[1] else 2  # "in a couple of days"
        return today + timedelta(days=count * (7 if m[2][0] in "ws" else 1))
    if kind == "holiday":
        return _holiday(m[1], today)
    if kind == "week_from_tomorrow":
        return today + timedelta(days=8)
    if kind == "nth_weekday":
        return _nth_weekday(m[1], m[2], _MONTH_ALTS[m[3]], today)
    if kind == "weekend":
        return today if today.weekday() >= 5 else _next_weekday(5, today)
    if kind == "after_next":
        return _weekday(m[1] or m[2], today) + timedelta(days=7)
    if kind == "weekday_nth":
        day = _nth(int(m[2]), today)
        return day if day is not None and day.weekday() == _weekday(m[1], today).weekday() else None
    day = _weekday(m[2], today)
    if m[1] and day == today + timedelta(days=1):
        return day + timedelta(days=7)  # "next Wednesday" said on a Tuesday: not tomorrow
    return day


def _weekday(name: str, today: date) -> date:
    """The next such weekday (never today), from an English, Spanish or short name."""
    if name in WEEKDAYS_EN:
        return _next_weekday(WEEKDAYS_EN.index(name), today)
    if name in WEEKDAYS_ES:
        return _next_weekday(WEEKDAYS_ES.index(name), today)
    return _next_weekday(next(i for i, d in enumerate(WEEKDAYS_EN) if d.startswith(name)), today)


_ORDINALS = {
    "first": 1, "1st": 1, "primer": 1, "primero": 1, "second": 2, "2nd": 2, "segundo": 2,
    "third": 3, "3rd": 3, "tercer": 3, "tercero": 3, "fourth": 4, "4th": 4, "cuarto": 4,
}  # fmt: skip


def _nth_weekday(nth: str, name: str, month: int, today: date) -> date | None:
    """The first (second, ..., last) such weekday of that month, this year or next."""
    weekday = WEEKDAYS_EN.index(name) if name in WEEKDAYS_EN else WEEKDAYS_ES.index(name)
    for year in (today.year, today.year + 1):
        days = [
            date(year, month, d)
            for d in range(1, 32)
            if _safe(year, month, d) and date(year, month, d).weekday() == weekday
        ]
        day = days[-1] if nth in ("last", "ultimo") else days[_ORDINALS[nth] - 1]
        if day >= today:
            return day
    return None


_HOLIDAYS = {
    "christmas eve": (12, 24),
    "nochebuena": (12, 24),
    "navidad": (12, 25),
    "nochevieja": (12, 31),
    "ano nuevo": (1, 1),
    "accion de gracias": (11, 0),
    "san valentin": (2, 14),
    "halloween": (10, 31),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
}


def _holiday(name: str, today: date) -> date | None:
    if name == "christmas eve":
        name = "nochebuena"
    elif name.startswith("christmas"):
        name = "navidad"
    elif name.startswith("new year"):
        name = "nochevieja" if name.endswith("eve") else "ano nuevo"
    elif name.startswith("valentine"):
        name = "san valentin"
    elif name == "thanksgiving":
        name = "accion de gracias"
    month, day = _HOLIDAYS[name]
    if day == 0:  # Thanksgiving: the fourth Thursday of November
        for year in (today.year, today.year + 1):
            first = date(year, 11, 1)
            candidate = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
            if candidate >= today:
                return candidate
    return _upcoming(month, day, None, today)


# "the day after Thanksgiving", "el día antes del 14": one day either side of a date named.
_AROUND_RE = re.compile(
    r"\b(?:the )?(?:day|dia) (?P<side>after|before|despues|antes)(?: de(?:l| la)?)?\s+"
    r"(?!tomorrow|manana|that|then|it|ese|eso)"
)


def find_date(text: str, today: date, day_first: bool = False) -> date | None:
    """The earliest date expression in the text, resolved against `today`."""
    low = corrected(text)
    back = TAKEN_BACK_RE.search(low)  # "sydney tmrw? no wait im flying thurs so thursday"
    if back:
        later = find_date(low[back.end() :], today, day_first)
        earlier = find_date(low[: back.start()], today, day_first)
        if later is not None and earlier not in (None, later):
            return later
    around = _AROUND_RE.search(low)
    if around:
        named = find_date(low[around.end() :], today, day_first)
        if named is not None:
            return named + timedelta(days=1 if around["side"] in ("after", "despues") else -1)
    hits: list[tuple[int, date]] = []
    specific: list[tuple[int, date]] = []
    for kind, pattern in _DATE_RES.items():
        if kind == "weekend" and any(
            (named := _resolve("weekday", m, today, False)) is not None and named.weekday() >= 5
            for m in _DATE_RES["weekday"].finditer(low)
        ):
            continue  # "over the weekend … open on Sunday?": the day named, not the weekend
        for match in pattern.finditer(low):
            day = _resolve(kind, match, today, day_first)
            if day is not None:
                hits.append((match.start(), day))
                if kind in _SPECIFIC:
                    specific.append((match.start(), day))
    if specific:  # "Friday the 4th": the date, not the next Friday
        return min(specific)[1]
    after_next = _DATE_RES["after_next"].search(low)
    if after_next:
        return _resolve("after_next", after_next, today, False)
    weekday = _DATE_RES["weekday"].search(low)
    named = _resolve("weekday", weekday, today, False) if weekday else None
    if named and _NEXT_WEEK_RE.search(low):  # "Wednesday next week": in next week
        this_monday = today - timedelta(days=today.weekday())
        return this_monday + timedelta(days=7 + named.weekday())
    return min(hits)[1] if hits else None


def find_slot_date(text: str, today: date, day_first: bool = False) -> date | None:
    """The day of the slot asked for: the one named in the same clause as the time when the text
    names several ("in a rush today, but would noon tomorrow work?" is tomorrow), else
    `find_date`'s."""
    low = corrected(text)
    week = " ".join(m.group() for m in _NEXT_WEEK_RE.finditer(low))  # "next week … Wednesday at 4"
    for clause in _CLAUSE_RE.split(low):
        if find_times(clause):
            day = find_date(f"{clause} {week}", today, day_first)
            if day is not None:
                return day
    return find_date(text, today, day_first)


_CLAUSE_RE = re.compile(r"[,;.!?]|\b(?:but|pero|although|aunque)\b")
_SPECIFIC = (
    "iso",
    "month_day",
    "day_month",
    "numeric",
    "nth",
    "holiday",
    "weekday_nth",
    "nth_weekday",
)
_NEXT_WEEK_RE = re.compile(r"\b(?:next week|(?:la )?(?:semana )?proxima semana|semana que viene)\b")


# --- times --------------------------------------------------------------------------------------

_MER = r"\s*(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
_MINUTES = {"quarter": 15, "half": 30, "cuarto": 15, "media": 30}
_TIME_RES = (
    # 10:30, 15:00, 10:30am
    re.compile(rf"\b(?P<h>\d{{1,2}})[:.](?P<m>\d{{2}})(?!\d)(?:{_MER})?"),
    # 3pm, 3 p.m.
    re.compile(rf"\b(?P<h>\d{{1,2}}){_MER}"),
    # quarter to four, ten past three, half past two, twenty after five
    re.compile(
        rf"\b(?P<mins>quarter|half|{_NUM})\s+(?P<rel>past|after|to|til|before)\s+"
        rf"(?P<h>{_HOUR})\b(?:\s*(?P<mer2>am|pm|in the morning|in the afternoon|in the evening))?"
    ),
    # half four (British), four thirty, 4 fifteen
    re.compile(rf"\bhalf\s+(?P<half>{_HOUR})\b(?!\s+(?:an?\s+)?hour)"),
    re.compile(rf"\b(?:at|around|about|by)\s+(?P<h>{_HOUR})\s+(?P<mw>thirty|fifteen|forty five)\b"),
    # a las cuatro y media, a las cinco menos cuarto, a la una, las 4 y 20
    re.compile(
        rf"\b(?:a\s+)?(?:las|la)\s+(?P<h>{_HOUR})\b(?!\s*[:/])"
        r"(?:\s+y\s+(?P<y>media|cuarto|\d{1,2}|diez|veinte|cinco))?"
        r"(?:\s+menos\s+(?P<menos>cuarto|\d{1,2}|diez|veinte|cinco))?"
        r"(?:\s+de\s+la\s+(?P<es_mer>manana|tarde|noche))?"
    ),
    # 11 o'clock, four o'clock
    re.compile(rf"\b(?P<h>{_HOUR})\s*o'?\s?clock\b"),
    # at 4, around four, @ 4
    re.compile(
        rf"(?:\bat|\baround|\babout|@)\s*(?P<h>{_HOUR})\b"
        r"(?![\d:/.-]|\s*(?:st|nd|rd|th|days?|weeks?|people|of|cars?)\b)"
        r"(?:\s*(?P<mer3>in the morning|in the afternoon|in the evening|tonight))?"
    ),
    re.compile(r"\b(?P<noon>noon|midday|mediodia)\b"),
)


def _minutes(word: str) -> int:
    return _MINUTES.get(word) or _number(word)


def _time_from(m: re.Match[str]) -> str | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "noon" in groups:
        return "12:00"
    if "half" in groups:
        hour, minute = _number(groups["half"]), 30
    else:
        hour, minute = _number(groups["h"]), int(groups.get("m", 0))
    if "mw" in groups:
        minute = {"thirty": 30, "fifteen": 15}.get(groups["mw"], 45)
    if "rel" in groups:
        minutes = _minutes(groups["mins"])
        if groups["rel"] in ("to", "til", "before"):
            hour, minute = hour - 1 or 12, 60 - minutes
        else:
            minute = minutes
    if "y" in groups:
        minute = _minutes(groups["y"])
    if "menos" in groups:
        hour, minute = hour - 1 or 12, 60 - _minutes(groups["menos"])
    meridiem = " ".join(groups.get(k, "") for k in ("mer2", "mer3", "es_mer"))
    explicit = re.sub(r"[.\s]", "", groups.get("ap", ""))
    if explicit:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if explicit == "pm" else 0)
    elif meridiem.strip():
        if hour <= 12:
            morning = "morning" in meridiem or "manana" in meridiem
            hour = hour % 12 + (0 if morning else 12)
    elif 1 <= hour <= 7:
        hour += 12  # a bare "at 4": showrooms are closed at 4 in the morning
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


# "5pm - no wait, 6pm", "at 3, sorry, I mean 4", "a las 5, digo, a las 6": the later time.
_CORRECTION_RE = re.compile(
    r"\b(?:no wait|wait|sorry|i mean|i meant|actually|make that|or rather|scratch that|no|"
    r"perdon|perdona|mejor dicho|digo|quiero decir|espera|o sea)[\s,.;:!-]*"
    r"(?:(?:at|make it|a las?|mejor)\s+)?$"
)


def find_time(text: str) -> str | None:
    """The time of day in the text as HH:MM (24-hour): the earliest, unless the customer
    corrects it ("5pm - no wait, 6pm" is 18:00)."""
    times = find_times(text)
    return times[0] if times else None


def find_times(text: str) -> list[str]:
    """The times of day the text asks for, in order, each once; a corrected time is replaced
    by its correction ("5pm - no wait, 6pm" asks for 18:00 alone)."""
    low = corrected(text)
    hits: list[tuple[int, int, str]] = []
    for pattern in _TIME_RES:
        for match in pattern.finditer(low):
            value = _time_from(match)
            if value is not None:
                # Ranked by where the hour is, longest reading first: "at 9 p.m." is 21:00.
                start = match.start("h") if match.groupdict().get("h") else match.start()
                hits.append((start, start - match.end(), value))
    if not hits:
        return []
    hits.sort()
    first, last = hits[0], max(hits, key=lambda hit: hit[0])
    if last[2] != first[2] and _CORRECTION_RE.search(low[first[0] : last[0]]):
        return [last[2]]  # the correction stands right before the later time
    others = [hit for hit in hits if hit[2] != first[2]]
    if len({hit[2] for hit in others}) == 1 and TAKEN_BACK_RE.search(low[first[0] : others[0][0]]):
        return [others[0][2]]  # "10am. oh no wait, I have a meeting, 1pm works better"
    return list(dict.fromkeys(value for _, _, value in hits))


# "an hour later", "half an hour earlier", "media hora más tarde", "push it back an hour",
# "later by 30 minutes": a time moved from another.
_AMOUNT = rf"(?:(?P<n>{_NUM}|half an?|media|un par de|a couple of)\s+)?"
_UNIT = r"(?P<unit>hours?|hrs?|horas?|minutes?|mins?|minutos?)"
_SHIFT_RE = re.compile(
    rf"\b{_AMOUNT}{_UNIT}\s+"
    r"(?P<dir>later|earlier|sooner|before|after|mas tarde|mas temprano|antes|despues)\b"
    rf"|\b(?P<dir2>back|forward|later|earlier)\s+(?:by\s+)?{_AMOUNT.replace('<n>', '<n2>')}"
    rf"{_UNIT.replace('<unit>', '<unit2>')}\b"
)


def shifted_time(text: str, anchor: str | None) -> str | None:
    """The time an hour (or so) later or earlier than `anchor` (HH:MM), if the text says so."""
    match = _SHIFT_RE.search(corrected(text))
    if match is None or anchor is None:
        return None
    count = match["n"] or match["n2"] or "a"
    if count.startswith(("half", "media")):
        amount = 0.5
    elif count.endswith(("couple of", "par de")):
        amount = 2
    else:
        amount = _number(count)
    unit = match["unit"] or match["unit2"]
    minutes = round(amount * (60 if unit.startswith("h") else 1))
    if (match["dir"] or match["dir2"]) in (
        "earlier",
        "sooner",
        "before",
        "forward",
        "mas temprano",
        "antes",
    ):
        minutes = -minutes
    total = int(anchor[:2]) * 60 + int(anchor[3:5]) + minutes
    if not 0 <= total < 24 * 60:
        return None
    return f"{total // 60:02d}:{total % 60:02d}"


def without_dates(text: str) -> str:
    """The corrected text with every date expression blanked ("is Dec 3 free?": no hour 3)."""
    low = corrected(text)
    for pattern in _DATE_RES.values():
        low = pattern.sub(lambda m: " " * len(m.group()), low)
    return low


# --- parts of the day ---------------------------------------------------------------------------

_PERIODS = (
    (r"late afternoon|end of the day|ultima hora|tarde-noche", (16, 24)),
    (r"early afternoon|primera hora de la tarde", (12, 15)),
    (r"late morning|media manana", (10, 12)),
    (r"early morning|first thing|primera hora", (0, 10)),
    (r"after lunch|despues de (?:comer|almorzar|del almuerzo)", (13, 24)),
    (r"lunch ?time|around lunch|at lunch|hora de comer|al mediodia", (12, 14)),
    (r"before (?:noon|lunch|midday)|antes del mediodia|antes de comer", (0, 12)),
    (r"after work|evening|tonight|(?:por|en|de) la noche|esta noche", (17, 24)),
    (r"afternoon", (12, 19)),
    (r"(?:por|en|de) la tarde|esta tarde", (12, 20)),  # "la tarde" runs into the evening
    (r"morning|(?:por|en|de) la manana|esta manana", (0, 12)),
)
_PERIOD_RES = [(re.compile(rf"\b(?:{words})\b"), span) for words, span in _PERIODS]


# "after 3", "before noon", "después de las 4": a window from or until an hour.
BOUND_RE = re.compile(
    rf"\b(?P<side>after|from|later than|before|earlier than|despues de|a partir de|antes de)"
    rf"\s+(?:las?\s+)?(?P<h>{_HOUR}|noon|mediodia)(?:\s*(?P<ap>am|pm|a\.m\.|p\.m\.))?(?![\w:])"
)


def _bound(low: str) -> tuple[int, int] | None:
    match = BOUND_RE.search(low)
    if match is None:
        return None
    word = match["h"]
    hour = 12 if word in ("noon", "mediodia") else _number(word)
    if match["ap"]:
        hour = hour % 12 + (12 if match["ap"].startswith("p") else 0)
    elif 1 <= hour <= 7:
        hour += 12  # as for a bare time: showrooms are closed at 3 in the morning
    if match["side"] in ("before", "earlier than", "antes de"):
        return (0, hour)
    return (hour + (1 if match["side"] == "later than" else 0), 24)


_GREETING_RE = re.compile(
    r"\b(?:good (?:morning|afternoon|evening|night)|buenos dias|buenas (?:tardes|noches))\b"
)


def find_period(text: str) -> tuple[int, int] | None:
    """An hour window [start, end) named by a part of the day or a bound ("after 3"), if any."""
    low = _GREETING_RE.sub(" ", corrected(text))  # "good morning" is no part of the day
    bound = _bound(low)
    if bound is not None:
        return bound
    for pattern, span in _PERIOD_RES:
        if pattern.search(low):
            return span
    return None


_COMPARED_RE = re.compile(r"\b(?:than|or|vs|versus|compared (?:to|with)|and|que|o|y)\b")


def find_dates(text: str, today: date, day_first: bool = False) -> list[date]:
    """The days compared in a text ("tomorrow than today"), in the order named, no repeats."""
    days: list[date] = []
    for piece in _COMPARED_RE.split(corrected(text)):
        day = find_date(piece, today, day_first)
        if day is not None and day not in days:
            days.append(day)
    return days


_AFTER_THAT_RE = re.compile(
    rf"\b({'|'.join(WEEKDAYS_EN)}|{_SHORT_DAYS}) after(?! next| tomorrow)\b|"
    rf"\bel ({'|'.join(WEEKDAYS_ES)}) (?:siguiente|de despues|despues)\b"
)


# "and the day before?", "el día siguiente": one day either side of the day talked about.
# "push it back a day", "a day earlier", "un día antes": the same, for a booking's day.
_DAY_EITHER_SIDE_RE = re.compile(
    r"\b(?:the )?(?:(?P<before>day before|previous day|dia (?:antes|anterior)|(?:a|one|1) day "
    r"(?:earlier|sooner)|forward (?:a|one|1) day|un dia (?:antes|menos))|"
    r"(?:day after|next day|following day|dia (?:siguiente|despues)|(?:a|one|1) day later|"
    r"back (?:a|one|1) day|un dia (?:despues|mas(?: tarde)?)))\b(?! tomorrow| manana)"
)


def weekday_after(text: str, anchor: date) -> date | None:
    """ "the Monday after" (the day talked about): the first such weekday after `anchor`;
    "the day before" / "the day after": the day either side of it."""
    low = corrected(text)
    side = _DAY_EITHER_SIDE_RE.search(low)
    if side:
        return anchor + timedelta(days=-1 if side["before"] else 1)
    match = _AFTER_THAT_RE.search(low)
    return _weekday(match[1] or match[2], anchor) if match else None


def find_date_words(text: str) -> bool:
    """Whether the text names a day at all (no clock needed)."""
    return find_date(text, _ANY_DAY) is not None or bool(
        _DAY_EITHER_SIDE_RE.search(corrected(text))
    )


_ANY_DAY = date(2000, 1, 1)
