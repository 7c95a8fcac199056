"""Lex's answer once the tools have answered: one sentence per result in the customer's
language, what the results change in the conversation (times offered, a booking made, a
refused slot forgotten), and, after a refusal, its one question only.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from supercar.llm.offline.clock import Clock
from supercar.llm.offline.own_bookings import CANCEL, MOVE, after_change
from supercar.llm.offline.phrasebook import say
from supercar.llm.offline.state import Plan, Result, State, Step
from supercar.tools.places import find_place
from supercar.tools.summaries import (
    describe,
    error_code,
    error_sentence,
    free_times,
    join,
    on_day,
)

# The one question that would fix each refusal.
_NEXT_QUESTION = {
    "unknown_dealership": "ask_showroom",
    "invalid_date": "ask_day",
    "past_date": "ask_day",
    "too_far_ahead": "ask_day",
    "closed_day": "ask_other_day",
    "invalid_time": "ask_time",
    "unknown_car": "which_of_ours",
    "unknown_city": "ask_city",
}


def report(state: State, plan: Plan, results: list[Result], clock: Clock) -> tuple[str, State]:
    """The reply to tool results (one sentence each, refusals in customer words, each request
    answered in the order asked) and the state they leave: offered times, a booking made, a
    refused slot forgotten."""
    s = replace(state, offered=list(state.offered), bookings=list(state.bookings))
    lang = s.lang
    texts: list[str] = []
    after: list[str] = []
    refused = False
    for step, mine in _by_step(plan, results):
        texts += step.before
        after += step.after
        weather: list[tuple[dict[str, Any], date]] = []
        lists = [d for n, _, d in mine if n == "check_appointment_availability" and d]
        lists_left = sum(error_code(d) is None for d in lists)  # "which one suits you?" once
        for name, args, data in mine:
            if data is None:
                texts.append(say("unreadable", lang))
                continue
            code = error_code(data)
            if code is not None:
                texts.append(error_sentence(data, lang))
                question = _question(code, data)
                if question and not refused:
                    texts.append(say(question, lang))
                refused = True
                _forget(s, code, data)
                if name == MOVE and code == "slot_taken":
                    s.changing = ("move", str(args.get("confirmation_code")))  # "then 4pm?"
                continue
            if name == "check_appointment_availability":
                lists_left -= 1
                texts.append(_availability(s, step, data, ask=lists_left == 0))
            elif name == "get_weather":
                texts.append(_weather(s, step, args, data, clock))
                weather.append((data, _local_today(data, clock)))
            else:
                if name == "schedule_appointment":
                    s.bookings.append(data)
                    s.end_thread()
                elif name in (CANCEL, MOVE):
                    after_change(s, name, args, data)
                texts.append(describe(name, data, lang))
        if step.compare and len(weather) > 1:
            texts.append(_comparison(weather, lang))
        if step.wear and weather:
            texts.append(_what_to_wear(weather[0][0], lang))
        texts += step.reply
    if refused:
        after = []  # one thing at a time: the refusal's own question only
    return " ".join(texts + after), s


def _by_step(plan: Plan, results: list[Result]) -> list[tuple[Step, list[Result]]]:
    """Each step with the results of its own calls; results no step asked for come last."""
    mine: list[list[Result]] = [[] for _ in plan.steps]
    waiting = [list(step.calls) for step in plan.steps]
    others: list[Result] = []
    for result in results:
        call = (result[0], result[1])
        owner = next((i for i, calls in enumerate(waiting) if call in calls), None)
        if owner is None:
            others.append(result)
            continue
        waiting[owner].remove(call)
        mine[owner].append(result)
    paired = list(zip(plan.steps, mine, strict=True))
    return paired + ([(Step(), others)] if others else [])


def _question(code: str, data: dict[str, Any]) -> str | None:
    if code in ("not_bookable_slot", "slot_taken"):
        return "pick" if free_times(data) else "ask_day"
    return _NEXT_QUESTION.get(code)


def _local_today(data: dict[str, Any], clock: Clock) -> date:
    place = find_place(str(data.get("city", "")))
    return clock.today(timezone=place.timezone if place else None)


def _weather(s: State, step: Step, args: dict[str, Any], data: dict[str, Any], clock: Clock) -> str:
    lang = s.lang
    today = _local_today(data, clock)
    day = str(data.get("date") or "")
    s.last_weather = (str(data.get("city")), "" if day == today.isoformat() else day)
    text = describe("get_weather", data, lang, today=today)
    asked = args.get("date")  # each city's own day ("tomorrow" is not one date everywhere)
    if asked and not step.compare and str(data.get("date")) != str(asked):
        return say("only_today", lang) + text[0].lower() + text[1:]
    return text


def _what_to_wear(data: dict[str, Any], lang: str) -> str:
    celsius = data.get("temperature_c")
    rain = say("wear_umbrella", lang) if data.get("condition") in ("rainy", "thunderstorm") else ""
    if not isinstance(celsius, int | float):
        return rain
    key = "wear_coat" if celsius < 10 else "wear_jacket" if celsius < 18 else "wear_light"
    return " ".join(part for part in (say(key, lang), rain) if part)


def _comparison(weather: list[tuple[dict[str, Any], date]], lang: str) -> str:
    """Which of two weather results is warmer: two places, or one place on two days."""
    (first, first_today), (second, second_today) = weather[:2]
    t1, t2 = first.get("temperature_c"), second.get("temperature_c")
    if not isinstance(t1, int | float) or not isinstance(t2, int | float):
        return ""
    if round(t1) == round(t2):
        return say("compare_same", lang, t1=round(t1), t2=round(t2))
    (warm, warm_today), (cold, cold_today) = (
        ((first, first_today), (second, second_today))
        if t1 > t2
        else ((second, second_today), (first, first_today))
    )
    fields = dict(t1=round(max(t1, t2)), t2=round(min(t1, t2)))
    if warm.get("city") != cold.get("city"):
        return say("compare_places", lang, warm=warm.get("city"), cold=cold.get("city"), **fields)
    return say(
        "compare_days",
        lang,
        city=warm.get("city"),
        warm=_when(warm, warm_today, lang),
        cold=_when(cold, cold_today, lang),
        **fields,
    )


def _when(data: dict[str, Any], today: date, lang: str) -> str:
    try:
        day = date.fromisoformat(str(data.get("date")))
    except ValueError:
        return say("today", lang)
    return say("today", lang) if day == today else on_day(day, lang)


def _forget(s: State, code: str, data: dict[str, Any]) -> None:
    if code in ("past_date", "too_far_ahead", "closed_day", "invalid_date"):
        s.day, s.time, s.offered = None, None, []
    elif code in ("slot_taken", "not_bookable_slot", "invalid_time"):
        s.time, s.offered = None, free_times(data)
    elif code == "unknown_car":
        s.car = None
    elif code == "unknown_dealership":
        s.showroom = None


def _availability(s: State, step: Step, data: dict[str, Any], ask: bool = True) -> str:
    lang = s.lang
    times = [str(t) for t in data.get("availableTimes") or []]
    s.offered = times
    where = str(data.get("dealership_name") or data.get("dealership_id"))
    day = date.fromisoformat(str(data.get("date")))
    when = on_day(day, lang)
    if not times:
        return describe("check_appointment_availability", data, lang)
    asked = step.asked_time
    fields = dict(time=asked, day=when, showroom=where, times=join(times, lang))
    if asked is not None:
        if asked in times:
            s.pending, s.time = "book", asked
            return say("slot_free", lang, **fields)
        s.time = None
        return say("slot_not_free", lang, **fields)
    if s.period:
        start, end = s.period
        inside = [t for t in times if start <= int(t[:2]) < end]
        if inside:
            s.offered = inside
            return say("period_some", lang, **(fields | {"times": join(inside, lang)}))
        return say("period_none", lang, **fields)
    listed = describe("check_appointment_availability", data, lang)
    return listed + " " + say("pick", lang) if ask else listed
