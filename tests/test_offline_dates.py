"""The offline model's date rules read every phrasing of both sets (tests/date_phrasings.py),
in English and Spanish, including the messages that name no day at all."""

from __future__ import annotations

import pytest

from supercar.llm.offline.when import find_date, find_dates, shifted_time
from tests.date_phrasings import PHRASINGS, SECOND, TODAY


@pytest.mark.parametrize(("text", "lang", "want"), PHRASINGS + SECOND)
def test_a_customer_date_is_read_as_the_day_it_means(text, lang, want) -> None:
    assert find_date(text, TODAY, day_first=lang == "es") == want


def test_two_days_compared_are_both_read_in_the_order_named() -> None:
    days = find_dates("colder tomorrow than today?", TODAY)
    assert [day.isoformat() for day in days] == ["2026-11-25", "2026-11-24"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("what about an hour later?", "16:00"),
        ("half an hour earlier?", "14:30"),
        ("two hours later then", "17:00"),
        ("¿y una hora más tarde?", "16:00"),
        ("¿media hora antes?", "14:30"),
        ("what about 4?", None),
        ("push it back half an hour", "15:30"),
        ("bring it forward an hour", "14:00"),
        ("later by 30 minutes", "15:30"),
        ("come back tomorrow", None),
    ],
)
def test_a_time_moved_from_the_last_one_is_read_against_it(text: str, want: str | None) -> None:
    assert shifted_time(text, "15:00") == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        ("the first Monday of December", "en", "2026-12-07"),
        ("el último viernes de diciembre", "es", "2026-12-25"),
        ("a week from tomorrow", "en", "2026-12-02"),
        ("the day after Thanksgiving", "en", "2026-11-27"),
        ("el día después de Navidad", "es", "2026-12-26"),
        ("the day after tomorrow", "en", "2026-11-26"),
    ],
)
def test_a_day_named_from_another_is_read_from_it(text: str, lang: str, want: str) -> None:
    day = find_date(text, TODAY, day_first=lang == "es")
    assert day is not None and day.isoformat() == want
