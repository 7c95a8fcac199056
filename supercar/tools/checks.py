"""What the tools share when they refuse a request, and the local-date check they all make.

Decisions:
- A refusal carries three texts: `error`, the detailed sentence the model reads (and the offline
  model parses, so its wording is stable), in English; `code`, one machine-readable word from a
  fixed list; and `customer`, what a card may show a customer: plain words, no ids, no formats,
  a `wording.Phrase` put into the conversation's language when the card is made.
- Dates arrive as `YYYY-MM-DD` strings and are checked here rather than by pydantic, so a
  refusal can say what today is in the place's own time zone and the model can correct itself.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from supercar.tools.base import ToolErrorCode
from supercar.tools.catalog import Showroom, find_showroom, showroom_ids
from supercar.tools.wording import Phrase

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Refused(Exception):
    """A request a tool cannot serve: `str(exc)` is the model's `error` text."""

    def __init__(self, error: str, code: ToolErrorCode, customer: Phrase) -> None:
        super().__init__(error)
        self.code = code
        self.customer = customer


def known_showroom(dealership_id: str) -> Showroom:
    showroom = find_showroom(dealership_id)
    if showroom is None:
        raise Refused(
            f"Unknown dealership_id {dealership_id!r}; valid ids: {', '.join(showroom_ids())}.",
            "unknown_dealership",
            Phrase("unknown_dealership"),
        )
    return showroom


def parse_local_date(text: str, today: date, horizon_days: int, hint: str, ahead: str) -> date:
    """A real date from `today` to `horizon_days` after it (inclusive), else `Refused`.

    `hint` ends every error ("today at SuperCar Miami is 2026-12-02 (Wednesday)"); `ahead` names
    what the horizon limits ("bookings open")."""
    text = text.strip()
    if not _DATE_RE.fullmatch(text):
        raise Refused(
            f"Invalid date {text!r}: send the date as YYYY-MM-DD; {hint}.",
            "invalid_date",
            Phrase("unreadable_date", today=today),
        )
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise Refused(
            f"{text} is not a real calendar date; {hint}.",
            "invalid_date",
            Phrase("no_such_date", today=today),
        ) from None
    if day < today:
        raise Refused(
            f"{text} is in the past; {hint}.",
            "past_date",
            Phrase("past_date", today=today),
        )
    last = today + timedelta(days=horizon_days)
    if day > last:
        raise Refused(
            f"{text} is too far ahead: {ahead} up to {horizon_days} days "
            f"ahead (until {last.isoformat()}); {hint}.",
            "too_far_ahead",
            Phrase("too_far_ahead", last=last),
        )
    return day
