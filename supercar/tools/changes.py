"""`cancel_appointment` and `reschedule_appointment`: a customer changes a test drive booked in
this conversation.

Decisions:
- The session is the only credential (the SuperCar page's session ids are guessable), so:
  - only a booking listed under this session can be changed; any other code gets the same
    `unknown_booking` words whether or not it exists elsewhere;
  - a change is carried out only when the customer has confirmed it in a following message. The
    first call of a change changes nothing and answers `status: "confirm"` with what would
    change (a move's new slot checked free). The same call (same tool, code, and for a move the
    same new date and time) in a LATER turn carries it out. "Proposed in an earlier turn" is
    read from the session's committed history (`proposals`, into `ToolContext.proposals`):
    history is committed only when a turn succeeds, and a call can never see a proposal of its
    own turn, so a model cannot confirm on the customer's behalf within one answer. Only the
    latest proposal for a code counts;
  - each session may change bookings `MAX_CHANGES_PER_SESSION_PER_DAY` times a UTC day
    (`ToolContext.changes`, the rate limits' counters), counted when a change is carried out.
- Repeating a change already made answers the same result and counts nothing: a cancelled
  booking answers `cancelled`, a booking moved to the slot asked for answers `rescheduled`.
- The SuperCar page draws a card for a tool name it does not know as a heading with the tool's
  name and `output` verbatim (a string as it is, anything else as indented JSON). So `output`
  is one plain sentence in the customer's words and language (`wording`); the typed result is
  `data`, and `data.error` is English, for the model. (A move cannot be shown as the booking
  card: the page picks cards by tool name. See docs/contract.md.)
- `data.date`/`data.time` are the booking's slot before the change, `new_date`/`new_time` a
  move's new slot, in every status.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import Field

from supercar.llm.base import Message
from supercar.store.base import Booking, BookingCancelled, SlotTaken, UnknownBooking
from supercar.tools.appointments import (
    bookable_slot,
    booking_cap,
    local_now,
    slot_taken,
)
from supercar.tools.base import Proposal, Tool, ToolArgs, ToolContext, ToolResult
from supercar.tools.catalog import Showroom, find_showroom
from supercar.tools.checks import Refused
from supercar.tools.wording import Phrase, refusal, say

CANCEL_NAME = "cancel_appointment"
RESCHEDULE_NAME = "reschedule_appointment"


class CancelArgs(ToolArgs):
    confirmation_code: str = Field(
        description="The booking's confirmation code (like SC-1A2B3C4D), from this conversation."
    )


class RescheduleArgs(CancelArgs):
    date: str = Field(description="The new date, YYYY-MM-DD, the showroom's local date.")
    time: str = Field(
        description="The new start time, HH:MM in 24-hour showroom local time, one of the times "
        "check_appointment_availability returned."
    )


def proposals(history: list[Message]) -> dict[str, Proposal]:
    """The latest change proposed for each confirmation code in `history` (committed turns)."""
    names: dict[str, str] = {}  # tool call id -> tool name, of the calls seen so far
    found: dict[str, Proposal] = {}
    for message in history:
        for call in message.get("tool_calls") or []:
            names[call["id"]] = call["function"]["name"]
        name = names.get(message.get("tool_call_id", ""))
        if message["role"] != "tool" or name not in (CANCEL_NAME, RESCHEDULE_NAME):
            continue
        try:
            data = json.loads(message["content"] or "")
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("status") == "confirm":
            code = str(data.get("confirmation_id", ""))
            found[code] = Proposal(
                name, code, str(data.get("new_date", "")), str(data.get("new_time", ""))
            )
    return found


def _code(text: str) -> str:
    return text.strip().upper()


def _showroom_name(booking: Booking) -> str:
    showroom = find_showroom(booking.dealership_id)
    return showroom.name if showroom else booking.dealership_id


def _drive(booking: Booking) -> Phrase:
    """'your SuperCar GT test drive at SuperCar Miami': how a card names a booking."""
    return Phrase("your_drive", car=booking.car_model, showroom=_showroom_name(booking))


def _when(day: str, at: str) -> Phrase:
    return Phrase("when", day=date.fromisoformat(day), time=at)


def _data(booking: Booking, status: str, **extra: str) -> dict[str, Any]:
    return {
        "status": status,
        "confirmation_id": booking.confirmation_id,
        "dealership_id": booking.dealership_id,
        "dealership_name": _showroom_name(booking),
        "date": booking.date,
        "time": booking.time,
        "car_model": booking.car_model,
        **extra,
    }


# A refusal's card: "Not cancelled: <reason>." / "Not moved: <reason>." in the language.
_NOT_CANCELLED, _NOT_MOVED = "not_cancelled", "not_moved"


def _refusal(ctx: ToolContext, prefix: str, exc: Refused) -> ToolResult:
    reason = refusal(exc.data, ctx.language).rstrip(".")
    return ToolResult(output=say(prefix, ctx.language, reason=reason), data=exc.data, is_error=True)


def _unknown(ctx: ToolContext, prefix: str, code: str) -> ToolResult:
    # The same words whether the code exists in another session or nowhere.
    error = (
        f"No booking with code {code!r} was made in this conversation. Only test drives booked "
        "in this conversation can be cancelled or moved here; check the code (like "
        "SC-1A2B3C4D) or suggest calling the showroom."
    )
    return _refusal(ctx, prefix, Refused(error, "unknown_booking"))


def _started(booking: Booking, showroom: Showroom, ctx: ToolContext) -> bool:
    start = datetime.combine(
        date.fromisoformat(booking.date),
        time.fromisoformat(booking.time),
        tzinfo=ZoneInfo(showroom.timezone),
    )
    return start <= local_now(showroom, ctx)


def _already_started(
    ctx: ToolContext, prefix: str, booking: Booking, showroom: Showroom
) -> ToolResult:
    error = (
        f"The test drive {booking.confirmation_id} on {booking.date} at {booking.time} has "
        "already started or taken place; it can no longer be changed."
    )
    today = local_now(showroom, ctx).date().isoformat()
    return _refusal(ctx, prefix, Refused(error, "past_date", today=today))


def _change_limit(ctx: ToolContext, prefix: str) -> ToolResult:
    error = (
        "This conversation has cancelled or moved test drives as many times as it may today; "
        "nothing was changed. The customer can call the showroom to change it."
    )
    return _refusal(ctx, prefix, Refused(error, "change_limit"))


async def _may_change(ctx: ToolContext) -> bool:
    return ctx.changes is None or await ctx.changes.take_change(ctx.session_id)


# --- cancel --------------------------------------------------------------------------------


def _cancelled(booking: Booking, ctx: ToolContext) -> ToolResult:
    when = _when(booking.date, booking.time)
    return ToolResult(
        output=say(
            "cancelled",
            ctx.language,
            drive=_drive(booking),
            when=when,
            code=booking.confirmation_id,
        ),
        data=_data(booking, "cancelled"),
    )


async def cancel_appointment(args: CancelArgs, ctx: ToolContext) -> ToolResult:
    code = _code(args.confirmation_code)
    booking = await ctx.bookings.find(ctx.session_id, code)
    if booking is None:
        return _unknown(ctx, _NOT_CANCELLED, code)
    if booking.status == "cancelled":
        return _cancelled(booking, ctx)  # a repeat: the same answer, nothing counted
    showroom = find_showroom(booking.dealership_id)
    # A showroom gone from the catalogue has no time zone to tell: its booking can be cancelled.
    if showroom is not None and _started(booking, showroom, ctx):
        return _already_started(ctx, _NOT_CANCELLED, booking, showroom)
    if ctx.proposals.get(code) != Proposal(CANCEL_NAME, code):
        return ToolResult(
            output=say(
                "confirm_cancel",
                ctx.language,
                drive=_drive(booking),
                when=_when(booking.date, booking.time),
                code=code,
            ),
            data=_data(
                booking,
                "confirm",
                note="Nothing has changed yet. Ask the customer to confirm this cancellation; "
                "only after they agree, in their next message, call cancel_appointment again "
                "with the same code.",
            ),
        )
    if not await _may_change(ctx):
        return _change_limit(ctx, _NOT_CANCELLED)
    at = ctx.now.isoformat(timespec="seconds")
    try:
        cancelled = await ctx.bookings.cancel(ctx.session_id, code, at, booking_cap(ctx))
    except UnknownBooking:
        return _unknown(ctx, _NOT_CANCELLED, code)
    return _cancelled(cancelled, ctx)


# --- move ----------------------------------------------------------------------------------


def _rescheduled(booking: Booking, ctx: ToolContext) -> ToolResult:
    old_date, old_time = booking.rescheduled_from.split(" ")
    return ToolResult(
        output=say(
            "rescheduled",
            ctx.language,
            drive=_drive(booking),
            new=_when(booking.date, booking.time),
            old=_when(old_date, old_time),
            code=booking.confirmation_id,
        ),
        data={
            **_data(booking, "rescheduled", new_date=booking.date, new_time=booking.time),
            "date": old_date,
            "time": old_time,
        },
    )


async def reschedule_appointment(args: RescheduleArgs, ctx: ToolContext) -> ToolResult:
    code = _code(args.confirmation_code)
    booking = await ctx.bookings.find(ctx.session_id, code)
    if booking is None:
        return _unknown(ctx, _NOT_MOVED, code)
    showroom = find_showroom(booking.dealership_id)
    if showroom is None:
        error = f"The showroom of {code} is no longer in the catalogue; suggest calling SuperCar."
        return _refusal(ctx, _NOT_MOVED, Refused(error, "unknown_dealership"))
    try:
        day, slot, slots = await bookable_slot(showroom, args.date, args.time, ctx)
    except Refused as exc:
        return _refusal(ctx, _NOT_MOVED, exc)
    new_date = day.isoformat()
    if booking.status == "booked" and (booking.date, booking.time) == (new_date, slot):
        if booking.rescheduled_from:
            return _rescheduled(booking, ctx)  # a repeat: the same answer, nothing counted
        error = f"{code} is already booked for {new_date} at {slot}; nothing to change."
        return _refusal(ctx, _NOT_MOVED, Refused(error, "same_slot"))
    if booking.status == "cancelled":
        return _cancelled_refusal(booking, ctx)
    if _started(booking, showroom, ctx):
        return _already_started(ctx, _NOT_MOVED, booking, showroom)
    if ctx.proposals.get(code) != Proposal(RESCHEDULE_NAME, code, new_date, slot):
        if slot in await ctx.bookings.booked_times(showroom.id, new_date):
            return await _taken(showroom, day, slot, slots, ctx, just=False)
        return ToolResult(
            output=say(
                "confirm_move",
                ctx.language,
                drive=_drive(booking),
                old=_when(booking.date, booking.time),
                new=_when(new_date, slot),
                code=code,
            ),
            data=_data(
                booking,
                "confirm",
                new_date=new_date,
                new_time=slot,
                note="Nothing has changed yet; the new time is free now. Ask the customer to "
                "confirm this move; only after they agree, in their next message, call "
                "reschedule_appointment again with the same code, date and time.",
            ),
        )
    if not await _may_change(ctx):
        return _change_limit(ctx, _NOT_MOVED)
    at = ctx.now.isoformat(timespec="seconds")
    try:
        moved = await ctx.bookings.move(ctx.session_id, code, new_date, slot, at, booking_cap(ctx))
    except UnknownBooking:
        return _unknown(ctx, _NOT_MOVED, code)
    except BookingCancelled as exc:
        return _cancelled_refusal(exc.booking, ctx)
    except SlotTaken:
        return await _taken(showroom, day, slot, slots, ctx, just=True)
    return _rescheduled(moved, ctx)


def _cancelled_refusal(booking: Booking, ctx: ToolContext) -> ToolResult:
    error = (
        f"{booking.confirmation_id} was cancelled, so it cannot be moved; book a new test drive "
        "instead (check_appointment_availability, then schedule_appointment)."
    )
    return _refusal(ctx, _NOT_MOVED, Refused(error, "booking_cancelled"))


async def _taken(
    showroom: Showroom, day: date, slot: str, slots: list[str], ctx: ToolContext, just: bool
) -> ToolResult:
    taken = await slot_taken(showroom, day, slot, slots, ctx, just)
    not_moved = Refused(f"{taken} The booking was not moved.", taken.code, **taken.facts)
    return _refusal(ctx, _NOT_MOVED, not_moved)


CANCEL = Tool(
    name=CANCEL_NAME,
    description=(
        "Cancel a test drive booked in this conversation, by its confirmation code. The first "
        "call changes nothing: it returns status 'confirm' with the booking, for you to ask the "
        "customer. Only when they agree in their next message, call it again with the same code "
        "to cancel (status 'cancelled'). Never cancel on a guess."
    ),
    args=CancelArgs,
    run=cancel_appointment,
    error_output=lambda reason, language: say(_NOT_CANCELLED, language, reason=reason),
)

RESCHEDULE = Tool(
    name=RESCHEDULE_NAME,
    description=(
        "Move a test drive booked in this conversation to another date and time at the same "
        "showroom. The date is YYYY-MM-DD and the time HH:MM (24-hour), showroom local time. "
        "The first call changes nothing: it returns status 'confirm' with the current and new "
        "slot, for you to ask the customer. Only when they agree in their next message, call it "
        "again with the same code, date and time to move it (status 'rescheduled'). If the new "
        "time is taken, it lists the free ones."
    ),
    args=RescheduleArgs,
    run=reschedule_appointment,
    error_output=lambda reason, language: say(_NOT_MOVED, language, reason=reason),
)
