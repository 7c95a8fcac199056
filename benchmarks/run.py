"""Run the whole benchmark: service vs a minimal relay baseline, beside a timed fake Groq.

    .venv/bin/python -m benchmarks.run            # full run (~3-5 minutes), writes docs/
    .venv/bin/python -m benchmarks.run --quick    # smaller sweep and soak (~1-2 minutes)

Processes, all on loopback, each its own PID so /proc CPU figures are per server
(`benchmarks.servers`); the load phases (`benchmarks.phases`) run against each server in turn,
then the cold starts with no server running: in-process (`benchmarks.cold_start`) and under
run.sh with the Lambda environment (`benchmarks.lambda_start`). Results go to
benchmarks/results.json; `benchmarks.report` turns them into docs/benchmarks.md and
docs/benchmarks.png.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time
from typing import Any

from benchmarks import report
from benchmarks.client import make_client
from benchmarks.cold_start import cold_start
from benchmarks.lambda_start import lambda_start
from benchmarks.meta import machine, meta
from benchmarks.phases import Phases
from benchmarks.processes import ROOT, logs_dir
from benchmarks.servers import Servers

RESULTS = ROOT / "benchmarks" / "results.json"
PHASES = "latency,tool,sweep,memory,cold"
# Sizes: (quick, full).
SIZES: dict[str, tuple[Any, Any]] = {
    "levels": ([1, 50, 200], [1, 10, 25, 50, 75, 100, 200, 500]),
    "turns_per_level": (40, 100),
    "latency_turns": (10, 30),
    "tool_turns": (5, 10),
    "mem_sessions": (200, 1000),
    "mem_sessions_base": (100, 300),
    "mem_turns": (10, 10),
    "cold_runs": (3, 7),
}


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
    parser.add_argument("--phases", default=PHASES, help=f"comma-separated subset of {PHASES}")
    parser.add_argument("--levels", default=None, help="sweep levels, e.g. 1,50,200,500")
    args = parser.parse_args(argv)
    args.phases = set(args.phases.split(","))
    levels = [int(x) for x in args.levels.split(",")] if args.levels else None
    for name, (quick, full) in SIZES.items():
        setattr(args, name, quick if args.quick else full)
    if levels:
        args.levels = levels
    args.level_limit = 90.0
    args.mem_limit = 150.0
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started, host = time.monotonic(), machine()
    with logs_dir(args.keep_logs) as logdir:
        servers = Servers(logdir, args.service, args.no_pin)
        try:
            servers.start()
            use_uvloop()
            results = asyncio.run(_load_phases(args, servers))
        finally:
            servers.stop()
        if "cold" in args.phases:
            print(f"[{time.strftime('%H:%M:%S')}] cold start ...", flush=True)
            results["cold_start"] = cold_start(args.cold_runs, servers.server_cpu)
            print(f"[{time.strftime('%H:%M:%S')}] cold start under run.sh ...", flush=True)
            results["lambda_start"] = lambda_start(
                args.cold_runs, (servers.client_cpu, servers.server_cpu), logdir
            )
    results["meta"] = meta(args, servers.pinned, host, time.monotonic() - started)
    RESULTS.write_text(json.dumps(results, indent=1))
    print(f"results: {RESULTS.relative_to(ROOT)} ({results['meta']['duration_s']} s)")
    if not args.no_report:
        report.main([str(RESULTS)])
    return 0


async def _load_phases(args: argparse.Namespace, servers: Servers) -> dict[str, Any]:
    async with make_client() as http:
        return await Phases(args, servers, http).run()


def use_uvloop() -> None:
    with contextlib.suppress(ImportError):
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())


if __name__ == "__main__":
    sys.exit(main())
