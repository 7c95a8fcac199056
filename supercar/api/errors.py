"""Refusals before the stream: one JSON body shape, written by one function, and its handlers.

A request refused before its stream starts gets a 4xx (or a 503 when the session store is down
or the daily budget is spent) with `{"code", "message", "detail"?}`; a rate limit or the budget
adds `Retry-After`; a staff route without the right token is 401 `unauthorized` with
`WWW-Authenticate: Bearer`. Once the stream has started, failures travel as `error` events with an
`ErrorCode` instead (`supercar.events`, `supercar.conversation.failure_of`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

RefusalCode = Literal[
    "invalid_json",
    "invalid_request",
    "unsupported_media_type",
    "body_too_large",
    "session_busy",
    "unauthorized",
    "rate_limited",
    "budget_exhausted",
    "store_unavailable",
    "not_found",
    "method_not_allowed",
    "http_error",
]

_HTTP_CODES: dict[int, RefusalCode] = {
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    429: "rate_limited",
}


class ErrorBody(BaseModel):
    """The JSON body of every refusal (documented in OpenAPI)."""

    code: RefusalCode
    message: str
    detail: list[dict[str, Any]] | None = None


def error_body(code: RefusalCode, message: str, **extra: Any) -> bytes:
    """The bytes of a refusal's JSON body: used by the routes and by the pure-ASGI guard."""
    return orjson.dumps({"code": code, "message": message, **extra})


def error_response(
    status: int,
    code: RefusalCode,
    message: str,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> Response:
    return Response(
        error_body(code, message, **extra),
        status_code=status,
        headers=headers,
        media_type="application/json",
    )


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(err["loc"]), "msg": err["msg"], "type": err["type"]} for err in exc.errors()
    ]
    if any(err["type"] == "json_invalid" for err in errors):
        return error_response(400, "invalid_json", "The request body is not valid JSON.")
    summary = "; ".join(
        f"{'.'.join(str(p) for p in err['loc'][1:]) or 'body'}: {err['msg']}" for err in errors
    )
    return error_response(422, "invalid_request", summary, detail=errors)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
