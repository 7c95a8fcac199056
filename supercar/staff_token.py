"""Who may use the staff routes: the bearer of the staff token, compared in constant time.

The token comes from `STAFF_TOKEN` or the SSM SecureString named by `STAFF_TOKEN_PARAM`
(`supercar.credentials`). With neither, the staff routes are not mounted at all (`create_app`),
so this module is only built where a token is configured.

Decisions:
- Re-read like the Groq key (`supercar.llm.switch`): a value read from SSM is read again when it
  is older than `STAFF_TOKEN_MAX_AGE_SECONDS`, in a worker thread, one read at a time; a failed
  read counts as a read. A presented token that does not match triggers one early re-read, at
  most every `RECHECK_SECONDS`, so a token just rotated in SSM works within seconds without
  letting wrong guesses turn into one SSM call each. An environment token is never re-read.
- `hmac.compare_digest` on the UTF-8 bytes: the time taken says nothing about how much of a guess
  was right. A presented token of another length is compared too (it still takes constant time
  for that length, which is all `compare_digest` promises and all an attacker learns).
- A value from SSM shorter than `STAFF_TOKEN_MIN_CHARS` is refused like a missing one (logged),
  the same bound the settings put on `STAFF_TOKEN`: no route is guarded by a guessable token.
- With no usable token every request is refused (401): the route exists because a token was
  configured, and it must not open because the parameter went missing.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from time import monotonic

import anyio
import anyio.to_thread

from supercar.config import STAFF_TOKEN_MIN_CHARS
from supercar.credentials import SecretReader

log = logging.getLogger(__name__)

RECHECK_SECONDS = 30.0


class StaffToken:
    def __init__(
        self,
        reader: SecretReader,
        max_age_seconds: float,
        clock: Callable[[], float] = monotonic,
    ) -> None:
        """Reads the token: blocking, so call it before serving (as the model switch does)."""
        self._reader = reader
        self._max_age = max_age_seconds
        self._clock = clock
        self._lock = anyio.Lock()
        self._token = self._usable(reader)
        self._read_at = clock()

    def _usable(self, reader: SecretReader) -> bytes | None:
        value = reader.read().secret()
        if value is None:
            return None
        if len(value) < STAFF_TOKEN_MIN_CHARS:
            log.error(
                "Staff token is shorter than %d characters: the staff routes refuse every request",
                STAFF_TOKEN_MIN_CHARS,
            )
            return None
        return value.encode()

    async def _refresh(self, older_than: float) -> None:
        async with self._lock:
            # Another request may have read it while this one waited.
            if self._clock() - self._read_at >= older_than:
                self._token = await anyio.to_thread.run_sync(self._usable, self._reader)
                self._read_at = self._clock()

    async def admits(self, presented: str | None) -> bool:
        """Whether `presented` is the staff token."""
        if self._reader.refreshable and self._clock() - self._read_at >= self._max_age:
            await self._refresh(self._max_age)
        if presented is None:
            return False
        if self._matches(presented):
            return True
        if self._reader.refreshable and self._clock() - self._read_at >= RECHECK_SECONDS:
            await self._refresh(RECHECK_SECONDS)  # rotated in SSM since the last read?
            return self._matches(presented)
        return False

    def _matches(self, presented: str) -> bool:
        token = self._token
        return token is not None and hmac.compare_digest(presented.encode(), token)
