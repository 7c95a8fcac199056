"""What Lex knows about the conversation so far (`State`), and what it means to do about one
message (`Plan`, one `Step` per request). Plain data: the planner fills them in, the report
reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from supercar.llm.offline.language import EN

Call = tuple[str, dict[str, str]]
Result = tuple[str, dict[str, Any], dict[str, Any] | None]


@dataclass
class State:
    lang: str = EN
    task: str | None = None
    showroom: str | None = None
    day: date | None = None
    time: str | None = None
    last_time: str | None = None  # the last time of day talked about ("an hour later" of it)
    period: tuple[int, int] | None = None
    car: str | None = None
    offered: list[str] = field(default_factory=list)
    pending: str | None = None  # "book" (a slot offered), "showroom" (one suggested), "drive"
    suggested: str | None = None
    last_showroom: str | None = None
    focus: str | None = None  # the place the conversation is about: the last city named or used
    compared: list[str] = field(default_factory=list)  # the last cities named together ("both")
    # the showrooms and cars talked about, latest last, each once ("which of those two …?",
    # "the other showroom", "¿cuál de los dos es más barato?")
    showrooms_seen: list[str] = field(default_factory=list)
    cars_seen: list[str] = field(default_factory=list)
    talked_about: str | None = None  # the showroom of this thread's address or hours questions
    topic: str | None = None  # what the last message was about (a follow-up may continue it)
    hours_day: date | None = None
    bookings: list[dict[str, Any]] = field(default_factory=list)
    deferred: bool = False  # the customer put the decision off: no push to book until asked
    last_weather: tuple[str, str] | None = None  # (city, date or "" for today) last asked
    proposal: Call | None = None  # a change the tool proposed last turn, waiting for a yes
    # a change asked for but not yet proposed: ("cancel" or "move", the code, or "" until the
    # customer says which booking), waiting for which booking or the new day and time
    changing: tuple[str, str] | None = None

    def end_thread(self) -> None:
        self.task, self.showroom, self.day, self.time = None, None, None, None
        self.talked_about = None
        self.period, self.car = None, None
        self.offered, self.pending, self.suggested = [], None, None


@dataclass
class Step:
    """What to do about one request of a message: tool calls, or words, and what to add."""

    calls: list[Call] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # said before this request's results
    reply: list[str] = field(default_factory=list)  # words instead of results (or a question)
    after: list[str] = field(default_factory=list)  # asked after all results
    asked_time: str | None = None  # "is 3pm free?": the answer says yes or no
    compare: bool = False  # "is it warmer in Miami or Chicago?": compare the weather results
    wear: bool = False  # "do I need a jacket?": say what to wear
    task: bool = False  # the test-drive request (one per message)


@dataclass
class Plan:
    """What to do about one message: its steps, in the order the customer asked."""

    steps: list[Step] = field(default_factory=list)

    @property
    def calls(self) -> list[Call]:
        return [call for step in self.steps for call in step.calls]

    def words(self) -> str:
        """The whole answer when no tool is called."""
        said = [text for step in self.steps for text in (*step.before, *step.reply)]
        return " ".join(said + [text for step in self.steps for text in step.after])


def car_talked_about(s: State) -> str | None:
    """The car of the thread, else of the last booking ("how much is it?" after booking it)."""
    return s.car or (str(s.bookings[-1].get("car_model")) if s.bookings else None)


def last_weather_day(s: State) -> date | None:
    """The day of the last weather question, unless it was today."""
    if not s.last_weather or not s.last_weather[1]:
        return None
    return date.fromisoformat(s.last_weather[1])


def last_booked_day(s: State) -> date | None:
    if not s.bookings:
        return None
    try:
        return date.fromisoformat(str(s.bookings[-1].get("date")))
    except ValueError:
        return None
