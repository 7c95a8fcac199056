"""The offline demo model: intents, slots, questions, tool calls, sentences from tool results."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from typing import Any

import pytest

from supercar.agent import Turn
from supercar.events import Chunk, ToolOutput
from supercar.llm.base import Completion, Message, ToolCall
from supercar.llm.offline import OfflineModel
from supercar.llm.offline.reading import AVAILABILITY, BOOKING, WEATHER, detect_intents
from supercar.llm.offline.showrooms import find_places
from supercar.llm.offline.when import find_date, find_time
from supercar.store.memory import MemoryBookingStore
from supercar.tools import default_registry
from supercar.tools.base import ToolContext
from supercar.tools.summaries import error_code, error_sentence

NOW = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)  # a Tuesday; 10:00 in New York
TODAY = NOW.date()
TOOLS = default_registry().schemas


def make_model() -> OfflineModel:
    return OfflineModel(now=lambda: NOW, word_delay=0)


def user(text: str) -> Message:
    return {"role": "user", "content": text}


def convo(*texts: str) -> list[Message]:
    """A system prompt and user messages, with a short assistant reply between them."""
    messages: list[Message] = [{"role": "system", "content": "You are Lex."}]
    for index, text in enumerate(texts):
        if index:
            messages.append({"role": "assistant", "content": "Sure, tell me more."})
        messages.append(user(text))
    return messages


async def collect(
    model: OfflineModel, messages: list[Message], tools: Any = TOOLS
) -> tuple[list[str], Completion]:
    deltas: list[str] = []
    completions: list[Completion] = []
    async for item in model.stream(messages, tools):
        if isinstance(item, str):
            deltas.append(item)
        else:
            completions.append(item)
    assert len(completions) == 1, "exactly one Completion, last"
    return deltas, completions[0]


async def calls_for(*texts: str) -> list[tuple[str, dict[str, Any]]]:
    deltas, completion = await collect(make_model(), convo(*texts))
    assert completion.finish_reason == "tool_calls", "".join(deltas)
    assert all(call.id.startswith("call_offline_") for call in completion.tool_calls)
    return [(call.name, json.loads(call.arguments)) for call in completion.tool_calls]


async def text_for(messages: list[Message], tools: Any = TOOLS) -> str:
    deltas, completion = await collect(make_model(), messages, tools)
    assert completion.tool_calls == []
    assert completion.finish_reason == "stop"
    text = "".join(deltas)
    assert len(text) > 3
    return text


def with_results(
    question: str, *results: tuple[str, dict[str, Any], dict[str, Any]]
) -> list[Message]:
    """A conversation ending with the assistant's tool calls and the tools' JSON data."""
    calls = [
        ToolCall(f"call_{index}", name, json.dumps(args))
        for index, (name, args, _) in enumerate(results)
    ]
    messages = convo(question)
    messages.append(
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [call.as_message_part() for call in calls],
        }
    )
    for call, (_, _, data) in zip(calls, results, strict=True):
        messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(data)})
    return messages


# --- parsing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2026-11-24"),
        ("tomorrow", "2026-11-25"),
        ("the day after tomorrow", "2026-11-26"),
        ("on Friday", "2026-11-27"),
        ("next Friday", "2026-11-27"),
        ("Tuesday", "2026-12-01"),  # the next Tuesday, never today
        ("2026-12-01", "2026-12-01"),
        ("December 1", "2026-12-01"),
        ("Dec 1st", "2026-12-01"),
        ("the 1st of December", "2026-12-01"),
        ("12/1", "2026-12-01"),
        ("Jan 5", "2027-01-05"),  # past this year: next year
        ("in 3 days", "2026-11-27"),
        ("February 30", None),
        ("soon", None),
    ],
)
def test_dates(text: str, expected: str | None) -> None:
    found = find_date(text, TODAY)
    assert (found.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10am", "10:00"),
        ("at 3 pm", "15:00"),
        ("at 9 p.m.", "21:00"),
        ("10:30", "10:30"),
        ("15:00", "15:00"),
        ("tomorrow at 11, the GT", "11:00"),
        ("at 2", "14:00"),
        ("noon", "12:00"),
        ("on 2026-12-01", None),
        ("13pm", None),
        # a time the customer corrects is replaced by the correction
        ("Book 5pm - no wait, 6pm", "18:00"),
        ("at 10am, sorry, I mean 11am", "11:00"),
        ("a las 5, digo, a las 6", "18:00"),
        ("a las 6 de la tarde mejor, a las 4 no llego", "18:00"),
        ("3pm or 4pm", "15:00"),
    ],
)
def test_times(text: str, expected: str | None) -> None:
    assert find_time(text) == expected


def test_intents_and_cities() -> None:
    assert detect_intents("Is it raining in Paris?") == [WEATHER]
    assert detect_intents("book a test drive") == [BOOKING]
    assert detect_intents("what times are available to book tomorrow?") == [AVAILABILITY]
    assert detect_intents("is 11am available? book it") == [BOOKING]
    assert detect_intents("hello there") == []
    assert [m.name for m in find_places("weather in NYC, LA and in Springfield")] == [
        "New York",
        "Los Angeles",
        "Springfield",
    ]
    assert find_places("at 10am in December") == []


# --- planning: tool calls -----------------------------------------------------------------------


async def test_weather_calls_get_weather() -> None:
    assert await calls_for("What's the weather like in Miami today?") == [
        ("get_weather", {"city": "Miami"})
    ]
    assert await calls_for("is it sunny in Reykjavik?") == [("get_weather", {"city": "Reykjavík"})]


@pytest.mark.parametrize(
    ("text", "dealership_id"),
    [
        ("Where is your Chicago showroom?", "chicago"),
        ("What's the address of the Miami showroom?", "miami"),
        ("directions to Beverly Hills please", "los-angeles"),
        ("where are you located in LA?", "los-angeles"),
        ("Is there a showroom in New York?", "manhattan"),
        ("address of los-angeles", "los-angeles"),
    ],
)
async def test_address_by_city_or_name(text: str, dealership_id: str) -> None:
    assert await calls_for(text) == [("get_dealership_address", {"dealership_id": dealership_id})]


async def test_availability_resolves_tomorrow() -> None:
    assert await calls_for("Any availability at the Miami showroom tomorrow?") == [
        ("check_appointment_availability", {"dealership_id": "miami", "date": "2026-11-25"})
    ]


async def test_relative_dates_use_the_showrooms_local_day() -> None:
    # 03:00 UTC on the 25th is still the 24th in Los Angeles.
    late = OfflineModel(now=lambda: datetime(2026, 11, 25, 3, 0, tzinfo=UTC), word_delay=0)
    _, completion = await collect(late, convo("free slots in LA tomorrow?"))
    assert json.loads(completion.tool_calls[0].arguments)["date"] == "2026-11-25"


async def test_booking_with_everything() -> None:
    assert await calls_for("Book a test drive of the Volt in Denver on Dec 1st at 3 pm") == [
        (
            "schedule_appointment",
            {
                "dealership_id": "denver",
                "date": "2026-12-01",
                "time": "15:00",
                "car_model": "SuperCar Volt",
            },
        )
    ]


async def test_parallel_intents_in_one_message() -> None:
    assert await calls_for("weather in Miami and the address of the Chicago showroom") == [
        ("get_weather", {"city": "Miami"}),
        ("get_dealership_address", {"dealership_id": "chicago"}),
    ]
    assert await calls_for("What's the weather in Paris and London?") == [
        ("get_weather", {"city": "Paris"}),
        ("get_weather", {"city": "London"}),
    ]
    assert await calls_for("weather in Chicago and Miami, and where is the Denver showroom") == [
        ("get_weather", {"city": "Chicago"}),
        ("get_weather", {"city": "Miami"}),
        ("get_dealership_address", {"dealership_id": "denver"}),
    ]


async def test_call_ids_are_unique() -> None:
    model = make_model()
    _, first = await collect(model, convo("weather in Miami and Denver"))
    _, second = await collect(model, convo("weather in Miami"))
    ids = [call.id for call in first.tool_calls + second.tool_calls]
    assert len(set(ids)) == 3


# --- planning: questions and memory -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("What's the weather like?", "Which city"),
        ("Where is your showroom?", "Manhattan, Miami, Chicago, Los Angeles or Denver"),
        ("Any free slots tomorrow?", "Which showroom"),
        ("I'd like to book a test drive", "Which showroom"),
    ],
)
async def test_missing_pieces_ask_a_question(text: str, needle: str) -> None:
    answer = await text_for(convo(text))
    assert needle in answer
    assert answer.endswith("?") or answer.endswith(".")


async def test_booking_question_names_only_what_is_missing() -> None:
    answer = await text_for(convo("Book the GT in Miami"))
    assert "Which day" in answer  # one question at a time: the day (the free times follow)
    assert "Which car" not in answer and "Which showroom" not in answer
    assert "SuperCar Miami" in answer and "SuperCar GT" in answer  # what it has so far


async def test_multi_turn_booking_gathers_history() -> None:
    assert await calls_for("I'd like to book a test drive", "Miami, tomorrow at 11, the GT") == [
        (
            "schedule_appointment",
            {
                "dealership_id": "miami",
                "date": "2026-11-25",
                "time": "11:00",
                "car_model": "SuperCar GT",
            },
        )
    ]
    assert await calls_for("book a test drive", "the Volt please", "Denver", "Friday at 2pm") == [
        (
            "schedule_appointment",
            {
                "dealership_id": "denver",
                "date": "2026-11-27",
                "time": "14:00",
                "car_model": "SuperCar Volt",
            },
        )
    ]


async def test_availability_follow_up_and_picking_a_time() -> None:
    assert await calls_for("what times are available tomorrow?", "Miami") == [
        ("check_appointment_availability", {"dealership_id": "miami", "date": "2026-11-25"})
    ]
    assert await calls_for("availability in Miami tomorrow", "11am with the Spyder") == [
        (
            "schedule_appointment",
            {
                "dealership_id": "miami",
                "date": "2026-11-25",
                "time": "11:00",
                "car_model": "SuperCar Spyder",
            },
        )
    ]


_FRIDAY_IN_CHICAGO = {"dealership_id": "chicago", "date": "2026-11-27"}


@pytest.mark.parametrize(
    "text",
    [
        "hmm what about 4 then",
        "is 3 better?",
        "does 2pm suit?",
        "and at noon?",
        "is 11:00 open too?",
        "would 10 be ok",
        "maybe 5 instead",
        "Saturday instead, does 2pm work?",
        "¿qué tal a las 4?",
        "¿y a las 5?",
        "¿las 3 estarían libres?",
    ],
)
async def test_a_question_about_a_time_in_a_booking_checks_that_slot_and_never_books(
    text: str,
) -> None:
    calls = await calls_for("I want to book the Roadster in Chicago on Friday", text)
    assert [name for name, _ in calls] == ["check_appointment_availability"]
    if "Saturday" not in text:
        assert calls[0][1] == _FRIDAY_IN_CHICAGO


@pytest.mark.parametrize(
    "text",
    ["ok lock in 4", "I'll take 4pm", "grab 4pm for me", "book me in at 4", "resérvame las 4"],
)
async def test_an_explicit_request_for_a_time_in_a_booking_books_it(text: str) -> None:
    calls = await calls_for("I want to book the Roadster in Chicago on Friday", text)
    args = {**_FRIDAY_IN_CHICAGO, "time": "16:00", "car_model": "SuperCar Roadster"}
    assert calls == [("schedule_appointment", args)]


async def test_booking_without_time_checks_availability_first() -> None:
    assert await calls_for("book a test drive of the GT in Chicago on Friday") == [
        ("check_appointment_availability", {"dealership_id": "chicago", "date": "2026-11-27"})
    ]


async def test_threads_end_at_other_topics_and_completed_bookings() -> None:
    # A weather question in between ends the booking thread: the showroom is asked again.
    answer = await text_for(convo("book a test drive in Miami", "weather in Denver?", "thanks"))
    assert "welcome" in answer
    # Naming a car continues a booking, but not a search for times: that gets the car's facts.
    answer = await text_for(convo("availability in Miami tomorrow", "Volt"))
    assert "0-60 mph" in answer
    # After a completed booking, its slots are not reused.
    messages = with_results(
        "book the GT in Miami tomorrow at 11",
        (
            "schedule_appointment",
            {},
            {
                "confirmation_id": "SC-1",
                "date": "2026-11-25",
                "time": "11:00",
                "car_model": "SuperCar GT",
                "dealership_name": "SuperCar Miami",
            },
        ),
    )
    messages += [{"role": "assistant", "content": "Booked."}, user("book another test drive")]
    answer = await text_for(messages)
    assert "Which showroom" in answer and "SuperCar Miami" not in answer


# --- answers from tool results ------------------------------------------------------------------


async def test_sentences_from_tool_results() -> None:
    messages = with_results(
        "weather in Miami, address of Miami, times tomorrow",
        (
            "get_weather",
            {"city": "Miami"},
            {"city": "Miami", "temperature_c": 24, "condition": "sunny", "date": "2026-11-24"},
        ),
        (
            "get_dealership_address",
            {"dealership_id": "miami"},
            {
                "id": "miami",
                "name": "SuperCar Miami",
                "address": {
                    "street": "400 Biscayne Blvd",
                    "city": "Miami",
                    "region": "FL",
                    "postal_code": "33132",
                    "country": "US",
                },
                "phone": "+1 (305) 555-0142",
                "hours_summary": "Mon-Sat 10am-8pm, Sun 11am-5pm",
            },
        ),
        (
            "check_appointment_availability",
            {"dealership_id": "miami", "date": "2026-11-25"},
            {
                "availableTimes": ["10:00", "11:00", "12:00"],
                "dealership_id": "miami",
                "date": "2026-11-25",
                "dealership_name": "SuperCar Miami",
            },
        ),
        (
            "schedule_appointment",
            {},
            {
                "confirmation_id": "SC-ABCD1234",
                "dealership_id": "miami",
                "date": "2026-11-25",
                "time": "11:00",
                "car_model": "SuperCar GT",
                "dealership_name": "SuperCar Miami",
            },
        ),
    )
    text = await text_for(messages)
    assert "It's 24°C and sunny in Miami today." in text
    assert "SuperCar Miami is at 400 Biscayne Blvd, Miami, FL 33132." in text
    assert "10:00, 11:00 and 12:00" in text and "Which one suits you?" in text
    assert "You're booked!" in text and "SC-ABCD1234" in text and "SuperCar GT" in text
    assert "offline" not in text


async def test_errors_are_explained() -> None:
    ctx = ToolContext(session_id="s1", bookings=MemoryBookingStore(), now=NOW)
    calls = [
        ("check_appointment_availability", {"dealership_id": "chicago", "date": "2026-11-29"}),
        ("schedule_appointment", json.loads(schedule("2026-11-27", "10:30"))),
        ("get_weather", {"city": "!!"}),
    ]
    results = [
        (name, args, (await default_registry().run(name, json.dumps(args), ctx)).data)
        for name, args in calls
    ]
    text = await text_for(with_results("times in Chicago on Sunday", *results))
    # In customer words, never the tool's machine text; one question (for another day) only.
    assert all(str(data["error"]) not in text for _, _, data in results)
    assert "SuperCar Chicago is closed on Sundays; its hours are Mon-Fri 9am-6pm, Sat" in text
    assert "10:30 on Friday 27 November isn't a test-drive time (they start on the hour" in text
    assert "doesn't look like a city name" in text
    assert text.count("?") == 1 and "Which other day" in text


async def test_results_answer_also_asks_what_is_still_missing() -> None:
    messages = with_results(
        "book a test drive in Miami tomorrow",
        (
            "check_appointment_availability",
            {},
            {
                "availableTimes": ["10:00"],
                "dealership_id": "miami",
                "date": "2026-11-25",
                "dealership_name": "SuperCar Miami",
            },
        ),
    )
    text = await text_for(messages, tools=None)  # also the loop's final no-tools round
    assert "10:00" in text and "which model" in text


# --- words only ---------------------------------------------------------------------------------


async def test_greeting_introduces_lex_and_says_offline() -> None:
    text = await text_for(convo("Hi there!"))
    assert "Lex" in text and "offline demo model" in text
    assert "weather" in text and "book a test drive" in text


async def test_words_answers() -> None:
    assert "0-60 mph in 2.1 s" in await text_for(convo("tell me about the Volt"))
    assert "SuperCar Track R" in await text_for(convo("which models do you have?"))
    assert "Beverly Hills" in await text_for(convo("where are your showrooms?"))
    assert "offline demo model" in await text_for(convo("purple monkey dishwasher"))
    # Tools disabled (the loop's last round): no calls, words instead.
    assert "can't look that up" in await text_for(convo("weather in Miami"), tools=None)


async def test_streams_word_by_word() -> None:
    deltas, completion = await collect(make_model(), convo("hello"))
    text = "".join(deltas)
    assert len(deltas) > 10
    assert all(delta.strip() and delta == delta.lstrip() for delta in deltas)
    assert text == text.strip() and "  " not in text
    assert completion == Completion(finish_reason="stop")


async def test_model_attributes() -> None:
    model = OfflineModel()
    assert (model.backend, model.model_id) == ("offline", "offline-demo")
    await model.aclose()


# --- round trips with the real tools ------------------------------------------------------------


async def test_round_trip_through_the_registry() -> None:
    model, registry = make_model(), default_registry()
    ctx = ToolContext(session_id="s1", bookings=MemoryBookingStore(), now=NOW)
    messages = convo("Book a test drive of the GT at the Miami showroom tomorrow at 11am")
    _, completion = await collect(model, messages)
    messages.append(
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [call.as_message_part() for call in completion.tool_calls],
        }
    )
    for call in completion.tool_calls:
        result = await registry.run(call.name, call.arguments, ctx)
        assert not result.is_error, result.data
        messages.append(
            {"role": "tool", "tool_call_id": call.id, "content": json.dumps(result.data)}
        )
    text = await text_for(messages)
    booked = await ctx.bookings.booked_times("miami", "2026-11-25")
    assert booked == {"11:00"}
    assert "You're booked!" in text and "SuperCar GT" in text and "November 25" in text
    assert result.data["confirmation_id"] in text


async def test_conversation_through_the_turn_loop() -> None:
    model, registry = make_model(), default_registry()
    ctx = ToolContext(session_id="s1", bookings=MemoryBookingStore(), now=NOW)
    history: list[Message] = []

    async def say(query: str) -> tuple[str, list[ToolOutput]]:
        turn = Turn(model, registry, "You are Lex.", history, query, ctx, max_rounds=3)
        events = [event async for event in turn.run()]
        history.extend(turn.messages)
        text = "".join(event.text for event in events if isinstance(event, Chunk))
        return text, [event for event in events if isinstance(event, ToolOutput)]

    text, outputs = await say("I'd like to test drive the Roadster")
    assert outputs == [] and "Which showroom" in text
    text, outputs = await say("Denver, on Friday")
    assert [o.name for o in outputs] == ["check_appointment_availability"]
    assert "09:00" in text and "Which one suits you?" in text
    text, outputs = await say("10am please")
    assert [o.name for o in outputs] == ["schedule_appointment"]
    assert not outputs[0].is_error
    assert outputs[0].data["confirmation_id"] in text
    assert await ctx.bookings.booked_times("denver", date(2026, 11, 27).isoformat()) == {"10:00"}
    text, outputs = await say("What's the weather in Denver and where is the showroom?")
    assert [o.name for o in outputs] == ["get_weather", "get_dealership_address"]
    assert "°C" in text and "1550 Wewatta St" in text


# --- tool refusals in customer words ------------------------------------------------------------


def schedule(day: str, time: str = "11:00", car: str = "SuperCar GT", showroom: str = "chicago"):
    return json.dumps({"dealership_id": showroom, "date": day, "time": time, "car_model": car})


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("arguments", "code", "words"),
    [
        (schedule("2026-11-20"), "past_date", "already passed"),
        (schedule("2027-03-01"), "too_far_ahead", "up to 60 days ahead"),
        (schedule("2026-11-29"), "closed_day", "closed on Sundays"),
        (schedule("2026-11-27", "quarter past"), "invalid_time", "couldn't read that time"),
        (schedule("2026-11-27", "10:30"), "not_bookable_slot", "start on the hour"),
        (schedule("2026-11-27", car="Ferrari"), "unknown_car", "don't offer that car"),
        (schedule("2026-11-27", showroom="boston"), "unknown_dealership", "couldn't find"),
        (schedule("27/11/2026"), "invalid_date", "couldn't read that date"),
    ],
)
async def test_each_refusal_of_the_real_tools_becomes_one_customer_sentence(
    arguments: str, code: str, words: str
) -> None:
    ctx = ToolContext(session_id="s1", bookings=MemoryBookingStore(), now=NOW)
    result = await default_registry().run("schedule_appointment", arguments, ctx)
    assert result.is_error and error_code(result.data) == code
    sentence = error_sentence(result.data)
    assert words in sentence and str(result.data["error"]) not in sentence
    assert "dealership_id" not in sentence and sentence.count("?") <= 1
    # The card's own words, as a sentence of its own: one phrasing of each refusal.
    assert isinstance(result.output, dict)
    card = result.output["message"].removeprefix("Booking failed: ")
    assert sentence.rstrip(".") == card.rstrip(".")


@pytest.mark.anyio
async def test_a_booking_cap_refusal_names_the_drives_already_booked() -> None:
    ctx = ToolContext(
        session_id="s1", bookings=MemoryBookingStore(), now=NOW, max_bookings_per_session=1
    )
    registry = default_registry()
    assert not (await registry.run("schedule_appointment", schedule("2026-11-27"), ctx)).is_error
    refused = await registry.run("schedule_appointment", schedule("2026-11-28"), ctx)
    assert error_code(refused.data) == "booking_cap"
    assert error_sentence(refused.data).startswith(
        "You already have one test drive booked: SuperCar GT at SuperCar Chicago on 2026-11-27 "
        "at 11:00. One conversation can hold at most 1 upcoming test drives;"
    )
    assert error_sentence(refused.data, "es").startswith("Ya tienes una prueba reservada: ")


def test_a_refusal_stored_before_it_carried_its_facts_still_gets_a_sentence() -> None:
    # The offline model rereads a conversation's stored history on every turn.
    old = {"error": "2026-11-20 is in the past.", "code": "past_date"}
    assert error_code(old) == "past_date"
    assert error_sentence(old) == (
        "Sorry, something went wrong with that request; could you put it another way?"
    )


def test_typo_correction_is_not_loaded_until_the_offline_model_reads_a_message() -> None:
    probe = "import sys, supercar.app, supercar.llm.offline;print('rapidfuzz' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"
