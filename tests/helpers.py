"""What many tests share: a client for the app over ASGI, asking a turn, reading a stream as it
arrives, a date a showroom is open, and a real server on loopback.

The bound on time lives here, not in each test: every helper that waits on the service runs
under `anyio.fail_after`, so a hung stream fails in seconds with a clear TimeoutError instead of
waiting for pytest-timeout to kill the whole run.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import ExitStack, asynccontextmanager
from datetime import datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

import anyio
import httpx
import uvicorn
from fastapi import FastAPI
from sse_starlette.sse import AppStatus

from supercar.protocol import GuardedHttpToolsProtocol
from tests import sse

TIMEOUT = 20.0  # seconds: far more than any turn here takes, far less than pytest-timeout


@asynccontextmanager
async def asgi_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client for the app over ASGI (no socket), inside the app's lifespan."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


async def post_query(
    client: httpx.AsyncClient, query: str, session_id: str = "s-1", **headers: str
) -> httpx.Response:
    """POST one turn and read the whole response, whatever its status."""
    with anyio.fail_after(TIMEOUT):
        body = {"query": query, "session_id": session_id}
        return await client.post("/query", json=body, headers=headers)


async def ask(
    client: httpx.AsyncClient, query: str, session_id: str = "s-1", **headers: str
) -> list[sse.Event]:
    """One turn that must be accepted (200); its events."""
    response = await post_query(client, query, session_id, **headers)
    assert response.status_code == 200, response.text
    return sse.parse(response.content)


async def timed_events(
    url: str, query: str, session_id: str = "stream-1", headers: dict[str, str] | None = None
) -> list[tuple[float, sse.Event]]:
    """Each event with the time its bytes arrived, from a client reading as a browser does."""
    out: list[tuple[float, sse.Event]] = []
    body = {"query": query, "session_id": session_id}
    with anyio.fail_after(TIMEOUT):
        async with (
            httpx.AsyncClient(base_url=url, timeout=10) as client,
            client.stream("POST", "/query", json=body, headers=headers) as response,
        ):
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            buffer = b""
            async for part in response.aiter_raw():
                now = time.monotonic()
                buffer += part
                *complete, buffer = buffer.split(b"\n\n")
                for block in complete:
                    out.extend((now, e) for e in sse.parse(block + b"\n\n"))
    return out


async def until(condition: Callable[[], bool], what: str, within: float = TIMEOUT) -> None:
    """Wait until `condition()` holds, checking every 20 ms; fail after `within` seconds."""
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened within {within} s: {what}")
        await asyncio.sleep(0.02)


def open_weekday(days_ahead: int = 3, showroom_tz: str = "America/New_York") -> str:
    """A date at least `days_ahead` days ahead in the showroom's zone that is not a Sunday:
    every showroom is open Monday to Saturday."""
    day = datetime.now(ZoneInfo(showroom_tz)).date() + timedelta(days=days_ahead)
    while day.weekday() == 6:
        day += timedelta(days=1)
    return day.isoformat()


class LiveServer:
    """An ASGI app served by uvicorn on loopback in a background thread, with its own event loop:
    for anything about timing or disconnects (httpx's ASGI transport delivers a streamed body
    only at the end). The socket is bound up front (port 0) so `url` is known at once.

    `async with LiveServer(app) as server` also bounds the block by `timeout`; plain `with` is for
    synchronous tests (a browser, the CLI), which pytest-timeout bounds.
    """

    def __init__(
        self,
        app: Any,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        lifespan: Literal["auto", "on", "off"] = "auto",
        name: str = "live-server",
        timeout: float = TIMEOUT,
    ) -> None:
        self.timeout = timeout
        self.loop: asyncio.AbstractEventLoop | None = None  # the server thread's, once started
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.address: tuple[str, int] = self._sock.getsockname()
        self.url = f"http://{host}:{self.address[1]}"
        config = uvicorn.Config(
            app,
            http=GuardedHttpToolsProtocol,  # the protocol production runs (supercar.protocol)
            log_config=None,
            access_log=False,
            lifespan=lifespan,
            ws="none",
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=asyncio.run, args=(self._serve(),), name=name, daemon=True
        )
        self._stack = ExitStack()

    async def _serve(self) -> None:
        self.loop = asyncio.get_running_loop()
        await self._server.serve(sockets=[self._sock])

    def __enter__(self) -> LiveServer:
        AppStatus.should_exit = False  # a previous server in this process may have set it
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"{self._thread.name} failed to start")
            time.sleep(0.005)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()
        AppStatus.should_exit = False

    async def __aenter__(self) -> LiveServer:
        with ExitStack() as stack:
            stack.enter_context(anyio.fail_after(self.timeout))
            stack.enter_context(self)
            self._stack = stack.pop_all()
        return self

    async def __aexit__(self, *exc: Any) -> bool | None:
        return self._stack.__exit__(*exc)
