"""POST /query end to end: the real groq SDK against the scripted fake Groq server."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from supercar.api.query import BODY_ROUTES
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, reasoning, text, tool_call, words
from tests.helpers import ask, post_query


async def test_a_plain_answer_streams_text_then_end(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script(words("Hello! I am Lex, how can I help?")))
    response = await post_query(client, "Hi")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = sse.parse(response.content)
    assert sse.names(events) == ["chunk", "end"]
    assert sse.text_of(events) == "Hello! I am Lex, how can I help?"


async def test_reasoning_is_never_shown_and_not_requested_from_gpt_oss(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([reasoning("secret plan"), text("Sure thing.")]))
    events = await ask(client, "Hi")
    assert "secret" not in sse.text_of(events)
    sent = fake_groq.requests[0]
    assert sent["model"] == "openai/gpt-oss-120b"
    assert sent["include_reasoning"] is False
    assert sent["reasoning_effort"] == "low"
    assert sent["stream"] is True


async def test_a_tool_turn_emits_tool_use_output_then_the_answer(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script([tool_call("get_weather", {"city": "Miami"}, id="call_w")]),
        Script(words("It is lovely in Miami.")),
    )
    events = await ask(client, "Weather in Miami?")
    assert sse.names(events) == ["tool_use", "tool_output", "chunk", "end"]
    assert events[0].data == "get_weather"
    output = events[1].json()
    assert output["name"] == "get_weather"
    assert isinstance(output["output"], str) and "Miami" in output["output"]
    assert output["data"]["city"] == "Miami"
    # The follow-up request carries the call and its result, as Groq requires.
    follow_up = fake_groq.requests[1]["messages"]
    assert follow_up[-2]["tool_calls"][0]["id"] == "call_w"
    assert follow_up[-1]["role"] == "tool" and follow_up[-1]["tool_call_id"] == "call_w"
    assert json.loads(follow_up[-1]["content"]) == output["data"]


async def test_a_call_to_an_unknown_tool_shows_the_client_no_tool_names(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script([tool_call("get_horoscope", {})]), Script([text("I cannot read the stars.")])
    )
    events = await ask(client, "My horoscope?")
    output = next(e for e in events if e.name == "tool_output").json()
    assert output["output"] == "That is not something I can look up."
    told_the_model = fake_groq.requests[1]["messages"][-1]["content"]
    assert "get_weather" in told_the_model and "schedule_appointment" in told_the_model


async def test_fragmented_tool_call_arguments_are_accumulated(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script(
            [
                tool_call(
                    "get_dealership_address",
                    {"dealership_id": "miami"},
                    fragmented=True,
                    fragments=5,
                )
            ]
        ),
        Script(words("Here it is.")),
    )
    events = await ask(client, "Where is the Miami showroom?")
    output = next(e for e in events if e.name == "tool_output").json()
    assert output["is_error"] is False
    assert output["output"].startswith("SuperCar Miami, 400 Biscayne Blvd")


async def test_parallel_calls_are_announced_then_answered_in_call_order(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script(
            [
                tool_call("get_weather", {"city": "Chicago"}, id="c1"),
                tool_call("get_dealership_address", {"dealership_id": "chicago"}, id="c2"),
                tool_call("get_weather", {"city": "Denver"}, id="c3"),
            ]
        ),
        Script(words("Done.")),
    )
    events = await ask(client, "Chicago and Denver please")
    assert [e.name for e in events[:6]] == ["tool_use"] * 3 + ["tool_output"] * 3
    assert [e.json()["tool_call_id"] for e in events[3:6]] == ["c1", "c2", "c3"]
    tool_messages = fake_groq.requests[1]["messages"][-3:]
    assert [m["tool_call_id"] for m in tool_messages] == ["c1", "c2", "c3"]


async def test_a_two_round_tool_loop(client: httpx.AsyncClient, fake_groq: FakeGroq) -> None:
    fake_groq.push(
        Script(
            [
                tool_call(
                    "check_appointment_availability",
                    {"dealership_id": "manhattan", "date": "2099-01-01"},
                )
            ]
        ),
        Script([tool_call("get_dealership_address", {"dealership_id": "manhattan"})]),
        Script(words("All set.")),
    )
    events = await ask(client, "Slots in Manhattan?")
    assert sse.names(events) == ["tool_use", "tool_output"] * 2 + ["chunk", "end"]
    assert len(fake_groq.requests) == 3


async def test_the_second_turn_sends_the_first_turn_in_order(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script([tool_call("get_weather", {"city": "Paris"}, id="call_1")]),
        Script(words("Sunny in Paris.")),
        Script(words("You're welcome.")),
    )
    await ask(client, "Weather in Paris?")
    await ask(client, "Thanks!")
    messages = fake_groq.requests[2]["messages"]
    assert [m["role"] for m in messages] == [
        "system",
        "user",
        "assistant",
        "tool",
        "assistant",
        "user",
    ]
    assert messages[1]["content"] == "Weather in Paris?"
    assert messages[4]["content"] == "Sunny in Paris."
    assert messages[5]["content"] == "Thanks!"


async def test_sessions_are_isolated(client: httpx.AsyncClient, fake_groq: FakeGroq) -> None:
    await ask(client, "I am session A", session_id="a")
    await ask(client, "I am session B", session_id="b")
    messages = fake_groq.requests[1]["messages"]
    assert [m["content"] for m in messages if m["role"] == "user"] == ["I am session B"]


async def test_the_wire_bytes_follow_the_frontend_contract(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script(
            [
                text("Let me check."),
                tool_call(
                    "check_appointment_availability",
                    {"dealership_id": "miami", "date": "2099-01-01"},
                ),
            ]
        ),
        Script(words("Slots:\n- none that day")),
    )
    raw = (await post_query(client, "Slots?")).content
    assert b"\r" not in raw
    assert raw.endswith(b"event: end\ndata: \n\n")
    assert raw.count(b"event: end") == 1
    for block in raw.decode().split("\n\n")[:-1]:
        lines = block.split("\n")
        assert lines[0].startswith("event: ") and lines[1].startswith("data: ")
        if lines[0] in {"event: tool_output", "event: error"}:
            assert len(lines) == 2  # one-line JSON
    events = sse.parse(raw)
    assert len(sse.text_of(events)) > 3
    assert sse.text_of(events) == "Let me check.Slots:\n- none that day"


async def test_an_empty_answer_after_tools_still_says_something(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([tool_call("get_weather", {"city": "Oslo"})]), Script([]))
    events = await ask(client, "Oslo?")
    assert len(sse.text_of(events).strip()) > 3
    assert sse.names(events)[-2:] == ["chunk", "end"]


async def test_the_round_limit_asks_once_more_without_tools(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    loop = Script([tool_call("get_weather", {"city": "Rome"})])
    fake_groq.push(*[loop] * 5, Script(words("Enough weather.")))
    events = await ask(client, "Rome forever")
    assert sse.text_of(events) == "Enough weather."
    assert len(fake_groq.requests) == 6
    assert all("tools" in r for r in fake_groq.requests[:5])
    assert "tools" not in fake_groq.requests[5]


async def test_the_model_cannot_choose_the_booking_user(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script(words("Hi there.")))
    await ask(client, "Hi", session_id="buyer-1")
    schemas = {t["function"]["name"]: t["function"] for t in fake_groq.requests[0]["tools"]}
    assert set(schemas) == {
        "get_weather",
        "get_dealership_address",
        "check_appointment_availability",
        "schedule_appointment",
        "cancel_appointment",
        "reschedule_appointment",
    }
    for name in ("schedule_appointment", "cancel_appointment", "reschedule_appointment"):
        assert "user_id" not in schemas[name]["parameters"]["properties"]
        assert "session_id" not in schemas[name]["parameters"]["properties"]


async def test_a_failed_turn_leaves_the_history_unchanged(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script(words("First answer.")),
        Script.http_error(500, "boom"),
        Script(words("Third answer.")),
    )
    await ask(client, "one")
    failed = await ask(client, "two")
    assert sse.names(failed) == ["chunk", "error", "end"]
    assert failed[1].json()["code"] == "upstream_unavailable"
    await ask(client, "three")
    users = [m["content"] for m in fake_groq.requests[2]["messages"] if m["role"] == "user"]
    assert users == ["one", "three"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ("{not json", 400, "invalid_json"),
        ({"session_id": "s"}, 422, "invalid_request"),
        ({"query": "hi"}, 422, "invalid_request"),
        ({"query": 42, "session_id": "s"}, 422, "invalid_request"),
        ({"query": "   \n ", "session_id": "s"}, 422, "invalid_request"),
        ({"query": "hi", "session_id": ""}, 422, "invalid_request"),
        ({"query": "hi", "session_id": "x" * 129}, 422, "invalid_request"),
        ({"query": "hi", "session_id": "a b/c"}, 422, "invalid_request"),
    ],
)
async def test_bad_requests_get_a_4xx_json_error_and_never_reach_the_model(
    client: httpx.AsyncClient, fake_groq: FakeGroq, body: Any, status: int, code: str
) -> None:
    content = body if isinstance(body, str) else json.dumps(body)
    response = await client.post(
        "/query", content=content, headers={"content-type": "application/json"}
    )
    assert response.status_code == status
    assert response.json()["code"] == code
    assert response.json()["message"]
    assert fake_groq.requests == []


async def test_the_schema_says_a_query_must_hold_text_and_the_route_agrees(
    client: httpx.AsyncClient,
) -> None:
    schema = (await client.get("/openapi.json")).json()["components"]["schemas"]
    pattern = schema["QueryRequest"]["properties"]["query"]["pattern"]
    for query in ["", "   \n ", "\u3000\t", "Hi", "  Is the GT red? "]:
        holds_text = re.search(pattern, query) is not None  # JSON Schema patterns search
        response = await post_query(client, query)
        assert response.status_code == (200 if holds_text else 422), repr(query)
        if not holds_text:
            assert response.json()["code"] == "invalid_request"
            assert response.json()["detail"][0]["loc"] == ["body", "query"]


async def test_unknown_fields_are_ignored(client: httpx.AsyncClient, fake_groq: FakeGroq) -> None:
    response = await client.post("/query", json={"query": "hi", "session_id": "s", "extra": 1})
    assert response.status_code == 200


async def test_cors_preflight_from_the_frontend_origin_succeeds(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/query",
        headers={
            "origin": "http://localhost:3000",
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "http://localhost:3000"


async def test_health_names_the_model_backend(client: httpx.AsyncClient) -> None:
    body = (await client.get("/health")).json()
    assert body["status"] == "ok"
    assert body["model"] == {"backend": "groq", "id": "openai/gpt-oss-120b"}
    assert "test-key" not in json.dumps(body)


async def test_catalogue_endpoints_list_showrooms_and_cars(client: httpx.AsyncClient) -> None:
    showrooms = (await client.get("/dealerships")).json()
    cars = (await client.get("/cars")).json()
    assert len(showrooms) >= 4 and len({s["timezone"] for s in showrooms}) >= 3
    assert {"id", "name", "address", "phone", "hours", "timezone"} <= set(showrooms[0])
    assert cars and "name" in cars[0]


async def test_a_body_that_is_not_json_by_content_type_gets_415(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    response = await client.post(
        "/query",
        content=json.dumps({"query": "hi", "session_id": "s"}),
        headers={"content-type": "text/plain"},
    )
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"
    assert fake_groq.requests == []


async def test_get_on_query_is_405_with_a_json_body(client: httpx.AsyncClient) -> None:
    response = await client.get("/query")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("method", "path", "content_type"),
    [
        ("PUT", "/health", "text/plain"),
        ("PUT", "/health", "application/json"),
        ("POST", "/health", "text/plain"),
        ("PUT", "/query", "text/plain"),
        ("PATCH", "/query", "application/json"),
    ],
)
async def test_a_wrong_method_is_405_whatever_its_body(
    client: httpx.AsyncClient, fake_groq: FakeGroq, method: str, path: str, content_type: str
) -> None:
    response = await client.request(
        method, path, content=b'{"query": "hi"}', headers={"content-type": content_type}
    )
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
    assert fake_groq.requests == []


async def test_every_route_that_reads_a_body_is_guarded(client: httpx.AsyncClient) -> None:
    # The body guard runs before routing, so it is told which routes take a body.
    paths = (await client.get("/openapi.json")).json()["paths"]
    with_a_body = {
        (method.upper(), path)
        for path, operations in paths.items()
        for method, operation in operations.items()
        if "requestBody" in operation
    }
    assert with_a_body == BODY_ROUTES == {("POST", "/query")}


async def test_a_body_over_the_byte_cap_gets_413_before_parsing(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    response = await client.post(
        "/query",
        content=b'{"query": "' + b"x" * 70_000 + b'", "session_id": "s"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["code"] == "body_too_large"
    assert fake_groq.requests == []


async def test_a_very_short_answer_is_extended_past_the_frontends_3_character_floor(
    client: httpx.AsyncClient, fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([text("OK")]))
    events = await ask(client, "Thanks")
    assert sse.text_of(events) == "OK How else can I help?"
