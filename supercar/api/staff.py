"""`GET /staff/bookings`: a showroom's test drives, for its sales desk.

Mounted only where a staff token is configured (`Settings.staff_routes`); elsewhere the path is a
plain 404, so a deployment that never set a token exposes nothing.

Decisions:
- Refusals come in this order: the client's rate limit (429, counted like a `/query` turn's, so
  guessing tokens is as slow as asking questions), then the token (401 `unauthorized`), then the
  query (422). Both checks are a dependency, which FastAPI runs before it validates the query,
  so nobody without the token learns what a valid query looks like.
- One day is one `Query` on the bookings table's key (showroom + date); without `date`, the 14
  days from the showroom's local today, read concurrently. No scan, no index: the slot key that
  keeps a slot from being sold twice is also the desk's access pattern.
- What goes out is what the desk needs: date, time, status, confirmation code, car, when it was
  booked and last changed, and the slot it replaced. Never the session id (the conversation's
  only credential) or anything the customer wrote; the store does not even read them.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import anyio
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel

from supercar.api.client import client_address
from supercar.api.deps import ServicesDep
from supercar.api.errors import ErrorBody, error_response
from supercar.store.base import BookingStatus, ListedBooking, StoreUnavailable
from supercar.tools.catalog import find_showroom, showroom_ids

log = logging.getLogger(__name__)

DAYS_LISTED = 14  # without a date: today and the 13 days after it, in the showroom's time zone


async def staff_caller(request: Request, services: ServicesDep) -> None:
    """Admit the request under the client's rate limit, then only with the staff token."""
    refusal = await services.limits.admit_client(client_address(request))
    if refusal is not None:
        raise HTTPException(429, refusal.message, headers={"Retry-After": str(refusal.retry_after)})
    scheme, _, presented = request.headers.get("authorization", "").partition(" ")
    bearer = presented.strip() if scheme.lower() == "bearer" else None
    if services.staff_token is None or not await services.staff_token.admits(bearer or None):
        raise HTTPException(
            401,
            "This needs the staff token: Authorization: Bearer <token>.",
            headers={"WWW-Authenticate": "Bearer"},
        )


router = APIRouter(prefix="/staff", tags=["staff"], dependencies=[Depends(staff_caller)])


class StaffBooking(BaseModel):
    date: str
    time: str
    status: BookingStatus
    confirmation_id: str
    car_model: str
    created_at: str
    updated_at: str | None
    rescheduled_from: str | None


class StaffBookings(BaseModel):
    dealership_id: str
    timezone: str
    first_date: str
    last_date: str
    bookings: list[StaffBooking]


def _entry(listed: ListedBooking) -> StaffBooking:
    return StaffBooking(
        date=listed.date,
        time=listed.time,
        status=listed.status,
        confirmation_id=listed.confirmation_id,
        car_model=listed.car_model,
        created_at=listed.created_at,
        updated_at=listed.updated_at,
        rescheduled_from=listed.rescheduled_from,
    )


STAFF_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "No staff token, or not the right one."},
    422: {"model": ErrorBody, "description": "An unknown showroom or a date that is not a date."},
    429: {"model": ErrorBody, "description": "Too many requests from this address."},
    503: {"model": ErrorBody, "description": "The bookings table cannot be reached."},
}


@router.get(
    "/bookings",
    response_model=StaffBookings,
    responses=STAFF_RESPONSES,
    summary="A showroom's test drives on a date, or over the next 14 days (staff token)",
)
async def bookings(
    services: ServicesDep,
    response: Response,
    dealership_id: Annotated[str, Query(min_length=1, max_length=64, examples=["miami"])],
    date_: Annotated[
        str | None,
        Query(
            alias="date",
            pattern=r"^\d{4}-\d{2}-\d{2}$",
            description="YYYY-MM-DD, the showroom's local date; without it, 14 days from today.",
        ),
    ] = None,
) -> Any:
    response.headers["Cache-Control"] = "no-store"  # a customer list: no proxy or browser keeps it
    showroom = find_showroom(dealership_id)
    if showroom is None:
        return error_response(
            422,
            "invalid_request",
            f"dealership_id: no showroom {dealership_id!r}; known: {', '.join(showroom_ids())}",
        )
    if date_ is None:
        today = datetime.now(UTC).astimezone(ZoneInfo(showroom.timezone)).date()
        days = [today + timedelta(days=n) for n in range(DAYS_LISTED)]
    else:
        try:
            days = [date.fromisoformat(date_)]
        except ValueError:
            return error_response(422, "invalid_request", f"date: {date_} is not a date")
    listed: dict[date, list[ListedBooking]] = {}
    failed: list[StoreUnavailable] = []

    async def read(day: date) -> None:
        try:
            listed[day] = await services.bookings.list_bookings(showroom.id, day.isoformat())
        except StoreUnavailable as exc:
            failed.append(exc)

    async with anyio.create_task_group() as tg:
        for day in days:
            tg.start_soon(read, day)
    if failed:
        log.error("bookings unavailable for the staff list: %s", failed[0])
        return error_response(503, "store_unavailable", "Bookings are unavailable.")
    return StaffBookings(
        dealership_id=showroom.id,
        timezone=showroom.timezone,
        first_date=days[0].isoformat(),
        last_date=days[-1].isoformat(),
        bookings=[_entry(entry) for day in days for entry in listed[day]],
    )
