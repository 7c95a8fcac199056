"""A strict reader of the SSE bytes the service sends, for assertions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Event:
    name: str
    data: str

    def json(self) -> Any:
        return json.loads(self.data)


def parse(raw: bytes) -> list[Event]:
    """Parse a whole body; comments (pings) are skipped; multi-line data is joined with LF."""
    text = raw.decode("utf-8")
    events = []
    for block in text.split("\n\n"):
        if not block.strip():
            continue
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith(":"):
                continue
            field, _, value = line.partition(": ")
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
        if data:
            events.append(Event(name, "\n".join(data)))
    return events


def text_of(events: list[Event]) -> str:
    return "".join(e.data for e in events if e.name == "chunk")


def names(events: list[Event]) -> list[str]:
    """Event names with consecutive chunks folded into one, for sequence assertions."""
    out: list[str] = []
    for e in events:
        if e.name == "chunk" and out and out[-1] == "chunk":
            continue
        out.append(e.name)
    return out
