"""The load client: one `POST /query` per turn, every SSE event timestamped as it arrives.

Two interchangeable transports, both on the same loop:
- `RawPool` (the default for the runs): HTTP/1.1 keep-alive connections on asyncio streams, with
  chunked decoding and SSE framing done here on bytes. It costs a fraction of httpx's CPU per
  event, which matters because the client shares one core with the fake upstream: with httpx the
  client saturated that core at 200 sessions and its own queueing showed up as server latency.
- `httpx.AsyncClient` (`make_client()`; `--client httpx` in run.py): the same figures through
  httpx's `aiter_raw`, limits raised for 500+ connections; fine up to ~50 sessions here.

All events that arrive in one read get that read's timestamp, which is exactly when they became
visible to a browser.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import httpx
import orjson

_Conn = tuple[asyncio.StreamReader, asyncio.StreamWriter]


@dataclass(slots=True)
class TurnResult:
    ok: bool = False
    error: str | None = None
    # Seconds after the request was sent (client side, perf_counter).
    first_text: float | None = None
    tool_use: float | None = None
    tool_output: float | None = None
    first_text_after_tool: float | None = None
    end: float | None = None
    text_events: int = 0
    text_times: list[float] = field(default_factory=list)  # only when asked (fidelity)

    def finish(self) -> None:
        """The body ended: the turn succeeded if it saw `end` and no `error` event."""
        self.ok = self.end is not None and self.error is None
        if not self.ok and self.error is None:
            self.error = "stream closed without an end event"


def make_client(max_connections: int = 2000) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        limits=httpx.Limits(
            max_connections=max_connections, max_keepalive_connections=max_connections
        ),
        timeout=httpx.Timeout(120.0, connect=30.0, pool=120.0),
    )


def _parse(block: bytes) -> tuple[str, str]:
    event, data = "message", []
    for line in block.split(b"\n"):
        if line.startswith(b"event:"):
            event = line[6:].strip().decode()
        elif line.startswith(b"data:"):
            value = line[5:]
            data.append((value[1:] if value.startswith(b" ") else value).decode())
    return event, "\n".join(data)


class _Events:
    """Feeds SSE blocks into a TurnResult."""

    __slots__ = ("buf", "keep_times", "result")

    def __init__(self, result: TurnResult, keep_times: bool) -> None:
        self.result, self.keep_times, self.buf = result, keep_times, b""

    def feed(self, data: bytes, t: float) -> None:
        result = self.result
        self.buf += data
        buf = self.buf
        while (i := buf.find(b"\n\n")) >= 0:
            block, buf = buf[:i], buf[i + 2 :]
            if not block or block.startswith(b":"):
                continue  # keep-alive comment
            event, text = _parse(block)
            if event == "chunk":
                result.text_events += 1
                if result.first_text is None:
                    result.first_text = t
                if result.tool_output is not None and result.first_text_after_tool is None:
                    result.first_text_after_tool = t
                if self.keep_times:
                    result.text_times.append(t)
            elif event == "tool_use":
                if result.tool_use is None:
                    result.tool_use = t
            elif event == "tool_output":
                if result.tool_output is None:
                    result.tool_output = t
            elif event == "error":
                result.error = f"error event: {text[:200]}"
            elif event == "end":
                result.end = t
        self.buf = buf


class RawPool:
    """Minimal HTTP/1.1 client for one origin: keep-alive connections, chunked bodies."""

    def __init__(self, url: str) -> None:
        host, _, port = url.removeprefix("http://").partition(":")
        self.host, self.port = host, int(port or 80)
        self.idle: list[_Conn] = []

    async def turn(self, session_id: str, query: str, keep_times: bool) -> TurnResult:
        result = TurnResult()
        body = orjson.dumps({"query": query, "session_id": session_id})
        request = (
            b"POST /query HTTP/1.1\r\nhost: %s:%d\r\ncontent-type: application/json\r\n"
            b"accept: text/event-stream\r\ncontent-length: %d\r\n\r\n%s"
            % (self.host.encode(), self.port, len(body), body)
        )
        t0 = time.perf_counter()
        conn = None
        try:
            conn, head, buf = await self._exchange(request)
            status, headers = _parse_head(head)
            if headers.get(b"transfer-encoding") == b"chunked":
                events = _Events(result, keep_times)
                await _read_chunked(conn[0], buf, events, t0, time.perf_counter() - t0)
                result.finish()
            else:
                length = int(headers.get(b"content-length", b"0"))
                buf = await _read_length(conn[0], buf, length)
                result.error = f"http {status}: {buf[:200].decode(errors='replace')}"
            self.idle.append(conn)
            conn = None
        except (OSError, ValueError, IndexError) as exc:
            result.error = f"{type(exc).__name__}: {exc}"[:200]
        finally:
            if conn is not None:  # not returned to the pool: unusable or cancelled
                conn[1].close()
        return result

    async def _exchange(self, request: bytes) -> tuple[_Conn, bytes, bytes]:
        """Send the request, read the response head: (connection, head, the bytes after it).
        A reused connection the server closed meanwhile (keep-alive timeout) gets one retry on
        a fresh one."""
        for attempt in range(2):
            conn, reused = await self._connection()
            try:
                conn[1].write(request)
                head, rest = await _read_head(conn[0])
            except BaseException as exc:  # cancelled too: the connection is never reused
                conn[1].close()
                if isinstance(exc, OSError) and reused and not attempt:
                    continue
                raise
            return conn, head, rest
        raise AssertionError("unreachable: the second attempt returns or raises")

    async def _connection(self) -> tuple[_Conn, bool]:
        """An idle connection still open (reused), else a new one."""
        while self.idle:
            conn = self.idle.pop()
            if not conn[0].at_eof():
                return conn, True
            conn[1].close()  # the server closed it while idle
        return await asyncio.open_connection(self.host, self.port, limit=1 << 20), False


async def _read_head(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    buf = b""
    while (i := buf.find(b"\r\n\r\n")) < 0:
        data = await reader.read(65536)
        if not data:
            raise ConnectionError("connection closed before the response head")
        buf += data
    return buf[:i], buf[i + 4 :]


def _parse_head(head: bytes) -> tuple[int, dict[bytes, bytes]]:
    lines = head.split(b"\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip().lower()
    return int(lines[0].split(b" ", 2)[1]), headers


async def _read_length(reader: asyncio.StreamReader, buf: bytes, length: int) -> bytes:
    while len(buf) < length:
        data = await reader.read(65536)
        if not data:
            break
        buf += data
    return buf


async def _read_chunked(
    reader: asyncio.StreamReader, buf: bytes, events: _Events, t0: float, t: float
) -> None:
    """Decode chunk frames up to the last (empty) one, feeding their payloads to the SSE parser;
    `t` is when the bytes in `buf` arrived."""
    while True:
        while (j := buf.find(b"\r\n")) >= 0:
            size = int(buf[:j].split(b";")[0], 16)
            if len(buf) < j + 2 + size + 2:
                break
            if size == 0:
                return
            events.feed(buf[j + 2 : j + 2 + size], t)
            buf = buf[j + 2 + size + 2 :]
        data = await reader.read(65536)
        t = time.perf_counter() - t0
        if not data:
            raise ConnectionError("connection closed mid-body")
        buf += data


Client = httpx.AsyncClient | RawPool


async def run_turn(
    client: Client,
    url: str,
    session_id: str,
    query: str,
    *,
    keep_times: bool = False,
) -> TurnResult:
    if isinstance(client, RawPool):
        return await client.turn(session_id, query, keep_times)
    result = TurnResult()
    events = _Events(result, keep_times)
    t0 = time.perf_counter()
    try:
        async with client.stream(
            "POST", url + "/query", json={"query": query, "session_id": session_id}
        ) as response:
            if response.status_code != 200:
                await response.aread()
                result.error = f"http {response.status_code}: {response.text[:200]}"
                return result
            async for data in response.aiter_raw():
                events.feed(data, time.perf_counter() - t0)
            result.finish()
    except (httpx.HTTPError, OSError) as exc:
        result.error = f"{type(exc).__name__}: {exc}"[:200]
    return result


async def _run_within(tasks: list[Coroutine[Any, Any, None]], time_limit: float) -> None:
    """Run the tasks at once; those still running when `time_limit` passes are cancelled."""
    running = [asyncio.create_task(task) for task in tasks]
    _, pending = await asyncio.wait(running, timeout=time_limit)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)


async def run_sessions(
    client: Client,
    url: str,
    sessions: int,
    turns: int,
    query: str,
    *,
    prefix: str,
    stagger: float = 0.0,
    time_limit: float = 120.0,
) -> list[TurnResult]:
    """`sessions` conversations at once, each `turns` turns back to back (no think time).

    Session starts are spread evenly over `stagger` seconds. Turns still running when
    `time_limit` passes are cancelled and count as failed."""
    results: list[TurnResult] = []

    async def session(i: int) -> None:
        if stagger:
            await asyncio.sleep(stagger * i / sessions)
        for _ in range(turns):
            results.append(await run_turn(client, url, f"{prefix}-{i}", query))

    await _run_within([session(i) for i in range(sessions)], time_limit)
    missing = sessions * turns - len(results)
    results.extend(TurnResult(error="cut by the time limit") for _ in range(missing))
    return results


async def run_pool(
    client: Client,
    url: str,
    sessions: int,
    turns: int,
    query: str,
    *,
    prefix: str,
    concurrency: int,
    on_session_done: Callable[[int], None] | None = None,
    time_limit: float = 300.0,
) -> list[TurnResult]:
    """`sessions` conversations of `turns` turns each, at most `concurrency` running at once.
    `on_session_done(count)` (if given) is called after each whole session."""
    results: list[TurnResult] = []
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(sessions):
        queue.put_nowait(i)
    done = 0

    async def worker() -> None:
        nonlocal done
        while not queue.empty():
            i = queue.get_nowait()
            for _ in range(turns):
                results.append(await run_turn(client, url, f"{prefix}-{i}", query))
            done += 1
            if on_session_done is not None:
                on_session_done(done)

    await _run_within([worker() for _ in range(concurrency)], time_limit)
    return results


async def stream_direct(client: httpx.AsyncClient, upstream: str, tokens: int) -> TurnResult:
    """Stream one answer straight from the fake upstream: what the upstream alone needs,
    as this client sees it (first token, last token), for the 'added latency' floor."""
    result = TurnResult()
    body = {"model": "bench", "messages": [{"role": "user", "content": "hi"}], "stream": True}
    t0 = time.perf_counter()
    async with client.stream(
        "POST", upstream + "/openai/v1/chat/completions", json=body
    ) as response:
        buf = b""
        async for data in response.aiter_raw():
            t = time.perf_counter() - t0
            buf += data
            while (i := buf.find(b"\n\n")) >= 0:
                block, buf = buf[:i], buf[i + 2 :]
                if b'"content":"' in block and b'"content":""' not in block:
                    result.text_events += 1
                    if result.first_text is None:
                        result.first_text = t
                    result.text_times.append(t)
                elif b"[DONE]" in block:
                    result.end = t
    result.ok = result.end is not None and result.text_events == tokens
    return result
