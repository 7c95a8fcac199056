"""The customer's own bookings in this conversation: what they booked (from the booking tool's
results, never from what anyone typed), and cancelling or moving one.

Decisions:
- A change is asked for, proposed, then confirmed. A clear request ("cancel my test drive",
  "move it to Friday at 3", "cámbiala al jueves") calls the change tool, which changes nothing
  the first time and answers with the booking ("shall I cancel your Roadster test drive on
  Friday at 15:00?"). Only a clear yes in the very next message calls it again, which carries
  it out. Anything else leaves the booking as it is.
- Never on a weak reading: a question about whether one could ("can I cancel later?", "what's
  your cancellation policy?") is answered in words, and with several bookings and nothing to
  tell them apart, Lex asks which. A message carrying fake instructions changes nothing.
- The booking is the one the customer names (its code, its car or showroom), else the only
  one; a move keeps the day or the time the customer does not change.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from supercar.llm.offline.clock import Clock
from supercar.llm.offline.keywords import MOVE_RE
from supercar.llm.offline.language import ES, corrected, plain
from supercar.llm.offline.phrasebook import say
from supercar.llm.offline.reading import Reading
from supercar.llm.offline.state import State, Step
from supercar.llm.offline.when import (
    find_date,
    find_date_words,
    find_time,
    shifted_time,
    weekday_after,
)
from supercar.tools.catalog import find_showroom
from supercar.tools.summaries import join, on_day

CANCEL = "cancel_appointment"
MOVE = "reschedule_appointment"

_CODE_RE = re.compile(r"\bsc-?([0-9a-f]{8})\b")
# "what if I need to cancel?", "can I cancel later?": a question about changing, not a request.
_WHAT_IF_RE = re.compile(
    r"\b(?:if|in case|what if|policy|policies|later on|would i be able|is it possible|"
    r"possible to|how (?:do|can|would) i|in the future|am i able|si (?:necesito|tengo que|"
    r"quiero)|politica|en caso|se puede (?:cancelar|cambiar)|mas adelante)\b|"
    r"\bcan i (?:still )?(?:cancel|change|move|reschedule)(?: it)? later\b"
)
# After a booking, "make it 4pm" or "Saturday instead" moves it.
_SWITCH_RE = re.compile(
    r"\b(?:instead|make it|make that|actually|rather|mejor|en vez|en lugar|prefiero|"
    r"cambio de planes|change of plans?)\b"
)
_MORE_RE = re.compile(r"\b(?:another|also|too|one more|as well|otra|otro|tambien|ademas)\b")
# "move it to 5": a bare hour after "to" / "for" / "a las".
_TO_HOUR_RE = re.compile(
    r"\b(?:to|for|till|until|make it|make that|at)\s+(1[0-2]|[1-9])\b(?!\s*(?:st|nd|rd|th)\b|[:/])"
)
# "no", "keep it", "leave it", "déjala": the proposed change is not wanted.
# "leave it as it is", "déjala como está": the booking stays, whatever day is named beside it
_LEAVE = (
    r"leave it|keep it|as it is|as is|don'?t change|no changes?|never ?mind|forget it|"
    r"dejal[ao]|olvidal[ao]|mantenla|mantenlo|como esta|no la cambies|no lo cambies"
)
_LEAVE_RE = re.compile(rf"\b(?:{_LEAVE})\b")
_KEEP_RE = re.compile(
    r"\b(?:no|nope|nah)\b(?! problem| worries| hay problema)|"
    rf"\b(?:don'?t|do not|not now|mejor no|no la|no lo|{_LEAVE})\b"
)
_HEDGE_RE = re.compile(
    r"\?|\b(?:but|wait|actually|hmm+|not sure|maybe|perhaps|pero|espera|quizas?|no se)\b"
)


def active(s: State) -> list[dict[str, Any]]:
    """The bookings of this conversation that still stand."""
    return [b for b in s.bookings if b.get("status") != "cancelled"]


def memory_reply(s: State) -> str:
    """This conversation's bookings, from its own tool results (or the booking under way)."""
    if not s.bookings:
        if s.task and (s.showroom or s.day):
            return say("so_far_thread", s.lang, what=_thread(s))
        return say("no_bookings", s.lang)
    lines = []
    for data in s.bookings:
        key = "your_booking_cancelled" if data.get("status") == "cancelled" else "your_booking"
        lines.append(say(key, s.lang, **_fields(data, s.lang)))
    return " ".join(lines)


def _thread(s: State) -> str:
    """The booking under way, as far as it goes: 'SuperCar GT, SuperCar Miami, on Friday'."""
    room = find_showroom(s.showroom) if s.showroom else None
    parts = [s.car, room.name if room else None, on_day(s.day, s.lang) if s.day else None, s.time]
    return ", ".join(part for part in parts if part)


def _fields(data: dict[str, Any], lang: str) -> dict[str, Any]:
    try:
        day = on_day(date.fromisoformat(str(data.get("date"))), lang)
    except ValueError:
        day = ""
    return dict(
        car=data.get("car_model"),
        showroom=data.get("dealership_name"),
        day=day,
        time=data.get("time"),
        id=data.get("confirmation_id"),
    )


def wants_change(state: State, r: Reading) -> bool:
    """Whether the message is about cancelling or moving a booking made here (or answers a
    proposed change, or says which booking or when)."""
    low = plain(r.text)
    if state.proposal is not None and (r.has("yes") or _KEEP_RE.search(low) or _changes(r)):
        return True
    if _changes(r):
        return bool(active(state)) or not _slot_words(r)  # before a booking: the slot asked
    if state.changing and (_slot_words(r) or _names_booking(r)):
        return True
    # "make it 4pm" / "Saturday instead" right after a booking (no other booking under way)
    return bool(
        active(state)
        and state.task is None
        and _slot_words(r)
        and _SWITCH_RE.search(low)
        and not (r.asks_to_book or _MORE_RE.search(low) or r.intents)
    )


def plan_change(state: State, s: State, r: Reading, clock: Clock) -> Step:
    """Cancel or move: propose it, carry out a proposal the customer confirms, or ask."""
    lang = s.lang
    low = plain(r.text)
    if r.has("markup"):
        return Step(reply=[say("kept" if state.proposal else "own_words_only", lang)])
    if state.proposal is not None:
        other = "cancel" if state.proposal[0] == MOVE else "move"
        clear = r.has("yes") and not (_KEEP_RE.search(low) or _HEDGE_RE.search(low) or r.has(other))
        if clear and not _slot_words(r):
            return Step(calls=[state.proposal])  # confirmed: the same call again carries it out
        if _LEAVE_RE.search(low) or not (_changes(r) or _slot_words(r)):
            return Step(reply=[say("kept", lang)])  # "no, leave it as it is. friday's fine"
    bookings = active(s)
    code = _named_code(low) or (state.changing[1] if state.changing else None) or None
    if not bookings and code is None:
        return Step(reply=[say("no_bookings_to_change", lang)])
    if _WHAT_IF_RE.search(low) and not _slot_words(r):
        return Step(reply=[say("can_change", lang)])
    action = "move"
    if r.has("cancel") and not r.has("move"):
        action = "cancel"
    elif state.changing and not r.has("move"):
        action = state.changing[0]
    booking = _which(bookings, r, code, action, clock)
    if booking is None and code is None:
        s.changing = (action, "")
        listed = [say("booking_choice", lang, **_fields(b, lang)) for b in bookings]
        return Step(reply=[say("which_booking", lang, bookings=join(listed, lang, "or"))])
    code = code or str(booking.get("confirmation_id") if booking else "")
    if action == "cancel":
        return Step(calls=[(CANCEL, {"confirmation_code": code})])
    return _move(s, r, code, booking, clock)


def _move(s: State, r: Reading, code: str, booking: dict[str, Any] | None, clock: Clock) -> Step:
    showroom = str(booking.get("dealership_id")) if booking else None
    today, day_first = clock.today(showroom), s.lang == ES
    low = corrected(r.text)
    verb = MOVE_RE.search(low)  # "I can't do that Sunday: move it to the Tuesday": the day after
    day = (verb and find_date(low[verb.end() :], today, day_first)) or find_date(
        r.text, today, day_first
    )
    if day is None and booking:
        day = weekday_after(r.text, date.fromisoformat(str(booking.get("date"))))  # "a day later"
    before = str(booking.get("time")) if booking else None
    target = low[verb.end() :] if verb else ""  # "I'll be asleep at 4. push it to 6 instead"
    time = (
        find_time(target)
        or _to_hour(f"to {target}")  # "push it to 6", "move it to Friday at 3"
        or r.time
        or shifted_time(r.text, before)  # "an hour later"
        or _to_hour(r.text)
    )
    if (day is None and time is None) or (booking is None and (day is None or time is None)):
        s.changing = ("move", code)  # "move it": to when?
        return Step(reply=[say("ask_move_when", s.lang)])
    new_date = day.isoformat() if day else str(booking.get("date") if booking else "")
    new_time = time or str(booking.get("time") if booking else "")
    if booking and (new_date, new_time) == (booking.get("date"), booking.get("time")):
        s.changing = ("move", code)  # "I'm not sure I can make Friday": to when, then?
        return Step(reply=[say("ask_move_when", s.lang)])
    args = {"confirmation_code": code, "date": new_date, "time": new_time}
    return Step(calls=[(MOVE, args)])


def _which(
    bookings: list[dict[str, Any]], r: Reading, code: str | None, action: str, clock: Clock
) -> dict[str, Any] | None:
    """The booking meant: by code, the only one, or the one the car, showroom or (to cancel)
    the day named picks out."""
    if code is not None:
        return next((b for b in bookings if b.get("confirmation_id") == code), None)
    if len(bookings) == 1:
        return bookings[0]
    named = [b for b in bookings if _booking_named(b, r)]
    if not named and action == "cancel":
        day = find_date(r.text, clock.today())
        named = [b for b in bookings if day is not None and b.get("date") == day.isoformat()]
    return named[0] if len(named) == 1 else None


def _booking_named(booking: dict[str, Any], r: Reading) -> bool:
    cars = any(booking.get("car_model") == car.name for car in r.cars)
    return cars or booking.get("dealership_id") in r.showrooms


def _names_booking(r: Reading) -> bool:
    return bool(r.cars or r.showrooms or _CODE_RE.search(plain(r.text)))


def _named_code(low: str) -> str | None:
    match = _CODE_RE.search(low)
    return f"SC-{match[1].upper()}" if match else None


def _slot_words(r: Reading) -> bool:
    return bool(
        r.time or find_date_words(r.text) or _to_hour(r.text) or shifted_time(r.text, "12:00")
    )


def _changes(r: Reading) -> bool:
    return r.has("cancel") or r.has("move") or bool(_CODE_RE.search(plain(r.text)))


def _to_hour(text: str) -> str | None:
    match = _TO_HOUR_RE.search(corrected(text))
    if match is None:
        return None
    hour = int(match[1])
    return f"{hour + 12 if hour <= 7 else hour:02d}:00"


def after_change(s: State, name: str, args: dict[str, Any], data: dict[str, Any]) -> None:
    """What a change tool's answer changes: a proposal to confirm, or the booking itself."""
    status = data.get("status")
    code = data.get("confirmation_id")
    if status == "confirm":
        s.proposal = (name, {key: str(value) for key, value in args.items()})
        return
    for index, booking in enumerate(s.bookings):
        if booking.get("confirmation_id") != code:
            continue
        if status == "cancelled":
            s.bookings[index] = {**booking, "status": "cancelled"}
        elif status == "rescheduled":
            new = {"date": data.get("new_date"), "time": data.get("new_time")}
            s.bookings[index] = {**booking, **new}
