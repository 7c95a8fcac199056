"""Groq behind the `ChatModel` interface: the only module that imports the `groq` SDK.

Decisions:
- The SDK does the request (auth, retries with `retry-after`, status errors), but the request
  body is sent as-is and the stream is read as raw bytes, each line parsed with orjson. The SDK's
  typed path transforms every message on the way out and builds several pydantic models per token
  on the way in; relaying a stream is this service's hot path (docs/benchmarks-profile.md), and
  the raw lines carry the same data. Errors Groq sends inside the stream are recognised as the
  SDK's own stream parser recognises them (an `error` key, or an `error` event) and mapped by
  their code like errors that come with a status.
- Tool calls are accumulated by `index`: a call may arrive whole in one delta or as an id and
  name followed by argument fragments.
- Reasoning never reaches a customer, in three layers. Each request asks the model's family
  to leave it out (`model_parameters`, after Groq's reasoning documentation): gpt-oss takes
  `include_reasoning` and `reasoning_effort` (low/medium/high), not `reasoning_format`; qwen3
  and the other reasoning families take `reasoning_format`; the two cannot be combined, and a
  model that does not reason refuses `reasoning_format` (400), so unknown families get none.
  `reasoning` deltas are dropped if they arrive anyway. And `<think>...</think>` written into
  the text (a family's default `reasoning_format: raw`, which Groq applies when no tools are
  sent) is cut out by `ThinkFilter`, whatever the chunk boundaries. The filter costs one
  substring test per delta until a `<` shows up (docs/benchmarks-profile.md, "The think
  filter").
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from typing import Any

import groq
import httpx
import orjson

from supercar.events import ErrorCode
from supercar.llm.base import Completion, Message, ModelError, ToolCall, ToolUseFailed, Usage

log = logging.getLogger(__name__)

CHAT_PATH = "/openai/v1/chat/completions"
# The SDK keeps 20 idle connections by default: past 20 concurrent streams every turn would
# open a new TLS connection to Groq. Keep as many alive as a busy worker streams at once. The
# transport is the SDK's aiohttp one (docs/benchmarks.md): reading the stream through httpx's
# pure-Python HTTP parser was the largest single CPU cost per turn.
CONNECTION_LIMITS = httpx.Limits(max_connections=1000, max_keepalive_connections=500)


# Reasoning families Groq has served besides gpt-oss and qwen3; they write `<think>` into the
# text unless asked for `reasoning_format: hidden`.
OTHER_REASONING_FAMILIES = ("deepseek-r1", "qwen-qwq", "qwen/qwq")


def model_parameters(model_id: str) -> dict[str, Any]:
    """Extra request parameters a model family needs (see Groq's reasoning documentation),
    the same with tools and without."""
    if model_id.startswith("openai/gpt-oss"):
        return {"include_reasoning": False, "reasoning_effort": "low"}
    if model_id.startswith("qwen/qwen3"):
        return {"reasoning_format": "hidden", "reasoning_effort": "none"}
    if model_id.startswith(OTHER_REASONING_FAMILIES):
        return {"reasoning_format": "hidden"}
    return {}


THINK_OPEN, THINK_CLOSE = "<think>", "</think>"


def _tag_start(text: str, tag: str) -> str:
    """The end of `text` that could be the beginning of `tag` ("<thi"), or ""."""
    at = text.rfind("<", max(0, len(text) - len(tag) + 1))
    return text[at:] if at >= 0 and tag.startswith(text[at:]) else ""


class ThinkFilter:
    """Cuts `<think>...</think>` out of streamed text, whatever the chunk boundaries.

    Text goes through at once, except a chunk's last few characters that could begin a tag,
    held until the next chunk (or the end) settles them. A block still open when the stream
    ends is dropped. The whitespace after a block that opens the answer belongs to the block.
    `idle` is true while nothing is held or open: then only a chunk with a `<` needs `feed`.
    """

    __slots__ = ("held", "idle", "inside", "spoke", "trim")

    def __init__(self) -> None:
        self.inside = False  # within a block
        self.held = ""  # a possible tag's beginning, from the end of the last chunk
        self.trim = False  # strip the whitespace that follows a block before any answer
        self.spoke = False  # some visible text has gone out
        self.idle = True

    def feed(self, text: str) -> str:
        buffer, self.held = self.held + text, ""
        out: list[str] = []
        while buffer:
            if self.inside:
                end = buffer.find(THINK_CLOSE)
                if end < 0:
                    self.held = _tag_start(buffer, THINK_CLOSE)  # the rest is reasoning
                    break
                buffer = buffer[end + len(THINK_CLOSE) :]
                self.inside, self.trim = False, not self.spoke
                continue
            if self.trim:
                buffer = buffer.lstrip()
                if not buffer:
                    break
                self.trim = False
            start = buffer.find(THINK_OPEN)
            opens = start >= 0
            if not opens:
                self.held = _tag_start(buffer, THINK_OPEN)
                start = len(buffer) - len(self.held)
            said = buffer[:start]
            out.append(said)
            self.spoke = self.spoke or bool(said.strip())
            if not opens:
                break
            buffer = buffer[start + len(THINK_OPEN) :]
            self.inside = True
        self.idle = not (self.inside or self.held or self.trim)
        return "".join(out)

    def end(self) -> str:
        """What is still held once the stream is over: text, unless it is an open block."""
        tail = "" if self.inside else self.held
        self.inside, self.held, self.trim, self.idle = False, "", False, True
        return tail


def _error_code(body: object) -> str | None:
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict):
            code = error.get("code") or error.get("type")
            return str(code) if code else None
    return None


def classify(exc: groq.APIError | httpx.HTTPError, model_id: str) -> ModelError:
    """Map an SDK or transport failure to one of the documented error codes."""
    if isinstance(exc, groq.RateLimitError):
        return ModelError(ErrorCode.RATE_LIMITED, "Groq rate limit reached")
    if isinstance(exc, groq.AuthenticationError | groq.PermissionDeniedError):
        return ModelError(ErrorCode.UPSTREAM_AUTH, f"Groq refused the API key ({exc.status_code})")
    if isinstance(exc, groq.APIStatusError):
        code = _error_code(exc.body)
        if exc.status_code == 404 or code in {"model_not_found", "model_decommissioned"}:
            return ModelError(
                ErrorCode.MODEL_UNAVAILABLE,
                f"Groq cannot serve model {model_id!r} (GROQ_MODEL): {code}",
            )
        if code == "tool_use_failed":
            return ToolUseFailed("Groq rejected a malformed tool call")
        if exc.status_code >= 500:
            return ModelError(ErrorCode.UPSTREAM_UNAVAILABLE, f"Groq answered {exc.status_code}")
        return ModelError(ErrorCode.UPSTREAM_ERROR, f"Groq answered {exc.status_code}: {code}")
    if isinstance(exc, groq.APITimeoutError):
        return ModelError(ErrorCode.UPSTREAM_UNAVAILABLE, "Groq did not answer in time")
    if isinstance(exc, groq.APIConnectionError):
        return ModelError(ErrorCode.UPSTREAM_UNAVAILABLE, "Could not connect to Groq")
    if isinstance(exc, httpx.TimeoutException):
        return ModelError(ErrorCode.TIMEOUT, "Groq's stream stalled")
    if isinstance(exc, httpx.HTTPError):
        return ModelError(
            ErrorCode.UPSTREAM_UNAVAILABLE, f"Groq's stream broke: {type(exc).__name__}"
        )
    return ModelError(ErrorCode.UPSTREAM_ERROR, f"Unexpected failure talking to Groq: {exc!r}")


def stream_error(body: object) -> ModelError:
    """An error Groq reports inside the stream, mapped like one it answers with a status."""
    code = _error_code(body)
    if code == "tool_use_failed":
        return ToolUseFailed("Groq rejected a malformed tool call mid-stream")
    if code in {"rate_limit_exceeded", "rate_limited"}:
        return ModelError(ErrorCode.RATE_LIMITED, "Groq rate limit reached mid-stream")
    error = body.get("error") if isinstance(body, dict) else None
    message = error.get("message") if isinstance(error, dict) else None
    return ModelError(
        ErrorCode.UPSTREAM_ERROR, f"Groq reported an error mid-stream: {code}: {message}"
    )


class GroqModel:
    backend = "groq"

    def __init__(
        self,
        api_key: str,
        model_id: str,
        *,
        base_url: str | None = None,
        max_retries: int = 2,
        read_timeout: float = 20.0,
    ) -> None:
        self.model_id = model_id
        self._params = model_parameters(model_id)
        self._client = groq.AsyncGroq(
            api_key=api_key,
            base_url=base_url,
            max_retries=max_retries,
            timeout=httpx.Timeout(read_timeout, connect=5.0),
            http_client=groq.DefaultAioHttpClient(limits=CONNECTION_LIMITS),
        )

    async def aclose(self) -> None:
        await self._client.close()

    async def stream(
        self, messages: list[Message], tools: list[dict[str, Any]] | None
    ) -> AsyncGenerator[str | Completion, None]:
        request: dict[str, Any] = {
            "model": self.model_id,
            "messages": messages,
            "stream": True,
            **self._params,
        }
        if tools:
            request["tools"] = tools
            request["tool_choice"] = "auto"
        calls: dict[int, dict[str, str]] = {}
        finish_reason = "stop"
        usage: Usage | None = None
        think = ThinkFilter()
        try:
            # `post` keeps the SDK's auth, retries and status errors but skips its per-request
            # transform of every message and tool schema: our dicts are already API-shaped.
            response = await self._client.post(
                CHAT_PATH,
                cast_to=httpx.Response,
                content=orjson.dumps(request),
                options={"headers": {"Content-Type": "application/json"}},
                stream=True,
            )
            try:
                async for chunk in _sse_payloads(response):
                    if "x_groq" in chunk:  # the first and the last chunk; the last has usage
                        usage = _usage(chunk["x_groq"]) or usage
                    for choice in chunk.get("choices") or ():
                        delta = choice.get("delta") or {}
                        text = delta.get("content")
                        if text:
                            if not think.idle or "<" in text:
                                text = think.feed(text)
                            if text:
                                yield text
                        for part in delta.get("tool_calls") or ():
                            call = calls.setdefault(
                                part.get("index", len(calls)), {"id": "", "name": "", "args": ""}
                            )
                            function = part.get("function") or {}
                            call["id"] = part.get("id") or call["id"]
                            call["name"] += function.get("name") or ""
                            call["args"] += function.get("arguments") or ""
                        finish_reason = choice.get("finish_reason") or finish_reason
            finally:
                await response.aclose()
        except (groq.APIError, httpx.HTTPError) as exc:
            raise classify(exc, self.model_id) from exc
        if tail := think.end():
            yield tail
        yield Completion(
            tool_calls=[
                ToolCall(call["id"] or f"call_{index}", call["name"], call["args"])
                for index, call in sorted(calls.items())
            ],
            finish_reason=finish_reason,
            usage=usage,
        )


def _usage(x_groq: object) -> Usage | None:
    reported = x_groq.get("usage") if isinstance(x_groq, dict) else None
    if not isinstance(reported, dict):
        return None
    return Usage(
        int(reported.get("prompt_tokens") or 0), int(reported.get("completion_tokens") or 0)
    )


async def _sse_payloads(response: httpx.Response) -> AsyncGenerator[dict[str, Any], None]:
    """The JSON payloads of Groq's SSE stream, until `[DONE]`; an error in the stream raises.

    Bytes are split and parsed directly (orjson reads bytes), with no str decoding per line."""
    event = b""
    buffer = b""
    async for data in response.aiter_bytes():
        buffer += data
        *lines, buffer = buffer.split(b"\n")
        for line in lines:
            if line.startswith(b"data:"):
                payload = line[5:].strip()
                if payload == b"[DONE]":
                    return
                try:
                    chunk = orjson.loads(payload)
                except orjson.JSONDecodeError:
                    raise ModelError(
                        ErrorCode.UPSTREAM_ERROR, "Groq sent a malformed event"
                    ) from None
                if chunk.get("error") or event == b"error":
                    raise stream_error(chunk)
                yield chunk
            elif line.startswith(b"event:"):
                event = line[6:].strip()
            elif not line.strip():
                event = b""
