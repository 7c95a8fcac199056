"""Turn benchmarks/results.json into docs/benchmarks.md, docs/benchmarks.png and a console table.

.venv/bin/python -m benchmarks.report [benchmarks/results.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
CHART = ROOT / "docs" / "benchmarks.png"
LIMIT_MS = 250.0  # the p99 added latency a served session must stay under


def fmt(value: Any, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}{unit}"
    return f"{value}{unit}"


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


def targets(r: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    sweep = r.get("sweep")
    if sweep:
        s_cpu, b_cpu = pooled_cpu(sweep, "service"), pooled_cpu(sweep, "baseline")
        x = ratio(b_cpu, s_cpu)
        rows.append(
            (
                "CPU per turn (all sweep turns pooled), >= 3x lower",
                fmt(s_cpu, " ms"),
                fmt(b_cpu, " ms"),
                fmt(x, "x", 2),
                "met" if x and x >= 3 else "NOT met",
            )
        )
        s_cap, b_cap = capacity(sweep, "service"), capacity(sweep, "baseline")
        x = ratio(s_cap, b_cap)
        rows.append(
            (
                f"sessions served with p99 added < {LIMIT_MS:.0f} ms, >= 3x",
                f"{s_cap}",
                f"{b_cap}",
                fmt(x, "x", 2) if b_cap else "-",
                "met" if (x and x >= 3) or (s_cap and not b_cap) else "NOT met",
            )
        )
    lat = r.get("latency")
    if lat:
        s, b = lat["service"], lat["baseline"]
        streamed = (
            s["fidelity"]["text_events_per_turn"] > 1
            and (s["fidelity"]["span_p50_ms"] or 0) > 0.5 * s["fidelity"]["upstream_span_ms"]
        )
        ok = s["first_p50_ms"] <= b["first_p50_ms"] and streamed
        rows.append(
            (
                "added latency to first text at 1 session (p50), no worse; text streamed",
                fmt(s["first_p50_ms"], " ms"),
                fmt(b["first_p50_ms"], " ms"),
                fmt(ratio(s["first_p50_ms"], b["first_p50_ms"]), "x", 2),
                ("met" if ok else "NOT met") + ("" if streamed else " (not streamed)"),
            )
        )
    cold = r.get("cold_start")
    if cold:
        x = ratio(cold["service_ms"], cold["baseline_libs_ms"])
        rows.append(
            (
                "cold start (import + app) <= baseline libs import + 30%",
                fmt(cold["service_ms"], " ms"),
                fmt(cold["baseline_libs_ms"], " ms"),
                fmt(x, "x", 2),
                "met" if x and x <= 1.3 else "NOT met",
            )
        )
    return rows


def md_table(header: list[str], rows: list[list[str]] | list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def sweep_rows(sweep: list[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for row in sweep:
        for name in ("service", "baseline"):
            x = row[name]
            rows.append(
                [
                    f"{row['sessions']} x {row['turns_per_session']}" if name == "service" else "",
                    name,
                    f"{x['completed']}/{x['turns']}",
                    fmt(x["first_p50_ms"]),
                    fmt(x["first_p99_ms"]),
                    fmt(x["end_p50_ms"]),
                    fmt(x["end_p99_ms"]),
                    fmt(x["cpu_ms_per_turn"], "", 2),
                    fmt(x["server_cpu_util"], "", 2),
                    fmt(x["text_events_per_turn"]),
                    fmt(x["upstream_late_p99_ms"], "", 0),
                ]
            )
    return rows


def chart(r: dict[str, Any], path: Path) -> bool:
    sweep = r.get("sweep")
    if not sweep:
        return False
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is missing: no chart (pip install -r benchmarks/requirements.txt)")
        return False
    levels = [row["sessions"] for row in sweep]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    colors = {"service": "tab:blue", "baseline": "tab:orange"}
    for name, color in colors.items():
        p50 = [row[name]["end_p50_ms"] for row in sweep]
        p99 = [worst_p99(row[name]) for row in sweep]
        ax1.plot(levels, p99, "o-", color=color, label=f"{name} p99")
        ax1.plot(levels, p50, "s--", color=color, alpha=0.6, label=f"{name} p50 (end)")
        cpu = [row[name]["cpu_ms_per_turn"] for row in sweep]
        ax2.plot(levels, cpu, "o-", color=color, label=name)
    ax1.axhline(LIMIT_MS, color="grey", lw=0.8, ls=":")
    ax1.text(levels[0], LIMIT_MS * 1.1, f"{LIMIT_MS:.0f} ms", color="grey", fontsize=8)
    for ax in (ax1, ax2):
        ax.set_xscale("log")
        ax.set_xticks(levels)
        ax.set_xticklabels([str(v) for v in levels], fontsize=7)
        ax.set_xlabel("simultaneous sessions (one worker)")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    ax1.set_yscale("log")
    ax1.set_ylabel("added latency, ms (log)")
    ax1.set_title("Added latency (p99: worse of first text / end)")
    ax2.set_ylabel("server CPU ms per turn")
    ax2.set_ylim(bottom=0)
    ax2.set_title("Server CPU per 40-token turn")
    meta = r.get("meta", {})
    fig.suptitle(
        f"SuperCar service vs minimal relay baseline - {meta.get('date', '')}, "
        f"{meta.get('machine', {}).get('nproc', '?')} cores",
        fontsize=10,
    )
    fig.tight_layout()
    path.parent.mkdir(exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def markdown(r: dict[str, Any], with_chart: bool) -> str:
    meta = r["meta"]
    m = meta["machine"]
    a = meta["answer"]
    out = [
        "# Benchmarks: the service against a minimal relay",
        "",
        "Generated by `make bench` (`benchmarks/run.py`, then `benchmarks/report.py`); do not "
        "edit by hand, re-run instead. How the harness works and where the service's CPU goes: "
        "[benchmarks-profile.md](benchmarks-profile.md).",
        "",
        f"- **Command:** `{meta['command']}` - took {meta['duration_s']:.0f} s, {meta['date']}.",
        f"- **Machine:** {m['nproc']} vCPUs, {m['cpu_model']}, {m['memory']} RAM, Linux "
        f"{m['kernel']}, Python {m['python']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['load_avg_at_start'])}. Shared and noisy: compare "
        "figures within this run only.",
        "- **Processes:** fake Groq (`benchmarks/fake_upstream.py`) and the load client "
        + (
            "pinned to CPU 0; the server under test pinned to CPU 1"
            if meta["pinned"]
            else "unpinned"
        )
        + f". The service runs as `python {meta['service_command']}`, the baseline as "
        "`python -m uvicorn benchmarks.baseline_app:app --no-access-log`; uvicorn's defaults "
        "otherwise (loop and http `auto` = uvloop + httptools), LOG_LEVEL=INFO, memory stores. "
        "They take turns, level by level, never at once; the load client is "
        f"`{meta['client']}` (see benchmarks/client.py).",
        f"- **Answer:** {a['tokens']} tokens, time to first token {a['ttft_ms']:.0f} ms, "
        f"{a['interval_ms']:.0f} ms per token (the upstream needs "
        f"{a['ttft_ms'] + (a['tokens'] - 1) * a['interval_ms']:.0f} ms for the whole answer). "
        "*Added latency* = what the client saw minus that schedule: first text minus "
        f"{a['ttft_ms']:.0f} ms, end minus "
        f"{a['ttft_ms'] + (a['tokens'] - 1) * a['interval_ms']:.0f} ms.",
        "- **Versions:** " + ", ".join(f"{k} {v}" for k, v in meta["versions"].items()) + ".",
        "",
        "## Targets",
        "",
        md_table(["target", "service", "baseline", "ratio", "verdict"], targets(r)),
        "",
    ]
    lat = r.get("latency")
    if lat:
        d = lat["direct"]
        rows = [
            [
                "fake upstream, read directly",
                "-",
                fmt(d["first_p50_ms"]),
                "-",
                fmt(d["end_p50_ms"]),
                "-",
                fmt(d["fidelity"]["text_events_per_turn"]),
                fmt(d["fidelity"]["gap_p50_ms"]),
                fmt(d["fidelity"]["gap_p90_ms"]),
                fmt(d["fidelity"]["gap_max_ms"]),
                fmt(d["fidelity"]["span_p50_ms"]),
                "-",
            ],
        ]
        for name in ("service", "baseline"):
            x = lat[name]
            f = x["fidelity"]
            rows.append(
                [
                    name,
                    f"{x['completed']}/{x['turns']}",
                    fmt(x["first_p50_ms"]),
                    fmt(x["first_p99_ms"]),
                    fmt(x["end_p50_ms"]),
                    fmt(x["end_p99_ms"]),
                    fmt(f["text_events_per_turn"]),
                    fmt(f["gap_p50_ms"]),
                    fmt(f["gap_p90_ms"]),
                    fmt(f["gap_max_ms"]),
                    fmt(f["span_p50_ms"]),
                    fmt(x["cpu_ms_per_turn"], "", 2),
                ]
            )
        out += [
            "## Latency and streaming fidelity, one session",
            "",
            f"{lat['turns']} turns one after the other. Gaps are between consecutive text "
            f"events as the client received them; the upstream sends one token every "
            f"{a['interval_ms']:.0f} ms over {a['interval_ms'] * (a['tokens'] - 1):.0f} ms "
            "(span). A buffering relay would show one event and a span near 0.",
            "",
            md_table(
                [
                    "",
                    "ok",
                    "first p50",
                    "first p99",
                    "end p50",
                    "end p99",
                    "text events/turn",
                    "gap p50",
                    "gap p90",
                    "gap max",
                    "span p50",
                    "CPU ms/turn",
                ],
                rows,
            ),
            "",
            "All times in ms.",
            "",
        ]
    tool = r.get("tool")
    if tool:
        out += [
            "## A tool turn (service only; the baseline has no tools)",
            "",
            f"`{tool['completed']}/{tool['turns']}` turns asking for a showroom address: the "
            "fake answers the first request with one `get_dealership_address` call after the "
            "time to first token, and the follow-up request with the normal 40-token answer. "
            "Medians, ms after the request was sent:",
            "",
            md_table(
                ["event", "service", "upstream alone", "added"],
                [
                    [label, fmt(tool[seen]), fmt(tool[floor]), fmt(_sub(tool[seen], tool[floor]))]
                    for label, seen, floor in (
                        ("tool_use", "tool_use_ms", "upstream_tool_call_ms"),
                        ("tool_output", "tool_output_ms", "upstream_tool_call_ms"),
                        (
                            "first text after the tool",
                            "first_text_after_tool_ms",
                            "upstream_first_text_ms",
                        ),
                        ("end", "end_ms", "upstream_end_ms"),
                    )
                ],
            ),
            "",
        ]
    sweep = r.get("sweep")
    if sweep:
        out += [
            "## Concurrency sweep",
            "",
            "N sessions at once (starts spread over one answer's duration, then each runs its "
            "turns back to back, no think time). Added latency in ms; CPU = the server "
            "process's utime+stime from /proc per completed turn; util = server CPU / wall; "
            "late = how late the fake upstream sent its tokens (p99, ms), a check that the "
            "load generator kept its schedule.",
            "",
        ]
        if with_chart:
            out += ["![added latency and CPU per turn against sessions](benchmarks.png)", ""]
        out += [
            md_table(
                [
                    "sessions x turns",
                    "server",
                    "ok",
                    "first p50",
                    "first p99",
                    "end p50",
                    "end p99",
                    "CPU ms/turn",
                    "util",
                    "text ev/turn",
                    "late",
                ],
                sweep_rows(sweep),
            ),
            "",
        ]
        errors = {
            f"{row['sessions']} {name}": row[name]["errors"]
            for row in sweep
            for name in ("service", "baseline")
            if row[name]["errors"]
        }
        if errors:
            out += ["Failures: " + "; ".join(f"{k}: {v}" for k, v in errors.items()), ""]
    cold = r.get("cold_start")
    if cold:
        out += [
            "## Cold start",
            "",
            f"A fresh `python -c` per measurement, {cold['runs']} runs each, median; time from "
            "before the first import to the app built (what a Lambda init pays on top of the "
            f"interpreter, whose own start-up is {fmt(cold['python_startup_ms'])} ms here). "
            f"Service: `{cold['service_code']}`.",
            "",
            md_table(
                ["what", "import + build, ms", "whole process, ms"],
                [
                    ["service", fmt(cold["service_ms"]), fmt(cold["service_process_ms"])],
                    [
                        "service + lifespan start-up (services built, groq imported)",
                        fmt(cold.get("service_lifespan_ms")),
                        fmt(cold.get("service_lifespan_process_ms")),
                    ],
                    [
                        "baseline: `import fastapi, sse_starlette, groq`",
                        fmt(cold["baseline_libs_ms"]),
                        fmt(cold["baseline_libs_process_ms"]),
                    ],
                    [
                        "baseline app (`benchmarks.baseline_app`)",
                        fmt(cold["baseline_app_ms"]),
                        fmt(cold["baseline_app_process_ms"]),
                    ],
                ],
            ),
            "",
            "Where the service's import time goes (`python -X importtime`, self time summed by "
            "top-level package; one run, so only roughly comparable with the medians above):",
            "",
            md_table(
                ["package", "service ms", "", "baseline libs: package", "ms"],
                _zip_imports(cold["service_importtime"], cold["baseline_libs_importtime"]),
            ),
            "",
        ]
    mem = r.get("memory")
    if mem:
        out += ["## Memory", ""]
        rows = []
        for name in ("service", "baseline"):
            x = mem[name]
            samples = x["rss_mb"]
            rows.append(
                [
                    name,
                    f"{x['sessions']} x {x['turns_per_session']}",
                    f"{x['completed']}/{x['sessions'] * x['turns_per_session']}",
                    fmt(samples[0][1]),
                    fmt(samples[len(samples) // 2][1]),
                    fmt(samples[-1][1]),
                    fmt(x["cpu_ms_per_turn"], "", 2),
                    fmt(x["wall_s"]),
                ]
            )
        out += [
            "Sessions of 10 turns each, 50 sessions at a time, short answers (5 tokens, no "
            "delays) so it stays quick. RSS of the server process from /proc; the baseline "
            "keeps no history, so a shorter run shows its plateau.",
            "",
            md_table(
                [
                    "server",
                    "sessions x turns",
                    "ok",
                    "RSS before, MB",
                    "RSS halfway",
                    "RSS after",
                    "CPU ms/turn (5 tokens)",
                    "wall s",
                ],
                rows,
            ),
            "",
            "Service RSS samples (sessions done, MB): "
            + ", ".join(f"{n}: {v:.1f}" for n, v in mem["service"]["rss_mb"]),
            "",
        ]
    out += [
        "## Reading",
        "",
        *reading(r),
        "",
        "Where the CPU goes and what to change: [benchmarks-profile.md](benchmarks-profile.md) "
        "(py-spy, `python -m benchmarks.profile`).",
        "",
    ]
    return "\n".join(out)


def _sub(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def _zip_imports(s: dict[str, Any], b: dict[str, Any]) -> list[list[str]]:
    rows = []
    sp, bp = s["by_package_ms"], b["by_package_ms"]
    for i in range(max(len(sp), len(bp))):
        left = sp[i] if i < len(sp) else ("", None)
        right = bp[i] if i < len(bp) else ("", None)
        rows.append(
            [
                f"`{left[0]}`" if left[0] else "",
                fmt(left[1]),
                "",
                f"`{right[0]}`" if right[0] else "",
                fmt(right[1]),
            ]
        )
    rows.append(["**total**", fmt(s["total_ms"]), "", "**total**", fmt(b["total_ms"])])
    return rows


def reading(r: dict[str, Any]) -> list[str]:
    """Sentences computed from the figures, so they stay true when the doc is regenerated."""
    lines = []
    for name, _, _, x, verdict in targets(r):
        lines.append(f"- {name}: ratio {x}, **{verdict}**.")
    sweep = r.get("sweep")
    if sweep:
        hi = sweep[-1]
        s, b = hi["service"], hi["baseline"]
        lines.append(
            f"- At {hi['sessions']} sessions the service coalesced text to "
            f"{fmt(s['text_events_per_turn'])} events per turn (baseline "
            f"{fmt(b['text_events_per_turn'])}); CPU per turn falls with load for both, as "
            "more events share each loop iteration and each write."
        )
        late = max(row[n]["upstream_late_p99_ms"] for row in sweep for n in ("service", "baseline"))
        lines.append(
            f"- The fake upstream kept its schedule to within {late:.0f} ms (worst p99 over the "
            "sweep); larger values mean the load generator's core was disturbed and that "
            "level's latencies are inflated for both servers."
        )
    mem = r.get("memory")
    if mem:
        rss = mem["service"]["rss_mb"]
        half = rss[len(rss) // 2][1]
        lines.append(
            f"- Memory: service RSS {rss[0][1]:.1f} -> {half:.1f} (halfway) -> {rss[-1][1]:.1f} "
            "MB over the soak; growth in the second half "
            f"{rss[-1][1] - half:+.1f} MB."
        )
    return lines


def console(r: dict[str, Any]) -> str:
    rows = targets(r)
    width = max(len(row[0]) for row in rows) if rows else 10
    lines = [f"{'target':<{width}}  {'service':>10}  {'baseline':>10}  {'ratio':>7}  verdict"]
    lines += [f"{a:<{width}}  {b:>10}  {c:>10}  {d:>7}  {e}" for a, b, c, d, e in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else ROOT / "benchmarks" / "results.json"
    results = json.loads(path.read_text())
    has_chart = chart(results, CHART)
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(markdown(results, has_chart))
    print(console(results))
    print(
        f"wrote {DOC.relative_to(ROOT)}" + (f" and {CHART.relative_to(ROOT)}" if has_chart else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
