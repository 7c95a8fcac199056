"""The four tools and the registry, with a fixed clock and an in-memory booking store."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime

import pytest
from pydantic import BaseModel

from supercar.store.base import Booking
from supercar.store.memory import MemoryBookingStore
from supercar.tools import (
    CARS,
    SHOWROOMS,
    Tool,
    ToolContext,
    ToolRegistry,
    ToolResult,
    catalog_prompt,
    default_registry,
    find_car,
    find_showroom,
)

# Monday 2026-06-15, 12:30 in New York, 09:30 in Los Angeles.
NOW = datetime(2026, 6, 15, 16, 30, tzinfo=UTC)
WEATHER_RE = re.compile(
    r"^The weather in ([A-Za-z ]+) is (\d+)°C and "
    r"(sunny|cloudy|rainy|snowy|clear|overcast|foggy|windy|thunderstorm|hazy)\.$"
)
BOOKING_KEYS = {"confirmationId", "date", "time", "model", "message"}


def make_ctx(
    bookings: MemoryBookingStore | None = None, session_id: str = "s1", now: datetime = NOW
) -> ToolContext:
    return ToolContext(
        session_id=session_id,
        bookings=bookings or MemoryBookingStore(),
        now=now,
        booking_horizon_days=60,
    )


@pytest.fixture
def registry() -> ToolRegistry:
    return default_registry()


async def call(registry: ToolRegistry, name: str, ctx: ToolContext, **args: str) -> ToolResult:
    return await registry.run(name, json.dumps(args), ctx)


# --- catalogue -----------------------------------------------------------------------------


def test_catalogue_shape() -> None:
    assert len(SHOWROOMS) >= 4 and 6 <= len(CARS) <= 8
    assert len({s.timezone for s in SHOWROOMS}) >= 3
    assert any(s.hours[6] is None for s in SHOWROOMS)  # some closed on Sunday
    assert find_showroom("Los-Angeles") is find_showroom("los angeles") is not None
    assert find_showroom("paris") is None
    assert find_car("supercar gt") is find_car("the GT") is CARS[0]
    assert find_car("SuperCar") is None and find_car("") is None
    prompt = catalog_prompt()
    assert all(s.id in prompt for s in SHOWROOMS) and all(c.name in prompt for c in CARS)


# --- weather -------------------------------------------------------------------------------


async def test_weather_format_and_data(registry: ToolRegistry) -> None:
    result = await call(registry, "get_weather", make_ctx(), city="New York")
    assert not result.is_error
    assert isinstance(result.output, str)
    match = WEATHER_RE.fullmatch(result.output)
    assert match and match[1] == "New York"
    assert result.data["city"] == "New York" and result.data["date"] == "2026-06-15"
    assert result.data["temperature_c"] == int(match[2]) and result.data["condition"] == match[3]
    assert result.data["source"] == "simulated"  # the default registry has no live provider


@pytest.mark.parametrize(
    ("raw", "city"),
    [
        ("são paulo", "Sao Paulo"),
        ("  new   YORK!! ", "New York"),
        ("Zürich", "Zurich"),
        ("st. louis", "St Louis"),
        ("rio", "Rio de Janeiro"),
    ],
)
async def test_weather_normalises_city(registry: ToolRegistry, raw: str, city: str) -> None:
    result = await call(registry, "get_weather", make_ctx(), city=raw)
    assert isinstance(result.output, str)
    match = WEATHER_RE.fullmatch(result.output)
    assert match and match[1] == city


async def test_weather_is_deterministic_per_city_and_day(registry: ToolRegistry) -> None:
    first = await call(registry, "get_weather", make_ctx(), city="Miami")
    again = await call(registry, "get_weather", make_ctx(now=NOW.replace(hour=20)), city="miami")
    assert first.output == again.output
    outputs = set()
    for day in range(1, 29):
        ctx = make_ctx(now=NOW.replace(day=day))
        result = await call(registry, "get_weather", ctx, city="Miami")
        assert isinstance(result.output, str) and WEATHER_RE.fullmatch(result.output)
        outputs.add(result.output)
    assert len(outputs) > 5  # varies by day


@pytest.mark.parametrize("city", ["", "   ", "123 !!", "🚗"])
async def test_weather_rejects_garbage(registry: ToolRegistry, city: str) -> None:
    result = await call(registry, "get_weather", make_ctx(), city=city)
    assert result.is_error and isinstance(result.output, str)
    assert "error" in result.data


# --- dealership address --------------------------------------------------------------------


async def test_address_format(registry: ToolRegistry) -> None:
    result = await call(registry, "get_dealership_address", make_ctx(), dealership_id="MANHATTAN")
    assert result.output == (
        "SuperCar Manhattan, 123 Broadway, New York, NY 10001 Phone: +1 (212) 555-0100 "
        "Hours: Mon-Sat 9am-7pm"
    )
    assert result.data["id"] == "manhattan" and result.data["timezone"] == "America/New_York"
    assert result.data["hours"]["Sun"] == "closed"


# The SuperCar frontend's address card cuts these out and shows the rest as the address.
CARD_PHONE = re.compile(r"(?:phone|call|tel|telephone):\s*([\d\s()+-]+)", re.IGNORECASE)
CARD_HOURS = re.compile(r"(?:hours|open|hours of operation):\s*([^.]+)", re.IGNORECASE)


async def test_every_address_card_reads_cleanly_once_phone_and_hours_are_cut(
    registry: ToolRegistry,
) -> None:
    for showroom in SHOWROOMS:
        result = await call(
            registry, "get_dealership_address", make_ctx(), dealership_id=showroom.id
        )
        assert isinstance(result.output, str)
        phone, hours = CARD_PHONE.search(result.output), CARD_HOURS.search(result.output)
        assert phone and phone[1].strip() == showroom.phone
        assert hours and hours[1].strip() == showroom.hours_summary()
        rest = CARD_HOURS.sub("", CARD_PHONE.sub("", result.output)).strip()
        assert rest == showroom.address
        assert not re.search(r"[.,;:]\s*$|\.\s*\.|\s[.,]", rest), rest


async def test_an_unknown_showroom_card_says_so_in_a_few_plain_words(
    registry: ToolRegistry,
) -> None:
    result = await call(registry, "get_dealership_address", make_ctx(), dealership_id="paris")
    assert result.is_error and result.output == "We couldn't find that showroom"
    assert all(s.id in result.data["error"] for s in SHOWROOMS)  # the model still gets the ids
    assert result.data["code"] == "unknown_dealership"


# --- availability --------------------------------------------------------------------------


async def availability(registry: ToolRegistry, ctx: ToolContext, dealership: str, date: str):
    return await call(
        registry, "check_appointment_availability", ctx, dealership_id=dealership, date=date
    )


async def test_availability_follows_opening_hours(registry: ToolRegistry) -> None:
    result = await availability(registry, make_ctx(), "manhattan", "2026-06-16")
    assert not result.is_error
    assert result.output == {
        "availableTimes": [f"{h:02d}:00" for h in range(9, 19)],
        "dealership_id": "manhattan",
        "date": "2026-06-16",
    }
    saturday = await availability(registry, make_ctx(), "chicago", "2026-06-20")
    assert isinstance(saturday.output, dict)
    assert saturday.output["availableTimes"] == [f"{h}:00" for h in range(10, 16)]


async def test_availability_closed_sunday(registry: ToolRegistry) -> None:
    result = await availability(registry, make_ctx(), "manhattan", "2026-06-21")
    assert result.is_error
    assert isinstance(result.output, dict) and result.output["availableTimes"] == []
    assert "closed on Sundays" in result.output["reason"]
    assert "Mon-Sat" in result.output["reason"]
    miami = await availability(registry, make_ctx(), "miami", "2026-06-21")
    assert isinstance(miami.output, dict)
    assert not miami.is_error and miami.output["availableTimes"][0] == "11:00"


@pytest.mark.parametrize(
    ("date", "expected", "code"),
    [
        ("2026-06-14", "in the past", "past_date"),
        ("2026-08-15", "too far ahead", "too_far_ahead"),
        ("2026-02-30", "not a real calendar date", "invalid_date"),
        ("13/45/2026", "YYYY-MM-DD", "invalid_date"),
        ("tomorrow", "YYYY-MM-DD", "invalid_date"),
        ("20260616", "YYYY-MM-DD", "invalid_date"),
    ],
)
async def test_availability_rejects_bad_dates(
    registry: ToolRegistry, date: str, expected: str, code: str
) -> None:
    result = await availability(registry, make_ctx(), "manhattan", date)
    assert result.is_error
    assert expected in result.data["error"] and result.data["code"] == code
    assert "2026-06-15" in result.data["error"]  # today's date, showroom time
    assert isinstance(result.output, dict)
    assert result.output["availableTimes"] == []
    assert_customer_words(result.output["reason"])


async def test_availability_horizon_is_inclusive(registry: ToolRegistry) -> None:
    result = await availability(registry, make_ctx(), "manhattan", "2026-08-14")
    assert not result.is_error


async def test_availability_unknown_showroom(registry: ToolRegistry) -> None:
    result = await availability(registry, make_ctx(), "paris", "2026-06-16")
    assert result.is_error and isinstance(result.output, dict)
    assert "manhattan" in result.data["error"] and result.data["code"] == "unknown_dealership"
    assert result.output["reason"] == "We couldn't find that showroom"


async def test_availability_removes_booked_slots(registry: ToolRegistry) -> None:
    bookings = MemoryBookingStore()
    await bookings.book(
        Booking("SC-1", "other", "manhattan", "2026-06-16", "10:00", "SuperCar GT", "x")
    )
    result = await availability(registry, make_ctx(bookings), "manhattan", "2026-06-16")
    assert isinstance(result.output, dict)
    assert "10:00" not in result.output["availableTimes"]
    assert len(result.output["availableTimes"]) == 9


async def test_availability_today_drops_past_slots(registry: ToolRegistry) -> None:
    result = await availability(registry, make_ctx(), "manhattan", "2026-06-15")  # 12:30 there
    assert isinstance(result.output, dict)
    assert result.output["availableTimes"] == [f"{h:02d}:00" for h in range(13, 19)]
    la = await availability(registry, make_ctx(), "los-angeles", "2026-06-15")  # 09:30 there
    assert isinstance(la.output, dict)
    assert la.output["availableTimes"][0] == "10:00"


async def test_availability_uses_showroom_local_today(registry: ToolRegistry) -> None:
    late = datetime(2026, 6, 16, 1, 30, tzinfo=UTC)  # 18:30 Monday in LA, Tuesday in UTC
    result = await availability(registry, make_ctx(now=late), "los-angeles", "2026-06-15")
    assert isinstance(result.output, dict)
    assert not result.is_error and result.output["availableTimes"] == []
    assert "no more slots today" in result.output["reason"]


async def test_availability_fully_booked_has_reason(registry: ToolRegistry) -> None:
    bookings = MemoryBookingStore()
    for hour in range(10, 16):
        await bookings.book(
            Booking(
                f"SC-{hour}", "other", "chicago", "2026-06-20", f"{hour}:00", "SuperCar GT", "x"
            )
        )
    result = await availability(registry, make_ctx(bookings), "chicago", "2026-06-20")
    assert isinstance(result.output, dict)
    assert not result.is_error and result.output["availableTimes"] == []
    assert "fully booked" in result.output["reason"]


# --- scheduling ----------------------------------------------------------------------------


async def schedule(
    registry: ToolRegistry,
    ctx: ToolContext,
    time: str = "10:00",
    car: str = "SuperCar GT",
    dealership: str = "miami",
    date: str = "2026-06-16",
) -> ToolResult:
    return await call(
        registry,
        "schedule_appointment",
        ctx,
        dealership_id=dealership,
        date=date,
        time=time,
        car_model=car,
    )


def assert_customer_words(text: str) -> None:
    """What a card may show a customer: no argument names, formats or showroom ids."""
    assert not re.search(r"dealership_id|YYYY|HH:MM|valid ids|\d{4}-\d{2}-\d{2}", text), text


def assert_card(output: object) -> dict:
    assert isinstance(output, dict) and set(output) == BOOKING_KEYS
    assert all(isinstance(value, str) for value in output.values())
    return output


async def test_schedule_success(registry: ToolRegistry) -> None:
    bookings = MemoryBookingStore()
    result = await schedule(
        registry,
        make_ctx(bookings),
        time="9:00",
        car="the gt",
        date="2026-06-16",
        dealership="manhattan",
    )
    assert not result.is_error
    card = assert_card(result.output)
    assert re.fullmatch(r"SC-[0-9A-F]{8}", card["confirmationId"])
    assert card["date"] == "2026-06-16" and card["time"] == "09:00"
    assert card["model"] == "SuperCar GT"
    assert card["message"] == (
        "Test drive booked: SuperCar GT at SuperCar Manhattan on 2026-06-16 at 09:00"
    )
    assert result.data["session_id"] == "s1"
    assert result.data["dealership_name"] == "SuperCar Manhattan"
    assert await bookings.booked_times("manhattan", "2026-06-16") == {"09:00"}


async def test_schedule_unknown_car(registry: ToolRegistry) -> None:
    result = await schedule(registry, make_ctx(), car="Model S")
    assert result.is_error
    card = assert_card(result.output)
    assert card["confirmationId"] == "" and card["message"].startswith("Booking failed: ")
    assert all(car.name in card["message"] for car in CARS)
    assert result.data["code"] == "unknown_car" and "'Model S'" in result.data["error"]


@pytest.mark.parametrize(
    ("time", "expected", "code"),
    [
        ("08:00", "not a bookable slot", "not_bookable_slot"),
        ("20:00", "not a bookable slot", "not_bookable_slot"),
        ("10:30", "not a bookable slot", "not_bookable_slot"),
        ("10am", "HH:MM", "invalid_time"),
        ("25:00", "HH:MM", "invalid_time"),
        ("10:00:00", "HH:MM", "invalid_time"),
    ],
)
async def test_schedule_rejects_bad_times(
    registry: ToolRegistry, time: str, expected: str, code: str
) -> None:
    result = await schedule(registry, make_ctx(), time=time)
    assert result.is_error
    assert expected in result.data["error"] and result.data["code"] == code
    assert_customer_words(assert_card(result.output)["message"])


async def test_schedule_rejects_past_slot_and_bad_date(registry: ToolRegistry) -> None:
    past = await schedule(registry, make_ctx(), dealership="manhattan", date="2026-06-15")
    assert past.is_error and "13:00" in assert_card(past.output)["message"]  # offers the rest
    assert past.data["code"] == "not_bookable_slot"
    bad = await schedule(registry, make_ctx(), date="tomorrow")
    assert bad.is_error and "YYYY-MM-DD" in bad.data["error"]
    assert bad.data["code"] == "invalid_date"
    assert_customer_words(assert_card(bad.output)["message"])
    sunday = await schedule(registry, make_ctx(), dealership="manhattan", date="2026-06-21")
    assert sunday.is_error and "closed" in assert_card(sunday.output)["message"]
    assert sunday.data["code"] == "closed_day"


async def test_schedule_taken_slot_offers_alternatives(registry: ToolRegistry) -> None:
    bookings = MemoryBookingStore()
    first = await schedule(registry, make_ctx(bookings, "s1"))
    assert not first.is_error
    second = await schedule(registry, make_ctx(bookings, "s2"))
    assert second.is_error
    card = assert_card(second.output)
    assert card["confirmationId"] == ""
    assert "11:00" in card["message"] and "10:00" not in second.data["alternatives"]
    assert second.data["alternatives"][0] == "11:00"
    assert second.data["code"] == "slot_taken" and "2026-06-16" in second.data["error"]
    assert_customer_words(card["message"])


async def test_schedule_same_session_is_idempotent(registry: ToolRegistry) -> None:
    bookings = MemoryBookingStore()
    first = await schedule(registry, make_ctx(bookings))
    again = await schedule(registry, make_ctx(bookings), car="supercar gt")
    assert not again.is_error
    confirmation = assert_card(first.output)["confirmationId"]
    assert assert_card(again.output)["confirmationId"] == confirmation
    other_car = await schedule(registry, make_ctx(bookings), car="SuperCar Volt")
    assert other_car.is_error


async def test_schedule_race_has_one_winner(registry: ToolRegistry) -> None:
    bookings = MemoryBookingStore()
    results = await asyncio.gather(
        *(schedule(registry, make_ctx(bookings, f"s{i}")) for i in range(50))
    )
    winners = [r for r in results if not r.is_error]
    assert len(winners) == 1
    assert all("taken" in assert_card(r.output)["message"] for r in results if r.is_error)
    assert await bookings.booked_times("miami", "2026-06-16") == {"10:00"}


async def test_schedule_ignores_user_id(registry: ToolRegistry) -> None:
    raw = json.dumps(
        {
            "dealership_id": "miami",
            "date": "2026-06-16",
            "time": "12:00",
            "car_model": "SuperCar Volt",
            "user_id": "attacker",
        }
    )
    result = await registry.run("schedule_appointment", raw, make_ctx(session_id="real"))
    assert not result.is_error and result.data["session_id"] == "real"


# --- registry ------------------------------------------------------------------------------


class EmptyArgs(BaseModel):
    pass


async def test_an_unknown_tool_is_said_in_customer_words_and_the_tool_list_goes_to_the_model(
    registry: ToolRegistry,
) -> None:
    result = await registry.run("launch_rocket", "{}", make_ctx())
    assert result.is_error and result.data["code"] == "unknown_tool"
    assert all(name in result.data["error"] for name in registry.tools)  # for the model
    assert result.output == "That is not something I can look up."


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", "{"])
async def test_registry_bad_json(registry: ToolRegistry, raw: str) -> None:
    result = await registry.run("get_weather", raw, make_ctx())
    assert result.is_error and isinstance(result.output, str)


async def test_registry_schema_failure_keeps_card_shape(registry: ToolRegistry) -> None:
    # The detail is for the model (`data`); the card says it in a customer's words.
    weather = await registry.run("get_weather", '{"town": "Miami"}', make_ctx())
    assert weather.is_error and isinstance(weather.output, str) and "city" in weather.data["error"]
    assert weather.data["code"] == "invalid_arguments" and "city" not in weather.output
    booking = await registry.run("schedule_appointment", '{"date": "2026-06-16"}', make_ctx())
    assert booking.is_error and "car_model" in booking.data["error"]
    assert "car_model" not in assert_card(booking.output)["message"]
    slots = await registry.run("check_appointment_availability", "{}", make_ctx())
    assert isinstance(slots.output, dict) and slots.output["availableTimes"] == []


async def test_registry_contains_crashing_and_slow_tools() -> None:
    async def boom(args: EmptyArgs, ctx: ToolContext) -> ToolResult:
        raise RuntimeError("kaput")

    async def slow(args: EmptyArgs, ctx: ToolContext) -> ToolResult:
        await asyncio.sleep(10)
        return ToolResult(output="late", data={})

    registry = ToolRegistry(
        [Tool("boom", "fails", EmptyArgs, boom), Tool("slow", "hangs", EmptyArgs, slow)],
        timeout_seconds=0.05,
    )
    crashed = await registry.run("boom", "{}", make_ctx())
    assert crashed.is_error and "failed" in crashed.data["error"]
    timed_out = await registry.run("slow", "", make_ctx())
    assert timed_out.is_error and "timed out" in timed_out.data["error"]


def test_schemas_are_valid_function_schemas(registry: ToolRegistry) -> None:
    names = [schema["function"]["name"] for schema in registry.schemas]
    assert names == [
        "get_weather",
        "get_dealership_address",
        "check_appointment_availability",
        "schedule_appointment",
        "cancel_appointment",
        "reschedule_appointment",
    ]
    for schema in registry.schemas:
        assert schema["type"] == "function"
        function = schema["function"]
        assert re.fullmatch(r"[a-z_]+", function["name"]) and function["description"]
        params = function["parameters"]
        assert params["type"] == "object"
        # Every argument is required except weather's `date` (omitted: today) and `unit`.
        optional = set(params["properties"]) - set(params["required"])
        assert optional == ({"date", "unit"} if function["name"] == "get_weather" else set())
        for prop in params["properties"].values():
            assert prop["type"] == "string" and prop["description"]
        assert "user_id" not in json.dumps(schema)
        json.dumps(schema)  # serialisable
