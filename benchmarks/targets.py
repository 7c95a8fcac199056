"""The issue's targets, judged from results.json: one row (figures, ratio, verdict) each."""

from __future__ import annotations

from typing import Any

from benchmarks.markdown import fmt

LIMIT_MS = 250.0  # the p99 added latency a served session must stay under
Target = tuple[str, str, str, str, str]  # what, service, baseline, ratio, verdict


def ratio(a: float | None, b: float | None) -> float | None:
    if not a or not b:
        return None
    return a / b


def worst_p99(row: dict[str, Any]) -> float | None:
    """A level's p99 added latency: the worse of first text and end of turn; failures fail."""
    if row["failed"] or row["first_p99_ms"] is None:
        return None
    return max(row["first_p99_ms"], row["end_p99_ms"])


def capacity(sweep: list[dict[str, Any]], name: str) -> int:
    """The largest level whose p99 added latency stayed under the limit with no failure.

    Not "every level below it too": on this shared machine a one-session level can catch a
    stall of the host (see the `late` column) and fail on its own."""
    passing = [row["sessions"] for row in sweep if (worst_p99(row[name]) or 1e9) < LIMIT_MS]
    return max(passing, default=0)


def pooled_cpu(sweep: list[dict[str, Any]], name: str) -> float | None:
    """CPU per turn over all sweep levels together (total CPU / total completed turns): one
    level alone is 1-2 s of wall time, too short to be steady on a shared machine."""
    cpu = sum(row[name]["server_cpu_s"] for row in sweep)
    turns = sum(row[name]["completed"] for row in sweep)
    return round(1000 * cpu / turns, 2) if turns else None


def _row(what: str, service: str, baseline: str, x: float | None, met: bool) -> Target:
    return what, service, baseline, fmt(x, "x", 2), "met" if met else "NOT met"


def targets(r: dict[str, Any]) -> list[Target]:
    rows = []
    if sweep := r.get("sweep"):
        s_cpu, b_cpu = pooled_cpu(sweep, "service"), pooled_cpu(sweep, "baseline")
        x = ratio(b_cpu, s_cpu)
        what = "CPU per turn (all sweep turns pooled), >= 3x lower"
        rows.append(_row(what, fmt(s_cpu, " ms"), fmt(b_cpu, " ms"), x, bool(x and x >= 3)))
        s_cap, b_cap = capacity(sweep, "service"), capacity(sweep, "baseline")
        x = ratio(s_cap, b_cap)
        what = f"sessions served with p99 added < {LIMIT_MS:.0f} ms, >= 3x"
        met = bool(x and x >= 3) or bool(s_cap and not b_cap)
        rows.append(_row(what, str(s_cap), str(b_cap), x, met))
    if lat := r.get("latency"):
        s, b = lat["service"], lat["baseline"]
        f = s["fidelity"]
        streamed = (
            f["text_events_per_turn"] > 1 and (f["span_p50_ms"] or 0) > 0.5 * f["upstream_span_ms"]
        )
        what = "added latency to first text at 1 session (p50), no worse; text streamed"
        x = ratio(s["first_p50_ms"], b["first_p50_ms"])
        ok = s["first_p50_ms"] <= b["first_p50_ms"] and streamed
        row = _row(what, fmt(s["first_p50_ms"], " ms"), fmt(b["first_p50_ms"], " ms"), x, ok)
        rows.append(row if streamed else (*row[:4], row[4] + " (not streamed)"))
    if cold := r.get("cold_start"):
        x = ratio(cold["service_ms"], cold["baseline_libs_ms"])
        what = "cold start (import + app) <= baseline libs import + 30%"
        service, baseline = fmt(cold["service_ms"], " ms"), fmt(cold["baseline_libs_ms"], " ms")
        rows.append(_row(what, service, baseline, x, bool(x and x <= 1.3)))
    if start := r.get("lambda_start"):
        figures = start["bytecode"]
        x = figures["service_lambda_x"]
        what = "ready on /health under run.sh, DynamoDB + SSM, <= 1.5x a bare FastAPI app"
        service, bare = fmt(figures["service_lambda_ms"], " ms"), fmt(figures["bare_ms"], " ms")
        rows.append(_row(what, service, bare, x, x <= 1.5))
    return rows
