"""`check_appointment_availability` and `schedule_appointment`: hourly test-drive slots.

Decisions:
- Dates and times are the showroom's local ones. "Today" is `ctx.now` converted to the
  showroom's time zone, so a late-evening request in Los Angeles is not judged by UTC's date.
- Slots start on the hour from opening until one hour before closing; a slot that has already
  started today is gone. Both tools share `bookable_slots` (and moving a booking, in
  `changes.py`, shares `bookable_slot`), so a booking or a move accepts exactly the slots
  availability would offer.
- The date stays a `str` in the argument models and is parsed by `checks.parse_local_date`: a
  helpful message ("send YYYY-MM-DD; today there is ...") lets the model correct itself, where a
  pydantic date error would not.
- The frontend's original `user_id` argument is the session id, taken from `ctx.session_id`; the
  model can neither see nor choose it, so it is not an argument.
- Scheduling does not pre-check `booked_times`: the store's `book` decides atomically, and it
  returns the existing booking when the same session retries the same slot and car.
- Error outputs keep the card's shape with string values only (the card crashes on `null`), and
  speak to the customer (`reason`, `message`); the detail the model needs is `data.error`, with a
  machine-readable `data.code` (see `checks.Refused`).
- A session holds at most `ctx.max_bookings_per_session` upcoming test drives (dated today or
  later in their showroom's time zone), so one visitor cannot book a showroom's whole day. The
  store enforces it atomically with the slot (`BookingCap`); a booking past it is refused as a
  result the model explains, listing the bookings already held.
- New sessions cost nothing, so one client address makes at most
  `ctx.max_bookings_per_client_per_day` bookings a UTC day, whatever its sessions
  (`ClientCap`, also atomic with the slot, shared by every sandbox through the bookings table).
  Its refusal (`client_booking_cap`) names no other session's bookings.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import asdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import Field

from supercar.language import Language
from supercar.store.base import (
    Booking,
    BookingCap,
    BookingCapReached,
    ClientCap,
    ClientCapReached,
    SlotTaken,
)
from supercar.tools.base import ShowroomArgs, Tool, ToolContext, ToolResult
from supercar.tools.catalog import (
    WEEKDAY_NAMES,
    Showroom,
    car_names,
    find_car,
    find_showroom,
)
from supercar.tools.checks import (
    Refused,
    known_showroom,
    parse_local_date,
)
from supercar.tools.wording import Phrase, refusal, say

_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})")


class AvailabilityArgs(ShowroomArgs):
    date: str = Field(description="YYYY-MM-DD, the showroom's local date.")


class ScheduleArgs(AvailabilityArgs):
    time: str = Field(
        description="HH:MM in 24-hour showroom local time, one of the times returned by "
        "check_appointment_availability."
    )
    car_model: str = Field(
        description=f"Car model to test drive, one of: {', '.join(car_names())}."
    )


def local_now(showroom: Showroom, ctx: ToolContext) -> datetime:
    return ctx.now.astimezone(ZoneInfo(showroom.timezone))


def _parse_date(text: str, showroom: Showroom, ctx: ToolContext) -> date:
    """A bookable date: real, not past, within the horizon."""
    today = local_now(showroom, ctx).date()
    hint = f"today at {showroom.name} is {today.isoformat()} ({WEEKDAY_NAMES[today.weekday()]})"
    return parse_local_date(text, today, ctx.booking_horizon_days, hint, ahead="bookings open")


def parse_time(text: str) -> str:
    match = _TIME_RE.fullmatch(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise Refused(
            f"Invalid time {text!r}: send the time as HH:MM (24-hour), e.g. 14:00.",
            "invalid_time",
        )
    return f"{int(match[1]):02d}:{match[2]}"


def _opening_slots(showroom: Showroom, day: date, ctx: ToolContext) -> list[str]:
    """Slots by opening hours, minus those already started; refuses a closed day."""
    hours = showroom.hours_on(day.weekday())
    if hours is None:
        weekday = WEEKDAY_NAMES[day.weekday()]
        raise Refused(
            f"{showroom.name} is closed on {weekday}s ({day.isoformat()}). "
            f"Opening hours: {showroom.hours_summary()}.",
            "closed_day",
            dealership_name=showroom.name,
            date=day.isoformat(),
            hours_summary=showroom.hours_summary(),
        )
    now = local_now(showroom, ctx)
    tz = ZoneInfo(showroom.timezone)
    return [
        f"{hour:02d}:00"
        for hour in range(hours[0], hours[1])
        if datetime.combine(day, time(hour), tzinfo=tz) > now
    ]


async def bookable_slots(
    dealership_id: str, date_text: str, ctx: ToolContext
) -> tuple[Showroom, date, list[str], list[str]]:
    """(showroom, day, slots by hours, free slots): the rules both tools share."""
    showroom = known_showroom(dealership_id)
    day = _parse_date(date_text, showroom, ctx)
    slots = _opening_slots(showroom, day, ctx)
    booked = await ctx.bookings.booked_times(showroom.id, day.isoformat())
    return showroom, day, slots, [slot for slot in slots if slot not in booked]


async def check_appointment_availability(args: AvailabilityArgs, ctx: ToolContext) -> ToolResult:
    try:
        showroom, day, slots, free = await bookable_slots(args.dealership_id, args.date, ctx)
    except Refused as exc:
        return ToolResult(
            output={"availableTimes": [], "reason": refusal(exc.data, ctx.language)},
            data=exc.data,
            is_error=True,
        )
    output: dict[str, Any] = {
        "availableTimes": free,
        "dealership_id": showroom.id,
        "date": day.isoformat(),
    }
    if not free:
        output["reason"] = (
            say("no_more_slots_today", ctx.language, showroom=showroom.name)
            if not slots
            else say("fully_booked", ctx.language, showroom=showroom.name, day=day)
        )
    return ToolResult(output=output, data={**output, "dealership_name": showroom.name})


def _booking_output(
    args: ScheduleArgs, reason: str, ctx: ToolContext, **fields: str
) -> dict[str, str]:
    output = {
        "confirmationId": "",
        "date": args.date,
        "time": args.time,
        "model": args.car_model,
        "message": say("booking_failed", ctx.language, reason=reason),
    }
    output.update(fields)
    return output


def _schedule_error_output(reason: str, language: Language) -> dict[str, str]:
    # Used by the registry when the arguments never parsed; no field is known.
    return {
        "confirmationId": "",
        "date": "",
        "time": "",
        "model": "",
        "message": say("booking_failed", language, reason=reason),
    }


def _refused(args: ScheduleArgs, exc: Refused, ctx: ToolContext, **fields: str) -> ToolResult:
    return ToolResult(
        output=_booking_output(args, refusal(exc.data, ctx.language), ctx, **fields),
        data=exc.data,
        is_error=True,
    )


def booking_cap(ctx: ToolContext) -> BookingCap:
    """The session's cap (limit 0: none), which also tells the store which bookings of a
    session's list are still worth keeping: the upcoming ones."""

    def upcoming(booking: Booking) -> bool:
        showroom = find_showroom(booking.dealership_id)
        # A showroom gone from the catalogue: count its booking rather than guess its date.
        return showroom is None or booking.date >= local_now(showroom, ctx).date().isoformat()

    return BookingCap(ctx.max_bookings_per_session, upcoming)


def client_cap(ctx: ToolContext) -> ClientCap | None:
    """The client's counter for today (UTC, like the rate limits' day), or None if uncapped."""
    if not ctx.max_bookings_per_client_per_day:
        return None
    today = ctx.now.astimezone(UTC).date()
    midnight = datetime.combine(today + timedelta(days=1), time(0), tzinfo=UTC)
    return ClientCap(
        f"{ctx.client}#{today.isoformat()}",
        ctx.max_bookings_per_client_per_day,
        int(midnight.timestamp()),
    )


def _client_cap_refused(args: ScheduleArgs, ctx: ToolContext) -> ToolResult:
    limit = ctx.max_bookings_per_client_per_day
    message = (
        f"Bookings from this customer's connection have reached today's limit of {limit}; "
        "no test drive was booked. A booking cancelled today gives one back; otherwise they "
        "can book again tomorrow (UTC) or call the showroom."
    )
    return _refused(args, Refused(message, "client_booking_cap"), ctx)


def booking_data(booking: Booking, showroom_name: str) -> dict[str, Any]:
    """A booking as the model and API clients read it (the client counter is the store's)."""
    data = asdict(booking)
    del data["client_day"]
    return {**data, "dealership_name": showroom_name}


def _cap_refused(args: ScheduleArgs, held: list[Booking], ctx: ToolContext) -> ToolResult:
    bookings = []
    for booking in held:
        showroom = find_showroom(booking.dealership_id)
        bookings.append(booking_data(booking, showroom.name if showroom else booking.dealership_id))
    facts = {"bookings": bookings, "cap": ctx.max_bookings_per_session}
    # The model reads the customer's English sentence: it lists the bookings held.
    error = refusal({"code": "booking_cap", **facts}, "en")
    return _refused(args, Refused(error, "booking_cap", **facts), ctx)


async def bookable_slot(
    showroom: Showroom, date_text: str, time_text: str, ctx: ToolContext
) -> tuple[date, str, list[str]]:
    """(day, slot, the day's slots by opening hours) for a time a test drive can start at;
    `Refused` otherwise. Whether it is free is the store's to decide, atomically."""
    slot = parse_time(time_text)
    _, day, slots, free = await bookable_slots(showroom.id, date_text, ctx)
    if slot not in slots:
        offer = ", ".join(free) if free else "none"
        raise Refused(
            f"{slot} is not a bookable slot at {showroom.name} on {day.isoformat()} "
            f"(slots start on the hour within opening hours and cannot be in the past). "
            f"Free times that day: {offer}.",
            "not_bookable_slot",
            time=slot,
            date=day.isoformat(),
            alternatives=free,
        )
    return day, slot, slots


async def slot_taken(
    showroom: Showroom, day: date, slot: str, slots: list[str], ctx: ToolContext, just: bool = True
) -> Refused:
    """The refusal of `slot`, taken (`just`: since it was offered), with the day's free times."""
    booked = await ctx.bookings.booked_times(showroom.id, day.isoformat())
    alternatives = [s for s in slots if s not in booked]
    offer = ", ".join(alternatives) if alternatives else "none, try another day"
    taken = "was just taken" if just else "is taken"
    message = (
        f"{slot} on {day.isoformat()} at {showroom.name} {taken}. Free times that day: {offer}."
    )
    return Refused(
        message, "slot_taken", time=slot, date=day.isoformat(), alternatives=alternatives
    )


async def schedule_appointment(args: ScheduleArgs, ctx: ToolContext) -> ToolResult:
    try:
        showroom = known_showroom(args.dealership_id)
        car = find_car(args.car_model)
        if car is None:
            raise Refused(
                f"Unknown car model {args.car_model!r}; models: {', '.join(car_names())}.",
                "unknown_car",
            )
        day, slot, slots = await bookable_slot(showroom, args.date, args.time, ctx)
    except Refused as exc:
        return _refused(args, exc, ctx)

    booking = Booking(
        confirmation_id="SC-" + secrets.token_hex(4).upper(),
        session_id=ctx.session_id,
        dealership_id=showroom.id,
        date=day.isoformat(),
        time=slot,
        car_model=car.name,
        created_at=ctx.now.isoformat(timespec="seconds"),
    )
    try:
        booking = await ctx.bookings.book(booking, booking_cap(ctx), client_cap(ctx))
    except BookingCapReached as exc:
        return _cap_refused(args, exc.upcoming, ctx)
    except ClientCapReached:
        return _client_cap_refused(args, ctx)
    except SlotTaken:
        taken = await slot_taken(showroom, day, slot, slots, ctx)
        return _refused(args, taken, ctx, date=day.isoformat(), time=slot)
    drive = Phrase(
        "booked_drive",
        car=booking.car_model,
        showroom=showroom.name,
        date=booking.date,
        time=booking.time,
    )
    message = say("booked", ctx.language, drive=drive)
    return ToolResult(
        output={
            "confirmationId": booking.confirmation_id,
            "date": booking.date,
            "time": booking.time,
            "model": booking.car_model,
            "message": message,
        },
        data=booking_data(booking, showroom.name),
    )


AVAILABILITY = Tool(
    name="check_appointment_availability",
    description=(
        "List the free test-drive start times at a showroom on one date. Call it before "
        "scheduling and offer the user only the times it returns. The date is YYYY-MM-DD in the "
        "showroom's local time (resolve words like 'tomorrow' yourself); times come back as "
        "HH:MM in 24-hour showroom local time."
    ),
    args=AvailabilityArgs,
    run=check_appointment_availability,
    error_output=lambda reason, language: {"availableTimes": [], "reason": reason},
)

SCHEDULE = Tool(
    name="schedule_appointment",
    description=(
        "Book a test drive once the user has chosen a showroom, date, time and car model. The "
        "date is YYYY-MM-DD and the time HH:MM (24-hour), both in the showroom's local time, "
        "and the time should be one that check_appointment_availability returned. Returns a "
        "confirmation id; if the slot was taken, it lists the remaining free times."
    ),
    args=ScheduleArgs,
    run=schedule_appointment,
    error_output=_schedule_error_output,
)
