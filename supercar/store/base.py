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
- a booking is keyed by showroom + date + time. Its slot holds one record with a `status`:
  `booked`, `cancelled` or `moved` (a record without one is booked: older records). A slot is
  free when it has no record or its record is not `booked`; booking writes the slot only if it
  is free (overwriting a cancelled or moved record). Booking the same slot again for the same
  session and car returns the existing booking (a retried turn);
- every booking is also listed under its session, in the same atomic step as its slot is taken.
  Only a booking in the session's list can be found, cancelled or moved (`find`, `cancel`,
  `move`): the session is the credential, and a code from any other session is unknown;
- with a `BookingCap`, the session's upcoming `booked` bookings are counted in that same step, so
  parallel tool calls or two sandboxes cannot book past the cap together; with a `ClientCap`,
  one counter per client and day is taken in that step too, never past its limit. Cancelling
  gives both allowances back (a cancelled booking is not counted; the client's counter is
  decremented); moving keeps them (one booking before, one after);
- cancelling sets the slot's status to `cancelled` and frees it at once; the record stays, so
  the showroom can see what was cancelled. Moving is one atomic step: the new slot is written
  (status `booked`, same confirmation code, `rescheduled_from` the old "date time"), the old
  slot's status becomes `moved`, and the session's list follows; if the new slot is taken,
  nothing changes (`SlotTaken`). Each records `updated_at`. Cancelling a cancelled booking, or
  moving a booking to the slot it holds, returns it unchanged (a retried request), writing
  nothing;
- a slot's record names the booking event its last change tells the showrooms
  (`Booking.event`): booked, rescheduled (the new slot of a move) or cancelled, and none for the
  slot a booking moved away from. It follows from the status and `rescheduled_from`, so every
  write of a slot carries it, and each change of a slot changes it (DynamoDB's stream hands it
  to the one pipe, which tells a change of it: template.yaml, "Booking events");
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


BookingStatus = Literal["booked", "cancelled", "moved"]
BookingEvent = Literal["TestDriveBooked", "TestDriveRescheduled", "TestDriveCancelled"]


@dataclass(frozen=True)
class Booking:
    confirmation_id: str
    session_id: str
    dealership_id: str
    date: str  # YYYY-MM-DD, the showroom's local date
    time: str  # HH:MM, the showroom's local time
    car_model: str
    created_at: str  # ISO 8601, UTC
    status: BookingStatus = "booked"
    updated_at: str = ""  # ISO 8601, UTC: when the status or slot last changed
    rescheduled_from: str = ""  # "YYYY-MM-DD HH:MM": the slot it was moved from, if moved
    client_day: str = ""  # the `ClientCap.counter` it was counted under, if any

    def __post_init__(self) -> None:
        if not self.updated_at:  # a new booking was last changed when it was made
            object.__setattr__(self, "updated_at", self.created_at)

    @property
    def slot(self) -> tuple[str, str, str]:
        return (self.dealership_id, self.date, self.time)

    @property
    def event(self) -> BookingEvent | None:
        """What the last change of this booking's slot tells the showrooms: None for the slot it
        moved away from (the new slot's `TestDriveRescheduled` tells the move)."""
        if self.status == "cancelled":
            return "TestDriveCancelled"
        if self.status == "moved":
            return None
        return "TestDriveRescheduled" if self.rescheduled_from else "TestDriveBooked"


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
    """`wanted` asks again for `existing`, a booked slot: same slot, session and car (a retried
    turn)."""
    return (
        existing.status == "booked"
        and existing.slot == wanted.slot
        and (existing.session_id, existing.car_model) == (wanted.session_id, wanted.car_model)
    )


def settle_taken_slot(existing: Booking, wanted: Booking) -> Booking:
    """The slot of `wanted` is held by `existing`: the same session asking again for the same
    car gets its booking back (a retried turn); anyone else gets `SlotTaken`."""
    if is_retry(existing, wanted):
        return existing
    raise SlotTaken(existing)


@dataclass(frozen=True)
class BookingCap:
    """At most `limit` upcoming bookings per session (0: no cap). What "upcoming" means is the
    caller's to say (it depends on each showroom's time zone); the store applies it atomically
    and keeps only upcoming bookings in a session's list."""

    limit: int
    is_upcoming: Callable[[Booking], bool]


class BookingCapReached(Exception):
    """The session already holds `cap.limit` upcoming bookings (listed in `upcoming`)."""

    def __init__(self, upcoming: list[Booking]) -> None:
        super().__init__(f"{len(upcoming)} upcoming bookings")
        self.upcoming = upcoming


@dataclass(frozen=True)
class ClientCap:
    """At most `limit` bookings made a day from one client. `counter` names the client and the
    day (the caller hashes the address: it is stored), `expires_at` (epoch seconds) is when the
    store may forget the counter."""

    counter: str
    limit: int
    expires_at: int


class ClientCapReached(Exception):
    """The client has made `limit` bookings today."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"{limit} bookings today from this client")
        self.limit = limit


class UnknownBooking(Exception):
    """No booking with that confirmation code in this session (whatever other sessions hold)."""


class BookingCancelled(Exception):
    """The booking was cancelled, so it cannot be moved."""

    def __init__(self, booking: Booking) -> None:
        super().__init__(f"{booking.confirmation_id} is cancelled")
        self.booking = booking


def listed(bookings: list[Booking], confirmation_id: str) -> Booking | None:
    """The booking with that code in a session's list."""
    return next((b for b in bookings if b.confirmation_id == confirmation_id), None)


def kept(bookings: list[Booking], cap: BookingCap | None) -> list[Booking]:
    """What a session's list keeps when it is written: with a cap, its upcoming bookings
    (cancelled ones too, so a repeated cancel is answered); without one, everything."""
    return bookings if cap is None else [b for b in bookings if cap.is_upcoming(b)]


def holding(bookings: list[Booking], cap: BookingCap) -> list[Booking]:
    """The bookings that count against the cap: upcoming and booked."""
    return [b for b in bookings if b.status == "booked" and cap.is_upcoming(b)]


class BookingStore(Protocol):
    async def booked_times(self, dealership_id: str, date: str) -> set[str]:
        """The HH:MM slots booked (status `booked`) at a showroom on a date."""

    async def list_bookings(self, dealership_id: str, date: str) -> list[ListedBooking]:
        """Every slot booked at a showroom on a date, whatever its status, sorted by time."""

    async def book(
        self, booking: Booking, cap: BookingCap | None = None, client: ClientCap | None = None
    ) -> Booking:
        """Store the booking if its slot is free, list it under its session, and return it. If
        the same session already holds that slot for the same car, return the existing booking
        (idempotent, whatever the caps). Otherwise raise `BookingCapReached` if the session is
        at its `cap`, `ClientCapReached` if the client is at its, else `SlotTaken` if the slot
        belongs to another booking. The returned booking records the client counter it took."""

    async def find(self, session_id: str, confirmation_id: str) -> Booking | None:
        """The session's booking with that code, as it stands now, or None."""

    async def cancel(
        self, session_id: str, confirmation_id: str, at: str, cap: BookingCap | None = None
    ) -> Booking:
        """Cancel the session's booking and return it (status `cancelled`, `updated_at` = `at`);
        an already cancelled one is returned as it is. `UnknownBooking` if the session has no
        booking with that code. `cap` prunes the session's list as `book` does."""

    async def move(
        self,
        session_id: str,
        confirmation_id: str,
        date: str,
        time: str,
        at: str,
        cap: BookingCap | None = None,
    ) -> Booking:
        """Move the session's booking to `date` `time` at the same showroom and return it there;
        a booking already in that slot is returned as it is. `UnknownBooking`,
        `BookingCancelled`, or `SlotTaken` (nothing changed) if the new slot is not free."""


class CounterStore(Protocol):
    async def take(self, key: str, limit: int, expires_at: float) -> bool:
        """Add one to the counter `key` if it is below `limit` and say whether it was. A counter
        is one window's: `expires_at` (epoch seconds) is its window's end, after which the store
        may forget it (the caller puts the window in the key)."""
