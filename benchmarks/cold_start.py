"""Cold start: a fresh interpreter per measurement, from before the first import to the app
built, for the service and the baseline; and where the import time goes (`-X importtime`)."""

from __future__ import annotations

import re
import statistics
import subprocess
import time
from typing import Any

from benchmarks.processes import PY, ROOT, pin
from benchmarks.servers import base_env
from benchmarks.stats import ms

SERVICE = "import handler"
_LIFESPAN = """
import asyncio
async def _startup(app):
    async with app.router.lifespan_context(app):
        pass
asyncio.run(_startup(handler.app))"""
CASES = {
    "service": SERVICE,
    "service_lifespan": SERVICE + _LIFESPAN,
    "baseline_libs": "import fastapi, sse_starlette, groq",
    "baseline_app": "import benchmarks.baseline_app",
}
_TIMED = "import time, sys\nt0 = time.perf_counter()\n{code}\nprint(time.perf_counter() - t0)"


def cold_start(runs: int, cpu: int | None) -> dict[str, Any]:
    """Medians over `runs` rounds of every case: in-process time and whole-process time."""
    env = base_env("http://127.0.0.1:9") | {"AWS_DEFAULT_REGION": "us-east-1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    inside: dict[str, list[float]] = {k: [] for k in CASES}
    process: dict[str, list[float]] = {k: [] for k in CASES}
    for _ in range(runs):
        for key, code in CASES.items():
            t0 = time.perf_counter()
            out = _python(["-c", _TIMED.format(code=code)], env, cpu)
            process[key].append(time.perf_counter() - t0)
            if out.returncode != 0:
                raise RuntimeError(f"cold start {key} failed: {out.stderr[-500:]}")
            inside[key].append(float(out.stdout.strip().splitlines()[-1]))
    startup = []
    for _ in range(runs):
        t0 = time.perf_counter()
        _python(["-c", "pass"], env, None).check_returncode()
        startup.append(time.perf_counter() - t0)
    return {
        "service_code": SERVICE,
        "runs": runs,
        **{f"{k}_ms": ms(statistics.median(v)) for k, v in inside.items()},
        **{f"{k}_process_ms": ms(statistics.median(v)) for k, v in process.items()},
        "python_startup_ms": ms(statistics.median(startup)),
        **{f"{k}_importtime": importtime(CASES[k], env) for k in ("service", "baseline_libs")},
    }


def _python(args: list[str], env: dict[str, str], cpu: int | None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PY, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=pin(cpu),
    )


_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def importtime(code: str, env: dict[str, str]) -> dict[str, Any]:
    """The import profile of `python -X importtime -c code`."""
    out = _python(["-X", "importtime", "-c", code], env, None)
    out.check_returncode()
    return parse_importtime(out.stderr)


def parse_importtime(text: str, root: str | None = None) -> dict[str, Any]:
    """Total; self time summed by top-level package (top 10); and the top 10 top-level packages
    by cumulative time (each package's costliest import, with all it imported; these overlap),
    leaving out `root`, the module whose import is the whole start."""
    self_us: dict[str, int] = {}
    cumulative_us: dict[str, int] = {}
    for line in text.splitlines():
        m = _IMPORT_LINE.match(line)
        if not m or m[4] == root:
            continue
        package = m[4].split(".")[0]
        self_us[package] = self_us.get(package, 0) + int(m[1])
        cumulative_us[package] = max(cumulative_us.get(package, 0), int(m[2]))
    return {
        "total_ms": round(sum(self_us.values()) / 1000, 1),
        "by_package_ms": _top(self_us),
        "top_cumulative_ms": _top(cumulative_us),
    }


def _top(us: dict[str, int]) -> list[tuple[str, float]]:
    ranked = sorted(us.items(), key=lambda kv: -kv[1])[:10]
    return [(name, round(value / 1000, 1)) for name, value in ranked]
