"""The three processes of a run, and the fake upstream's control endpoints.

- the fake upstream (`benchmarks.fake_upstream`), pinned with the load client to the first CPU;
- the service, as run.sh serves it on Lambda (`uvicorn handler:app --no-access-log --http
  supercar.protocol:GuardedHttpToolsProtocol`) or as
  `make run` does (`python -m supercar`), pinned to the second CPU;
- the baseline (`uvicorn benchmarks.baseline_app:app`, uvicorn's defaults), on the second CPU.
The two servers take turns; they never carry load at the same time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx

from benchmarks.processes import PY, Proc, free_port, start


def service_command(how: str, port: int) -> list[str]:
    """`handler`: as deployed (run.sh); `supercar`: as `make run` serves it (access log on)."""
    if how == "handler":
        protocol = ["--http", "supercar.protocol:GuardedHttpToolsProtocol"]
        return [*_uvicorn("handler:app", port), "--no-access-log", *protocol]
    return [PY, "-m", "supercar"]


def _uvicorn(app: str, port: int) -> list[str]:
    return [PY, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port)]


def base_env(upstream: str) -> dict[str, str]:
    """This environment without GROQ_* and PYTHON* variables, pointed at the fake upstream."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GROQ_", "PYTHON"))}
    env.update(
        GROQ_API_KEY="bench-key",
        GROQ_BASE_URL=upstream,
        GROQ_MAX_RETRIES="0",
        CORS_ORIGINS="",
        TURN_TIMEOUT_SECONDS="600",
        PYTHONDONTWRITEBYTECODE="1",
        # One address asks for every session here: limits on, as deployed (their counting is
        # part of the cost measured), but too high to refuse anything.
        RATE_LIMIT_PER_MINUTE="10000000",
        SESSION_RATE_LIMIT_PER_MINUTE="10000000",
        WEATHER_PROVIDER="simulated",
    )
    return env


class Servers:
    """Starts the fake upstream and both servers, pinned when there are two CPUs to pin to."""

    def __init__(self, logdir: Path, service: str, no_pin: bool) -> None:
        self.logdir, self.service = logdir, service
        cpus = sorted(os.sched_getaffinity(0))
        self.pinned = len(cpus) >= 2 and not no_pin
        self.client_cpu = cpus[0] if self.pinned else None
        self.server_cpu = cpus[1] if self.pinned else None
        self.fake: Proc | None = None
        self.by_name: dict[str, Proc] = {}

    def start(self) -> None:
        if self.client_cpu is not None:
            os.sched_setaffinity(0, {self.client_cpu})
        port = free_port()
        fake_cmd = [PY, "-m", "benchmarks.fake_upstream", "--port", str(port)]
        self.fake = self._start("fake_upstream", fake_cmd, dict(os.environ), port, "/_bench/stats")
        sport, bport = free_port(), free_port()
        senv = base_env(self.fake.url) | {"HOST": "127.0.0.1", "PORT": str(sport)}
        self.by_name["service"] = self._start(
            "service", service_command(self.service, sport), senv, sport, "/health"
        )
        bcmd = [*_uvicorn("benchmarks.baseline_app:app", bport), "--no-access-log"]
        self.by_name["baseline"] = self._start(
            "baseline", bcmd, base_env(self.fake.url), bport, "/openapi.json"
        )

    def _start(self, name: str, cmd: list[str], env: dict[str, str], port: int, ready: str) -> Proc:
        cpu = self.client_cpu if name == "fake_upstream" else self.server_cpu
        return start(name, cmd, env, port, cpu, self.logdir, ready)

    def stop(self) -> None:
        for proc in [*self.by_name.values(), self.fake]:
            if proc is not None:
                proc.stop()

    @property
    def upstream(self) -> Proc:
        assert self.fake is not None, "Servers.start() first"
        return self.fake

    async def control(self, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        """POST to one of the fake's /_bench endpoints (GET for /_bench/stats)."""
        async with httpx.AsyncClient(base_url=self.upstream.url) as c:
            if path == "/_bench/stats":
                r = await c.get(path)
            else:
                r = await c.post(path, json=body or {})
            return dict(r.json())

    async def set_timing(self, ttft: float, interval: float, tokens: int) -> None:
        await self.control("/_bench/config", {"ttft": ttft, "interval": interval, "tokens": tokens})
