"""What Lex knows about the conversation so far (`State`), and what it means to do about one
message (`Plan`). Plain data: `dialogue` fills them in, `facts` and `answers` read them.
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
    period: tuple[int, int] | None = None
    car: str | None = None
    offered: list[str] = field(default_factory=list)
    pending: str | None = None  # "book" (a slot offered), "showroom" (one suggested), "drive"
    suggested: str | None = None
    last_showroom: str | None = None
    last_city: str | None = None
    talked_about: str | None = None  # the showroom of this thread's address or hours questions
    topic: str | None = None  # what the last message was about (a follow-up may continue it)
    hours_day: date | None = None
    bookings: list[dict[str, Any]] = field(default_factory=list)

    def end_thread(self) -> None:
        self.task, self.showroom, self.day, self.time = None, None, None, None
        self.talked_about = None
        self.period, self.car = None, None
        self.offered, self.pending, self.suggested = [], None, None


@dataclass
class Plan:
    """What to do about one user message: tool calls, or a reply in words, and what to add."""

    calls: list[Call] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # said before the tools' results
    after: list[str] = field(default_factory=list)  # asked after them
    reply: list[str] = field(default_factory=list)  # the whole answer when there are no calls
    asked_time: str | None = None  # "is 3pm free?": the answer says yes or no
    weather_day: date | None = None


def last_booked_day(s: State) -> date | None:
    if not s.bookings:
        return None
    try:
        return date.fromisoformat(str(s.bookings[-1].get("date")))
    except ValueError:
        return None
