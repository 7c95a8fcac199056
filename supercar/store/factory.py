"""Choose the stores from the settings: DynamoDB where a table is named, memory otherwise.

The DynamoDB module (and with it botocore, a noticeable share of a cold start) is imported only when
a table is configured, so a local run and the tests of the memory stores never load it.
"""

from __future__ import annotations

import logging
from typing import NamedTuple

from supercar.aws import AwsClients
from supercar.config import Settings
from supercar.store.base import BookingStore, CounterStore, SessionStore
from supercar.store.memory import MemoryBookingStore, MemoryCounters, MemorySessionStore

log = logging.getLogger(__name__)


class Stores(NamedTuple):
    sessions: SessionStore
    bookings: BookingStore
    counters: CounterStore  # the rate limits' and the daily budget's


def build_stores(settings: Settings, aws: AwsClients) -> Stores:
    def memory_sessions() -> SessionStore:
        return MemorySessionStore(
            max_turns=settings.history_turns, ttl_seconds=settings.session_ttl_seconds
        )

    if not (settings.sessions_table or settings.bookings_table or settings.limits_table):
        log.info("stores: sessions, bookings and limits in memory (this process only)")
        return Stores(memory_sessions(), MemoryBookingStore(), MemoryCounters())

    from supercar.store.dynamodb import DynamoBookingStore, DynamoCounters, DynamoSessionStore

    # One client (thread-safe) shared by all the stores.
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
    counters: CounterStore = (
        DynamoCounters(settings.limits_table, client) if settings.limits_table else MemoryCounters()
    )
    log.info(
        "stores: sessions in %s, bookings in %s, limits in %s",
        settings.sessions_table or "memory",
        settings.bookings_table or "memory",
        settings.limits_table or "memory",
    )
    return Stores(sessions, bookings, counters)
