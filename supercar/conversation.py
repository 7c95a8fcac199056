"""One turn as the session sees it: claim the session, load it, run the turn, commit it or leave
the history untouched, give the session back; and what each failure is called.

The sequence, and who does each step:
- `begin_turn` claims the session and loads its history, then builds the `SessionTurn`. What
  can be refused is refused there, before any stream exists (`SessionBusy`, `StoreUnavailable`),
  holding nothing.
- `SessionTurn.run` runs the turn under its deadline, hands each event to the transport
  (`supercar.api.stream`), commits the turn's messages when the whole turn succeeded, and ends
  with `End`: after an apology `Chunk` and an `Error` when it failed (`failure_of` names the
  failure). The commit is outside the deadline, so a turn is never reported failed after its
  history was written.
- `SessionTurn.release` gives the session back, once. The transport calls it before `end` reaches
  the client (who may ask again the moment it sees `end`), and again however the response ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from supercar import metrics
from supercar.agent import Turn
from supercar.config import Settings
from supercar.events import APOLOGIES, Chunk, End, Error, ErrorCode, Event
from supercar.llm.base import ModelError
from supercar.prompt import system_prompt
from supercar.services import Services
from supercar.store.base import Session, SessionConflict, SessionStore, StoreUnavailable
from supercar.tools.base import ToolContext

log = logging.getLogger(__name__)

# Failures someone must act on (a key, a model id, a bug) are errors; the rest pass by themselves.
_NEEDS_ACTION = {ErrorCode.UPSTREAM_AUTH, ErrorCode.MODEL_UNAVAILABLE, ErrorCode.INTERNAL_ERROR}


@dataclass
class SessionTurn:
    """A turn that holds its session: the history it was loaded with (what it is committed
    against), the agent's `Turn`, and the claim it must give back."""

    session_id: str
    loaded: Session
    turn: Turn
    sessions: SessionStore
    deadline_seconds: float
    released: bool = False

    async def run(self, emit: Callable[[Event], Awaitable[None]]) -> None:
        """Run the turn, hand each event to `emit`, commit or leave history as it was; the last
        event is always `End`."""
        turn = self.turn
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.deadline_seconds):
                async for event in turn.run():
                    await emit(event)
            await self.sessions.commit(self.session_id, self.loaded, turn.messages)
        except Exception as exc:
            failure: tuple[ErrorCode, str] | None = failure_of(exc, self.deadline_seconds)
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
            await emit(End())
        else:
            code, detail = failure
            level = logging.ERROR if code in _NEEDS_ACTION else logging.WARNING
            log.log(level, "turn failed: %s: %s", code, detail, extra={"code": code})
            apology = APOLOGIES[code]
            # The SuperCar page drops newlines: a space keeps the apology apart from earlier text.
            await emit(Chunk((" " if turn.spoken else "") + apology))
            await emit(Error(code=code, message=apology))
            await emit(End())
        metrics.record_turn(
            duration_ms=duration_ms,
            first_text_ms=(turn.first_text_at - started) * 1000 if turn.first_text_at else None,
            input_tokens=turn.usage.input_tokens,
            output_tokens=turn.usage.output_tokens,
            failed=failure[0] if failure else None,
            tool_outcomes=turn.tool_outcomes,
        )

    async def release(self) -> None:
        """Give the session back, once. A failure here is logged, never raised: the claim lapses
        by itself anyway, and the stream must still end cleanly."""
        if self.released:
            return
        self.released = True
        try:
            await self.sessions.unlock(self.session_id)
        except Exception:  # whatever it is, the stream must still end cleanly
            log.exception("could not release the session lock; it lapses by its TTL")


def failure_of(exc: Exception, deadline_seconds: float) -> tuple[ErrorCode, str]:
    """What a turn's failure is called (its `ErrorCode`) and a detail for the log."""
    if isinstance(exc, ModelError):
        return exc.code, exc.message
    if isinstance(exc, TimeoutError):
        return ErrorCode.TIMEOUT, f"turn exceeded {deadline_seconds:.0f}s"
    if isinstance(exc, SessionConflict):
        return ErrorCode.SESSION_CONFLICT, "the session changed during this turn"
    log.error("turn failed", exc_info=exc)
    return ErrorCode.INTERNAL_ERROR, "unexpected server error"


async def begin_turn(
    services: Services, settings: Settings, session_id: str, query: str
) -> SessionTurn:
    """Claim and load the session and build its turn, which holds the claim from then on.
    Raises `SessionBusy` or `StoreUnavailable`, holding nothing."""
    sessions = services.sessions
    await sessions.lock(session_id, ttl_seconds=settings.turn_timeout_seconds + 30)
    try:
        loaded = await sessions.load(session_id)
    except BaseException:
        with contextlib.suppress(StoreUnavailable):  # the claim lapses by its TTL if this fails
            await sessions.unlock(session_id)
        raise
    now = datetime.now(UTC)
    turn = Turn(
        model=services.model,
        tools=services.tools,
        system_prompt=system_prompt(now),
        history=loaded.history(settings.history_turns),
        query=query,
        ctx=ToolContext(
            session_id=session_id,
            bookings=services.bookings,
            now=now,
            booking_horizon_days=settings.booking_horizon_days,
            max_bookings_per_session=settings.max_bookings_per_session,
        ),
        max_rounds=settings.max_tool_rounds,
    )
    return SessionTurn(
        session_id=session_id,
        loaded=loaded,
        turn=turn,
        sessions=sessions,
        deadline_seconds=settings.turn_timeout_seconds,
    )
