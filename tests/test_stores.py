"""The SessionStore and BookingStore contract, run against every backend: memory and DynamoDB
(under moto, with the tables template.yaml defines). Backend-specific tests are marked as such:
the purge of the memory store's internals, and what only shared storage can show (two
"sandboxes", i.e. two store instances over the same tables)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import anyio
import boto3
import pytest

from supercar.llm.base import Message
from supercar.store.base import (
    Booking,
    BookingCancelled,
    BookingCap,
    BookingCapReached,
    BookingStore,
    ClientCap,
    ClientCapReached,
    CounterStore,
    ListedBooking,
    Session,
    SessionBusy,
    SessionConflict,
    SessionStore,
    SlotTaken,
    UnknownBooking,
)
from supercar.store.memory import MemoryBookingStore, MemoryCounters, MemorySessionStore
from tests.aws import BOOKINGS_TABLE, LIMITS_TABLE, SESSIONS_TABLE


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_780_000_000.0  # epoch seconds: DynamoDB compares wall-clock times

    def __call__(self) -> float:
        return self.now


def turn(text: str) -> list[Message]:
    return [{"role": "user", "content": text}, {"role": "assistant", "content": "ok " + text}]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(params=["memory", "dynamodb"])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "dynamodb":
        request.getfixturevalue("tables")
    return str(request.param)


@pytest.fixture
def make_counters(
    backend: str, clock: FakeClock, request: pytest.FixtureRequest
) -> Callable[[], CounterStore]:
    def make() -> CounterStore:
        if backend == "memory":
            return MemoryCounters(clock=clock)
        from supercar.store.dynamodb import DynamoCounters

        return DynamoCounters(LIMITS_TABLE)

    if backend == "dynamodb":
        request.getfixturevalue("limits_table")
    return make


@pytest.fixture
def make_sessions(backend: str, clock: FakeClock) -> Callable[..., SessionStore]:
    def make(**kwargs: Any) -> SessionStore:
        kwargs.setdefault("clock", clock)
        if backend == "memory":
            return MemorySessionStore(**kwargs)
        from supercar.store.dynamodb import DynamoSessionStore

        return DynamoSessionStore(SESSIONS_TABLE, **kwargs)

    return make


@pytest.fixture
def make_bookings(backend: str) -> Callable[[], BookingStore]:
    def make() -> BookingStore:
        if backend == "memory":
            return MemoryBookingStore()
        from supercar.store.dynamodb import DynamoBookingStore

        return DynamoBookingStore(BOOKINGS_TABLE)

    return make


# --- sessions ------------------------------------------------------------------------------


async def test_a_claim_refuses_a_second_until_released(
    make_sessions: Callable[..., SessionStore],
) -> None:
    store = make_sessions()
    token = await store.claim("a", 15)
    with pytest.raises(SessionBusy):
        await store.claim("a", 15)
    await store.claim("b", 15)  # other sessions are independent
    await store.release("a", token)
    await store.claim("a", 15)
    await store.release("missing", "no-such-token")  # harmless


async def test_a_refused_claim_says_how_long_the_live_one_has_left(
    make_sessions: Callable[..., SessionStore], clock: FakeClock
) -> None:
    store = make_sessions()
    await store.claim("a", 15)
    clock.now += 4.5
    with pytest.raises(SessionBusy) as busy:
        await store.claim("a", 15)
    assert busy.value.retry_after == 11  # whole seconds, rounded up
    clock.now += 10.4
    with pytest.raises(SessionBusy) as busy:
        await store.claim("a", 15)
    assert busy.value.retry_after == 1  # never 0 while it holds


async def test_a_claim_not_renewed_lapses_after_its_lease(
    make_sessions: Callable[..., SessionStore], clock: FakeClock
) -> None:
    store = make_sessions()
    await store.claim("a", 15)
    clock.now += 14.9
    with pytest.raises(SessionBusy):
        await store.claim("a", 15)
    clock.now += 0.1
    await store.claim("a", 15)  # the holder crashed: the session is free again
    with pytest.raises(SessionBusy):
        await store.claim("a", 15)


async def test_a_renewed_claim_holds_past_its_first_lease(
    make_sessions: Callable[..., SessionStore], clock: FakeClock
) -> None:
    store = make_sessions()
    token = await store.claim("a", 15)
    for _ in range(4):  # a long turn: renewed every 5 s, held for 20 s
        clock.now += 5
        assert await store.renew("a", token, 15)
    with pytest.raises(SessionBusy) as busy:
        await store.claim("a", 15)
    assert busy.value.retry_after == 15
    clock.now += 15
    await store.claim("a", 15)  # renewals stopped: lapsed one lease after the last


async def test_only_the_holder_renews_or_releases_and_a_lapsed_claim_is_lost(
    make_sessions: Callable[..., SessionStore], clock: FakeClock
) -> None:
    store = make_sessions()
    old = await store.claim("a", 15)
    clock.now += 16  # lapsed: its turn stalled past its lease
    assert not await store.renew("a", old, 15)  # lost, though nobody took it yet
    new = await store.claim("a", 15)
    assert not await store.renew("a", old, 15)
    await store.release("a", old)  # the stale holder cannot free the new claim
    with pytest.raises(SessionBusy):
        await store.claim("a", 15)
    assert await store.renew("a", new, 15)
    await store.release("a", new)
    assert not await store.renew("a", new, 15)  # released: nothing to renew
    await store.claim("a", 15)


async def test_a_commit_keeps_the_claim_until_release(
    make_sessions: Callable[..., SessionStore],
) -> None:
    store = make_sessions()
    token = await store.claim("a", 15)
    await store.commit("a", Session(), turn("one"))
    with pytest.raises(SessionBusy):
        await store.claim("a", 15)
    await store.release("a", token)
    assert (await store.load("a")).turns == [turn("one")]  # releasing keeps the history


async def test_load_new_session_is_empty(make_sessions: Callable[..., SessionStore]) -> None:
    session = await make_sessions().load("new")
    assert session.turns == [] and session.version == 0


async def test_a_locked_new_session_loads_empty_and_commits_at_version_0(
    make_sessions: Callable[..., SessionStore],
) -> None:
    store = make_sessions()
    await store.claim("new", 15)
    session = await store.load("new")
    assert session.turns == [] and session.version == 0
    await store.commit("new", Session(), turn("one"))
    assert (await store.load("new")).version == 1


async def test_commit_increments_version_and_copies(
    make_sessions: Callable[..., SessionStore],
) -> None:
    store = make_sessions()
    first = turn("one")
    await store.commit("a", Session(), first)
    first[0]["content"] = "mutated after commit"
    loaded = await store.load("a")
    assert loaded.version == 1
    assert loaded.turns == [turn("one")]
    loaded.turns[0][0]["content"] = "mutated after load"
    loaded.turns.append(turn("junk"))
    assert (await store.load("a")).turns == [turn("one")]
    await store.commit("a", await store.load("a"), turn("two"))
    again = await store.load("a")
    assert again.version == 2 and again.history(10) == turn("one") + turn("two")


async def test_messages_round_trip_exactly(make_sessions: Callable[..., SessionStore]) -> None:
    tool_turn: list[Message] = [
        {"role": "user", "content": "Météo à Paris ? 🚗"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": '{"temp_c": 21.5, "ok": true}'},
        {"role": "assistant", "content": ""},
    ]
    store = make_sessions()
    await store.commit("a", Session(), tool_turn)
    assert (await store.load("a")).turns == [tool_turn]


async def test_commit_version_conflict(make_sessions: Callable[..., SessionStore]) -> None:
    store = make_sessions()
    await store.commit("a", Session(), turn("one"))
    with pytest.raises(SessionConflict):
        await store.commit("a", Session(version=0), turn("stale"))
    with pytest.raises(SessionConflict):
        await store.commit("b", Session(version=3), turn("ghost"))
    loaded = await store.load("a")
    assert loaded.version == 1 and loaded.turns == [turn("one")]  # nothing written


async def test_turns_are_trimmed(make_sessions: Callable[..., SessionStore]) -> None:
    store = make_sessions(max_turns=3)
    for i in range(5):
        await store.commit("a", await store.load("a"), turn(str(i)))
    loaded = await store.load("a")
    assert loaded.version == 5
    assert loaded.turns == [turn("2"), turn("3"), turn("4")]


async def test_sessions_expire_when_idle(
    make_sessions: Callable[..., SessionStore], clock: FakeClock
) -> None:
    store = make_sessions(ttl_seconds=100)
    await store.commit("a", Session(), turn("one"))
    clock.now += 99
    await store.commit("a", await store.load("a"), turn("two"))  # refreshes expiry
    clock.now += 99
    assert (await store.load("a")).version == 2
    clock.now += 1
    expired = await store.load("a")
    assert expired.version == 0 and expired.turns == []
    with pytest.raises(SessionConflict):
        await store.commit("a", Session(version=2), turn("late"))  # expired under the turn
    await store.commit("a", Session(), turn("fresh"))
    assert (await store.load("a")).turns == [turn("fresh")]


async def test_concurrent_commits_at_one_version_lose_nothing(
    make_sessions: Callable[..., SessionStore],
) -> None:
    # N turns that all loaded version 0 race to commit: exactly one wins, every other one is
    # told (SessionConflict), and the stored history is exactly the winner's.
    store = make_sessions()
    outcomes: dict[int, str] = {}

    async def commit(i: int) -> None:
        try:
            await store.commit("race", Session(), turn(str(i)))
            outcomes[i] = "won"
        except SessionConflict:
            outcomes[i] = "conflict"

    async with anyio.create_task_group() as tg:
        for i in range(12):
            tg.start_soon(commit, i)
    winners = [i for i, outcome in outcomes.items() if outcome == "won"]
    assert len(outcomes) == 12 and len(winners) == 1
    stored = await store.load("race")
    assert stored.version == 1 and stored.turns == [turn(str(winners[0]))]


async def test_expired_sessions_and_claims_are_purged(clock: FakeClock) -> None:
    # Memory only: DynamoDB's TTL deletes expired items by itself.
    store = MemorySessionStore(ttl_seconds=100, clock=clock)
    for i in range(20):
        await store.commit(f"s{i}", Session(), turn("x"))
        await store.claim(f"s{i}", 30)  # a crashed turn never releases
    await store.commit("s0", await store.load("s0"), turn("y"))  # s0 moves to the back
    clock.now += 100
    await store.commit("late", Session(), turn("x"))
    assert set(store._sessions) == {"late"}
    assert store._claims == {}


async def test_past_the_session_cap_the_least_recently_active_session_is_dropped() -> None:
    # Memory only: bounds a long-running process, whatever the number of visitors.
    store = MemorySessionStore(max_sessions=3)
    for name in ("a", "b", "c"):
        await store.commit(name, Session(), turn("x"))
    await store.commit("a", await store.load("a"), turn("y"))  # a is active again
    await store.commit("d", Session(), turn("x"))
    assert (await store.load("b")).version == 0  # the idlest one went
    assert [(await store.load(n)).version for n in ("a", "c", "d")] == [2, 1, 1]


# --- DynamoDB only: what shared storage adds ----------------------------------------------


async def test_a_claim_holds_across_sandboxes(tables: dict[str, str], clock: FakeClock) -> None:
    from supercar.store.dynamodb import DynamoSessionStore

    one = DynamoSessionStore(SESSIONS_TABLE, clock=clock)
    two = DynamoSessionStore(SESSIONS_TABLE, clock=clock)  # another sandbox, its own client
    token = await one.claim("shared", 15)
    with pytest.raises(SessionBusy):
        await two.claim("shared", 15)
    clock.now += 5
    assert await one.renew("shared", token, 15)
    with pytest.raises(SessionBusy) as busy:
        await two.claim("shared", 15)
    assert busy.value.retry_after == 15  # the renewal is what the other sandbox sees
    await one.release("shared", token)
    await two.claim("shared", 15)
    with pytest.raises(SessionBusy):
        await one.claim("shared", 15)


async def test_one_of_two_sandboxes_racing_past_the_lock_gets_a_conflict(
    tables: dict[str, str], clock: FakeClock
) -> None:
    from supercar.store.dynamodb import DynamoSessionStore

    one = DynamoSessionStore(SESSIONS_TABLE, clock=clock)
    two = DynamoSessionStore(SESSIONS_TABLE, clock=clock)
    await one.commit("s", Session(), turn("one"))
    a, b = await one.load("s"), await two.load("s")
    await one.commit("s", a, turn("from one"))
    with pytest.raises(SessionConflict):
        await two.commit("s", b, turn("from two"))
    assert (await two.load("s")).turns == [turn("one"), turn("from one")]


async def test_items_carry_a_ttl_and_a_release_creates_nothing(
    tables: dict[str, str], clock: FakeClock
) -> None:
    from supercar.store.dynamodb import DynamoSessionStore

    store = DynamoSessionStore(SESSIONS_TABLE, ttl_seconds=7200, clock=clock)
    await store.release("never-seen", "no-such-token")
    assert not await store.renew("never-seen", "no-such-token", 15)
    token = await store.claim("kept", 15)
    client = boto3.client("dynamodb")
    claim = client.get_item(TableName=SESSIONS_TABLE, Key={"session_id": {"S": "kept"}})["Item"]
    assert int(claim["expires_at"]["N"]) == int(clock.now + 3600)  # a lone claim expires
    await store.commit("kept", Session(), turn("one"))
    item = client.get_item(TableName=SESSIONS_TABLE, Key={"session_id": {"S": "kept"}})["Item"]
    assert int(item["expires_at"]["N"]) == int(clock.now + 7200)
    assert item["version"] == {"N": "1"} and item["claim_token"] == {"S": token}
    await store.release("kept", token)
    item = client.get_item(TableName=SESSIONS_TABLE, Key={"session_id": {"S": "kept"}})["Item"]
    assert "claim_until" not in item and "claim_token" not in item
    keys = [i["session_id"]["S"] for i in client.scan(TableName=SESSIONS_TABLE)["Items"]]
    assert keys == ["kept"]
    ttl = client.describe_time_to_live(TableName=SESSIONS_TABLE)["TimeToLiveDescription"]
    assert ttl == {"TimeToLiveStatus": "ENABLED", "AttributeName": "expires_at"}


# --- bookings ------------------------------------------------------------------------------


def booking(session: str = "s1", time: str = "10:00", car: str = "SuperCar GT") -> Booking:
    return Booking(f"SC-{session}-{time}", session, "miami", "2026-06-16", time, car, "now")


async def test_booking_slots(make_bookings: Callable[[], BookingStore]) -> None:
    store = make_bookings()
    assert await store.booked_times("miami", "2026-06-16") == set()
    stored = await store.book(booking())
    assert stored == booking()
    await store.book(booking(time="11:00"))
    assert await store.booked_times("miami", "2026-06-16") == {"10:00", "11:00"}
    assert await store.booked_times("miami", "2026-06-17") == set()
    assert await store.booked_times("manhattan", "2026-06-16") == set()


async def test_booking_same_session_and_car_is_idempotent(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    first = await store.book(booking())
    retry = Booking("SC-OTHER", "s1", "miami", "2026-06-16", "10:00", "SuperCar GT", "later")
    assert await store.book(retry) == first


async def test_booking_taken_slot(make_bookings: Callable[[], BookingStore]) -> None:
    store = make_bookings()
    first = await store.book(booking())
    with pytest.raises(SlotTaken) as taken:
        await store.book(booking(session="s2"))
    assert taken.value.existing == first
    with pytest.raises(SlotTaken):
        await store.book(booking(car="SuperCar Volt"))  # same session, different car


async def test_many_concurrent_bookings_of_one_slot_make_exactly_one(
    make_bookings: Callable[[], BookingStore], backend: str
) -> None:
    # For DynamoDB each request gets its own store, as if from its own sandbox.
    shared = make_bookings()
    won: list[Booking] = []
    taken: list[Booking] = []

    async def book(i: int) -> None:
        store = make_bookings() if backend == "dynamodb" else shared
        try:
            won.append(await store.book(booking(session=f"s{i}")))
        except SlotTaken as exc:
            taken.append(exc.existing)

    async with anyio.create_task_group() as tg:
        for i in range(16):
            tg.start_soon(book, i)
    assert len(won) == 1 and len(taken) == 15
    assert all(existing == won[0] for existing in taken)
    assert await shared.booked_times("miami", "2026-06-16") == {"10:00"}


async def test_a_showrooms_day_is_listed_by_time_without_the_session(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    for time in ("15:00", "09:00", "12:00"):
        await store.book(booking(time=time))
    await store.book(dataclasses.replace(booking(time="10:00"), dealership_id="manhattan"))
    await store.book(dataclasses.replace(booking(time="10:00"), date="2026-06-17"))
    listed = await store.list_bookings("miami", "2026-06-16")
    assert [entry.time for entry in listed] == ["09:00", "12:00", "15:00"]
    # Never changed: no update time, or (where stores record one) the time it was made.
    assert listed[0].updated_at in (None, "now")
    assert dataclasses.replace(listed[0], updated_at=None) == ListedBooking(
        confirmation_id="SC-s1-09:00",
        dealership_id="miami",
        date="2026-06-16",
        time="09:00",
        car_model="SuperCar GT",
        status="booked",
        created_at="now",
    )
    assert not hasattr(listed[0], "session_id")
    assert await store.list_bookings("miami", "2026-06-18") == []


async def test_the_dynamodb_list_is_one_query_per_day_never_a_scan(tables: dict[str, str]) -> None:
    from supercar.store.dynamodb import DynamoBookingStore

    store = DynamoBookingStore(BOOKINGS_TABLE)
    await store.book(booking())
    await store.book(booking(session="s2", time="11:00"), CAP)  # and the session's list item
    made: list[str] = []
    store.client.meta.events.register(
        "before-call.dynamodb", lambda model, **_: made.append(model.name)
    )
    listed = await store.list_bookings("miami", "2026-06-16")
    assert [entry.time for entry in listed] == ["10:00", "11:00"]
    assert made == ["Query"]


# --- the booking cap -----------------------------------------------------------------------

CAP = BookingCap(2, lambda held: held.date >= "2026-06-16")  # "today" is 2026-06-16


def on(date: str, time: str, session: str = "s1") -> Booking:
    return Booking(f"SC-{date}-{time}", session, "miami", date, time, "SuperCar GT", "now")


async def test_a_session_at_its_cap_is_refused_and_told_what_it_holds(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    held = [await store.book(on("2026-06-16", "10:00"), CAP)]
    held.append(await store.book(on("2026-06-18", "12:00"), CAP))
    with pytest.raises(BookingCapReached) as refused:
        await store.book(on("2026-06-20", "10:00"), CAP)
    assert refused.value.upcoming == held
    assert await store.booked_times("miami", "2026-06-20") == set()  # nothing written
    assert await store.book(on("2026-06-20", "10:00", session="s2"), CAP)  # others still book


async def test_the_retry_of_a_held_booking_is_answered_even_at_the_cap(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    first = await store.book(on("2026-06-16", "10:00"), CAP)
    await store.book(on("2026-06-17", "10:00"), CAP)
    retry = dataclasses.replace(first, confirmation_id="SC-RETRY", created_at="later")
    assert await store.book(retry, CAP) == first


async def test_past_and_cancelled_bookings_do_not_count_against_the_cap(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    await store.book(on("2026-06-15", "10:00"), CAP)  # booked yesterday for yesterday
    dropped = await store.book(on("2026-06-19", "10:00"), CAP)
    await store.cancel("s1", dropped.confirmation_id, "later", CAP)
    await store.book(on("2026-06-16", "10:00"), CAP)
    await store.book(on("2026-06-17", "10:00"), CAP)
    with pytest.raises(BookingCapReached) as refused:
        await store.book(on("2026-06-18", "10:00"), CAP)
    assert [b.date for b in refused.value.upcoming] == ["2026-06-16", "2026-06-17"]


async def test_under_the_cap_a_slot_of_another_session_is_still_taken(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    theirs = await store.book(on("2026-06-16", "10:00", session="s2"), CAP)
    with pytest.raises(SlotTaken) as taken:
        await store.book(on("2026-06-16", "10:00"), CAP)
    assert taken.value.existing == theirs
    await store.book(on("2026-06-16", "11:00"), CAP)
    await store.book(on("2026-06-16", "12:00"), CAP)  # the refused one did not count


async def test_concurrent_bookings_of_one_session_stop_at_the_cap(
    make_bookings: Callable[[], BookingStore], backend: str
) -> None:
    # Parallel tool calls of one turn, or (DynamoDB) one store per request as from two sandboxes.
    shared = make_bookings()
    won: list[Booking] = []
    capped: list[list[Booking]] = []

    async def book(hour: int) -> None:
        store = make_bookings() if backend == "dynamodb" else shared
        try:
            won.append(await store.book(on("2026-06-16", f"{hour:02d}:00"), CAP))
        except BookingCapReached as exc:
            capped.append(exc.upcoming)

    async with anyio.create_task_group() as tg:
        for hour in range(9, 17):
            tg.start_soon(book, hour)
    assert len(won) == 2 and len(capped) == 6
    booked = await shared.booked_times("miami", "2026-06-16")
    assert booked == {b.time for b in won}


# --- cancelling and moving ----------------------------------------------------------------

CLIENT = ClientCap("client-a#2026-06-16", 3, 2_000_000_000)


async def test_a_booking_is_found_by_its_own_session_only(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    mine = await store.book(on("2026-06-16", "10:00"), CAP)
    assert await store.find("s1", mine.confirmation_id) == mine
    assert await store.find("s2", mine.confirmation_id) is None
    assert await store.find("s1", "SC-NOPE") is None
    for session, code in (("s2", mine.confirmation_id), ("s1", "SC-NOPE")):
        with pytest.raises(UnknownBooking):
            await store.cancel(session, code, "later")
        with pytest.raises(UnknownBooking):
            await store.move(session, code, "2026-06-16", "11:00", "later")
    assert await store.booked_times("miami", "2026-06-16") == {"10:00"}  # nothing changed


async def test_cancelling_frees_the_slot_at_once_and_a_repeat_returns_the_same(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    mine = await store.book(on("2026-06-16", "10:00"), CAP)
    cancelled = await store.cancel("s1", mine.confirmation_id, "at-cancel", CAP)
    assert cancelled == dataclasses.replace(mine, status="cancelled", updated_at="at-cancel")
    assert await store.booked_times("miami", "2026-06-16") == set()
    assert await store.find("s1", mine.confirmation_id) == cancelled
    assert await store.cancel("s1", mine.confirmation_id, "again", CAP) == cancelled
    theirs = await store.book(on("2026-06-16", "10:00", session="s2"), CAP)  # free for anyone
    assert await store.booked_times("miami", "2026-06-16") == {"10:00"}
    with pytest.raises(SlotTaken) as taken:  # and booked again, it is taken
        await store.book(on("2026-06-16", "10:00", session="s3"), CAP)
    assert taken.value.existing == theirs
    assert await store.cancel("s1", mine.confirmation_id, "again", CAP) == cancelled


async def test_a_cancelled_slot_can_be_booked_again_by_the_same_session(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    first = await store.book(on("2026-06-16", "10:00"), CAP)
    await store.cancel("s1", first.confirmation_id, "later", CAP)
    again = dataclasses.replace(first, confirmation_id="SC-AGAIN", created_at="later")
    assert await store.book(again, CAP) == again  # a new booking, not the cancelled one
    assert (await store.find("s1", "SC-AGAIN")) == again
    assert (await store.find("s1", first.confirmation_id)).status == "cancelled"  # type: ignore[union-attr]


async def test_moving_takes_the_new_slot_and_frees_the_old_one(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    mine = await store.book(on("2026-06-16", "10:00"), CAP)
    moved = await store.move("s1", mine.confirmation_id, "2026-06-17", "11:00", "at-move", CAP)
    assert moved == dataclasses.replace(
        mine,
        date="2026-06-17",
        time="11:00",
        updated_at="at-move",
        rescheduled_from="2026-06-16 10:00",
    )
    assert await store.booked_times("miami", "2026-06-16") == set()
    assert await store.booked_times("miami", "2026-06-17") == {"11:00"}
    assert await store.find("s1", mine.confirmation_id) == moved
    # The same move again is answered with the same booking, and changes nothing.
    again = await store.move("s1", mine.confirmation_id, "2026-06-17", "11:00", "later", CAP)
    assert again == moved
    await store.book(on("2026-06-16", "10:00", session="s2"), CAP)  # the old slot is free
    # A moved booking can be moved again, and cancelled where it is.
    twice = await store.move("s1", mine.confirmation_id, "2026-06-17", "12:00", "later", CAP)
    assert twice.rescheduled_from == "2026-06-17 11:00"
    cancelled = await store.cancel("s1", mine.confirmation_id, "last", CAP)
    assert (cancelled.time, cancelled.status) == ("12:00", "cancelled")
    assert await store.booked_times("miami", "2026-06-17") == set()


async def test_a_move_to_a_taken_slot_changes_nothing(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    mine = await store.book(on("2026-06-16", "10:00"), CAP)
    theirs = await store.book(on("2026-06-16", "11:00", session="s2"), CAP)
    with pytest.raises(SlotTaken) as taken:
        await store.move("s1", mine.confirmation_id, "2026-06-16", "11:00", "later", CAP)
    assert taken.value.existing == theirs
    assert await store.find("s1", mine.confirmation_id) == mine
    assert await store.find("s2", theirs.confirmation_id) == theirs
    assert await store.booked_times("miami", "2026-06-16") == {"10:00", "11:00"}


async def test_a_cancelled_booking_cannot_be_moved(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    mine = await store.book(on("2026-06-16", "10:00"), CAP)
    cancelled = await store.cancel("s1", mine.confirmation_id, "later", CAP)
    with pytest.raises(BookingCancelled) as refused:
        await store.move("s1", mine.confirmation_id, "2026-06-16", "11:00", "later", CAP)
    assert refused.value.booking == cancelled
    assert await store.booked_times("miami", "2026-06-16") == set()


async def test_cancelling_gives_the_cap_back_and_moving_keeps_it(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    first = await store.book(on("2026-06-16", "10:00"), CAP)
    await store.book(on("2026-06-17", "10:00"), CAP)
    await store.move("s1", first.confirmation_id, "2026-06-18", "10:00", "later", CAP)
    with pytest.raises(BookingCapReached):  # a moved booking is still one booking
        await store.book(on("2026-06-19", "10:00"), CAP)
    await store.cancel("s1", first.confirmation_id, "later", CAP)
    assert await store.book(on("2026-06-19", "10:00"), CAP)
    with pytest.raises(BookingCapReached):
        await store.book(on("2026-06-20", "10:00"), CAP)


async def test_one_client_makes_no_more_bookings_a_day_than_its_cap(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    made = [
        await store.book(on("2026-06-16", f"1{i}:00", session=f"s{i}"), CAP, CLIENT)
        for i in range(3)
    ]
    assert {b.client_day for b in made} == {CLIENT.counter}
    with pytest.raises(ClientCapReached):
        await store.book(on("2026-06-16", "14:00", session="s4"), CAP, CLIENT)
    assert await store.booked_times("miami", "2026-06-16") == {"10:00", "11:00", "12:00"}
    # A retried booking is not a new one; another client, or the next day, has its own count.
    assert await store.book(on("2026-06-16", "10:00", session="s0"), CAP, CLIENT) == made[0]
    other = ClientCap("client-b#2026-06-16", 3, CLIENT.expires_at)
    assert await store.book(on("2026-06-16", "14:00", session="s5"), CAP, other)
    tomorrow = ClientCap("client-a#2026-06-17", 3, CLIENT.expires_at)
    assert await store.book(on("2026-06-16", "15:00", session="s6"), CAP, tomorrow)
    # A cancelled booking gives its allowance back; a move does not take another.
    await store.move("s1", made[1].confirmation_id, "2026-06-16", "16:00", "later", CAP)
    await store.cancel("s0", made[0].confirmation_id, "later", CAP)
    assert await store.book(on("2026-06-16", "17:00", session="s7"), CAP, CLIENT)
    with pytest.raises(ClientCapReached):
        await store.book(on("2026-06-16", "18:00", session="s8"), CAP, CLIENT)


async def test_ten_sessions_of_one_client_booking_at_once_stop_at_its_cap(
    make_bookings: Callable[[], BookingStore], backend: str
) -> None:
    # For DynamoDB, two store instances on one table: two sandboxes.
    stores = [make_bookings(), make_bookings()] if backend == "dynamodb" else [make_bookings()]
    won: list[Booking] = []
    refused: list[int] = []

    async def book(i: int) -> None:
        store = stores[i % len(stores)]
        try:
            won.append(await store.book(on("2026-06-16", f"{8 + i:02d}:00", f"s{i}"), CAP, CLIENT))
        except ClientCapReached:
            refused.append(i)

    async with anyio.create_task_group() as tg:
        for i in range(10):
            tg.start_soon(book, i)
    assert len(won) == CLIENT.limit and len(refused) == 10 - CLIENT.limit
    assert await stores[0].booked_times("miami", "2026-06-16") == {b.time for b in won}


async def test_a_move_and_a_cancel_of_one_booking_at_once_end_cancelled(
    make_bookings: Callable[[], BookingStore], backend: str
) -> None:
    stores = [make_bookings(), make_bookings()] if backend == "dynamodb" else [make_bookings()] * 2
    mine = await stores[0].book(on("2026-06-16", "10:00"), CAP)
    outcomes: list[str] = []

    async def move() -> None:
        try:
            await stores[0].move("s1", mine.confirmation_id, "2026-06-16", "11:00", "m", CAP)
            outcomes.append("moved")
        except BookingCancelled:
            outcomes.append("too late to move")

    async def cancel() -> None:
        await stores[1].cancel("s1", mine.confirmation_id, "c", CAP)
        outcomes.append("cancelled")

    async with anyio.create_task_group() as tg:
        tg.start_soon(move)
        tg.start_soon(cancel)
    assert "cancelled" in outcomes and len(outcomes) == 2
    assert await stores[0].booked_times("miami", "2026-06-16") == set()
    final = await stores[1].find("s1", mine.confirmation_id)
    assert final is not None and final.status == "cancelled"
    assert final.time == ("11:00" if "moved" in outcomes else "10:00")


async def test_two_moves_of_one_booking_at_once_leave_it_in_one_slot(
    make_bookings: Callable[[], BookingStore], backend: str
) -> None:
    stores = [make_bookings(), make_bookings()] if backend == "dynamodb" else [make_bookings()] * 2
    mine = await stores[0].book(on("2026-06-16", "10:00"), CAP)

    async def move(i: int, time: str) -> None:
        await stores[i].move("s1", mine.confirmation_id, "2026-06-16", time, "m", CAP)

    async with anyio.create_task_group() as tg:
        tg.start_soon(move, 0, "11:00")
        tg.start_soon(move, 1, "12:00")
    final = await stores[0].find("s1", mine.confirmation_id)
    assert final is not None and final.status == "booked"
    assert await stores[1].booked_times("miami", "2026-06-16") == {final.time}
    assert final.time in {"11:00", "12:00"} and final.rescheduled_from.startswith("2026-06-16 1")


def slot_events(store: BookingStore, date: str) -> dict[str, str | None]:
    """The event each slot of the showroom's day names, by time, as the store holds it: the
    memory store's record of the slot, or DynamoDB's item (whose stream hands it to the pipe)."""
    if isinstance(store, MemoryBookingStore):
        return {time: record.event for time, record in store._slots[("miami", date)].items()}
    return {time: item.get("event") for time, item in raw_items(f"miami#{date}").items()}


async def test_every_slot_names_the_event_its_last_change_tells(
    make_bookings: Callable[[], BookingStore],
) -> None:
    store = make_bookings()
    mine = await store.book(on("2026-06-16", "10:00"), CAP)
    assert slot_events(store, "2026-06-16") == {"10:00": "TestDriveBooked"}
    await store.move("s1", mine.confirmation_id, "2026-06-16", "11:00", "at-move", CAP)
    # The slot moved away from names none: the new slot's event tells the move.
    assert slot_events(store, "2026-06-16") == {"10:00": None, "11:00": "TestDriveRescheduled"}
    await store.cancel("s1", mine.confirmation_id, "at-cancel", CAP)
    assert slot_events(store, "2026-06-16")["11:00"] == "TestDriveCancelled"
    theirs = await store.book(on("2026-06-16", "11:00", session="s2"), CAP)
    await store.book(on("2026-06-16", "10:00", session="s3"), CAP)
    assert slot_events(store, "2026-06-16") == {
        "10:00": "TestDriveBooked",
        "11:00": "TestDriveBooked",
    }
    # A retried or refused change leaves every slot's event as it was.
    with pytest.raises(SlotTaken):
        await store.move("s2", theirs.confirmation_id, "2026-06-16", "10:00", "later", CAP)
    await store.book(on("2026-06-16", "11:00", session="s2"), CAP)
    await store.cancel("s1", mine.confirmation_id, "again", CAP)
    assert slot_events(store, "2026-06-16") == {
        "10:00": "TestDriveBooked",
        "11:00": "TestDriveBooked",
    }


def raw_items(pk: str) -> dict[str, dict[str, Any]]:
    """The bookings table's items under `pk`, by sort key, as DynamoDB holds them."""
    items = boto3.client("dynamodb").query(
        TableName=BOOKINGS_TABLE,
        KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": pk}},
    )["Items"]
    return {item["sk"]["S"]: {k: next(iter(v.values())) for k, v in item.items()} for item in items}


async def test_slot_items_say_what_happened_to_them(tables: dict[str, str]) -> None:
    # What the showroom's stream readers and staff list see (DynamoDB only).
    from supercar.store.dynamodb import DynamoBookingStore

    store = DynamoBookingStore(BOOKINGS_TABLE)
    made = Booking("SC-1", "s1", "miami", "2026-06-16", "10:00", "SuperCar GT", "2026-06-15T10:00")
    await store.book(made, CAP, CLIENT)
    slot = raw_items("miami#2026-06-16")["10:00"]
    assert slot["status"] == "booked" and slot["updated_at"] == "2026-06-15T10:00"
    assert slot["client_day"] == CLIENT.counter and slot["event"] == "TestDriveBooked"
    assert slot["rescheduled_from"] == ""  # always there, for the pipe's template
    await store.move("s1", made.confirmation_id, "2026-06-16", "12:00", "t-move", CAP)
    slots = raw_items("miami#2026-06-16")
    assert (slots["10:00"]["status"], slots["10:00"]["updated_at"]) == ("moved", "t-move")
    assert slots["12:00"]["status"] == "booked"
    assert slots["12:00"]["rescheduled_from"] == "2026-06-16 10:00"
    assert slots["12:00"]["confirmation_id"] == slots["10:00"]["confirmation_id"]
    await store.cancel("s1", made.confirmation_id, "t-cancel", CAP)
    slots = raw_items("miami#2026-06-16")
    assert (slots["12:00"]["status"], slots["12:00"]["updated_at"]) == ("cancelled", "t-cancel")
    assert slots["12:00"]["rescheduled_from"] == "2026-06-16 10:00"  # kept by the cancel
    # The session's list and the client's counter are no slots: no confirmation code on them.
    listed = raw_items("session#s1")["bookings"]
    counter = raw_items(f"client#{CLIENT.counter}")["bookings"]
    assert "confirmation_id" not in listed and "confirmation_id" not in counter
    assert counter["n"] == "0"  # the cancellation gave the booking back


async def test_a_slot_written_before_statuses_counts_as_booked(tables: dict[str, str]) -> None:
    from supercar.store.dynamodb import DynamoBookingStore

    store = DynamoBookingStore(BOOKINGS_TABLE)
    old = on("2026-06-16", "10:00", session="s-old")
    item = store._item(old)
    del item["status"], item["updated_at"]
    boto3.client("dynamodb").put_item(TableName=BOOKINGS_TABLE, Item=item)
    assert await store.booked_times("miami", "2026-06-16") == {"10:00"}
    with pytest.raises(SlotTaken) as taken:
        await store.book(on("2026-06-16", "10:00"), CAP)
    assert taken.value.existing == dataclasses.replace(old, updated_at="")  # as it was read
    mine = await store.book(on("2026-06-16", "11:00"), CAP)
    with pytest.raises(SlotTaken):
        await store.move("s1", mine.confirmation_id, "2026-06-16", "10:00", "later", CAP)


async def test_memory_client_counters_are_forgotten_when_a_new_day_counts() -> None:
    store = MemoryBookingStore()
    today = ClientCap("c#day", 1, 1000)
    await store.book(on("2026-06-16", "10:00"), client=today)
    await store.book(on("2026-06-16", "11:00", session="s2"), client=ClientCap("d#day", 1, 1000))
    with pytest.raises(ClientCapReached):
        await store.book(on("2026-06-16", "12:00", session="s3"), client=today)
    await store.book(on("2026-06-16", "12:00", session="s3"), client=ClientCap("c#next", 1, 2000))
    assert set(store._clients) == {"c#next"}  # the day that ended is gone, both its clients


# --- counters (the rate limits' store) ----------------------------------------------------


async def test_a_counter_counts_to_its_limit_and_no_further(
    make_counters: Callable[[], CounterStore], clock: FakeClock
) -> None:
    store = make_counters()
    end = clock.now + 60
    assert [await store.take("k#1", 3, end) for _ in range(5)] == [True] * 3 + [False] * 2
    assert await store.take("k#2", 3, end + 60)  # another window, another counter
    assert await store.take("other#1", 1, end)


async def test_counters_hold_across_sandboxes(
    limits_table: dict[str, str], clock: FakeClock
) -> None:
    from supercar.store.dynamodb import DynamoCounters

    stores = [DynamoCounters(LIMITS_TABLE), DynamoCounters(LIMITS_TABLE)]  # own clients each
    results: list[bool] = []

    async def take(i: int) -> None:
        results.append(await stores[i % 2].take("shared#1", 5, clock.now + 60))

    async with anyio.create_task_group() as tg:
        for i in range(12):
            tg.start_soon(take, i)
    assert sorted(results) == [False] * 7 + [True] * 5
    item = boto3.client("dynamodb").get_item(TableName=LIMITS_TABLE, Key={"pk": {"S": "shared#1"}})
    assert item["Item"]["n"] == {"N": "5"} and int(item["Item"]["expires_at"]["N"]) > clock.now


async def test_memory_counters_forget_ended_windows(clock: FakeClock) -> None:
    # Memory only: DynamoDB's TTL deletes ended windows by itself.
    store = MemoryCounters(clock=clock)
    for i in range(100):
        await store.take(f"client#{i}#1", 5, clock.now + 60)
    await store.take("budget#all#1", 5, clock.now + 86400)
    clock.now += 60
    await store.take("client#0#2", 5, clock.now + 60)
    assert sorted(len(keys) for keys in store._windows.values()) == [1, 1]
