"""`POST /query`: validate the request, begin the turn (`supercar.conversation`), stream it
(`supercar.api.stream`).

Everything a request can be refused for is decided here, before the stream starts, in this order:
the body, then the rate limits and the daily budget (`supercar.limits`), then the session's claim
(`begin_turn`). The limits, the claim and the load share one deadline, `STORE_TIMEOUT_SECONDS`:
a store that does not answer costs a customer seconds and a 503 `store_unavailable` with
`Retry-After`, never a hung request (issue 17). A request the limits refuse never reaches the
session or the model. Unknown fields in the body are ignored, so a client that sends extra
context keeps working.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sse_starlette import EventSourceResponse

from supercar import metrics
from supercar.api.client import client_address
from supercar.api.deps import ServicesDep, SettingsDep
from supercar.api.errors import ErrorBody, error_response
from supercar.api.stream import TurnStreamResponse, decline
from supercar.conversation import begin_turn
from supercar.events import ErrorCode
from supercar.limits import LimitCode
from supercar.request_context import bind_session
from supercar.store.base import SessionBusy, StoreUnavailable

log = logging.getLogger(__name__)

router = APIRouter()
PATH = "/query"
BODY_ROUTES = frozenset({("POST", PATH)})  # what `BodyGuard` checks: the one route with a body

SESSION_ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"
LIMIT_STATUS: dict[LimitCode, int] = {"rate_limited": 429, "budget_exhausted": 503}
# Seconds a client told `store_unavailable` waits before asking again: an outage of a few
# seconds passes by then; a longer one is answered the same way, just as fast.
STORE_RETRY_AFTER = 5
# C0 and C1 control characters, except tab, LF and CR: a pasted CRLF is ordinary text.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class QueryRequest(BaseModel):
    # strict: a number is not a query; extra keys are ignored (see the module docstring).
    model_config = ConfigDict(strict=True, extra="ignore")

    query: str = Field(
        # Some text, not only spaces: the schema says what the route refuses (with a 422).
        pattern=r"\S",
        description="The customer's message: some text, not only spaces; trimmed. Over"
        " `MAX_QUERY_CHARS` it is answered with `error` `query_too_long` in the stream (200),"
        " not refused.",
    )
    session_id: str = Field(
        min_length=1,
        max_length=128,
        pattern=SESSION_ID_PATTERN,
        description="Stable per conversation, e.g. `premium_client-1743061453410`.",
        examples=["premium_client-1743061453410"],
    )

    @field_validator("query", "session_id", mode="before")
    @classmethod
    def _plain_text(cls, value: object) -> object:
        # JSON can escape a lone surrogate ("\ud800"), which no UTF-8 encoder (the model
        # provider's, a log's) accepts: refuse it here rather than fail mid-stream.
        if isinstance(value, str):
            try:
                value.encode()
            except UnicodeEncodeError:
                raise ValueError("must be valid Unicode text (no lone surrogates)") from None
            if _CONTROL_CHARACTERS.search(value):
                raise ValueError("must not contain control characters (tab and newlines are fine)")
        return value


SSE_DESCRIPTION = f"""A Server-Sent-Events stream (LF line endings), events in this order:

- `chunk`: assistant text, verbatim (one or more)
- `tool_use`: the tool name, plain text
- `tool_output`: one-line JSON `{{"name", "output", "data", "tool_call_id", "is_error"}}`
- `error` (only on failure, after an apology `chunk`): one-line JSON `{{"code", "message"}}`
- `end`: empty data; nothing follows it

A query over `MAX_QUERY_CHARS` (after trimming) is answered, not refused: an apology `chunk`,
`error` `query_too_long` and `end`, without asking the model or touching the conversation.

Error codes: {", ".join(code.value for code in ErrorCode)}."""

QUERY_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": SSE_DESCRIPTION,
        "content": {
            "text/event-stream": {
                "schema": {"type": "string"},
                "example": "event: chunk\ndata: Hello!\n\nevent: end\ndata: \n\n",
            }
        },
    },
    400: {"model": ErrorBody, "description": "Malformed JSON (`invalid_json`)."},
    409: {
        "model": ErrorBody,
        "description": "The previous question of this session has not finished (`session_busy`);"
        " `Retry-After` says when its claim lapses at the latest.",
    },
    413: {"model": ErrorBody, "description": "Body over the byte limit."},
    415: {"model": ErrorBody, "description": "Content-Type is not application/json."},
    422: {
        "model": ErrorBody,
        "description": "A field is missing, mistyped or out of bounds, or holds text that is not"
        " valid Unicode (a lone surrogate) or a control character other than tab, LF and CR.",
    },
    429: {
        "model": ErrorBody,
        "description": "Too many turns a minute from this address or in this session "
        "(`rate_limited`); `Retry-After` says when to ask again.",
    },
    431: {
        "description": "Request line and headers over 64 KB (plain text; the connection closes)."
    },
    503: {
        "model": ErrorBody,
        "description": "The session store cannot be reached or did not answer in time "
        "(`store_unavailable`), or the deployment's daily turn budget is spent "
        "(`budget_exhausted`); both with `Retry-After`.",
    },
}


@router.post(
    PATH,
    response_class=EventSourceResponse,
    responses=QUERY_RESPONSES,
    summary="Ask Lex; the answer streams back as Server-Sent Events",
)
async def query(
    body: QueryRequest, request: Request, services: ServicesDep, settings: SettingsDep
) -> Any:
    text = body.query.strip()
    bind_session(body.session_id)
    if len(text) > settings.max_query_chars:
        # Answered, not refused: a customer can paste this much, and the page shows no 4xx.
        log.info("query of %d characters over MAX_QUERY_CHARS: declined", len(text))
        metrics.count("QueryTooLong")
        return decline(ErrorCode.QUERY_TOO_LONG, settings)
    # The store's part of the work before the stream, under one deadline (see the docstring).
    client = client_address(request)
    try:
        async with asyncio.timeout(settings.store_timeout_seconds):
            refusal = await services.limits.admit(client, body.session_id)
            if refusal is None:
                session_turn = await begin_turn(services, settings, body.session_id, text, client)
    except SessionBusy as busy:
        metrics.count("SessionBusy")
        return error_response(
            409,
            "session_busy",
            f"The previous question in this conversation has not finished; ask again in "
            f"{busy.retry_after} s.",
            headers={"Retry-After": str(busy.retry_after)},
        )
    except (StoreUnavailable, TimeoutError) as exc:
        metrics.count("StoreUnavailable")
        log.error(
            "session store unavailable: %s",
            str(exc) or f"no answer within {settings.store_timeout_seconds:.0f} s",
        )
        return error_response(
            503,
            "store_unavailable",
            "Conversations are unavailable for a moment; try again shortly.",
            headers={"Retry-After": str(STORE_RETRY_AFTER)},
        )
    if refusal is not None:
        return error_response(
            LIMIT_STATUS[refusal.code],
            refusal.code,
            refusal.message,
            headers={"Retry-After": str(refusal.retry_after)},
        )
    return TurnStreamResponse(session_turn, settings)
