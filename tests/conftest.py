"""Shared fixtures: the fake Groq server, settings pointing at it, and clients for the app."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from supercar.app import create_app
from supercar.config import Settings
from tests.fakes.fake_groq import FakeGroq

# moto-backed AWS fixtures (aws_env, aws, tables): see tests/aws.py.
pytest_plugins = ["tests.aws"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def fake_groq() -> Iterator[FakeGroq]:
    with FakeGroq(api_key="test-key") as fake:
        yield fake


@pytest.fixture
def make_settings(fake_groq: FakeGroq) -> Callable[..., Settings]:
    """Settings for a Groq-backed app talking to the fake server; override any field. The rate
    limits are off: most tests ask many questions from one address and session at once (the
    tests of the limits, and the soak test, turn them on)."""

    def make(**overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "groq_api_key": "test-key",
            "groq_base_url": fake_groq.base_url,
            "groq_max_retries": 0,
            "rate_limit_per_minute": 0,
            "session_rate_limit_per_minute": 0,
        }
        values.update(overrides)
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    return make


@pytest.fixture
async def app(make_settings: Callable[..., Settings]) -> AsyncIterator[FastAPI]:
    application = create_app(make_settings())
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def asgi_client(settings: Settings) -> Any:
    """`async with asgi_client(settings) as client`: an app with its lifespan, over ASGI."""

    @asynccontextmanager
    async def open_client() -> AsyncIterator[httpx.AsyncClient]:
        application = create_app(settings)
        async with application.router.lifespan_context(application):
            transport = httpx.ASGITransport(app=application)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
                yield c

    return open_client()
