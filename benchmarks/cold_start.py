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
    """`python -X importtime`: total, self time summed by top-level package, and the top-level
    imports by cumulative time."""
    out = _python(["-X", "importtime", "-c", code], env, None)
    out.check_returncode()
    by_package: dict[str, int] = {}
    top_level: list[tuple[int, str]] = []
    for line in out.stderr.splitlines():
        m = _IMPORT_LINE.match(line)
        if not m:
            continue
        self_us, cum_us, indent, module = int(m[1]), int(m[2]), len(m[3]), m[4]
        package = module.split(".")[0]
        by_package[package] = by_package.get(package, 0) + self_us
        if indent <= 1:
            top_level.append((cum_us, module))
    ranked = sorted(by_package.items(), key=lambda kv: -kv[1])[:10]
    return {
        "total_ms": round(sum(by_package.values()) / 1000, 1),
        "by_package_ms": [(p, round(us / 1000, 1)) for p, us in ranked],
        "top_imports_ms": [(m, round(us / 1000, 1)) for us, m in sorted(top_level)[::-1][:8]],
    }
