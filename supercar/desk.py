"""The showroom desk's list: `python -m supercar bookings --dealership ID [--date D]`.

    STAFF_TOKEN=... python -m supercar bookings --dealership miami [--date 2026-06-16] [--url URL]

Prints a showroom's test drives as a table: `GET /staff/bookings`, the same list the route gives.

Decisions:
- A client of the staff route, not a reader of the table. The desk has a URL and a token, not AWS
  credentials with read access to the bookings table; and through the route it gets exactly what
  the route gives (no session ids), refused or rate-limited as the route says.
- The token comes from the environment (`STAFF_TOKEN`, the same name the server reads), never
  from an argument: a command line is visible to every user of the machine (`ps`).
- Exit codes as `ask`'s: 0 listed (an empty list too), 1 refused or unreachable (the service's
  JSON `message` is printed), 2 bad usage or no token.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from typing import Any, TextIO

import httpx

from supercar.cli import DEFAULT_URL, refusal_message

TIMEOUT = httpx.Timeout(10.0, read=30.0)
COLUMNS = (
    ("date", "date"),
    ("time", "time"),
    ("status", "status"),
    ("confirmation", "confirmation_id"),
    ("car", "car_model"),
    ("booked (UTC)", "created_at"),
    ("changed (UTC)", "updated_at"),
    ("moved from", "rescheduled_from"),
)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="python -m supercar bookings",
        description="A showroom's test drives (needs STAFF_TOKEN in the environment).",
    )
    root.add_argument("--dealership", required=True, help="the showroom's id, e.g. miami")
    root.add_argument("--date", help="YYYY-MM-DD (default: the next 14 days)")
    root.add_argument(
        "--url", default=DEFAULT_URL, help=f"the service's address (default {DEFAULT_URL})"
    )
    return root


def _when(value: str | None) -> str:
    """An ISO 8601 timestamp to the minute (`2026-06-10T12:00:00+00:00` -> `2026-06-10 12:00`)."""
    return value[:16].replace("T", " ") if value else ""


def table(listing: dict[str, Any], out: TextIO) -> None:
    """The route's answer as the desk reads it: a heading, one row per slot, a count."""
    days = listing["first_date"]
    if listing["last_date"] != days:
        days += f" to {listing['last_date']}"
    out.write(f"{listing['dealership_id']} ({listing['timezone']}), {days}\n")
    bookings = listing["bookings"]
    if not bookings:
        out.write("No test drives.\n")
        return
    rows = [[header for header, _ in COLUMNS]]
    for booking in bookings:
        row = [str(booking.get(field) or "") for _, field in COLUMNS]
        row[5], row[6] = _when(booking["created_at"]), _when(booking.get("updated_at"))
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    for row in rows:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        out.write("\n")
    counts = Counter(booking["status"] for booking in bookings)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    out.write(f"{len(bookings)} test drive{'s' * (len(bookings) != 1)}: {summary}\n")


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    token = os.environ.get("STAFF_TOKEN", "").strip()
    if not token:
        print("error: set STAFF_TOKEN to the showroom's staff token", file=sys.stderr)
        return 2
    params = {"dealership_id": args.dealership}
    if args.date:
        params["date"] = args.date
    url = args.url.rstrip("/") + "/staff/bookings"
    try:
        with httpx.Client(timeout=TIMEOUT) as client:
            response = client.get(url, params=params, headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as exc:
        print(f"error: cannot reach {args.url} ({type(exc).__name__})", file=sys.stderr)
        return 1
    if response.status_code != 200:
        print(f"error: {refusal_message(response)}", file=sys.stderr)
        return 1
    table(response.json(), sys.stdout)
    return 0
