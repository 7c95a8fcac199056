"""EMF metrics on Lambda: each turn's figures, and each refusal and failure, parsed as CloudWatch
would read them."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from supercar.app import create_app
from supercar.config import Settings
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.helpers import asgi_client, ask, post_query


def emf_lines(captured: str) -> list[dict[str, Any]]:
    """The EMF objects on stdout, checked as CloudWatch checks them: every metric a directive
    names has a value at the top level, and every dimension a value too."""
    blobs = []
    for line in captured.splitlines():
        if not line.startswith("{"):
            continue
        blob = json.loads(line)
        if "_aws" not in blob:
            continue
        for directive in blob["_aws"]["CloudWatchMetrics"]:
            for metric in directive["Metrics"]:
                assert metric["Name"] in blob, metric
            for dimension_set in directive["Dimensions"]:
                assert all(isinstance(blob[name], str) for name in dimension_set)
        blobs.append(blob)
    return blobs


def value(blob: dict[str, Any], name: str) -> float:
    """A metric's one value: EMF allows a number or a list of numbers."""
    raw = blob[name]
    if isinstance(raw, list):
        assert len(raw) == 1, raw
        return float(raw[0])
    return float(raw)


def metric_names(blob: dict[str, Any]) -> set[str]:
    return {m["Name"] for d in blob["_aws"]["CloudWatchMetrics"] for m in d["Metrics"]}


@pytest.fixture
def on_lambda(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "supercar-stream")
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", "SuperCarTest")
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", "supercar")


async def test_a_tool_turn_emits_its_timings_tokens_and_one_count_per_tool_call(
    on_lambda: None,
    client: httpx.AsyncClient,
    fake_groq: FakeGroq,
    capfd: pytest.CaptureFixture[str],
) -> None:
    fake_groq.push(Script([tool_call("get_weather", {"city": "Miami"}, id="w1")]))
    fake_groq.push(Script(words("It is sunny in Miami.")))
    events = await ask(client, "Weather in Miami?", "metrics-1")
    assert sse.names(events)[-1] == "end"

    blobs = emf_lines(capfd.readouterr().out)
    turn = next(b for b in blobs if "Turns" in metric_names(b))
    assert turn["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "SuperCarTest"
    assert turn["service"] == "supercar"
    assert value(turn, "Turns") == 1
    assert value(turn, "TurnDuration") > 0
    assert 0 < value(turn, "FirstTextLatency") <= value(turn, "TurnDuration")
    # The fake server reports usage on each call's last chunk; two calls were made.
    assert value(turn, "InputTokens") > 0 and value(turn, "OutputTokens") > 0
    tools = [b for b in blobs if "ToolCalls" in metric_names(b)]
    assert [(b["tool"], b["outcome"], value(b, "ToolCalls")) for b in tools] == [
        ("get_weather", "ok", 1)
    ]
    assert not any("TurnFailed" in metric_names(b) for b in blobs)
    assert not any("session_id" in b or "metrics-1" in json.dumps(b) for b in blobs)


async def test_a_failed_turn_counts_its_error_code(
    on_lambda: None,
    client: httpx.AsyncClient,
    fake_groq: FakeGroq,
    capfd: pytest.CaptureFixture[str],
) -> None:
    fake_groq.push(Script.http_error(401, "bad key"))
    events = await ask(client, "Hello?", "metrics-1")
    assert [e.json()["code"] for e in events if e.name == "error"] == ["upstream_auth"]

    blobs = emf_lines(capfd.readouterr().out)
    failed = [b for b in blobs if "TurnFailed" in metric_names(b)]
    assert [(b["code"], value(b, "TurnFailed")) for b in failed] == [("upstream_auth", 1)]
    dimensions = failed[0]["_aws"]["CloudWatchMetrics"][0]["Dimensions"]
    assert sorted(dimensions[0]) == ["code", "service"]
    assert any("Turns" in metric_names(b) for b in blobs)


async def test_off_lambda_nothing_is_written_to_stdout(
    client: httpx.AsyncClient, fake_groq: FakeGroq, capfd: pytest.CaptureFixture[str]
) -> None:
    fake_groq.push(Script(words("Hello there.")))
    await ask(client, "Hi", "metrics-1")
    assert emf_lines(capfd.readouterr().out) == []


async def test_refusals_by_the_limits_are_counted_by_scope_and_the_budget_by_itself(
    on_lambda: None,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    capfd: pytest.CaptureFixture[str],
) -> None:
    fake_groq.push(Script(words("Hello there.")), Script(words("Hello again.")))
    settings = make_settings(session_rate_limit_per_minute=1, daily_turn_budget=2)
    async with asgi_client(create_app(settings)) as client:
        statuses = [
            (await post_query(client, "Hi", "metrics-a")).status_code,
            (await post_query(client, "Hi", "metrics-a")).status_code,  # session limit
            (await post_query(client, "Hi", "metrics-b")).status_code,
            (await post_query(client, "Hi", "metrics-c")).status_code,  # budget spent
        ]
    assert statuses == [200, 429, 200, 503]

    blobs = emf_lines(capfd.readouterr().out)
    limited = [b for b in blobs if "RateLimited" in metric_names(b)]
    assert [(b["scope"], value(b, "RateLimited")) for b in limited] == [("session", 1)]
    spent = [b for b in blobs if "BudgetExhausted" in metric_names(b)]
    assert [value(b, "BudgetExhausted") for b in spent] == [1]
    assert spent[0]["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["service"]]


def closed_port() -> int:
    """A loopback port nothing listens on: connections to it are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_with_dynamodb_down_every_refusal_is_counted_as_store_unavailable(
    on_lambda: None,
    aws_env: None,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    capfd: pytest.CaptureFixture[str],
) -> None:
    down = f"http://127.0.0.1:{closed_port()}"
    settings = make_settings(
        dynamodb_endpoint_url=down,
        sessions_table="sessions",
        bookings_table="bookings",
        limits_table="limits",
        rate_limit_per_minute=30,  # the limits fail open, and say so in the metric too
        aws_max_attempts=1,
    )
    async with asgi_client(create_app(settings)) as client:
        refused = [await post_query(client, "Hi", f"down-{n}") for n in range(2)]
    assert [r.status_code for r in refused] == [503, 503]
    assert all(r.json()["code"] == "store_unavailable" for r in refused)
    assert fake_groq.requests == []

    blobs = emf_lines(capfd.readouterr().out)
    down_counts = [b for b in blobs if "StoreUnavailable" in metric_names(b)]
    # Each request: once for the limits failing open, once for its refusal.
    assert [value(b, "StoreUnavailable") for b in down_counts] == [1, 1, 1, 1]
    assert all(
        b["_aws"]["CloudWatchMetrics"][0]["Dimensions"] == [["service"]] for b in down_counts
    )


async def test_a_busy_session_and_an_over_long_query_are_counted(
    on_lambda: None,
    app: Any,
    client: httpx.AsyncClient,
    fake_groq: FakeGroq,
    capfd: pytest.CaptureFixture[str],
) -> None:
    sessions = app.state.services.sessions
    token = await sessions.claim("metrics-busy", 30)  # a turn of it runs elsewhere
    busy = await post_query(client, "Hi", "metrics-busy")
    await sessions.release("metrics-busy", token)
    too_long = await post_query(client, "x" * (app.state.settings.max_query_chars + 1), "m-2")
    assert busy.status_code == 409 and too_long.status_code == 200

    blobs = emf_lines(capfd.readouterr().out)
    assert [value(b, "SessionBusy") for b in blobs if "SessionBusy" in metric_names(b)] == [1]
    assert [value(b, "QueryTooLong") for b in blobs if "QueryTooLong" in metric_names(b)] == [1]
