"""The rate limits, the daily budget and the booking cap, tried as an abuser would try them.

Where the client's address matters the app runs under a real uvicorn on loopback and the clients
connect from different loopback addresses (127.0.0.2, 127.0.0.3...): uvicorn believes
X-Forwarded-For only from 127.0.0.1, so this is how "another machine" looks here. DynamoDB is
moto, with two app instances standing for two Lambda sandboxes.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest
from fastapi import FastAPI, Request

from supercar.api.client import client_address
from supercar.app import create_app
from supercar.config import Settings
from supercar.limits import Limits
from supercar.store.base import Booking, BookingCap, StoreUnavailable
from supercar.store.memory import MemoryBookingStore, MemoryCounters
from supercar.tools import default_registry
from supercar.tools.base import ToolContext, ToolResult
from tests import sse
from tests.aws import create_limits_table
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.helpers import LiveServer, asgi_client, open_weekday

EVENTS = Path(__file__).resolve().parent.parent / "infra" / "events"


@pytest.fixture
def steady_minute(monkeypatch: pytest.MonkeyPatch) -> None:
    """The apps' limits see a clock that stands still in the middle of the next minute, so no
    window ends during a test (a count that restarted would pass a burst through). The window
    then ends at least a minute from now, before any memory counter forgets it."""
    steady = (time.time() // 60 + 1) * 60 + 30
    monkeypatch.setattr("supercar.services.Limits", functools.partial(Limits, clock=lambda: steady))


def body(session_id: str, query: str = "hello") -> dict[str, str]:
    return {"query": query, "session_id": session_id}


@asynccontextmanager
async def client_from(server: LiveServer, address: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client whose connections come from `address` (a loopback address)."""
    transport = httpx.AsyncHTTPTransport(local_address=address)
    async with httpx.AsyncClient(base_url=server.url, transport=transport, timeout=10) as client:
        yield client


def assert_refused(response: httpx.Response, status: int, code: str) -> int:
    """The refusal's shape; returns its Retry-After."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json()["code"] == code and response.json()["message"]
    retry_after = response.headers["retry-after"]
    assert retry_after.isdigit() and int(retry_after) >= 1
    return int(retry_after)


async def stored_turns(app: FastAPI, session_id: str) -> int:
    return len((await app.state.services.sessions.load(session_id)).turns)


# --- rate limits ------------------------------------------------------------------------------


@pytest.mark.usefixtures("steady_minute")
async def test_a_burst_from_one_client_meets_429_with_retry_after_while_another_is_served(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    app = create_app(make_settings(rate_limit_per_minute=3))
    with LiveServer(app) as server:
        async with (
            client_from(server, "127.0.0.2") as greedy,
            client_from(server, "127.0.0.3") as other,
        ):
            burst = [await greedy.post("/query", json=body(f"greedy-{i}")) for i in range(5)]
            served = await other.post("/query", json=body("other"))
        assert [r.status_code for r in burst[:3]] == [200, 200, 200]
        for refused in burst[3:]:
            assert assert_refused(refused, 429, "rate_limited") <= 60
        assert served.status_code == 200 and sse.parse(served.content)[-1].name == "end"
        # The refused requests never reached the model, and left no history behind.
        assert len(fake_groq.requests) == 4
        assert [await stored_turns(app, f"greedy-{i}") for i in range(5)] == [1, 1, 1, 0, 0]


@pytest.mark.usefixtures("steady_minute")
async def test_a_burst_in_one_session_meets_429_and_its_history_stays_as_it_was(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    settings = make_settings(rate_limit_per_minute=100, session_rate_limit_per_minute=2)
    async with asgi_client(create_app(settings)) as client:
        answered = [await client.post("/query", json=body("chatty", f"q{i}")) for i in range(2)]
        refused = await client.post(
            "/query",
            json=body("chatty", "one too many"),
            headers={"origin": "http://localhost:3000"},
        )
        elsewhere = await client.post("/query", json=body("quiet"))
    assert [r.status_code for r in answered] == [200, 200]
    assert_refused(refused, 429, "rate_limited")
    assert "conversation" in refused.json()["message"]
    assert refused.headers["access-control-expose-headers"].lower() == "retry-after"  # readable
    assert elsewhere.status_code == 200  # the same address, another conversation
    asked = [m["content"] for r in fake_groq.requests for m in r["messages"] if m["role"] == "user"]
    assert "one too many" not in asked and len(fake_groq.requests) == 3


async def test_retry_after_is_the_seconds_left_in_the_minute_and_then_the_limit_resets() -> None:
    now = [29_666_667 * 60 + 20.3]  # 20.3 s into a minute
    limits = Limits(MemoryCounters(clock=lambda: now[0]), 2, 0, 0, clock=lambda: now[0])
    assert [await limits.admit("203.0.113.9", "s") for _ in range(2)] == [None, None]
    refusal = await limits.admit("203.0.113.9", "s")
    assert refusal is not None and refusal.code == "rate_limited"
    assert refusal.retry_after == math.ceil(60 - 20.3)
    now[0] += refusal.retry_after  # the next minute
    assert await limits.admit("203.0.113.9", "s") is None


async def test_zero_turns_a_limit_off() -> None:
    limits = Limits(MemoryCounters(), per_client=0, per_session=0, daily_budget=0)
    assert all([await limits.admit("203.0.113.9", "s") is None for _ in range(200)])


async def test_changes_to_bookings_are_counted_per_session_and_utc_day() -> None:
    now = [20_000 * 86400 + 3600.0]  # 01:00 UTC
    counters = MemoryCounters(clock=lambda: now[0])
    limits = Limits(counters, 0, 0, 0, changes_per_day=2, clock=lambda: now[0])
    assert [await limits.take_change("s1") for _ in range(3)] == [True, True, False]
    assert await limits.take_change("s2")  # another session, its own count
    now[0] += 23 * 3600  # the next UTC day
    assert await limits.take_change("s1")
    off = Limits(counters, 0, 0, 0, changes_per_day=0)
    assert all([await off.take_change("s1") for _ in range(50)])
    # Like the rate limits: session ids are never stored in clear.
    assert not any(
        "s1" in key.split("#") for window in counters._windows.values() for key in window
    )


class DownCounters:
    async def take(self, key: str, limit: int, expires_at: float) -> bool:
        raise StoreUnavailable("the limits table is unreachable")


async def test_the_change_limit_fails_open_like_the_rate_limits() -> None:
    limits = Limits(DownCounters(), 0, 0, 0, changes_per_day=1)
    assert [await limits.take_change("s1") for _ in range(3)] == [True] * 3


# --- the client address --------------------------------------------------------------------


@pytest.mark.usefixtures("steady_minute")
async def test_x_forwarded_for_from_a_non_local_peer_is_ignored(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    app = create_app(make_settings(rate_limit_per_minute=1))
    with LiveServer(app) as server:
        async with client_from(server, "127.0.0.2") as outsider:
            first = await outsider.post(
                "/query", json=body("xff-1"), headers={"x-forwarded-for": "198.51.100.1"}
            )
            spoofed = await outsider.post(
                "/query", json=body("xff-2"), headers={"x-forwarded-for": "198.51.100.2"}
            )
        # From 127.0.0.1, a reverse proxy on this host, the header names the client.
        async with client_from(server, "127.0.0.1") as proxy:
            proxied = [
                await proxy.post(
                    "/query",
                    json=body(f"via-{ip}"),
                    headers={"x-forwarded-for": f"198.51.100.{ip}"},
                )
                for ip in (10, 11)
            ]
    assert first.status_code == 200
    assert_refused(spoofed, 429, "rate_limited")  # counted as 127.0.0.2 both times
    assert [r.status_code for r in proxied] == [200, 200]


def lambda_context_header(source_ip: str) -> dict[str, str]:
    """The header the Lambda Web Adapter adds for a Function URL invocation."""
    event = json.loads((EVENTS / "function_url.json").read_text())
    context = event["requestContext"]
    context["http"]["sourceIp"] = source_ip
    return {"x-amzn-request-context": json.dumps(context)}


@pytest.mark.usefixtures("steady_minute")
async def test_the_lambda_request_context_names_the_client_on_lambda_only(
    make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(rate_limit_per_minute=1)

    async def statuses() -> list[int]:
        async with asgi_client(
            create_app(settings)
        ) as client:  # one peer address for every request
            return [
                (
                    await client.post(
                        "/query", json=body(f"ctx-{n}"), headers=lambda_context_header(ip)
                    )
                ).status_code
                for n, ip in enumerate(("203.0.113.1", "203.0.113.2", "203.0.113.1"))
            ]

    monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)
    assert await statuses() == [200, 429, 429]  # anyone could send that header here
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "supercar-stream")
    assert await statuses() == [200, 200, 429]  # on Lambda the adapter wrote it


@pytest.mark.parametrize("event_file", sorted(p.name for p in EVENTS.glob("*.json")))
async def test_under_mangum_the_events_source_ip_is_the_client(event_file: str) -> None:
    event = json.loads((EVENTS / event_file).read_text())
    scope: dict[str, Any] = {
        "type": "http",
        "headers": [],
        "client": ("127.0.0.1", 0),
        "aws.event": event,
    }
    assert client_address(Request(scope)) == "203.0.113.10"


# --- the daily budget -----------------------------------------------------------------------


async def test_the_daily_budget_answers_503_with_retry_after_until_midnight_and_logs_once(
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = make_settings(daily_turn_budget=2)
    with caplog.at_level(logging.WARNING, logger="supercar.limits"):
        async with asgi_client(create_app(settings)) as client:
            answered = [await client.post("/query", json=body(f"day-{i}")) for i in range(2)]
            refused = [await client.post("/query", json=body(f"late-{i}")) for i in range(3)]
    assert [r.status_code for r in answered] == [200, 200]
    now = datetime.now(UTC)
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
    for response in refused:
        retry_after = assert_refused(response, 503, "budget_exhausted")
        assert abs(retry_after - (midnight - now).total_seconds()) <= 5
    assert len(fake_groq.requests) == 2
    spent = [r for r in caplog.records if "budget" in r.getMessage()]
    assert len(spent) == 1 and spent[0].levelno == logging.WARNING


async def test_the_budget_counts_only_turns_that_passed_the_rate_limits() -> None:
    limits = Limits(MemoryCounters(), per_client=0, per_session=1, daily_budget=2)
    assert await limits.admit("203.0.113.9", "a") is None
    refused = await limits.admit("203.0.113.9", "a")
    assert refused is not None and refused.code == "rate_limited"
    assert await limits.admit("203.0.113.9", "b") is None  # the refused one was not counted
    spent = await limits.admit("203.0.113.9", "c")
    assert spent is not None and spent.code == "budget_exhausted"


# --- shared across sandboxes, and failing open ------------------------------------------------


@pytest.mark.usefixtures("steady_minute")
async def test_the_rate_limits_hold_across_two_sandboxes_sharing_the_limits_table(
    limits_table: dict[str, str], make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    settings = make_settings(session_rate_limit_per_minute=3, daily_turn_budget=5, **limits_table)
    async with asgi_client(create_app(settings)) as one, asgi_client(create_app(settings)) as two:
        in_one_session = [
            (await (one, two)[i % 2].post("/query", json=body("roaming"))).status_code
            for i in range(6)
        ]
        elsewhere = [
            (await (two, one)[i % 2].post("/query", json=body(f"other-{i}"))).status_code
            for i in range(3)
        ]
    assert in_one_session == [200, 200, 200, 429, 429, 429]
    assert elsewhere == [200, 200, 503]  # the budget is the deployment's: 3 + 2 turns
    assert len(fake_groq.requests) == 5


@pytest.mark.usefixtures("steady_minute")
async def test_limits_fail_open_while_the_limits_table_is_unreachable(
    aws: None,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The table does not exist yet: every counter call fails as an outage would.
    settings = make_settings(rate_limit_per_minute=1, limits_table="supercar-limits-outage")
    with caplog.at_level(logging.INFO, logger="supercar.limits"):
        async with asgi_client(create_app(settings)) as client:
            during = [
                (await client.post("/query", json=body(f"o-{i}"))).status_code for i in range(3)
            ]
            create_limits_table(boto3.client("dynamodb"), "supercar-limits-outage")
            after = [
                (await client.post("/query", json=body(f"a-{i}"))).status_code for i in range(2)
            ]
    assert during == [200, 200, 200]
    assert after == [200, 429]
    lines = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert [level for level, _ in lines] == [logging.WARNING, logging.INFO]
    assert "unavailable" in lines[0][1] and "enforced again" in lines[1][1]


# --- the booking cap ------------------------------------------------------------------------


def booking_args(day: str, time_: str, showroom: str = "miami") -> dict[str, str]:
    return {"dealership_id": showroom, "date": day, "time": time_, "car_model": "SuperCar GT"}


async def book(client: httpx.AsyncClient, fake_groq: FakeGroq, args: dict[str, str]) -> Any:
    """One turn in which the model books `args`; returns the booking's tool_output."""
    fake_groq.push(Script([tool_call("schedule_appointment", args)]), Script(words("Done.")))
    response = await client.post("/query", json=body("booker", "book it"))
    assert response.status_code == 200
    return next(e for e in sse.parse(response.content) if e.name == "tool_output").json()


async def test_a_third_booking_is_refused_with_a_result_that_explains_and_a_safe_card(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    first_day, second_day = open_weekday(3), open_weekday(10)
    async with asgi_client(
        create_app(make_settings())
    ) as client:  # MAX_BOOKINGS_PER_SESSION: default 2
        first = await book(client, fake_groq, booking_args(first_day, "14:00"))
        second = await book(client, fake_groq, booking_args(second_day, "11:00", "manhattan"))
        third = await book(client, fake_groq, booking_args(open_weekday(12), "10:00"))
        retry = await book(client, fake_groq, booking_args(first_day, "14:00"))
    assert not first["is_error"] and not second["is_error"]
    assert third["is_error"] and third["data"]["code"] == "booking_cap"
    card = third["output"]
    assert set(card) == {"confirmationId", "date", "time", "model", "message"}
    assert all(isinstance(value, str) for value in card.values()) and card["confirmationId"] == ""
    explanation = third["data"]["error"]
    assert explanation.startswith("You already have two test drives booked: ")
    assert f"SuperCar GT at SuperCar Miami on {first_day} at 14:00" in explanation
    assert f"SuperCar GT at SuperCar Manhattan on {second_day} at 11:00" in explanation
    held = [b["confirmation_id"] for b in third["data"]["bookings"]]
    assert held == [first["output"]["confirmationId"], second["output"]["confirmationId"]]
    # The model was told the same, to explain it in its answer.
    assert explanation in fake_groq.requests[5]["messages"][-1]["content"]
    # Asking again for a booking already held is not a new booking: it is answered.
    assert not retry["is_error"]
    assert retry["output"]["confirmationId"] == first["output"]["confirmationId"]


async def test_the_cap_judges_each_booking_by_its_showrooms_own_date() -> None:
    # 05:00 UTC on 2026-06-16: already the 16th in New York, still the 15th in Los Angeles.
    now = datetime(2026, 6, 16, 5, 0, tzinfo=UTC)
    bookings = MemoryBookingStore()
    for showroom in ("manhattan", "los-angeles"):
        held = Booking(f"SC-{showroom}", "s1", showroom, "2026-06-15", "18:00", "SuperCar GT", "")
        await bookings.book(held, BookingCap(5, lambda _: True))
    ctx = ToolContext("s1", bookings, now, max_bookings_per_session=2)
    registry = default_registry()

    async def schedule(time_: str) -> ToolResult:
        args = json.dumps(booking_args("2026-06-17", time_))
        return await registry.run("schedule_appointment", args, ctx)

    booked = await schedule("10:00")  # Manhattan's is past: one upcoming, room for one more
    refused = await schedule("11:00")
    assert not booked.is_error
    assert refused.is_error and refused.data["code"] == "booking_cap"
    assert [b["dealership_id"] for b in refused.data["bookings"]] == ["los-angeles", "miami"]


async def test_the_booking_cap_holds_across_two_sandboxes(
    tables: dict[str, str], make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    settings = make_settings(max_bookings_per_session=2, **tables)
    day = open_weekday(4)
    async with asgi_client(create_app(settings)) as one, asgi_client(create_app(settings)) as two:
        outputs = [
            await book((one, two)[i % 2], fake_groq, booking_args(day, f"{10 + i}:00"))
            for i in range(4)
        ]
    assert [o["is_error"] for o in outputs] == [False, False, True, True]
    assert {o["data"].get("code") for o in outputs[2:]} == {"booking_cap"}
    booked = boto3.client("dynamodb").query(
        TableName=tables["bookings_table"],
        KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": f"miami#{day}"}},
    )["Items"]
    assert sorted(item["sk"]["S"] for item in booked) == ["10:00", "11:00"]
