"""The OFFLINE demo model: a small rule-based stand-in for Groq, used when no API key is set.

It implements the same `ChatModel` interface, so a newcomer, the frontend team and the tests can
run the whole flow (text streaming, tool calls, tool cards, bookings) with no key and no network.
It is not a language model and says so in its greeting and help text.

Decisions:
- Deterministic and pure Python: the same messages and clock give the same answer.
- One round of tools at most. Messages ending with a user message are *planned*: intents and
  slots are read (see `offline_parse`); complete requests become tool calls (several intents in
  one message become parallel calls), incomplete ones a short question naming what is missing.
  Messages ending with `tool` results are *answered*: one sentence per result, read from the
  tool's JSON `data`, plus any question still open for the same user message.
- Memory is the conversation itself. Booking and availability gather their slots from the
  recent user messages since the last completed booking, walking back while those messages are
  about a test drive or carry no intent at all (follow-ups like "Miami, tomorrow at 11, the
  GT"); a weather or address question ends that thread. A follow-up only continues a task if
  it adds a slot, so "thanks" does not re-run the last search. After availability, a message
  stating a time books it.
- A booking with a showroom and a date but no time checks availability first and asks the
  user to pick one of the offered times.
- Relative dates use the `now` clock in the showroom's time zone (UTC when no showroom is
  known), like the tools' own notion of "today".
- Text streams word by word (each word with its trailing whitespace), with a small delay so a
  browser shows it arriving; `word_delay=0` for tests.

Limits: keyword matching only (no negation, no pronouns: "book it there" knows neither "it" nor
"there"), one language, one date/time per message, and anything unrecognised gets the help text.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from supercar.llm.base import Completion, ToolCall
from supercar.llm.offline_parse import (
    ADDRESS,
    AVAILABILITY,
    BOOKING,
    TASKS,
    WEATHER,
    detect_intents,
    find_cars,
    find_cities,
    find_date,
    find_showrooms,
    find_time,
)
from supercar.store.base import Message
from supercar.tools.catalog import CARS, SHOWROOMS, CarModel, find_showroom

_WORD_RE = re.compile(r"\S+\s*")
_THREAD_LIMIT = 6  # user messages a booking may gather its slots from

_SHOWROOM_CHOICES = "Manhattan, Miami, Chicago, Los Angeles or Denver"
_CAR_CHOICES = ", ".join(car.name.removeprefix("SuperCar ") for car in CARS[:-1])
_CAR_CHOICES += f" or {CARS[-1].name.removeprefix('SuperCar ')}"
_ASK_SHOWROOM = f"Which showroom would you like — {_SHOWROOM_CHOICES}?"
_ASK_CITY = "Which city would you like the weather for?"
_NEEDS = {
    "showroom": f"the showroom ({_SHOWROOM_CHOICES})",
    "date": "the day (for example tomorrow, Friday or December 1)",
    "time": "the time (for example 11am)",
    "car": f"the car model ({_CAR_CHOICES})",
}
_EXAMPLES = (
    'Try "What\'s the weather in Miami?", "Where is the Chicago showroom?" or '
    '"Book a test drive of the GT in Miami tomorrow at 11am".'
)
GREETING = (
    "Hello! I'm Lex, SuperCar's sales assistant. You're talking to the offline demo model, a "
    "simple rule-based stand-in that needs no API key. I can check the weather in a city, give "
    "you a showroom's address and hours, show free test-drive times and book a test drive. "
    + _EXAMPLES
)
HELP = (
    "I'm Lex, running as the offline demo model (rule-based, so keep it simple). I can help "
    "with four things: the weather in a city, a showroom's address and hours, free test-drive "
    "times, and booking a test drive. I can also tell you about our cars and showrooms. "
    + _EXAMPLES
)

_GREETING_RE = re.compile(
    r"^\W*(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening))\b", re.I
)
_THANKS_RE = re.compile(r"\b(thanks|thank you|thx|cheers|bye|goodbye)\b", re.I)
_CAR_LIST_RE = re.compile(r"\b(cars|models|line-?up|range|inventory)\b", re.I)
_SHOWROOM_LIST_RE = re.compile(r"\b(showrooms|dealerships|locations|stores)\b", re.I)
_INFO_RE = re.compile(
    r"\b(tell me (more )?about|what is|what's the|specs?|price|cost|how fast|how much|"
    r"describe|info|details)\b",
    re.I,
)


@dataclass
class Plan:
    """What to do about the last user message: tool calls and/or questions, or a plain reply."""

    calls: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)


@dataclass
class _Slots:
    showroom: str | None = None
    day: date | None = None
    time: str | None = None
    car: str | None = None


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _content(message: Message) -> str:
    content = message.get("content")
    return content if isinstance(content, str) else ""


def _day_text(day: date) -> str:
    return f"{day:%A}, {day.isoformat()}"


class OfflineModel:
    backend = "offline"
    model_id = "offline-demo"

    def __init__(
        self, now: Callable[[], datetime] | None = None, word_delay: float = 0.015
    ) -> None:
        self._now = now or (lambda: datetime.now(UTC))
        self.word_delay = word_delay
        self._ids = itertools.count(1)

    async def aclose(self) -> None:
        return None

    async def stream(
        self, messages: list[Message], tools: list[dict[str, Any]] | None
    ) -> AsyncGenerator[str | Completion, None]:
        available = {tool["function"]["name"] for tool in tools or []}
        results = _trailing_results(messages)
        plan = self.plan(messages)
        if results is not None:
            text = " ".join([*(_result_sentence(*result) for result in results), *plan.questions])
        else:
            calls = [(name, args) for name, args in plan.calls if name in available]
            if calls:
                yield Completion(
                    tool_calls=[
                        ToolCall(f"call_offline_{next(self._ids)}", name, json.dumps(args))
                        for name, args in calls
                    ],
                    finish_reason="tool_calls",
                )
                return
            if plan.calls:
                text = "I can't look that up right now; please ask me again in a moment."
            else:
                text = " ".join(plan.questions) or reply_in_words(_last_user_text(messages))
        for word in _WORD_RE.findall(text):
            yield word
            await asyncio.sleep(self.word_delay)
        yield Completion(finish_reason="stop")

    # --- planning -------------------------------------------------------------------------------

    def plan(self, messages: list[Message]) -> Plan:
        """Tool calls and questions for the last user message, in the light of recent ones."""
        texts = _user_texts(messages)
        plan = Plan()
        if not texts:
            return plan
        current = texts[-1]
        intents = detect_intents(current)
        if WEATHER in intents:
            cities = find_cities(_scope(current, WEATHER, intents))[:3] or find_cities(current)[:1]
            for city in cities:
                plan.calls.append(("get_weather", {"city": city}))
            if not cities:
                plan.questions.append(_ASK_CITY)
        if ADDRESS in intents:
            ids = find_showrooms(_scope(current, ADDRESS, intents)) or find_showrooms(current)[:1]
            for showroom_id in ids:
                plan.calls.append(("get_dealership_address", {"dealership_id": showroom_id}))
            if not ids and not _SHOWROOM_LIST_RE.search(current):
                plan.questions.append(_ASK_SHOWROOM)
        task, thread = _task_thread(texts)
        if task is not None:
            self._plan_task(plan, task, thread)
        return plan

    def _today(self, showroom_id: str | None) -> date:
        now = self._now()
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        showroom = find_showroom(showroom_id) if showroom_id else None
        return now.astimezone(ZoneInfo(showroom.timezone) if showroom else UTC).date()

    def _slots(self, thread: list[str]) -> _Slots:
        """The latest value of each slot across the thread (oldest message first)."""
        slots = _Slots()
        for text in thread:
            slots.showroom = next(iter(find_showrooms(text)), slots.showroom)
            slots.time = find_time(text) or slots.time
            cars = find_cars(text)
            slots.car = cars[0].name if cars else slots.car
        today = self._today(slots.showroom)
        for text in thread:
            slots.day = find_date(text, today) or slots.day
        return slots

    def _plan_task(self, plan: Plan, task: str, thread: list[str]) -> None:
        slots = self._slots(thread)
        if task == BOOKING and slots.showroom and slots.day and slots.time and slots.car:
            plan.calls.append(
                (
                    "schedule_appointment",
                    {
                        "dealership_id": slots.showroom,
                        "date": slots.day.isoformat(),
                        "time": slots.time,
                        "car_model": slots.car,
                    },
                )
            )
            return
        if slots.showroom and slots.day and (task == AVAILABILITY or not slots.time):
            plan.calls.append(
                (
                    "check_appointment_availability",
                    {"dealership_id": slots.showroom, "date": slots.day.isoformat()},
                )
            )
            if task == BOOKING and not slots.car:
                plan.questions.append(f"And which model would you like to drive — {_CAR_CHOICES}?")
            return
        wanted = ["showroom", "date"] + (["time", "car"] if task == BOOKING else [])
        have = {"showroom": slots.showroom, "date": slots.day, "time": slots.time, "car": slots.car}
        missing = [_NEEDS[name] for name in wanted if not have[name]]
        known = _known(slots)
        lead = "Happy to set up a test drive!" if task == BOOKING else "Let's find a free time."
        if known:
            lead += f" So far I have: {known}."
        plan.questions.append(f"{lead} Please tell me {_join(missing)}.")


def _known(slots: _Slots) -> str:
    parts = []
    if slots.showroom:
        showroom = find_showroom(slots.showroom)
        parts.append(showroom.name if showroom else slots.showroom)
    if slots.day:
        parts.append(_day_text(slots.day))
    if slots.time:
        parts.append(f"at {slots.time}")
    if slots.car:
        parts.append(f"the {slots.car}")
    return ", ".join(parts)


def _scope(text: str, intent: str, intents: list[str]) -> str:
    """The clauses of the text that carry this intent (all of it when it is the only one)."""
    if len(intents) == 1:
        return text
    scope, owner = [], None
    for clause in re.split(r"\band\b|\balso\b|[,;?!]|\.\s", text):
        found = detect_intents(clause)
        owner = found[0] if found else owner  # "weather in Paris and London": London inherits
        if owner == intent:
            scope.append(clause)
    return " ".join(scope)


def _user_texts(messages: list[Message]) -> list[str]:
    """User messages up to the last one, starting after the last completed booking."""
    last_user = max((i for i, m in enumerate(messages) if m.get("role") == "user"), default=-1)
    names: dict[str, str] = {}
    texts: list[str] = []
    for message in messages[: last_user + 1]:
        role = message.get("role")
        if role == "assistant":
            for call in message.get("tool_calls") or []:
                names[call.get("id", "")] = call.get("function", {}).get("name", "")
        elif role == "tool":
            if names.get(message.get("tool_call_id", "")) != "schedule_appointment":
                continue
            data = _load(_content(message))
            if data and "confirmation_id" in data and "error" not in data:
                texts.clear()
        elif role == "user":
            texts.append(_content(message))
    return texts


def _task_thread(texts: list[str]) -> tuple[str | None, list[str]]:
    """The test-drive task the last message belongs to, and the messages that describe it."""
    current = texts[-1]
    intents = detect_intents(current)
    tasks = [intent for intent in intents if intent in TASKS]
    if intents and not tasks:
        return None, []
    task = tasks[-1] if tasks else None
    thread = [current]
    for text in reversed(texts[-_THREAD_LIMIT:-1]):
        earlier = detect_intents(text)
        earlier_tasks = [intent for intent in earlier if intent in TASKS]
        if earlier and not earlier_tasks:
            break
        thread.insert(0, text)
        if task is None and earlier_tasks:
            task = earlier_tasks[-1]
    if not tasks:
        # A follow-up continues the task only if it adds something ("Miami", "at 11").
        adds = bool(
            find_showrooms(current) or find_time(current) or find_date(current, date(2000, 1, 1))
        )
        if task is None or not (adds or (task == BOOKING and find_cars(current))):
            return None, []
        if task == AVAILABILITY and find_time(current):
            task = BOOKING  # picking one of the offered times
    return task, thread


def _last_user_text(messages: list[Message]) -> str:
    for message in reversed(messages):
        if message.get("role") == "user":
            return _content(message)
    return ""


# --- answers in words ---------------------------------------------------------------------------


def reply_in_words(text: str) -> str:
    """An answer without tools: greeting, thanks, car or showroom facts, or the help text."""
    cars = find_cars(text)
    if cars and (_INFO_RE.search(text) or len(text.split()) <= 4):
        return " ".join(_car_fact(car) for car in cars) + " Would you like to book a test drive?"
    if _CAR_LIST_RE.search(text):
        names = _join([car.name for car in CARS])
        return f"Our line-up: {names}. Ask me about any of them, or book a test drive."
    if _SHOWROOM_LIST_RE.search(text):
        rooms = _join([f"{s.name} ({s.city}, {s.region})" for s in SHOWROOMS])
        return f"We have five showrooms: {rooms}. Which one would you like to visit?"
    if _GREETING_RE.search(text):
        return GREETING
    if _THANKS_RE.search(text):
        return (
            "You're welcome! Anything else I can do — the weather, a showroom address, free "
            "test-drive times or a booking?"
        )
    return HELP


def _car_fact(car: CarModel) -> str:
    return (
        f"The {car.name} is a {car.body} ({car.powertrain}): 0-60 mph in "
        f"{car.zero_to_sixty_s} s, from ${car.starting_price_usd:,}."
    )


# --- answers from tool results ------------------------------------------------------------------


def _load(content: str) -> dict[str, Any] | None:
    try:
        data = json.loads(content)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _trailing_results(
    messages: list[Message],
) -> list[tuple[str, dict[str, Any], dict[str, Any] | None]] | None:
    """(tool name, arguments, data) for the tool messages ending the list, else None."""
    if not messages or messages[-1].get("role") != "tool":
        return None
    index = len(messages)
    while index > 0 and messages[index - 1].get("role") == "tool":
        index -= 1
    calls: dict[str, tuple[str, dict[str, Any]]] = {}
    if index > 0:
        for call in messages[index - 1].get("tool_calls") or []:
            function = call.get("function", {})
            calls[call.get("id", "")] = (
                function.get("name", ""),
                _load(function.get("arguments") or "{}") or {},
            )
    results = []
    for message in messages[index:]:
        name, args = calls.get(message.get("tool_call_id", ""), ("", {}))
        results.append((name, args, _load(_content(message))))
    return results


def _plain(error: str) -> str:
    if error.startswith(("Invalid arguments", "Arguments")):
        return "something went wrong with my request. Please try rephrasing."
    error = error.replace("dealership_id", "showroom").strip()
    return error if error.endswith((".", "!", "?")) else error + "."


def _result_sentence(name: str, args: dict[str, Any], data: dict[str, Any] | None) -> str:
    if data is None:
        return "I got an answer I couldn't read; please try again."
    error = data.get("error")
    if name == "get_weather":
        if error:
            if "timed out" in str(error) or "failed" in str(error):
                return "Sorry, the weather service isn't answering right now."
            place = args.get("city") or "that place"
            return f"Sorry, I couldn't get the weather for {place}. {_ASK_CITY}"
        condition = data.get("condition", "")
        phrase = "with thunderstorms" if condition == "thunderstorm" else f"and {condition}"
        text = f"It's {data.get('temperature_c')}°C {phrase} in {data.get('city')} today."
        if condition in ("sunny", "clear"):
            text += " Perfect weather for a test drive!"
        return text
    if name == "get_dealership_address":
        if error:
            return f"Sorry, I couldn't find that showroom. {_ASK_SHOWROOM}"
        address = data.get("address", {})
        return (
            f"{data.get('name')} is at {address.get('street')}, {address.get('city')}, "
            f"{address.get('region')} {address.get('postal_code')}. Phone: {data.get('phone')}; "
            f"hours: {data.get('hours_summary')}."
        )
    if name == "check_appointment_availability":
        if error:
            return f"Sorry, I couldn't check availability: {_plain(str(error))}"
        times = data.get("availableTimes") or []
        where = data.get("dealership_name") or data.get("dealership_id")
        day = date.fromisoformat(str(data.get("date")))
        if not times:
            reason = data.get("reason") or f"{where} has no free times on {day.isoformat()}."
            return f"{reason} Would another day work?"
        return (
            f"{where} has these test-drive times on {_day_text(day)}: {_join(times)}. "
            "Which one suits you?"
        )
    if name == "schedule_appointment":
        if error:
            return f"Sorry, I couldn't book that: {_plain(str(error))}"
        day = date.fromisoformat(str(data.get("date")))
        return (
            f"You're booked! A test drive of the {data.get('car_model')} at "
            f"{data.get('dealership_name')} on {_day_text(day)} at {data.get('time')} "
            f"(local time). Your confirmation is {data.get('confirmation_id')}."
        )
    if error:
        return f"Sorry, that didn't work: {_plain(str(error))}"
    return "Here is what I found."
