"""What one load cost: the server's CPU (utime + stime from /proc), the fake upstream's and the
client's share of their core, RSS, steal time, and whether the upstream kept its schedule."""

from __future__ import annotations

import time
from collections.abc import Awaitable
from typing import Any

from benchmarks.client import TurnResult
from benchmarks.processes import steal_seconds
from benchmarks.servers import Servers


async def measured(
    servers: Servers, name: str, load: Awaitable[list[TurnResult]]
) -> tuple[list[TurnResult], dict[str, Any]]:
    """Await `load` (not started yet) against server `name`; its results and what it cost."""
    server, fake = servers.by_name[name], servers.upstream
    await servers.control("/_bench/reset")
    steal0 = steal_seconds()
    cpu0, fake0, own0, t0 = (
        server.cpu_seconds(),
        fake.cpu_seconds(),
        time.process_time(),
        time.monotonic(),
    )
    results = await load
    wall = time.monotonic() - t0
    cpu = server.cpu_seconds() - cpu0
    ok = sum(r.ok for r in results)
    stats = await servers.control("/_bench/stats")
    return results, {
        "wall_s": round(wall, 2),
        "server_cpu_s": round(cpu, 3),
        "cpu_ms_per_turn": round(cpu * 1000 / ok, 2) if ok else None,
        "server_cpu_util": round(cpu / wall, 2),
        "fake_cpu_util": round((fake.cpu_seconds() - fake0) / wall, 2),
        "client_cpu_util": round((time.process_time() - own0) / wall, 2),
        "upstream_late_p99_ms": round(stats["late_ms_p99"], 2),
        "upstream_late_max_ms": round(stats["late_ms_max"], 2),
        "upstream_requests": stats["requests"],
        "upstream_max_active": stats["max_active"],
        "upstream_stalls": stats["stalls"][:5],
        "server_rss_mb": round(server.rss_mb(), 1),
        "steal_util": round((steal_seconds() - steal0) / wall, 2),
    }
