"""Where conversations and bookings live: interfaces in `base`, one module per backend."""

from supercar.store.base import (
    Booking,
    BookingStore,
    Message,
    Session,
    SessionBusy,
    SessionConflict,
    SessionStore,
    SlotTaken,
)

__all__ = [
    "Booking",
    "BookingStore",
    "Message",
    "Session",
    "SessionBusy",
    "SessionConflict",
    "SessionStore",
    "SlotTaken",
]
