"""Today's date where it matters: at a showroom, in a city's time zone, or in UTC.

The offline model never reads the system clock itself: `OfflineModel(now=...)` fixes it, so the
same conversation and clock always give the same answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from supercar.tools.catalog import find_showroom


class Clock:
    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now

    def today(self, showroom_id: str | None = None, timezone: str | None = None) -> date:
        """The local date at a showroom (by id), else in a time zone, else in UTC."""
        now = self._now()
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        showroom = find_showroom(showroom_id) if showroom_id else None
        zone = showroom.timezone if showroom else timezone or "UTC"
        return now.astimezone(ZoneInfo(zone)).date()
