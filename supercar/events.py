"""The events of one turn and their SSE encoding: the wire contract with the frontend lives here.

Rules from docs/contract.md, all enforced by `encode`:
- LF line endings only (the SuperCar page splits on `\\n` and keeps any `\\r`);
- every event carries a `data:` line, `end` included (an event without one is never dispatched);
- JSON payloads are one line;
- text is sent verbatim: a newline inside text becomes a second `data:` line, as the SSE standard
  says, which standard clients join back with `\\n`.

Events are encoded to bytes here, once, so sse-starlette passes them through untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import orjson


class ErrorCode(StrEnum):
    """Why a turn failed after its stream started: the `code` of an `error` event.

    The model layer raises `ModelError` with one of these; the conversation turns it into an
    apology `chunk`, an `error` event and `end`. Refusals decided before the stream (a 4xx or 503
    with a JSON body) have their own codes in `supercar.api.errors`."""

    RATE_LIMITED = "rate_limited"
    UPSTREAM_AUTH = "upstream_auth"
    MODEL_UNAVAILABLE = "model_unavailable"
    UPSTREAM_UNAVAILABLE = "upstream_unavailable"
    UPSTREAM_ERROR = "upstream_error"
    TIMEOUT = "timeout"
    SESSION_CONFLICT = "session_conflict"
    # The session store (DynamoDB) failed or did not answer in time when the turn was saved.
    STORE_UNAVAILABLE = "store_unavailable"
    INTERNAL_ERROR = "internal_error"
    # Decided before any turn: the query is over MAX_QUERY_CHARS (a customer can paste that
    # much, and the SuperCar page shows a 4xx only as "Unable to connect").
    QUERY_TOO_LONG = "query_too_long"


# What Lex says in the chat before the `error` event, per code.
APOLOGIES: dict[ErrorCode, str] = {
    ErrorCode.RATE_LIMITED: (
        "I'm getting a lot of questions right now. Please try again in a moment."
    ),
    ErrorCode.UPSTREAM_AUTH: (
        "I can't reach my language service right now. Our team has been notified."
    ),
    ErrorCode.MODEL_UNAVAILABLE: (
        "My language service is unavailable right now. Please try again later."
    ),
    ErrorCode.UPSTREAM_UNAVAILABLE: "I lost my connection for a moment. Please ask me again.",
    ErrorCode.UPSTREAM_ERROR: "Something went wrong while I was answering. Please ask me again.",
    ErrorCode.TIMEOUT: "That took me too long to answer. Please ask me again.",
    ErrorCode.SESSION_CONFLICT: "This conversation was updated elsewhere. Please ask me again.",
    ErrorCode.STORE_UNAVAILABLE: (
        "I'm having trouble with my memory right now, so I may not remember this answer. "
        "Please try again in a moment."
    ),
    ErrorCode.INTERNAL_ERROR: "Something went wrong on my side. Please ask me again.",
    ErrorCode.QUERY_TOO_LONG: (
        "That message is longer than I can read in one go. Could you shorten it and ask again?"
    ),
}


@dataclass(frozen=True, slots=True)
class Chunk:
    text: str


@dataclass(frozen=True, slots=True)
class ToolUse:
    name: str
    call_id: str


@dataclass(frozen=True, slots=True)
class ToolOutput:
    name: str
    call_id: str
    output: str | dict[str, Any]
    data: dict[str, Any]
    is_error: bool = False


@dataclass(frozen=True, slots=True)
class Error:
    code: ErrorCode
    message: str


@dataclass(frozen=True, slots=True)
class End:
    pass


Event = Chunk | ToolUse | ToolOutput | Error | End

_NEWLINES = re.compile(r"\r\n|\r|\n")


def _frame(event: str, data: str) -> bytes:
    if "\n" in data or "\r" in data:
        lines = "".join(f"data: {line}\n" for line in _NEWLINES.split(data))
        return f"event: {event}\n{lines}\n".encode()
    return f"event: {event}\ndata: {data}\n\n".encode()


def _json(value: dict[str, Any]) -> str:
    # orjson writes compact, one-line UTF-8 JSON (no escapes for non-ASCII text).
    return orjson.dumps(value).decode()


END_BYTES = b"event: end\ndata: \n\n"


def encode(event: Event) -> bytes:
    if isinstance(event, Chunk):
        return _frame("chunk", event.text)
    if isinstance(event, ToolUse):
        return _frame("tool_use", event.name)
    if isinstance(event, ToolOutput):
        payload = {
            "name": event.name,
            "output": event.output,
            "data": event.data,
            "tool_call_id": event.call_id,
            "is_error": event.is_error,
        }
        return _frame("tool_output", _json(payload))
    if isinstance(event, Error):
        return _frame("error", _json({"code": event.code, "message": event.message}))
    return END_BYTES
