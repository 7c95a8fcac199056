"""Per-request log keys: the Lambda request id and the session id, on every log record.

Decisions:
- The keys live in `contextvars`, never in a logger's global keys: under uvicorn (locally, or
  several streams in one process) concurrent requests each run in their own task with their own
  copy of the context, so their keys cannot mix. A task the request starts (the turn's producer)
  inherits the keys it had when it was created.
- A `logging.Filter` copies them onto each record as `request_id` and `session_id`; the JSON
  formatter (see `supercar.logs`) then emits them as fields. The filter sits on the handler, so
  it sees every record, from any logger, in the context that emitted it.
- The request id is the Lambda invocation's: from Mangum's `aws.context` scope key for buffered
  invocations, or from the `x-amzn-lambda-context` header that the Lambda Web Adapter adds
  (its `request_id`), else the `requestId` of the `x-amzn-request-context` header (the Function
  URL's or API Gateway's own id). Locally there is none.
- `RequestContext` is pure ASGI (not `BaseHTTPMiddleware`), so streamed responses pass through
  untouched and the whole response, stream included, runs inside the request's context.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

# The headers the Lambda Web Adapter adds to every invocation it relays (JSON values).
LAMBDA_CONTEXT_HEADER = b"x-amzn-lambda-context"
REQUEST_CONTEXT_HEADER = b"x-amzn-request-context"

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)
session_id_var: ContextVar[str | None] = ContextVar("session_id", default=None)


def bind_session(session_id: str) -> None:
    """Tag the rest of this request's log records (and tasks it starts) with its session."""
    session_id_var.set(session_id)


class RequestContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # Keys passed explicitly in `extra=` win over the context.
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id_var.get()
        if getattr(record, "session_id", None) is None:
            record.session_id = session_id_var.get()
        return True


def header_json(scope: Scope, header: bytes) -> dict[str, Any] | None:
    """A header holding a JSON object (the Lambda Web Adapter's context headers), or None."""
    raw = dict(scope.get("headers") or ()).get(header)
    if not raw:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def lambda_request_id(scope: Scope) -> str | None:
    context = scope.get("aws.context")  # Mangum
    if context is not None:
        return getattr(context, "aws_request_id", None)
    for header, key in (
        (LAMBDA_CONTEXT_HEADER, "request_id"),
        (REQUEST_CONTEXT_HEADER, "requestId"),
    ):
        value = (header_json(scope, header) or {}).get(key)
        if value:
            return str(value)
    return None


class RequestContext:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_token = request_id_var.set(lambda_request_id(scope))
        session_token = session_id_var.set(None)
        try:
            await self.app(scope, receive, send)
        finally:
            session_id_var.reset(session_token)
            request_id_var.reset(request_token)
