"""The small interface between the turn loop and a chat model.

`ChatModel.stream` is an async generator that yields each text delta as a plain `str` (the hot
path: no object per delta) and ends with exactly one `Completion` carrying the finished tool calls
and the finish reason. Reasoning text never crosses this interface. Provider failures surface as
`ModelError` with a code from `supercar.events.ERROR_CODES`, so the turn loop never imports a
provider SDK.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any, Protocol

from supercar.store.base import Message


@dataclass(frozen=True, slots=True)
class ToolCall:
    id: str
    name: str
    arguments: str  # raw JSON text, exactly as the model produced it

    def as_message_part(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": "function",
            "function": {"name": self.name, "arguments": self.arguments},
        }


@dataclass(frozen=True, slots=True)
class Completion:
    tool_calls: list[ToolCall] = field(default_factory=list)
    finish_reason: str = "stop"


class ModelError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ChatModel(Protocol):
    backend: str  # "groq" or "offline"
    model_id: str

    def stream(
        self, messages: list[Message], tools: list[dict[str, Any]] | None
    ) -> AsyncGenerator[str | Completion, None]: ...

    async def aclose(self) -> None: ...
