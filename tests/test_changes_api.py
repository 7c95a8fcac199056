"""Booking, moving and cancelling a test drive through POST /query, with the model scripted by the
fake Groq server (the real SDK over loopback): on the memory stores, and on DynamoDB (moto) with
two app instances, one table, taking turns as two Lambda sandboxes would.

The scripted model asks for exactly the calls a test names; what is under test is what the
service does with them: the confirmation in a later turn, the slot free or taken after each
step, the caps, repeats, another session's code, and failed turns.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from supercar.app import create_app
from supercar.config import Settings
from supercar.store.base import BookingStore
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.helpers import open_weekday, post_query

DAY = open_weekday(5)  # a weekday at least five days ahead: Miami is open 10:00-20:00


@pytest.fixture(params=["memory", "dynamodb"])
def store_settings(request: pytest.FixtureRequest) -> dict[str, str]:
    if request.param == "memory":
        return {}
    return dict(request.getfixturevalue("tables"))


HOME = "203.0.113.7"  # the address the customer's turns come from, unless a test says


class Sandboxes:
    """One app (memory) or two apps on one table (DynamoDB); each turn goes to the next one."""

    def __init__(self, apps: list[FastAPI], fake: FakeGroq) -> None:
        self.apps, self.fake = apps, fake
        self.turns = 0

    @property
    def bookings(self) -> BookingStore:
        store: BookingStore = self.apps[0].state.services.bookings
        return store

    async def turn(self, session: str, *steps: Script, address: str = HOME) -> list[sse.Event]:
        self.fake.push(*steps)
        app = self.apps[self.turns % len(self.apps)]
        self.turns += 1
        transport = httpx.ASGITransport(app=app, client=(address, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            response = await post_query(client, "...", session)
        assert response.status_code == 200, response.text
        return sse.parse(response.content)

    async def call(
        self, session: str, tool: str, address: str = HOME, **args: str
    ) -> dict[str, Any]:
        """A turn in which the model calls `tool` once, then answers; that call's tool_output."""
        events = await self.turn(
            session,
            Script([tool_call(tool, args)]),
            Script(words("Here you are.")),
            address=address,
        )
        (output,) = [e.json() for e in events if e.name == "tool_output"]
        assert output["name"] == tool
        return dict(output)

    async def book(
        self, session: str, time: str, day: str = DAY, address: str = HOME
    ) -> dict[str, Any]:
        return await self.call(
            session,
            "schedule_appointment",
            address,
            dealership_id="miami",
            date=day,
            time=time,
            car_model="SuperCar GT",
        )

    async def cancel(self, session: str, code: str) -> dict[str, Any]:
        return await self.call(session, "cancel_appointment", confirmation_code=code)

    async def move(self, session: str, code: str, time: str, day: str = DAY) -> dict[str, Any]:
        return await self.call(
            session, "reschedule_appointment", confirmation_code=code, date=day, time=time
        )

    async def booked(self, day: str = DAY) -> set[str]:
        return await self.bookings.booked_times("miami", day)


@asynccontextmanager
async def sandboxes(settings: Settings, fake: FakeGroq, dynamodb: bool) -> AsyncIterator[Sandboxes]:
    apps = [create_app(settings) for _ in range(2 if dynamodb else 1)]
    async with AsyncExitStack() as stack:
        for app in apps:
            await stack.enter_async_context(app.router.lifespan_context(app))
        yield Sandboxes(apps, fake)


@pytest.fixture
def make(
    make_settings: Callable[..., Settings], store_settings: dict[str, str], fake_groq: FakeGroq
) -> Callable[..., Any]:
    def make_(**overrides: Any) -> Any:
        settings = make_settings(**store_settings, **overrides)
        return sandboxes(settings, fake_groq, bool(store_settings))

    return make_


async def test_a_booking_moved_then_cancelled_each_after_the_customers_yes(
    make: Callable[..., Any], fake_groq: FakeGroq
) -> None:
    async with make(max_bookings_per_session=2, max_changes_per_session_per_day=2) as lex:
        booked = await lex.book("buyer", "14:00")
        code = booked["data"]["confirmation_id"]
        assert await lex.booked() == {"14:00"}

        asked = await lex.move("buyer", code, "16:00")
        assert asked["data"]["status"] == "confirm" and not asked["is_error"]
        assert isinstance(asked["output"], str) and asked["output"].startswith("Please confirm")
        # The model read the proposal: nothing changed yet, and what to do next.
        assert "Nothing has changed yet" in fake_groq.requests[-1]["messages"][-1]["content"]
        assert await lex.booked() == {"14:00"}

        moved = await lex.move("buyer", code, "16:00")
        assert moved["data"]["status"] == "rescheduled"
        assert (moved["data"]["new_date"], moved["data"]["new_time"]) == (DAY, "16:00")
        assert await lex.booked() == {"16:00"}  # the old slot is free, the new one taken
        repeat = await lex.move("buyer", code, "16:00")
        assert (repeat["data"], repeat["output"]) == (moved["data"], moved["output"])

        assert (await lex.cancel("buyer", code))["data"]["status"] == "confirm"
        assert await lex.booked() == {"16:00"}
        cancelled = await lex.cancel("buyer", code)
        assert cancelled["data"]["status"] == "cancelled" and cancelled["data"]["time"] == "16:00"
        assert await lex.booked() == set()
        again = await lex.cancel("buyer", code)  # the change limit is spent: a repeat is free
        assert again["data"] == cancelled["data"] and again["output"] == cancelled["output"]

        # The freed slots are anyone's; the cancelled booking gave its session cap back.
        assert not (await lex.book("someone-else", "16:00"))["is_error"]
        for time in ("10:00", "11:00"):
            assert not (await lex.book("buyer", time))["is_error"]
        third = await lex.book("buyer", "12:00")
        assert third["is_error"] and third["data"]["code"] == "booking_cap"
        assert await lex.booked() == {"10:00", "11:00", "16:00"}


async def test_another_sessions_code_is_refused_and_changes_nothing(
    make: Callable[..., Any],
) -> None:
    async with make() as lex:
        code = (await lex.book("owner", "14:00"))["data"]["confirmation_id"]
        for tool in ("cancel", "cancel", "move", "move"):
            if tool == "cancel":
                refused = await lex.cancel("intruder", code)
            else:
                refused = await lex.move("intruder", code, "16:00")
            assert refused["is_error"] and refused["data"]["code"] == "unknown_booking"
            assert "we couldn't find a booking with that code" in refused["output"]
        assert await lex.booked() == {"14:00"}
        # The owner's own booking is untouched: a first cancel only asks.
        assert (await lex.cancel("owner", code))["data"]["status"] == "confirm"


async def test_a_failed_turn_commits_no_proposal_and_changes_no_booking(
    make: Callable[..., Any],
) -> None:
    async with make(max_changes_per_session_per_day=1) as lex:
        code = (await lex.book("buyer", "14:00"))["data"]["confirmation_id"]
        # The model proposes the cancellation, then fails before answering: the turn fails.
        failed = await lex.turn(
            "buyer",
            Script([tool_call("cancel_appointment", {"confirmation_code": code})]),
            Script.http_error(500, "upstream broke"),
        )
        assert [e.name for e in failed][-2:] == ["error", "end"]
        assert await lex.booked() == {"14:00"}
        # So the next call only asks again: the failed turn's proposal was never committed.
        again = await lex.cancel("buyer", code)
        assert again["data"]["status"] == "confirm"
        seen = [m["role"] for m in lex.fake.requests[-2]["messages"]]  # the turn's first request
        assert seen == ["system", "user", "assistant", "tool", "assistant", "user"]
        assert await lex.booked() == {"14:00"}

        # The customer's yes; the cancellation is made and then the model fails. The change
        # stands (like a booking), the turn is not committed, and asking again answers the same
        # without counting a second change (the limit here is one).
        failed = await lex.turn(
            "buyer",
            Script([tool_call("cancel_appointment", {"confirmation_code": code})]),
            Script.http_error(500, "upstream broke"),
        )
        (done,) = [e.json() for e in failed if e.name == "tool_output"]
        assert done["data"]["status"] == "cancelled" and failed[-2].name == "error"
        assert await lex.booked() == set()
        repeat = await lex.cancel("buyer", code)
        assert repeat["data"] == done["data"] and not repeat["is_error"]


async def test_a_move_to_a_slot_taken_before_the_yes_leaves_the_booking_as_it_was(
    make: Callable[..., Any],
) -> None:
    async with make() as lex:
        code = (await lex.book("buyer", "14:00"))["data"]["confirmation_id"]
        assert (await lex.move("buyer", code, "15:00"))["data"]["status"] == "confirm"
        assert not (await lex.book("rival", "15:00"))["is_error"]
        refused = await lex.move("buyer", code, "15:00")
        assert refused["is_error"] and refused["data"]["code"] == "slot_taken"
        assert "15:00" not in refused["data"]["alternatives"]
        assert await lex.booked() == {"14:00", "15:00"}
        found = await lex.bookings.find("buyer", code)
        assert found is not None and (found.time, found.status) == ("14:00", "booked")


async def test_ten_sessions_from_one_address_book_no_more_than_its_daily_cap(
    make: Callable[..., Any],
) -> None:
    async with make(max_bookings_per_client_per_day=3) as lex:
        outputs = [await lex.book(f"visitor-{i}", f"{10 + i}:00") for i in range(10)]
        assert [o["is_error"] for o in outputs] == [False] * 3 + [True] * 7
        assert {o["data"]["code"] for o in outputs[3:]} == {"client_booking_cap"}
        assert await lex.booked() == {"10:00", "11:00", "12:00"}
        # The model was told, in words it can explain.
        assert "today's limit of 3" in lex.fake.requests[-1]["messages"][-1]["content"]
        # Cancelling one gives the address one booking back.
        code = outputs[0]["data"]["confirmation_id"]
        await lex.cancel("visitor-0", code)
        await lex.cancel("visitor-0", code)
        assert not (await lex.book("visitor-3", "13:00"))["is_error"]
        assert (await lex.book("visitor-4", "14:00"))["is_error"]
        # Another address has its own count.
        assert not (await lex.book("neighbour", "15:00", address="198.51.100.9"))["is_error"]
