"""With no key, the whole flow runs on the offline demo model: what a newcomer sees first."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from supercar.app import create_app
from supercar.config import Settings
from tests import sse
from tests.helpers import asgi_client, ask


@pytest.fixture
async def offline_client() -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(create_app(Settings(_env_file=None))) as client:  # type: ignore[call-arg]
        yield client


async def test_health_says_the_offline_model_is_in_use(offline_client: httpx.AsyncClient) -> None:
    model = (await offline_client.get("/health")).json()["model"]
    assert model["backend"] == "offline"


async def test_a_newcomer_books_a_test_drive_over_three_turns(
    offline_client: httpx.AsyncClient,
) -> None:
    greeting = await ask(offline_client, "Hello!", "newcomer")
    assert "offline" in sse.text_of(greeting).lower()

    slots = await ask(
        offline_client, "Can I test drive the Volt at the Miami showroom on Friday?", "newcomer"
    )
    availability = next(e for e in slots if e.name == "tool_output").json()
    assert availability["name"] == "check_appointment_availability"
    times = availability["output"]["availableTimes"]
    assert times, availability

    booked = await ask(offline_client, f"{times[0]} please", "newcomer")
    confirmation = next(e for e in booked if e.name == "tool_output").json()
    assert confirmation["name"] == "schedule_appointment" and not confirmation["is_error"]
    assert confirmation["output"]["time"] == times[0]
    assert confirmation["output"]["model"] == "SuperCar Volt"
    assert confirmation["output"]["confirmationId"] in sse.text_of(booked)
