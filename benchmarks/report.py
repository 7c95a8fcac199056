"""Turn benchmarks/results.json into docs/benchmarks.md, docs/benchmarks.png and a console table.

.venv/bin/python -m benchmarks.report [benchmarks/results.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from benchmarks import sections
from benchmarks.chart import chart
from benchmarks.targets import targets

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
CHART = ROOT / "docs" / "benchmarks.png"


def markdown(r: dict[str, Any], with_chart: bool) -> str:
    return "\n".join(
        [
            *sections.intro(r),
            *sections.latency(r),
            *sections.tool(r),
            *sections.sweep(r, with_chart),
            *sections.cold_start(r),
            *sections.lambda_start(r),
            *sections.memory(r),
            *sections.reading(r),
        ]
    )


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
