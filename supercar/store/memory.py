"""In-process session, booking and counter stores (local development, tests, one server process).

Decisions:
- Atomicity comes from asyncio itself: no method awaits between checking and writing, so
  nothing else can run in between. These stores are not thread-safe and need not be.
- Messages are deep-copied on load and commit, so callers can never mutate stored history.
- Idle sessions expire `ttl_seconds` after their last commit. Every commit re-inserts the
  session at the end of its dict, so the dict stays ordered by expiry and purging is a pop
  from the front: memory stays bounded without a background task or a full scan. Claims are
  purged the same way (a renewal re-inserts its claim); their leases are the same in practice,
  and a longer claim at the front only delays purging the ones behind it, never correctness.
- An expired session reads as new (version 0), and commits against it start a new history.
- At most `max_sessions` are kept: past that, the least recently active session is dropped
  (the front of the same dict), so a long-running process plateaus however many people it
  serves in a day. DynamoDB, on Lambda, has no such cap.
- Bookings made under a cap are also listed per session; a session's list keeps only its
  upcoming bookings, pruned whenever it books.
- Counters are grouped by the end of their window, and every `take` drops the windows that have
  ended: there are only ever a few live windows (this minute, today), so memory holds no more
  than one window's worth of clients and sessions.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass

from supercar.llm.base import Message
from supercar.store.base import (
    Booking,
    BookingCap,
    BookingCapReached,
    ListedBooking,
    Session,
    SessionBusy,
    SessionConflict,
    SlotTaken,
    is_retry,
    new_token,
    seconds_left,
    trim_turns,
)


@dataclass
class _Entry:
    turns: list[list[Message]]
    version: int
    expires_at: float


class MemorySessionStore:
    def __init__(
        self,
        max_turns: int = 50,
        ttl_seconds: float = 86400,
        clock: Callable[[], float] = time.monotonic,
        max_sessions: int = 10_000,
    ) -> None:
        self.max_turns = max_turns
        self.max_sessions = max_sessions
        self.ttl_seconds = ttl_seconds
        self._clock = clock
        self._sessions: dict[str, _Entry] = {}
        self._claims: dict[str, tuple[float, str]] = {}  # session id -> (lapses at, token)

    def _purge(self, now: float) -> None:
        """Drop expired sessions and lapsed claims from the front of their expiry-ordered dicts."""
        while self._sessions:
            first = next(iter(self._sessions))
            if self._sessions[first].expires_at > now:
                break
            del self._sessions[first]
        while self._claims:
            first = next(iter(self._claims))
            if self._claims[first][0] > now:
                break
            del self._claims[first]

    def _live(self, session_id: str, now: float) -> _Entry | None:
        entry = self._sessions.get(session_id)
        if entry is not None and entry.expires_at <= now:
            del self._sessions[session_id]
            return None
        return entry

    async def claim(self, session_id: str, lease_seconds: float) -> str:
        now = self._clock()
        self._purge(now)
        held = self._claims.get(session_id)
        if held is not None and held[0] > now:
            raise SessionBusy(session_id, seconds_left(held[0], now))
        token = new_token()
        self._claims.pop(session_id, None)  # re-insert at the end: keeps expiry order
        self._claims[session_id] = (now + lease_seconds, token)
        return token

    async def renew(self, session_id: str, token: str, lease_seconds: float) -> bool:
        now = self._clock()
        held = self._claims.get(session_id)
        if held is None or held[1] != token or held[0] <= now:
            return False
        del self._claims[session_id]  # re-insert at the end: keeps expiry order
        self._claims[session_id] = (now + lease_seconds, token)
        return True

    async def release(self, session_id: str, token: str) -> None:
        held = self._claims.get(session_id)
        if held is not None and held[1] == token:
            del self._claims[session_id]

    async def load(self, session_id: str) -> Session:
        entry = self._live(session_id, self._clock())
        if entry is None:
            return Session()
        return Session(turns=copy.deepcopy(entry.turns), version=entry.version)

    async def commit(self, session_id: str, loaded: Session, turn: list[Message]) -> None:
        # The entry is at hand: append to it (equal to `loaded.turns` when the versions match).
        expected_version = loaded.version
        now = self._clock()
        self._purge(now)
        entry = self._live(session_id, now)
        version = entry.version if entry is not None else 0
        if version != expected_version:
            raise SessionConflict(
                f"{session_id}: stored version {version}, expected {expected_version}"
            )
        turns = trim_turns(
            [*(entry.turns if entry is not None else []), copy.deepcopy(turn)], self.max_turns
        )
        self._sessions.pop(session_id, None)  # re-insert at the end: keeps expiry order
        self._sessions[session_id] = _Entry(turns, version + 1, now + self.ttl_seconds)
        while len(self._sessions) > self.max_sessions:
            del self._sessions[next(iter(self._sessions))]


class MemoryBookingStore:
    def __init__(self) -> None:
        # (dealership_id, date) -> {time: booking}
        self._slots: dict[tuple[str, str], dict[str, Booking]] = {}
        self._by_session: dict[str, list[Booking]] = {}

    async def booked_times(self, dealership_id: str, date: str) -> set[str]:
        return set(self._slots.get((dealership_id, date), {}))

    async def list_bookings(self, dealership_id: str, date: str) -> list[ListedBooking]:
        day = self._slots.get((dealership_id, date), {})
        return [_listed(day[time]) for time in sorted(day)]

    async def book(self, booking: Booking, cap: BookingCap | None = None) -> Booking:
        day = self._slots.setdefault((booking.dealership_id, booking.date), {})
        existing = day.get(booking.time)
        if existing is not None and is_retry(existing, booking):
            return existing
        if cap is not None:
            mine = self._by_session.get(booking.session_id, [])
            mine = [held for held in mine if cap.is_upcoming(held)]
            if len(mine) >= cap.limit:
                raise BookingCapReached(mine)
        if existing is not None:
            raise SlotTaken(existing)
        day[booking.time] = booking
        if cap is not None:
            self._by_session[booking.session_id] = [*mine, booking]
        return booking


def _listed(booking: Booking) -> ListedBooking:
    return ListedBooking(
        confirmation_id=booking.confirmation_id,
        dealership_id=booking.dealership_id,
        date=booking.date,
        time=booking.time,
        car_model=booking.car_model,
        status="booked",
        created_at=booking.created_at,
    )


class MemoryCounters:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._windows: dict[float, dict[str, int]] = {}  # window end -> key -> count

    async def take(self, key: str, limit: int, expires_at: float) -> bool:
        now = self._clock()
        for ended in [end for end in self._windows if end <= now]:
            del self._windows[ended]
        counts = self._windows.setdefault(expires_at, {})
        count = counts.get(key, 0)
        if count >= limit:
            return False
        counts[key] = count + 1
        return True
