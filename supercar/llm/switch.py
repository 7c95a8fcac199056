"""The model the app talks to, following the Groq key as it appears, changes or goes away.

`ModelSwitch` is a `ChatModel` that holds the current model (Groq with the current key, or the
offline model when there is none) and the key it was built from, so a key stored or rotated in
SSM reaches a warm sandbox without a restart.

Decisions:
- Lazy refresh: at the start of a `stream`, a key read more than `GROQ_KEY_MAX_AGE_SECONDS` ago
  is read again, in a worker thread (boto3 is blocking). One refresh at a time; a turn that
  finds one in flight goes on with the current model rather than wait. A read that fails counts
  as a read, so a missing parameter costs one SSM call and one ERROR line per max age, not one
  per request. An environment key never changes, so it is never re-read.
- A new key value builds a new Groq client and retires the old one; the old client is closed
  once no stream uses it any more. The same value keeps the client (and its warm connections).
- A 401/403 from Groq (`UPSTREAM_AUTH`) before anything was streamed triggers one immediate
  re-read; if that gives another key, the request is sent once more with it. With the same key
  it would fail the same way, so it is not repeated.
- SnapStart: `close_connections` before the snapshot retires the Groq client as a rotation
  does: closed at once if no stream uses it, else when the last one ends, so a turn in flight
  is never cut (issue 17); the next use builds a new one. `reconnect` after a restore re-reads
  the key and builds a new client whatever the key, so nothing opened before the snapshot is
  reused.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing, asynccontextmanager
from time import monotonic
from typing import Any

import anyio
import anyio.to_thread

from supercar.config import Settings
from supercar.credentials import GroqKey, GroqKeyReader
from supercar.events import ErrorCode
from supercar.llm.base import ChatModel, Completion, Message, ModelError

log = logging.getLogger(__name__)


def build_model(settings: Settings, key: GroqKey) -> ChatModel:
    api_key = key.secret()
    if api_key:
        from supercar.llm.groq import GroqModel

        model = GroqModel(
            api_key,
            settings.groq_model,
            base_url=settings.groq_base_url,
            max_retries=settings.groq_max_retries,
            read_timeout=settings.groq_read_timeout_seconds,
        )
        log.info("model backend: groq, model %s (key from %s)", settings.groq_model, key.source)
        return model
    from supercar.llm.offline import OfflineModel

    log.warning(
        "No Groq key available: using the OFFLINE demo model (rule-based, no network). "
        "Set GROQ_API_KEY, or GROQ_API_KEY_PARAM to an SSM parameter, to talk to Groq."
    )
    return OfflineModel()


class ModelSwitch:
    def __init__(self, settings: Settings, reader: GroqKeyReader) -> None:
        """Reads the key and builds the model: blocking, so call it before serving."""
        self._settings = settings
        self._reader = reader
        self._max_age = settings.groq_key_max_age_seconds
        self._lock = anyio.Lock()
        self._in_use: dict[int, int] = {}  # id(model) -> streams using it
        self._retired: list[ChatModel] = []  # replaced models still streaming
        self._idle = asyncio.Event()  # set while no stream is open
        self._idle.set()
        self.key = reader.read()
        self._read_at = monotonic()
        self._stale = False  # closed before a snapshot: rebuild before the next use
        self.model = build_model(settings, self.key)

    @property
    def backend(self) -> str:
        return self.model.backend

    @property
    def model_id(self) -> str:
        return self.model.model_id

    def _due(self) -> bool:
        if self._stale:
            return True
        return self._reader.refreshable and monotonic() - self._read_at >= self._max_age

    async def refresh(self, *, rebuild: bool = False) -> None:
        """Read the key again; build a new model if the key changed (or `rebuild`)."""
        async with self._lock:
            await self._refresh(rebuild)

    async def _refresh_if_due(self) -> None:
        async with self._lock:
            if self._due():  # another turn may have refreshed while this one waited
                await self._refresh(rebuild=False)

    async def _refresh(self, rebuild: bool) -> None:
        key = await anyio.to_thread.run_sync(self._reader.read)
        self._read_at = monotonic()
        changed = key.secret() != self.key.secret()
        self.key = key  # the same value may still read differently (e.g. unreadable -> missing)
        if not (changed or rebuild or self._stale):
            return
        if changed:
            log.info("Groq key changed (now %s, %s): building a new model", key.source, key.status)
        old, self.model = self.model, build_model(self._settings, key)
        self._stale = False
        await self._retire(old)

    async def _retire(self, model: ChatModel) -> None:
        if model in self._retired:
            return  # retired already, closed when its last stream ends
        if self._in_use.get(id(model)):
            self._retired.append(model)
        else:
            await model.aclose()

    async def _release(self, model: ChatModel) -> None:
        left = self._in_use[id(model)] - 1
        if left:
            self._in_use[id(model)] = left
            return
        del self._in_use[id(model)]
        if not self._in_use:
            self._idle.set()
        if model in self._retired:
            self._retired.remove(model)
            await model.aclose()

    async def stream(
        self, messages: list[Message], tools: list[dict[str, Any]] | None
    ) -> AsyncGenerator[str | Completion, None]:
        # A turn does not wait for another's refresh, unless the model was closed for a snapshot.
        if self._due() and (self._stale or not self._lock.locked()):
            await self._refresh_if_due()
        model = self.model
        started = False
        try:
            async with self._using(model), aclosing(model.stream(messages, tools)) as stream:
                async for item in stream:
                    started = True
                    yield item
            return
        except ModelError as exc:
            if exc.code is not ErrorCode.UPSTREAM_AUTH or started or not self._reader.refreshable:
                raise
            log.warning("Groq refused the key: reading it again")
            await self.refresh()
            if self.model is model:  # the same key: asking again would be refused again
                raise
        model = self.model
        async with self._using(model), aclosing(model.stream(messages, tools)) as stream:
            async for item in stream:
                yield item

    @asynccontextmanager
    async def _using(self, model: ChatModel) -> AsyncIterator[None]:
        """Count the streams on a model, so a replaced one is closed only when unused."""
        self._in_use[id(model)] = self._in_use.get(id(model), 0) + 1
        self._idle.clear()
        try:
            yield
        finally:
            with anyio.CancelScope(shield=True):
                await self._release(model)

    async def close_connections(self) -> None:
        """Before a snapshot: retire the model's client (closed now, or when the streams using it
        end); the next use builds a new one."""
        self._stale = True
        await self._retire(self.model)

    async def idle(self) -> None:
        """Return once no model stream is open (at once if none is)."""
        await self._idle.wait()

    async def reconnect(self) -> None:
        """After a restore: read the key again and build a new model whatever the key."""
        await self.refresh(rebuild=True)

    async def aclose(self) -> None:
        for model in [self.model, *self._retired]:
            await model.aclose()
        self._retired.clear()
