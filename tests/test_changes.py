"""Cancelling and moving a test drive (supercar/tools/changes.py), tool by tool.

A `Chat` stands for the conversation layer: each call is one turn, committed to a history the way
`supercar.conversation` commits it (the assistant's tool call, then the tool's message as
`agent.tool_message` writes it), and each turn's `ToolContext.proposals` is read from the
committed history with the same `proposals` function the server uses. The stores are in memory;
tests/test_changes_api.py runs the same flows through /query on both stores.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import pytest

from supercar.agent import tool_message
from supercar.language import Language
from supercar.limits import Limits
from supercar.llm.base import Message, ToolCall
from supercar.store.memory import MemoryBookingStore, MemoryCounters
from supercar.tools import ToolContext, ToolRegistry, ToolResult, default_registry
from supercar.tools.base import Proposal
from supercar.tools.changes import proposals

# Monday 2026-06-15, 12:30 in Miami (America/New_York).
NOW = datetime(2026, 6, 15, 16, 30, tzinfo=UTC)
TUESDAY, FRIDAY = "2026-06-16", "2026-06-19"
CODE_RE = re.compile(r"SC-[0-9A-F]{8}")


@dataclass
class Chat:
    """One session's turns, each committed (or not) as the server would."""

    bookings: MemoryBookingStore
    session_id: str = "s1"
    limits: Limits | None = None
    client: str = "client-a"
    client_cap: int = 0
    now: datetime = NOW
    language: Language = "en"
    history: list[Message] = field(default_factory=list)
    registry: ToolRegistry = field(default_factory=default_registry)

    def ctx(self) -> ToolContext:
        return ToolContext(
            session_id=self.session_id,
            bookings=self.bookings,
            now=self.now,
            max_bookings_per_session=2,
            client=self.client,
            max_bookings_per_client_per_day=self.client_cap,
            changes=self.limits,
            proposals=proposals(self.history),
            language=self.language,
        )

    async def turn(self, tool: str, commit: bool = True, **args: str) -> ToolResult:
        call = ToolCall(f"call_{len(self.history)}", tool, json.dumps(args))
        result = await self.registry.run(tool, call.arguments, self.ctx())
        if commit:
            self.history += [
                {"role": "user", "content": "..."},
                {"role": "assistant", "content": None, "tool_calls": [call.as_message_part()]},
                tool_message(call, result),
                {"role": "assistant", "content": "..."},
            ]
        return result

    async def book(self, time: str = "14:00", day: str = FRIDAY) -> str:
        result = await self.turn(
            "schedule_appointment",
            dealership_id="miami",
            date=day,
            time=time,
            car_model="SuperCar GT",
        )
        assert not result.is_error, result.data
        return str(result.data["confirmation_id"])

    async def cancel(self, code: str, commit: bool = True) -> ToolResult:
        return await self.turn("cancel_appointment", commit, confirmation_code=code)

    async def move(
        self, code: str, time: str, day: str = FRIDAY, commit: bool = True
    ) -> ToolResult:
        return await self.turn(
            "reschedule_appointment", commit, confirmation_code=code, date=day, time=time
        )


@pytest.fixture
def bookings() -> MemoryBookingStore:
    return MemoryBookingStore()


def limits(changes_per_day: int) -> Limits:
    return Limits(MemoryCounters(), 0, 0, 0, changes_per_day=changes_per_day)


async def booked(bookings: MemoryBookingStore, day: str = FRIDAY) -> set[str]:
    return await bookings.booked_times("miami", day)


def assert_plain_sentence(output: object) -> str:
    """What the SuperCar page's card for an unknown tool shows well: one line of customer
    words (it prints a string as it is, anything else as indented JSON)."""
    assert isinstance(output, str), output
    assert "\n" not in output and output.strip() == output and output.endswith((".", "?"))
    assert not re.search(r"[{}\[\]]|None|null|undefined|_id|\d{4}-\d{2}-\d{2}|YYYY", output)
    return output


# --- cancelling ----------------------------------------------------------------------------


async def test_the_first_cancel_only_asks_and_changes_nothing(
    bookings: MemoryBookingStore,
) -> None:
    chat = Chat(bookings)
    code = await chat.book()
    asked = await chat.cancel(code)
    assert not asked.is_error
    assert asked.data == {
        "status": "confirm",
        "confirmation_id": code,
        "dealership_id": "miami",
        "dealership_name": "SuperCar Miami",
        "date": FRIDAY,
        "time": "14:00",
        "car_model": "SuperCar GT",
        "note": asked.data["note"],
    }
    assert "Nothing has changed yet" in asked.data["note"]
    assert assert_plain_sentence(asked.output) == (
        "Please confirm: cancel your SuperCar GT test drive at SuperCar Miami on Friday 19 June "
        f"at 14:00 ({code})? Nothing has changed yet."
    )
    assert await booked(bookings) == {"14:00"}


async def test_the_same_cancel_in_a_later_turn_cancels_and_a_repeat_answers_the_same(
    bookings: MemoryBookingStore,
) -> None:
    chat = Chat(bookings, limits=limits(1))
    code = await chat.book()
    await chat.cancel(code)
    done = await chat.cancel(code.lower())  # the code as a customer might type it
    assert not done.is_error and done.data["status"] == "cancelled"
    assert assert_plain_sentence(done.output) == (
        f"Cancelled: your SuperCar GT test drive at SuperCar Miami on Friday 19 June at 14:00 "
        f"({code})."
    )
    assert await booked(bookings) == set()  # free at once
    again = await chat.cancel(code)  # the change limit is 1: a repeat counts nothing
    assert again == done
    other = Chat(bookings, session_id="s2")
    assert not (await other.book()).startswith("x")  # another customer books the freed slot


async def test_a_proposal_only_holds_for_the_same_call_in_a_later_turn(
    bookings: MemoryBookingStore,
) -> None:
    chat = Chat(bookings)
    code = await chat.book()
    # Proposed and confirmed within one turn: nothing is committed in between, so it only asks.
    first = await chat.cancel(code, commit=False)
    second = await chat.cancel(code, commit=False)
    assert first.data["status"] == second.data["status"] == "confirm"
    # A move's proposal does not confirm a cancellation, nor a move elsewhere.
    await chat.move(code, "16:00")
    assert (await chat.cancel(code)).data["status"] == "confirm"
    assert (await chat.move(code, "17:00")).data["status"] == "confirm"
    # Only the latest proposal for a code counts: the cancellation asked about before is gone.
    assert (await chat.move(code, "16:00")).data["status"] == "confirm"
    assert await booked(bookings) == {"14:00"}
    assert (await chat.move(code, "16:00")).data["status"] == "rescheduled"
    assert await booked(bookings) == {"16:00"}


async def test_a_code_of_another_session_gets_the_same_words_as_a_made_up_one(
    bookings: MemoryBookingStore,
) -> None:
    theirs = await Chat(bookings, session_id="victim").book()
    chat = Chat(bookings, session_id="guesser")
    answers = []
    for code in (theirs, "SC-00000000"):
        await chat.cancel(code)
        refused = await chat.cancel(code)  # a second turn does not help
        moved = await chat.move(code, "16:00")
        for result in (refused, moved):
            assert result.is_error and result.data["code"] == "unknown_booking"
            assert "this conversation" in result.data["error"]
        answers.append(
            (refused.output, moved.output, refused.data["error"].replace(code, "<code>"))
        )
    assert answers[0] == answers[1]
    assert answers[0][0] == (
        "Not cancelled: we couldn't find a booking with that code in this conversation."
    )
    assert await booked(bookings) == {"14:00"}


async def test_a_test_drive_that_has_started_cannot_be_changed(
    bookings: MemoryBookingStore,
) -> None:
    chat = Chat(bookings)
    code = await chat.book("13:00", day="2026-06-15")  # today, 13:00 in Miami
    await chat.cancel(code)
    chat.now = datetime(2026, 6, 15, 17, 5, tzinfo=UTC)  # 13:05 there
    late = await chat.cancel(code)
    assert late.is_error and late.data["code"] == "past_date"
    assert assert_plain_sentence(late.output) == (
        "Not cancelled: That has already passed; today is Monday 15 June."
    )
    assert await booked(bookings, "2026-06-15") == {"13:00"}


# --- moving --------------------------------------------------------------------------------


async def test_a_move_asks_with_the_new_slot_checked_free_then_moves_and_repeats_the_same(
    bookings: MemoryBookingStore,
) -> None:
    chat = Chat(bookings, limits=limits(1))
    code = await chat.book()
    asked = await chat.move(code, "9:00", day="2026-06-20")  # Saturday; 09:00 is before opening
    assert asked.is_error and asked.data["code"] == "not_bookable_slot"
    asked = await chat.move(code, "11:00", day="2026-06-20")
    assert asked.data["status"] == "confirm"
    assert (asked.data["new_date"], asked.data["new_time"]) == ("2026-06-20", "11:00")
    assert (asked.data["date"], asked.data["time"]) == (FRIDAY, "14:00")
    assert assert_plain_sentence(asked.output) == (
        "Please confirm: move your SuperCar GT test drive at SuperCar Miami from Friday 19 June "
        f"at 14:00 to Saturday 20 June at 11:00 ({code})? Nothing has changed yet."
    )
    assert await booked(bookings) == {"14:00"}

    moved = await chat.move(code, "11:00", day="2026-06-20")
    assert not moved.is_error
    assert {k: v for k, v in moved.data.items() if k != "dealership_name"} == {
        "status": "rescheduled",
        "confirmation_id": code,
        "dealership_id": "miami",
        "date": FRIDAY,
        "time": "14:00",
        "new_date": "2026-06-20",
        "new_time": "11:00",
        "car_model": "SuperCar GT",
    }
    assert assert_plain_sentence(moved.output) == (
        "Moved: your SuperCar GT test drive at SuperCar Miami is now on Saturday 20 June at "
        f"11:00 (it was Friday 19 June at 14:00), confirmation {code}."
    )
    assert await booked(bookings) == set()
    assert await booked(bookings, "2026-06-20") == {"11:00"}
    assert await chat.move(code, "11:00", day="2026-06-20") == moved  # counted once
    # The moved booking keeps its code: it can be cancelled by it (the one change is spent).
    await chat.cancel(code)
    spent = await chat.cancel(code)
    assert spent.is_error and spent.data["code"] == "change_limit"
    assert await booked(bookings, "2026-06-20") == {"11:00"}


async def test_a_taken_new_slot_is_refused_when_asked_and_when_confirmed(
    bookings: MemoryBookingStore,
) -> None:
    chat, other = Chat(bookings), Chat(bookings, session_id="s2")
    code = await chat.book()
    await other.book("15:00")
    taken = await chat.move(code, "15:00")
    assert taken.is_error and taken.data["code"] == "slot_taken"
    assert "15:00" not in taken.data["alternatives"] and "16:00" in taken.data["alternatives"]
    assert assert_plain_sentence(taken.output).startswith(
        "Not moved: 15:00 on Friday 19 June is already taken; free times that day: 10:00, 11:00"
    )
    await chat.move(code, "16:00")  # free when asked...
    await other.book("16:00")  # ...taken before the customer says yes
    late = await chat.move(code, "16:00")
    assert late.is_error and late.data["code"] == "slot_taken"
    assert "was just taken" in late.data["error"] and "not moved" in late.data["error"]
    assert await booked(bookings) == {"14:00", "15:00", "16:00"}
    assert (await bookings.find("s1", code)).time == "14:00"  # type: ignore[union-attr]


async def test_a_cancelled_booking_cannot_be_moved_and_a_booking_is_not_moved_onto_itself(
    bookings: MemoryBookingStore,
) -> None:
    chat = Chat(bookings)
    code = await chat.book()
    same = await chat.move(code, "14:00")
    assert same.is_error and same.data["code"] == "same_slot"
    await chat.cancel(code)
    await chat.cancel(code)
    gone = await chat.move(code, "16:00")
    assert gone.is_error and gone.data["code"] == "booking_cancelled"
    assert assert_plain_sentence(gone.output) == (
        "Not moved: that test drive was cancelled; we can book a new one."
    )
    assert await booked(bookings) == set()


async def test_each_session_changes_bookings_only_so_often_a_day(
    bookings: MemoryBookingStore,
) -> None:
    chat = Chat(bookings, limits=limits(2))
    code = await chat.book()
    for time in ("15:00", "16:00"):
        await chat.move(code, time)
        assert (await chat.move(code, time)).data["status"] == "rescheduled"
    await chat.move(code, "17:00")
    refused = await chat.move(code, "17:00")
    assert refused.is_error and refused.data["code"] == "change_limit"
    assert assert_plain_sentence(refused.output) == (
        "Not moved: this conversation can't change more bookings today; please call the showroom."
    )
    assert await booked(bookings) == {"16:00"}
    # Another session has its own allowance.
    other = Chat(bookings, session_id="s2", limits=chat.limits)
    theirs = await other.book("10:00")
    await other.cancel(theirs)
    assert (await other.cancel(theirs)).data["status"] == "cancelled"


async def test_the_cards_speak_the_customers_language_and_data_stays_the_same(
    bookings: MemoryBookingStore,
) -> None:
    chat = Chat(bookings, language="es")
    code = await chat.book()
    move = await chat.move(code, "16:00")
    moved = await chat.move(code, "16:00")
    asked = await chat.cancel(code)
    cancelled = await chat.cancel(code)
    refused = await chat.move(code, "17:00")
    assert [assert_plain_sentence(r.output) for r in (move, moved, asked, cancelled, refused)] == [
        "Confirma, por favor: ¿cambiamos tu prueba de manejo del SuperCar GT en SuperCar Miami "
        f"del viernes 19 de junio a las 14:00 al viernes 19 de junio a las 16:00 ({code})? Aún "
        "no ha cambiado nada.",
        "Cambiada: tu prueba de manejo del SuperCar GT en SuperCar Miami es ahora el viernes 19 "
        f"de junio a las 16:00 (antes el viernes 19 de junio a las 14:00), confirmación {code}.",
        "Confirma, por favor: ¿cancelamos tu prueba de manejo del SuperCar GT en SuperCar Miami "
        f"del viernes 19 de junio a las 16:00 ({code})? Aún no ha cambiado nada.",
        "Cancelada: tu prueba de manejo del SuperCar GT en SuperCar Miami del viernes 19 de "
        f"junio a las 16:00 ({code}).",
        "No cambiada: esa prueba de manejo se canceló; podemos reservar otra.",
    ]
    # What the model and API clients read does not depend on the language.
    assert moved.data["status"] == "rescheduled" and cancelled.data["status"] == "cancelled"
    assert refused.data["code"] == "booking_cancelled" and "cancelled" in refused.data["error"]


# --- the caps ------------------------------------------------------------------------------


async def test_cancelling_gives_back_the_sessions_cap(bookings: MemoryBookingStore) -> None:
    chat = Chat(bookings)
    first = await chat.book("10:00")
    await chat.book("11:00")
    third = await chat.turn(
        "schedule_appointment",
        dealership_id="miami",
        date=FRIDAY,
        time="12:00",
        car_model="SuperCar GT",
    )
    assert third.is_error and third.data["code"] == "booking_cap"
    assert "cancel one of them first" in third.data["error"]
    await chat.cancel(first)
    await chat.cancel(first)
    assert CODE_RE.fullmatch(await chat.book("12:00"))


async def test_one_client_address_books_no_more_than_its_daily_cap_across_sessions(
    bookings: MemoryBookingStore,
) -> None:
    chats = [Chat(bookings, session_id=f"s{i}", client_cap=3) for i in range(10)]
    results = [
        await chat.turn(
            "schedule_appointment",
            dealership_id="miami",
            date=FRIDAY,
            time=f"{10 + i}:00",
            car_model="SuperCar GT",
        )
        for i, chat in enumerate(chats)
    ]
    assert [r.is_error for r in results] == [False] * 3 + [True] * 7
    refused = results[3]
    assert {r.data["code"] for r in results[3:]} == {"client_booking_cap"}
    assert isinstance(refused.output, dict)
    assert refused.output["confirmationId"] == "" and refused.output["message"] == (
        "Booking failed: we can't take more test-drive bookings from your connection today; "
        "please call the showroom"
    )
    assert "client_day" not in results[0].data  # the counter's key is the store's business
    assert await booked(bookings) == {"10:00", "11:00", "12:00"}
    # Another address is not held back; a cancellation gives one back to this one.
    elsewhere = Chat(bookings, session_id="s-b", client="client-b", client_cap=3)
    assert CODE_RE.fullmatch(await elsewhere.book("18:00"))
    code = str(results[0].data["confirmation_id"])
    await chats[0].cancel(code)
    await chats[0].cancel(code)
    assert CODE_RE.fullmatch(await chats[5].book("15:00"))


# --- what the conversation layer reads -----------------------------------------------------


def test_proposals_are_read_from_the_change_tools_results_only() -> None:
    confirm = {"status": "confirm", "confirmation_id": "SC-1", "new_date": "", "new_time": ""}
    history: list[Message] = [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "a",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": "{}"},
                },
                {
                    "id": "b",
                    "type": "function",
                    "function": {"name": "cancel_appointment", "arguments": "{}"},
                },
                {
                    "id": "c",
                    "type": "function",
                    "function": {"name": "reschedule_appointment", "arguments": "{}"},
                },
            ],
        },
        {"role": "tool", "tool_call_id": "a", "content": json.dumps({**confirm, "x": 1})},
        {"role": "tool", "tool_call_id": "b", "content": json.dumps(confirm)},
        {"role": "tool", "tool_call_id": "c", "content": '{"status": "confirm", ...[truncated]'},
        {"role": "user", "content": json.dumps({**confirm, "confirmation_id": "SC-2"})},
    ]
    assert proposals(history) == {"SC-1": Proposal("cancel_appointment", "SC-1")}


async def test_every_change_card_is_one_plain_sentence(bookings: MemoryBookingStore) -> None:
    # The registry's own failures, in the cards' words too.
    registry = default_registry()
    ctx = Chat(bookings).ctx()
    for name in ("cancel_appointment", "reschedule_appointment"):
        garbled = await registry.run(name, "not json", ctx)
        missing = await registry.run(name, "{}", ctx)
        for result in (garbled, missing):
            assert result.is_error and result.data["code"] == "invalid_arguments"
            assert assert_plain_sentence(result.output).endswith(": the request could not be read.")
    slow = replace(registry.tools["cancel_appointment"], run=_never_answers)
    timed = await ToolRegistry([slow], timeout_seconds=0.01).run(
        "cancel_appointment", '{"confirmation_code": "SC-1"}', ctx
    )
    assert timed.output == "Not cancelled: the service took too long to answer."


async def _never_answers(args: Any, ctx: ToolContext) -> ToolResult:
    import asyncio

    await asyncio.Event().wait()
    raise AssertionError("unreachable")
