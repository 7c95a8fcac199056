"""The conversation so far, rebuilt from the history on every call.

Decisions:
- Memory is the conversation itself. Each user message is replayed through the same planner
  and each tool result through the same report, so the state is exactly what the earlier
  replies were based on (deterministic, no hidden store). Lex's own words are never read back:
  what it knows comes from the customer's messages and the tools' results.
"""

from __future__ import annotations

import json
from typing import Any

from supercar.llm.base import Message
from supercar.llm.offline.clock import Clock
from supercar.llm.offline.planner import plan
from supercar.llm.offline.reading import read
from supercar.llm.offline.report import report
from supercar.llm.offline.state import Plan, Result, State


def _load(content: Any) -> dict[str, Any] | None:
    if not isinstance(content, str):
        return None
    try:
        data = json.loads(content)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def replay(messages: list[Message], clock: Clock) -> tuple[State, Plan, list[Result] | None]:
    """The state before the last user message, its plan, and the results that follow it (None
    when the history ends with the user's message)."""
    state, current, results = State(), Plan(), None
    calls: dict[str, tuple[str, dict[str, Any]]] = {}
    pending: list[Result] = []
    before = state
    for message in messages:
        role = message.get("role")
        if role == "user":
            if pending:
                _, state = report(state, current, pending, clock)
                pending = []
            before = state
            content = message.get("content")
            current, state = plan(state, read(content if isinstance(content, str) else ""), clock)
        elif role == "assistant":
            for call in message.get("tool_calls") or []:
                function = call.get("function", {})
                args = _load(function.get("arguments") or "{}") or {}
                calls[call.get("id", "")] = (function.get("name", ""), args)
        elif role == "tool":
            name, args = calls.get(message.get("tool_call_id", ""), ("", {}))
            pending.append((name, args, _load(message.get("content"))))
    if messages and messages[-1].get("role") == "tool":
        results = pending
    return before if results is None else state, current, results
