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
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass

import anyio.to_thread

from supercar.aws import AwsClients, Bounds
from supercar.config import Settings
from supercar.credentials import GroqKey, GroqKeyReader, StaffTokenReader
from supercar.limits import Limits
from supercar.llm.switch import ModelSwitch
from supercar.staff_token import StaffToken
from supercar.store.base import BookingStore, SessionStore
from supercar.store.factory import build_stores
from supercar.tools import default_registry
from supercar.tools.base import ToolRegistry

log = logging.getLogger(__name__)


@dataclass
class Services:
    model: ModelSwitch
    tools: ToolRegistry
    sessions: SessionStore
    bookings: BookingStore
    limits: Limits
    aws: AwsClients
    staff_token: StaffToken | None = None  # only where the staff routes exist

    @property
    def key(self) -> GroqKey:
        """Where the key was sought and how that went (for /health)."""
        return self.model.key

    async def before_checkpoint(self) -> None:
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
    return Services(
        model=ModelSwitch(settings, GroqKeyReader(settings, aws)),
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
    )
