"""The two narrow, async storage interfaces the service depends on.

History is stored as whole turns (each turn is the list of messages it added: the user message,
any assistant `tool_calls` message with its `tool` results, the final assistant answer). Keeping
turns whole makes trimming at turn boundaries trivial and means a `tool` message can never be
separated from the `tool_calls` message it answers.

Concurrency rules, identical for every backend:
- a store that cannot be reached raises `StoreUnavailable` (never a backend's own exception);
- a turn holds its session by a *claim*, a short lease: `claim` takes it for `lease_seconds` and
  returns a token, `renew` extends it while the turn runs, `release` gives it back. A claim that
  is not renewed lapses by itself, so a crashed sandbox frees the session within one lease;
- a second claim on a live one raises `SessionBusy`, which says how long the live claim has left
  (the API answers 409 with `Retry-After`);
- only the holder's token renews or releases a claim. A claim that has lapsed is lost, taken by
  another or not: `renew` says so (False) and extends nothing, and `release` leaves alone what
  is not its own. (A turn whose claim was lost still cannot overwrite a newer turn: the commit's
  version check below decides.)
- a turn is committed against the session as it was loaded; if the stored version has moved
  on, the commit raises `SessionConflict` and writes nothing (the backstop when two sandboxes
  race past the lock);
- a booking is keyed by showroom + date + time and written only if that slot is free; booking the
  same slot again for the same session and car returns the existing booking (a retried turn);
- with a `BookingCap`, a session's upcoming bookings are counted in the same atomic step as the
  slot is taken, so parallel tool calls or two sandboxes cannot book past the cap together
  (bookings made without a cap are not counted: the cap is a deployment's setting);
- a showroom's bookings of one day are read with one key lookup (showroom + date), never a scan:
  the slot key that makes a slot unique is the list's key too;
- a counter (`CounterStore`, the rate limits' storage) is taken with one atomic conditional
  increment and never counts past its limit.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from supercar.llm.base import Message


@dataclass(frozen=True)
class Session:
    turns: list[list[Message]] = field(default_factory=list)
    version: int = 0

    def history(self, max_turns: int) -> list[Message]:
        """The last `max_turns` whole turns, flattened, oldest first."""
        return [message for turn in trim_turns(self.turns, max_turns) for message in turn]


def trim_turns(turns: list[list[Message]], max_turns: int) -> list[list[Message]]:
    """The last `max_turns` whole turns (none if `max_turns` is 0): what a store keeps."""
    return turns[-max_turns:] if max_turns > 0 else []


class StoreUnavailable(Exception):
    """The store could not be reached or refused the call (throttling, permissions, network).
    Not the caller's fault: the API answers 503 before a stream starts."""


class SessionBusy(Exception):
    """Another claim on this session is live for `retry_after` more seconds (whole, at least 1),
    unless its holder releases or renews it."""

    def __init__(self, session_id: str, retry_after: int) -> None:
        super().__init__(f"{session_id} is claimed for {retry_after} s more")
        self.retry_after = retry_after


class SessionConflict(Exception):
    """The session changed since it was loaded; the turn was not committed."""


def new_token() -> str:
    """A claim's token: unguessable, so no other turn can renew or release the claim."""
    return secrets.token_hex(8)


def seconds_left(until: float, now: float) -> int:
    """Whole seconds from `now` to `until`, at least 1: what `SessionBusy` and a 409 tell."""
    return max(1, math.ceil(until - now))


class SessionStore(Protocol):
    async def claim(self, session_id: str, lease_seconds: float) -> str:
        """Claim the session for `lease_seconds` and return the claim's token, or raise
        `SessionBusy` if another claim is live."""

    async def renew(self, session_id: str, token: str, lease_seconds: float) -> bool:
        """Extend the live claim `token` to `lease_seconds` from now; False if it is no longer
        live and ours (lapsed, released or taken), and then nothing changes."""

    async def release(self, session_id: str, token: str) -> None:
        """Give the claim `token` back; a claim that is not ours is left alone."""

    async def load(self, session_id: str) -> Session:
        """The stored session, or an empty one (version 0) if it is new or expired."""

    async def commit(self, session_id: str, loaded: Session, turn: list[Message]) -> None:
        """Append one turn to the session as it was `loaded`, keeping at most the store's turn
        limit; raise `SessionConflict` if the stored version is no longer `loaded.version`.
        (Passing what was loaded spares a shared store a second read per turn.)"""


@dataclass(frozen=True)
class Booking:
    confirmation_id: str
    session_id: str
    dealership_id: str
    date: str  # YYYY-MM-DD, the showroom's local date
    time: str  # HH:MM, the showroom's local time
    car_model: str
    created_at: str  # ISO 8601, UTC


BookingStatus = Literal["booked", "cancelled", "moved"]


@dataclass(frozen=True)
class ListedBooking:
    """A slot's booking as the showroom's staff list shows it: where it stands, and nothing of the
    conversation (no session id, no customer text)."""

    confirmation_id: str
    dealership_id: str
    date: str  # YYYY-MM-DD, the showroom's local date
    time: str  # HH:MM, the showroom's local time
    car_model: str
    status: BookingStatus  # an item written before statuses existed is "booked"
    created_at: str  # ISO 8601, UTC
    updated_at: str | None = None  # the last cancel or move, if any
    rescheduled_from: str | None = None  # "YYYY-MM-DD HH:MM": this slot replaced that one


class SlotTaken(Exception):
    """The slot already belongs to another booking."""

    def __init__(self, existing: Booking) -> None:
        super().__init__(f"{existing.dealership_id} {existing.date} {existing.time} is taken")
        self.existing = existing


def is_retry(existing: Booking, wanted: Booking) -> bool:
    """`wanted` asks again for `existing`: same slot, session and car (a retried turn)."""
    return (existing.dealership_id, existing.date, existing.time) == (
        wanted.dealership_id,
        wanted.date,
        wanted.time,
    ) and (existing.session_id, existing.car_model) == (wanted.session_id, wanted.car_model)


def settle_taken_slot(existing: Booking, wanted: Booking) -> Booking:
    """The slot of `wanted` is held by `existing`: the same session asking again for the same
    car gets its booking back (a retried turn); anyone else gets `SlotTaken`."""
    if is_retry(existing, wanted):
        return existing
    raise SlotTaken(existing)


@dataclass(frozen=True)
class BookingCap:
    """At most `limit` upcoming bookings per session. What "upcoming" means is the caller's to
    say (it depends on each showroom's time zone); the store applies it atomically."""

    limit: int
    is_upcoming: Callable[[Booking], bool]


class BookingCapReached(Exception):
    """The session already holds `cap.limit` upcoming bookings (listed in `upcoming`)."""

    def __init__(self, upcoming: list[Booking]) -> None:
        super().__init__(f"{len(upcoming)} upcoming bookings")
        self.upcoming = upcoming


class BookingStore(Protocol):
    async def booked_times(self, dealership_id: str, date: str) -> set[str]:
        """The HH:MM slots already booked at a showroom on a date."""

    async def list_bookings(self, dealership_id: str, date: str) -> list[ListedBooking]:
        """Every slot booked at a showroom on a date, whatever its status, sorted by time."""

    async def book(self, booking: Booking, cap: BookingCap | None = None) -> Booking:
        """Store the booking if its slot is free and return it. If the same session already holds
        that slot for the same car, return the existing booking (idempotent, whatever the cap).
        Otherwise raise `BookingCapReached` if the session is at its `cap`, else `SlotTaken` if
        the slot belongs to another booking."""


class CounterStore(Protocol):
    async def take(self, key: str, limit: int, expires_at: float) -> bool:
        """Add one to the counter `key` if it is below `limit` and say whether it was. A counter
        is one window's: `expires_at` (epoch seconds) is its window's end, after which the store
        may forget it (the caller puts the window in the key)."""
