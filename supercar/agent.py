"""One turn of the conversation: history + model + tools -> events, bounded in rounds.

The loop: stream the model's answer (text goes out as it arrives); if it asked for tools, announce
each call, run them concurrently, emit their outputs in call order, append the assistant
`tool_calls` message and one `tool` message per call, and ask again. After `max_rounds` tool rounds
the model is asked once more with tools disabled, so it must answer in words.

The messages the turn adds are collected in `Turn.messages` and are *not* stored here: the caller
commits them only if the whole turn succeeded, so a failed turn leaves the history as it was.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import aclosing

import orjson

from supercar.events import Chunk, ErrorCode, Event, ToolOutput, ToolUse
from supercar.llm.base import (
    ChatModel,
    Completion,
    Message,
    ModelError,
    ToolCall,
    ToolUseFailed,
    Usage,
)
from supercar.tools.base import ToolContext, ToolRegistry, ToolResult

log = logging.getLogger(__name__)

# What the model reads of one tool result is capped: a runaway result must not blow the context.
MAX_TOOL_RESULT_CHARS = 8000
# Groq's 400 `tool_use_failed` (a malformed call the model produced) is worth a retry or two,
# then the model is asked once without tools so the customer still gets a reply. If that fails
# too (gpt-oss can call a tool even with tools off), the turn fails: never an unbounded loop.
TOOL_USE_FAILED_RETRIES = 2

EMPTY_ANSWER = "I'm sorry, I don't have an answer to that. Could you rephrase your question?"
AFTER_TOOLS_ANSWER = "Here is what I found."
SHORT_ANSWER_TAIL = "How else can I help?"
LENGTH_NOTE = " (My answer was cut short; ask me to continue.)"


def tool_message(call: ToolCall, result: ToolResult) -> Message:
    content = orjson.dumps(result.data).decode()
    if len(content) > MAX_TOOL_RESULT_CHARS:
        content = content[:MAX_TOOL_RESULT_CHARS] + " ...[truncated]"
    return {"role": "tool", "tool_call_id": call.id, "content": content}


class Turn:
    def __init__(
        self,
        model: ChatModel,
        tools: ToolRegistry,
        system_prompt: str,
        history: list[Message],
        query: str,
        ctx: ToolContext,
        max_rounds: int,
    ) -> None:
        self.model = model
        self.tools = tools
        self.ctx = ctx
        self.max_rounds = max_rounds
        self._context: list[Message] = [{"role": "system", "content": system_prompt}, *history]
        self.messages: list[Message] = [{"role": "user", "content": query}]
        # What the turn did, for its log line and metrics:
        self.spoken = 0  # characters of text streamed so far
        self.first_text_at: float | None = None  # perf_counter() when the first text went out
        self.usage = Usage()  # tokens over all model calls, as the provider reported them
        self.tool_outcomes: list[tuple[str, str]] = []  # (tool, "ok" | "error") per call

    async def run(self) -> AsyncIterator[Event]:
        failed_tool_calls = 0
        rounds = 0  # tool rounds allowed so far; set to the limit to force an answer in words
        ran_tools = False
        while True:
            tools = self.tools.schemas if rounds < self.max_rounds else None
            parts: list[str] = []
            completion = Completion()
            try:
                async with aclosing(
                    self.model.stream(self._context + self.messages, tools)
                ) as stream:
                    async for item in stream:
                        if type(item) is str:
                            if not self.spoken:
                                self.first_text_at = time.perf_counter()
                            parts.append(item)
                            self.spoken += len(item)
                            yield Chunk(item)
                        else:
                            completion = item  # type: ignore[assignment]
                            if completion.usage is not None:
                                self.usage += completion.usage
            except ToolUseFailed as exc:
                failed_tool_calls += 1
                if parts or tools is None:  # text on screen would repeat; tools are already off
                    raise ModelError(
                        ErrorCode.UPSTREAM_ERROR,
                        f"{exc.message} ({failed_tool_calls} malformed tool calls this turn)",
                    ) from exc
                if failed_tool_calls > TOOL_USE_FAILED_RETRIES:
                    log.warning(
                        "model produced %d malformed tool calls; asking once without tools",
                        failed_tool_calls,
                    )
                    rounds = self.max_rounds
                continue
            text = "".join(parts)

            if completion.tool_calls and tools is not None:
                rounds += 1
                ran_tools = True
                async for event in self._run_tools(text, completion.tool_calls):
                    yield event
                continue

            if completion.finish_reason == "length":
                yield Chunk(LENGTH_NOTE)
                text += LENGTH_NOTE
                self.spoken += len(LENGTH_NOTE)
            if self.spoken <= 3:
                # The frontend shows no bubble for 3 characters or fewer, and drops tool cards
                # of a turn with no text: always say something.
                if text:  # a word or two ("OK"): add to it rather than apologise
                    filler = " " + SHORT_ANSWER_TAIL
                else:
                    filler = AFTER_TOOLS_ANSWER if ran_tools else EMPTY_ANSWER
                self.first_text_at = self.first_text_at or time.perf_counter()
                yield Chunk(filler)
                text += filler
                self.spoken += len(filler)
            self.messages.append({"role": "assistant", "content": text})
            return

    async def _run_tools(self, text: str, calls: list[ToolCall]) -> AsyncIterator[Event]:
        self.messages.append(
            {
                "role": "assistant",
                "content": text or None,
                "tool_calls": [call.as_message_part() for call in calls],
            }
        )
        for call in calls:
            yield ToolUse(name=call.name, call_id=call.id)
        tasks = [
            asyncio.create_task(self.tools.run(call.name, call.arguments, self.ctx))
            for call in calls
        ]
        try:
            for call, task in zip(calls, tasks, strict=True):
                result = await task
                self.tool_outcomes.append((call.name, "error" if result.is_error else "ok"))
                yield ToolOutput(
                    name=call.name,
                    call_id=call.id,
                    output=result.output,
                    data=result.data,
                    is_error=result.is_error,
                )
                self.messages.append(tool_message(call, result))
        finally:
            for task in tasks:
                task.cancel()
