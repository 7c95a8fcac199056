"""`create_app(settings)`: the FastAPI app wired together, and the lifespan that owns its services.

The routes live in `supercar.api`, what they share in `supercar.services`; this module only
assembles them. Middleware order matters: the request context is outermost, so every log record
of a request carries its request id (and session id); CORS answers preflights before the body
guard sees them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from supercar import __version__
from supercar.api import info, lifecycle, query, staff
from supercar.api.errors import install_error_handlers
from supercar.api.guards import BodyGuard
from supercar.config import Settings, get_settings
from supercar.request_context import RequestContext
from supercar.services import build_services


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = build_services(settings)
        app.state.services = services
        try:
            yield
        finally:
            await services.aclose()

    app = FastAPI(
        title="SuperCar Assistant",
        version=__version__,
        description="Lex, the SuperCar sales assistant: `POST /query` streams its answer as SSE.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_middleware(
        BodyGuard, max_body_bytes=settings.max_body_bytes, body_routes=query.BODY_ROUTES
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["content-type", "accept"],
            expose_headers=["retry-after"],  # when a rate limit or the budget says to come back
        )
    app.add_middleware(RequestContext)
    install_error_handlers(app)
    app.include_router(query.router)
    app.include_router(info.router)
    app.include_router(lifecycle.router)
    if settings.staff_routes:  # no token configured: the path does not exist (404)
        app.include_router(staff.router)
    if settings.chat_page and (info.WEB_DIR / "index.html").exists():
        app.include_router(info.chat_page_router)
    return app
