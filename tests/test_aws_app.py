"""The whole app configured as on Lambda, under moto: the Groq key from SSM, sessions and bookings
in DynamoDB (tables as template.yaml defines them), two app instances standing for two sandboxes,
and per-request log keys that never mix between concurrent requests."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import partial
from typing import Any

import anyio
import boto3
import pytest

from supercar.app import create_app
from supercar.config import Settings
from supercar.request_context import RequestContextFilter
from tests import sse
from tests.aws import BOOKINGS_TABLE, SESSIONS_TABLE
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.helpers import asgi_client, ask, open_weekday, post_query, until

PARAM = "/supercar/groq-api-key"


async def until_locked(session_id: str) -> None:
    """Wait until a turn of the session holds its claim in the sessions table."""
    key = {"session_id": {"S": session_id}}
    for _ in range(250):
        item = boto3.client("dynamodb").get_item(TableName=SESSIONS_TABLE, Key=key)
        if "claim_until" in item.get("Item", {}):
            return
        await anyio.sleep(0.02)
    raise AssertionError(f"{session_id} was never locked")


async def test_the_app_reads_its_key_from_ssm_and_its_state_from_dynamodb(
    tables: dict[str, str], make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    boto3.client("ssm").put_parameter(Name=PARAM, Value="gsk-from-ssm", Type="SecureString")
    fake_groq.api_key = "gsk-from-ssm"  # the fake refuses any other key with a 401
    settings = make_settings(groq_api_key=None, groq_api_key_param=PARAM, **tables)
    booking = {
        "dealership_id": "manhattan",
        "date": open_weekday(),
        "time": "11:00",
        "car_model": "SuperCar GT",
    }
    fake_groq.push(
        Script(words("Hello there.")),
        Script([tool_call("schedule_appointment", booking)]),
        Script(words("Booked.")),
    )
    async with asgi_client(create_app(settings)) as client:
        health = (await client.get("/health")).json()
        assert health["key"] == {"source": "ssm", "status": "ok"}
        assert health["model"]["backend"] == "groq" and health["key"]["source"] == "ssm"
        assert sse.text_of(await ask(client, "hi", "dyn-1")) == "Hello there."
        events = await ask(client, "book me in", "dyn-1")
    output = next(e for e in events if e.name == "tool_output").json()["output"]
    assert output["confirmationId"] and not any(e.name == "error" for e in events)
    # The second turn was sent the first one, read back from DynamoDB.
    assert [m["content"] for m in fake_groq.requests[1]["messages"] if m["role"] == "user"] == [
        "hi",
        "book me in",
    ]
    dynamodb = boto3.client("dynamodb")
    key = {"session_id": {"S": "dyn-1"}}
    session = dynamodb.get_item(TableName=SESSIONS_TABLE, Key=key)
    assert session["Item"]["version"] == {"N": "2"}
    # The claim was given back (well before its lease would have lapsed).
    await until(
        lambda: "claim_until" not in dynamodb.get_item(TableName=SESSIONS_TABLE, Key=key)["Item"],
        "the claim released",
        within=5,
    )
    slot = dynamodb.get_item(
        TableName=BOOKINGS_TABLE,
        Key={"pk": {"S": f"manhattan#{booking['date']}"}, "sk": {"S": "11:00"}},
    )["Item"]
    assert slot["confirmation_id"]["S"] == output["confirmationId"]
    assert slot["session_id"]["S"] == "dyn-1"


async def test_a_missing_key_parameter_shows_in_health_and_queries_still_get_an_answer(
    aws: None, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(groq_api_key=None, groq_api_key_param="/supercar/absent")
    async with asgi_client(create_app(settings)) as client:
        health = (await client.get("/health")).json()
        events = await ask(client, "What is the weather in Miami?", "no-key")
    assert health["key"] == {"source": "ssm", "status": "missing"}
    assert health["model"]["backend"] == "offline"
    assert events[-1].name == "end" and len(sse.text_of(events)) > 3


async def test_a_second_query_for_a_busy_session_gets_409_on_another_sandbox(
    tables: dict[str, str], make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    # Slower than the second turn's short wait for the session (CLAIM_WAIT_SECONDS).
    fake_groq.push(Script(words("Slow answer."), ttft=3.0), Script(words("Now free.")))
    settings = make_settings(**tables)
    async with asgi_client(create_app(settings)) as one, asgi_client(create_app(settings)) as two:
        async with anyio.create_task_group() as tg:
            tg.start_soon(ask, one, "first", "shared")
            await until_locked("shared")
            busy = await post_query(two, "second", "shared")
            assert busy.status_code == 409 and busy.json()["code"] == "session_busy"
            assert 1 <= int(busy.headers["retry-after"]) <= settings.session_lease_seconds
        # The first turn ended and unlocked: the other sandbox may go on, and sees its history.
        events = await ask(two, "second", "shared")
    assert sse.text_of(events) == "Now free."
    assert [m["content"] for m in fake_groq.requests[-1]["messages"] if m["role"] == "user"] == [
        "first",
        "second",
    ]


async def test_an_unreachable_session_table_is_a_503_before_the_stream(
    aws: None, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(sessions_table="no-such-table")
    async with asgi_client(create_app(settings)) as client:
        response = await post_query(client, "hi", "x")
    assert response.status_code == 503 and response.json()["code"] == "store_unavailable"


async def test_concurrent_requests_log_their_own_request_and_session_ids(
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Two turns in flight at once in one process (local mode), each with a tool call logged from
    # inside its turn's own task: each record must carry its own request's ids.
    def respond(body: dict[str, Any]) -> Script:
        last = body["messages"][-1]
        if last["role"] == "tool":
            return Script(words("Done."), ttft=0.2)
        if "weather" in last["content"]:
            return Script([tool_call("get_weather", {"city": "Paris"})], ttft=0.3)
        return Script([tool_call("get_dealership_address", {"dealership_id": "miami"})], ttft=0.3)

    fake_groq.responder = respond
    caplog.handler.addFilter(RequestContextFilter())
    contexts = {
        "weather-session": "req-weather",
        "address-session": "req-address",
    }
    with caplog.at_level(logging.INFO):
        async with (
            asgi_client(create_app(make_settings())) as client,
            anyio.create_task_group() as tg,
        ):
            for session_id, request_id in contexts.items():
                lambda_context = json.dumps({"request_id": request_id, "deadline": 0})
                query = "weather in Paris" if "weather" in session_id else "address in Miami"
                headers = {"x-amzn-lambda-context": lambda_context}
                tg.start_soon(partial(ask, client, query, session_id, **headers))
    tool_records = [r for r in caplog.records if hasattr(r, "tool")]
    seen = {(r.tool, r.session_id, r.request_id) for r in tool_records}  # type: ignore[attr-defined]
    assert seen == {
        ("get_weather", "weather-session", "req-weather"),
        ("get_dealership_address", "address-session", "req-address"),
    }
    # Outside any request there are no ids.
    outside = logging.LogRecord("x", logging.INFO, __file__, 1, "m", None, None)
    RequestContextFilter().filter(outside)
    assert outside.request_id is None and outside.session_id is None  # type: ignore[attr-defined]
