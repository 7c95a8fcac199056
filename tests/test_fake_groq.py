"""The fake Groq server speaks the wire format the real ``groq`` SDK parses.

Every test drives the real ``groq.AsyncGroq`` against the fake over loopback HTTP, so a passing
suite means app tests built on the fake exercise the SDK's real SSE decoding and error mapping.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import anyio
import groq
import httpx
import pytest
from groq.types.chat import ChatCompletionMessageParam, ChatCompletionToolParam

from tests.fakes.fake_groq import (
    FakeGroq,
    Script,
    delay,
    drop,
    echo_responder,
    error_event,
    reasoning,
    stall,
    text,
    tool_call,
    validate_messages,
    words,
)

pytestmark = [pytest.mark.timeout(20)]

MODEL = "openai/gpt-oss-20b"
USER: list[ChatCompletionMessageParam] = [{"role": "user", "content": "hi"}]
WEATHER_TOOL: ChatCompletionToolParam = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather for a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}


@pytest.fixture
def fake() -> Iterator[FakeGroq]:
    with FakeGroq() as server:
        yield server


@pytest.fixture
async def client(fake: FakeGroq) -> AsyncIterator[groq.AsyncGroq]:
    async with groq.AsyncGroq(api_key="test-key", base_url=fake.base_url, max_retries=0) as c:
        yield c


async def collect(client: groq.AsyncGroq, **kwargs: Any) -> list[Any]:
    """Stream a completion and return every parsed chunk."""
    kwargs.setdefault("model", MODEL)
    kwargs.setdefault("messages", USER)
    stream = await client.chat.completions.create(stream=True, **kwargs)
    return [chunk async for chunk in stream]


def deltas(chunks: list[Any]) -> list[Any]:
    return [c.choices[0].delta for c in chunks]


async def test_text_deltas_arrive_in_order_with_groq_envelope(
    fake: FakeGroq, client: groq.AsyncGroq
) -> None:
    fake.push(Script([text("Hello"), text(" big"), text(" world")]))
    chunks = await collect(client)

    first, *middle, last = chunks
    assert first.choices[0].delta.role == "assistant"
    assert first.choices[0].delta.content == ""
    assert [d.content for d in deltas(middle)] == ["Hello", " big", " world"]
    assert all(c.object == "chat.completion.chunk" and c.model == MODEL for c in chunks)
    assert len({c.id for c in chunks}) == 1 and first.id.startswith("chatcmpl-")
    assert first.system_fingerprint.startswith("fp_")
    assert last.choices[0].finish_reason == "stop"
    assert last.choices[0].delta.content is None
    assert last.x_groq.id.startswith("req_")
    assert last.x_groq.usage.completion_tokens == 3
    assert last.x_groq.usage.total_tokens > 3


async def test_whole_and_parallel_tool_calls(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    fake.push(
        Script(
            [
                tool_call("get_weather", {"city": "Paris"}, id="call_paris"),
                tool_call("get_weather", {"city": "Rome"}),
                tool_call("list_cars", {}),
            ]
        )
    )
    chunks = await collect(client, tools=[WEATHER_TOOL])

    calls = [tc for d in deltas(chunks) for tc in d.tool_calls or []]
    assert [tc.index for tc in calls] == [0, 1, 2]
    assert calls[0].id == "call_paris"
    # Groq's tool-call ids: "fc_" and a UUID.
    assert re.fullmatch(r"fc_[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", calls[1].id)
    assert calls[1].id != calls[2].id
    assert [tc.function.name for tc in calls] == ["get_weather", "get_weather", "list_cars"]
    assert all(tc.type == "function" for tc in calls)
    assert json.loads(calls[1].function.arguments) == {"city": "Rome"}
    assert chunks[-1].choices[0].finish_reason == "tool_calls"


async def test_fragmented_tool_call(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    args = {"city": "Paris", "units": "metric"}
    fake.push(Script([tool_call("get_weather", args, fragmented=True, fragments=4)]))
    chunks = await collect(client, tools=[WEATHER_TOOL])

    calls = [tc for d in deltas(chunks) for tc in d.tool_calls or []]
    head, *rest = calls
    assert (head.index, head.function.name, head.function.arguments) == (0, "get_weather", "")
    assert head.id.startswith("fc_") and head.type == "function"
    assert len(rest) == 4
    # Continuation chunks carry only the index and an arguments fragment, like Groq/OpenAI.
    assert all(tc.index == 0 and tc.id is None and tc.function.name is None for tc in rest)
    assert json.loads("".join(tc.function.arguments for tc in rest)) == args


async def test_reasoning_deltas_carry_the_analysis_channel_before_the_answer(
    fake: FakeGroq, client: groq.AsyncGroq
) -> None:
    fake.push(Script([reasoning("thinking"), reasoning("..."), text("Answer")]))
    ds = deltas(await collect(client, include_reasoning=True))
    assert [d.reasoning for d in ds[1:3]] == ["thinking", "..."]
    assert all(d.content is None and d.model_extra == {"channel": "analysis"} for d in ds[1:3])
    assert ds[3].content == "Answer"


def test_a_script_with_reasoning_after_the_answer_is_refused() -> None:
    # Groq streams the analysis channel first; a script that does otherwise tests nothing real.
    with pytest.raises(ValueError, match="before any content or tool call"):
        Script([text("Answer"), reasoning("late thought")])
    with pytest.raises(ValueError, match="before any content or tool call"):
        Script([tool_call("get_weather", {}), reasoning("late thought")])


async def test_the_first_chunk_has_the_request_id_and_seed_the_last_the_usage_twice(
    fake: FakeGroq, client: groq.AsyncGroq
) -> None:
    fake.push(Script([reasoning("hm"), text("Hi"), text(" there")]))
    first, *_, last = await collect(client)
    assert first.x_groq is not None and last.x_groq is not None
    assert first.x_groq.id == last.x_groq.id and first.x_groq.id.startswith("req_")
    assert isinstance(first.x_groq.seed, int)  # on the first chunk, as recorded
    assert first.x_groq.usage is None and first.usage is None
    usage = last.x_groq.usage
    assert usage is not None and last.usage == usage  # top level too, unasked
    assert (usage.completion_tokens, usage.total_tokens) == (3, usage.prompt_tokens + 3)
    assert usage.completion_tokens_details.reasoning_tokens == 1  # type: ignore[union-attr]
    timings = (usage.queue_time, usage.prompt_time, usage.completion_time, usage.total_time)
    assert all(isinstance(t, float) and t > 0 for t in timings)
    assert usage.total_time >= usage.completion_time  # type: ignore[operator]


async def test_the_stream_is_text_event_stream_without_a_charset(fake: FakeGroq) -> None:
    async with httpx.AsyncClient(base_url=fake.base_url) as http:
        response = await http.post(
            "/openai/v1/chat/completions",
            json={"model": MODEL, "messages": USER, "stream": True},
            headers={"authorization": "Bearer test-key"},
        )
    assert response.headers["content-type"] == "text/event-stream"
    assert response.text.endswith("data: [DONE]\n\n")


async def test_an_unknown_model_is_404_model_not_found(
    fake: FakeGroq, client: groq.AsyncGroq
) -> None:
    with pytest.raises(groq.NotFoundError) as info:
        await collect(client, model="llama-2-70b-chat")
    assert info.value.status_code == 404
    assert info.value.body == {
        "error": {
            "message": "The model `llama-2-70b-chat` does not exist or you do not have access"
            " to it.",
            "type": "invalid_request_error",
            "code": "model_not_found",
        }
    }
    await collect(client, model="qwen/qwen3-32b")  # a model Groq serves is fine
    assert [r.status for r in fake.requests] == [404, 200]


@pytest.mark.parametrize(
    ("model", "parameters", "refusal"),
    [
        (MODEL, {"reasoning_format": "hidden", "include_reasoning": False}, "mutually exclusive"),
        (MODEL, {"reasoning_format": "hidden"}, "not supported with this model"),
        (MODEL, {"reasoning_effort": "none"}, "reasoning_effort"),
        ("qwen/qwen3-32b", {"reasoning_effort": "low"}, "reasoning_effort"),
        ("llama-3.3-70b-versatile", {"reasoning_format": "hidden"}, "not supported"),
        ("qwen/qwen3-32b", {"reasoning_format": "raw", "tools": [WEATHER_TOOL]}, "tool use"),
    ],
)
async def test_reasoning_parameters_a_model_family_refuses_are_400(
    client: groq.AsyncGroq, model: str, parameters: dict[str, Any], refusal: str
) -> None:
    with pytest.raises(groq.BadRequestError, match=refusal):
        await collect(client, model=model, **parameters)


@pytest.mark.parametrize(
    ("model", "parameters"),
    [
        (MODEL, {"include_reasoning": False, "reasoning_effort": "low"}),
        ("qwen/qwen3-32b", {"reasoning_format": "hidden", "reasoning_effort": "none"}),
        ("qwen/qwen3-32b", {"reasoning_format": "raw"}),
        ("llama-3.3-70b-versatile", {"include_reasoning": False}),
    ],
)
async def test_reasoning_parameters_a_model_family_accepts_stream(
    client: groq.AsyncGroq, model: str, parameters: dict[str, Any]
) -> None:
    assert deltas(await collect(client, model=model, **parameters))[1].content == "Token1"


async def test_http_error_429_is_rate_limit_error(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    fake.push(
        Script.http_error(
            429,
            "Rate limit reached",
            type="tokens",
            code="rate_limit_exceeded",
            headers={"retry-after": "0"},
        )
    )
    with pytest.raises(groq.RateLimitError) as info:
        await collect(client)
    assert info.value.status_code == 429
    assert info.value.response.headers["retry-after"] == "0"
    # The SDK keeps the whole JSON body; Groq's shape is {"error": {...}}.
    assert info.value.body == {
        "error": {"message": "Rate limit reached", "type": "tokens", "code": "rate_limit_exceeded"}
    }


async def test_sdk_retries_consume_queued_scripts(fake: FakeGroq) -> None:
    fake.push(
        Script.http_error(503, "over capacity", headers={"retry-after": "0"}),
        Script([text("recovered")]),
    )
    async with groq.AsyncGroq(api_key="test-key", base_url=fake.base_url, max_retries=1) as c:
        chunks = await collect(c)
    assert deltas(chunks)[1].content == "recovered"
    assert [r.status for r in fake.requests] == [503, 200]


async def test_wrong_api_key_is_authentication_error(fake: FakeGroq) -> None:
    async with groq.AsyncGroq(api_key="nope", base_url=fake.base_url, max_retries=0) as c:
        with pytest.raises(groq.AuthenticationError) as info:
            await collect(c)
    assert info.value.body["error"]["code"] == "invalid_api_key"  # type: ignore[index]
    assert fake.pending == 0 and fake.requests[0].status == 401


async def test_error_event_mid_stream_raises_api_error(
    fake: FakeGroq, client: groq.AsyncGroq
) -> None:
    fake.push(Script([text("partial"), error_event("model overloaded"), text("never sent")]))
    stream = await client.chat.completions.create(model=MODEL, messages=USER, stream=True)
    received = []
    with pytest.raises(groq.APIError, match="model overloaded") as info:
        async for chunk in stream:
            received.append(chunk.choices[0].delta.content)
    assert not isinstance(info.value, groq.APIStatusError)
    assert received == ["", "partial"]


async def test_a_mid_stream_tool_use_failed_is_groqs_error_event_after_the_text(
    fake: FakeGroq,
) -> None:
    failed = error_event(
        "Tool choice is none, but model called a tool",
        code="tool_use_failed",
        failed_generation='{"name": "get_weather"}',
    )
    fake.push(Script([text("Let me"), text(" check"), failed]))
    async with httpx.AsyncClient(base_url=fake.base_url) as http:
        response = await http.post(
            "/openai/v1/chat/completions",
            json={"model": MODEL, "messages": USER, "stream": True},
            headers={"authorization": "Bearer test-key"},
        )
    *streamed, (event, data) = [block.split("\n") for block in response.text.split("\n\n") if block]
    assert [json.loads(s[0][6:])["choices"][0]["delta"].get("content") for s in streamed] == [
        "",
        "Let me",
        " check",
    ]
    assert event == "event: error"  # and no [DONE] after it
    assert json.loads(data.removeprefix("data: ")) == {
        "error": {
            "message": "Tool choice is none, but model called a tool",
            "type": "invalid_request_error",
            "code": "tool_use_failed",
            "failed_generation": '{"name": "get_weather"}',
            "status_code": 400,
        }
    }

    # The real SDK raises it, body and all, after yielding the text.
    fake.push(Script([text("Let me"), failed]))
    async with groq.AsyncGroq(api_key="test-key", base_url=fake.base_url, max_retries=0) as c:
        stream = await c.chat.completions.create(model=MODEL, messages=USER, stream=True)
        received = []
        with pytest.raises(groq.APIError) as info:
            async for chunk in stream:
                received.append(chunk.choices[0].delta.content)
    assert received == ["", "Let me"]
    assert info.value.body["code"] == "tool_use_failed"  # type: ignore[index]
    assert info.value.body["status_code"] == 400  # type: ignore[index]


async def test_drop_raises_httpx_error(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    fake.push(Script([text("partial"), drop()]))
    stream = await client.chat.completions.create(model=MODEL, messages=USER, stream=True)
    received = []
    with pytest.raises(httpx.RemoteProtocolError):
        async for chunk in stream:
            received.append(chunk.choices[0].delta.content)
    assert received == ["", "partial"]
    assert fake.disconnects == 0  # the server closed it: not a client disconnect


async def test_stall_times_out_and_client_close_is_recorded(
    fake: FakeGroq, client: groq.AsyncGroq
) -> None:
    fake.push(Script([text("partial"), stall()]))
    stream = await client.chat.completions.create(
        model=MODEL, messages=USER, stream=True, timeout=0.3
    )
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        async for _ in stream:
            pass
    assert 0.25 < time.monotonic() - started < 5
    await stream.close()
    assert await fake.await_disconnects(1)
    assert fake.active == 0


async def test_client_closing_a_live_stream_is_counted(
    fake: FakeGroq, client: groq.AsyncGroq
) -> None:
    fake.push(Script(words("a b c d e f g h i j"), token_interval=0.1))
    stream = await client.chat.completions.create(model=MODEL, messages=USER, stream=True)
    async for chunk in stream:
        if chunk.choices[0].delta.content == "a":
            break
    assert fake.active == 1
    await stream.close()
    assert await fake.await_disconnects(1, within=2)
    assert fake.active == 0


async def test_orphan_tool_message_is_bad_request(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    fake.push(Script([text("kept for the next valid request")]))
    orphan = [*USER, {"role": "tool", "tool_call_id": "call_x", "content": "{}"}]
    with pytest.raises(groq.BadRequestError) as info:
        await collect(client, messages=orphan)
    error = info.value.body["error"]  # type: ignore[index]
    assert error["type"] == "invalid_request_error" and "call_x" in error["message"]
    assert fake.pending == 1  # rejected requests do not consume scripts


async def test_unknown_property_and_bad_tools_are_rejected(client: groq.AsyncGroq) -> None:
    with pytest.raises(groq.BadRequestError, match="property 'foo' is unsupported"):
        await collect(client, extra_body={"foo": 1})
    with pytest.raises(groq.BadRequestError, match="timestamp"):
        await collect(client, messages=[{"role": "user", "content": "hi", "timestamp": 1}])
    bad_tool = {"type": "function", "function": {"name": "has space"}}
    with pytest.raises(groq.BadRequestError, match=r"tools\.0"):
        await collect(client, tools=[bad_tool])
    with pytest.raises(groq.BadRequestError, match="tool_choice"):
        await collect(client, tool_choice="required")


async def test_requests_are_recorded(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    await collect(client, tools=[WEATHER_TOOL], tool_choice="auto", reasoning_effort="low")
    (req,) = fake.requests
    assert req["model"] == MODEL and req["messages"] == USER and req["stream"] is True
    assert req["tools"] == [WEATHER_TOOL] and req["tool_choice"] == "auto"
    assert req["reasoning_effort"] == "low"
    assert req.headers["authorization"] == "Bearer test-key"
    assert req.path == "/openai/v1/chat/completions" and req.status == 200


async def test_default_responder_and_timing() -> None:
    with FakeGroq(echo_responder(tokens=5, token_interval=0.05)) as fake:
        async with groq.AsyncGroq(api_key="test-key", base_url=fake.base_url) as c:
            stream = await c.chat.completions.create(model=MODEL, messages=USER, stream=True)
            arrivals = []
            async for chunk in stream:
                if chunk.choices[0].delta.content:
                    arrivals.append((time.monotonic(), chunk.choices[0].delta.content))
    assert "".join(t for _, t in arrivals) == "Token1 token2 token3 token4 token5"
    assert arrivals[-1][0] - arrivals[0][0] > 0.15  # 4 gaps of 0.05 s, not one burst


async def test_ttft_and_delay_steps(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    fake.push(Script([text("a"), delay(0.2), text("b")], ttft=0.2))
    started = time.monotonic()
    stream = await client.chat.completions.create(model=MODEL, messages=USER, stream=True)
    times = {}
    async for chunk in stream:
        if chunk.choices[0].delta.content:
            times[chunk.choices[0].delta.content] = time.monotonic() - started
    assert times["a"] >= 0.18 and times["b"] - times["a"] >= 0.18


async def test_non_streaming_completion(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    fake.push(Script([reasoning("r"), text("Hi"), tool_call("get_weather", {"city": "Oslo"})]))
    done = await client.chat.completions.create(model=MODEL, messages=USER, tools=[WEATHER_TOOL])
    choice = done.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert (choice.message.content, choice.message.reasoning) == ("Hi", "r")
    assert choice.message.tool_calls[0].function.name == "get_weather"  # type: ignore[index]


async def test_concurrent_streams_share_the_queue(fake: FakeGroq, client: groq.AsyncGroq) -> None:
    fake.push(*(Script([text(f"scripted{i}")], token_interval=0.01) for i in range(10)))
    results: list[str] = []

    async def one() -> None:
        chunks = await collect(client)
        results.append("".join(d.content or "" for d in deltas(chunks)))

    async with anyio.create_task_group() as tg:
        for _ in range(30):
            tg.start_soon(one)
    assert sorted(r for r in results if r.startswith("scripted")) == sorted(
        f"scripted{i}" for i in range(10)
    )
    assert sum(r.startswith("Token1") for r in results) == 20
    assert len(fake.requests) == 30 and fake.active == 0 and fake.disconnects == 0


# --------------------------------------------------------------------------- validate_messages

CALL = {
    "id": "call_1",
    "type": "function",
    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
}
CALL2 = {**CALL, "id": "call_2"}
TWO_ROUNDS: list[dict[str, Any]] = [
    {"role": "system", "content": "You are Lex."},
    {"role": "user", "content": "Weather in Paris and Rome?"},
    {"role": "assistant", "content": None, "tool_calls": [CALL, CALL2]},
    {"role": "tool", "tool_call_id": "call_2", "content": "sunny"},
    {"role": "tool", "tool_call_id": "call_1", "content": "rainy"},
    {"role": "assistant", "content": "Rainy in Paris, sunny in Rome."},
    {"role": "user", "content": "And Oslo?"},
    {
        "role": "assistant",
        "content": "",
        "reasoning": "look it up",
        "tool_calls": [{**CALL, "id": "call_3"}],
    },
    {"role": "tool", "tool_call_id": "call_3", "content": "snow"},
    {"role": "assistant", "content": "Snow in Oslo."},
]


def test_validate_messages_accepts_two_round_tool_conversation() -> None:
    assert validate_messages(TWO_ROUNDS) is None


def _without(index: int) -> list[dict[str, Any]]:
    return TWO_ROUNDS[:index] + TWO_ROUNDS[index + 1 :]


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        ([], "non-empty"),
        ([{"role": "robot", "content": "x"}], "role"),
        ([*USER, {"role": "tool", "tool_call_id": "call_1", "content": "x"}], "no matching"),
        (_without(3), "call_2"),  # one parallel call left unanswered
        (TWO_ROUNDS[:3], "no tool message"),  # history ends on unanswered calls
        ([*TWO_ROUNDS[:4], TWO_ROUNDS[3]], "twice"),
        ([*TWO_ROUNDS[:3], TWO_ROUNDS[1], *TWO_ROUNDS[3:5]], "before messages.3"),
        ([*USER, {"role": "assistant", "tool_calls": [{**CALL, "type": "fn"}]}], "type"),
        (
            [
                *USER,
                {
                    "role": "assistant",
                    "tool_calls": [{**CALL, "function": {"name": "f", "arguments": {"a": 1}}}],
                },
            ],
            "arguments",
        ),
        (
            [*USER, {"role": "assistant", "tool_calls": [{"id": "c", "type": "function"}]}],
            "function",
        ),
        ([*USER, {"role": "assistant", "tool_calls": [CALL, CALL]}], "unique"),
        ([*USER, {"role": "assistant", "content": None}], "content or tool_calls"),
        ([{"role": "user", "content": "x", "id": 7}], "property 'id'"),
        ([{"role": "user"}], "content"),
    ],
)
def test_validate_messages_rejects_broken_histories(messages: Any, expected: str) -> None:
    problem = validate_messages(messages)
    assert problem is not None and expected in problem


def test_standalone_process_serves_the_echo_responder() -> None:
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.fakes.fake_groq",
            "--port",
            "0",
            "--ttft",
            "0",
            "--token-interval",
            "0",
            "--tokens",
            "3",
        ],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        with groq.Groq(api_key="any", base_url=base_url, max_retries=0) as c:
            stream = c.chat.completions.create(model=MODEL, messages=USER, stream=True)
            content = "".join(ch.choices[0].delta.content or "" for ch in stream)
        assert content == "Token1 token2 token3"
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0
        proc.stdout.close()  # type: ignore[union-attr]
