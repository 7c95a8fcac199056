"""Run the whole benchmark: service vs a minimal relay baseline, beside a timed fake Groq.

    .venv/bin/python -m benchmarks.run            # full run (~3-5 minutes), writes docs/
    .venv/bin/python -m benchmarks.run --quick    # smaller sweep and soak (~1-2 minutes)

Processes, all on loopback, each its own PID so /proc CPU figures are per server:
- the fake upstream (`benchmarks.fake_upstream`), pinned with this client to CPU 0;
- the service, exactly as `python -m supercar` starts it, pinned to CPU 1;
- the baseline (`uvicorn benchmarks.baseline_app:app`, uvicorn's defaults), pinned to CPU 1.
The two servers run their phases one after the other, level by level, never at the same time.
Results go to benchmarks/results.json; `benchmarks.report` turns them into docs/benchmarks.md
and docs/benchmarks.png.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from benchmarks import report
from benchmarks.client import (
    Client,
    RawPool,
    TurnResult,
    make_client,
    run_pool,
    run_sessions,
    run_turn,
    stream_direct,
)

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")
RESULTS = ROOT / "benchmarks" / "results.json"

# The answer used for latency, fidelity and the sweep.
TTFT, INTERVAL, TOKENS = 0.050, 0.010, 40
QUERY = "Tell me about the SuperCar range."
TOOL_QUERY = "[tool] Where is the Manhattan showroom?"


# --------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pin(cpu: int | None) -> Any:
    if cpu is None:
        return None
    return lambda: os.sched_setaffinity(0, {cpu})


@dataclass
class Proc:
    name: str
    popen: subprocess.Popen[bytes]
    url: str

    @property
    def pid(self) -> int:
        return self.popen.pid

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        # fields[0] is field 3 (state): utime is field 14, stime field 15.
        return (int(fields[11]) + int(fields[12])) / CLK_TCK

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(10)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(5)


def start(
    name: str,
    cmd: list[str],
    env: dict[str, str],
    port: int,
    cpu: int | None,
    logdir: Path,
    ready_path: str,
) -> Proc:
    log = (logdir / f"{name}.log").open("wb")
    popen = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, preexec_fn=pin(cpu)
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        if popen.poll() is not None:
            raise RuntimeError(f"{name} exited at start-up; see {logdir / (name + '.log')}")
        try:
            if httpx.get(url + ready_path, timeout=1).status_code < 500:
                return Proc(name, popen, url)
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            popen.kill()
            raise RuntimeError(f"{name} did not start within 30 s")
        time.sleep(0.1)


def service_command(how: str, port: int) -> list[str]:
    """`handler`: as deployed (run.sh: `uvicorn handler:app --no-access-log --http <the app's
    protocol>`), when handler.py exists; `supercar`: as `make run` serves it (`python -m
    supercar`, access log on)."""
    if how == "handler" and (ROOT / "handler.py").exists():
        return [
            PY,
            "-m",
            "uvicorn",
            "handler:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-access-log",
            "--http",
            "supercar.protocol:GuardedHttpToolsProtocol",
        ]
    return [PY, "-m", "supercar"]


def base_env(upstream: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GROQ_", "PYTHON"))}
    env.update(
        GROQ_API_KEY="bench-key",
        GROQ_BASE_URL=upstream,
        GROQ_MAX_RETRIES="0",
        CORS_ORIGINS="",
        TURN_TIMEOUT_SECONDS="600",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


# --------------------------------------------------------------------------- statistics


def pct(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p * len(ordered)) - 1))]


def ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 2)


def latency_summary(
    results: list[TurnResult], ttft: float, interval: float, tokens: int
) -> dict[str, Any]:
    ok = [r for r in results if r.ok]
    first = [r.first_text - ttft for r in ok if r.first_text is not None]
    end = [r.end - (ttft + (tokens - 1) * interval) for r in ok if r.end is not None]
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
        "text_events_per_turn": round(statistics.mean(r.text_events for r in ok), 1)
        if ok
        else None,
    }


def fidelity(results: list[TurnResult], interval: float, tokens: int) -> dict[str, Any]:
    gaps = [
        b - a for r in results if r.ok for a, b in zip(r.text_times, r.text_times[1:], strict=False)
    ]
    spans = [r.text_times[-1] - r.text_times[0] for r in results if r.ok and r.text_times]
    return {
        "upstream_interval_ms": interval * 1000,
        "upstream_span_ms": (tokens - 1) * interval * 1000,
        "text_events_per_turn": round(statistics.mean(r.text_events for r in results if r.ok), 1),
        "gap_p50_ms": ms(pct(gaps, 0.5)),
        "gap_p90_ms": ms(pct(gaps, 0.9)),
        "gap_max_ms": ms(max(gaps) if gaps else None),
        "span_p50_ms": ms(pct(spans, 0.5)),
    }


# --------------------------------------------------------------------------- phases


class Bench:
    def __init__(self, args: argparse.Namespace, logdir: Path) -> None:
        self.args = args
        self.logdir = logdir
        cpus = sorted(os.sched_getaffinity(0))
        self.pinned = len(cpus) >= 2 and not args.no_pin
        self.client_cpu = cpus[0] if self.pinned else None
        self.server_cpu = cpus[1] if self.pinned else None
        self.results: dict[str, Any] = {}
        self.fake: Proc | None = None
        self.servers: dict[str, Proc] = {}
        self.http: httpx.AsyncClient | None = None
        self.pools: dict[str, RawPool] = {}

    def conn(self, name: str) -> Client:
        """The load client for one server: a RawPool, or the shared httpx client."""
        if self.args.client == "httpx":
            assert self.http is not None
            return self.http
        if name not in self.pools:
            self.pools[name] = RawPool(self.servers[name].url)
        return self.pools[name]

    # -- set-up
    def start_all(self) -> None:
        if self.client_cpu is not None:
            os.sched_setaffinity(0, {self.client_cpu})
        port = free_port()
        fake_cmd = [PY, "-m", "benchmarks.fake_upstream", "--port", str(port)]
        self.fake = start(
            "fake_upstream",
            fake_cmd,
            dict(os.environ),
            port,
            self.client_cpu,
            self.logdir,
            "/_bench/stats",
        )
        upstream = self.fake.url
        sport, bport = free_port(), free_port()
        senv = base_env(upstream) | {"HOST": "127.0.0.1", "PORT": str(sport)}
        self.servers["service"] = start(
            "service",
            service_command(self.args.service, sport),
            senv,
            sport,
            self.server_cpu,
            self.logdir,
            "/health",
        )
        bcmd = [
            PY,
            "-m",
            "uvicorn",
            "benchmarks.baseline_app:app",
            "--host",
            "127.0.0.1",
            "--port",
            str(bport),
            "--no-access-log",
        ]
        self.servers["baseline"] = start(
            "baseline",
            bcmd,
            base_env(upstream),
            bport,
            self.server_cpu,
            self.logdir,
            "/openapi.json",
        )

    def stop_all(self) -> None:
        for proc in [*self.servers.values(), self.fake]:
            if proc is not None:
                proc.stop()

    async def upstream(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        assert self.fake is not None
        async with httpx.AsyncClient() as c:
            if body is None and path.endswith("stats"):
                r = await c.get(self.fake.url + path)
            else:
                r = await c.post(self.fake.url + path, json=body or {})
            return dict(r.json())

    async def set_timing(self, ttft: float, interval: float, tokens: int) -> None:
        await self.upstream(
            "/_bench/config", {"ttft": ttft, "interval": interval, "tokens": tokens}
        )

    # -- one measured load on one server
    async def measured(self, name: str, coro_factory: Any) -> tuple[list[TurnResult], dict]:
        server = self.servers[name]
        assert self.fake is not None
        await self.upstream("/_bench/reset")
        steal0 = steal_seconds()
        cpu0, fake0, own0, t0 = (
            server.cpu_seconds(),
            self.fake.cpu_seconds(),
            time.process_time(),
            time.monotonic(),
        )
        results = await coro_factory(server.url)
        wall = time.monotonic() - t0
        cpu = server.cpu_seconds() - cpu0
        ok = sum(r.ok for r in results)
        stats = await self.upstream("/_bench/stats")
        extra = {
            "wall_s": round(wall, 2),
            "server_cpu_s": round(cpu, 3),
            "cpu_ms_per_turn": round(cpu * 1000 / ok, 2) if ok else None,
            "server_cpu_util": round(cpu / wall, 2),
            "fake_cpu_util": round((self.fake.cpu_seconds() - fake0) / wall, 2),
            "client_cpu_util": round((time.process_time() - own0) / wall, 2),
            "upstream_late_p99_ms": round(stats["late_ms_p99"], 2),
            "upstream_late_max_ms": round(stats["late_ms_max"], 2),
            "upstream_requests": stats["requests"],
            "upstream_max_active": stats["max_active"],
            "upstream_stalls": stats["stalls"][:5],
            "server_rss_mb": round(server.rss_mb(), 1),
            # CPU time the hypervisor gave to other guests (all CPUs): a noise indicator.
            "steal_util": round((steal_seconds() - steal0) / wall, 2),
        }
        return results, extra

    # -- phases
    async def warmup(self, client: httpx.AsyncClient) -> None:
        await self.set_timing(0.0, 0.0, 5)
        for name, server in self.servers.items():
            rs = await run_sessions(
                self.conn(name), server.url, 10, 3, QUERY, prefix=f"warm-{name}"
            )
            bad = [r.error for r in rs if not r.ok]
            if bad:
                raise RuntimeError(f"{name} fails its warm-up turns: {bad[:3]}")
            if name == "service":
                r = await run_turn(self.conn(name), server.url, "warm-tool", TOOL_QUERY)
                if r.tool_output is None or not r.ok:
                    raise RuntimeError(f"service tool turn failed in warm-up: {r}")

    async def latency(self, client: httpx.AsyncClient) -> None:
        turns = self.args.latency_turns
        await self.set_timing(TTFT, INTERVAL, TOKENS)
        assert self.fake is not None
        direct = [await stream_direct(client, self.fake.url, TOKENS) for _ in range(turns)]
        out: dict[str, Any] = {
            "turns": turns,
            "direct": {
                "first_p50_ms": ms(pct([r.first_text - TTFT for r in direct if r.first_text], 0.5)),
                "end_p50_ms": ms(
                    pct([r.end - TTFT - (TOKENS - 1) * INTERVAL for r in direct if r.end], 0.5)
                ),
                "fidelity": fidelity(direct, INTERVAL, TOKENS),
            },
        }
        for name in self.servers:

            async def load(url: str, name: str = name) -> list[TurnResult]:
                return [
                    await run_turn(self.conn(name), url, f"lat-{name}-{i}", QUERY, keep_times=True)
                    for i in range(turns)
                ]

            results, extra = await self.measured(name, load)
            out[name] = {
                **latency_summary(results, TTFT, INTERVAL, TOKENS),
                **extra,
                "fidelity": fidelity(results, INTERVAL, TOKENS),
            }
        self.results["latency"] = out

    async def tool_turn(self, client: httpx.AsyncClient) -> None:
        await self.set_timing(TTFT, INTERVAL, TOKENS)
        url = self.servers["service"].url
        rs = [
            await run_turn(self.conn("service"), url, f"tool-{i}", TOOL_QUERY, keep_times=True)
            for i in range(self.args.tool_turns)
        ]
        ok = [r for r in rs if r.ok and r.tool_output is not None]

        def med(attr: str) -> float | None:
            return ms(pct([getattr(r, attr) for r in ok if getattr(r, attr) is not None], 0.5))

        # Upstream alone: the tool call at TTFT; the second request's first token TTFT later,
        # its last token (TOKENS - 1) intervals after that.
        self.results["tool"] = {
            "turns": len(rs),
            "completed": len(ok),
            "tool_use_ms": med("tool_use"),
            "tool_output_ms": med("tool_output"),
            "first_text_after_tool_ms": med("first_text_after_tool"),
            "end_ms": med("end"),
            "upstream_tool_call_ms": TTFT * 1000,
            "upstream_first_text_ms": 2 * TTFT * 1000,
            "upstream_end_ms": (2 * TTFT + (TOKENS - 1) * INTERVAL) * 1000,
            "text_events_after_tool": round(statistics.mean(r.text_events for r in ok), 1)
            if ok
            else None,
        }

    async def sweep(self, client: httpx.AsyncClient) -> None:
        await self.set_timing(TTFT, INTERVAL, TOKENS)
        turn_s = TTFT + (TOKENS - 1) * INTERVAL
        levels: list[dict[str, Any]] = []
        for level in self.args.levels:
            turns = max(1, min(10, math.ceil(self.args.turns_per_level / level)))
            row: dict[str, Any] = {"sessions": level, "turns_per_session": turns}
            for name in self.servers:

                async def load(
                    url: str, name: str = name, level: int = level, turns: int = turns
                ) -> list[TurnResult]:
                    return await run_sessions(
                        self.conn(name),
                        url,
                        level,
                        turns,
                        QUERY,
                        prefix=f"sweep{level}-{name}",
                        stagger=turn_s if level > 1 else 0.0,
                        time_limit=self.args.level_limit,
                    )

                results, extra = await self.measured(name, load)
                row[name] = {**latency_summary(results, TTFT, INTERVAL, TOKENS), **extra}
                print(f"  sweep {level:>4} {name:<8} {json.dumps(row[name])}", flush=True)
                await asyncio.sleep(0.5)
            levels.append(row)
        self.results["sweep"] = levels

    async def memory(self, client: httpx.AsyncClient) -> None:
        await self.set_timing(0.0, 0.0, 5)
        out: dict[str, Any] = {}
        for name in self.servers:
            sessions = self.args.mem_sessions if name == "service" else self.args.mem_sessions_base
            server = self.servers[name]
            samples: list[tuple[int, float]] = [(0, round(server.rss_mb(), 1))]
            every = max(1, sessions // 10)

            def sample(
                done: int, server: Proc = server, samples: list = samples, every: int = every
            ) -> None:
                if done % every == 0:
                    samples.append((done, round(server.rss_mb(), 1)))

            async def load(
                url: str, name: str = name, sessions: int = sessions, sample: Any = sample
            ) -> list[TurnResult]:
                return await run_pool(
                    self.conn(name),
                    url,
                    sessions,
                    self.args.mem_turns,
                    QUERY,
                    prefix=f"mem-{name}",
                    concurrency=50,
                    on_session_done=sample,
                    time_limit=self.args.mem_limit,
                )

            results, extra = await self.measured(name, load)
            out[name] = {
                "sessions": sessions,
                "turns_per_session": self.args.mem_turns,
                "completed": sum(r.ok for r in results),
                "failed": sum(not r.ok for r in results),
                "rss_mb": samples,
                **extra,
            }
            print(f"  memory {name:<8} {json.dumps(out[name])}", flush=True)
        self.results["memory"] = out

    def cold_start(self) -> None:
        handler = (ROOT / "handler.py").exists()
        service_code = (
            "import handler" if handler else "from supercar.app import create_app; create_app()"
        )
        lifespan = (
            "\nimport asyncio\n"
            "async def _startup(app):\n"
            "    async with app.router.lifespan_context(app):\n"
            "        pass\n"
        )
        app_expr = "handler.app" if handler else "create_app()"
        cases = {
            "service": service_code,
            "service_lifespan": service_code.replace("; create_app()", "")
            + lifespan
            + f"asyncio.run(_startup({app_expr}))",
            "baseline_libs": "import fastapi, sse_starlette, groq",
            "baseline_app": "import benchmarks.baseline_app",
        }
        env = base_env("http://127.0.0.1:9") | {"AWS_DEFAULT_REGION": "us-east-1"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        timings: dict[str, list[float]] = {k: [] for k in cases}
        process: dict[str, list[float]] = {k: [] for k in cases}
        for _ in range(self.args.cold_runs):
            for key, code in cases.items():
                script = (
                    "import time, sys\nt0 = time.perf_counter()\n"
                    + code
                    + "\nprint(time.perf_counter() - t0)"
                )
                t0 = time.perf_counter()
                out = subprocess.run(
                    [PY, "-c", script],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=60,
                    preexec_fn=pin(self.server_cpu),
                )
                process[key].append(time.perf_counter() - t0)
                if out.returncode != 0:
                    raise RuntimeError(f"cold start {key} failed: {out.stderr[-500:]}")
                timings[key].append(float(out.stdout.strip().splitlines()[-1]))
        result: dict[str, Any] = {
            "service_code": service_code,
            "runs": self.args.cold_runs,
            **{f"{k}_ms": ms(statistics.median(v)) for k, v in timings.items()},
            **{f"{k}_process_ms": ms(statistics.median(v)) for k, v in process.items()},
        }
        result["python_startup_ms"] = ms(
            statistics.median(
                _time_process([PY, "-c", "pass"], env) for _ in range(self.args.cold_runs)
            )
        )
        for key in ("service", "baseline_libs"):
            result[f"{key}_importtime"] = importtime(cases[key], env)
        self.results["cold_start"] = result

    async def run_async(self) -> None:
        async with make_client() as client:
            self.http = client
            phases = [
                ("warm-up", self.warmup),
                ("latency", self.latency),
                ("tool", self.tool_turn),
                ("sweep", self.sweep),
                ("memory", self.memory),
            ]
            for label, phase in phases:
                if label != "warm-up" and label not in self.args.phases:
                    continue
                t0 = time.monotonic()
                print(f"[{time.strftime('%H:%M:%S')}] {label} ...", flush=True)
                await phase(client)
                print(f"    {label}: {time.monotonic() - t0:.1f} s", flush=True)


def steal_seconds() -> float:
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    return int(fields[8]) / CLK_TCK if len(fields) > 8 else 0.0


def _time_process(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - t0


def importtime(code: str, env: dict[str, str]) -> dict[str, Any]:
    """`python -X importtime`: total, and self time summed by top-level package."""
    out = subprocess.run(
        [PY, "-X", "importtime", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    by_package: dict[str, int] = {}
    total = 0
    top_level: list[tuple[int, str]] = []
    for line in out.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if not m:
            continue
        self_us, cum_us, indent, module = int(m[1]), int(m[2]), len(m[3]), m[4]
        package = module.split(".")[0]
        by_package[package] = by_package.get(package, 0) + self_us
        total += self_us
        if indent <= 1:
            top_level.append((cum_us, module))
    ranked = sorted(by_package.items(), key=lambda kv: -kv[1])[:10]
    return {
        "total_ms": round(total / 1000, 1),
        "by_package_ms": [(p, round(us / 1000, 1)) for p, us in ranked],
        "top_imports_ms": [(m, round(us / 1000, 1)) for us, m in sorted(top_level)[::-1][:8]],
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


def versions() -> dict[str, str]:
    from importlib.metadata import version

    names = [
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
    ]
    return {n: version(n) for n in names}


@contextlib.contextmanager
def logs_dir(keep: bool) -> Iterator[Path]:
    if keep:
        path = ROOT / "benchmarks" / "logs"
        path.mkdir(exist_ok=True)
        yield path
    else:
        with tempfile.TemporaryDirectory(prefix="supercar-bench-") as tmp:
            yield Path(tmp)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sweep and soak")
    parser.add_argument("--no-pin", action="store_true", help="do not pin processes to CPUs")
    parser.add_argument("--keep-logs", action="store_true", help="server logs in benchmarks/logs")
    parser.add_argument("--no-report", action="store_true", help="results.json only")
    parser.add_argument(
        "--client",
        choices=["raw", "httpx"],
        default="raw",
        help="load client transport (see benchmarks/client.py)",
    )
    parser.add_argument(
        "--service",
        choices=["handler", "supercar"],
        default="handler",
        help="serve the service as run.sh does (default) or as make run does",
    )
    parser.add_argument(
        "--phases",
        default="latency,tool,sweep,memory,cold",
        help="comma-separated subset of latency,tool,sweep,memory,cold",
    )
    parser.add_argument("--levels", default=None, help="sweep levels, e.g. 1,50,200,500")
    args = parser.parse_args(argv)
    args.phases = set(args.phases.split(","))
    levels = [int(x) for x in args.levels.split(",")] if args.levels else None
    if args.quick:
        args.levels = [1, 50, 200]
        args.turns_per_level = 40
        args.latency_turns = 10
        args.tool_turns = 5
        args.mem_sessions, args.mem_sessions_base, args.mem_turns = 200, 100, 10
        args.cold_runs = 3
    else:
        args.levels = [1, 10, 25, 50, 75, 100, 200, 500]
        args.turns_per_level = 100
        args.latency_turns = 30
        args.tool_turns = 10
        args.mem_sessions, args.mem_sessions_base, args.mem_turns = 1000, 300, 10
        args.cold_runs = 7
    if levels:
        args.levels = levels
    args.level_limit = 90.0
    args.mem_limit = 150.0
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    with logs_dir(args.keep_logs) as logdir:
        bench = Bench(args, logdir)
        try:
            bench.start_all()
            _use_uvloop()
            asyncio.run(bench.run_async())
        finally:
            bench.stop_all()
        if "cold" in args.phases:
            print(f"[{time.strftime('%H:%M:%S')}] cold start ...", flush=True)
            bench.cold_start()
    bench.results["meta"] = {
        "command": "make bench" + (" BENCH_ARGS=--quick" if args.quick else ""),
        "quick": args.quick,
        "pinned": bench.pinned,
        "machine": machine(),
        "versions": versions(),
        "answer": {"ttft_ms": TTFT * 1000, "interval_ms": INTERVAL * 1000, "tokens": TOKENS},
        "levels": args.levels,
        "client": args.client,
        "service_command": " ".join(service_command(args.service, 0)[1:]).replace(" 0", " P"),
        "duration_s": round(time.monotonic() - started, 1),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }
    RESULTS.write_text(json.dumps(bench.results, indent=1))
    print(f"results: {RESULTS.relative_to(ROOT)} ({bench.results['meta']['duration_s']} s)")
    if not args.no_report:
        report.main([str(RESULTS)])
    return 0


def _use_uvloop() -> None:
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())


if __name__ == "__main__":
    sys.exit(main())
