"""Markdown tables from results: a cell formatter, and tables described once as columns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

Row = dict[str, Any]
Column = tuple[str, Callable[[Row], str]]


def fmt(value: Any, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}{unit}"
    return f"{value}{unit}"


def md_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def table(columns: Sequence[Column], rows: Iterable[Row]) -> str:
    return md_table([h for h, _ in columns], [[cell(row) for _, cell in columns] for row in rows])


def col(header: str, key: str, digits: int = 1) -> Column:
    """A column showing `row[key]` (absent: "-")."""
    return header, lambda row: fmt(row.get(key), "", digits)


def ok_col(header: str = "ok") -> Column:
    """completed/turns of a latency summary ("-" for a row that has none)."""
    return header, lambda row: f"{row['completed']}/{row['turns']}" if "completed" in row else "-"


# The added-latency columns every latency summary has (stats.latency_summary).
LATENCY = [
    col("first p50", "first_p50_ms"),
    col("first p99", "first_p99_ms"),
    col("end p50", "end_p50_ms"),
    col("end p99", "end_p99_ms"),
]
CPU = col("CPU ms/turn", "cpu_ms_per_turn", 2)
