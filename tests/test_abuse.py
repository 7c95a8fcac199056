"""The service on a public URL, tried as an attacker would: every abuse is bounded, refused or
dropped, and none of it costs other customers their answers (issue 10)."""

from __future__ import annotations

import asyncio
import json
import logging
import select
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
import pytest

from supercar.agent import TOOL_USE_FAILED_RETRIES
from supercar.app import create_app
from supercar.config import Settings
from supercar.logs import PAYLOAD_LOGGERS, keep_conversations_private
from supercar.protocol import MAX_HEAD_BYTES
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, text, tool_call
from tests.helpers import LiveServer, asgi_client, ask, post_query

REFUSED = Script.http_error(400, "Failed to call a function", code="tool_use_failed")


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
        async with asgi_client(create_app(make_settings(groq_max_retries=2))) as client:
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
    async with asgi_client(create_app(make_settings(max_tool_rounds=max_rounds))) as client:
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


async def test_an_over_long_message_is_answered_without_the_model_the_claim_or_the_history(
    app: Any, client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    limit = app.state.settings.max_query_chars
    sessions = app.state.services.sessions
    await ask(client, "first question", session_id="long")
    token = await sessions.claim("long", 60)  # a turn of this session is running elsewhere
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
    await sessions.release("long", token)


async def test_a_message_at_the_limit_after_trimming_still_reaches_the_model(
    app: Any, client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    limit = app.state.settings.max_query_chars
    events = await ask(client, "  " + "y" * limit + "\n")
    assert sse.names(events) == ["chunk", "end"]
    assert len(fake_groq.requests) == 1


# --- a slow reader ----------------------------------------------------------------------------


def raw_query(query: str, session_id: str) -> bytes:
    body = json.dumps({"query": query, "session_id": session_id}).encode()
    head = (
        "POST /query HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def closed_by_peer(sock: socket.socket, within: float) -> bool:
    """Whether the server ends the connection within `within` seconds, while this side still
    reads nothing: a reset, or a hang-up that `poll` reports with the unread bytes still queued."""
    poller = select.poll()
    poller.register(sock, select.POLLHUP | select.POLLERR | select.POLLRDHUP)
    return bool(poller.poll(within * 1000))


async def test_a_client_that_stops_reading_is_disconnected_and_logged_once_at_info(
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A long answer in ordinary chunks: 8 MB, more than the kernel buffers on loopback (about
    # 3 MB with a tiny receive buffer) and uvicorn's 64 KB, so the server's sends block.
    paragraph = "The SuperCar GT is a grand tourer with room for four. " * 300
    fake_groq.push(Script([text(paragraph) for _ in range(8_000_000 // len(paragraph))]))
    send_timeout = 0.5
    # No history sent back: the 8 MB answer may be committed before the client is dropped, and
    # the next turn would post it to the model again (aiohttp warns about so large a body).
    settings = make_settings(send_timeout_seconds=send_timeout, history_turns=0)
    app = create_app(settings)
    with caplog.at_level(logging.INFO), LiveServer(app) as server:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.settimeout(10)
        sock.connect(server.address)
        try:
            sock.sendall(raw_query("Tell me everything about the GT", "slow-reader"))
            assert sock.recv(100).startswith(b"HTTP/1.1 200")  # then read nothing more
            started = time.monotonic()
            # Bounded well under the default send timeout (30 s), not near this one: filling
            # the buffers takes megabytes from the model first, which a loaded machine slows.
            assert await asyncio.to_thread(closed_by_peer, sock, 25)
            print(f"slow reader dropped {time.monotonic() - started:.1f} s after the head")
        finally:
            sock.close()
        fake_groq.push(Script([text("Shorter.")]))
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            again = await post_query(client, "hi", "slow-reader")
        assert again.status_code == 200  # the cut turn let go of the session
    ours = [r for r in caplog.records if r.name in ("supercar.conversation", "supercar.api.stream")]
    assert [
        (r.levelno, r.getMessage()) for r in ours if "turn completed" not in r.getMessage()
    ] == [(logging.INFO, f"client stopped reading; stream dropped after {send_timeout}s")]
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


# --- a header flood ---------------------------------------------------------------------------


@dataclass
class Flood:
    sent: int = 0  # bytes written before the server stopped taking them
    refused_after: float | None = None  # seconds from the first byte to the refusal
    answer: bytes = b""  # what the server said, if anything, before closing


def flood_headers(address: tuple[str, int], first: bytes, piece: bytes, total: int) -> Flood:
    """Send a request head of `total` bytes, `first` then `piece` again and again, as fast as the
    server takes it."""
    result = Flood()
    sock = socket.create_connection(address, timeout=30)
    started = time.monotonic()
    try:
        sock.sendall(b"GET /health HTTP/1.1\r\nhost: x\r\n" + first)
        block = piece * (1024 * 1024 // len(piece))
        while result.sent < total:
            sock.sendall(block)
            result.sent += len(block)
    except (BrokenPipeError, ConnectionResetError):
        pass
    try:
        result.answer = sock.recv(200)
    except (ConnectionResetError, TimeoutError):
        pass
    finally:
        result.refused_after = time.monotonic() - started if result.sent < total else None
        sock.close()
    return result


@pytest.mark.parametrize(
    ("first", "piece"),
    [(b"x-flood: ", b"a" * 1024), (b"", b"x-next: " + b"a" * 1014 + b"\r\n")],
    ids=["one-huge-header", "many-headers"],
)
async def test_a_100_mb_header_block_is_refused_at_once_and_other_streams_go_on(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq, first: bytes, piece: bytes
) -> None:
    answer = [text("The"), *(text(f" word{i}") for i in range(30))]
    fake_groq.responder = lambda _body: Script(list(answer), token_interval=0.01)
    app = create_app(make_settings())
    with LiveServer(app) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:

            async def turn(session_id: str) -> float:
                started = time.monotonic()
                body = {"query": "Tell me about the GT", "session_id": session_id}
                response = await client.post("/query", json=body)
                assert sse.names(sse.parse(response.content)) == ["chunk", "end"]
                return time.monotonic() - started

            alone = await turn("calm")
            with anyio.fail_after(30):
                during, flood = await asyncio.gather(
                    turn("during-the-flood"),
                    asyncio.to_thread(flood_headers, server.address, first, piece, 100 << 20),
                )
            assert (await client.get("/health")).status_code == 200
    assert flood.refused_after is not None, f"the server took all {flood.sent} bytes"
    assert flood.refused_after < 3
    assert flood.sent < 20 * 1024 * 1024
    # A 431 when the refusal outran the flood; a bare reset when it landed among unread bytes.
    assert not flood.answer or flood.answer.startswith(b"HTTP/1.1 431")
    assert during < alone + 1.5, (alone, during)


async def test_heads_under_the_cap_are_served_again_and_again_on_one_connection(
    make_settings: Callable[..., Settings],
) -> None:
    big = {"x-big": "a" * (MAX_HEAD_BYTES - 1024)}  # each head near the cap; together far over
    with LiveServer(create_app(make_settings())) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            statuses = [(await client.get("/health", headers=big)).status_code for _ in range(4)]
            over = await client.get("/health", headers={"x-big": "a" * MAX_HEAD_BYTES})
    assert statuses == [200] * 4
    assert over.status_code == 431


# --- private logs -----------------------------------------------------------------------------

MARKERS = {"query": "Zq7-QUERY-MARK", "answer": "Zq7-ANSWER-MARK", "tool": "zq7-tool-mark"}


@pytest.fixture
def payload_log_levels() -> Iterator[Callable[[bool], None]]:
    """Apply `keep_conversations_private` at DEBUG; the library logger levels are restored."""
    saved = {name: logging.getLogger(name).level for name in PAYLOAD_LOGGERS}
    yield lambda log_conversations: keep_conversations_private("DEBUG", log_conversations)
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


async def debug_turn_log(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq, caplog: pytest.LogCaptureFixture
) -> str:
    """Everything every logger wrote, root at DEBUG, during a turn with a tool call whose query,
    tool arguments and answer each carry a marker."""
    fake_groq.push(
        Script([tool_call("get_dealership_address", {"dealership_id": MARKERS["tool"]})]),
        Script([text("Here it is: "), text(MARKERS["answer"])]),
    )
    app = create_app(make_settings(log_level="DEBUG"))
    with caplog.at_level(logging.DEBUG), LiveServer(app) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as client:
            response = await post_query(client, f"Where are you? {MARKERS['query']}", "private")
    events = sse.parse(response.content)
    assert MARKERS["answer"] in sse.text_of(events)  # the markers did travel
    assert (
        MARKERS["tool"]
        in fake_groq.requests[1]["messages"][-2]["tool_calls"][0]["function"]["arguments"]
    )
    records = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    return records + caplog.text


async def test_a_debug_level_turn_logs_no_customer_text(
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
    payload_log_levels: Callable[[bool], None],
) -> None:
    payload_log_levels(False)
    log = await debug_turn_log(make_settings, fake_groq, caplog)
    assert [name for name, mark in MARKERS.items() if mark.lower() in log.lower()] == []
    assert "tool get_dealership_address" in log  # tool names and outcomes stay


async def test_log_conversations_lets_the_libraries_debug_dumps_through(
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
    payload_log_levels: Callable[[bool], None],
) -> None:
    payload_log_levels(True)
    log = await debug_turn_log(make_settings, fake_groq, caplog)
    assert MARKERS["query"] in log and MARKERS["answer"] in log
