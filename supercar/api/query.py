"""`POST /query`: validate the request, then hand the turn to `supercar.conversation`.

Everything a request can be refused for is decided here, before the stream starts, in this order:
the body, then the rate limits and the daily budget (`supercar.limits`), then the session lock
(`start_turn`). A request the limits refuse never reaches the session or the model. Unknown fields
in the body are ignored, so a client that sends extra context keeps working.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sse_starlette import EventSourceResponse

from supercar.api.client import client_address
from supercar.api.deps import ServicesDep, SettingsDep
from supercar.api.errors import ErrorBody, error_response
from supercar.conversation import start_turn
from supercar.events import ErrorCode
from supercar.limits import LimitCode
from supercar.request_context import bind_session
from supercar.store.base import SessionBusy, StoreUnavailable

log = logging.getLogger(__name__)

router = APIRouter()

SESSION_ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"
LIMIT_STATUS: dict[LimitCode, int] = {"rate_limited": 429, "budget_exhausted": 503}


class QueryRequest(BaseModel):
    # strict: a number is not a query; extra keys are ignored (see the module docstring).
    model_config = ConfigDict(strict=True, extra="ignore")

    query: str = Field(description="The customer's message. Trimmed; must not be empty.")
    session_id: str = Field(
        min_length=1,
        max_length=128,
        pattern=SESSION_ID_PATTERN,
        description="Stable per conversation, e.g. `premium_client-1743061453410`.",
        examples=["premium_client-1743061453410"],
    )


SSE_DESCRIPTION = f"""A Server-Sent-Events stream (LF line endings), events in this order:

- `chunk`: assistant text, verbatim (one or more)
- `tool_use`: the tool name, plain text
- `tool_output`: one-line JSON `{{"name", "output", "data", "tool_call_id", "is_error"}}`
- `error` (only on failure, after an apology `chunk`): one-line JSON `{{"code", "message"}}`
- `end`: empty data; nothing follows it

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
    409: {"model": ErrorBody, "description": "A turn of this session is still running."},
    413: {"model": ErrorBody, "description": "Body over the byte limit."},
    415: {"model": ErrorBody, "description": "Content-Type is not application/json."},
    422: {"model": ErrorBody, "description": "A field is missing, mistyped or out of bounds."},
    429: {
        "model": ErrorBody,
        "description": "Too many turns a minute from this address or in this session "
        "(`rate_limited`); `Retry-After` says when to ask again.",
    },
    503: {
        "model": ErrorBody,
        "description": "The session store cannot be reached (`store_unavailable`), or the "
        "deployment's daily turn budget is spent (`budget_exhausted`, with `Retry-After`).",
    },
}


@router.post(
    "/query",
    response_class=EventSourceResponse,
    responses=QUERY_RESPONSES,
    summary="Ask Lex; the answer streams back as Server-Sent Events",
)
async def query(
    body: QueryRequest, request: Request, services: ServicesDep, settings: SettingsDep
) -> Any:
    text = body.query.strip()
    if not text:
        return error_response(422, "invalid_request", "query: must not be empty")
    if len(text) > settings.max_query_chars:
        return error_response(
            422, "invalid_request", f"query: longer than {settings.max_query_chars} characters"
        )
    bind_session(body.session_id)
    refusal = await services.limits.admit(client_address(request), body.session_id)
    if refusal is not None:
        return error_response(
            LIMIT_STATUS[refusal.code],
            refusal.code,
            refusal.message,
            headers={"Retry-After": str(refusal.retry_after)},
        )
    try:
        return await start_turn(services, settings, body.session_id, text)
    except SessionBusy:
        return error_response(
            409, "session_busy", "This conversation is still answering; try again when it ends."
        )
    except StoreUnavailable as exc:
        log.error("session store unavailable: %s", exc)
        return error_response(503, "store_unavailable", "Conversations are unavailable.")
