"""Streaming as a browser sees it, on a real uvicorn server: text arrives as the model writes it.

These guard the properties performance work could break: text in several events spread over
time (never one burst at the end), no event held back longer than the upstream takes, and the
same text and framing whatever the relay does with coalescing.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from supercar.app import create_app
from supercar.config import Settings
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.helpers import LiveServer, timed_events

INTERVAL = 0.05  # seconds between upstream tokens


async def test_text_arrives_spread_over_time_as_the_upstream_emits_it(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    answer = "One two three four five six seven eight nine ten."
    fake_groq.push(Script(words(answer), token_interval=INTERVAL))
    async with LiveServer(create_app(make_settings())) as server:
        events = await timed_events(server.url, "count")
    chunks = [(t, e) for t, e in events if e.name == "chunk"]
    assert "".join(e.data for _, e in chunks) == answer
    assert len(chunks) >= 5, "text must stream in several events, not one burst"
    spread = chunks[-1][0] - chunks[0][0]
    assert spread >= 0.5 * INTERVAL * 9, f"chunks arrived within {spread:.3f}s"
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(chunks)]
    # No chunk is held back: a gap much larger than the upstream interval would be buffering.
    assert max(gaps) < INTERVAL + 0.5


async def test_a_tool_turn_streams_its_events_in_order_over_a_real_connection(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    fake_groq.push(
        Script([tool_call("get_weather", {"city": "Denver"})]),
        Script(words("Crisp and clear in Denver today."), token_interval=INTERVAL),
    )
    async with LiveServer(create_app(make_settings())) as server:
        events = await timed_events(server.url, "weather")
    assert sse.names([e for _, e in events]) == ["tool_use", "tool_output", "chunk", "end"]


async def test_coalescing_merges_fast_deltas_but_holds_none_longer_than_its_window(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    window, interval, tokens = 0.1, 0.01, 40
    answer = "".join(f" w{n}" for n in range(tokens))
    fake_groq.push(Script(words(answer), token_interval=interval))
    app = create_app(make_settings(coalesce_ms=window * 1000))
    async with LiveServer(app) as server:
        events = await timed_events(server.url, "fast")
    chunks = [(t, e) for t, e in events if e.name == "chunk"]
    assert "".join(e.data for _, e in chunks) == answer  # the text is untouched
    # 40 deltas over ~0.4 s: the first goes alone, the rest travel in a few window-sized groups.
    assert 3 <= len(chunks) <= 12, len(chunks)
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(chunks)]
    assert max(gaps) < window + 0.15, gaps  # nothing held back past its window (plus slack)
    end_at = events[-1][0]
    assert events[-1][1].name == "end" and end_at - chunks[-1][0] < 0.05  # end is not delayed


async def test_with_coalescing_off_every_delta_is_its_own_event(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    answer = "One two three four five six."
    fake_groq.push(Script(words(answer), token_interval=INTERVAL))
    async with LiveServer(create_app(make_settings(coalesce_ms=0))) as server:
        events = await timed_events(server.url, "count")
    chunks = [e for _, e in events if e.name == "chunk"]
    assert [e.data for e in chunks] == ["One", " two", " three", " four", " five", " six."]
