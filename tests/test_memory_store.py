"""MemorySessionStore and MemoryBookingStore against the protocols in supercar.store.base."""

from __future__ import annotations

import pytest

from supercar.store.base import Booking, SessionBusy, SessionConflict, SlotTaken
from supercar.store.memory import MemoryBookingStore, MemorySessionStore

pytestmark = pytest.mark.anyio


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def turn(text: str) -> list[dict]:
    return [{"role": "user", "content": text}, {"role": "assistant", "content": "ok " + text}]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


async def test_lock_busy_unlock(clock: FakeClock) -> None:
    store = MemorySessionStore(clock=clock)
    await store.lock("a", 30)
    with pytest.raises(SessionBusy):
        await store.lock("a", 30)
    await store.lock("b", 30)  # other sessions are independent
    await store.unlock("a")
    await store.lock("a", 30)
    await store.unlock("missing")  # harmless


async def test_lock_lapses_after_ttl(clock: FakeClock) -> None:
    store = MemorySessionStore(clock=clock)
    await store.lock("a", 30)
    clock.now += 29
    with pytest.raises(SessionBusy):
        await store.lock("a", 30)
    clock.now += 1
    await store.lock("a", 30)
    with pytest.raises(SessionBusy):
        await store.lock("a", 30)


async def test_load_new_session_is_empty() -> None:
    session = await MemorySessionStore().load("new")
    assert session.turns == [] and session.version == 0


async def test_commit_increments_version_and_copies(clock: FakeClock) -> None:
    store = MemorySessionStore(clock=clock)
    first = turn("one")
    await store.commit("a", first, expected_version=0)
    first[0]["content"] = "mutated after commit"
    loaded = await store.load("a")
    assert loaded.version == 1
    assert loaded.turns == [turn("one")]
    loaded.turns[0][0]["content"] = "mutated after load"
    loaded.turns.append(turn("junk"))
    assert (await store.load("a")).turns == [turn("one")]
    await store.commit("a", turn("two"), expected_version=1)
    again = await store.load("a")
    assert again.version == 2 and again.history(10) == turn("one") + turn("two")


async def test_commit_version_conflict(clock: FakeClock) -> None:
    store = MemorySessionStore(clock=clock)
    await store.commit("a", turn("one"), expected_version=0)
    with pytest.raises(SessionConflict):
        await store.commit("a", turn("stale"), expected_version=0)
    with pytest.raises(SessionConflict):
        await store.commit("b", turn("ghost"), expected_version=3)
    loaded = await store.load("a")
    assert loaded.version == 1 and loaded.turns == [turn("one")]  # nothing written


async def test_turns_are_trimmed(clock: FakeClock) -> None:
    store = MemorySessionStore(max_turns=3, clock=clock)
    for i in range(5):
        await store.commit("a", turn(str(i)), expected_version=i)
    loaded = await store.load("a")
    assert loaded.version == 5
    assert loaded.turns == [turn("2"), turn("3"), turn("4")]


async def test_sessions_expire_when_idle(clock: FakeClock) -> None:
    store = MemorySessionStore(ttl_seconds=100, clock=clock)
    await store.commit("a", turn("one"), expected_version=0)
    clock.now += 99
    await store.commit("a", turn("two"), expected_version=1)  # refreshes expiry
    clock.now += 99
    assert (await store.load("a")).version == 2
    clock.now += 1
    expired = await store.load("a")
    assert expired.version == 0 and expired.turns == []
    await store.commit("a", turn("fresh"), expected_version=0)
    assert (await store.load("a")).turns == [turn("fresh")]


async def test_expired_sessions_and_claims_are_purged(clock: FakeClock) -> None:
    store = MemorySessionStore(ttl_seconds=100, clock=clock)
    for i in range(20):
        await store.commit(f"s{i}", turn("x"), expected_version=0)
        await store.lock(f"s{i}", 30)  # a crashed turn never unlocks
    await store.commit("s0", turn("y"), expected_version=1)  # s0 moves to the back
    clock.now += 100
    await store.commit("late", turn("x"), expected_version=0)
    assert set(store._sessions) == {"late"}
    assert store._claims == {}


# --- bookings ------------------------------------------------------------------------------

def booking(session: str = "s1", time: str = "10:00", car: str = "SuperCar GT") -> Booking:
    return Booking(f"SC-{session}-{time}", session, "miami", "2026-06-16", time, car, "now")


async def test_booking_slots() -> None:
    store = MemoryBookingStore()
    assert await store.booked_times("miami", "2026-06-16") == set()
    stored = await store.book(booking())
    assert stored == booking()
    await store.book(booking(time="11:00"))
    assert await store.booked_times("miami", "2026-06-16") == {"10:00", "11:00"}
    assert await store.booked_times("miami", "2026-06-17") == set()
    assert await store.booked_times("manhattan", "2026-06-16") == set()


async def test_booking_same_session_and_car_is_idempotent() -> None:
    store = MemoryBookingStore()
    first = await store.book(booking())
    retry = Booking("SC-OTHER", "s1", "miami", "2026-06-16", "10:00", "SuperCar GT", "later")
    assert await store.book(retry) == first


async def test_booking_taken_slot() -> None:
    store = MemoryBookingStore()
    first = await store.book(booking())
    with pytest.raises(SlotTaken) as taken:
        await store.book(booking(session="s2"))
    assert taken.value.existing == first
    with pytest.raises(SlotTaken):
        await store.book(booking(car="SuperCar Volt"))  # same session, different car
