"""Shared fixtures: the fake Groq server, settings pointing at it, clients for the app, and the
world's cities (loaded once, or behind a gate)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from supercar.app import create_app
from supercar.config import Settings
from supercar.tools import geonames, places
from tests.fakes.fake_groq import FakeGroq
from tests.helpers import TIMEOUT, asgi_client

# moto-backed AWS fixtures (aws_env, aws, tables): see tests/aws.py.
pytest_plugins = ["tests.aws"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def offline_weather(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches the internet: weather is simulated unless a test points it at the fake
    Open-Meteo server (tests/fakes/fake_open_meteo.py). Subprocesses inherit the variable."""
    monkeypatch.setenv("WEATHER_PROVIDER", "simulated")


@pytest.fixture(scope="session", autouse=True)
def world_loaded() -> None:
    """The world's cities, loaded once before any test: an app whose configuration needs them
    loads them in a background thread at start-up (`supercar.services`), which would otherwise
    share the CPU with whatever the session's first test measures."""
    places.preload()


class GatedWorld:
    """A fresh, unbuilt world table whose builder counts its builds and waits for `gate` (bounded)
    before returning the real cities; `failures` builds raise first."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.gate = threading.Event()
        self.builds = 0
        self.failures = 0
        self._count = threading.Lock()
        world = places._index()  # built by `world_loaded`

        def build() -> dict[str, places.Place]:
            with self._count:
                self.builds += 1
                fail = self.builds <= self.failures
            self.gate.wait(TIMEOUT)
            if fail:
                raise OSError("the dataset could not be read")
            return dict(world)

        monkeypatch.setattr(geonames, "index", build)
        monkeypatch.setattr(places, "_index", places._Once(places._index.build))


@pytest.fixture
def gated_world(monkeypatch: pytest.MonkeyPatch) -> Iterator[GatedWorld]:
    world = GatedWorld(monkeypatch)
    yield world
    world.gate.set()  # no builder left waiting after the test


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
def app(make_settings: Callable[..., Settings]) -> FastAPI:
    """The Groq-backed app; its lifespan runs while the `client` fixture is open."""
    return create_app(make_settings())


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(app) as c:
        yield c
