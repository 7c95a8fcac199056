"""DynamoDB session, booking and counter stores: the contract of `memory.py`, across sandboxes.

Sessions table (hash key `session_id`), one item per conversation:
- `turns`: the whole turns as one JSON string. A string round-trips messages exactly (DynamoDB's
  own types would turn numbers into Decimals and refuse empty strings), and a turn is always read
  and written whole. `max_turns` bounds the item well under DynamoDB's 400 KB.
- `version` (N): the number of committed turns. A commit is an `UpdateItem` conditioned on the
  version it was loaded at, so of two sandboxes committing to one version exactly one wins and
  the other gets `SessionConflict`: no turn is ever silently lost.
- `claim_until` (N) and `claim_token` (S): the claim of a running turn (`store.base`), taken
  with an `UpdateItem` conditioned on `claim_until` being absent or past, so a second /query for
  a busy session is refused on any sandbox; the refusal returns the item as it was
  (`ReturnValuesOnConditionCheckFailure`), which says how long the claim has left. A renewal
  and a release are `UpdateItem`s conditioned on the token (and, for a renewal, on the claim
  being live), so a turn can only ever extend or remove its own claim. It lives in the session
  item so TTL cleans both up together. A brand-new session's item expires an hour after its
  claim (longer than any turn runs) unless a commit sets the session's own expiry.
- `expires_at` (N, epoch seconds): the table's TTL attribute, `ttl_seconds` after the last
  commit. TTL deletion is lazy (it can take days), so an item past `expires_at` reads as a new,
  empty session, exactly as in the memory store.

Bookings table (hash key `pk` = "showroom#date", range key `sk` = "HH:MM"), one item per slot,
written with `attribute_not_exists(pk)`: a slot can never be sold twice, whichever sandbox asks.
A refused write returns the existing item (`ReturnValuesOnConditionCheckFailure`), which is then
the idempotent answer (same session and car) or `SlotTaken`. Bookings expire by TTL
`retention_days` after their date. The same key serves the showroom's staff list: a day's bookings
are one `Query` on `pk` (no scan, no index), projected to what the list shows, so the session id
never leaves the table. An item without `status` was written before statuses existed: booked.

With a booking cap, a session's upcoming bookings are also listed in one item of the same table
(`pk` = "session#<id>", `sk` = "bookings": a JSON list and a `version`), read with a `Query` and
written in one `TransactWriteItems` with the slot: the slot's put is conditioned on the slot
being free, the list's on its version being the one read. Two sandboxes (or two parallel tool
calls) booking for one session cannot both pass: the loser reads the list again and meets the
cap. Both writes are `Put`s, so the table needs no permission beyond `PutItem` and `Query`.

Limits table (hash key `pk`), one item per counter and window (`n`, `expires_at` for TTL): a
`take` is one `UpdateItem` that `ADD`s one on condition that `n` is below the limit. No read,
nothing counted past the limit; the table needs `UpdateItem` only.

Every botocore call runs in a worker thread (`anyio.to_thread`): botocore is blocking, and one
blocked event loop stalls every stream in the process. A caller's deadline abandons the thread
(which ends by itself within the client's timeouts, `supercar.aws`) instead of waiting for it.
Any failure other than a failed condition is raised as `StoreUnavailable`, so callers never see
botocore's exceptions. Clocks are wall-clock
epoch seconds, because several sandboxes compare them; `clock` is injectable for tests.

This module imports botocore; `supercar.store.factory` imports it only when a table is configured
(cold start). The app's clients come from `supercar.aws`; `dynamodb_client` is for a store made
on its own.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any, cast

import anyio.to_thread
import botocore.session
from botocore.exceptions import BotoCoreError, ClientError

from supercar.aws import Bounds, bounded_config
from supercar.llm.base import Message
from supercar.store.base import (
    Booking,
    BookingCap,
    BookingCapReached,
    BookingStatus,
    ListedBooking,
    Session,
    SessionBusy,
    SessionConflict,
    StoreUnavailable,
    is_retry,
    new_token,
    seconds_left,
    settle_taken_slot,
    trim_turns,
)


def dynamodb_client(endpoint_url: str | None = None) -> Any:
    """A low-level DynamoDB client with the default bounds; the region comes from AWS_REGION
    (Lambda sets it)."""
    return botocore.session.get_session().create_client(
        "dynamodb", endpoint_url=endpoint_url, config=bounded_config(Bounds())
    )


# A failed condition: of one write, or within a transaction (its `CancellationReasons` say which).
_CONDITION_FAILED = {"ConditionalCheckFailedException", "TransactionCanceledException"}
# A claim that never led to a commit: its item outlives any turn, then TTL removes it.
_LONE_CLAIM_SECONDS = 3600
# Rounds of read-then-write of a session's booking list before giving up: each lost round means
# another booking of that session won, so the cap is met within a round or two.
_CAP_ATTEMPTS = 5


def _conditional_check_failed(exc: ClientError) -> bool:
    return exc.response.get("Error", {}).get("Code") in _CONDITION_FAILED


async def _call(method: Callable[..., Any], **kwargs: Any) -> Any:
    """One boto3 call in a worker thread. A failed condition (or cancelled transaction) stays a
    `ClientError` for the caller to read; every other AWS or network failure is
    `StoreUnavailable`."""
    try:
        return await anyio.to_thread.run_sync(partial(method, **kwargs), abandon_on_cancel=True)
    except ClientError as exc:
        if _conditional_check_failed(exc):
            raise
        code = exc.response.get("Error", {}).get("Code", "unknown")
        raise StoreUnavailable(f"DynamoDB {method.__name__}: {code}") from exc
    except BotoCoreError as exc:
        raise StoreUnavailable(f"DynamoDB {method.__name__}: {type(exc).__name__}") from exc


class DynamoSessionStore:
    def __init__(
        self,
        table: str,
        client: Any = None,
        max_turns: int = 50,
        ttl_seconds: float = 86400,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.table = table
        self.client = client if client is not None else dynamodb_client()
        self.max_turns = max_turns
        self.ttl_seconds = ttl_seconds
        self._clock = clock

    def _key(self, session_id: str) -> dict[str, Any]:
        return {"session_id": {"S": session_id}}

    async def claim(self, session_id: str, lease_seconds: float) -> str:
        now = self._clock()
        token = new_token()
        try:
            await _call(
                self.client.update_item,
                TableName=self.table,
                Key=self._key(session_id),
                UpdateExpression="SET claim_until = :until, claim_token = :token, "
                "expires_at = if_not_exists(expires_at, :expiry)",
                ConditionExpression="attribute_not_exists(claim_until) OR claim_until <= :now",
                ExpressionAttributeValues={
                    ":until": {"N": repr(now + lease_seconds)},
                    ":token": {"S": token},
                    ":expiry": {"N": str(int(now + _LONE_CLAIM_SECONDS))},
                    ":now": {"N": repr(now)},
                },
                ReturnValuesOnConditionCheckFailure="ALL_OLD",
            )
        except ClientError as exc:  # only a failed condition reaches here (see `_call`)
            until = float(exc.response.get("Item", {}).get("claim_until", {}).get("N", now))
            raise SessionBusy(session_id, seconds_left(until, now)) from None
        return token

    async def renew(self, session_id: str, token: str, lease_seconds: float) -> bool:
        now = self._clock()
        try:
            await _call(
                self.client.update_item,
                TableName=self.table,
                Key=self._key(session_id),
                UpdateExpression="SET claim_until = :until",
                ConditionExpression="claim_token = :token AND claim_until > :now",
                ExpressionAttributeValues={
                    ":until": {"N": repr(now + lease_seconds)},
                    ":token": {"S": token},
                    ":now": {"N": repr(now)},
                },
            )
        except ClientError:  # lapsed, released or taken: not ours any more
            return False
        return True

    async def release(self, session_id: str, token: str) -> None:
        try:
            await _call(
                self.client.update_item,
                TableName=self.table,
                Key=self._key(session_id),
                UpdateExpression="REMOVE claim_until, claim_token",
                # Also keeps UpdateItem from creating an item for an unknown session.
                ConditionExpression="claim_token = :token",
                ExpressionAttributeValues={":token": {"S": token}},
            )
        except ClientError:
            pass  # a failed condition: the claim is not ours (any more), so leave it be

    async def _get(self, session_id: str) -> dict[str, Any] | None:
        response = await _call(
            self.client.get_item,
            TableName=self.table,
            Key=self._key(session_id),
            ConsistentRead=True,  # the turn that just committed on another sandbox
            ProjectionExpression="turns, version, expires_at",
        )
        item: dict[str, Any] | None = response.get("Item")
        return item

    def _live(self, item: dict[str, Any] | None, now: float) -> tuple[list[list[Message]], int]:
        """Turns and version of an item; an expired or turn-less item is a new session."""
        if item is None or "version" not in item or float(item["expires_at"]["N"]) <= now:
            return [], 0
        return json.loads(item["turns"]["S"]), int(item["version"]["N"])

    async def load(self, session_id: str) -> Session:
        turns, version = self._live(await self._get(session_id), self._clock())
        return Session(turns=turns, version=version)

    async def commit(self, session_id: str, loaded: Session, turn: list[Message]) -> None:
        now = self._clock()
        expected_version = loaded.version
        turns = trim_turns([*loaded.turns, turn], self.max_turns)
        # No second read: the condition is the guarantee. The item must still be at the version
        # it was loaded at (or, for a new or expired session, have none that is live), else
        # another sandbox committed in between and `loaded.turns` is stale.
        if expected_version == 0:
            condition = "attribute_not_exists(version) OR expires_at <= :now"
            values: dict[str, Any] = {}
        else:
            condition = "version = :expected AND expires_at > :now"
            values = {":expected": {"N": str(expected_version)}}
        try:
            await _call(
                self.client.update_item,
                TableName=self.table,
                Key=self._key(session_id),
                UpdateExpression="SET turns = :turns, version = :version, expires_at = :expiry",
                ConditionExpression=condition,
                ExpressionAttributeValues={
                    ":turns": {"S": json.dumps(turns, ensure_ascii=False, separators=(",", ":"))},
                    ":version": {"N": str(expected_version + 1)},
                    ":expiry": {"N": str(int(now + self.ttl_seconds))},
                    ":now": {"N": repr(now)},
                    **values,
                },
            )
        except ClientError:
            raise SessionConflict(f"{session_id}: committed elsewhere since loaded") from None


class DynamoBookingStore:
    def __init__(self, table: str, client: Any = None, retention_days: int = 90) -> None:
        self.table = table
        self.client = client if client is not None else dynamodb_client()
        self.retention_days = retention_days

    async def booked_times(self, dealership_id: str, date: str) -> set[str]:
        times: set[str] = set()
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "pk = :pk",
            "ExpressionAttributeValues": {":pk": {"S": f"{dealership_id}#{date}"}},
            "ProjectionExpression": "sk",
            "ConsistentRead": True,
        }
        while True:  # a day has a few dozen slots: one page in practice
            response = await _call(self.client.query, **kwargs)
            times.update(item["sk"]["S"] for item in response.get("Items", []))
            if "LastEvaluatedKey" not in response:
                return times
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    async def list_bookings(self, dealership_id: str, date: str) -> list[ListedBooking]:
        listed: list[ListedBooking] = []
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "pk = :pk",
            "ExpressionAttributeValues": {":pk": {"S": f"{dealership_id}#{date}"}},
            # `date`, `time` and `status` are DynamoDB reserved words.
            "ProjectionExpression": "confirmation_id, dealership_id, #d, #t, car_model, #s, "
            "created_at, updated_at, rescheduled_from",
            "ExpressionAttributeNames": {"#d": "date", "#t": "time", "#s": "status"},
        }
        while True:  # sorted by the range key, HH:MM
            response = await _call(self.client.query, **kwargs)
            listed.extend(_listed(item) for item in response.get("Items", []))
            if "LastEvaluatedKey" not in response:
                return listed
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    async def book(self, booking: Booking, cap: BookingCap | None = None) -> Booking:
        if cap is None:
            try:
                await _call(
                    self.client.put_item,
                    TableName=self.table,
                    Item=self._item(booking),
                    ConditionExpression="attribute_not_exists(pk)",
                    ReturnValuesOnConditionCheckFailure="ALL_OLD",
                )
                return booking
            except ClientError as exc:
                return settle_taken_slot(_booking(exc.response["Item"]), booking)
        for _ in range(_CAP_ATTEMPTS):
            held, version = await self._session_bookings(booking.session_id)
            for existing in held:
                if is_retry(existing, booking):
                    return existing
            upcoming = [existing for existing in held if cap.is_upcoming(existing)]
            if len(upcoming) >= cap.limit:
                raise BookingCapReached(upcoming)
            try:
                await _call(
                    self.client.transact_write_items,
                    TransactItems=[
                        {
                            "Put": {
                                "TableName": self.table,
                                "Item": self._item(booking),
                                "ConditionExpression": "attribute_not_exists(pk)",
                                "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                            }
                        },
                        {"Put": self._session_put(booking, [*upcoming, booking], version)},
                    ],
                )
                return booking
            except ClientError as exc:
                slot = exc.response.get("CancellationReasons", [{}])[0]
                if slot.get("Code") == "ConditionalCheckFailed":
                    return settle_taken_slot(_booking(slot["Item"]), booking)
                # Otherwise the session's list moved on since it was read: read it again.
        raise StoreUnavailable(f"bookings of {booking.session_id} kept changing")

    async def _session_bookings(self, session_id: str) -> tuple[list[Booking], int]:
        """The session's listed bookings and the list's version (0: no list yet)."""
        response = await _call(
            self.client.query,
            TableName=self.table,
            KeyConditionExpression="pk = :pk",
            ExpressionAttributeValues={":pk": {"S": f"session#{session_id}"}},
            ConsistentRead=True,
        )
        for item in response.get("Items", []):
            listed = [Booking(**fields) for fields in json.loads(item["bookings"]["S"])]
            return listed, int(item["version"]["N"])
        return [], 0

    def _session_put(self, booking: Booking, listed: list[Booking], version: int) -> dict[str, Any]:
        """The `Put` of a session's booking list, conditioned on the version it was read at."""
        item = {
            "pk": {"S": f"session#{booking.session_id}"},
            "sk": {"S": "bookings"},
            "bookings": {"S": json.dumps([asdict(b) for b in listed], separators=(",", ":"))},
            "version": {"N": str(version + 1)},
            # The list lives as long as its last booking.
            "expires_at": {"N": str(max(self._expires_at(b) for b in listed))},
        }
        if version == 0:
            return {
                "TableName": self.table,
                "Item": item,
                "ConditionExpression": "attribute_not_exists(pk)",
            }
        return {
            "TableName": self.table,
            "Item": item,
            "ConditionExpression": "version = :read",
            "ExpressionAttributeValues": {":read": {"N": str(version)}},
        }

    def _expires_at(self, booking: Booking) -> int:
        day = datetime.strptime(booking.date, "%Y-%m-%d").replace(tzinfo=UTC)
        return int((day + timedelta(days=self.retention_days)).timestamp())

    def _item(self, booking: Booking) -> dict[str, Any]:
        return {
            "pk": {"S": f"{booking.dealership_id}#{booking.date}"},
            "sk": {"S": booking.time},
            "confirmation_id": {"S": booking.confirmation_id},
            "session_id": {"S": booking.session_id},
            "dealership_id": {"S": booking.dealership_id},
            "date": {"S": booking.date},
            "time": {"S": booking.time},
            "car_model": {"S": booking.car_model},
            "created_at": {"S": booking.created_at},
            "expires_at": {"N": str(self._expires_at(booking))},
        }


def _booking(item: dict[str, Any]) -> Booking:
    return Booking(
        confirmation_id=item["confirmation_id"]["S"],
        session_id=item["session_id"]["S"],
        dealership_id=item["dealership_id"]["S"],
        date=item["date"]["S"],
        time=item["time"]["S"],
        car_model=item["car_model"]["S"],
        created_at=item["created_at"]["S"],
    )


def _listed(item: dict[str, Any]) -> ListedBooking:
    def text(name: str) -> str | None:
        value = item.get(name, {}).get("S")
        return str(value) if value is not None else None

    return ListedBooking(
        confirmation_id=item["confirmation_id"]["S"],
        dealership_id=item["dealership_id"]["S"],
        date=item["date"]["S"],
        time=item["time"]["S"],
        car_model=item["car_model"]["S"],
        status=cast(BookingStatus, text("status") or "booked"),
        created_at=item["created_at"]["S"],
        updated_at=text("updated_at"),
        rescheduled_from=text("rescheduled_from"),
    )


class DynamoCounters:
    def __init__(self, table: str, client: Any = None) -> None:
        self.table = table
        self.client = client if client is not None else dynamodb_client()

    async def take(self, key: str, limit: int, expires_at: float) -> bool:
        try:
            await _call(
                self.client.update_item,
                TableName=self.table,
                Key={"pk": {"S": key}},
                UpdateExpression="ADD n :one SET expires_at = :expiry",
                ConditionExpression="attribute_not_exists(n) OR n < :limit",
                ExpressionAttributeValues={
                    ":one": {"N": "1"},
                    ":limit": {"N": str(limit)},
                    ":expiry": {"N": str(int(expires_at) + 1)},
                },
            )
        except ClientError:  # only a failed condition reaches here: the counter is full
            return False
        return True
