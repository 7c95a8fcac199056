"""The conversation: what Lex knows so far, and what to do about the customer's last message.

Decisions:
- Memory is the conversation itself. The state is rebuilt from the whole history on every call
  by replaying each user message through the same planner and each tool result through the same
  reader, so the state is exactly what the earlier replies were based on (deterministic, no
  hidden store).
- A thread is the task Lex is working on (weather, address, hours, availability, booking) and
  its slots (showroom, day, time or part of the day, car). A message that adds a slot continues
  the thread ("Miami", "Friday at 3"); a completed booking ends it; a refusal clears only the
  refused slot (a taken time, a closed day), so the rest of the booking is kept.
- Never book unless asked: a booking call needs a booking request (or picking one of the offered
  times, or "yes" to "shall I book it?"). A question about a time, even inside a booking thread
  ("what about 3pm?"), checks availability and offers the slot.
- One question at a time, in the order showroom, day, time (via the free times), car.
- A place that is not a showroom is served by the nearest one when it is close (with the
  distance said), offered when it is far, and asked about when unknown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from supercar.llm.base import Message
from supercar.llm.offline.answers import answer
from supercar.llm.offline.facts import cancel_reply, memory_reply, words_reply
from supercar.llm.offline.intents import (
    ADDRESS,
    AVAILABILITY,
    BOOKING,
    HOURS,
    TASKS,
    WEATHER,
    Reading,
    read,
    scope,
)
from supercar.llm.offline.language import EN, ES, plain
from supercar.llm.offline.replies import (
    distance_text,
    hour_text,
    hours_line,
    hours_summary,
    not_offered,
    on_day,
    say,
    showroom_list,
)
from supercar.llm.offline.showrooms import (
    PlaceMention,
    find_places,
    find_showrooms,
    showroom_places,
)
from supercar.llm.offline.state import Plan, Result, State, last_booked_day
from supercar.llm.offline.when import find_date
from supercar.tools.catalog import find_showroom
from supercar.tools.places import find_place, nearest_showroom


def _load(content: Any) -> dict[str, Any] | None:
    if not isinstance(content, str):
        return None
    try:
        data = json.loads(content)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


class Dialogue:
    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now

    def today(self, showroom_id: str | None = None, timezone: str | None = None) -> date:
        now = self._now()
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        showroom = find_showroom(showroom_id) if showroom_id else None
        zone = showroom.timezone if showroom else timezone or "UTC"
        return now.astimezone(ZoneInfo(zone)).date()

    # --- replaying the conversation -------------------------------------------------------------

    def replay(self, messages: list[Message]) -> tuple[State, Plan, list[Result] | None]:
        """The state before the last user message, its plan, and the results that follow it."""
        state, plan, results = State(), Plan(), None
        calls: dict[str, tuple[str, dict[str, Any]]] = {}
        pending_results: list[Result] = []
        before = state
        for message in messages:
            role = message.get("role")
            if role == "user":
                if pending_results:
                    _, state = self.answer(state, plan, pending_results)
                    pending_results = []
                before = state
                content = message.get("content")
                plan, state = self.step(state, read(content if isinstance(content, str) else ""))
            elif role == "assistant":
                for call in message.get("tool_calls") or []:
                    function = call.get("function", {})
                    args = _load(function.get("arguments") or "{}") or {}
                    calls[call.get("id", "")] = (function.get("name", ""), args)
            elif role == "tool":
                name, args = calls.get(message.get("tool_call_id", ""), ("", {}))
                pending_results.append((name, args, _load(message.get("content"))))
        if messages and messages[-1].get("role") == "tool":
            results = pending_results
        return before if results is None else state, plan, results

    # --- planning one message -------------------------------------------------------------------

    def step(self, state: State, r: Reading) -> tuple[Plan, State]:
        s = replace(state, offered=list(state.offered), bookings=list(state.bookings))
        s.lang = r.lang or state.lang
        s.pending = None
        lang, plan = s.lang, Plan()
        if r.showrooms and not r.has("injection"):
            s.talked_about = r.showrooms[0]  # the showroom this conversation is about
        if r.cars and not r.has("injection"):
            s.car = r.cars[0].name  # the car they talk about is the one they mean to drive
        follow_up = state.topic == "memory" and r.question and not r.intents and not _adds(r)
        asks_memory = r.has("memory") and not (r.asks_to_book or _adds(r))
        if r.has("injection"):
            plan.reply.append(say("decline", lang))
            return plan, replace(state, lang=lang)
        if r.has("other_customer") or (r.has("third_party") and not s.bookings):
            plan.reply.append(say("other_customer", lang))
            return plan, replace(state, lang=lang)
        if r.has("third_party"):
            asks_memory = True  # "her confirmation?" after booking for her here
        if (asks_memory or follow_up) and not r.has("cancel"):
            s.topic = "memory"  # before off-topic words: "my confirmation code"
            plan.reply.append(memory_reply(s))
            return plan, s
        if r.has("off_topic") and not r.intents and not r.cars:
            plan.reply.append(say("decline", lang))
            return plan, replace(state, lang=lang)
        if r.has("cancel") and (s.bookings or not _adds(r)):
            # Before anything is booked, "move it to 5pm" just changes the slot asked about.
            plan.reply.append(cancel_reply(s) if s.bookings else say("no_bookings", lang))
            return plan, s

        if r.time is None and state.offered:
            r = replace(r, time=_picked_time(r.text, state.offered))  # "11 works"
        intents = list(r.intents)
        task = next((i for i in reversed(intents) if i in TASKS), None)
        if state.pending and r.has("yes") and task is None:
            self._accept(state, s)
            task = s.task
        elif state.pending and r.has("no") and not intents and not _adds(r):
            s.time = None
            plan.reply.append(say("no_problem", lang))
            return plan, s
        elif not intents:
            continued = self._continued(state, r)
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
                self._plan_weather(s, r, intents, plan)
            elif intent == ADDRESS:
                self._plan_address(s, r, intents, plan)
            elif intent == HOURS and task is None:
                self._plan_hours(s, r, plan)
        if task is not None:
            self._plan_task(s, r, task, plan)
        elif not intents:
            plan.reply.append(self._words(s, r))
        s.topic = task or next(iter(intents), None)
        return plan, s

    def _continued(self, state: State, r: Reading) -> str | None:
        """The intent a message without intent words continues, if it adds something."""
        named_place = bool(r.places or r.showrooms)
        if state.topic in (WEATHER, ADDRESS, HOURS) and not (r.time or r.cars):
            if named_place or (state.topic != ADDRESS and self._has_date(r, state)):
                return state.topic  # "and in Denver?", "and on Saturday?"
        if state.task and _adds(r):
            if (
                state.task == AVAILABILITY
                and r.time
                and not r.period
                and (r.picks or not r.question)
            ):
                return BOOKING if state.offered or r.cars else AVAILABILITY
            if r.cars and not (named_place or r.time or self._has_date(r, state)):
                return BOOKING if state.task == BOOKING else None  # a car alone: its facts
            return state.task
        if not r.flags and (r.time or r.period or self._has_date(r, state)):
            return AVAILABILITY  # "Friday at 3?" in a fresh conversation
        return None

    def _has_date(self, r: Reading, state: State) -> bool:
        return self._date(r, state) is not None

    def _date(self, r: Reading, state: State) -> date | None:
        showroom = next(iter(r.showrooms), None) or state.showroom
        return find_date(r.text, self.today(showroom), day_first=(r.lang or state.lang) == ES)

    def _accept(self, state: State, s: State) -> None:
        if state.pending == "book":
            s.task = BOOKING
        elif state.pending in ("showroom", "drive"):
            s.showroom = state.suggested
            s.last_showroom = state.suggested
            if state.pending == "drive" or s.task is None:
                s.task = BOOKING

    # --- the tasks ------------------------------------------------------------------------------

    def _showroom_for(
        self, s: State, r: Reading, plan: Plan, text: str | None = None
    ) -> str | None:
        """The showroom the message means; may add a note, an offer or a question to the plan."""
        named = find_showrooms(text) if text is not None else r.showrooms
        if named:
            return named[0]
        places = showroom_places(find_places(text) if text is not None else r.places)
        for mention in places:
            return self._place_showroom(s, mention, plan)
        if _THERE_RE.search(r.text.lower()) and s.last_city and not s.showroom:
            place = find_place(s.last_city)  # "there": the city we were just talking about
            ours = find_showrooms(s.last_city)
            if ours:
                return ours[0]
            if place is not None:
                return self._place_showroom(
                    s, PlaceMention(place.name, place, *nearest_showroom(place)), plan
                )
        return None

    def _place_showroom(self, s: State, m: PlaceMention, plan: Plan) -> str | None:
        lang = s.lang
        if m.region:
            if m.showroom is None:
                plan.reply.append(say("no_showroom_region", lang, place=m.name))
            return m.showroom.id if m.showroom else None
        if m.showroom is None:
            plan.reply.append(say("unknown_place", lang, place=m.name))
            return None
        where = dict(showroom=m.showroom.name, place=m.name, distance=distance_text(m.km, lang))
        if m.near:
            plan.before.append(say("near", lang, **where))
            return m.showroom.id
        plan.reply.append(say("far", lang, **where))
        s.pending, s.suggested = "showroom", m.showroom.id
        return None

    def _plan_weather(self, s: State, r: Reading, intents: list[str], plan: Plan) -> None:
        text = scope(r.text, WEATHER, intents)
        places = find_places(text)[:3] or r.places[:1]
        cities = [m.name for m in places]
        if not cities and s.showroom:
            showroom = find_showroom(s.showroom)
            cities = [showroom.city] if showroom else []
        if not cities and s.last_city:
            cities = [s.last_city]
        if not cities and s.last_showroom:
            showroom = find_showroom(s.last_showroom)
            cities = [showroom.city] if showroom else []
        if not cities:
            plan.reply.append(say("ask_city", s.lang))
            return
        for city in cities:
            place = find_place(city)
            today = self.today(timezone=place.timezone if place else None)
            day = find_date(text, today, day_first=s.lang == ES)
            if day is None and _THAT_DAY_RE.search(plain(r.text)):
                day = s.day or last_booked_day(s)  # "the weather that day"
            args = {"city": city}
            if day is not None and day != today:  # omitted means today
                args["date"] = day.isoformat()
                plan.weather_day = day
            plan.calls.append(("get_weather", args))
        s.last_city = cities[-1]

    def _plan_address(self, s: State, r: Reading, intents: list[str], plan: Plan) -> None:
        text = scope(r.text, ADDRESS, intents)
        ids = find_showrooms(text) or r.showrooms[:1]
        if not ids:
            places = showroom_places(find_places(text) or r.places)
            nearest = places[0].showroom if places else None
            if places and places[0].region:
                if nearest is None:
                    plan.reply.append(say("no_showroom_region", s.lang, place=places[0].name))
                    return
                ids = [nearest.id]
            elif nearest is not None:
                m = places[0]
                where = dict(
                    showroom=nearest.name, place=m.name, distance=distance_text(m.km, s.lang)
                )
                plan.before.append(say("near" if m.near else "far_note", s.lang, **where))
                ids = [nearest.id]
                if not m.near:
                    plan.after.append(say("offer_drive", s.lang))
                    s.pending, s.suggested = "drive", nearest.id
            elif places:
                plan.reply.append(say("unknown_place", s.lang, place=places[0].name))
                return
        if not ids and r.has("showroom_list"):
            plan.reply.append(showroom_list(s.lang))
            return
        if not ids and s.last_showroom and s.topic != ADDRESS:
            ids = [s.last_showroom]
        if not ids:
            plan.reply.append(say("ask_showroom", s.lang))
            return
        for showroom_id in ids:
            plan.calls.append(("get_dealership_address", {"dealership_id": showroom_id}))
        s.last_showroom = s.talked_about = ids[-1]

    def _plan_hours(self, s: State, r: Reading, plan: Plan) -> None:
        showroom_id = self._showroom_for(s, r, plan) or (
            s.showroom or s.last_showroom if not plan.reply else None
        )
        # a bare follow-up ("Denver") keeps the day of the hours question it answers
        day = self._date(r, s) or (s.hours_day if s.topic == HOURS and not r.intents else None)
        if plan.reply:
            return
        s.hours_day = day
        if showroom_id is None:
            plan.reply.append(say("ask_showroom", s.lang))
            return
        showroom = find_showroom(showroom_id)
        assert showroom is not None
        s.last_showroom = s.talked_about = showroom_id
        lang = s.lang
        if day is None:
            plan.reply.append(
                say("hours_week", lang, showroom=showroom.name, hours=hours_line(showroom, lang))
            )
            return
        span = showroom.hours_on(day.weekday())
        when = (
            on_day(day, lang)
            if day != self.today(showroom_id)
            else ("hoy" if lang == ES else "today")
        )
        if span is None:
            plan.reply.append(
                say(
                    "hours_closed",
                    lang,
                    showroom=showroom.name,
                    day=when,
                    hours=hours_summary(showroom.hours_summary(), lang),
                )
            )
            return
        low = r.text.lower()
        key = "hours_day"
        if re.search(r"clos|shut|late|cierra|cierre", low):
            key = "hours_closes"
        elif re.search(r"\bopens?\b|\babren?\b|early|temprano", low):
            key = "hours_opens"
        plan.reply.append(
            say(
                key,
                lang,
                showroom=showroom.name,
                open=hour_text(span[0], lang),
                close=hour_text(span[1], lang),
                day=when,
            )
        )

    def _plan_task(self, s: State, r: Reading, task: str, plan: Plan) -> None:
        lang = s.lang
        showroom_id = self._showroom_for(s, r, plan)
        if showroom_id is None and s.showroom is None and not plan.reply:
            showroom_id = s.talked_about  # "book the GT on Sunday" after asking about Miami
        if showroom_id and showroom_id != s.showroom:
            s.showroom, s.offered = showroom_id, []
        if s.showroom:
            s.last_showroom = s.showroom
        day = self._date(r, s)
        if day is None and _THAT_DAY_RE.search(plain(r.text)):
            day = s.day or s.hours_day or last_booked_day(s)  # "that day", "ese día"
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
        if plan.reply:  # a far or unknown place: offered or asked, nothing else this turn
            return
        if r.other_car:
            plan.reply.append(not_offered(r.other_car, lang))
            if s.car:
                plan.reply.append(say("keep_car", lang, car=s.car))
            else:
                plan.reply.append(say("which_of_ours", lang))
            return
        lead = self._lead(s, task)
        if not s.showroom:
            plan.reply.append(lead + say("ask_showroom", lang))
            return
        if not s.day:
            plan.reply.append(lead + say("ask_day", lang))
            return
        if task == BOOKING and s.time and not s.car:
            plan.reply.append(lead + say("ask_car", lang))
            return
        if task == BOOKING and s.time and s.car:
            plan.calls.append(
                (
                    "schedule_appointment",
                    {
                        "dealership_id": s.showroom,
                        "date": s.day.isoformat(),
                        "time": s.time,
                        "car_model": s.car,
                    },
                )
            )
            return
        plan.calls.append(
            (
                "check_appointment_availability",
                {"dealership_id": s.showroom, "date": s.day.isoformat()},
            )
        )
        if task == AVAILABILITY and s.time:
            plan.asked_time = s.time
        if task == BOOKING and not s.car:
            plan.after.append(say("also_car", lang))

    def _lead(self, s: State, task: str) -> str:
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
                lead += (
                    " del " + what[3:] if what.startswith("el ") else say("so_far", lang, what=what)
                )
            elif parts:
                lead += " " + " ".join(parts)
        else:
            lead = say("checking_lead", lang)
            places = [p for p in parts if not p.startswith(("the ", "el "))]
            if places:
                lead += " " + " ".join(places)
        return lead + ". "

    def _words(self, s: State, r: Reading) -> str:
        """No tool to call: a place near or far from a showroom, or an answer in words."""
        places = showroom_places(r.places)
        if not places or r.other_car or r.cars or r.flags & _CATALOGUE_FLAGS:
            return words_reply(s, r)
        plan = Plan()
        showroom_id = self._place_showroom(s, places[0], plan)
        if showroom_id:
            s.pending, s.suggested = "drive", showroom_id
            return " ".join([*plan.before, say("offer_drive", s.lang)])
        return " ".join(plan.reply)

    def answer(self, state: State, plan: Plan, results: list[Result]) -> tuple[str, State]:
        return answer(state, plan, results, lambda timezone: self.today(timezone=timezone))


_CATALOGUE_FLAGS = {"electric", "superlative", "car_list", "showroom_list"}
_THERE_RE = re.compile(r"\b(?:there|that showroom|same place|same showroom|alli|ahi|alla)\b")
_THAT_DAY_RE = re.compile(r"\b(?:that day|same day|then|ese dia|ese mismo dia)\b")


def _picked_time(text: str, offered: list[str]) -> str | None:
    """A bare hour that names one of the offered times ("11 works", "the 3, please")."""
    if _mentions_day(text):
        return None
    for number in re.findall(r"(?<![\d:/])(\d{1,2})(?![\d:/])", text):
        for hour in (int(number), int(number) + 12):
            if f"{hour:02d}:00" in offered:
                return f"{hour:02d}:00"
    return None


def _adds(r: Reading) -> bool:
    """Whether a message names a slot value (a follow-up like "Miami" or "at 3")."""
    return bool(r.showrooms or r.places or r.time or r.period or _mentions_day(r.text) or r.cars)


def _mentions_day(text: str) -> bool:
    return find_date(text, date(2000, 1, 1)) is not None
