"""The offline model's date rules beside `dateparser` and `parsedatetime`, on the same phrasings.

    .venv/bin/pip install dateparser parsedatetime     # not dependencies of the product
    .venv/bin/python -m benchmarks.date_parsers

Each parser reads whole customer messages (`tests/date_phrasings.py`, English and Spanish,
some naming no date) against the same clock, in the message's language; a message counts as
right when the parser finds exactly the day it means (or no day where none is named). Prints
a Markdown table per language, the messages each parser gets wrong, and each one's import and first
parse time in a fresh interpreter (ours includes the whole offline package and the tools).
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from collections.abc import Callable
from datetime import date, datetime

from supercar.llm.offline.when import find_date
from tests.date_phrasings import PHRASINGS, SECOND, TODAY

Parser = Callable[[str, str], date | None]
BASE = datetime(TODAY.year, TODAY.month, TODAY.day, 10, 0)


def ours(text: str, lang: str) -> date | None:
    return find_date(text, TODAY, day_first=lang == "es")


def dateparser_search(text: str, lang: str) -> date | None:
    from dateparser.search import search_dates

    settings = {
        "RELATIVE_BASE": BASE,
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY" if lang == "es" else "MDY",
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=[lang], settings=settings)  # type: ignore[arg-type]
    return found[0][1].date() if found else None


def dateparser_whole(text: str, lang: str) -> date | None:
    import dateparser

    settings = {
        "RELATIVE_BASE": BASE,
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY" if lang == "es" else "MDY",
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = dateparser.parse(text, languages=[lang], settings=settings)  # type: ignore[arg-type]
    return found.date() if found else None


def parsedatetime_parse(text: str, lang: str) -> date | None:
    import parsedatetime

    locale = "es_ES" if lang == "es" else "en_US"
    calendar = parsedatetime.Calendar(parsedatetime.Constants(locale, usePyICU=False))
    when, status = calendar.parseDT(text, sourceTime=BASE)
    return when.date() if status in (1, 3) else None  # 1: a date, 3: a date and a time


PARSERS: dict[str, Parser] = {
    "ours (when.find_date)": ours,
    "dateparser search_dates": dateparser_search,
    "dateparser parse": dateparser_whole,
    "parsedatetime parseDT": parsedatetime_parse,
}


FIRST_USE = {
    "dateparser": "from dateparser.search import search_dates; "
    "search_dates('see you tomorrow', languages=['en', 'es'])",
    "parsedatetime": "import parsedatetime; parsedatetime.Calendar().parseDT('tomorrow')",
    "ours": "import datetime; from supercar.llm.offline.when import find_date; "
    "find_date('see you tomorrow', datetime.date.today())",
}


def first_use_ms(statement: str) -> float:
    """Median wall time of an import and a first parse in a fresh interpreter (5 runs)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = sorted(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(5)
    )
    return runs[2] * 1000


def main() -> None:
    for title, phrasings in (("first set", PHRASINGS), ("second set", SECOND)):
        print(f"\n## {title} ({len(phrasings)} messages)\n")
        score(phrasings)
    print()
    for name, statement in FIRST_USE.items():
        print(f"{name}: import and first parse {first_use_ms(statement):.0f} ms")


def score(phrasings: list[tuple[str, str, date | None]]) -> None:
    wrong: dict[str, list[str]] = {name: [] for name in PARSERS}
    right: dict[tuple[str, str], int] = {}
    totals = {"en": 0, "es": 0}
    for text, lang, want in phrasings:
        totals[lang] += 1
        for name, parse in PARSERS.items():
            try:
                got = parse(text, lang)
            except Exception as exc:  # a library failing on a message is a wrong answer
                got = None if want is not None else date.min
                wrong[name].append(f"{text!r}: raised {type(exc).__name__}")
                continue
            if got == want:
                right[name, lang] = right.get((name, lang), 0) + 1
            else:
                wrong[name].append(f"{text!r} ({lang}): {got} instead of {want}")
    total = sum(totals.values())
    print("| parser | English | Spanish | all |")
    print("|---|---|---|---|")
    for name in PARSERS:
        en, es = right.get((name, "en"), 0), right.get((name, "es"), 0)
        print(f"| {name} | {en}/{totals['en']} | {es}/{totals['es']} | {en + es}/{total} |")
    for name, misses in wrong.items():
        print(f"\n{name}: {len(misses)} wrong")
        for miss in misses:
            print("  " + miss)


if __name__ == "__main__":
    main()
