"""The SSE transport of a turn: the response that runs it, the queue between the two, coalescing,
and `decline` for a query answered without a turn.

Decisions:
- The turn runs in its own task (the producer) and hands events to the response through a
  bounded queue. The turn deadline then only ever cancels the producer, never the response's own
  socket writes, so a deadline can always be followed by an apology, `error` and `end`; and a
  client that reads slowly slows the upstream read instead of filling memory.
- When the browser disconnects, sse-starlette cancels the response; its clean-up cancels the
  producer (shielded, bounded), which closes the upstream model stream at once. A turn cut
  before its commit is not saved (`supercar.conversation`).
- Text deltas are coalesced: the first text of a turn goes out at once; after that, text waits
  at most `COALESCE_MS` from its first delta and goes out with whatever followed it as one
  `chunk` (any other event sends it at once). The frontend appends chunks, so the text is
  identical; a person cannot see 20 ms; and every event sent costs CPU (docs/benchmarks.md).
- The session is released before `end` is written (a client may ask again the moment it sees
  `end`), or, if the stream never gets that far, when the response finishes, including when
  the client is gone before the first byte (then the stream generator never runs).
- A client that stops reading for `SEND_TIMEOUT_SECONDS` is dropped (sse-starlette raises
  `SendTimeoutError`; the last, empty send of a response is bounded here, since sse-starlette
  leaves it unbounded): the connection is aborted where the server offers it
  (`supercar.protocol`), so the bytes queued for it are discarded at once. That is the client's
  doing, not a server fault: one INFO line, no traceback.
- A query the route declines to run (`decline`) still gets a stream, not a 4xx: the apology,
  `error` and `end` a failed turn ends with, with no session claimed, no model asked and no
  history touched.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import anyio
from sse_starlette import EventSourceResponse
from sse_starlette.sse import SendTimeoutError
from starlette.types import Message, Receive, Scope, Send

from supercar.config import Settings
from supercar.conversation import SessionTurn
from supercar.events import APOLOGIES, Chunk, End, Error, ErrorCode, encode

log = logging.getLogger(__name__)

_DONE = object()
# Bounded, so a client that reads slowly slows the upstream read instead of filling memory.
QUEUE_SIZE = 64


def sse_options(settings: Settings) -> dict[str, Any]:
    # LF only: the SuperCar page splits on "\n" and keeps any "\r" (docs/contract.md).
    return {
        "sep": "\n",
        "ping": settings.ping_seconds,
        "send_timeout": settings.send_timeout_seconds,
    }


def decline(code: ErrorCode, settings: Settings) -> EventSourceResponse:
    """Answer without a turn: the apology `chunk`, an `error` event and `end`."""
    apology = APOLOGIES[code]
    events = (Chunk(apology), Error(code=code, message=apology), End())

    async def stream() -> AsyncIterator[bytes]:
        yield b"".join(encode(event) for event in events)

    return EventSourceResponse(stream(), **sse_options(settings))


async def _produce(session_turn: SessionTurn, queue: asyncio.Queue[object]) -> None:
    try:
        await session_turn.run(queue.put)
    except Exception:  # a bug in reporting a failure: the response must still learn the end
        log.exception("turn failed while reporting a failure")
    await queue.put(_DONE)  # not reached when cancelled: nobody is reading any more


class TurnStreamResponse(EventSourceResponse):
    """The SSE response of one turn; it gives the session back however it ends."""

    def __init__(self, session_turn: SessionTurn, settings: Settings) -> None:
        self.session_turn = session_turn
        self.coalesce_seconds = settings.coalesce_ms / 1000
        self.cut = False  # the client went away mid-turn
        super().__init__(self._stream(), **sse_options(settings))

    async def _stream(self) -> AsyncIterator[bytes]:
        session_turn = self.session_turn
        queue: asyncio.Queue[object] = asyncio.Queue(maxsize=QUEUE_SIZE)
        producer = asyncio.create_task(_produce(session_turn, queue))
        loop = asyncio.get_running_loop()
        window = self.coalesce_seconds
        out: list[bytes] = []  # encoded events ready to send
        held: list[str] = []  # text waiting out its coalescing window
        flush_at: float | None = None  # when the held text must go, at the latest
        spoke = False
        try:
            while True:
                if out and queue.empty():
                    yield b"".join(out)
                    out.clear()
                if flush_at is None:
                    item: object = await queue.get()
                else:
                    try:
                        async with asyncio.timeout_at(flush_at):
                            item = await queue.get()
                    except TimeoutError:
                        item = None  # the held text's window is over
                if type(item) is Chunk:
                    held.append(item.text)
                    if spoke and window:
                        flush_at = flush_at or loop.time() + window
                        continue
                    spoke = True  # the first text of a turn never waits
                if held:  # window over, another event is due, or the first text
                    out.append(encode(Chunk("".join(held))))
                    held.clear()
                    flush_at = None
                if item is _DONE:
                    await session_turn.release()  # before `end` reaches the client
                    if out:
                        yield b"".join(out)
                    return
                if item is not None and type(item) is not Chunk:
                    out.append(encode(item))  # type: ignore[arg-type]
        finally:
            if not producer.done():
                # The client went away mid-turn. This runs inside an already-cancelled scope:
                # shield the clean-up (bounded) so the upstream stream is closed all the same.
                self.cut = True
                with anyio.move_on_after(5, shield=True):
                    producer.cancel()
                    await asyncio.wait([producer])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_last_within(message: Message) -> None:
            # sse-starlette times each data send but not the last, empty one. The server waits
            # for a paused socket to drain before a send, not after it: when the whole answer
            # went out in one send to a client that stopped reading, only the last send waits,
            # and without a bound it waits for as long as the client holds the connection.
            if message["type"] != "http.response.body" or message.get("more_body", False):
                return await send(message)
            with anyio.move_on_after(self.send_timeout) as bound:
                await send(message)
            if bound.cancel_called:
                raise SendTimeoutError()

        try:
            await super().__call__(scope, receive, send_last_within)
        except SendTimeoutError:
            # Imported here: only a uvicorn server, already loaded, can get this far.
            from supercar.protocol import abort_connection

            abort_connection(scope)
            log.info("client stopped reading; stream dropped after %ss", self.send_timeout)
        else:
            if self.cut:
                log.info("client disconnected")
        finally:
            with anyio.move_on_after(5, shield=True):
                await self.session_turn.release()
