"""What the app builds once at start-up and every request shares: model, tools, stores, limits.

Building them may read SSM and create a DynamoDB client: blocking AWS SDK work, done once in the
lifespan before any request is accepted, so it stalls no stream (see `supercar.credentials`).

The SnapStart hooks (`supercar.api.lifecycle`) land here: before the snapshot every pooled
connection is closed (the Groq client is retired, so a stream still using it ends first; the AWS
clients' pools are dropped); after a restore the AWS
pools are dropped again (a restore may also follow a snapshot taken without the hook), the key
is re-read and the Groq client rebuilt, and `random` is reseeded, since every sandbox restored
from one snapshot would otherwise share its state. (`secrets`, used for confirmation ids, reads
the OS's entropy and needs nothing.) Both are idempotent and cheap.

Decisions:
- The world's cities (`supercar.tools.places.preload`, about 1.5 s and 70 MB) are loaded in a
  daemon thread from start-up when the configuration will need them (the offline model, or
  simulated weather), so neither start-up nor the first customer waits for them; a Groq
  service with live weather never loads them. Before a SnapStart snapshot the hook waits for
  that load (up to `PRELOAD_WAIT_SECONDS`), so every restored sandbox has the table. A failed
  preload is logged and otherwise ignored: the first question that needs the table loads it.
"""

from __future__ import annotations

import logging
import random
import threading
from dataclasses import dataclass
from time import monotonic

import anyio.to_thread

from supercar.aws import AwsClients, Bounds
from supercar.config import Settings
from supercar.credentials import GroqKey, GroqKeyReader, StaffTokenReader
from supercar.limits import Limits
from supercar.llm.switch import ModelSwitch
from supercar.staff_token import StaffToken
from supercar.store.base import BookingStore, SessionStore
from supercar.store.factory import build_stores
from supercar.tools import default_registry, places
from supercar.tools.base import ToolRegistry

log = logging.getLogger(__name__)

PRELOAD_WAIT_SECONDS = 5.0


@dataclass
class Services:
    model: ModelSwitch
    tools: ToolRegistry
    sessions: SessionStore
    bookings: BookingStore
    limits: Limits
    aws: AwsClients
    staff_token: StaffToken | None = None  # only where the staff routes exist
    places_loading: threading.Thread | None = None  # where the configuration needs the world

    @property
    def key(self) -> GroqKey:
        """Where the key was sought and how that went (for /health)."""
        return self.model.key

    async def before_checkpoint(self) -> None:
        if self.places_loading is not None:
            await anyio.to_thread.run_sync(self.places_loading.join, PRELOAD_WAIT_SECONDS)
            if self.places_loading.is_alive():
                log.warning("before the snapshot: the world's cities are still loading")
        await self.model.close_connections()
        self.aws.close_connections()
        log.info("before the snapshot: connections closed")

    async def after_restore(self) -> None:
        random.seed()
        self.aws.close_connections()
        await self.model.reconnect()
        log.info("after the restore: key re-read, connections renewed, random reseeded")

    async def aclose(self) -> None:
        await self.model.aclose()
        await anyio.to_thread.run_sync(self.aws.close_connections)


def build_services(settings: Settings) -> Services:
    aws = AwsClients(
        Bounds(
            connect_timeout=settings.aws_connect_timeout_seconds,
            read_timeout=settings.aws_read_timeout_seconds,
            max_attempts=settings.aws_max_attempts,
        )
    )
    stores = build_stores(settings, aws)
    model = ModelSwitch(settings, GroqKeyReader(settings, aws))
    needs_places = model.backend == "offline" or settings.weather_provider == "simulated"
    return Services(
        model=model,
        tools=default_registry(settings),
        sessions=stores.sessions,
        bookings=stores.bookings,
        limits=Limits(
            stores.counters,
            per_client=settings.rate_limit_per_minute,
            per_session=settings.session_rate_limit_per_minute,
            daily_budget=settings.daily_turn_budget,
            changes_per_day=settings.max_changes_per_session_per_day,
        ),
        aws=aws,
        staff_token=(
            StaffToken(StaffTokenReader(settings, aws), settings.staff_token_max_age_seconds)
            if settings.staff_routes
            else None
        ),
        places_loading=_preload_places() if needs_places else None,
    )


def _preload_places() -> threading.Thread:
    def preload() -> None:
        started = monotonic()
        try:
            places.preload()
        except Exception:
            log.warning("preloading the world's cities failed (loaded on first use)", exc_info=True)
        else:
            log.info("the world's cities loaded in the background in %.1f s", monotonic() - started)

    thread = threading.Thread(target=preload, name="places-preload", daemon=True)
    thread.start()
    return thread
