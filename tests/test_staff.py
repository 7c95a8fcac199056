"""`GET /staff/bookings`: absent without a token, 401 with a wrong one, rate-limited like /query,
and with the right one a showroom's bookings sorted by date and time, with their status and
nothing of the conversation; from the memory store and from DynamoDB, with queries, never a scan."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import boto3
import httpx
import pytest
from fastapi import FastAPI

from supercar.app import create_app
from supercar.config import Settings
from supercar.services import Services
from supercar.store.base import Booking
from tests.aws import BOOKINGS_TABLE
from tests.helpers import asgi_client

TOKEN = "desk-token-0123456789abcdef"
RIGHT = {"Authorization": f"Bearer {TOKEN}"}
SESSION = "premium_client-1743061453410"


@pytest.fixture
def staff_settings(make_settings: Callable[..., Settings]) -> Callable[..., Settings]:
    def make(**overrides: Any) -> Settings:
        return make_settings(**{"staff_token": TOKEN, **overrides})

    return make


@pytest.fixture
def staff_app(staff_settings: Callable[..., Settings]) -> FastAPI:
    return create_app(staff_settings())


@pytest.fixture
async def staff(staff_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(staff_app) as client:
        yield client


def services_of(app: FastAPI) -> Services:
    services: Services = app.state.services  # built by the lifespan the client runs
    return services


def booking(day: str, time: str, car: str = "SuperCar GT", showroom: str = "miami") -> Booking:
    return Booking(f"SC-{day}-{time}", SESSION, showroom, day, time, car, f"{day}T09:00:00Z")


def local_today(tz: str = "America/New_York") -> datetime:
    return datetime.now(UTC).astimezone(ZoneInfo(tz))


async def test_with_no_token_configured_the_staff_route_does_not_exist(
    make_settings: Callable[..., Settings],
) -> None:
    async with asgi_client(create_app(make_settings())) as client:
        for headers in ({}, RIGHT):
            response = await client.get("/staff/bookings?dealership_id=miami", headers=headers)
            assert response.status_code == 404
            assert response.json()["code"] == "not_found"
        assert "/staff/bookings" not in (await client.get("/openapi.json")).text


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer wrong-token-0123456789abcdef", f"Basic {TOKEN}", TOKEN, f"Bearer {TOKEN[:-1]}"],
    ids=["missing", "wrong", "another-scheme", "no-scheme", "a-prefix-of-it"],
)
async def test_a_missing_or_wrong_token_is_401_with_a_json_body(
    staff: httpx.AsyncClient, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    response = await staff.get("/staff/bookings?dealership_id=miami", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    body = response.json()
    assert body["code"] == "unauthorized" and "Bearer" in body["message"]
    assert TOKEN not in response.text


async def test_without_the_token_a_malformed_query_is_still_401(staff: httpx.AsyncClient) -> None:
    # The token is checked before the query, so nobody learns the route's shape without it.
    for path in ("/staff/bookings", "/staff/bookings?dealership_id=miami&date=soon"):
        assert (await staff.get(path)).status_code == 401


async def test_the_right_token_lists_one_day_sorted_by_time_with_nothing_of_the_conversation(
    staff: httpx.AsyncClient, staff_app: FastAPI
) -> None:
    store = services_of(staff_app).bookings
    for time in ("15:00", "10:00", "12:00"):
        await store.book(booking("2026-06-16", time))
    await store.book(booking("2026-06-17", "10:00"))  # another day
    await store.book(booking("2026-06-16", "11:00", showroom="manhattan"))  # another showroom
    response = await staff.get("/staff/bookings?dealership_id=miami&date=2026-06-16", headers=RIGHT)
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["dealership_id"] == "miami" and body["timezone"] == "America/New_York"
    assert body["first_date"] == body["last_date"] == "2026-06-16"
    assert [b["time"] for b in body["bookings"]] == ["10:00", "12:00", "15:00"]
    first = body["bookings"][0]
    # Never changed: no update time, or (where the store records one) the time it was made.
    assert first.pop("updated_at") in (None, first["created_at"])
    assert first == {
        "date": "2026-06-16",
        "time": "10:00",
        "status": "booked",
        "confirmation_id": "SC-2026-06-16-10:00",
        "car_model": "SuperCar GT",
        "created_at": "2026-06-16T09:00:00Z",
        "rescheduled_from": None,
    }
    assert SESSION not in response.text and "session" not in response.text


async def test_without_a_date_the_list_is_the_next_14_days_of_the_showroom(
    staff: httpx.AsyncClient, staff_app: FastAPI
) -> None:
    store = services_of(staff_app).bookings
    today = local_today("America/Los_Angeles").date()
    # Days 1 and 12 are inside the window even if the showroom's midnight passes mid-test; day 20
    # is outside it, and yesterday is before it.
    for days_ahead in (12, 1, 20, -1):
        day = (today + timedelta(days=days_ahead)).isoformat()
        await store.book(booking(day, "10:00", showroom="los-angeles"))
    response = await staff.get("/staff/bookings?dealership_id=los-angeles", headers=RIGHT)
    assert response.status_code == 200, response.text
    body = response.json()
    first = datetime.fromisoformat(body["first_date"]).date()
    assert first in {today, today + timedelta(days=1)}
    assert datetime.fromisoformat(body["last_date"]).date() == first + timedelta(days=13)
    assert [b["date"] for b in body["bookings"]] == [
        (today + timedelta(days=n)).isoformat() for n in (1, 12)
    ]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("dealership_id=atlantis", "no showroom 'atlantis'"),
        ("dealership_id=miami&date=2026-02-30", "is not a date"),
        ("dealership_id=miami&date=16/06/2026", "date"),
        ("", "dealership_id"),
    ],
)
async def test_with_the_token_a_bad_query_is_422(
    staff: httpx.AsyncClient, query: str, says: str
) -> None:
    response = await staff.get(f"/staff/bookings?{query}", headers=RIGHT)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    assert says in response.json()["message"]


async def test_staff_requests_are_rate_limited_per_client_wrong_tokens_included(
    staff_settings: Callable[..., Settings],
) -> None:
    async with asgi_client(create_app(staff_settings(rate_limit_per_minute=3))) as client:
        url = "/staff/bookings?dealership_id=miami&date=2026-06-16"
        wrong = {"Authorization": "Bearer wrong-token-0123456789abcdef"}
        assert [(await client.get(url, headers=wrong)).status_code for _ in range(2)] == [401] * 2
        assert (await client.get(url, headers=RIGHT)).status_code == 200
        refused = await client.get(url, headers=RIGHT)  # the fourth this minute, right token or not
        assert refused.status_code == 429
        assert refused.json()["code"] == "rate_limited"
        assert 1 <= int(refused.headers["retry-after"]) <= 60


async def test_the_token_can_come_from_ssm(
    aws: None, staff_settings: Callable[..., Settings]
) -> None:
    boto3.client("ssm").put_parameter(
        Name="/supercar/staff-token", Value=TOKEN, Type="SecureString"
    )
    settings = staff_settings(staff_token=None, staff_token_param="/supercar/staff-token")
    async with asgi_client(create_app(settings)) as client:
        url = "/staff/bookings?dealership_id=miami&date=2026-06-16"
        assert (await client.get(url, headers=RIGHT)).status_code == 200
        assert (await client.get(url)).status_code == 401


async def test_a_missing_token_parameter_keeps_the_route_closed(
    aws: None, staff_settings: Callable[..., Settings]
) -> None:
    # Configured but not (yet) stored: the route exists and refuses everyone.
    settings = staff_settings(staff_token=None, staff_token_param="/supercar/not-stored")
    async with asgi_client(create_app(settings)) as client:
        url = "/staff/bookings?dealership_id=miami&date=2026-06-16"
        response = await client.get(url, headers=RIGHT)
        assert response.status_code == 401 and response.json()["code"] == "unauthorized"


# --- DynamoDB -------------------------------------------------------------------------------


def count_calls(client: Any) -> list[str]:
    """The DynamoDB operations a botocore client makes, in order (a botocore event hook)."""
    made: list[str] = []
    client.meta.events.register("before-call.dynamodb", lambda model, **_: made.append(model.name))
    return made


async def test_from_dynamodb_the_list_shows_each_status_and_reads_by_query_only(
    tables: dict[str, str], staff_settings: Callable[..., Settings]
) -> None:
    raw = boto3.client("dynamodb")

    def put(time: str, **extra: str) -> None:
        # Items as the bookings store writes them; the status fields as its cancel and move do.
        item = {
            "pk": "miami#2026-06-16",
            "sk": time,
            "confirmation_id": f"SC-{time}",
            "session_id": SESSION,
            "dealership_id": "miami",
            "date": "2026-06-16",
            "time": time,
            "car_model": "SuperCar Volt",
            "created_at": "2026-06-10T12:00:00Z",
            **extra,
        }
        raw.put_item(TableName=BOOKINGS_TABLE, Item={k: {"S": v} for k, v in item.items()})

    put("09:00")  # written before statuses existed
    put("11:00", status="cancelled", updated_at="2026-06-11T08:00:00Z")
    put("10:00", status="moved", updated_at="2026-06-12T08:00:00Z")
    put(
        "14:00",
        status="booked",
        updated_at="2026-06-12T08:00:00Z",
        rescheduled_from="2026-06-16 10:00",
    )
    app = create_app(staff_settings(**tables))
    async with asgi_client(app) as client:
        calls = count_calls(services_of(app).bookings.client)  # type: ignore[attr-defined]
        response = await client.get(
            "/staff/bookings?dealership_id=miami&date=2026-06-16", headers=RIGHT
        )
        assert response.status_code == 200, response.text
        listed = [
            (b["time"], b["status"], b["rescheduled_from"]) for b in response.json()["bookings"]
        ]
        assert listed == [
            ("09:00", "booked", None),
            ("10:00", "moved", None),
            ("11:00", "cancelled", None),
            ("14:00", "booked", "2026-06-16 10:00"),
        ]
        assert response.json()["bookings"][2]["updated_at"] == "2026-06-11T08:00:00Z"
        assert SESSION not in response.text
        assert calls == ["Query"]
        calls.clear()
        await client.get("/staff/bookings?dealership_id=miami", headers=RIGHT)
        assert calls == ["Query"] * 14  # one per day, and no Scan


async def test_an_unreachable_bookings_table_is_503(
    aws: None, staff_settings: Callable[..., Settings]
) -> None:
    settings = staff_settings(bookings_table="no-such-table")  # never created
    async with asgi_client(create_app(settings)) as client:
        response = await client.get(
            "/staff/bookings?dealership_id=miami&date=2026-06-16", headers=RIGHT
        )
        assert response.status_code == 503
        assert response.json()["code"] == "store_unavailable"
