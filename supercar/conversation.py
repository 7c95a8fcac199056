"""One request's stream: run a turn, commit it or leave history untouched, and always end well.

The turn runs in its own task (the producer) and hands events to the response through a queue.
That split is deliberate:
- the turn deadline (`asyncio.timeout`) only ever cancels the producer, never the response's
  own socket writes, so a deadline can always be followed by an apology, `error` and `end`;
- when the browser disconnects, sse-starlette cancels the response; its `finally` cancels the
  producer, which closes the upstream model stream at once and commits nothing;
- text deltas are coalesced: the first text of a turn goes out at once; after that, text that
  arrives within `coalesce_seconds` of the previous send (and anything that queued while the
  socket was busy) goes out as one `chunk`. The frontend appends chunks, so the text is
  identical; a person cannot see 20 ms; and every event sent costs CPU (docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import anyio
from sse_starlette import EventSourceResponse
from sse_starlette.sse import SendTimeoutError
from starlette.types import Receive, Scope, Send

from supercar.agent import Turn
from supercar.events import ERROR_CODES, Chunk, End, Error, encode
from supercar.llm.base import ModelError
from supercar.store.base import Session, SessionConflict, SessionStore

log = logging.getLogger(__name__)

_DONE = object()
# Bounded, so a client that reads slowly slows the upstream read instead of filling memory.
QUEUE_SIZE = 64


@dataclass
class TurnRequest:
    session_id: str
    session: Session
    turn: Turn
    sessions: SessionStore
    deadline_seconds: float
    coalesce_seconds: float = 0.0


async def _produce(request: TurnRequest, queue: asyncio.Queue[object]) -> None:
    spoke = False
    started = time.perf_counter()
    try:
        async with asyncio.timeout(request.deadline_seconds):
            async for event in request.turn.run():
                spoke = spoke or isinstance(event, Chunk)
                await queue.put(event)
            await request.sessions.commit(
                request.session_id, request.turn.messages, request.session.version
            )
    except ModelError as exc:
        await _fail(queue, exc.code, exc.message, spoke)
    except TimeoutError:
        await _fail(queue, "timeout", f"turn exceeded {request.deadline_seconds:.0f}s", spoke)
    except SessionConflict:
        await _fail(queue, "session_conflict", "the session changed during this turn", spoke)
    except Exception:
        log.exception("turn failed")
        await _fail(queue, "internal_error", "unexpected server error", spoke)
    else:
        log.info(
            "turn completed in %.0f ms with %d messages",
            (time.perf_counter() - started) * 1000,
            len(request.turn.messages),
        )
        await queue.put(End())
    await queue.put(_DONE)


# Failures someone must act on (a key, a model id, a bug) are errors; the rest pass by themselves.
_NEEDS_ACTION = {"upstream_auth", "model_unavailable", "internal_error"}


async def _fail(queue: asyncio.Queue[object], code: str, detail: str, spoke: bool) -> None:
    level = logging.ERROR if code in _NEEDS_ACTION else logging.WARNING
    log.log(level, "turn failed: %s: %s", code, detail, extra={"code": code})
    apology = ERROR_CODES[code]
    # Text may already be on screen: start the apology on a fresh line of thought.
    await queue.put(Chunk(("\n\n" if spoke else "") + apology))
    await queue.put(Error(code=code, message=apology))
    await queue.put(End())


async def stream_turn(request: TurnRequest) -> AsyncIterator[bytes]:
    queue: asyncio.Queue[object] = asyncio.Queue(maxsize=QUEUE_SIZE)
    producer = asyncio.create_task(_produce(request, queue))
    loop = asyncio.get_running_loop()
    window = request.coalesce_seconds
    out: list[bytes] = []  # encoded events ready to send
    held: list[str] = []  # text waiting out its coalescing window
    flush_at: float | None = None  # when the held text must go, at the latest
    spoke = False
    try:
        while True:
            if out and queue.empty():
                yield b"".join(out)
                out.clear()
            try:
                async with asyncio.timeout_at(flush_at):
                    item: object = await queue.get()
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
                if out:
                    yield b"".join(out)
                return
            if item is not None and type(item) is not Chunk:
                out.append(encode(item))  # type: ignore[arg-type]
    finally:
        # On a disconnect this runs inside an already-cancelled scope: shield the clean-up (bounded)
        # so the upstream stream is closed and the session released all the same.
        with anyio.move_on_after(5, shield=True):
            if not producer.done():
                log.info("client disconnected", extra={"session_id": request.session_id})
                producer.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await producer
            await request.sessions.unlock(request.session_id)


class TurnStreamResponse(EventSourceResponse):
    """The SSE response of one turn. A client that stops reading for `send_timeout` seconds is
    dropped (sse-starlette raises `SendTimeoutError`); that is the client's doing, not a server
    fault, so it is one INFO line rather than a traceback. The turn's clean-up has run by then."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except SendTimeoutError:
            log.info("client stopped reading; stream dropped after %ss", self.send_timeout)
