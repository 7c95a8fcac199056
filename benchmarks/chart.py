"""docs/benchmarks.png: added latency and server CPU per turn against simultaneous sessions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.targets import LIMIT_MS, worst_p99

COLORS = {"service": "tab:blue", "baseline": "tab:orange"}


def chart(r: dict[str, Any], path: Path) -> bool:
    """Draw the sweep; False (no chart) without a sweep or without matplotlib."""
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
    for name, color in COLORS.items():
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
