"""Where each server's CPU per turn goes: py-spy samples under a steady sweep-like load.

    .venv/bin/pip install py-spy        # not in benchmarks/requirements.txt: optional
    .venv/bin/python -m benchmarks.profile [--sessions 50] [--seconds 20]

Starts the same processes as `benchmarks.run` (fake upstream, service, baseline; pinned alike),
then for each server keeps `--sessions` conversations going (40-token answers, 50 ms to first
token, 10 ms per token) while `py-spy record --format raw` samples the server process. The
collapsed stacks land in benchmarks/logs/profile-<server>.txt (open them in speedscope or
flamegraph.pl); the console gets the top frames by self time and by inclusive time, as a share
of the server's samples, plus the share by package.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.client import RawPool, run_sessions
from benchmarks.processes import ROOT
from benchmarks.run import use_uvloop
from benchmarks.scenario import ANSWER_S, INTERVAL, QUERY, TOKENS, TTFT
from benchmarks.servers import Servers

LOGS = ROOT / "benchmarks" / "logs"
FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>.*?)(?::(?P<line>\d+))?\)$")


def package_of(path: str) -> str:
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if "/work/main/" in path:
        return path.split("/work/main/", 1)[1].split("/", 1)[0].removesuffix(".py")
    if "/lib/python3" in path:
        return "stdlib:" + path.rsplit("/", 1)[-1].removesuffix(".py")
    return path or "?"


def short(frame: str) -> str:
    m = FRAME.match(frame)
    if not m:
        return frame
    path = m["file"]
    for cut in ("site-packages/", "/work/main/", "/lib/python3.11/"):
        if cut in path:
            path = path.split(cut, 1)[1]
    return f"{m['func']} ({path})"


# Components, matched from the leaf frame upwards: a sample belongs to the nearest one.
CATEGORIES: list[tuple[str, re.Pattern[str]]] = [
    ("logging (records, formatting, handlers)", re.compile(r"^Logger\.|logging/__init__")),
    (
        "threadpool hop (sync FastAPI dependency)",
        re.compile(r"WorkerThread|run_sync|CapacityLimiter|run_in_threadpool|to_thread"),
    ),
    ("groq: request params transform (TypedDict walk)", re.compile(r"_transform\.py")),
    (
        "groq/httpx: build + send request (json, headers, pool)",
        re.compile(
            r"_build_request|openapi_dumps|AsyncClient\.send|_assign_requests|"
            r"handle_async_request \(httpcore/_async/connection_pool|AsyncAPIClient\.request"
        ),
    ),
    (
        "upstream connect / close (keep-alive churn)",
        re.compile(r"connect_tcp|_close_connections|create_connection|aclose|_response_closed"),
    ),
    (
        "groq SDK: typed chunks (SSEDecoder + pydantic construct)",
        re.compile(
            r"groq/_streaming|construct_type|_construct_field|BaseModel\.construct|"
            r"_process_response_data"
        ),
    ),
    (
        "upstream read: httpcore/h11/anyio + httpx line decoding",
        re.compile(
            r"httpcore/|h11/|aiter_lines|aiter_text|aiter_bytes|aiter_raw|iter_lines|"
            r"StreamProtocol|SocketStream"
        ),
    ),
    (
        "SSE out: sse-starlette + uvicorn send (+ send timeout)",
        re.compile(
            r"sse_starlette/|RequestResponseCycle\.send|_exception_handler\.py.*sender|"
            r"tracking_send|errors\.py.*_send"
        ),
    ),
    (
        "service turn logic (agent, conversation and its stream, events, store)",
        re.compile(r"supercar/(agent|conversation|api/stream|events|store|prompt|tools|llm)"),
    ),
    (
        "request in: uvicorn parse, middleware, routing, validation",
        re.compile(
            r"uvicorn/protocols|fastapi/|starlette/|pydantic|supercar/(app|guards|request_context)|"
            r"baseline_app"
        ),
    ),
]
# Only when no component above owns the sample.
GENERIC: list[tuple[str, re.Pattern[str]]] = [
    ("event loop itself (uvloop C code under Runner.run)", re.compile(r"^Runner\.run ")),
    ("anyio cancel scopes / task groups (unowned)", re.compile(r"anyio/")),
    ("asyncio tasks, queues, locks (unowned)", re.compile(r"asyncio/")),
]


def categorize(frames: list[str]) -> str:
    if frames and GENERIC[0][1].search(frames[-1]):
        return GENERIC[0][0]  # the loop's own C work, attributed by py-spy to its caller
    for frame in reversed(frames):
        for name, pattern in CATEGORIES:
            if pattern.search(frame):
                return name
    for frame in reversed(frames):
        for name, pattern in GENERIC:
            if pattern.search(frame):
                return name
    return "other"


def analyse(raw: Path, top: int = 25, cpu_ms: float | None = None) -> str:
    self_time: collections.Counter[str] = collections.Counter()
    inclusive: collections.Counter[str] = collections.Counter()
    by_package: collections.Counter[str] = collections.Counter()
    categories: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        n = int(count)
        frames = [f for f in stack.split(";") if not f.startswith(("process ", "thread "))]
        if not frames:
            continue
        total += n
        categories[categorize(frames)] += n
        leaf = frames[-1]
        self_time[short(leaf)] += n
        m = FRAME.match(leaf)
        by_package[package_of(m["file"] if m else leaf)] += n
        for frame in {short(f) for f in frames}:
            inclusive[frame] += n
    out = [f"samples: {total}", "", "by component (nearest matching frame from the leaf):"]
    for name, n in categories.most_common():
        share = n / total
        per_turn = f"  ~{share * cpu_ms:.2f} ms/turn" if cpu_ms else ""
        out.append(f"  {100 * share:5.1f}%{per_turn}  {name}")
    out += ["", "self time, top frames:"]
    out += [f"  {100 * n / total:5.1f}%  {f}" for f, n in self_time.most_common(top)]
    out += ["", "self time by package:"]
    out += [f"  {100 * n / total:5.1f}%  {p}" for p, n in by_package.most_common(15)]
    out += ["", "inclusive time, top frames:"]
    out += [f"  {100 * n / total:5.1f}%  {f}" for f, n in inclusive.most_common(top + 15)]
    return "\n".join(out)


async def load(pool: RawPool, url: str, sessions: int, seconds: float) -> int:
    done = 0
    deadline = time.monotonic() + seconds
    round_no = 0
    while time.monotonic() < deadline:
        rs = await run_sessions(
            pool,
            url,
            sessions,
            4,
            QUERY,
            prefix=f"prof{round_no}",
            stagger=ANSWER_S,
        )
        done += sum(r.ok for r in rs)
        round_no += 1
    return done


async def profile(servers: Servers, args: argparse.Namespace) -> None:
    spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if not spy:
        raise SystemExit("py-spy is not installed: .venv/bin/pip install py-spy")
    await servers.set_timing(TTFT, INTERVAL, TOKENS)
    for name, server in servers.by_name.items():
        pool = RawPool(server.url)
        await load(pool, server.url, args.sessions, 3)  # warm
        raw = LOGS / f"profile-{name}.txt"
        cpu0 = server.cpu_seconds()
        proc = subprocess.Popen(  # noqa: ASYNC220 - starts at once, never waited on here
            [
                spy,
                "record",
                "--pid",
                str(server.pid),
                "--rate",
                str(args.rate),
                "--format",
                "raw",
                "--output",
                str(raw),
                "--duration",
                str(int(args.seconds)),
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        await asyncio.sleep(0.5)
        turns = await load(pool, server.url, args.sessions, args.seconds - 1)
        cpu = server.cpu_seconds() - cpu0
        await asyncio.to_thread(proc.wait, 30)
        print(
            f"\n===== {name}: {turns} turns, {1000 * cpu / max(turns, 1):.2f} ms CPU/turn "
            f"(under py-spy) ====="
        )
        print(analyse(raw, cpu_ms=1000 * cpu / max(turns, 1)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    parser.add_argument("--analyse", nargs="*", help="only analyse these raw files")
    args = parser.parse_args()
    if args.analyse:
        for path in args.analyse:
            print(f"===== {path}\n{analyse(Path(path))}")
        return 0
    LOGS.mkdir(exist_ok=True)
    servers = Servers(LOGS, "handler", no_pin=False)
    try:
        servers.start()
        use_uvloop()
        asyncio.run(profile(servers, args))
    finally:
        servers.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
