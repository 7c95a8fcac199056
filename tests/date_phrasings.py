"""Date phrasings customers write, in English and Spanish, with the day each one means.

Written for issue 15 before any date parser was scored on them, as whole messages (the offline
model reads whole messages, not isolated date phrases), including messages that name no date
at all (a parser that finds one there invents a day). `today` is Tuesday 2026-11-24.

`PHRASINGS` was scored first (our rules read 44/49 before they were fixed on it); `SECOND`
was written afterwards and scored once, untouched, as a check on the fixes.

Used by `tests/test_offline_dates.py` (the offline model's parser must read them all) and by
`benchmarks/date_parsers.py` (the comparison with `dateparser` and `parsedatetime`).
"""

from __future__ import annotations

from datetime import date

TODAY = date(2026, 11, 24)  # a Tuesday

# (message, language, the day it means or None)
PHRASINGS: list[tuple[str, str, date | None]] = [
    ("Can I come in tomorrow?", "en", date(2026, 11, 25)),
    ("any slots the day after tomorrow", "en", date(2026, 11, 26)),
    ("is Friday ok for a drive?", "en", date(2026, 11, 27)),
    ("next Monday please", "en", date(2026, 11, 30)),
    ("what about this Saturday afternoon", "en", date(2026, 11, 28)),
    ("I could do Dec 3rd", "en", date(2026, 12, 3)),
    ("how about December 10", "en", date(2026, 12, 10)),
    ("the 5th of December works", "en", date(2026, 12, 5)),
    ("can we do it on the 14th?", "en", date(2026, 12, 14)),
    ("in three days maybe", "en", date(2026, 11, 27)),
    ("in 2 weeks", "en", date(2026, 12, 8)),
    ("a week from today", "en", date(2026, 12, 1)),
    ("is 12/3 free?", "en", date(2026, 12, 3)),
    ("book it for 2026-12-09", "en", date(2026, 12, 9)),
    ("are you open on Christmas Eve?", "en", date(2026, 12, 24)),
    ("sometime this weekend", "en", date(2026, 11, 28)),
    ("can I come tonight?", "en", date(2026, 11, 24)),
    ("the Friday after next", "en", date(2026, 12, 4)),
    ("Wednesday next week", "en", date(2026, 12, 2)),
    ("Jan 4 would be ideal", "en", date(2027, 1, 4)),
    ("thurs at 2?", "en", date(2026, 11, 26)),
    ("what about New Year's Eve", "en", date(2026, 12, 31)),
    ("at 3 tomorrow", "en", date(2026, 11, 25)),
    ("just at 3pm please", "en", None),
    ("I have 2 kids and a dog, is the Tourer big enough?", "en", None),
    ("can I try the Volt?", "en", None),
    ("¿mañana por la tarde?", "es", date(2026, 11, 25)),
    ("pasado mañana", "es", date(2026, 11, 26)),
    ("el viernes me viene bien", "es", date(2026, 11, 27)),
    ("el próximo lunes", "es", date(2026, 11, 30)),
    ("este sábado", "es", date(2026, 11, 28)),
    ("el 3 de diciembre", "es", date(2026, 12, 3)),
    ("dentro de dos semanas", "es", date(2026, 12, 8)),
    ("en tres días", "es", date(2026, 11, 27)),
    ("¿el 14 hay hueco?", "es", date(2026, 12, 14)),
    ("¿el 3/12 está libre?", "es", date(2026, 12, 3)),
    ("hoy mismo", "es", date(2026, 11, 24)),
    ("la semana que viene, el miércoles", "es", date(2026, 12, 2)),
    ("el fin de semana", "es", date(2026, 11, 28)),
    ("¿abren en Nochebuena?", "es", date(2026, 12, 24)),
    ("el 5 de enero", "es", date(2027, 1, 5)),
    ("el martes", "es", date(2026, 12, 1)),
    ("el jueves de la semana que viene", "es", date(2026, 12, 3)),
    ("dentro de una semana", "es", date(2026, 12, 1)),
    ("el viernes 4", "es", date(2026, 12, 4)),
    ("mañana a las 10", "es", date(2026, 11, 25)),
    ("a las 10 de la mañana del jueves", "es", date(2026, 11, 26)),
    ("a las 5 de la tarde", "es", None),
    ("tengo 3 coches", "es", None),
]

# Written after the rules were fixed on PHRASINGS; scored once before any further change.
SECOND: list[tuple[str, str, date | None]] = [
    ("could I come in on Thursday morning", "en", date(2026, 11, 26)),
    ("what about the 30th?", "en", date(2026, 11, 30)),
    ("Dec 12 at 11", "en", date(2026, 12, 12)),
    ("this coming Sunday", "en", date(2026, 11, 29)),
    ("next Friday afternoon", "en", date(2026, 11, 27)),
    ("in a couple of days", "en", date(2026, 11, 26)),
    ("on 1/12", "en", date(2027, 1, 12)),
    ("any time on Monday the 7th", "en", date(2026, 12, 7)),
    ("tomorrow evening if possible", "en", date(2026, 11, 25)),
    ("I'm around all week", "en", None),
    ("the 3 o'clock slot", "en", None),
    ("el sábado que viene", "es", date(2026, 11, 28)),
    ("mañana temprano", "es", date(2026, 11, 25)),
    ("el 12 de diciembre por la tarde", "es", date(2026, 12, 12)),
    ("el domingo 29", "es", date(2026, 11, 29)),
    ("dentro de 10 días", "es", date(2026, 12, 4)),
    ("el lunes 7 de diciembre", "es", date(2026, 12, 7)),
    ("para el jueves", "es", date(2026, 11, 26)),
    ("a las 11 de la mañana", "es", None),
    ("tengo 2 hijos", "es", None),
]
