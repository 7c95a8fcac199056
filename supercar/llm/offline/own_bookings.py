"""The customer's own bookings in this conversation: what they booked (from the booking tool's
results, never from what anyone typed), and what to do about changing one."""

from __future__ import annotations

from datetime import date

from supercar.llm.offline.phrasebook import say
from supercar.llm.offline.state import State
from supercar.tools.catalog import find_showroom
from supercar.tools.wording import on_day


def memory_reply(s: State) -> str:
    """This conversation's bookings, from its own tool results."""
    if not s.bookings:
        return say("no_bookings", s.lang)
    lines = []
    for data in s.bookings:
        day = date.fromisoformat(str(data.get("date")))
        lines.append(
            say(
                "your_booking",
                s.lang,
                car=data.get("car_model"),
                showroom=data.get("dealership_name"),
                day=on_day(day, s.lang),
                time=data.get("time"),
                id=data.get("confirmation_id"),
            )
        )
    return " ".join(lines)


def cancel_reply(s: State) -> str:
    where = say("cancel_where", s.lang)
    if s.bookings:
        showroom = find_showroom(str(s.bookings[-1].get("dealership_id", "")))
        if showroom:
            where = f"{showroom.name} ({showroom.phone})"
    return say("cancel", s.lang, where=where)
