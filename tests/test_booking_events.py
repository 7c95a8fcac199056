"""The booking events: template.yaml's pipes, run (by `tests/pipes.py`, a model of their filter and
input template) on the stream records the Bookings table records under moto as the stores write.

A booking, a cancellation and a move each put exactly one event on the bus, with the showroom, the
slot, the car and when it happened, and nothing of the conversation; the old slot of a move, the
session's booking list, a counter and a TTL deletion put none.

The cancel and move below write what the bookings store's cancel and move write (the status
representation agreed in issue 18): one `UpdateItem`, and one transaction of a `Put` and an
`Update`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import boto3
import pytest

from supercar.store.base import Booking, BookingCap
from tests.aws import BOOKINGS_TABLE, REGION, load_infra
from tests.pipes import Pipe, matches, render

ROOT = Path(__file__).resolve().parent.parent
SESSION = "premium_client-1743061453410"
KINDS = ("TestDriveBooked", "TestDriveRescheduled", "TestDriveCancelled")


@pytest.fixture(scope="module")
def pipes() -> list[Pipe]:
    template = load_infra("local_tables").load_template(ROOT / "template.yaml")
    return [
        Pipe.from_resource(name, resource)
        for name, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Pipes::Pipe"
    ]


Records = Callable[[], list[dict[str, Any]]]


@pytest.fixture
def stream(tables: dict[str, str]) -> Iterator[Records]:
    """The records the Bookings table's stream received since the last call, shaped as a pipe
    receives them (eb-pipes-dynamodb.html's example event)."""
    arn = boto3.client("dynamodb").describe_table(TableName=BOOKINGS_TABLE)["Table"][
        "LatestStreamArn"
    ]
    # botocore would address the stream at an account endpoint moto does not serve.
    client = boto3.client(
        "dynamodbstreams", endpoint_url=f"https://streams.dynamodb.{REGION}.amazonaws.com"
    )
    (shard,) = client.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
    iterator = client.get_shard_iterator(
        StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]

    def records() -> list[dict[str, Any]]:
        nonlocal iterator
        response = client.get_records(ShardIterator=iterator)
        iterator = response["NextShardIterator"]
        out = []
        for record in response["Records"]:
            created = record["dynamodb"]["ApproximateCreationDateTime"]
            record["dynamodb"]["ApproximateCreationDateTime"] = created.timestamp()
            out.append({**record, "eventSourceARN": arn})
        return out

    yield records


def events(pipes: list[Pipe], records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the pipes put on the bus for these records, in order; no record makes two."""
    out = []
    for record in records:
        put = [entry for pipe in pipes if (entry := pipe.put(record)) is not None]
        assert len(put) <= 1, f"one record, {len(put)} events: {put}"
        out.extend(put)
    return out


def booking(time: str, session: str = SESSION, day: str = "2026-06-16") -> Booking:
    return Booking(
        f"SC-{time}", session, "miami", day, time, "SuperCar Volt", "2026-06-10T12:00:00Z"
    )


def key(day: str, time: str) -> dict[str, Any]:
    return {"pk": {"S": f"miami#{day}"}, "sk": {"S": time}}


def cancel(day: str, time: str, at: str) -> None:
    boto3.client("dynamodb").update_item(
        TableName=BOOKINGS_TABLE,
        Key=key(day, time),
        UpdateExpression="SET #s = :cancelled, updated_at = :at",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":cancelled": {"S": "cancelled"}, ":at": {"S": at}},
    )


def move(old: tuple[str, str], new: tuple[str, str], at: str) -> None:
    """The slot `old` to `new`, in one transaction; the same confirmation code and car."""
    client = boto3.client("dynamodb")
    item = client.get_item(TableName=BOOKINGS_TABLE, Key=key(*old))["Item"]
    new_item = {
        **item,
        **key(*new),
        "date": {"S": new[0]},
        "time": {"S": new[1]},
        "status": {"S": "booked"},
        "rescheduled_from": {"S": f"{old[0]} {old[1]}"},
        "updated_at": {"S": at},
    }
    client.transact_write_items(
        TransactItems=[
            {"Put": {"TableName": BOOKINGS_TABLE, "Item": new_item}},
            {
                "Update": {
                    "TableName": BOOKINGS_TABLE,
                    "Key": key(*old),
                    "UpdateExpression": "SET #s = :moved, updated_at = :at",
                    "ExpressionAttributeNames": {"#s": "status"},
                    "ExpressionAttributeValues": {":moved": {"S": "moved"}, ":at": {"S": at}},
                }
            },
        ]
    )


async def test_a_booking_puts_one_test_drive_booked_event_with_the_slot_and_no_session(
    pipes: list[Pipe], stream: Records
) -> None:
    from supercar.store.dynamodb import DynamoBookingStore

    await DynamoBookingStore(BOOKINGS_TABLE).book(booking("10:00"))
    records = stream()  # the slot, and (where the store lists every booking) the session's list
    (record,) = [r for r in records if r["dynamodb"]["Keys"]["pk"]["S"] == "miami#2026-06-16"]
    assert record["eventName"] == "INSERT"
    (event,) = events(pipes, records)
    assert event == {
        "Source": "supercar.lex",
        "DetailType": "TestDriveBooked",
        "Detail": {
            "confirmation_id": "SC-10:00",
            "dealership_id": "miami",
            "date": "2026-06-16",
            "time": "10:00",
            "car_model": "SuperCar Volt",
            "occurred_at": "2026-06-10T12:00:00Z",
        },
    }
    assert SESSION not in json.dumps(event) and SESSION in json.dumps(record)


async def test_a_capped_booking_writes_the_sessions_list_too_which_is_no_event(
    pipes: list[Pipe], stream: Records
) -> None:
    from supercar.store.dynamodb import DynamoBookingStore

    cap = BookingCap(2, lambda held: True)
    await DynamoBookingStore(BOOKINGS_TABLE).book(booking("11:00"), cap)
    records = stream()
    assert sorted(r["dynamodb"]["Keys"]["pk"]["S"] for r in records) == [
        "miami#2026-06-16",
        f"session#{SESSION}",
    ]
    assert [e["DetailType"] for e in events(pipes, records)] == ["TestDriveBooked"]


async def test_a_cancellation_puts_one_test_drive_cancelled_event(
    pipes: list[Pipe], stream: Records
) -> None:
    from supercar.store.dynamodb import DynamoBookingStore

    await DynamoBookingStore(BOOKINGS_TABLE).book(booking("10:00"))
    stream()
    cancel("2026-06-16", "10:00", at="2026-06-12T08:30:00Z")
    (record,) = stream()
    assert record["eventName"] == "MODIFY"
    (event,) = events(pipes, [record])
    assert event["DetailType"] == "TestDriveCancelled"
    assert event["Detail"] == {
        "confirmation_id": "SC-10:00",
        "dealership_id": "miami",
        "date": "2026-06-16",
        "time": "10:00",
        "car_model": "SuperCar Volt",
        "occurred_at": "2026-06-12T08:30:00Z",
    }


async def test_a_move_puts_one_test_drive_rescheduled_event_and_the_old_slot_none(
    pipes: list[Pipe], stream: Records
) -> None:
    from supercar.store.dynamodb import DynamoBookingStore

    await DynamoBookingStore(BOOKINGS_TABLE).book(booking("10:00"))
    stream()
    move(("2026-06-16", "10:00"), ("2026-06-19", "15:00"), at="2026-06-12T09:00:00Z")
    records = stream()
    by_kind = {(r["eventName"], r["dynamodb"]["NewImage"]["status"]["S"]): r for r in records}
    assert set(by_kind) == {("INSERT", "booked"), ("MODIFY", "moved")}
    assert events(pipes, [by_kind["MODIFY", "moved"]]) == []  # the old slot: no event of its own
    (event,) = events(pipes, records)
    assert event["DetailType"] == "TestDriveRescheduled"
    assert event["Detail"] == {
        "confirmation_id": "SC-10:00",
        "dealership_id": "miami",
        "date": "2026-06-19",
        "time": "15:00",
        "car_model": "SuperCar Volt",
        "rescheduled_from": "2026-06-16 10:00",
        "occurred_at": "2026-06-12T09:00:00Z",
    }


async def test_a_freed_slot_booked_again_is_a_new_booking_and_a_repeated_cancel_is_none(
    pipes: list[Pipe], stream: Records
) -> None:
    client = boto3.client("dynamodb")
    from supercar.store.dynamodb import DynamoBookingStore

    store = DynamoBookingStore(BOOKINGS_TABLE)
    await store.book(booking("10:00"))
    cancel("2026-06-16", "10:00", at="2026-06-12T08:30:00Z")
    cancel("2026-06-16", "10:00", at="2026-06-12T08:31:00Z")  # written twice: told once
    # Another customer takes the freed slot: the store overwrites the cancelled item.
    item = store._item(booking("10:00", session="someone-else"))
    client.put_item(TableName=BOOKINGS_TABLE, Item={**item, "status": {"S": "booked"}})
    kinds = [e["DetailType"] for e in events(pipes, stream())]
    assert kinds == ["TestDriveBooked", "TestDriveCancelled", "TestDriveBooked"]


async def test_deletions_counters_and_statusless_items_are_told_as_they_should_be(
    pipes: list[Pipe], stream: Records
) -> None:
    from supercar.store.dynamodb import DynamoBookingStore

    client = boto3.client("dynamodb")
    # A slot as stores wrote it before statuses existed (they are read as booked).
    old = DynamoBookingStore(BOOKINGS_TABLE)._item(booking("10:00"))
    old.pop("status", None)
    client.put_item(TableName=BOOKINGS_TABLE, Item=old)
    client.put_item(
        TableName=BOOKINGS_TABLE,
        Item={"pk": {"S": "client#203.0.113.7"}, "sk": {"S": "2026-06-12"}, "n": {"N": "3"}},
    )
    client.delete_item(TableName=BOOKINGS_TABLE, Key=key("2026-06-16", "10:00"))
    booked, counter, removed = stream()
    # A TTL deletion carries the service as its user identity (DynamoDB's "TTL and streams").
    removed["userIdentity"] = {"type": "Service", "principalId": "dynamodb.amazonaws.com"}
    assert "status" not in booked["dynamodb"]["NewImage"]
    assert [e["DetailType"] for e in events(pipes, [booked, counter, removed])] == [
        "TestDriveBooked"
    ]


def test_every_pipe_is_one_kind_from_supercar_lex(pipes: list[Pipe]) -> None:
    assert sorted(p.detail_type for p in pipes) == sorted(KINDS)
    assert {p.source for p in pipes} == {"supercar.lex"}


# --- the model itself: what it reads from the documentation ---------------------------------


def test_a_quoted_placeholder_is_inserted_as_json_string_content() -> None:
    record = {"a": {"S": 'Huracán "Evo"\\ \n'}, "n": {"N": "3"}, "o": {"x": [1]}}
    rendered = render('{"car": "<$.a.S>", "both": "<$.a.S> and <$.n.N>", "raw": <$.o>}', record)
    assert rendered == {
        "car": 'Huracán "Evo"\\ \n',
        "both": 'Huracán "Evo"\\ \n and 3',
        "raw": {"x": [1]},
    }
    with pytest.raises(KeyError):
        render('{"x": "<$.missing.S>"}', record)


@pytest.mark.parametrize(
    ("pattern", "record", "expected"),
    [
        ({"s": {"S": ["booked"]}}, {"s": {"S": "booked"}}, True),
        ({"s": {"S": ["booked"]}}, {"s": {"S": "moved"}}, False),
        ({"s": {"S": ["booked"]}}, {}, False),
        ({"s": {"S": [{"exists": False}]}}, {}, True),
        ({"s": {"S": [{"exists": False}]}}, {"s": {"S": "x"}}, False),
        ({"s": {"S": [{"exists": True}]}}, {"s": {"S": "x"}}, True),
        ({"s": [{"exists": True}]}, {"s": {"S": "x"}}, False),  # an object is not a leaf
        ({"pk": {"S": [{"prefix": "session#"}]}}, {"pk": {"S": "session#1"}}, True),
        ({"pk": {"S": [{"anything-but": ["a", "b"]}]}}, {"pk": {"S": "c"}}, True),
        ({"pk": {"S": [{"anything-but": ["a", "b"]}]}}, {"pk": {"S": "a"}}, False),
        ({"pk": {"S": [{"anything-but": "a"}]}}, {}, False),
        ({"e": ["INSERT", "MODIFY"], "d": {"x": [1]}}, {"e": "MODIFY", "d": {"x": 1}}, True),
    ],
)
def test_filter_matching_follows_event_patterns(
    pattern: dict[str, Any], record: dict[str, Any], expected: bool
) -> None:
    assert matches(pattern, record) is expected


def test_the_records_are_shaped_as_a_pipe_receives_them(stream: Records) -> None:
    boto3.client("dynamodb").put_item(TableName=BOOKINGS_TABLE, Item=key("2026-06-16", "10:00"))
    (record,) = stream()
    assert {"eventID", "eventName", "eventSource", "awsRegion", "dynamodb"} <= set(record)
    assert record["eventSource"] == "aws:dynamodb"
    assert record["dynamodb"]["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    assert isinstance(record["dynamodb"]["ApproximateCreationDateTime"], float)
    assert datetime.fromtimestamp(record["dynamodb"]["ApproximateCreationDateTime"]).year >= 2024
