"""A cheap, precisely timed fake of Groq's streaming chat-completions endpoint, for benchmarks.

Why not `tests/fakes/fake_groq.py` directly: that fake is built for correctness (strict request
validation, json.dumps + uuid per chunk, one asyncio task sleeping between tokens). Under a
500-stream sweep on a 2-core machine it costs as much CPU as the servers it feeds, and its
relative sleeps drift (each `asyncio.sleep(0.01)` overshoots a little, 39 times per answer), so
"what the upstream itself needs" would be fuzzy. This one speaks the same wire format (Groq's
`data: {chunk}` events: a role delta, one content delta per token, a final chunk with
`finish_reason` and `x_groq.usage`, then `data: [DONE]`), over HTTP/1.1 chunked encoding with
keep-alive, but:

- every frame is pre-encoded once per timing configuration;
- token k of a stream is sent at an absolute time, `t_request + ttft + k * interval`, by a
  `loop.call_at` chain (no task per stream, no drift), and how late each send was is recorded
  so the report can show the upstream kept its schedule;
- it runs in its own process (`python -m benchmarks.fake_upstream --port P`), so its CPU is
  measured apart from the servers under test.

Control endpoints (used by `benchmarks/run.py` between phases):
  POST /_bench/config {"ttft": s, "interval": s, "tokens": n}   -> set the timing
  POST /_bench/reset                                           -> clear the counters
  GET  /_bench/stats                                           -> counters and lateness

Tool turns: if the last message is the user's and contains `[tool]`, the answer is a single
`get_dealership_address` tool call (finish_reason `tool_calls`); a request whose last message is
a `tool` result gets the normal text answer.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import time
from typing import Any

import orjson

CHAT_PATH = b"/openai/v1/chat/completions"
MODEL = "openai/gpt-oss-120b"


def _chunk(delta: dict[str, Any], finish: str | None = None, **x_groq: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "chatcmpl-bench",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": MODEL,
        "system_fingerprint": "fp_bench",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}],
    }
    if x_groq:
        body["x_groq"] = {"id": "req_bench", **x_groq}
    return body


def _frame(payload: bytes) -> bytes:
    """One SSE event as one HTTP/1.1 chunk."""
    data = b"data: " + payload + b"\n\n"
    return b"%x\r\n%s\r\n" % (len(data), data)


def _sse(obj: dict[str, Any]) -> bytes:
    return _frame(orjson.dumps(obj))


HEAD = (
    b"HTTP/1.1 200 OK\r\n"
    b"content-type: text/event-stream\r\n"
    b"cache-control: no-cache\r\n"
    b"x-request-id: req_bench\r\n"
    b"transfer-encoding: chunked\r\n\r\n"
)
END = _frame(b"[DONE]") + b"0\r\n\r\n"


class Frames:
    """The pre-encoded frames of one timing configuration."""

    def __init__(self, ttft: float, interval: float, tokens: int) -> None:
        self.ttft, self.interval, self.tokens = ttft, interval, tokens
        role = _sse({**_chunk({"role": "assistant", "content": ""}), "x_groq": {"id": "req_bench"}})
        words = [f"Token{i}" if i == 1 else f" token{i}" for i in range(1, tokens + 1)]
        self.text = [_sse(_chunk({"content": w})) for w in words]
        self.text[0] = role + self.text[0]
        usage = {"prompt_tokens": 100, "completion_tokens": tokens, "total_tokens": 100 + tokens}
        self.text_final = _sse(_chunk({}, "stop", usage=usage)) + END
        call = {
            "index": 0,
            "id": "call_bench0001",
            "type": "function",
            "function": {
                "name": "get_dealership_address",
                "arguments": '{"dealership_id": "manhattan"}',
            },
        }
        self.tool = [role + _sse(_chunk({"tool_calls": [call]}))]
        self.tool_final = _sse(_chunk({}, "tool_calls", usage=usage)) + END


class Stats:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests = 0
        self.lateness: list[float] = []  # seconds each scheduled send was late
        self.stalls: list[tuple[float, float, int]] = []  # (loop time, ms late, active) > 50 ms
        self.max_active = 0
        self.active = 0

    def snapshot(self) -> dict[str, Any]:
        late = sorted(self.lateness)

        def pct(p: float) -> float:
            return late[min(len(late) - 1, int(p * len(late)))] * 1000 if late else 0.0

        return {
            "requests": self.requests,
            "max_active": self.max_active,
            "late_ms_p99": pct(0.99),
            "late_ms_max": late[-1] * 1000 if late else 0.0,
            "stalls": self.stalls,
        }


STATS = Stats()
FRAMES = Frames(0.05, 0.01, 40)


class Stream:
    """One streamed answer, driven by a call_at chain on an absolute schedule."""

    __slots__ = ("conn", "done", "final", "frames", "handle", "i", "interval", "start")

    def __init__(
        self, conn: Connection, frames: list[bytes], final: bytes, ttft: float, interval: float
    ) -> None:
        self.conn, self.frames, self.final, self.interval = conn, frames, final, interval
        loop = conn.loop
        self.start = loop.time() + ttft
        self.i = 0
        self.done = False
        conn.transport.write(HEAD)
        self.handle = loop.call_at(self.start, self.step)

    def step(self) -> None:
        conn = self.conn
        if conn.closed:
            return
        loop = conn.loop
        now = loop.time()
        frames = self.frames
        # Send everything that is due (with interval 0, the whole answer at once).
        while True:
            due = self.start + self.i * self.interval
            if due > now:
                break
            late = now - due
            STATS.lateness.append(late)
            if late > 0.05 and len(STATS.stalls) < 20:
                STATS.stalls.append((round(now, 3), round(late * 1000, 1), STATS.active))
            conn.transport.write(frames[self.i])
            self.i += 1
            if self.i == len(frames):
                conn.transport.write(self.final)
                self.done = True
                STATS.active -= 1
                conn.stream = None
                conn.next_request()
                return
        self.handle = loop.call_at(self.start + self.i * self.interval, self.step)


class Connection(asyncio.Protocol):
    def __init__(self) -> None:
        self.loop = asyncio.get_running_loop()
        self.buf = b""
        self.closed = False
        self.stream: Stream | None = None
        self.transport: asyncio.Transport

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.stream is not None and not self.stream.done:
            self.stream.handle.cancel()
            STATS.active -= 1
            self.stream = None

    def data_received(self, data: bytes) -> None:
        self.buf += data
        if self.stream is None:
            self.next_request()

    def next_request(self) -> None:
        """Parse and answer one complete request from the buffer, if there is one."""
        head_end = self.buf.find(b"\r\n\r\n")
        if head_end < 0:
            return
        head = self.buf[:head_end].split(b"\r\n")
        length = 0
        for line in head[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if len(self.buf) < head_end + 4 + length:
            return
        body = self.buf[head_end + 4 : head_end + 4 + length]
        self.buf = self.buf[head_end + 4 + length :]
        method, path, _ = head[0].split(b" ", 2)
        self.handle(method, path, body)

    def reply(self, status: str, obj: Any) -> None:
        body = orjson.dumps(obj)
        self.transport.write(
            b"HTTP/1.1 %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s"
            % (status.encode(), len(body), body)
        )
        if self.buf:
            self.loop.call_soon(self.next_request)

    def handle(self, method: bytes, path: bytes, body: bytes) -> None:
        global FRAMES
        if path == CHAT_PATH and method == b"POST":
            request = orjson.loads(body)
            messages = request.get("messages") or []
            last = messages[-1] if messages else {}
            STATS.requests += 1
            STATS.active += 1
            STATS.max_active = max(STATS.max_active, STATS.active)
            frames = FRAMES
            if (
                last.get("role") == "user"
                and "[tool]" in str(last.get("content"))
                and request.get("tools")
            ):
                self.stream = Stream(self, frames.tool, frames.tool_final, frames.ttft, 0.0)
            else:
                self.stream = Stream(
                    self, frames.text, frames.text_final, frames.ttft, frames.interval
                )
            return
        if path == b"/_bench/config":
            cfg = orjson.loads(body)
            FRAMES = Frames(float(cfg["ttft"]), float(cfg["interval"]), int(cfg["tokens"]))
            self.reply("200 OK", {"ok": True})
        elif path == b"/_bench/reset":
            STATS.reset()
            self.reply("200 OK", {"ok": True})
        elif path == b"/_bench/stats":
            self.reply("200 OK", STATS.snapshot())
        else:
            self.reply("404 Not Found", {"error": {"message": "unknown url", "type": "x"}})


async def serve(host: str, port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Connection, host, port, backlog=4096, reuse_address=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    print(f"http://{host}:{port}", flush=True)
    async with server:
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    import uvloop

    uvloop.run(serve(args.host, args.port))


if __name__ == "__main__":
    main()
