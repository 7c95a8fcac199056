"""One turn as the session sees it: claim the session, load it, run the turn, commit it or leave
the history untouched, give the session back; and what each failure is called.

The sequence, and who does each step:
- `begin_turn` claims the session and loads its history, then builds the `SessionTurn`. What
  can be refused is refused there, before any stream exists (`SessionBusy`, `StoreUnavailable`),
  holding nothing. The route bounds it, with the rate limits, by `STORE_TIMEOUT_SECONDS`.
- `SessionTurn.run` runs the turn under its deadline, hands each event to the transport
  (`supercar.api.stream`), commits the turn's messages when the whole turn succeeded, and ends
  with `End`: after an apology `Chunk` and an `Error` when it failed (`failure_of` names the
  failure). The commit is outside the turn's deadline, so a turn is never reported failed after
  its history was written, and under its own (`STORE_TIMEOUT_SECONDS`).
- `SessionTurn.release` gives the session back, once. The transport calls it before `end` reaches
  the client (who may ask again the moment it sees `end`), and again however the response ends.

Decisions:
- The claim is a short lease (`SESSION_LEASE_SECONDS`), renewed every third of it by a
  heartbeat task while the turn runs: a few writes a minute per running turn, none per event.
  A sandbox that crashes mid-turn stops renewing, and the session is free within one lease
  (it was the turn deadline plus 30 s, issue 17).
- A new turn that finds its session claimed waits up to `CLAIM_WAIT_SECONDS` before the 409.
  A client that closes a stream and asks again at once usually meets the old claim a few
  milliseconds before the old turn gives it back; from outside, a claim being released cannot
  be told from one being held, so every busy claim gets this short wait.
- A commit that times out may still land (the store may have the request); the customer is
  told the answer may not be remembered, which is true either way.
- A deadline that cuts a claim in flight cannot release it (its token never came back): it
  lapses within one lease.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from supercar import metrics
from supercar.agent import Turn
from supercar.config import Settings
from supercar.events import APOLOGIES, Chunk, End, Error, ErrorCode, Event
from supercar.language import conversation_language
from supercar.limits import digest
from supercar.llm.base import ModelError
from supercar.prompt import system_prompt
from supercar.services import Services
from supercar.store.base import (
    Session,
    SessionBusy,
    SessionConflict,
    SessionStore,
    StoreUnavailable,
)
from supercar.tools.base import ToolContext
from supercar.tools.changes import proposals

log = logging.getLogger(__name__)

# Failures someone must act on (a key, a model id, the store, a bug) are errors; the rest pass
# by themselves.
_NEEDS_ACTION = {
    ErrorCode.UPSTREAM_AUTH,
    ErrorCode.MODEL_UNAVAILABLE,
    ErrorCode.STORE_UNAVAILABLE,
    ErrorCode.INTERNAL_ERROR,
}
# The pauses between tries to claim a busy session (see the module docstring): short at first,
# for a claim given back milliseconds later.
_CLAIM_PAUSES = (0.05, 0.1, 0.2, 0.3, 0.4, 0.45)
CLAIM_WAIT_SECONDS = sum(_CLAIM_PAUSES)  # 1.5
# Giving a claim back is bounded apart, shorter: it comes before `end`, and it lapses by itself
# anyway. (Its worker thread is abandoned, not stopped: a release that is only slow still lands.)
RELEASE_SECONDS = 2.0


@dataclass
class SessionTurn:
    """A turn that holds its session: the history it was loaded with (what it is committed
    against), the agent's `Turn`, and the claim it must give back."""

    session_id: str
    token: str  # the claim's
    loaded: Session
    turn: Turn
    sessions: SessionStore
    deadline_seconds: float
    lease_seconds: float = 15.0
    store_timeout_seconds: float = 4.0
    released: bool = False

    async def run(self, emit: Callable[[Event], Awaitable[None]]) -> None:
        """Run the turn, hand each event to `emit`, commit or leave history as it was; the last
        event is always `End`. The claim is renewed all the while."""
        heartbeat = asyncio.create_task(self._keep_claim())
        try:
            await self._run(emit)
        finally:
            heartbeat.cancel()

    async def _run(self, emit: Callable[[Event], Awaitable[None]]) -> None:
        turn = self.turn
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.deadline_seconds):
                async for event in turn.run():
                    await emit(event)
            try:
                async with asyncio.timeout(self.store_timeout_seconds):
                    await self.sessions.commit(self.session_id, self.loaded, turn.messages)
            except TimeoutError:
                raise StoreUnavailable(
                    f"no commit within {self.store_timeout_seconds:.0f} s"
                ) from None
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

    async def _keep_claim(self) -> None:
        """Renew the claim every third of its lease, until cancelled or the claim is lost."""
        every = self.lease_seconds / 3
        while True:
            await asyncio.sleep(every)
            try:
                async with asyncio.timeout(every):
                    kept = await self.sessions.renew(
                        self.session_id, self.token, self.lease_seconds
                    )
            except (StoreUnavailable, TimeoutError) as exc:
                metrics.count("StoreUnavailable")
                log.warning("could not renew the session's claim (%s)", str(exc) or "timed out")
                continue
            if not kept:
                log.warning("the session's claim lapsed; the commit's version check decides")
                return

    async def release(self) -> None:
        """Give the session back, once. A failure here is logged, never raised: the claim lapses
        by itself within a lease, and the stream must still end cleanly."""
        if self.released:
            return
        self.released = True
        await release_claim(self.sessions, self.session_id, self.token, self.lease_seconds)


async def release_claim(
    sessions: SessionStore, session_id: str, token: str, lease_seconds: float
) -> None:
    """Give a claim back within `RELEASE_SECONDS`, or leave it to lapse; never raises."""
    try:
        async with asyncio.timeout(RELEASE_SECONDS):
            await sessions.release(session_id, token)
    except (StoreUnavailable, TimeoutError) as exc:
        metrics.count("StoreUnavailable")
        log.warning(
            "could not release the session's claim (%s); it lapses within %.0f s",
            str(exc) or "timed out",
            lease_seconds,
        )
    except Exception:  # whatever it is, the stream must still end cleanly
        log.exception("could not release the session's claim")


def failure_of(exc: Exception, deadline_seconds: float) -> tuple[ErrorCode, str]:
    """What a turn's failure is called (its `ErrorCode`) and a detail for the log."""
    if isinstance(exc, ModelError):
        return exc.code, exc.message
    if isinstance(exc, TimeoutError):
        return ErrorCode.TIMEOUT, f"turn exceeded {deadline_seconds:.0f}s"
    if isinstance(exc, SessionConflict):
        return ErrorCode.SESSION_CONFLICT, "the session changed during this turn"
    if isinstance(exc, StoreUnavailable):
        metrics.count("StoreUnavailable")
        return ErrorCode.STORE_UNAVAILABLE, str(exc)
    log.error("turn failed", exc_info=exc)
    return ErrorCode.INTERNAL_ERROR, "unexpected server error"


async def begin_turn(
    services: Services, settings: Settings, session_id: str, query: str, client: str
) -> SessionTurn:
    """Claim and load the session and build its turn, which holds the claim from then on;
    `client` is the address the limits count. Raises `SessionBusy` or `StoreUnavailable`,
    holding nothing."""
    sessions = services.sessions
    lease = settings.session_lease_seconds
    token = await _claim(sessions, session_id, lease)
    try:
        loaded = await sessions.load(session_id)
    except BaseException:  # a store failure, or the route's deadline
        await release_claim(sessions, session_id, token, lease)
        raise
    now = datetime.now(UTC)
    history = loaded.history(settings.history_turns)
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
    return SessionTurn(
        session_id=session_id,
        token=token,
        loaded=loaded,
        turn=turn,
        sessions=sessions,
        deadline_seconds=settings.turn_timeout_seconds,
        lease_seconds=lease,
        store_timeout_seconds=settings.store_timeout_seconds,
    )


async def _claim(sessions: SessionStore, session_id: str, lease_seconds: float) -> str:
    """Claim the session, waiting up to `CLAIM_WAIT_SECONDS` for a busy one to be given back."""
    for pause in _CLAIM_PAUSES:
        try:
            return await sessions.claim(session_id, lease_seconds)
        except SessionBusy:
            await asyncio.sleep(pause)
    return await sessions.claim(session_id, lease_seconds)
