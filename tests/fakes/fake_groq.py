"""A scripted fake of Groq's chat-completions endpoint, served over real HTTP on loopback.

Why a real server rather than mocking httpx: the point is to exercise the *real* ``groq`` SDK
end to end (request building, retries, SSE decoding, chunk models, error mapping), so the only
thing faked is the remote side.

    with FakeGroq() as fake:                       # or FakeGroq(responder, api_key=None)
        fake.push(Script([text("Hi"), tool_call("get_weather", {"city": "Paris"})]))
        client = AsyncGroq(api_key="test-key", base_url=fake.base_url)
        ...                                        # then inspect fake.requests, fake.disconnects

Decisions worth knowing:

* Transport: ``tests.helpers.LiveServer`` (uvicorn in a background thread with its own event
  loop, the socket bound up front so ``base_url`` is known at once), plain Starlette +
  ``StreamingResponse``. Not sse-starlette: its process-global exit flag would leak into the app
  under test.
* Wire format copies recordings of real Groq streams (gpt-oss-120b, in pydantic-ai's test
  cassettes): ``data: {chunk}\\n\\n`` events under ``Content-Type: text/event-stream`` (no
  charset); a first ``role`` delta whose ``x_groq`` holds the request ``id`` and the ``seed``;
  reasoning as ``delta.reasoning`` with ``"channel": "analysis"``, before any content or tool
  call (a script that puts it later is refused); a tool call whole in one delta, its id
  ``fc_<uuid>``; a last chunk with an empty delta, ``finish_reason``, and the usage (with its
  timing fields) both in ``x_groq.usage`` and as top-level ``usage``; then ``data: [DONE]``.
* An in-stream error is Groq's ``event: error`` with ``{"error": {message, type, code,
  failed_generation, status_code}}``, after whatever was streamed before it, and no
  ``[DONE]``: groq's ``_streaming.py`` raises ``APIError`` for it.
* Models: a catalogue of Groq's (``GROQ_MODELS``) by default; any other id gets Groq's 404
  ``model_not_found``. Reasoning parameters are checked per family as Groq documents them
  (``_reasoning_problem``): ``include_reasoning`` and ``reasoning_format`` are exclusive,
  gpt-oss takes ``include_reasoning`` and ``reasoning_effort`` low/medium/high but not
  ``reasoning_format``, a model that does not reason refuses ``reasoning_format``.
* ``drop()`` raises a private exception after the response has started: uvicorn then closes the
  socket without the terminating chunk, so httpx raises ``RemoteProtocolError``. The matching
  "Exception in ASGI application" log line is filtered out, as it is intentional.
* Client disconnects: uvicorn speaks ASGI 2.3, so Starlette watches for ``http.disconnect`` while
  streaming and cancels the body generator; the generator's ``finally`` counts it.
* Validation is deliberately as strict as Groq (unknown properties, orphan/missing tool replies)
  so tests catch histories the real API would reject; ``validate_messages`` is reusable.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import random
import re
import threading
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.helpers import LiveServer

CHAT_PATH = "/openai/v1/chat/completions"

# --------------------------------------------------------------------------- script API


@dataclass(frozen=True)
class Text:
    """One chunk with ``delta.content``."""

    content: str


@dataclass(frozen=True)
class Reasoning:
    """One chunk with ``delta.reasoning`` and ``channel: analysis``, as gpt-oss streams it."""

    content: str


@dataclass(frozen=True)
class ToolCall:
    """A tool call; its index is its position among the script's tool calls (0, 1, 2...)."""

    name: str
    arguments: str  # JSON text, sent verbatim (so tests can also script malformed arguments)
    id: str | None = None
    fragments: int = 1  # >1: id+name first with arguments "", then this many argument pieces


@dataclass(frozen=True)
class Delay:
    seconds: float


@dataclass(frozen=True)
class ErrorEvent:
    """Groq's ``event: error`` inside the stream: the SDK raises ``groq.APIError``. Ends the
    stream without ``[DONE]``. ``type`` and ``status_code`` default to what Groq sends with
    ``code``: a ``tool_use_failed`` is an ``invalid_request_error`` with status 400."""

    message: str
    type: str | None = None
    code: str | None = None
    failed_generation: str = ""
    status_code: int | None = None

    def body(self) -> dict[str, Any]:
        kind = self.type or (
            "invalid_request_error" if self.code == "tool_use_failed" else "internal_server_error"
        )
        status = self.status_code or {"invalid_request_error": 400, "tokens": 429}.get(kind, 500)
        error = {"message": self.message, "type": kind, "code": self.code}
        return {
            "error": error | {"failed_generation": self.failed_generation, "status_code": status}
        }


@dataclass(frozen=True)
class Drop:
    """Close the connection abruptly (no terminating chunk): httpx.RemoteProtocolError."""


@dataclass(frozen=True)
class Stall:
    """Stop sending and hang until the client disconnects (counted) or the server stops."""


Step = Text | Reasoning | ToolCall | Delay | ErrorEvent | Drop | Stall
# Lowercase aliases so scripts read as a small DSL: Script([text("Hi"), drop()]).
text, reasoning, delay, error_event, drop, stall = Text, Reasoning, Delay, ErrorEvent, Drop, Stall


def words(content: str) -> list[Text]:
    """Split text into token-like chunks: "Hi there" -> ["Hi", " there"]."""
    return [Text(w) for w in re.findall(r"\s*\S+", content)]


def tool_call(
    name: str,
    arguments: dict[str, Any] | str,
    *,
    id: str | None = None,
    fragmented: bool = False,
    fragments: int = 3,
) -> ToolCall:
    """``arguments`` may be a dict (JSON-encoded here) or raw text; ``fragmented`` streams them
    in ``fragments`` pieces after a head chunk carrying the id and name."""
    args = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return ToolCall(name, args, id, max(2, fragments) if fragmented else 1)


@dataclass(frozen=True)
class HttpError:
    status: int
    message: str
    type: str
    code: str | None
    headers: dict[str, str]

    def response(self) -> JSONResponse:
        err: dict[str, Any] = {"message": self.message, "type": self.type}
        if self.code is not None:
            err["code"] = self.code
        return JSONResponse({"error": err}, self.status, headers=self.headers)


@dataclass
class Script:
    """What one request gets back. ``ttft`` is slept before the first chunk, ``token_interval``
    between chunks; ``finish_reason`` defaults to "tool_calls" if a tool call is scripted."""

    steps: Sequence[Step] = field(default_factory=list)
    finish_reason: str | None = None
    ttft: float = 0.0
    token_interval: float = 0.0
    error: HttpError | None = None

    def __post_init__(self) -> None:
        answered = False
        for step in self.steps:
            if isinstance(step, Reasoning) and answered:
                raise ValueError("Groq streams reasoning before any content or tool call")
            answered = answered or isinstance(step, Text | ToolCall)

    @classmethod
    def http_error(
        cls,
        status: int,
        message: str = "scripted error",
        *,
        type: str | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Script:
        """Fail before any streaming with Groq's JSON error body."""
        default_type = "invalid_request_error" if status < 500 else "internal_server_error"
        return cls(error=HttpError(status, message, type or default_type, code, headers or {}))

    def resolved_finish_reason(self) -> str:
        if self.finish_reason:
            return self.finish_reason
        return "tool_calls" if any(isinstance(s, ToolCall) for s in self.steps) else "stop"


Responder = Callable[[dict[str, Any]], Script]


def echo_responder(tokens: int = 20, ttft: float = 0.0, token_interval: float = 0.0) -> Responder:
    """The default: answer any request with ``tokens`` text chunks "Token1 token2 ..."."""

    def respond(_request: dict[str, Any]) -> Script:
        steps = [text(f"Token{i}" if i == 1 else f" token{i}") for i in range(1, tokens + 1)]
        return Script(steps, "stop", ttft, token_interval)

    return respond


# --------------------------------------------------------------------------- validation

ROLE_KEYS = {
    "system": {"role", "content", "name"},
    "developer": {"role", "content", "name"},
    "user": {"role", "content", "name"},
    "assistant": {"role", "content", "name", "reasoning", "tool_calls", "function_call"},
    "tool": {"role", "content", "tool_call_id", "name"},
}
# Top-level properties the SDK's CompletionCreateParams knows; Groq rejects anything else.
REQUEST_KEYS = set(
    """messages model citation_options compound_custom disable_tool_validation
documents exclude_domains frequency_penalty function_call functions include_domains
include_reasoning logit_bias logprobs max_completion_tokens max_tokens metadata n
parallel_tool_calls presence_penalty reasoning_effort reasoning_format response_format
search_settings seed service_tier stop store stream stream_options temperature tool_choice tools
top_logprobs top_p user""".split()
)
TOOL_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
# Chat models Groq serves (console.groq.com/docs/models); FakeGroq(models=None) accepts any id.
GROQ_MODELS = frozenset(
    """openai/gpt-oss-120b openai/gpt-oss-20b openai/gpt-oss-safeguard-20b qwen/qwen3-32b
llama-3.3-70b-versatile llama-3.1-8b-instant meta-llama/llama-4-scout-17b-16e-instruct
meta-llama/llama-4-maverick-17b-128e-instruct moonshotai/kimi-k2-instruct-0905""".split()
)
# What each reasoning family accepts as `reasoning_effort` (Groq's API reference); a family
# absent here does not reason: it refuses `reasoning_format` and `reasoning_effort`.
REASONING_EFFORTS = {
    "openai/gpt-oss": {"low", "medium", "high"},
    "qwen/qwen3": {"none", "default"},
    "deepseek-r1": set(),
    "qwen-qwq": set(),
}


def _content_ok(content: Any) -> bool:
    return isinstance(content, str) or (
        isinstance(content, list)
        and bool(content)
        and all(isinstance(p, dict) and "type" in p for p in content)
    )


def _tool_calls_problem(where: str, calls: Any) -> str | None:
    if not isinstance(calls, list) or not calls:
        return f"{where}.tool_calls: must be a non-empty array"
    ids: set[str] = set()
    for j, c in enumerate(calls):
        at = f"{where}.tool_calls.{j}"
        if not isinstance(c, dict) or set(c) - {"id", "type", "function"}:
            return f"{at}: must be an object with only id, type, function"
        if not isinstance(c.get("id"), str) or not c["id"] or c["id"] in ids:
            return f"{at}.id: must be a non-empty, unique string"
        ids.add(c["id"])
        if c.get("type") != "function":
            return f"{at}.type: must be 'function'"
        fn = c.get("function")
        if not isinstance(fn, dict) or set(fn) - {"name", "arguments"}:
            return f"{at}.function: must be an object with only name, arguments"
        if not isinstance(fn.get("name"), str) or not fn["name"]:
            return f"{at}.function.name: must be a non-empty string"
        if not isinstance(fn.get("arguments"), str):
            return f"{at}.function.arguments: must be a string"
    return None


def validate_messages(messages: Any) -> str | None:
    """Return what Groq would reject in a message history, or None if it is acceptable."""
    if not isinstance(messages, list) or not messages:
        return "messages: must be a non-empty array"
    pending: dict[str, int] = {}  # unanswered tool_call id -> index of its assistant message
    answered: set[str] = set()
    for i, m in enumerate(messages):
        where = f"messages.{i}"
        if not isinstance(m, dict) or m.get("role") not in ROLE_KEYS:
            return f"{where}: must be an object whose role is one of {sorted(ROLE_KEYS)}"
        role = m["role"]
        if extra := sorted(set(m) - ROLE_KEYS[role]):
            return f"{where}: property '{extra[0]}' is unsupported for role '{role}'"
        if role == "tool":
            call_id = m.get("tool_call_id")
            if not isinstance(call_id, str) or not call_id:
                return f"{where}.tool_call_id: must be a non-empty string"
            if call_id not in pending:
                why = "answers it twice" if call_id in answered else "has no matching tool call"
                return f"{where}: tool message '{call_id}' {why} in the preceding assistant message"
            del pending[call_id]
            answered.add(call_id)
            if not _content_ok(m.get("content")):
                return f"{where}.content: must be a string or an array of parts"
            continue
        # Any non-tool message closes the previous assistant turn: all its calls need answers.
        if pending:
            call_id, idx = next(iter(pending.items()))
            return (
                f"messages.{idx}: assistant tool call '{call_id}' must be followed by a "
                f"tool message answering it before {where}"
            )
        answered = set()
        if role == "assistant":
            if "tool_calls" in m:
                if problem := _tool_calls_problem(where, m["tool_calls"]):
                    return problem
                pending = {c["id"]: i for c in m["tool_calls"]}
            elif not _content_ok(m.get("content")):
                return f"{where}: assistant message needs content or tool_calls"
        elif not _content_ok(m.get("content")):
            return f"{where}.content: must be a string or an array of parts"
    if pending:
        call_id, idx = next(iter(pending.items()))
        return f"messages.{idx}: assistant tool call '{call_id}' has no tool message answering it"
    return None


def _tools_problem(tools: Any, tool_choice: Any) -> str | None:
    names: set[str] = set()
    if tools is not None:
        if not isinstance(tools, list) or not tools:
            return "tools: must be a non-empty array"
        for i, t in enumerate(tools):
            fn = t.get("function") if isinstance(t, dict) else None
            if (
                not isinstance(fn, dict)
                or t.get("type") != "function"
                or set(t) - {"type", "function"}
            ):
                return f"tools.{i}: must be {{'type': 'function', 'function': {{...}}}}"
            if extra := sorted(set(fn) - {"name", "description", "parameters", "strict"}):
                return f"tools.{i}.function: property '{extra[0]}' is unsupported"
            name = fn.get("name")
            if not isinstance(name, str) or not TOOL_NAME.match(name) or name in names:
                return f"tools.{i}.function.name: must be unique and match {TOOL_NAME.pattern}"
            names.add(name)
            if not isinstance(fn.get("description", ""), str):
                return f"tools.{i}.function.description: must be a string"
            params = fn.get("parameters", {"type": "object"})
            if not isinstance(params, dict) or params.get("type") != "object":
                return f"tools.{i}.function.parameters: must be a JSON schema of type 'object'"
    if tool_choice is None or tool_choice == "none":
        return None
    if not names:
        return "tool_choice is only allowed when tools are specified"
    if tool_choice in ("auto", "required"):
        return None
    if (
        isinstance(tool_choice, dict)
        and tool_choice.get("type") == "function"
        and isinstance(tool_choice.get("function"), dict)
        and tool_choice["function"].get("name") in names
    ):
        return None
    return f"tool_choice: {tool_choice!r} is not 'none', 'auto', 'required' or a known function"


def _reasoning_problem(body: dict[str, Any]) -> str | None:
    """What Groq refuses in a request's reasoning parameters, for its model's family."""
    model, fmt, effort = body["model"], body.get("reasoning_format"), body.get("reasoning_effort")
    family = next((f for f in REASONING_EFFORTS if model.startswith(f)), None)
    if fmt is not None and body.get("include_reasoning") is not None:
        return "`include_reasoning` and `reasoning_format` are mutually exclusive"
    if fmt is not None:
        if fmt not in {"hidden", "raw", "parsed"}:
            return "reasoning_format: must be one of hidden, raw, parsed"
        if family is None or family == "openai/gpt-oss":
            return "`reasoning_format` is not supported with this model"
        if fmt == "raw" and (body.get("tools") or body.get("response_format")):
            return "`reasoning_format` raw is not supported with tool use or JSON mode"
    if effort is not None and effort not in REASONING_EFFORTS.get(family or "", set()):
        return f"`reasoning_effort` {effort!r} is not supported with this model"
    return None


def validate_request(body: Any) -> str | None:
    """Validate a whole chat-completions request body (top level, messages, tools)."""
    if not isinstance(body, dict):
        return "request body must be a JSON object"
    if extra := sorted(set(body) - REQUEST_KEYS):
        return f"property '{extra[0]}' is unsupported"
    if not isinstance(body.get("model"), str) or not body["model"]:
        return "model: must be a non-empty string"
    if not isinstance(body.get("stream", False), bool | None):
        return "stream: must be a boolean"
    return (
        validate_messages(body.get("messages"))
        or _tools_problem(body.get("tools"), body.get("tool_choice"))
        or _reasoning_problem(body)
    )


# --------------------------------------------------------------------------- wire format


def _sse(obj: Any, event: str | None = None) -> bytes:
    named = f"event: {event}\n" if event else ""
    return f"{named}data: {json.dumps(obj, separators=(',', ':'))}\n\n".encode()


class _Chunks:
    """Builds the chunks of one completion, sharing Groq's id/created/model/fingerprint."""

    def __init__(self, body: dict[str, Any]) -> None:
        self.id = f"chatcmpl-{uuid.uuid4()}"
        self.request_id = f"req_{uuid.uuid4().hex[:26]}"
        self.created = int(time.time())
        self.model = body["model"]
        self.prompt_tokens = max(1, len(json.dumps(body["messages"])) // 4)
        self.started = time.monotonic()

    def chunk(self, delta: dict[str, Any], finish: str | None = None, **x_groq: Any) -> dict:
        chunk = {
            "id": self.id,
            "object": "chat.completion.chunk",
            "created": self.created,
            "model": self.model,
            "system_fingerprint": "fp_fa4e5e2f1d",
            "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
        }
        if x_groq:  # like Groq: only on the first and the final chunk
            chunk["x_groq"] = {"id": self.request_id, **x_groq}
        return chunk

    def first(self) -> dict[str, Any]:
        return self.chunk({"role": "assistant", "content": ""}, seed=random.randrange(2**31))

    def last(self, finish: str, completion_tokens: int, reasoning_tokens: int) -> dict[str, Any]:
        usage = self.usage(completion_tokens, reasoning_tokens)
        return self.chunk({}, finish, usage=usage) | {"usage": usage}

    def usage(self, completion_tokens: int, reasoning_tokens: int = 0) -> dict[str, Any]:
        elapsed = round(time.monotonic() - self.started, 4)
        usage: dict[str, Any] = {
            "queue_time": 0.0001,
            "prompt_tokens": self.prompt_tokens,
            "prompt_time": 0.001,
            "completion_tokens": completion_tokens,
            "completion_time": elapsed,
            "total_tokens": self.prompt_tokens + completion_tokens,
            "total_time": elapsed + 0.001,
        }
        if reasoning_tokens:
            usage["completion_tokens_details"] = {"reasoning_tokens": reasoning_tokens}
        return usage


def _deltas(step: Step, index: int) -> list[dict[str, Any]]:
    """The delta(s) of one content step; a fragmented tool call spans several chunks."""
    if isinstance(step, Text):
        return [{"content": step.content}]
    if isinstance(step, Reasoning):
        return [{"reasoning": step.content, "channel": "analysis"}]
    assert isinstance(step, ToolCall)
    call_id = step.id or f"fc_{uuid.uuid4()}"
    head: dict[str, Any] = {
        "index": index,
        "id": call_id,
        "type": "function",
        "function": {"name": step.name, "arguments": ""},
    }
    if step.fragments == 1:
        head["function"]["arguments"] = step.arguments
        return [{"tool_calls": [head]}]
    size = -(-len(step.arguments) // step.fragments) or 1
    pieces = [step.arguments[i : i + size] for i in range(0, len(step.arguments), size)]
    return [{"tool_calls": [head]}] + [
        {"tool_calls": [{"index": index, "function": {"arguments": p}}]} for p in pieces
    ]


class _DropConnection(Exception):
    """Raised mid-stream on purpose so uvicorn closes the socket without finishing the body."""


def _not_a_drop(record: logging.LogRecord) -> bool:
    exc = record.exc_info[1] if record.exc_info else None
    while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    return not isinstance(exc, _DropConnection)


logging.getLogger("uvicorn.error").addFilter(_not_a_drop)


class _SSEResponse(StreamingResponse):
    # Set as a header, not as media_type: Starlette would add "; charset=utf-8", Groq does not.
    media_type = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            # If the send failed (client gone) the generator is left suspended; close it now
            # so its bookkeeping runs deterministically rather than at garbage collection.
            await self.body_iterator.aclose()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- the server


class RecordedRequest(dict[str, Any]):
    """A received JSON body (index it like a dict) plus ``headers``, ``path`` and ``status``."""

    def __init__(self, body: Any, headers: dict[str, str], path: str) -> None:
        super().__init__(body if isinstance(body, dict) else {"_raw": body})
        self.headers, self.path, self.status = headers, path, 0


class FakeGroq:
    """``with FakeGroq() as fake: AsyncGroq(api_key="test-key", base_url=fake.base_url)``."""

    def __init__(
        self,
        responder: Responder | None = None,
        *,
        api_key: str | None = "test-key",
        models: Collection[str] | None = GROQ_MODELS,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.responder = responder or echo_responder()
        self.api_key = api_key  # None: accept any key
        self.models = models  # None: accept any model id
        self.requests: list[RecordedRequest] = []
        self.disconnects = 0  # streams the client closed before the end
        self.active = 0  # streams currently open
        self._queue: deque[Script] = deque()
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stopping = asyncio.Event()  # set at stop(): releases stalled streams
        app = Starlette(
            routes=[
                Route(CHAT_PATH, self._chat, methods=["POST"]),
                Route("/{path:path}", self._unknown, methods=["GET", "POST"]),
            ]
        )
        self._server = LiveServer(app, host=host, port=port, lifespan="off", name="fake-groq")
        self.base_url = self._server.url

    # -- lifecycle
    def start(self) -> FakeGroq:
        self._server.__enter__()
        return self

    def stop(self) -> None:
        loop = self._server.loop
        if loop and not loop.is_closed():
            loop.call_soon_threadsafe(self._stopping.set)
        self._server.__exit__()

    def __enter__(self) -> FakeGroq:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- scripting and inspection (thread-safe: called from tests, used by the server thread)
    def push(self, *scripts: Script) -> None:
        with self._lock:
            self._queue.extend(scripts)

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def _next_script(self, body: dict[str, Any]) -> Script:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        return self.responder(body)

    def _count(self, active: int = 0, disconnects: int = 0) -> None:
        with self._changed:
            self.active += active
            self.disconnects += disconnects
            self._changed.notify_all()

    def wait_disconnects(self, n: int = 1, within: float = 5.0) -> bool:
        """Block until at least ``n`` client disconnects were seen (False on time-out)."""
        with self._changed:
            return self._changed.wait_for(lambda: self.disconnects >= n, within)

    async def await_disconnects(self, n: int = 1, within: float = 5.0) -> bool:
        """``wait_disconnects`` for async tests: the app under test may share their loop."""
        return await asyncio.to_thread(self.wait_disconnects, n, within)

    # -- HTTP handlers
    async def _unknown(self, request: Request) -> Response:
        return HttpError(
            404,
            f"Unknown request URL: {request.method} {request.url.path}",
            "invalid_request_error",
            "unknown_url",
            {},
        ).response()

    async def _chat(self, request: Request) -> Response:
        raw = await request.body()
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw.decode(errors="replace")
        record = RecordedRequest(body, dict(request.headers), request.url.path)
        with self._lock:
            self.requests.append(record)
        response = self._reject(request, body) or await self._respond(body)
        record.status = response.status_code
        return response

    def _reject(self, request: Request, body: Any) -> Response | None:
        """Groq's order: authentication first, then the request body, then the model."""
        if (
            self.api_key is not None
            and request.headers.get("authorization") != f"Bearer {self.api_key}"
        ):
            return HttpError(
                401, "Invalid API Key", "invalid_request_error", "invalid_api_key", {}
            ).response()
        if problem := validate_request(body):
            return HttpError(400, problem, "invalid_request_error", None, {}).response()
        if self.models is not None and body["model"] not in self.models:
            return HttpError(
                404,
                f"The model `{body['model']}` does not exist or you do not have access to it.",
                "invalid_request_error",
                "model_not_found",
                {},
            ).response()
        return None

    async def _respond(self, body: dict[str, Any]) -> Response:
        script = self._next_script(body)
        if script.error:
            return script.error.response()
        headers = {"x-request-id": f"req_{uuid.uuid4().hex[:26]}", "cache-control": "no-cache"}
        if body.get("stream"):
            headers["content-type"] = "text/event-stream"
            return _SSEResponse(self._stream(script, body), headers=headers)
        return await self._complete(script, body, headers)

    async def _stream(self, script: Script, body: dict[str, Any]) -> AsyncIterator[bytes]:
        chunks, tool_index, sent, reasoned = _Chunks(body), 0, 0, 0
        finished = False  # False in `finally` means the client went away first
        self._count(active=1)
        try:
            await asyncio.sleep(script.ttft)
            yield _sse(chunks.first())
            for step in script.steps:
                if isinstance(step, Delay):
                    await asyncio.sleep(step.seconds)
                    continue
                if isinstance(step, Drop):
                    finished = True
                    raise _DropConnection
                if isinstance(step, Stall):
                    await self._stopping.wait()  # a disconnect cancels this wait
                    finished = True
                    raise _DropConnection
                if isinstance(step, ErrorEvent):
                    yield _sse(step.body(), event="error")
                    finished = True
                    return
                for delta in _deltas(step, tool_index):
                    if sent:
                        await asyncio.sleep(script.token_interval)
                    yield _sse(chunks.chunk(delta))
                    sent += 1
                tool_index += isinstance(step, ToolCall)
                reasoned += isinstance(step, Reasoning)
            yield _sse(chunks.last(script.resolved_finish_reason(), sent, reasoned))
            yield b"data: [DONE]\n\n"
            finished = True
        finally:
            self._count(active=-1, disconnects=0 if finished else 1)

    async def _complete(
        self, script: Script, body: dict[str, Any], headers: dict[str, str]
    ) -> Response:
        """Non-streaming: fold the script into one chat.completion (errors/drops -> 500)."""
        chunks = _Chunks(body)
        message: dict[str, Any] = {"role": "assistant", "content": None}
        calls: list[dict[str, Any]] = []
        await asyncio.sleep(script.ttft)
        for step in script.steps:
            if isinstance(step, Delay):
                await asyncio.sleep(step.seconds)
            elif isinstance(step, Text | Reasoning):
                key = "content" if isinstance(step, Text) else "reasoning"
                message[key] = (message.get(key) or "") + step.content
            elif isinstance(step, ToolCall):
                calls.append(
                    {
                        "id": step.id or f"fc_{uuid.uuid4()}",
                        "type": "function",
                        "function": {"name": step.name, "arguments": step.arguments},
                    }
                )
            elif isinstance(step, ErrorEvent | Drop | Stall):
                if isinstance(step, Stall):  # no disconnect detection here: wait for stop()
                    await self._stopping.wait()
                msg = step.message if isinstance(step, ErrorEvent) else "scripted failure"
                return HttpError(500, msg, "internal_server_error", None, {}).response()
        if calls:
            message["tool_calls"] = calls
        return JSONResponse(
            {
                "id": chunks.id,
                "object": "chat.completion",
                "created": chunks.created,
                "model": chunks.model,
                "system_fingerprint": "fp_fa4e5e2f1d",
                "choices": [
                    {
                        "index": 0,
                        "message": message,
                        "logprobs": None,
                        "finish_reason": script.resolved_finish_reason(),
                    }
                ],
                "usage": chunks.usage(len(script.steps)),
                "x_groq": {"id": chunks.request_id},
            },
            headers=headers,
        )


def main(argv: list[str] | None = None) -> None:
    """Standalone server for benchmarks: prints its URL, serves until SIGINT/SIGTERM."""
    import signal

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--ttft", type=float, default=0.2)
    parser.add_argument("--token-interval", type=float, default=0.02)
    parser.add_argument("--tokens", type=int, default=40)
    parser.add_argument("--api-key", default=None, help="require this key (default: any)")
    args = parser.parse_args(argv)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    responder = echo_responder(args.tokens, args.ttft, args.token_interval)
    with FakeGroq(responder, api_key=args.api_key, host=args.host, port=args.port) as fake:
        print(fake.base_url, flush=True)
        try:
            done.wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
