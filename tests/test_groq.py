"""supercar/llm/groq.py: reasoning never reaches a customer, whichever way a model writes it.

`ThinkFilter` is tested on its own at every split point; the rest drives the real SDK (through
`GroqModel`, or the whole app) against the fake Groq server, which refuses reasoning parameters
a model family does not accept, as Groq does.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from supercar.app import create_app
from supercar.config import Settings
from supercar.llm.base import Completion
from supercar.llm.groq import GroqModel, ThinkFilter, model_parameters
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, error_event, reasoning, text
from tests.helpers import asgi_client, ask

pytestmark = [pytest.mark.timeout(30)]


def filtered(parts: list[str]) -> str:
    think = ThinkFilter()
    return "".join(think.feed(part) for part in parts) + think.end()


@pytest.mark.parametrize(
    ("streamed", "shown"),
    [
        ("<think>\nThe user wants red.\n</think>\n\nThe GT comes in red.", "The GT comes in red."),
        ("Sure. <think>check the hours</think>We open at 9.", "Sure. We open at 9."),
        ("<think>a</think>One<think>b</think> two", "One two"),
        ("Let me see <think>the slots are full, so", "Let me see "),  # never closed: dropped
        (
            "Is 3 < 4? And <thin ice>, <b>bold</b>, x <th",
            "Is 3 < 4? And <thin ice>, <b>bold</b>, x <th",
        ),
        ("No tags at all.", "No tags at all."),
    ],
)
def test_think_blocks_are_cut_out_wherever_the_chunks_split(streamed: str, shown: str) -> None:
    # Every way of cutting the text into three chunks, so every split inside either tag.
    for i in range(len(streamed) + 1):
        for j in range(i, len(streamed) + 1):
            assert filtered([streamed[:i], streamed[i:j], streamed[j:]]) == shown, (i, j)
    assert filtered(list(streamed)) == shown  # one character a chunk


def test_only_a_possible_tag_at_a_chunks_end_is_held_back() -> None:
    think = ThinkFilter()
    assert think.feed("Hello there") == "Hello there" and think.idle
    assert think.feed("a < b, and <") == "a < b, and "  # "<" may begin "<think>"
    assert think.feed("b>bold") == "<b>bold" and think.idle
    assert think.feed("x <thin") == "x "
    assert think.feed("g") == "<thing"
    assert think.feed(" <think") == " "
    assert think.end() == "<think"  # the stream ended: a tag never finished is text


def test_reasoning_families_get_the_parameters_groq_documents_for_them() -> None:
    assert model_parameters("openai/gpt-oss-120b") == {
        "include_reasoning": False,
        "reasoning_effort": "low",
    }
    assert model_parameters("qwen/qwen3-32b") == {
        "reasoning_format": "hidden",
        "reasoning_effort": "none",
    }
    assert model_parameters("deepseek-r1-distill-llama-70b") == {"reasoning_format": "hidden"}
    # A model that does not reason refuses `reasoning_format` (400): it gets nothing.
    assert model_parameters("llama-3.3-70b-versatile") == {}


async def stream_text(model: GroqModel) -> tuple[str, Completion]:
    parts: list[str] = []
    completion = Completion()
    async for item in model.stream([{"role": "user", "content": "Hi"}], None):
        if isinstance(item, str):
            parts.append(item)
        else:
            completion = item
    return "".join(parts), completion


async def test_think_tags_split_across_groq_chunks_never_reach_the_text(
    fake_groq: FakeGroq,
) -> None:
    fake_groq.push(
        Script(
            [
                text("<thi"),
                text("nk>The customer"),
                text(" wants Miami.</"),
                text("think>\n"),
                text("\nThe Miami showroom"),
                text(" opens at 9 <"),
                text("3 of us work there."),
            ]
        )
    )
    model = GroqModel("test-key", "llama-3.3-70b-versatile", base_url=fake_groq.base_url)
    try:
        said, completion = await stream_text(model)
    finally:
        await model.aclose()
    assert said == "The Miami showroom opens at 9 <3 of us work there."
    assert completion.finish_reason == "stop" and completion.usage is not None


async def test_an_unclosed_think_block_at_the_end_of_the_stream_is_dropped(
    fake_groq: FakeGroq,
) -> None:
    fake_groq.push(Script([text("One moment. <think>"), text("maybe I should")]))
    model = GroqModel("test-key", "llama-3.3-70b-versatile", base_url=fake_groq.base_url)
    try:
        said, _ = await stream_text(model)
    finally:
        await model.aclose()
    assert said == "One moment. "


@pytest.mark.parametrize(
    "model_id", ["openai/gpt-oss-120b", "qwen/qwen3-32b", "llama-3.3-70b-versatile"]
)
async def test_the_tools_off_request_after_failed_tool_calls_keeps_reasoning_hidden(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq, model_id: str
) -> None:
    bad_call = error_event("Failed to call a function", code="tool_use_failed")
    fake_groq.push(
        *(Script([reasoning("I will call a tool"), bad_call]) for _ in range(3)),
        # Tools off: a family's default reasoning format writes the reasoning into the text.
        Script([text("<think>Tools failed; apologise.</think>\n\nSorry, I could not check.")]),
        Script([text("You're welcome.")]),
    )
    async with asgi_client(create_app(make_settings(groq_model=model_id))) as client:
        events = await ask(client, "Weather in Oslo?")
        assert sse.text_of(events) == "Sorry, I could not check."
        await ask(client, "Thanks")
    *with_tools, tools_off, next_turn = fake_groq.requests
    assert len(with_tools) == 3 and all("tools" in r for r in with_tools)
    assert "tools" not in tools_off
    # Every request, the tools-off one included, asks as the family needs, and the fake (as
    # strict as Groq about each family's reasoning parameters) took them.
    for request in fake_groq.requests:
        assert model_parameters(model_id).items() <= request.items()
        assert request.status == 200
    # The history the next turn sends holds the answer only.
    history = [m["content"] for m in next_turn["messages"][1:]]
    assert history == ["Weather in Oslo?", "Sorry, I could not check.", "Thanks"]
