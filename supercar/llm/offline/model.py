"""`OfflineModel`: the `ChatModel` interface over the rule-based dialogue, streaming word by word.

Messages ending with a user message are *planned*: complete requests become tool calls (several
intents in one message become parallel calls), anything else a reply in words. Messages ending
with tool results are *answered*: one sentence per result plus any question still open. Text
streams word by word (each word with its trailing whitespace) with a small delay so a browser
shows it arriving; `word_delay=0` for tests.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import AsyncGenerator, Callable
from datetime import UTC, datetime
from typing import Any

from supercar.llm.base import Completion, Message, ToolCall
from supercar.llm.offline.clock import Clock
from supercar.llm.offline.phrasebook import say
from supercar.llm.offline.replay import replay
from supercar.llm.offline.report import report

_WORD_RE = re.compile(r"\S+\s*")


class OfflineModel:
    backend = "offline"
    model_id = "offline-demo"

    def __init__(
        self, now: Callable[[], datetime] | None = None, word_delay: float = 0.015
    ) -> None:
        self.clock = Clock(now or (lambda: datetime.now(UTC)))
        self.word_delay = word_delay
        self._ids = itertools.count(1)

    async def aclose(self) -> None:
        return None

    async def stream(
        self, messages: list[Message], tools: list[dict[str, Any]] | None
    ) -> AsyncGenerator[str | Completion, None]:
        available = {tool["function"]["name"] for tool in tools or []}
        state, plan, results = replay(messages, self.clock)
        if results is not None:
            text, _ = report(state, plan, results, self.clock)
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
                text = say("cant_look_up", state.lang)
            else:
                text = plan.words()
        for word in _WORD_RE.findall(text.strip()):
            yield word
            await asyncio.sleep(self.word_delay)
        yield Completion(finish_reason="stop")
