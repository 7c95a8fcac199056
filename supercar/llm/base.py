"""The small interface between the turn loop and a chat model, and the messages they exchange.

`ChatModel.stream` is an async generator that yields each text delta as a plain `str` (the hot
path: no object per delta) and ends with exactly one `Completion` carrying the finished tool calls
and the finish reason. Reasoning text never crosses this interface. Provider failures surface as
`ModelError` with an `ErrorCode`, so the turn loop never imports a provider SDK. A malformed tool
call the provider refused is `ToolUseFailed`: the one failure worth asking again.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, Protocol, TypedDict

from supercar.events import ErrorCode


class FunctionCall(TypedDict):
    name: str
    arguments: str  # raw JSON text, exactly as the model produced it


class ToolCallPart(TypedDict):
    id: str
    type: Literal["function"]
    function: FunctionCall


class Message(TypedDict):
    """One chat message in the OpenAI/Groq shape, as sent to the model and stored in history."""

    role: Literal["system", "user", "assistant", "tool"]
    content: str | None
    tool_calls: NotRequired[list[ToolCallPart]]  # assistant messages that call tools
    tool_call_id: NotRequired[str]  # tool messages: the call they answer


@dataclass(frozen=True, slots=True)
class ToolCall:
    id: str
    name: str
    arguments: str  # raw JSON text, exactly as the model produced it

    def as_message_part(self) -> ToolCallPart:
        return {
            "id": self.id,
            "type": "function",
            "function": {"name": self.name, "arguments": self.arguments},
        }


@dataclass(frozen=True, slots=True)
class Usage:
    """Tokens one model call consumed, as the provider reports them (Groq: `x_groq.usage`)."""

    input_tokens: int = 0
    output_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.input_tokens + other.input_tokens, self.output_tokens + other.output_tokens
        )


@dataclass(frozen=True, slots=True)
class Completion:
    tool_calls: list[ToolCall] = field(default_factory=list)
    finish_reason: str = "stop"
    usage: Usage | None = None  # None when the provider reports none (the offline model)


class ModelError(Exception):
    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ToolUseFailed(ModelError):
    """The provider refused a malformed tool call the model produced (Groq's 400
    `tool_use_failed`). Asking again may succeed; if it never does, it is an upstream error."""

    def __init__(self, message: str = "the provider rejected a malformed tool call") -> None:
        super().__init__(ErrorCode.UPSTREAM_ERROR, message)


class ChatModel(Protocol):
    @property
    def backend(self) -> str: ...  # "groq" or "offline"

    @property
    def model_id(self) -> str: ...

    def stream(
        self, messages: list[Message], tools: list[dict[str, Any]] | None
    ) -> AsyncGenerator[str | Completion, None]: ...

    async def aclose(self) -> None: ...
