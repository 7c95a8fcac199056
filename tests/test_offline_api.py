"""With no key, the whole flow runs on the offline demo model: what a newcomer sees first."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from supercar.app import create_app
from supercar.config import Settings
from tests import sse

pytestmark = pytest.mark.anyio


@pytest.fixture
async def offline_client() -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield client


async def turn(client: httpx.AsyncClient, query: str) -> list[sse.Event]:
    response = await client.post("/query", json={"query": query, "session_id": "newcomer"})
    assert response.status_code == 200
    return sse.parse(response.content)


async def test_health_says_the_offline_model_is_in_use(offline_client: httpx.AsyncClient) -> None:
    model = (await offline_client.get("/health")).json()["model"]
    assert model["backend"] == "offline"


async def test_a_newcomer_books_a_test_drive_over_three_turns(
    offline_client: httpx.AsyncClient,
) -> None:
    greeting = await turn(offline_client, "Hello!")
    assert "offline" in sse.text_of(greeting).lower()

    slots = await turn(offline_client, "Can I test drive the Volt at the Miami showroom on Friday?")
    availability = next(e for e in slots if e.name == "tool_output").json()
    assert availability["name"] == "check_appointment_availability"
    times = availability["output"]["availableTimes"]
    assert times, availability

    booked = await turn(offline_client, f"{times[0]} please")
    confirmation = next(e for e in booked if e.name == "tool_output").json()
    assert confirmation["name"] == "schedule_appointment" and not confirmation["is_error"]
    assert confirmation["output"]["time"] == times[0]
    assert confirmation["output"]["model"] == "SuperCar Volt"
    assert confirmation["output"]["confirmationId"] in sse.text_of(booked)
