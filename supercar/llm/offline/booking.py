"""Test-drive requests: the slots of a booking (showroom, day, time or part of the day, car),
asked for one at a time, then free times checked or the test drive booked.

Decisions:
- Never book unless asked. Whether a test-drive request that names a time books it or checks
  it is decided in one place, `books`, in this order:
  1. an explicit request to book books: a booking imperative ("book it", "I'll take 4", "lock
     it in", "grab it for me", "sign me up", "resérvame", "apúntame") or a request in question
     form ("can I have the 2 o'clock?", "can you book me in at 3?");
  2. a question about a time never books: a "?", "what about", "how about", "and at", "does …
     suit/work", "is … free/open/ok/better", "¿qué tal …?", "¿y a las …?", "¿estaría libre?",
     a hedge ("maybe 4", "I'm thinking 3"); "X instead, does 2pm suit?" is a question too. It
     checks that slot for the known showroom and day and says whether it is free, with the
     time, and offers to book it;
  3. a plain choice ("I'd like 3pm", "let's do 1pm", "ok 4pm then", "11 works") books when the
     customer asked to book in this thread, or picks among times Lex has shown; otherwise it
     checks. A time only proposed ("nah, an hour later") is checked, not chosen.
  A "yes" to Lex's own offer ("Would you like me to book it?") books the time offered.
- A time may be named against the thread: an offered hour ("11 works"), a bare hour in a
  question ("is 3 better?"), or a shift from the last time talked about ("an hour later").
- One question at a time, in the order showroom, day, time (via the free times), car.
"""

from __future__ import annotations

import re

from supercar.language import EN
from supercar.llm.offline.clock import Clock
from supercar.llm.offline.keywords import (
    AVAILABILITY,
    BOOKING,
    HOURS,
    OUR_CARS,
    REQUEST_AS_QUESTION_RE,
    SAME_DAY_RE,
    SAME_TIME_RE,
    THAT_DAY_RE,
    TIME_QUESTION_RE,
)
from supercar.llm.offline.language import ES, corrected, plain
from supercar.llm.offline.phrasebook import not_offered, say
from supercar.llm.offline.reading import Reading
from supercar.llm.offline.showrooms import showrooms_listed
from supercar.llm.offline.state import State, Step, last_booked_day, last_weather_day
from supercar.llm.offline.when import (
    BOUND_RE,
    find_date_words,
    find_dates,
    find_slot_date,
    find_times,
    shifted_time,
    weekday_after,
)
from supercar.llm.offline.where import focus_on, showroom_for
from supercar.tools.catalog import find_showroom
from supercar.tools.summaries import join, on_day


def plan_task(s: State, r: Reading, task: str, step: Step, clock: Clock) -> None:
    lang = s.lang
    showroom_id = showroom_for(s, r, step)
    if showroom_id is None and s.showroom is None and not step.reply:
        showroom_id = s.talked_about  # "book the GT on Sunday" after asking about Miami
    if showroom_id and showroom_id != s.showroom:
        s.showroom, s.offered = showroom_id, []
    if s.showroom:
        s.last_showroom = s.showroom
        focus_on(s, s.showroom)
    today = clock.today(next(iter(r.showrooms), None) or s.showroom)
    day = find_slot_date(r.day_words, today, day_first=lang == ES)
    if s.day is not None:
        day = weekday_after(r.text, s.day) or day  # "what about the Monday after?"
    if s.day is not None and SAME_DAY_RE.search(plain(r.text)):
        day = s.day  # "scratch Miami, I'll be in Chicago that weekend. same day there?"
    if day is None and THAT_DAY_RE.search(plain(r.text)):
        # "that day", "ese día", "el mismo día" (of the weather asked about)
        day = s.day or s.hours_day or last_weather_day(s) or last_booked_day(s)
    if day is None and s.day is None and s.topic == HOURS:
        day = s.hours_day  # "open today?", then "I'd like to come in at 2"
    if day is not None:
        if day != s.day:
            s.offered = []
        s.day = day
    if r.period:
        s.period, s.time = r.period, None
    if r.time:
        s.time = r.time
    if r.cars:
        s.car = r.cars[0].name
    s.task = task
    if step.reply:  # a far or unknown place: offered or asked, nothing else this turn
        return
    if r.other_car:
        step.reply.append(not_offered(r.other_car, lang))
        step.reply.append(say("keep_car", lang, car=s.car) if s.car else say("which_of_ours", lang))
        return
    lead = _lead(s, task)
    if not s.showroom:
        step.reply.append(lead + say("ask_showroom", lang))
        return
    if not s.day:
        step.reply.append(lead + say("ask_day", lang))
        return
    if task == BOOKING and s.time and not s.car:
        step.reply.append(lead + say("ask_car", lang))
        return
    if task == BOOKING and s.time and s.car:
        args = {
            "dealership_id": s.showroom,
            "date": s.day.isoformat(),
            "time": s.time,
            "car_model": s.car,
        }
        step.calls.append(("schedule_appointment", args))
        if len(r.cars) > 1 or len(r.showrooms) > 1 or len(find_times(r.text)) > 1:
            step.after.append(say("one_at_a_time", lang))  # the first is booked, not the rest
        return
    if task == AVAILABILITY and _EITHER_RE.search(corrected(r.text)):
        s.car = None  # "14:00, but the Roadster or the Spyder…": which, once the slot is known
        names = join([car.name for car in r.cars[:3]], lang, "or")
        step.after.append(say("ask_car", lang, cars=names))
    step.calls.append(
        ("check_appointment_availability", {"dealership_id": s.showroom, "date": s.day.isoformat()})
    )
    if task == AVAILABILITY and not s.time and s.day == day:
        # "any openings fri and sat?": each day named (the first is the day talked about on)
        for other in find_dates(r.day_words, today, day_first=lang == ES)[1:3]:
            args = {"dealership_id": s.showroom, "date": other.isoformat()}
            step.calls.append(("check_appointment_availability", args))
        # "anything free in Manhattan or Miami on Thursday?": each showroom named, that day
        listed = showrooms_listed(r.text)
        for room in listed[1:3] if listed[:1] == [s.showroom] else []:
            args = {"dealership_id": room, "date": s.day.isoformat()}
            step.calls.append(("check_appointment_availability", args))
    if task == AVAILABILITY and s.time:
        step.asked_time = s.time
    if task == BOOKING and not s.car:
        step.after.append(say("also_car", lang))


def _lead(s: State, task: str) -> str:
    """What Lex has so far, before its question: 'Happy to set up a test drive of the GT'."""
    lang = s.lang
    parts = []
    if s.car:
        parts.append(f"the {s.car}" if lang == EN else f"el {s.car}")
    showroom = find_showroom(s.showroom) if s.showroom else None
    if showroom:
        parts.append(("at " if lang == EN else "en ") + showroom.name)
    if s.day:
        parts.append(on_day(s.day, lang))
    if s.time:
        parts.append(("at " if lang == EN else "a las ") + s.time)
    if task == BOOKING:
        lead = say("booking_lead", lang)
        if parts and s.car:
            what = " ".join(parts)
            lead += " del " + what[3:] if what.startswith("el ") else say("so_far", lang, what=what)
        elif parts:
            lead += " " + " ".join(parts)
    else:
        lead = say("checking_lead", lang)
        places = [p for p in parts if not p.startswith(("the ", "el "))]
        if places:
            lead += " " + " ".join(places)
    return lead + ". "


def books(state: State, t: Reading, task: str) -> bool:
    """Whether a test-drive request that names a time books it, or checks it (the rule of the
    module docstring; `t` is the request's own words)."""
    low = corrected(t.text)
    if _EITHER_RE.search(low):
        return False  # "el Roadster o el Spyder…": a choice not made yet books nothing
    if t.asks_to_book or REQUEST_AS_QUESTION_RE.search(low):
        return True  # "lock in 2", "resérvame las 4", "can I have the 2 o'clock?"
    if t.question or TIME_QUESTION_RE.search(low):
        return False  # "what about 4 then", "is 3 better?", "¿y a las 5?"
    if t.picks and not t.asks_free:
        return True  # "I'd like 3pm", "let's do the Tourer at 1pm"
    if t.has("no") or shifted_time(t.text, "12:00"):
        return False  # "nah, an hour later": a new time proposed, not chosen
    return task == BOOKING or bool(state.offered) or bool(t.cars)  # "ok 4pm then", "11 works"


_EITHER_RE = re.compile(rf"\b{OUR_CARS},? (?:or|o) (?:maybe |quizas |the |el )*{OUR_CARS}\b")


def thread_time(state: State, r: Reading) -> str | None:
    """A time the message names only against the conversation: one of the offered hours ("11
    works"), the last time talked about ("the same time") or a shift from it ("what about an
    hour later?")."""
    if state.offered:
        picked = picked_time(r.text, state.offered)
        if picked:
            return picked
    if SAME_TIME_RE.search(corrected(r.text)):
        return state.last_time  # "the same time", "a la misma hora"
    return shifted_time(r.text, state.last_time)


# "the earlier one", "the first", "la última": one of the offered times by its place.
_FIRST_RE = re.compile(
    r"\b(?:the )?(?:earlier|earliest|first|soonest) (?:one|slot|time|option)|\bthe first\b|"
    r"\bla (?:primera|mas temprana)\b|\bel primero\b"
)
_LAST_RE = re.compile(
    r"\b(?:the )?(?:later|latest|last) (?:one|slot|time|option)|\bthe last\b|"
    r"\bla (?:ultima|mas tarde|mas tardia)\b|\bel ultimo\b"
)


def picked_time(text: str, offered: list[str]) -> str | None:
    """A bare hour that names one of the offered times ("11 works", "the 3, please"), or its
    place among them ("the earlier one", "la última")."""
    if find_date_words(text):
        return None
    text = BOUND_RE.sub(" ", corrected(text))  # "what's free after 3?" is a window, not 3
    if _FIRST_RE.search(text):
        return offered[0]
    if _LAST_RE.search(text):
        return offered[-1]
    for number in re.findall(r"(?<![\d:/])(\d{1,2})(?![\d:/])", text):
        for hour in (int(number), int(number) + 12):
            if f"{hour:02d}:00" in offered:
                return f"{hour:02d}:00"
    return None
