"""What the tools share when they refuse a request, and the local-date check they all make.

Decisions:
- A refusal carries `error`, the detailed sentence the model reads, in English; `code`, one
  machine-readable word from a fixed list; and the facts its customer sentence names (today, the
  free times, ...), which go into `data` beside them: `wording.refusal` words that sentence from
  `data`, for a card in the conversation's language and for the offline model's answer alike.
- Dates arrive as `YYYY-MM-DD` strings and are checked here rather than by pydantic, so a
  refusal can say what today is in the place's own time zone and the model can correct itself.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from supercar.tools.base import ToolErrorCode
from supercar.tools.catalog import Showroom, find_showroom, showroom_ids

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Refused(Exception):
    """A request a tool cannot serve: `str(exc)` is the model's `error` text, `facts` what the
    customer's sentence names (JSON values: dates as `YYYY-MM-DD`)."""

    def __init__(self, error: str, code: ToolErrorCode, **facts: Any) -> None:
        super().__init__(error)
        self.code = code
        self.facts = facts

    @property
    def data(self) -> dict[str, Any]:
        """The error result's `data`."""
        return {"error": str(self), "code": self.code, **self.facts}


def known_showroom(dealership_id: str) -> Showroom:
    showroom = find_showroom(dealership_id)
    if showroom is None:
        raise Refused(
            f"Unknown dealership_id {dealership_id!r}; valid ids: {', '.join(showroom_ids())}.",
            "unknown_dealership",
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
            today=today.isoformat(),
        )
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise Refused(
            f"{text} is not a real calendar date; {hint}.",
            "invalid_date",
            today=today.isoformat(),
        ) from None
    if day < today:
        raise Refused(
            f"{text} is in the past; {hint}.",
            "past_date",
            today=today.isoformat(),
        )
    last = today + timedelta(days=horizon_days)
    if day > last:
        raise Refused(
            f"{text} is too far ahead: {ahead} up to {horizon_days} days "
            f"ahead (until {last.isoformat()}); {hint}.",
            "too_far_ahead",
            last=last.isoformat(),
            horizon_days=horizon_days,
        )
    return day
