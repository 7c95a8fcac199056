"""Refusals before the stream: one JSON body shape, written by one function, and its handlers.

A request refused before its stream starts gets a 4xx (or a 503 when the session store is down
or the daily budget is spent) with `{"code", "message", "detail"?}`; a rate limit or the budget
adds `Retry-After`; a staff route without the right token is 401 `unauthorized` with
`WWW-Authenticate: Bearer`. Once the stream has started, failures travel as `error` events with an
`ErrorCode` instead (`supercar.events`, `supercar.conversation.failure_of`).

Decisions: `REFUSALS` is the one list of refusals, status, code and when. `POST /query`'s OpenAPI
responses are built from it, and docs/contract.md's table is checked against it row by row
(tests/test_docs.py), so the three cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Refusal:
    status: int
    code: RefusalCode | None  # None: a plain-text answer from the protocol, before the app
    when: str  # Markdown, for docs/contract.md and the OpenAPI text
    on_query: bool = True  # POST /query can answer it (not only another route, or routing)


# Every refusal before the stream, in docs/contract.md's order. Any other HTTP error (none is
# raised today) has the code `http_error`.
REFUSALS: tuple[Refusal, ...] = (
    Refusal(400, "invalid_json", "the body is not JSON"),
    Refusal(
        401,
        "unauthorized",
        'a staff route without the staff token (see "The staff list" below)',
        on_query=False,
    ),
    Refusal(404, "not_found", "unknown path", on_query=False),
    Refusal(
        405,
        "method_not_allowed",
        "a method the path does not take (e.g. `GET /query`; a wrong method is 405 whatever its"
        " body: only `POST /query` reads one)",
        on_query=False,
    ),
    Refusal(
        409,
        "session_busy",
        "the previous turn of this `session_id` has not finished (or its sandbox died mid-turn"
        " and its claim has not lapsed yet: at most `SESSION_LEASE_SECONDS`, 15 s). Refused only"
        " after waiting up to 1.5 s for the claim to be given back, so a stream closed and asked"
        " again at once is accepted; `Retry-After` in whole seconds to the claim's end",
    ),
    Refusal(
        413,
        "body_too_large",
        "body over `MAX_BODY_BYTES` (64 KiB), declared or counted while reading",
    ),
    Refusal(415, "unsupported_media_type", "`Content-Type` is not `application/json`"),
    Refusal(
        422,
        "invalid_request",
        "a field is missing, has the wrong type or breaks its limits (an empty or only-space"
        " query: the schema's `pattern` says so; a `session_id` empty, over 128 characters or"
        " outside `[A-Za-z0-9_.:-]`), or holds text that cannot be encoded as UTF-8 (a lone"
        ' surrogate such as JSON `"\\ud800"`) or a control character other than tab, LF and CR'
        " (a pasted CRLF is ordinary text); `detail` lists `{loc, msg, type}`",
    ),
    Refusal(
        429,
        "rate_limited",
        "over `RATE_LIMIT_PER_MINUTE` turns a minute from one client address or"
        " `SESSION_RATE_LIMIT_PER_MINUTE` in one session; `Retry-After` in whole seconds",
    ),
    Refusal(
        431,
        None,
        "request line and headers over 64 KB; refused as soon as the 64 KB have arrived, and the"
        " connection is closed (a client still sending may see only the reset)",
    ),
    Refusal(
        503,
        "store_unavailable",
        "the session store (DynamoDB) failed, or did not answer within `STORE_TIMEOUT_SECONDS`"
        " (4 s, for the rate limits, the claim and the load together); `Retry-After` in whole"
        " seconds (5)",
    ),
    Refusal(
        503,
        "budget_exhausted",
        "the deployment's `DAILY_TURN_BUDGET` for this UTC day is spent; `Retry-After` until"
        " midnight UTC",
    ),
)

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


def refusal_responses() -> dict[int | str, dict[str, Any]]:
    """`POST /query`'s OpenAPI `responses` for its refusals: `REFUSALS` it can answer, by status."""
    by_status: dict[int, list[Refusal]] = {}
    for refusal in REFUSALS:
        if refusal.on_query:
            by_status.setdefault(refusal.status, []).append(refusal)
    responses: dict[int | str, dict[str, Any]] = {}
    for status, refusals in by_status.items():
        lines = [f"`{r.code}`: {r.when}." if r.code else f"Plain text: {r.when}." for r in refusals]
        response: dict[str, Any] = {"description": "\n\n".join(lines)}
        if any(r.code for r in refusals):
            response["model"] = ErrorBody
        responses[status] = response
    return responses


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
