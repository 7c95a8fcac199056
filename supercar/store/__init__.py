"""Where conversations and bookings live: interfaces in `base`, one module per backend."""

from supercar.store.base import (
    Booking,
    BookingStore,
    Session,
    SessionBusy,
    SessionConflict,
    SessionStore,
    SlotTaken,
    StoreUnavailable,
)

__all__ = [
    "Booking",
    "BookingStore",
    "Session",
    "SessionBusy",
    "SessionConflict",
    "SessionStore",
    "SlotTaken",
    "StoreUnavailable",
]
