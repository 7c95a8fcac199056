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

Bookings table (hash key `pk`, range key `sk`), three kinds of item:
- a slot (`pk` = "showroom#date", `sk` = "HH:MM"): the booking's fields, `status` (`booked`,
  `cancelled`, `moved`; none on items older than statuses, which are booked), `updated_at`,
  `rescheduled_from` ("date time" on a moved booking's new slot, else empty; absent on items
  older than this rule), `event` (`Booking.event`: the booking event the slot's last write
  tells, which the stream's one pipe puts on the bus; absent on a slot moved away from and on
  items older than events) and `client_day` (the per-client counter it took). Bookings expire
  by TTL `retention_days` after their date.
  A slot is written with `attribute_not_exists(pk) OR (attribute_exists(status) AND
  status <> booked)`: it can never be sold twice, whichever sandbox asks, and a cancelled or
  moved record is overwritten by the next booking. A refused write returns the existing item
  (`ReturnValuesOnConditionCheckFailure`): the idempotent answer (same session and car) or
  `SlotTaken`. The same key serves the showroom's staff list: a day's bookings are one
  `Query` on `pk` (no scan, no index), projected to what the list shows, so the session id
  never leaves the table. Cancelling and moving change the old slot's `status` with an
  `UpdateItem` conditioned on the slot still holding that confirmation code, booked.
- a session's list (`pk` = "session#<id>", `sk` = "bookings"): its bookings as one JSON list
  and a `version`, read with a `Query`. Every write of a slot is one `TransactWriteItems` with
  the list's `Put`, conditioned on the version read: two sandboxes (or two parallel tool calls)
  changing one session's bookings cannot both pass, and the loser reads the list again (and
  then meets the cap, or finds the booking already changed).
- a client's day (`pk` = "client#<digest>#<day>", `sk` = "bookings"): `n`, the bookings made,
  taken in the booking's transaction with `ADD` on condition `n` is below the limit, given back
  in a cancellation's (while the counter lives), and gone by TTL after its day.
A move is one transaction of three: the new slot's `Put`, the old slot's status `moved`, the
list. A taken new slot cancels it whole. The showroom's stream readers see slots only by their
`confirmation_id` attribute (lists and counters have none). The table needs `PutItem`,
`UpdateItem` and `Query`.

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
from dataclasses import asdict, replace
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
    BookingCancelled,
    BookingCap,
    BookingCapReached,
    BookingStatus,
    ClientCap,
    ClientCapReached,
    ListedBooking,
    Session,
    SessionBusy,
    SessionConflict,
    SlotTaken,
    StoreUnavailable,
    UnknownBooking,
    holding,
    is_retry,
    kept,
    listed,
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
            "ProjectionExpression": "sk, #status",
            "ExpressionAttributeNames": {"#status": "status"},
            "ConsistentRead": True,
        }
        while True:  # a day has a few dozen slots: one page in practice
            response = await _call(self.client.query, **kwargs)
            times.update(
                item["sk"]["S"]
                for item in response.get("Items", [])
                if item.get("status", {}).get("S", "booked") == "booked"
            )
            if "LastEvaluatedKey" not in response:
                return times
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    async def list_bookings(self, dealership_id: str, date: str) -> list[ListedBooking]:
        found: list[ListedBooking] = []
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
            found.extend(_listed(item) for item in response.get("Items", []))
            if "LastEvaluatedKey" not in response:
                return found
            kwargs["ExclusiveStartKey"] = response["LastEvaluatedKey"]

    async def book(
        self, booking: Booking, cap: BookingCap | None = None, client: ClientCap | None = None
    ) -> Booking:
        if client is not None:
            booking = replace(booking, client_day=client.counter)
        for _ in range(_CAP_ATTEMPTS):
            held, version = await self._session_bookings(booking.session_id)
            for existing in held:
                if is_retry(existing, booking):
                    return existing
            if cap is not None and cap.limit:
                upcoming = holding(held, cap)
                if len(upcoming) >= cap.limit:
                    raise BookingCapReached(upcoming)
            items = [
                {"Put": self._slot_put(booking)},
                {"Put": self._list_put(booking.session_id, kept([*held, booking], cap), version)},
            ]
            if client is not None:
                items.append({"Update": self._client_take(client)})
            try:
                await _call(self.client.transact_write_items, TransactItems=items)
                return booking
            except ClientError as exc:
                reasons = exc.response.get("CancellationReasons", [])
                if _failed(reasons, 0):
                    return settle_taken_slot(_booking(reasons[0]["Item"]), booking)
                if client is not None and _failed(reasons, 2):
                    raise ClientCapReached(client.limit) from None
                # Otherwise the session's list moved on since it was read: read it again.
        raise StoreUnavailable(f"bookings of {booking.session_id} kept changing")

    async def find(self, session_id: str, confirmation_id: str) -> Booking | None:
        held, _ = await self._session_bookings(session_id)
        return listed(held, confirmation_id)

    async def cancel(
        self, session_id: str, confirmation_id: str, at: str, cap: BookingCap | None = None
    ) -> Booking:
        give_back = True
        for _ in range(_CAP_ATTEMPTS):
            held, version = await self._session_bookings(session_id)
            current = listed(held, confirmation_id)
            if current is None:
                raise UnknownBooking(confirmation_id)
            if current.status == "cancelled":
                return current
            cancelled = replace(current, status="cancelled", updated_at=at)
            items = [
                {"Update": self._set_status(current, "cancelled", at)},
                {"Put": self._list_put(session_id, kept(_swap(held, cancelled), cap), version)},
            ]
            if give_back and current.client_day:
                items.append({"Update": self._client_give_back(current.client_day)})
            try:
                await _call(self.client.transact_write_items, TransactItems=items)
                return cancelled
            except ClientError as exc:
                if _failed(exc.response.get("CancellationReasons", []), 2):
                    give_back = False  # the counter's day is over and it is gone: nothing to give
                # Otherwise the session's list or the slot moved on: read again.
        raise StoreUnavailable(f"bookings of {session_id} kept changing")

    async def move(
        self,
        session_id: str,
        confirmation_id: str,
        date: str,
        time: str,
        at: str,
        cap: BookingCap | None = None,
    ) -> Booking:
        for _ in range(_CAP_ATTEMPTS):
            held, version = await self._session_bookings(session_id)
            current = listed(held, confirmation_id)
            if current is None:
                raise UnknownBooking(confirmation_id)
            if current.status == "cancelled":
                raise BookingCancelled(current)
            if (current.date, current.time) == (date, time):
                return current
            moved = replace(
                current,
                date=date,
                time=time,
                updated_at=at,
                rescheduled_from=f"{current.date} {current.time}",
            )
            items = [
                {"Put": self._slot_put(moved)},
                {"Update": self._set_status(current, "moved", at)},
                {"Put": self._list_put(session_id, kept(_swap(held, moved), cap), version)},
            ]
            try:
                await _call(self.client.transact_write_items, TransactItems=items)
                return moved
            except ClientError as exc:
                reasons = exc.response.get("CancellationReasons", [])
                if _failed(reasons, 0):
                    raise SlotTaken(_booking(reasons[0]["Item"])) from None
                # Otherwise the session's list or the old slot moved on: read again.
        raise StoreUnavailable(f"bookings of {session_id} kept changing")

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

    def _slot_put(self, booking: Booking) -> dict[str, Any]:
        """The `Put` of a booked slot, on condition that the slot is free: no record, or one
        that is not booked. (A record without a status is booked: it predates statuses.)"""
        return {
            "TableName": self.table,
            "Item": self._item(booking),
            "ConditionExpression": "attribute_not_exists(pk) OR "
            "(attribute_exists(#status) AND #status <> :booked)",
            "ExpressionAttributeNames": {"#status": "status"},
            "ExpressionAttributeValues": {":booked": {"S": "booked"}},
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }

    def _set_status(self, booking: Booking, status: BookingStatus, at: str) -> dict[str, Any]:
        """The `Update` of a booked slot's status and event, on condition that the slot still
        holds `booking`. A slot written before events and `rescheduled_from` gets the latter
        too (empty), so the pipe's template finds it."""
        event = replace(booking, status=status).event
        values = {
            ":status": {"S": status},
            ":at": {"S": at},
            ":none": {"S": ""},
            ":code": {"S": booking.confirmation_id},
            ":booked": {"S": "booked"},
        }
        update = (
            "SET #status = :status, updated_at = :at, "
            "rescheduled_from = if_not_exists(rescheduled_from, :none)"
        )
        if event:
            update += ", event = :event"
            values[":event"] = {"S": event}
        else:
            update += " REMOVE event"
        return {
            "TableName": self.table,
            "Key": {
                "pk": {"S": f"{booking.dealership_id}#{booking.date}"},
                "sk": {"S": booking.time},
            },
            "UpdateExpression": update,
            "ConditionExpression": "confirmation_id = :code AND "
            "(attribute_not_exists(#status) OR #status = :booked)",
            "ExpressionAttributeNames": {"#status": "status"},
            "ExpressionAttributeValues": values,
        }

    def _list_put(self, session_id: str, bookings: list[Booking], version: int) -> dict[str, Any]:
        """The `Put` of a session's booking list, conditioned on the version it was read at."""
        item = {
            "pk": {"S": f"session#{session_id}"},
            "sk": {"S": "bookings"},
            "bookings": {"S": json.dumps([asdict(b) for b in bookings], separators=(",", ":"))},
            "version": {"N": str(version + 1)},
            # The list lives as long as its last booking (an empty one goes at once).
            "expires_at": {"N": str(max((self._expires_at(b) for b in bookings), default=0))},
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

    def _client_key(self, counter: str) -> dict[str, Any]:
        return {"pk": {"S": f"client#{counter}"}, "sk": {"S": "bookings"}}

    def _client_take(self, client: ClientCap) -> dict[str, Any]:
        """The `Update` adding one to the client's counter of the day, below its limit only."""
        return {
            "TableName": self.table,
            "Key": self._client_key(client.counter),
            "UpdateExpression": "ADD n :one SET expires_at = :expiry",
            "ConditionExpression": "attribute_not_exists(n) OR n < :limit",
            "ExpressionAttributeValues": {
                ":one": {"N": "1"},
                ":limit": {"N": str(client.limit)},
                ":expiry": {"N": str(client.expires_at)},
            },
        }

    def _client_give_back(self, counter: str) -> dict[str, Any]:
        """The `Update` taking one off a client's counter; it fails (and the caller drops it)
        once the counter is gone with its day."""
        return {
            "TableName": self.table,
            "Key": self._client_key(counter),
            "UpdateExpression": "ADD n :minus_one",
            "ConditionExpression": "n > :zero",
            "ExpressionAttributeValues": {":minus_one": {"N": "-1"}, ":zero": {"N": "0"}},
        }

    def _expires_at(self, booking: Booking) -> int:
        day = datetime.strptime(booking.date, "%Y-%m-%d").replace(tzinfo=UTC)
        return int((day + timedelta(days=self.retention_days)).timestamp())

    def _item(self, booking: Booking) -> dict[str, Any]:
        item = {
            "pk": {"S": f"{booking.dealership_id}#{booking.date}"},
            "sk": {"S": booking.time},
            "confirmation_id": {"S": booking.confirmation_id},
            "session_id": {"S": booking.session_id},
            "dealership_id": {"S": booking.dealership_id},
            "date": {"S": booking.date},
            "time": {"S": booking.time},
            "car_model": {"S": booking.car_model},
            "created_at": {"S": booking.created_at},
            "status": {"S": booking.status},
            "updated_at": {"S": booking.updated_at},
            # Always there, empty unless moved: the pipe's one input template names it.
            "rescheduled_from": {"S": booking.rescheduled_from},
            "expires_at": {"N": str(self._expires_at(booking))},
        }
        if booking.event:
            item["event"] = {"S": booking.event}
        if booking.client_day:
            item["client_day"] = {"S": booking.client_day}
        return item


def _failed(reasons: list[dict[str, Any]], index: int) -> bool:
    """Whether the transaction's item at `index` failed its condition."""
    return len(reasons) > index and reasons[index].get("Code") == "ConditionalCheckFailed"


def _swap(bookings: list[Booking], changed: Booking) -> list[Booking]:
    """A session's list with `changed` in place of the booking with its code."""
    return [changed if b.confirmation_id == changed.confirmation_id else b for b in bookings]


def _booking(item: dict[str, Any]) -> Booking:
    def text(name: str, default: str = "") -> str:
        return str(item[name]["S"]) if name in item else default

    return Booking(
        confirmation_id=text("confirmation_id"),
        session_id=text("session_id"),
        dealership_id=text("dealership_id"),
        date=text("date"),
        time=text("time"),
        car_model=text("car_model"),
        created_at=text("created_at"),
        status=text("status", "booked"),  # type: ignore[arg-type]
        updated_at=text("updated_at"),
        rescheduled_from=text("rescheduled_from"),
        client_day=text("client_day"),
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
        # A booking is "updated" when it was last made: the list shows a change only.
        updated_at=updated if (updated := text("updated_at")) != item["created_at"]["S"] else None,
        rescheduled_from=text("rescheduled_from") or None,  # empty: never moved
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
