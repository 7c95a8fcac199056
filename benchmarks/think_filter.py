"""What the `<think>` filter costs on the streaming path: the Groq stream parser with and without.

    .venv/bin/python -m benchmarks.think_filter [--streams 200] [--repeats 41]

Drives `GroqModel.stream` (the real code: SSE bytes split, each payload parsed by orjson, deltas
read, text yielded) over the bytes of a realistic Groq stream held in memory, so nothing but the
parser is timed: the client's `post` is replaced by one that returns those bytes, one SSE event
per read, as aiohttp hands them over. Three streams: the benchmark's usual answer (40 text
tokens, `benchmarks.scenario.TOKENS`), a long answer (400 tokens) with a few `<` in it, and a
raw-reasoning answer (a `<think>` block of 150 tokens, then 40 tokens of answer). Each is parsed
with the filter as shipped and with `ThinkFilter` swapped for a pass-through (the per-delta
`"<" in text` test stays in both: it is measured on its own with `timeit`, over such deltas). Runs
alternate between the two, in turn first, so drift on a shared machine falls on both; the figure
is the median of `--repeats` runs of `--streams` streams each, in CPU time (`process_time`: what
other processes on the machine do is not counted).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
import timeit
from collections.abc import AsyncIterator
from contextlib import contextmanager
from typing import Any

from benchmarks.scenario import TOKENS
from supercar.llm import groq as groq_module
from supercar.llm.groq import GroqModel, ThinkFilter

MESSAGES: list[Any] = [{"role": "user", "content": "Tell me about the SuperCar range."}]
WORDS = (
    "The SuperCar GT is our grand tourer: a 4.0 litre twin-turbo V8, 620 horsepower, "
    "0-100 km/h in 3.4 seconds, and room for two and a weekend of luggage. "
).split(" ")


def tokens(n: int, extra: dict[int, str] | None = None) -> list[str]:
    out = [(" " if i else "") + WORDS[i % len(WORDS)] for i in range(n)]
    for index, token in (extra or {}).items():
        out[index] = token
    return out


def sse_stream(texts: list[str]) -> list[bytes]:
    """The SSE events of one Groq stream, shaped as recorded (gpt-oss-120b), one per read."""
    envelope = {
        "id": "chatcmpl-0b76b1ce-aa40-4950-9c90-a167b11d4b09",
        "object": "chat.completion.chunk",
        "created": 1771438842,
        "model": "openai/gpt-oss-120b",
        "system_fingerprint": "fp_e8236260a9",
    }

    def event(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        chunk = envelope | {"choices": [choice]} | extra
        return b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n"

    usage = {"prompt_tokens": 900, "completion_tokens": len(texts), "total_tokens": 940}
    return [
        event({"role": "assistant", "content": ""}, x_groq={"id": "req_01", "seed": 1}),
        *(event({"content": text}) for text in texts),
        event({}, "stop", x_groq={"id": "req_01", "usage": usage}, usage=usage),
        b"data: [DONE]\n\n",
    ]


class _Bytes:
    def __init__(self, events: list[bytes]) -> None:
        self.events = events

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        for data in self.events:
            yield data

    async def aclose(self) -> None:
        pass


class _PassThrough:
    """`ThinkFilter`'s interface, doing nothing: the parser as it was before the filter."""

    idle = True

    def feed(self, text: str) -> str:
        return text

    def end(self) -> str:
        return ""


@contextmanager
def filter_class(cls: type) -> Any:
    saved = groq_module.ThinkFilter
    groq_module.ThinkFilter = cls  # type: ignore[misc, assignment]
    try:
        yield
    finally:
        groq_module.ThinkFilter = saved  # type: ignore[misc]


async def parse_streams(model: GroqModel, events: list[bytes], streams: int) -> tuple[float, str]:
    async def post(*_args: Any, **_kwargs: Any) -> _Bytes:
        return _Bytes(events)

    model._client.post = post  # type: ignore[method-assign, assignment]
    text = ""
    started = time.process_time()
    for _ in range(streams):
        parts = [item async for item in model.stream(MESSAGES, None) if isinstance(item, str)]
        text = "".join(parts)
    return time.process_time() - started, text


def per_delta_ns(statement: str, deltas: list[str], think: ThinkFilter) -> float:
    """CPU per delta of `statement` (about `think` and one delta `d`), loop overhead removed."""
    loop = f"for d in deltas:\n    {statement}"
    empty = "for d in deltas:\n    pass"
    names = {"deltas": deltas, "think": think}
    best = [
        min(timeit.repeat(code, globals=names, number=200, repeat=7, timer=time.process_time))
        for code in (loop, empty)
    ]
    return (best[0] - best[1]) / (200 * len(deltas)) * 1e9


async def main(streams: int, repeats: int) -> None:
    model = GroqModel("bench-key", "openai/gpt-oss-120b", base_url="http://127.0.0.1:9")
    cases = {
        f"usual answer ({TOKENS} tokens)": tokens(TOKENS),
        "long answer (400 tokens, 4 with '<')": tokens(
            400, {50: " <", 120: " 3<4", 250: " <b", 390: " a<"}
        ),
        "raw reasoning (150-token <think> block + 40)": [
            "<think>",
            *tokens(148),
            "</think>\n\n",
            *tokens(40),
        ],
    }
    print(f"{streams} streams per run, median of {repeats} runs; µs per stream (ns per delta)")
    print(f"{'stream':48} {'no filter':>18} {'with filter':>18} {'cost':>16}")
    try:
        for name, texts in cases.items():
            events = sse_stream(texts)
            runs: dict[str, list[float]] = {"off": [], "on": []}
            shown = {}
            order = [("off", _PassThrough), ("on", ThinkFilter)]
            for _ in range(repeats):
                order.reverse()  # neither variant always runs first
                for key, cls in order:
                    with filter_class(cls):
                        elapsed, shown[key] = await parse_streams(model, events, streams)
                    runs[key].append(elapsed / streams)
            off, on = (statistics.median(runs[k]) * 1e6 for k in ("off", "on"))
            n = len(texts)
            cost = f"{on - off:+.2f} µs ({(on - off) / off:+.1%})"
            print(
                f"{name:48} {off:8.1f} ({off / n * 1e3:5.0f} ns) "
                f"{on:8.1f} ({on / n * 1e3:5.0f} ns) {cost:>16}"
            )
            assert "<think>" not in shown["on"] and shown["off"] == "".join(texts)
    finally:
        await model.aclose()
    deltas = tokens(400)
    test = per_delta_ns('not think.idle or "<" in d', deltas, ThinkFilter())
    feed = per_delta_ns("think.feed(d)", deltas, ThinkFilter())
    print(
        f"per plain-text delta: the parser's test {test:.0f} ns, "
        f"ThinkFilter.feed (run only after a '<' or inside a block) {feed:.0f} ns"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=41)
    args = parser.parse_args()
    asyncio.run(main(args.streams, args.repeats))
