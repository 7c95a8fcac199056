"""The booking events: template.yaml's one pipe, run (by `tests/pipes.py`, a model of its filter,
input template and dynamic detail-type) on the stream records the Bookings table records under
moto as the DynamoDB bookings store writes them.

A booking, a cancellation and a move each put exactly one event on the bus, of the kind the slot's
`event` attribute names, with the showroom, the slot, the car and when it happened, and nothing of
the conversation. The old slot of a move, the session's booking list, a counter, a TTL deletion, a
retried booking, cancel or move, a failed move, an item edited by hand and an item written before
events existed put none; such an old item cancelled or moved by today's store is told.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import boto3
import pytest

from supercar.store.base import Booking, BookingCap, ClientCap, SlotTaken
from tests.aws import BOOKINGS_TABLE, REGION, load_infra
from tests.pipes import Pipe, matches, parameter, render

if TYPE_CHECKING:
    from supercar.store.dynamodb import DynamoBookingStore

ROOT = Path(__file__).resolve().parent.parent
SESSION = "premium_client-1743061453410"
KINDS = ("TestDriveBooked", "TestDriveRescheduled", "TestDriveCancelled")


@pytest.fixture(scope="module")
def pipe() -> Pipe:
    template = load_infra("local_tables").load_template(ROOT / "template.yaml")
    (found,) = [
        Pipe.from_resource(name, resource)
        for name, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Pipes::Pipe"
    ]
    return found


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


def events(pipe: Pipe, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the pipe puts on the bus for these records, in order."""
    return [entry for record in records if (entry := pipe.put(record)) is not None]


def kinds(pipe: Pipe, records: list[dict[str, Any]]) -> list[str]:
    return [entry["DetailType"] for entry in events(pipe, records)]


def booking(time: str, session: str = SESSION, code: str = "") -> Booking:
    made = "2026-06-10T12:00:00Z"
    return Booking(
        code or f"SC-{time}", session, "miami", "2026-06-16", time, "SuperCar Volt", made
    )


def key(day: str, time: str) -> dict[str, Any]:
    return {"pk": {"S": f"miami#{day}"}, "sk": {"S": time}}


def store() -> DynamoBookingStore:
    from supercar.store.dynamodb import DynamoBookingStore

    return DynamoBookingStore(BOOKINGS_TABLE)


def as_before_events(day: str, time: str) -> None:
    """The slot as the stores wrote it before they wrote `event` and an empty
    `rescheduled_from`: what deployed tables hold."""
    boto3.client("dynamodb").update_item(
        TableName=BOOKINGS_TABLE,
        Key=key(day, time),
        UpdateExpression="REMOVE event, rescheduled_from",
    )


def detail(
    time: str = "10:00", day: str = "2026-06-16", moved_from: str = "", at: str = ""
) -> dict[str, str]:
    return {
        "confirmation_id": "SC-10:00",
        "dealership_id": "miami",
        "date": day,
        "time": time,
        "car_model": "SuperCar Volt",
        "rescheduled_from": moved_from,
        "occurred_at": at or "2026-06-10T12:00:00Z",
    }


async def test_a_booking_puts_one_test_drive_booked_event_with_the_slot_and_no_session(
    pipe: Pipe, stream: Records
) -> None:
    await store().book(booking("10:00"))
    records = stream()  # the slot, and the session's list
    (record,) = [r for r in records if r["dynamodb"]["Keys"]["pk"]["S"] == "miami#2026-06-16"]
    assert record["eventName"] == "INSERT"
    (event,) = events(pipe, records)
    assert event == {"Source": "supercar.lex", "DetailType": "TestDriveBooked", "Detail": detail()}
    assert SESSION not in json.dumps(event) and SESSION in json.dumps(record)


async def test_a_retried_booking_writes_nothing_so_it_is_told_once(
    pipe: Pipe, stream: Records
) -> None:
    bookings = store()
    first = await bookings.book(booking("10:00"))
    assert kinds(pipe, stream()) == ["TestDriveBooked"]
    # The same session asking again for the same slot and car (a retried turn), from another
    # sandbox too: answered with the booking, and no write reaches the stream.
    assert await bookings.book(booking("10:00")) == first
    assert await store().book(booking("10:00")) == first
    assert stream() == []


async def test_a_capped_booking_writes_the_sessions_list_and_counter_too_which_are_no_events(
    pipe: Pipe, stream: Records
) -> None:
    cap = BookingCap(2, lambda held: True)
    client = ClientCap("client-a#2026-06-12", 3, 1_790_000_000)
    await store().book(booking("11:00"), cap, client)
    records = stream()
    # (moto records the counter's creation twice: its key, then its attributes)
    assert {r["dynamodb"]["Keys"]["pk"]["S"] for r in records} == {
        "client#client-a#2026-06-12",
        "miami#2026-06-16",
        f"session#{SESSION}",
    }
    assert kinds(pipe, records) == ["TestDriveBooked"]


async def test_a_cancellation_puts_one_test_drive_cancelled_event_and_a_repeat_none(
    pipe: Pipe, stream: Records
) -> None:
    bookings = store()
    await bookings.book(booking("10:00"))
    stream()
    await bookings.cancel(SESSION, "SC-10:00", "2026-06-12T08:30:00Z")
    records = stream()
    (record,) = [r for r in records if r["dynamodb"]["Keys"]["pk"]["S"] == "miami#2026-06-16"]
    assert record["eventName"] == "MODIFY"
    (event,) = events(pipe, records)
    assert event["DetailType"] == "TestDriveCancelled"
    assert event["Detail"] == detail(at="2026-06-12T08:30:00Z")
    await bookings.cancel(SESSION, "SC-10:00", "2026-06-12T08:31:00Z")  # asked again: no write
    assert stream() == []


async def test_a_move_puts_one_test_drive_rescheduled_event_and_the_old_slot_none(
    pipe: Pipe, stream: Records
) -> None:
    bookings = store()
    await bookings.book(booking("10:00"))
    stream()
    await bookings.move(SESSION, "SC-10:00", "2026-06-19", "15:00", "2026-06-12T09:00:00Z")
    records = [r for r in stream() if r["dynamodb"]["Keys"]["pk"]["S"].startswith("miami#")]
    by_kind = {(r["eventName"], r["dynamodb"]["NewImage"]["status"]["S"]): r for r in records}
    assert set(by_kind) == {("INSERT", "booked"), ("MODIFY", "moved")}
    assert "event" not in by_kind["MODIFY", "moved"]["dynamodb"]["NewImage"]
    assert events(pipe, [by_kind["MODIFY", "moved"]]) == []  # the old slot: no event of its own
    (event,) = events(pipe, records)
    assert event["DetailType"] == "TestDriveRescheduled"
    assert event["Detail"] == detail(
        "15:00", "2026-06-19", moved_from="2026-06-16 10:00", at="2026-06-12T09:00:00Z"
    )
    # The same move again is answered as it is, and writes nothing.
    await bookings.move(SESSION, "SC-10:00", "2026-06-19", "15:00", "2026-06-12T09:01:00Z")
    assert stream() == []


async def test_a_move_to_a_taken_slot_is_no_event(pipe: Pipe, stream: Records) -> None:
    bookings = store()
    await bookings.book(booking("10:00"))
    await bookings.book(booking("11:00", session="someone-else"))
    stream()
    with pytest.raises(SlotTaken):
        await bookings.move(SESSION, "SC-10:00", "2026-06-16", "11:00", "2026-06-12T09:00:00Z")
    # DynamoDB streams nothing of a cancelled transaction. moto records its writes that did not
    # fail (the old slot "moved", the list) though it keeps none of them: even those are no event.
    records = stream()
    assert {(r["eventName"], r["dynamodb"]["Keys"]["sk"]["S"]) for r in records} <= {
        ("MODIFY", "10:00"),
        ("MODIFY", "bookings"),
    }
    assert events(pipe, records) == []
    assert await bookings.booked_times("miami", "2026-06-16") == {"10:00", "11:00"}


async def test_freed_slots_booked_again_and_a_moved_booking_cancelled_are_told(
    pipe: Pipe, stream: Records
) -> None:
    bookings = store()
    await bookings.book(booking("10:00"))
    await bookings.cancel(SESSION, "SC-10:00", "2026-06-12T08:30:00Z")
    # Another customer takes the freed slot: the store overwrites the cancelled item.
    await bookings.book(booking("10:00", session="someone-else"))
    # ... and moves it away, and the first customer books the slot it left.
    await bookings.move("someone-else", "SC-10:00", "2026-06-16", "12:00", "2026-06-12T09:00:00Z")
    await bookings.book(booking("10:00", code="SC-AGAIN"))
    # The moved booking is cancelled where it now is, and that slot is moved into again.
    await bookings.cancel("someone-else", "SC-10:00", "2026-06-12T09:30:00Z")
    await bookings.move(SESSION, "SC-AGAIN", "2026-06-16", "12:00", "2026-06-12T10:00:00Z")
    told = events(pipe, stream())
    assert [(e["DetailType"], e["Detail"]["time"]) for e in told] == [
        ("TestDriveBooked", "10:00"),
        ("TestDriveCancelled", "10:00"),
        ("TestDriveBooked", "10:00"),
        ("TestDriveRescheduled", "12:00"),
        ("TestDriveBooked", "10:00"),
        ("TestDriveCancelled", "12:00"),
        ("TestDriveRescheduled", "12:00"),
    ]
    # A cancelled move still says where it was moved from; one template for every kind.
    assert told[5]["Detail"]["rescheduled_from"] == "2026-06-16 10:00"
    assert {frozenset(e["Detail"]) for e in told} == {frozenset(detail())}


async def test_an_item_written_before_events_is_told_when_the_store_changes_it(
    pipe: Pipe, stream: Records
) -> None:
    bookings = store()
    await bookings.book(booking("10:00"))
    await bookings.book(booking("11:00", session="someone-else"))
    as_before_events("2026-06-16", "10:00")
    as_before_events("2026-06-16", "11:00")
    # Removing them is no event: a record whose new image names none is dropped.
    assert kinds(pipe, stream()) == ["TestDriveBooked", "TestDriveBooked"]
    await bookings.cancel(SESSION, "SC-10:00", "2026-06-12T08:30:00Z")
    await bookings.move("someone-else", "SC-11:00", "2026-06-16", "12:00", "2026-06-12T09:00:00Z")
    told = events(pipe, stream())
    assert [(e["DetailType"], e["Detail"]["time"]) for e in told] == [
        ("TestDriveCancelled", "10:00"),
        ("TestDriveRescheduled", "12:00"),
    ]
    assert told[0]["Detail"]["rescheduled_from"] == ""  # added by the cancel, for the template
    # A slot cancelled before events, booked again: told as a booking.
    as_before_events("2026-06-16", "10:00")
    stream()
    await bookings.book(booking("10:00", session="a-third"))
    assert kinds(pipe, stream()) == ["TestDriveBooked"]


async def test_the_same_event_written_again_is_not_told_twice(pipe: Pipe, stream: Records) -> None:
    client = boto3.client("dynamodb")
    bookings = store()
    await bookings.book(booking("10:00"))
    await bookings.book(booking("11:00"))
    await bookings.cancel(SESSION, "SC-11:00", "2026-06-12T08:30:00Z")
    assert kinds(pipe, stream()) == ["TestDriveBooked", "TestDriveBooked", "TestDriveCancelled"]
    # Edited by hand, or any write that leaves the slot's event as it was: no second event.
    client.update_item(
        TableName=BOOKINGS_TABLE,
        Key=key("2026-06-16", "10:00"),
        UpdateExpression="SET car_model = :car",
        ExpressionAttributeValues={":car": {"S": "SuperCar GT"}},
    )
    client.update_item(
        TableName=BOOKINGS_TABLE,
        Key=key("2026-06-16", "11:00"),
        UpdateExpression="SET updated_at = :at",
        ExpressionAttributeValues={":at": {"S": "2026-06-12T08:31:00Z"}},
    )
    item = client.get_item(TableName=BOOKINGS_TABLE, Key=key("2026-06-16", "10:00"))["Item"]
    client.put_item(TableName=BOOKINGS_TABLE, Item=item)  # the very same item again
    records = stream()
    assert len(records) >= 2 and {r["eventName"] for r in records} == {"MODIFY"}
    assert events(pipe, records) == []


async def test_deletions_and_counters_are_no_events(pipe: Pipe, stream: Records) -> None:
    client = boto3.client("dynamodb")
    await store().book(booking("10:00"))
    stream()
    client.put_item(
        TableName=BOOKINGS_TABLE,
        Item={"pk": {"S": "client#203.0.113.7"}, "sk": {"S": "2026-06-12"}, "n": {"N": "3"}},
    )
    client.delete_item(TableName=BOOKINGS_TABLE, Key=key("2026-06-16", "10:00"))
    counter, removed = stream()
    # A TTL deletion carries the service as its user identity (DynamoDB's "TTL and streams").
    removed["userIdentity"] = {"type": "Service", "principalId": "dynamodb.amazonaws.com"}
    assert removed["eventName"] == "REMOVE"
    assert removed["dynamodb"]["OldImage"]["event"] == {"S": "TestDriveBooked"}
    assert events(pipe, [counter, removed]) == []


def test_one_pipe_from_supercar_lex_names_each_kind_by_the_records_event(pipe: Pipe) -> None:
    assert pipe.source == "supercar.lex"
    assert pipe.detail_type == "$.dynamodb.NewImage.event.S"
    # Whatever a filter passes names one of the three kinds (the rule forwards those).
    named = {v for f in pipe.filters for v in f["dynamodb"]["NewImage"]["event"]["S"]}
    assert named == set(KINDS)


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


def test_a_target_parameter_is_fixed_or_the_string_at_its_path_in_the_record() -> None:
    record = {"dynamodb": {"NewImage": {"event": {"S": "TestDriveCancelled"}, "n": {"N": "3"}}}}
    assert parameter("supercar.lex", record) == "supercar.lex"
    assert parameter("$.dynamodb.NewImage.event.S", record) == "TestDriveCancelled"
    with pytest.raises(TypeError):
        parameter("$.dynamodb.NewImage.n", record)
    with pytest.raises(KeyError):
        parameter("$.dynamodb.OldImage.event.S", record)


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
