"""One conversation turn from lock to release: run it, commit it or leave history untouched, and
always end well.

`start_turn` owns the whole session sequence: lock -> load -> run -> commit (or leave history as
it was) -> release, however the response ends. What can be refused is refused there, before the
stream starts (`SessionBusy`, `StoreUnavailable`, with nothing left locked); after that the
response itself releases the lock.

The turn runs in its own task (the producer) and hands events to the response through a queue.
That split is deliberate:
- the turn deadline (`asyncio.timeout`) only ever cancels the producer, never the response's
  own socket writes, so a deadline can always be followed by an apology, `error` and `end`;
- when the browser disconnects, sse-starlette cancels the response; its clean-up cancels the
  producer, which closes the upstream model stream at once. A turn cut before its commit is
  not saved; the commit itself is outside the deadline, so a turn is never reported failed
  after its history was written;
- text deltas are coalesced: the first text of a turn goes out at once; after that, text waits
  at most `coalesce_seconds` from its first delta and goes out with whatever followed it as one
  `chunk` (any other event sends it at once). The frontend appends chunks, so the text is
  identical; a person cannot see 20 ms; and every event sent costs CPU (docs/benchmarks.md).

The session lock is released before `end` is sent (a client may ask again the moment it sees
`end`), or, if the stream never gets that far, when the response finishes.

A query the route declines to run (`decline`) still gets a stream, not a 4xx: the apology, `error`
and `end` a failed turn ends with, with no lock taken, no model asked and no history touched.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import anyio
from sse_starlette import EventSourceResponse
from sse_starlette.sse import SendTimeoutError
from starlette.types import Receive, Scope, Send

from supercar import metrics
from supercar.agent import Turn
from supercar.config import Settings
from supercar.events import APOLOGIES, Chunk, End, Error, ErrorCode, encode
from supercar.language import conversation_language
from supercar.limits import digest
from supercar.llm.base import ModelError
from supercar.prompt import system_prompt
from supercar.services import Services
from supercar.store.base import Session, SessionConflict, SessionStore, StoreUnavailable
from supercar.tools.base import ToolContext
from supercar.tools.changes import proposals

log = logging.getLogger(__name__)

_DONE = object()
# Bounded, so a client that reads slowly slows the upstream read instead of filling memory.
QUEUE_SIZE = 64
# Failures someone must act on (a key, a model id, a bug) are errors; the rest pass by themselves.
_NEEDS_ACTION = {ErrorCode.UPSTREAM_AUTH, ErrorCode.MODEL_UNAVAILABLE, ErrorCode.INTERNAL_ERROR}


@dataclass
class TurnRequest:
    session_id: str
    session: Session  # as loaded before the turn: what the turn is committed against
    turn: Turn
    sessions: SessionStore
    deadline_seconds: float
    coalesce_seconds: float = 0.0
    released: bool = False  # the session lock has been given back
    cut: bool = False  # the client went away mid-turn

    async def release(self) -> None:
        """Give the session lock back, once. A failure here is logged, never raised: the claim
        lapses by its TTL anyway, and the stream must still end cleanly."""
        if self.released:
            return
        self.released = True
        try:
            await self.sessions.unlock(self.session_id)
        except Exception:  # whatever it is, the stream must still end cleanly
            log.exception("could not release the session lock; it lapses by its TTL")


async def start_turn(
    services: Services, settings: Settings, session_id: str, query: str, client: str
) -> TurnStreamResponse:
    """Claim and load the session, and return the response that runs the turn and releases the
    claim however it ends; `client` is the address the limits count. Raises `SessionBusy` or
    `StoreUnavailable`, holding nothing."""
    sessions = services.sessions
    await sessions.lock(session_id, ttl_seconds=settings.turn_timeout_seconds + 30)
    try:
        session = await sessions.load(session_id)
    except BaseException:
        with contextlib.suppress(StoreUnavailable):  # the claim lapses by its TTL if this fails
            await sessions.unlock(session_id)
        raise
    now = datetime.now(UTC)
    history = session.history(settings.history_turns)
    earlier = [m["content"] for m in reversed(history) if m["role"] == "user" and m["content"]]
    turn = Turn(
        model=services.model,
        tools=services.tools,
        system_prompt=system_prompt(now),
        history=history,
        query=query,
        ctx=ToolContext(
            session_id=session_id,
            bookings=services.bookings,
            now=now,
            booking_horizon_days=settings.booking_horizon_days,
            max_bookings_per_session=settings.max_bookings_per_session,
            client=digest(client),
            max_bookings_per_client_per_day=settings.max_bookings_per_client_per_day,
            changes=services.limits,
            # Changes proposed in committed turns only: see `supercar.tools.changes`.
            proposals=proposals(history),
            # The cards' words follow the customer's language, in both modes.
            language=conversation_language(query, earlier),
        ),
        max_rounds=settings.max_tool_rounds,
    )
    request = TurnRequest(
        session_id=session_id,
        session=session,
        turn=turn,
        sessions=sessions,
        deadline_seconds=settings.turn_timeout_seconds,
        coalesce_seconds=settings.coalesce_ms / 1000,
    )
    return TurnStreamResponse(request, **_sse_options(settings))


def decline(code: ErrorCode, settings: Settings) -> EventSourceResponse:
    """Answer without a turn: the apology `chunk`, an `error` event and `end`."""
    apology = APOLOGIES[code]
    events = (Chunk(apology), Error(code=code, message=apology), End())

    async def stream() -> AsyncIterator[bytes]:
        yield b"".join(encode(event) for event in events)

    return EventSourceResponse(stream(), **_sse_options(settings))


def _sse_options(settings: Settings) -> dict[str, Any]:
    # LF only: the SuperCar page splits on "\n" and keeps any "\r" (docs/contract.md).
    return {
        "sep": "\n",
        "ping": settings.ping_seconds,
        "send_timeout": settings.send_timeout_seconds,
    }


async def _produce(request: TurnRequest, queue: asyncio.Queue[object]) -> None:
    try:
        await _run_turn(request, queue)
    except Exception:  # a bug in reporting a failure: the response must still learn the end
        log.exception("turn failed while reporting a failure")
    await queue.put(_DONE)  # not reached when cancelled: nobody is reading any more


async def _run_turn(request: TurnRequest, queue: asyncio.Queue[object]) -> None:
    turn = request.turn
    started = time.perf_counter()
    try:
        async with asyncio.timeout(request.deadline_seconds):
            async for event in turn.run():
                await queue.put(event)
        await request.sessions.commit(request.session_id, request.session, turn.messages)
    except ModelError as exc:
        failure: tuple[ErrorCode, str] | None = (exc.code, exc.message)
    except TimeoutError:
        failure = (ErrorCode.TIMEOUT, f"turn exceeded {request.deadline_seconds:.0f}s")
    except SessionConflict:
        failure = (ErrorCode.SESSION_CONFLICT, "the session changed during this turn")
    except Exception:
        log.exception("turn failed")
        failure = (ErrorCode.INTERNAL_ERROR, "unexpected server error")
    else:
        failure = None
    duration_ms = (time.perf_counter() - started) * 1000
    if failure is None:
        log.info(
            "turn completed in %.0f ms with %d messages, %d+%d tokens",
            duration_ms,
            len(turn.messages),
            turn.usage.input_tokens,
            turn.usage.output_tokens,
            extra={
                "duration_ms": round(duration_ms),
                "input_tokens": turn.usage.input_tokens,
                "output_tokens": turn.usage.output_tokens,
            },
        )
        await queue.put(End())
    else:
        await _fail(queue, *failure, spoke=turn.spoken > 0)
    metrics.record_turn(
        duration_ms=duration_ms,
        first_text_ms=(turn.first_text_at - started) * 1000 if turn.first_text_at else None,
        input_tokens=turn.usage.input_tokens,
        output_tokens=turn.usage.output_tokens,
        failed=failure[0] if failure else None,
        tool_outcomes=turn.tool_outcomes,
    )


async def _fail(queue: asyncio.Queue[object], code: ErrorCode, detail: str, spoke: bool) -> None:
    level = logging.ERROR if code in _NEEDS_ACTION else logging.WARNING
    log.log(level, "turn failed: %s: %s", code, detail, extra={"code": code})
    apology = APOLOGIES[code]
    # The SuperCar page drops newlines, so a space keeps the apology apart from earlier text.
    await queue.put(Chunk((" " if spoke else "") + apology))
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
                await request.release()  # before `end` reaches the client
                if out:
                    yield b"".join(out)
                return
            if item is not None and type(item) is not Chunk:
                out.append(encode(item))  # type: ignore[arg-type]
    finally:
        if not producer.done():
            # The client went away mid-turn. This runs inside an already-cancelled scope:
            # shield the clean-up (bounded) so the upstream stream is closed all the same.
            request.cut = True
            with anyio.move_on_after(5, shield=True):
                producer.cancel()
                await asyncio.wait([producer])


class TurnStreamResponse(EventSourceResponse):
    """The SSE response of one turn.

    It releases the session lock however the response ends, including when the client is gone
    before the stream's first byte (then the stream generator never runs). A client that stops
    reading for `send_timeout` seconds is dropped (sse-starlette raises `SendTimeoutError`): the
    connection is aborted where the server offers it (`supercar.protocol`), so the bytes queued
    for that client are discarded at once. That is the client's doing, not a server fault: one
    INFO line, no traceback."""

    def __init__(self, request: TurnRequest, **kwargs: object) -> None:
        super().__init__(stream_turn(request), **kwargs)  # type: ignore[arg-type]
        self.turn_request = request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except SendTimeoutError:
            # Imported here: only a uvicorn server, already loaded, can get this far.
            from supercar.protocol import abort_connection

            abort_connection(scope)
            log.info("client stopped reading; stream dropped after %ss", self.send_timeout)
        else:
            if self.turn_request.cut:
                log.info("client disconnected")
        finally:
            with anyio.move_on_after(5, shield=True):
                await self.turn_request.release()
