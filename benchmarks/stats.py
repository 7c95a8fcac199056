"""Turn results into figures: percentiles, added latency, streaming fidelity (all in ms)."""

from __future__ import annotations

import math
import re
import statistics
from typing import Any

from benchmarks.client import TurnResult
from benchmarks.scenario import ANSWER_S, INTERVAL, TOKENS, TTFT


def pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p * len(ordered)) - 1))]


def ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 2)


def added_first(results: list[TurnResult]) -> list[float]:
    """Seconds the first text came after the upstream's first token, per successful turn."""
    return [r.first_text - TTFT for r in results if r.ok and r.first_text is not None]


def added_end(results: list[TurnResult]) -> list[float]:
    """Seconds the end came after the upstream's last token, per successful turn."""
    return [r.end - ANSWER_S for r in results if r.ok and r.end is not None]


def mean_text_events(results: list[TurnResult]) -> float | None:
    ok = [r.text_events for r in results if r.ok]
    return round(statistics.mean(ok), 1) if ok else None


def latency_summary(results: list[TurnResult]) -> dict[str, Any]:
    ok = [r for r in results if r.ok]
    first, end = added_first(results), added_end(results)
    errors: dict[str, int] = {}
    for r in results:
        if not r.ok:
            key = re.sub(r"\d+", "N", r.error or "unknown")[:80]
            errors[key] = errors.get(key, 0) + 1
    return {
        "turns": len(results),
        "completed": len(ok),
        "failed": len(results) - len(ok),
        "errors": errors,
        "first_p50_ms": ms(pct(first, 0.5)),
        "first_p99_ms": ms(pct(first, 0.99)),
        "end_p50_ms": ms(pct(end, 0.5)),
        "end_p99_ms": ms(pct(end, 0.99)),
        "text_events_per_turn": mean_text_events(results),
    }


def fidelity(results: list[TurnResult]) -> dict[str, Any]:
    """How the text arrived: gaps between consecutive text events, first-to-last span."""
    ok = [r for r in results if r.ok]
    gaps = [b - a for r in ok for a, b in zip(r.text_times, r.text_times[1:], strict=False)]
    spans = [r.text_times[-1] - r.text_times[0] for r in ok if r.text_times]
    return {
        "upstream_interval_ms": INTERVAL * 1000,
        "upstream_span_ms": (TOKENS - 1) * INTERVAL * 1000,
        "text_events_per_turn": mean_text_events(results),
        "gap_p50_ms": ms(pct(gaps, 0.5)),
        "gap_p90_ms": ms(pct(gaps, 0.9)),
        "gap_max_ms": ms(max(gaps) if gaps else None),
        "span_p50_ms": ms(pct(spans, 0.5)),
    }
