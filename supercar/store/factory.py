"""Choose the stores from the settings: DynamoDB where a table is named, memory otherwise.

The DynamoDB module (and with it botocore, a noticeable share of a cold start) is imported only when
a table is configured, so a local run and the tests of the memory stores never load it.
"""

from __future__ import annotations

import logging

from supercar.aws import AwsClients
from supercar.config import Settings
from supercar.store.base import BookingStore, SessionStore
from supercar.store.memory import MemoryBookingStore, MemorySessionStore

log = logging.getLogger(__name__)


def build_stores(settings: Settings, aws: AwsClients) -> tuple[SessionStore, BookingStore]:
    def memory_sessions() -> SessionStore:
        return MemorySessionStore(
            max_turns=settings.history_turns, ttl_seconds=settings.session_ttl_seconds
        )

    if not (settings.sessions_table or settings.bookings_table):
        log.info("stores: sessions and bookings in memory (this process only)")
        return memory_sessions(), MemoryBookingStore()

    from supercar.store.dynamodb import DynamoBookingStore, DynamoSessionStore

    # One client (thread-safe) shared by both stores.
    client = aws.client("dynamodb", settings.dynamodb_endpoint_url or None)
    sessions: SessionStore = (
        DynamoSessionStore(
            settings.sessions_table,
            client,
            max_turns=settings.history_turns,
            ttl_seconds=settings.session_ttl_seconds,
        )
        if settings.sessions_table
        else memory_sessions()
    )
    bookings: BookingStore = (
        DynamoBookingStore(settings.bookings_table, client)
        if settings.bookings_table
        else MemoryBookingStore()
    )
    log.info(
        "stores: sessions in %s, bookings in %s",
        settings.sessions_table or "memory",
        settings.bookings_table or "memory",
    )
    return sessions, bookings
