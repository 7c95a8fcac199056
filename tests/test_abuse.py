"""The service on a public URL, tried as an attacker would: every abuse is bounded, refused or
dropped, and none of it costs other customers their answers (issue 10)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from supercar.agent import TOOL_USE_FAILED_RETRIES
from supercar.config import Settings
from tests import sse
from tests.conftest import asgi_client
from tests.fakes.fake_groq import FakeGroq, Script, tool_call

pytestmark = pytest.mark.anyio

REFUSED = Script.http_error(400, "Failed to call a function", code="tool_use_failed")


async def ask(client: httpx.AsyncClient, query: str, session_id: str = "s-1") -> list[sse.Event]:
    response = await client.post("/query", json={"query": query, "session_id": session_id})
    assert response.status_code == 200, response.text
    return sse.parse(response.content)


def assert_failed_with(events: list[sse.Event], code: str) -> None:
    assert [e.name for e in events[-3:]] == ["chunk", "error", "end"]
    assert len(events[-3].data.strip()) > 3
    assert events[-2].json()["code"] == code


# --- bounded model calls ----------------------------------------------------------------------


async def test_a_model_that_fails_every_tool_call_costs_a_few_upstream_requests_and_one_warning(
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_groq.responder = lambda _body: REFUSED
    # The SDK's own retries are on, as in production: it does not retry a 400.
    with caplog.at_level(logging.DEBUG):
        async with asgi_client(make_settings(groq_max_retries=2)) as client:
            events = await ask(client, "weather?")
    assert_failed_with(events, "upstream_error")
    # One try, the retries, and one ask without tools: 4 today, never more than 6.
    assert len(fake_groq.requests) == 1 + TOOL_USE_FAILED_RETRIES + 1 <= 6
    assert "tools" not in fake_groq.requests[-1]
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 2, [r.getMessage() for r in warnings]
    assert "without tools" in warnings[0].getMessage()
    assert warnings[1].getMessage().startswith("turn failed: upstream_error")


async def test_tool_rounds_and_failed_tool_calls_together_stay_within_the_settings(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    # A model that calls a tool whenever it may, fails every other call, and fails without tools.
    def respond(body: dict[str, Any]) -> Script:
        if "tools" not in body or len(fake_groq.requests) % 2 == 0:
            return REFUSED
        return Script([tool_call("get_weather", {"city": "Miami"})])

    fake_groq.responder = respond
    max_rounds = 3
    async with asgi_client(make_settings(max_tool_rounds=max_rounds)) as client:
        events = await ask(client, "weather?")
    assert_failed_with(events, "upstream_error")
    assert sse.names(events).count("tool_output") == max_rounds
    assert len(fake_groq.requests) <= max_rounds + TOOL_USE_FAILED_RETRIES + 2


# --- text that cannot travel -----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        r'{"query": "hi \ud800", "session_id": "s"}',  # a lone surrogate: valid JSON, not UTF-8
        r'{"query": "hi \udfff there", "session_id": "s"}',
        r'{"query": "hi", "session_id": "s\ud800"}',
        r'{"query": "hi\u0000", "session_id": "s"}',
        r'{"query": "bell \u0007 and escape \u001b[31m", "session_id": "s"}',
        r'{"query": "C1 \u0085 control", "session_id": "s"}',
        r'{"query": "hi", "session_id": "s\u0000"}',
    ],
)
async def test_unencodable_text_and_control_characters_are_422_before_the_stream(
    client: httpx.AsyncClient,
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
    body: str,
) -> None:
    with caplog.at_level(logging.INFO):
        response = await client.post(
            "/query", content=body, headers={"content-type": "application/json"}
        )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    assert fake_groq.requests == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_tabs_and_pasted_crlf_lines_are_ordinary_text(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    await ask(client, "Line one\r\nLine two\tand a tab\nand ✓ unicode")
    user = [m for m in fake_groq.requests[0]["messages"] if m["role"] == "user"]
    assert user[-1]["content"] == "Line one\r\nLine two\tand a tab\nand ✓ unicode"


# --- an over-long message ---------------------------------------------------------------------


async def test_an_over_long_message_is_answered_without_the_model_the_lock_or_the_history(
    app: Any, client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    limit = app.state.settings.max_query_chars
    sessions = app.state.services.sessions
    await ask(client, "first question", session_id="long")
    await sessions.lock("long", ttl_seconds=60)  # a turn of this session is running elsewhere
    before = await sessions.load("long")
    response = await client.post(
        "/query", json={"query": "  " + "x" * (limit + 1) + "  ", "session_id": "long"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = sse.parse(response.content)
    assert sse.names(events) == ["chunk", "error", "end"]
    assert "shorten" in sse.text_of(events)
    assert events[1].json()["code"] == "query_too_long"
    assert response.content.endswith(b"event: end\ndata: \n\n") and b"\r" not in response.content
    assert len(fake_groq.requests) == 1  # only the first question reached the model
    assert (await sessions.load("long")).turns == before.turns
    await sessions.unlock("long")


async def test_a_message_at_the_limit_after_trimming_still_reaches_the_model(
    app: Any, client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    limit = app.state.settings.max_query_chars
    events = await ask(client, "  " + "y" * limit + "\n")
    assert sse.names(events) == ["chunk", "end"]
    assert len(fake_groq.requests) == 1
