"""What a run was: the command, the machine, the library versions, the answer's schedule."""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

from benchmarks.scenario import INTERVAL, TOKENS, TTFT
from benchmarks.servers import service_command

LIBRARIES = (
    "fastapi",
    "starlette",
    "sse-starlette",
    "uvicorn",
    "uvloop",
    "httptools",
    "groq",
    "httpx",
    "pydantic",
    "orjson",
)


def meta(
    args: argparse.Namespace, pinned: bool, host: dict[str, Any], duration_s: float
) -> dict[str, Any]:
    """`host` is `machine()` taken when the run started (its load average is the start's)."""
    return {
        "command": "make bench" + (" BENCH_ARGS=--quick" if args.quick else ""),
        "quick": args.quick,
        "pinned": pinned,
        "machine": host,
        "versions": {name: version(name) for name in LIBRARIES},
        "answer": {"ttft_ms": TTFT * 1000, "interval_ms": INTERVAL * 1000, "tokens": TOKENS},
        "levels": args.levels,
        "client": args.client,
        "service_command": " ".join(service_command(args.service, 0)[1:]).replace(" 0", " P"),
        "duration_s": round(duration_s, 1),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def machine() -> dict[str, Any]:
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = ""
    with contextlib.suppress(OSError):
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split(":", 1)[1].strip()
    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "memory": mem,
        "python": platform.python_version(),
        "kernel": platform.release(),
        "load_avg_at_start": os.getloadavg(),
    }
