"""The cards' words in the customer's language, with the patterns the page parses kept.

The contract (docs/contract.md) fixes what the SuperCar page reads with English regular
expressions: the weather sentence and the address's `Phone:` and `Hours:`. Those stay; every
other sentence a card shows follows `ToolContext.language`. The regexes below are the page's.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import get_args

import httpx
import pytest

from supercar.app import create_app
from supercar.config import Settings
from supercar.language import Language
from supercar.store.memory import MemoryBookingStore
from supercar.tools import SHOWROOMS, ToolContext, ToolRegistry, ToolResult, default_registry
from supercar.tools.base import ToolErrorCode
from supercar.tools.wording import _PHRASES, _REFUSALS, day_words
from tests import sse
from tests.helpers import asgi_client, ask
from tests.test_tools import BOOKING_KEYS, CARD_HOURS, CARD_PHONE, WEATHER_RE

# Monday 2026-06-15, 12:30 in New York.
NOW = datetime(2026, 6, 15, 16, 30, tzinfo=UTC)
HH_MM = re.compile(r"\d{2}:\d{2}")


def ctx(language: Language = "es") -> ToolContext:
    return ToolContext(session_id="s1", bookings=MemoryBookingStore(), now=NOW, language=language)


async def call(name: str, language: Language = "es", **args: str) -> ToolResult:
    return await default_registry().run(name, json.dumps(args), ctx(language))


def test_every_phrase_says_the_same_things_in_both_languages() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, by_language in (_PHRASES | _REFUSALS).items():
        assert set(by_language) == {"en", "es"}, key
        assert fields(by_language["en"]) == fields(by_language["es"]), key


def test_every_tool_error_code_has_one_refusal_sentence_and_no_other_key_does() -> None:
    assert set(_REFUSALS) == set(get_args(ToolErrorCode))


def test_a_day_is_named_in_the_language() -> None:
    day = datetime(2026, 12, 4).date()
    assert day_words(day, "en") == "Friday 4 December"
    assert day_words(day, "es") == "viernes 4 de diciembre"


# --- what the page parses keeps its English pattern -----------------------------------------


async def test_a_spanish_weather_card_keeps_the_sentence_the_card_parses() -> None:
    result = await call("get_weather", city="Londres")
    assert isinstance(result.output, str)
    match = WEATHER_RE.fullmatch(result.output)
    assert match and match[1] == "London" and int(match[2]) == max(result.data["temperature_c"], 0)


async def test_a_spanish_address_card_keeps_phone_and_hours_for_the_card() -> None:
    for showroom in SHOWROOMS:
        result = await call("get_dealership_address", dealership_id=showroom.id)
        assert isinstance(result.output, str)
        phone, hours = CARD_PHONE.search(result.output), CARD_HOURS.search(result.output)
        assert phone and phone[1].strip() == showroom.phone
        assert hours and hours[1].strip() == showroom.hours_summary()
        assert "." not in result.output


async def test_a_spanish_booking_card_has_the_cards_fields_and_a_spanish_header() -> None:
    result = await call(
        "schedule_appointment",
        dealership_id="manhattan",
        date="2026-06-16",
        time="10:00",
        car_model="SuperCar GT",
    )
    assert not result.is_error and isinstance(result.output, dict)
    assert set(result.output) == BOOKING_KEYS
    assert all(isinstance(value, str) for value in result.output.values())
    assert HH_MM.fullmatch(result.output["time"]) and result.output["date"] == "2026-06-16"
    assert result.output["message"] == (
        "Prueba de manejo reservada: SuperCar GT en SuperCar Manhattan el 2026-06-16 a las 10:00"
    )


async def test_spanish_availability_keeps_the_list_the_card_reads() -> None:
    result = await call("check_appointment_availability", dealership_id="miami", date="2026-06-16")
    assert isinstance(result.output, dict)
    assert result.output["availableTimes"] and all(
        isinstance(t, str) and HH_MM.fullmatch(t) for t in result.output["availableTimes"]
    )


# --- the free text follows the language -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args", "spanish", "english"),
    [
        (
            "get_dealership_address",
            {"dealership_id": "atlantis"},
            "No encontramos ese concesionario",
            "We couldn't find that showroom",
        ),
        (
            "get_weather",
            {"city": "Xanadu Springs"},
            "Lo siento, no encontramos ningún lugar llamado Xanadu Springs.",
            "Sorry, we couldn't find a place called Xanadu Springs.",
        ),
        (
            "check_appointment_availability",
            {"dealership_id": "manhattan", "date": "2026-06-21"},
            "SuperCar Manhattan cierra los domingos; su horario es lun-sáb 9:00-19:00.",
            "SuperCar Manhattan is closed on Sundays; its hours are Mon-Sat 9am-7pm.",
        ),
        (
            "check_appointment_availability",
            {"dealership_id": "miami", "date": "2026-06-01"},
            "Eso ya pasó; hoy es lunes 15 de junio.",
            "That has already passed; today is Monday 15 June.",
        ),
        (
            "schedule_appointment",
            {
                "dealership_id": "miami",
                "date": "2026-06-16",
                "time": "10:00",
                "car_model": "Ferrari",
            },
            "Reserva no realizada: No tenemos ese coche; nuestros modelos son SuperCar GT, ",
            "Booking failed: We don't offer that car; our models are SuperCar GT, ",
        ),
        (
            "schedule_appointment",
            {"dealership_id": "miami"},  # arguments missing: the registry's refusal
            "Reserva no realizada: no se pudo leer la petición",
            "Booking failed: the request could not be read",
        ),
    ],
)
async def test_a_cards_sentence_is_in_the_conversations_language(
    name: str, args: dict[str, str], spanish: str, english: str
) -> None:
    def shown(result: ToolResult) -> str:
        output = result.output
        if isinstance(output, dict):
            return str(output.get("message") or output.get("reason"))
        return output

    in_spanish = await call(name, "es", **args)
    in_english = await call(name, "en", **args)
    assert in_spanish.is_error and in_english.is_error
    assert shown(in_spanish).startswith(spanish)
    assert shown(in_english).startswith(english)
    # The model's detail is the same in both: it is English, for the model.
    assert in_spanish.data == in_english.data


async def test_a_slot_just_taken_is_said_in_spanish() -> None:
    registry: ToolRegistry = default_registry()
    shared = ctx("es")
    booking = {
        "dealership_id": "miami",
        "date": "2026-06-16",
        "time": "11:00",
        "car_model": "SuperCar GT",
    }
    first = await registry.run("schedule_appointment", json.dumps(booking), shared)
    assert not first.is_error
    other = ToolContext(session_id="s2", bookings=shared.bookings, now=NOW, language="es")
    second = await registry.run("schedule_appointment", json.dumps(booking), other)
    assert second.is_error and isinstance(second.output, dict)
    assert second.output["message"].startswith(
        "Reserva no realizada: 11:00 del martes 16 de junio ya está reservado; horarios libres "
        "ese día: 10:00, 12:00, "
    )


# --- set by the conversation, in the offline mode (the Groq mode: tests/test_browser.py) ------


@pytest.fixture
async def offline_client() -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(create_app(Settings(_env_file=None))) as client:  # type: ignore[call-arg]
        yield client


async def test_a_spanish_conversation_gets_spanish_cards_and_a_card_the_page_reads(
    offline_client: httpx.AsyncClient,
) -> None:
    slots = await ask(
        offline_client,
        "Hola, ¿puedo probar el Volt en el concesionario de Miami el viernes?",
        "es-1",
    )
    availability = next(e for e in slots if e.name == "tool_output").json()
    times = availability["output"]["availableTimes"]
    assert times, availability
    booked = await ask(offline_client, times[0], "es-1")  # no language of its own: still Spanish
    card = next(e for e in booked if e.name == "tool_output").json()
    assert card["name"] == "schedule_appointment" and not card["is_error"], card
    assert set(card["output"]) >= BOOKING_KEYS
    assert card["output"]["message"].startswith("Prueba de manejo reservada: SuperCar Volt en ")
    assert card["output"]["confirmationId"] in sse.text_of(booked)
