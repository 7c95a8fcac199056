"""Every fault and bad input answered clearly, and nothing lost (one test per case)."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import time
from collections.abc import AsyncIterator, Callable, MutableMapping
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from supercar.agent import MAX_TOOL_RESULT_CHARS, tool_message
from supercar.app import create_app
from supercar.config import Settings
from supercar.llm.base import ToolCall
from supercar.store.base import Session
from supercar.tools.base import ToolResult
from tests import sse
from tests.fakes.fake_groq import (
    FakeGroq,
    Script,
    delay,
    drop,
    error_event,
    stall,
    text,
    tool_call,
    words,
)
from tests.helpers import LiveServer, asgi_client, ask, open_weekday, post_query

SENTINEL_KEY = "gsk_SENTINEL_do_not_leak_0123456789"


def failure(events: list[sse.Event]) -> str:
    """The error code of a failed turn, after checking its shape: apology chunk, error, end."""
    assert [e.name for e in events[-3:]] == ["chunk", "error", "end"]
    assert len(events[-3].data.strip()) > 3
    body = events[-2].json()
    assert body["message"]
    return str(body["code"])


def user_messages(request: dict) -> list[str]:
    return [m["content"] for m in request["messages"] if m["role"] == "user"]


# --- requests ---------------------------------------------------------------------------------


async def test_unicode_emoji_rtl_and_crlf_in_the_query_round_trip(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    query = "Ça va? 🚗💨 مرحبا بكم\r\nsecond line — 東京"
    await ask(client, f"  {query}  ")
    assert user_messages(fake_groq.requests[0]) == [query]


# --- the model provider -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "code"),
    [
        (Script.http_error(429, "slow down", headers={"retry-after": "0"}), "rate_limited"),
        (Script.http_error(401, "Invalid API Key", code="invalid_api_key"), "upstream_auth"),
        (Script.http_error(403, "forbidden"), "upstream_auth"),
        (Script.http_error(404, "no such model", code="model_not_found"), "model_unavailable"),
        (Script.http_error(400, "gone", code="model_decommissioned"), "model_unavailable"),
        (Script.http_error(503, "overloaded"), "upstream_unavailable"),
    ],
)
async def test_provider_errors_before_the_stream_map_to_documented_codes(
    client: httpx.AsyncClient, fake_groq: FakeGroq, script: Script, code: str
) -> None:
    fake_groq.push(script)
    assert failure(await ask(client, "hello")) == code


async def test_the_sdk_retries_are_the_only_retry_layer(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    retry = Script.http_error(429, "slow down", headers={"retry-after": "0"})
    fake_groq.push(retry, retry, retry, Script(words("never reached")))
    async with asgi_client(create_app(make_settings(groq_max_retries=2))) as client:
        assert failure(await ask(client, "hello")) == "rate_limited"
    assert len(fake_groq.requests) == 3  # one try and the SDK's two retries, nothing more


async def test_a_decommissioned_model_is_logged_naming_the_setting(
    client: httpx.AsyncClient, fake_groq: FakeGroq, caplog: pytest.LogCaptureFixture
) -> None:
    fake_groq.push(Script.http_error(404, "decommissioned", code="model_decommissioned"))
    with caplog.at_level(logging.WARNING):
        await ask(client, "hello")
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert any("GROQ_MODEL" in r.getMessage() for r in errors)


async def test_an_unreachable_provider_is_upstream_unavailable(
    make_settings: Callable[..., Settings],
) -> None:
    nowhere = "http://127.0.0.1:9"  # nothing listens there
    async with asgi_client(create_app(make_settings(groq_base_url=nowhere))) as client:
        assert failure(await ask(client, "hello")) == "upstream_unavailable"


@pytest.mark.parametrize(
    ("fault", "code"),
    [(drop(), "upstream_unavailable"), (error_event("overloaded"), "upstream_error")],
)
async def test_a_failure_mid_stream_keeps_what_was_said_then_apologises(
    client: httpx.AsyncClient, fake_groq: FakeGroq, fault: object, code: str
) -> None:
    fake_groq.push(Script([text("The GT is"), text(" a fast"), fault]))  # type: ignore[list-item]
    events = await ask(client, "Tell me about the GT")
    assert failure(events) == code
    assert sse.text_of(events).startswith("The GT is a fast")


async def test_a_failed_turn_is_not_committed(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([text("Half an answer"), drop()]), Script(words("Fine.")))
    await ask(client, "first")
    await ask(client, "second")
    assert user_messages(fake_groq.requests[1]) == ["second"]


async def test_tool_use_failed_is_retried_then_succeeds(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    refused = Script.http_error(400, "Failed to call a function", code="tool_use_failed")
    fake_groq.push(refused, Script(words("Recovered answer.")))
    events = await ask(client, "weather?")
    assert sse.names(events) == ["chunk", "end"]
    assert sse.text_of(events) == "Recovered answer."


async def test_repeated_tool_use_failed_ends_with_an_answer_without_tools(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    refused = Script.http_error(400, "Failed to call a function", code="tool_use_failed")
    fake_groq.push(refused, refused, refused, Script(words("Plain words instead.")))
    events = await ask(client, "weather?")
    assert sse.text_of(events) == "Plain words instead."
    assert "tools" not in fake_groq.requests[-1]


async def test_a_stalled_model_hits_the_turn_deadline_and_the_upstream_is_closed(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([text("Thinking"), stall()]))
    async with asgi_client(create_app(make_settings(turn_timeout_seconds=0.5))) as client:
        started = time.monotonic()
        assert failure(await ask(client, "hello")) == "timeout"
        assert time.monotonic() - started < 5
    assert await fake_groq.await_disconnects(1, within=5)


async def test_a_silent_upstream_hits_the_read_timeout(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([text("Hmm"), stall()]))
    async with asgi_client(create_app(make_settings(groq_read_timeout_seconds=0.3))) as client:
        assert failure(await ask(client, "hello")) == "timeout"


async def test_an_empty_answer_still_yields_a_sentence(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([]))
    events = await ask(client, "...")
    assert sse.names(events) == ["chunk", "end"]
    assert len(sse.text_of(events)) > 3


async def test_a_length_cut_is_said_not_hidden(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script(words("The SuperCar GT has a"), finish_reason="length"))
    events = await ask(client, "Tell me everything")
    assert "cut short" in sse.text_of(events)


# --- tools ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "arguments", "expect"),
    [
        ("get_horoscope", "{}", "Unknown tool"),
        ("get_weather", "{city: Paris", "not valid JSON"),
        ("get_dealership_address", '{"dealership_id": 7}', "Invalid arguments"),
        (
            "check_appointment_availability",
            '{"dealership_id": "miami", "date": "tomorrow"}',
            "YYYY-MM-DD",
        ),
        (
            "check_appointment_availability",
            '{"dealership_id": "miami", "date": "2026-02-30"}',
            "not a real calendar date",
        ),
        (
            "check_appointment_availability",
            '{"dealership_id": "miami", "date": "13/45/2026"}',
            "YYYY-MM-DD",
        ),
        (
            "check_appointment_availability",
            '{"dealership_id": "miami", "date": "2001-01-01"}',
            "past",
        ),
        (
            "check_appointment_availability",
            '{"dealership_id": "miami", "date": "2099-01-01"}',
            "days ahead",
        ),
    ],
)
async def test_tool_mistakes_go_back_to_the_model_and_the_turn_continues(
    client: httpx.AsyncClient, fake_groq: FakeGroq, name: str, arguments: str, expect: str
) -> None:
    fake_groq.push(Script([tool_call(name, arguments)]), Script(words("Let me fix that.")))
    events = await ask(client, "do it")
    output = next(e for e in events if e.name == "tool_output").json()
    assert output["is_error"] is True
    tool_reply = fake_groq.requests[1]["messages"][-1]
    assert expect.lower() in tool_reply["content"].lower()
    assert sse.text_of(events) == "Let me fix that."


async def test_a_booking_outside_opening_hours_is_refused_and_nothing_is_booked(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    args = {
        "dealership_id": "manhattan",
        "date": open_weekday(),
        "time": "23:00",
        "car_model": "SuperCar GT",
    }
    fake_groq.push(Script([tool_call("schedule_appointment", args)]), Script(words("Sorry.")))
    events = await ask(client, "book late")
    output = next(e for e in events if e.name == "tool_output").json()
    assert output["is_error"] is True and output["output"]["confirmationId"] == ""


async def test_the_same_booking_requested_twice_produces_one_booking(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    args = {
        "dealership_id": "manhattan",
        "date": open_weekday(),
        "time": "11:00",
        "car_model": "SuperCar GT",
    }
    for _ in range(2):
        fake_groq.push(Script([tool_call("schedule_appointment", args)]), Script(words("Booked.")))
    first = await ask(client, "book it")
    again = await ask(client, "book it again")
    ids = [
        next(e for e in ev if e.name == "tool_output").json()["output"]["confirmationId"]
        for ev in (first, again)
    ]
    assert ids[0] and ids[0] == ids[1]


def test_a_huge_tool_result_is_cut_before_it_reaches_the_model() -> None:
    result = ToolResult(output="x", data={"blob": "y" * 100_000})
    message = tool_message(ToolCall("call_1", "get_weather", "{}"), result)
    content = message["content"]
    assert content is not None and len(content) < MAX_TOOL_RESULT_CHARS + 100
    assert content.endswith("[truncated]")


# --- transport --------------------------------------------------------------------------------


async def test_pings_keep_a_long_pause_alive(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([text("Let me think"), delay(0.8), text(" ... done.")]))
    app = create_app(make_settings(ping_seconds=0.2))
    async with LiveServer(app) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            response = await post_query(client, "hi", "p")
    assert b"\n: ping" in response.content or response.content.startswith(b": ping")
    assert sse.text_of(sse.parse(response.content)) == "Let me think ... done."


async def test_a_second_request_for_a_busy_session_gets_409_then_the_next_succeeds(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    # The first turn outlasts the second's short wait for the session (CLAIM_WAIT_SECONDS).
    fake_groq.push(Script([text("Slow"), delay(3.0), text(" answer.")]), Script(words("Next.")))
    app = create_app(make_settings(session_lease_seconds=15))
    async with LiveServer(app) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            body = {"query": "one", "session_id": "busy"}
            async with client.stream("POST", "/query", json=body) as first:
                lines = first.aiter_lines()
                async for line in lines:
                    if line.startswith("data: Slow"):
                        break
                second = await post_query(client, "two", "busy")
                assert second.status_code == 409
                assert second.json()["code"] == "session_busy"
                # Whole seconds to the end of the first turn's lease, and said in words.
                wait = int(second.headers["retry-after"])
                assert 1 <= wait <= 15
                assert f"ask again in {wait} s" in second.json()["message"]
                rest = [line async for line in lines]
                assert rest[-3:] == ["event: end", "data: ", ""]
            third = await post_query(client, "three", "busy")
            assert third.status_code == 200
    assert user_messages(fake_groq.requests[-1]) == ["one", "three"]


async def test_a_browser_that_disconnects_closes_upstream_and_releases_the_session(
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_groq.push(Script([text("Once upon"), stall()]), Script(words("Fresh start.")))
    app = create_app(make_settings())
    caplog.set_level(logging.INFO)
    async with LiveServer(app) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            body = {"query": "tell me a story", "session_id": "gone"}
            async with client.stream("POST", "/query", json=body) as response:
                async for line in response.aiter_lines():
                    if line.startswith("data: Once"):
                        break
            # The browser is gone: the upstream request must be closed promptly.
            assert await fake_groq.await_disconnects(1, within=5)
            for _ in range(50):  # the session is released as the stream winds down
                again = await post_query(client, "hi", "gone")
                if again.status_code != 409:
                    break
                await asyncio.sleep(0.05)
            assert again.status_code == 200
    assert user_messages(fake_groq.requests[-1]) == ["hi"]  # the cut turn left no trace
    disconnected = [r for r in caplog.records if "client disconnected" in r.getMessage()]
    assert disconnected and disconnected[0].levelno == logging.INFO
    assert not any(r.exc_info for r in caplog.records if r.name.startswith("supercar"))


# --- history and secrets ----------------------------------------------------------------------


async def test_long_conversations_are_trimmed_at_turn_boundaries(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    async with asgi_client(create_app(make_settings(history_turns=2))) as client:
        for n in range(4):
            fake_groq.push(
                Script([tool_call("get_weather", {"city": f"City{n}"}, id=f"c{n}")]),
                Script(words(f"Answer {n}.")),
            )
            await ask(client, f"question {n}")
        fake_groq.push(Script(words("Last.")))
        await ask(client, "question 4")
    messages = fake_groq.requests[-1]["messages"]
    assert messages[0]["role"] == "system"
    assert messages[1] == {"role": "user", "content": "question 2"}
    assert user_messages(fake_groq.requests[-1]) == ["question 2", "question 3", "question 4"]


async def test_the_api_key_never_appears_in_logs_events_errors_or_health(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq, caplog: pytest.LogCaptureFixture
) -> None:
    fake_groq.api_key = SENTINEL_KEY
    app = create_app(make_settings(groq_api_key=SENTINEL_KEY, groq_max_retries=1))
    seen: list[str] = []
    fake_groq.push(
        Script([tool_call("get_weather", {"city": "Paris"})]),
        Script(words("Done.")),
        Script.http_error(500, "boom"),
        Script.http_error(500, "boom again"),
    )
    with caplog.at_level(logging.DEBUG):
        async with asgi_client(app) as client:
            for query in ["weather", "fail"]:
                r = await post_query(client, query, "k")
                seen.append(r.text)
            seen.append((await client.post("/query", json={"query": 1})).text)
            seen.append((await client.get("/health")).text)
            seen.append((await client.get("/openapi.json")).text)
            fake_groq.api_key = "another-key"
            fake_groq.push(Script(words("unreachable")))
            r = await post_query(client, "auth", "k2")
            seen.append(r.text)
    assert "upstream_auth" in seen[-1]
    everything = (
        caplog.text + "".join(seen) + json.dumps([r.__dict__ for r in caplog.records], default=str)
    )
    assert SENTINEL_KEY not in everything
    assert SENTINEL_KEY[-12:] not in everything


async def test_a_turn_that_loses_the_commit_race_is_an_error_and_not_committed(
    app: FastAPI, client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    # Another sandbox commits to the same session while this turn is running (the lock lapsed
    # or the other writer never saw it): the version check is the arbiter.
    sessions = app.state.services.sessions

    def intruder(body: dict) -> Script:
        asyncio.run_coroutine_threadsafe(
            sessions.commit("race", Session(), [{"role": "user", "content": "elsewhere"}]), loop
        ).result(5)
        return Script(words("Too late."))

    loop = asyncio.get_running_loop()
    fake_groq.responder = intruder
    pending = asyncio.create_task(ask(client, "here", session_id="race"))
    events = await pending
    assert failure(events) == "session_conflict"
    stored = await sessions.load("race")
    assert stored.turns == [[{"role": "user", "content": "elsewhere"}]]


async def test_a_client_that_stops_reading_is_dropped_by_the_send_timeout(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    # Far more than the socket buffers hold, so the server's sends block on the silent client.
    fake_groq.push(Script([text("x" * 20_000) for _ in range(2000)]), Script(words("Next.")))
    app = create_app(make_settings(send_timeout_seconds=0.5))
    async with LiveServer(app) as server:
        host, port = server.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        body = json.dumps({"query": "flood me", "session_id": "slow"}).encode()
        writer.write(
            b"POST /query HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
            + f"content-length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        await reader.read(100)  # the stream has started; from here on, read nothing
        assert await fake_groq.await_disconnects(1, within=10)
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            for _ in range(50):
                again = await post_query(client, "hi", "slow")
                if again.status_code != 409:
                    break
                await asyncio.sleep(0.1)
        assert again.status_code == 200
        writer.close()
        await writer.wait_closed()


@pytest.mark.parametrize("fault", ["raises", "hangs"])
async def test_a_tool_that_fails_or_hangs_yields_an_error_output_and_the_model_still_answers(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq, fault: str
) -> None:
    async def broken(args: object, ctx: object) -> ToolResult:
        if fault == "raises":
            raise RuntimeError("weather service down")
        await asyncio.sleep(30)
        raise AssertionError("unreachable")

    fake_groq.push(
        Script([tool_call("get_weather", {"city": "Oslo"})]),
        Script(words("The weather service is unavailable right now.")),
    )
    app = create_app(make_settings(tool_timeout_seconds=0.3))
    async with asgi_client(app) as client:
        registry = app.state.services.tools
        registry.tools["get_weather"] = dataclasses.replace(
            registry.tools["get_weather"], run=broken
        )
        events = await ask(client, "Weather in Oslo?")
    output = next(e for e in events if e.name == "tool_output").json()
    assert output["is_error"] is True and isinstance(output["output"], str)
    assert sse.names(events) == ["tool_use", "tool_output", "chunk", "end"]
    assert "unavailable" in sse.text_of(events)


def test_a_blank_base_url_in_env_means_groqs_own() -> None:
    # .env.example lists GROQ_BASE_URL= with no value; that must not become base_url="".
    assert Settings(_env_file=None, groq_base_url="").groq_base_url is None  # type: ignore[call-arg]


async def test_an_in_stream_tool_use_failed_after_text_ends_the_turn_cleanly(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([text("Let me check"), error_event("bad call", code="tool_use_failed")]))
    events = await ask(client, "weather?")
    assert failure(events) == "upstream_error"
    assert sse.text_of(events).startswith("Let me check Something")  # the apology stands apart


async def test_in_stream_errors_keep_their_meaning(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script([error_event("bad call", code="tool_use_failed")]),  # before any text: retried
        Script(words("Recovered.")),
        Script([error_event("slow down", type="tokens", code="rate_limit_exceeded")]),
    )
    assert sse.text_of(await ask(client, "one")) == "Recovered."
    assert failure(await ask(client, "two")) == "rate_limited"


async def test_an_oversized_chunked_body_gets_413_too(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the cap is met mid-read
        yield b'{"query": "'
        for _ in range(10):
            yield b"x" * 10_000
        yield b'", "session_id": "s"}'

    response = await client.post(
        "/query", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["code"] == "body_too_large"
    assert fake_groq.requests == []


async def test_the_session_is_free_as_soon_as_end_is_seen(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    app = create_app(make_settings())
    async with LiveServer(app) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            for n in range(5):
                body = {"query": f"q{n}", "session_id": "eager"}
                async with client.stream("POST", "/query", json=body) as response:
                    async for line in response.aiter_lines():
                        if line == "event: end":
                            break
                    # Ask again on another connection before this stream has even closed.
                    async with httpx.AsyncClient(base_url=server.url, timeout=10) as other:
                        again = await other.get("/health")
                        assert again.status_code == 200
                        nxt = await other.post(
                            "/query", json={"query": f"q{n}b", "session_id": "eager"}
                        )
                    assert nxt.status_code == 200, nxt.text


async def test_a_client_that_stops_reading_is_dropped_even_after_the_whole_answer_went_out(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The server waits for a paused socket to drain before a send, not after it. When the whole
    # answer goes out in one send to a client that has stopped reading, only the last, empty
    # send of the response waits; here it never completes, as with a client that never reads.
    from supercar.agent import Turn
    from supercar.api.stream import TurnStreamResponse
    from supercar.conversation import SessionTurn
    from supercar.llm.offline import OfflineModel
    from supercar.store.memory import MemoryBookingStore, MemorySessionStore
    from supercar.tools import default_registry
    from supercar.tools.base import ToolContext

    sessions = MemorySessionStore()
    token = await sessions.claim("stalled", 60)
    ctx = ToolContext(session_id="stalled", bookings=MemoryBookingStore(), now=datetime.now(UTC))
    turn = Turn(
        model=OfflineModel(word_delay=0),
        tools=default_registry(),
        system_prompt="",
        history=[],
        query="hi",
        ctx=ctx,
        max_rounds=1,
    )
    settings = Settings(_env_file=None, send_timeout_seconds=0.2)  # type: ignore[call-arg]
    response = TurnStreamResponse(
        SessionTurn("stalled", token, Session(), turn, sessions, deadline_seconds=5), settings
    )
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> MutableMapping[str, Any]:
        await asyncio.Event().wait()  # connected, silent
        raise AssertionError("unreachable")

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            await asyncio.Event().wait()  # the socket never drains
        sent.append(message)

    scope = {"type": "http", "asgi": {"spec_version": "2.4"}, "method": "POST", "headers": []}
    with caplog.at_level(logging.INFO, logger="supercar.api.stream"):
        async with asyncio.timeout(10):
            await response(scope, receive, send)
    assert b"event: end" in b"".join(m.get("body", b"") for m in sent)  # the answer went out
    assert "client stopped reading; stream dropped after 0.2s" in caplog.messages
    await sessions.claim("stalled", 60)  # would raise SessionBusy if still held


async def test_the_session_is_released_even_if_the_stream_never_starts() -> None:
    # The client is gone before the first byte: sse-starlette never runs the stream generator,
    # so only the response itself can give the lock back.
    from supercar.agent import Turn
    from supercar.api.stream import TurnStreamResponse
    from supercar.conversation import SessionTurn
    from supercar.llm.offline import OfflineModel
    from supercar.store.memory import MemoryBookingStore, MemorySessionStore
    from supercar.tools import default_registry
    from supercar.tools.base import ToolContext

    sessions = MemorySessionStore()
    token = await sessions.claim("early", 60)
    ctx = ToolContext(session_id="early", bookings=MemoryBookingStore(), now=datetime.now(UTC))
    turn = Turn(
        model=OfflineModel(),  # never asked: the turn does not start
        tools=default_registry(),
        system_prompt="",
        history=[],
        query="hi",
        ctx=ctx,
        max_rounds=1,
    )
    response = TurnStreamResponse(
        SessionTurn("early", token, Session(), turn, sessions, deadline_seconds=5),
        Settings(_env_file=None),  # type: ignore[call-arg]
    )

    async def receive() -> MutableMapping[str, Any]:
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        raise OSError("connection reset before the headers went out")

    scope = {"type": "http", "asgi": {"spec_version": "2.4"}, "method": "POST", "headers": []}
    with contextlib.suppress(Exception):
        await response(scope, receive, send)
    await sessions.claim("early", 60)  # would raise SessionBusy if still held
