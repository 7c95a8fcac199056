"""The plan for one customer message: tool calls, or a reply in words, given what Lex knows.

Decisions:
- Guards come first: an attempt to change Lex's instructions, a question about another
  customer, and off-topic requests get a polite refusal and no tool.
- A thread is the task Lex is working on (weather, address, hours, availability, booking) and
  its slots (showroom, day, time or part of the day, car). A message that adds a slot continues
  the thread ("Miami", "Friday at 3"); a completed booking ends it; a refusal clears only the
  refused slot (a taken time, a closed day), so the rest of the booking is kept.
- Several intents in one message are planned in the order the customer asked them; the
  tools run in parallel and the report answers each.
"""

from __future__ import annotations

from dataclasses import replace

from supercar.llm.offline.booking import mentions_day, picked_time, plan_task
from supercar.llm.offline.catalogue import words_reply
from supercar.llm.offline.clock import Clock
from supercar.llm.offline.language import ES
from supercar.llm.offline.own_bookings import cancel_reply, memory_reply
from supercar.llm.offline.phrasebook import say
from supercar.llm.offline.reading import (
    ADDRESS,
    AVAILABILITY,
    BOOKING,
    HOURS,
    TASKS,
    WEATHER,
    Reading,
)
from supercar.llm.offline.showroom_info import plan_address, plan_hours
from supercar.llm.offline.showrooms import showroom_places
from supercar.llm.offline.state import Plan, State
from supercar.llm.offline.weather import plan_weather
from supercar.llm.offline.when import find_date
from supercar.llm.offline.where import place_showroom


def plan(state: State, r: Reading, clock: Clock) -> tuple[Plan, State]:
    """What to do about message `r`, and the state it leaves."""
    s = replace(state, offered=list(state.offered), bookings=list(state.bookings))
    s.lang = r.lang or state.lang
    s.pending = None
    lang, p = s.lang, Plan()
    if r.showrooms and not r.has("injection"):
        s.talked_about = r.showrooms[0]  # the showroom this conversation is about
    if r.cars and not r.has("injection"):
        s.car = r.cars[0].name  # the car they talk about is the one they mean to drive
    follow_up = state.topic == "memory" and r.question and not r.intents and not _adds(r)
    asks_memory = r.has("memory") and not (r.asks_to_book or _adds(r))
    if r.has("injection"):
        p.reply.append(say("decline", lang))
        return p, replace(state, lang=lang)
    if r.has("other_customer") or (r.has("third_party") and not s.bookings):
        p.reply.append(say("other_customer", lang))
        return p, replace(state, lang=lang)
    if r.has("third_party"):
        asks_memory = True  # "her confirmation?" after booking for her here
    if (asks_memory or follow_up) and not r.has("cancel"):
        s.topic = "memory"  # before off-topic words: "my confirmation code"
        p.reply.append(memory_reply(s))
        return p, s
    if r.has("off_topic") and not r.intents and not r.cars:
        p.reply.append(say("decline", lang))
        return p, replace(state, lang=lang)
    if r.has("cancel") and (s.bookings or not _adds(r)):
        # Before anything is booked, "move it to 5pm" just changes the slot asked about.
        p.reply.append(cancel_reply(s) if s.bookings else say("no_bookings", lang))
        return p, s

    if r.time is None and state.offered:
        r = replace(r, time=picked_time(r.text, state.offered))  # "11 works"
    intents = list(r.intents)
    task = next((i for i in reversed(intents) if i in TASKS), None)
    if state.pending and r.has("yes") and task is None:
        _accept(state, s)
        task = s.task
    elif state.pending and r.has("no") and not intents and not _adds(r):
        s.time = None
        p.reply.append(say("no_problem", lang))
        return p, s
    elif not intents:
        continued = _continued(state, r, clock)
        if continued in TASKS:
            task = continued
            if task == BOOKING and r.question and not (r.asks_to_book or r.picks) and r.time:
                task = AVAILABILITY  # "what about 3pm?" checks, it does not book
        elif continued is not None:
            intents = [continued]
    if (
        task == AVAILABILITY
        and r.time
        and (
            (state.offered and (r.picks or not r.question))  # picking one of the offered times
            # "let's do the Tourer at 1pm", "I'd like to come in at 2" (not "... if 2 is free")
            or (r.picks and not r.question and not r.asks_free)
        )
    ):
        task = BOOKING
    elif task == BOOKING and r.question and r.time and not (r.asks_to_book or r.picks):
        task = AVAILABILITY  # "can I test drive it at 4?" checks, and offers to book

    for intent in intents:  # in the order the customer asked
        if intent == WEATHER:
            plan_weather(s, r, intents, p, clock)
        elif intent == ADDRESS:
            plan_address(s, r, intents, p)
        elif intent == HOURS and task is None:
            plan_hours(s, r, p, clock)
    if task is not None:
        plan_task(s, r, task, p, clock)
    elif not intents:
        p.reply.append(_words(s, r))
    s.topic = task or next(iter(intents), None)
    return p, s


def _continued(state: State, r: Reading, clock: Clock) -> str | None:
    """The intent a message without intent words continues, if it adds something."""
    named_place = bool(r.places or r.showrooms)
    has_date = _has_date(r, state, clock)
    if state.topic in (WEATHER, ADDRESS, HOURS) and not (r.time or r.cars):
        if named_place or (state.topic != ADDRESS and has_date):
            return state.topic  # "and in Denver?", "and on Saturday?"
    if state.task and _adds(r):
        if state.task == AVAILABILITY and r.time and not r.period and (r.picks or not r.question):
            return BOOKING if state.offered or r.cars else AVAILABILITY
        if r.cars and not (named_place or r.time or has_date):
            return BOOKING if state.task == BOOKING else None  # a car alone: its facts
        return state.task
    if not r.flags and (r.time or r.period or has_date):
        return AVAILABILITY  # "Friday at 3?" in a fresh conversation
    return None


def _has_date(r: Reading, state: State, clock: Clock) -> bool:
    showroom = next(iter(r.showrooms), None) or state.showroom
    lang = r.lang or state.lang
    return find_date(r.text, clock.today(showroom), day_first=lang == ES) is not None


def _accept(state: State, s: State) -> None:
    if state.pending == "book":
        s.task = BOOKING
    elif state.pending in ("showroom", "drive"):
        s.showroom = state.suggested
        s.last_showroom = state.suggested
        if state.pending == "drive" or s.task is None:
            s.task = BOOKING


_CATALOGUE_FLAGS = {"electric", "superlative", "car_list", "showroom_list"}


def _words(s: State, r: Reading) -> str:
    """No tool to call: a place near or far from a showroom, or an answer in words."""
    places = showroom_places(r.places)
    if not places or r.other_car or r.cars or r.flags & _CATALOGUE_FLAGS:
        return words_reply(s, r)
    p = Plan()
    showroom_id = place_showroom(s, places[0], p)
    if showroom_id:
        s.pending, s.suggested = "drive", showroom_id
        return " ".join([*p.before, say("offer_drive", s.lang)])
    return " ".join(p.reply)


def _adds(r: Reading) -> bool:
    """Whether a message names a slot value (a follow-up like "Miami" or "at 3")."""
    return bool(r.showrooms or r.places or r.time or r.period or mentions_day(r.text) or r.cars)
