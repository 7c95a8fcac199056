"""What the tools share when they refuse a request, and the local-date check they all make.

Decisions:
- A refusal carries three texts: `error`, the detailed sentence the model reads (and the offline
  model parses, so its wording is stable); `code`, one machine-readable word from a fixed list;
  and `customer`, what a card may show a customer: plain words, no ids, no formats.
- Dates arrive as `YYYY-MM-DD` strings and are checked here rather than by pydantic, so a
  refusal can say what today is in the place's own time zone and the model can correct itself.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from supercar.tools.base import ToolErrorCode
from supercar.tools.catalog import WEEKDAY_NAMES, Showroom, find_showroom, showroom_ids

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Refused(Exception):
    """A request a tool cannot serve: `str(exc)` is the model's `error` text."""

    def __init__(self, error: str, code: ToolErrorCode, customer: str) -> None:
        super().__init__(error)
        self.code = code
        self.customer = customer


def known_showroom(dealership_id: str) -> Showroom:
    showroom = find_showroom(dealership_id)
    if showroom is None:
        raise Refused(
            f"Unknown dealership_id {dealership_id!r}; valid ids: {', '.join(showroom_ids())}.",
            "unknown_dealership",
            # No period: the address card turns this text into a Maps search.
            "We couldn't find that showroom",
        )
    return showroom


def day_words(day: date) -> str:
    """'Friday 4 December': how a card names a day to a customer."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"


def parse_local_date(text: str, today: date, horizon_days: int, hint: str, ahead: str) -> date:
    """A real date from `today` to `horizon_days` after it (inclusive), else `Refused`.

    `hint` ends every error ("today at SuperCar Miami is 2026-12-02 (Wednesday)"); `ahead` names
    what the horizon limits ("bookings open")."""
    text = text.strip()
    if not _DATE_RE.fullmatch(text):
        raise Refused(
            f"Invalid date {text!r}: send the date as YYYY-MM-DD; {hint}.",
            "invalid_date",
            f"We couldn't read that date; today is {day_words(today)}.",
        )
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise Refused(
            f"{text} is not a real calendar date; {hint}.",
            "invalid_date",
            f"That date doesn't exist; today is {day_words(today)}.",
        ) from None
    if day < today:
        raise Refused(
            f"{text} is in the past; {hint}.",
            "past_date",
            f"That date has already passed; today is {day_words(today)}.",
        )
    last = today + timedelta(days=horizon_days)
    if day > last:
        raise Refused(
            f"{text} is too far ahead: {ahead} up to {horizon_days} days "
            f"ahead (until {last.isoformat()}); {hint}.",
            "too_far_ahead",
            f"That's too far ahead; we can look up to {day_words(last)}.",
        )
    return day
