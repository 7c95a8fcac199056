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
- Every booking is also listed under its session (what `find`, `cancel` and `move` read); with a
  cap, a session's list keeps only its upcoming bookings, pruned whenever it is written.
- Per-client counters (`ClientCap`) are dropped at the next count of a later day.
- Counters are grouped by the end of their window, and every `take` drops the windows that have
  ended: there are only ever a few live windows (this minute, today), so memory holds no more
  than one window's worth of clients and sessions.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from supercar.llm.base import Message
from supercar.store.base import (
    Booking,
    BookingCancelled,
    BookingCap,
    BookingCapReached,
    ClientCap,
    ClientCapReached,
    ListedBooking,
    Session,
    SessionBusy,
    SessionConflict,
    SlotTaken,
    UnknownBooking,
    holding,
    is_retry,
    kept,
    listed,
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
        # (dealership_id, date) -> {time: the slot's record, whatever its status}
        self._slots: dict[tuple[str, str], dict[str, Booking]] = {}
        self._by_session: dict[str, list[Booking]] = {}
        self._clients: dict[str, tuple[int, float]] = {}  # counter -> (count, expires_at)

    def _slot(self, slot: tuple[str, str, str]) -> Booking | None:
        dealership_id, date, time_ = slot
        return self._slots.get((dealership_id, date), {}).get(time_)

    def _put(self, booking: Booking) -> None:
        self._slots.setdefault((booking.dealership_id, booking.date), {})[booking.time] = booking

    def _taken(self, slot: tuple[str, str, str]) -> Booking | None:
        existing = self._slot(slot)
        return existing if existing is not None and existing.status == "booked" else None

    async def booked_times(self, dealership_id: str, date: str) -> set[str]:
        day = self._slots.get((dealership_id, date), {})
        return {time_ for time_, booking in day.items() if booking.status == "booked"}

    async def list_bookings(self, dealership_id: str, date: str) -> list[ListedBooking]:
        day = self._slots.get((dealership_id, date), {})
        return [_listed(day[time]) for time in sorted(day)]

    async def book(
        self, booking: Booking, cap: BookingCap | None = None, client: ClientCap | None = None
    ) -> Booking:
        mine = self._by_session.get(booking.session_id, [])
        for existing in [*mine, self._taken(booking.slot)]:
            if existing is not None and is_retry(existing, booking):
                return existing
        if cap is not None and cap.limit:
            upcoming = holding(mine, cap)
            if len(upcoming) >= cap.limit:
                raise BookingCapReached(upcoming)
        if client is not None and self._client_count(client) >= client.limit:
            raise ClientCapReached(client.limit)
        existing = self._taken(booking.slot)
        if existing is not None:
            raise SlotTaken(existing)
        if client is not None:
            booking = replace(booking, client_day=client.counter)
            self._clients[client.counter] = (self._client_count(client) + 1, client.expires_at)
        self._put(booking)
        self._by_session[booking.session_id] = kept([*mine, booking], cap)
        return booking

    def _client_count(self, client: ClientCap) -> int:
        # Counters that expire before this one belong to days that are over: forget them (a few
        # clients a day, so the scan is cheap). No clock: the caller's day decides.
        ended = [
            c for c, (_, expires_at) in self._clients.items() if expires_at < client.expires_at
        ]
        for counter in ended:
            del self._clients[counter]
        return self._clients.get(client.counter, (0, 0.0))[0]

    async def find(self, session_id: str, confirmation_id: str) -> Booking | None:
        return listed(self._by_session.get(session_id, []), confirmation_id)

    async def cancel(
        self, session_id: str, confirmation_id: str, at: str, cap: BookingCap | None = None
    ) -> Booking:
        current = await self.find(session_id, confirmation_id)
        if current is None:
            raise UnknownBooking(confirmation_id)
        if current.status == "cancelled":
            return current
        cancelled = replace(current, status="cancelled", updated_at=at)
        self._put(cancelled)
        self._relist(session_id, current, cancelled, cap)
        count, expires_at = self._clients.get(current.client_day, (0, 0.0))
        if count > 0:  # gone (its day is over) or never taken: nothing to give back
            self._clients[current.client_day] = (count - 1, expires_at)
        return cancelled

    async def move(
        self,
        session_id: str,
        confirmation_id: str,
        date: str,
        time: str,
        at: str,
        cap: BookingCap | None = None,
    ) -> Booking:
        current = await self.find(session_id, confirmation_id)
        if current is None:
            raise UnknownBooking(confirmation_id)
        if current.status == "cancelled":
            raise BookingCancelled(current)
        if (current.date, current.time) == (date, time):
            return current
        existing = self._taken((current.dealership_id, date, time))
        if existing is not None:
            raise SlotTaken(existing)
        moved = replace(
            current,
            date=date,
            time=time,
            updated_at=at,
            rescheduled_from=f"{current.date} {current.time}",
        )
        self._put(replace(current, status="moved", updated_at=at))
        self._put(moved)
        self._relist(session_id, current, moved, cap)
        return moved

    def _relist(self, session_id: str, old: Booking, new: Booking, cap: BookingCap | None) -> None:
        mine = self._by_session.get(session_id, [])
        self._by_session[session_id] = kept([new if b == old else b for b in mine], cap)


def _listed(booking: Booking) -> ListedBooking:
    return ListedBooking(
        confirmation_id=booking.confirmation_id,
        dealership_id=booking.dealership_id,
        date=booking.date,
        time=booking.time,
        car_model=booking.car_model,
        status=booking.status,
        created_at=booking.created_at,
        updated_at=booking.updated_at if booking.updated_at != booking.created_at else None,
        rescheduled_from=booking.rescheduled_from or None,
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
