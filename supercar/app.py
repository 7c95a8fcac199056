"""The FastAPI application: routes, CORS, request validation, and the lifespan that owns clients.

Everything a request can be refused for is decided before the stream starts, with a 4xx (or a
503 when the session store is down) and a JSON body `{"code", "message", "detail"?}`; once the
stream has started, failures travel as events (see `supercar.conversation`). Unknown fields in
the request body are ignored, so a client that sends extra context keeps working.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sse_starlette import EventSourceResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from supercar import __version__
from supercar.agent import Turn
from supercar.config import Settings, get_settings
from supercar.conversation import TurnRequest, TurnStreamResponse
from supercar.credentials import GroqKey, resolve_groq_key
from supercar.guards import BodyGuard
from supercar.llm.base import ChatModel
from supercar.prompt import system_prompt
from supercar.request_context import RequestContext, bind_session
from supercar.store.base import BookingStore, SessionBusy, SessionStore
from supercar.store.factory import build_stores
from supercar.tools import default_registry
from supercar.tools.base import ToolContext, ToolRegistry
from supercar.tools.catalog import CARS, SHOWROOMS

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).parent / "web"
SESSION_ID_PATTERN = r"^[A-Za-z0-9_.:-]+$"


@dataclass
class Services:
    """What the lifespan builds once and every request shares."""

    model: ChatModel
    tools: ToolRegistry
    sessions: SessionStore
    bookings: BookingStore
    key: GroqKey  # where the key was sought and how that went (for /health)


def build_model(settings: Settings, key: GroqKey) -> ChatModel:
    api_key = key.value.get_secret_value() if key.value else None
    if api_key:
        from supercar.llm.groq import GroqModel

        model = GroqModel(
            api_key,
            settings.groq_model,
            base_url=settings.groq_base_url,
            max_retries=settings.groq_max_retries,
            read_timeout=settings.groq_read_timeout_seconds,
        )
        log.info("model backend: groq, model %s (key from %s)", settings.groq_model, key.source)
        return model
    from supercar.llm.offline import OfflineModel

    log.warning(
        "No Groq key available: using the OFFLINE demo model (rule-based, no network). "
        "Set GROQ_API_KEY, or GROQ_API_KEY_PARAM to an SSM parameter, to talk to Groq."
    )
    return OfflineModel()


def build_services(settings: Settings) -> Services:
    # May read SSM and create a DynamoDB client: blocking boto3 work, done once at start-up
    # before any request is accepted, so it stalls no stream (see supercar.credentials).
    key = resolve_groq_key(settings)
    model = build_model(settings, key)
    sessions, bookings = build_stores(settings)
    return Services(
        model=model,
        tools=default_registry(settings),
        sessions=sessions,
        bookings=bookings,
        key=key,
    )


async def get_services(request: Request) -> Services:  # async: no thread hop per request
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


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


class ErrorBody(BaseModel):
    code: str
    message: str
    detail: list[dict[str, Any]] | None = None


def error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"code": code, "message": message, **extra}, status_code=status)


SSE_DESCRIPTION = """A Server-Sent-Events stream (LF line endings), events in this order:

- `chunk`: assistant text, verbatim (one or more)
- `tool_use`: the tool name, plain text
- `tool_output`: one-line JSON `{"name", "output", "data", "tool_call_id", "is_error"}`
- `error` (only on failure, after an apology `chunk`): one-line JSON `{"code", "message"}`
- `end`: empty data; nothing follows it

Error codes: rate_limited, upstream_auth, model_unavailable, upstream_unavailable,
upstream_error, timeout, session_conflict, internal_error."""

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
    503: {"model": ErrorBody, "description": "The session store cannot be reached."},
}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = build_services(settings)
        app.state.services = services
        try:
            yield
        finally:
            await services.model.aclose()

    app = FastAPI(
        title="SuperCar Assistant",
        version=__version__,
        description="Lex, the SuperCar sales assistant: `POST /query` streams its answer as SSE.",
        lifespan=lifespan,
    )
    app.add_middleware(BodyGuard, max_body_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["content-type", "accept"],
        )
    # Outermost, so every log record of a request carries its request id (and session id).
    app.add_middleware(RequestContext)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(err["loc"]), "msg": err["msg"], "type": err["type"]}
            for err in exc.errors()
        ]
        if any(err["type"] == "json_invalid" for err in errors):
            return error_response(400, "invalid_json", "The request body is not valid JSON.")
        summary = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'][1:]) or 'body'}: {err['msg']}" for err in errors
        )
        return error_response(422, "invalid_request", summary, detail=errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}.get(
            exc.status_code, "http_error"
        )
        response = error_response(exc.status_code, code, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.post(
        "/query",
        response_class=EventSourceResponse,
        responses=QUERY_RESPONSES,
        summary="Ask Lex; the answer streams back as Server-Sent Events",
    )
    async def query(body: QueryRequest, services: ServicesDep) -> Any:
        text = body.query.strip()
        if not text:
            return error_response(422, "invalid_request", "query: must not be empty")
        if len(text) > settings.max_query_chars:
            return error_response(
                422, "invalid_request", f"query: longer than {settings.max_query_chars} characters"
            )
        bind_session(body.session_id)
        sessions = services.sessions
        try:
            await sessions.lock(body.session_id, ttl_seconds=settings.turn_timeout_seconds + 30)
        except SessionBusy:
            return error_response(
                409, "session_busy", "This conversation is still answering; try again when it ends."
            )
        except Exception:  # e.g. DynamoDB unreachable or throttling
            log.exception("session store unavailable")
            return error_response(503, "store_unavailable", "Conversations are unavailable.")
        try:
            session = await sessions.load(body.session_id)
        except Exception:
            with contextlib.suppress(Exception):  # the claim lapses by itself if this fails too
                await sessions.unlock(body.session_id)
            log.exception("session store unavailable")
            return error_response(503, "store_unavailable", "Conversations are unavailable.")
        now = datetime.now(UTC)
        turn = Turn(
            model=services.model,
            tools=services.tools,
            system_prompt=system_prompt(now),
            history=session.history(settings.history_turns),
            query=text,
            ctx=ToolContext(
                session_id=body.session_id,
                bookings=services.bookings,
                now=now,
                booking_horizon_days=settings.booking_horizon_days,
            ),
            max_rounds=settings.max_tool_rounds,
        )
        return TurnStreamResponse(
            TurnRequest(
                session_id=body.session_id,
                session=session,
                turn=turn,
                sessions=sessions,
                deadline_seconds=settings.turn_timeout_seconds,
                coalesce_seconds=settings.coalesce_ms / 1000,
            ),
            sep="\n",
            ping=settings.ping_seconds,
            send_timeout=settings.send_timeout_seconds,
        )

    @app.get("/health", summary="Liveness and the active model backend; makes no external calls")
    async def health(services: ServicesDep) -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "model": {"backend": services.model.backend, "id": services.model.model_id},
            # Where the key was sought and how that went: {"source", "status"}, never the value.
            "key": services.key.health(),
        }

    @app.get("/dealerships", summary="The showroom catalogue")
    async def dealerships() -> list[dict[str, Any]]:
        return [showroom.record() for showroom in SHOWROOMS]

    @app.get("/cars", summary="The car models on offer")
    async def cars() -> list[dict[str, Any]]:
        return [car.record() for car in CARS]

    if settings.chat_page and (WEB_DIR / "index.html").exists():

        @app.get("/", include_in_schema=False)
        async def chat_page() -> FileResponse:
            return FileResponse(WEB_DIR / "index.html")

    return app
