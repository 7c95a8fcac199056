"""Who may start a turn now: per-client and per-session rate limits, and the daily turn budget.

Decisions:
- Fixed windows (a minute; a UTC day for the budget): one counter per subject per window, the
  window's number in its key, taken with one atomic conditional increment (`CounterStore.take`)
  and forgotten after the window ends. Simple, one write per counter, and shared by every
  sandbox when the counters live in DynamoDB. A burst at a window's edge can pass twice the
  limit in a moment; for an abuse guard that is fine.
- A request that starts no turn (the staff list) counts against its client's limit only: it
  costs no model call, so neither the session limit nor the budget is its business, and a wrong
  staff token is still counted, so guessing is as slow as asking.
- Order: client, then session, then budget. A counter refuses without counting, so the budget
  counts only turns that passed both rate limits. A request refused by its session's limit has
  been counted against its client's: a client hammering one conversation is still hammering.
- Fail open: a counter store that cannot be reached lets the request through, logged at WARNING
  once per outage (and at INFO when it answers again) and counted each time (`StoreUnavailable`,
  which pages someone). A DynamoDB hiccup must not take the assistant down; a limit is a guard,
  not a gate. A store that hangs is cut by the route's deadline instead (`supercar.api.query`).
- Subjects are hashed into the keys: client addresses and session ids (a conversation's only
  credential) never sit in the limits table in clear.
- The budget's exhaustion is logged once per process and day at WARNING: the owner should know,
  but not once per refused request. Every refusal is also a metric on Lambda (`RateLimited` by
  scope, client or session; `BudgetExhausted`), which the budget alarm watches.
- Cancelling or moving a test drive is counted here too (`take_change`: per session and UTC day,
  the same counters, failing open the same way), because the session id is the only credential:
  a guessed session must not be able to empty a showroom's calendar. It is asked by the tool that
  changes a booking, not by the route, and refused as a tool result (`RateLimited`, scope
  `change`).
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from supercar import metrics
from supercar.store.base import CounterStore, StoreUnavailable

log = logging.getLogger(__name__)

MINUTE = 60
DAY = 86400  # epoch days start at midnight UTC

LimitCode = Literal["rate_limited", "budget_exhausted"]


@dataclass(frozen=True)
class Refusal:
    code: LimitCode
    message: str
    retry_after: int  # whole seconds until the window that refused ends, at least 1


@dataclass(frozen=True)
class _Window:
    name: str
    limit: int  # 0: off
    seconds: int
    code: LimitCode
    message: str  # what the client is told; `{wait}` is the seconds until the window ends

    def number(self, now: float) -> int:
        return int(now // self.seconds)

    def retry_after(self, now: float) -> int:
        return max(1, math.ceil((self.number(now) + 1) * self.seconds - now))


def digest(subject: str) -> str:
    """A subject (a client address, a session id) as it may be stored: never in clear."""
    return hashlib.blake2b(subject.encode(), digest_size=12).hexdigest()


class Limits:
    def __init__(
        self,
        counters: CounterStore,
        per_client: int,
        per_session: int,
        daily_budget: int,
        changes_per_day: int = 0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.counters = counters
        self._client = _Window(
            "client",
            per_client,
            MINUTE,
            "rate_limited",
            "Too many questions from your address; try again in {wait} s.",
        )
        self._session = _Window(
            "session",
            per_session,
            MINUTE,
            "rate_limited",
            "Too many questions in this conversation; try again in {wait} s.",
        )
        self._budget = _Window(
            "budget",
            daily_budget,
            DAY,
            "budget_exhausted",
            "Lex has answered all the questions it can today; try again after midnight UTC.",
        )
        self._changes = _Window(
            "change",
            changes_per_day,
            DAY,
            "rate_limited",
            "This conversation has changed its bookings as often as it may today.",
        )
        self._clock = clock
        self._store_down = False
        self._budget_logged_day: int | None = None

    async def admit(self, client: str, session_id: str) -> Refusal | None:
        """Count this request against each limit in turn; the first one past its limit refuses
        it, and nothing after that is counted. None: the turn may start."""
        return await self._admit(
            (self._client, digest(client)),
            (self._session, digest(session_id)),
            (self._budget, "all"),
        )

    async def admit_client(self, client: str) -> Refusal | None:
        """Count a request that starts no turn against its client's limit only."""
        return await self._admit((self._client, digest(client)))

    async def _admit(self, *limits: tuple[_Window, str]) -> Refusal | None:
        now = self._clock()
        for window, subject in limits:
            if await self._full(window, subject, now):
                if window is self._budget:
                    self._log_budget_spent(now)
                    metrics.count("BudgetExhausted")
                else:
                    metrics.count("RateLimited", scope=window.name)
                wait = window.retry_after(now)
                return Refusal(window.code, window.message.format(wait=wait), wait)
        return None

    async def take_change(self, session_id: str) -> bool:
        """Count one cancellation or move in this session today; False if it has had its
        `changes_per_day` (then nothing is counted)."""
        if await self._full(self._changes, digest(session_id), self._clock()):
            metrics.count("RateLimited", scope="change")
            return False
        return True

    async def _full(self, window: _Window, subject: str, now: float) -> bool:
        """Take one from the subject's counter of the current window; True if it was full."""
        if window.limit == 0:
            return False
        number = window.number(now)
        key = f"{window.name}#{subject}#{number}"
        try:
            taken = await self.counters.take(key, window.limit, (number + 1) * window.seconds)
        except StoreUnavailable as exc:
            metrics.count("StoreUnavailable")
            if not self._store_down:
                self._store_down = True
                log.warning("limits not enforced: the counter store is unavailable (%s)", exc)
            return False
        if self._store_down:
            self._store_down = False
            log.info("limits enforced again: the counter store answers")
        return not taken

    def _log_budget_spent(self, now: float) -> None:
        day = int(now // DAY)
        if self._budget_logged_day != day:
            self._budget_logged_day = day
            log.warning(
                "daily turn budget of %d turns is spent: refusing turns until midnight UTC",
                self._budget.limit,
            )
