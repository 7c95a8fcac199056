"""The load phases, each against both servers in turn: warm-up, latency at one session, a tool
turn (service only), the concurrency sweep and the memory soak. Each returns its results.json
section; `Phases.run` runs the ones asked for, in that order."""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from benchmarks.client import (
    Client,
    RawPool,
    TurnResult,
    run_pool,
    run_sessions,
    run_turn,
    stream_direct,
)
from benchmarks.measure import measured
from benchmarks.processes import Proc
from benchmarks.scenario import ANSWER_S, INTERVAL, QUERY, TOKENS, TOOL_QUERY, TTFT
from benchmarks.servers import Servers
from benchmarks.stats import (
    added_end,
    added_first,
    fidelity,
    latency_summary,
    mean_text_events,
    ms,
    pct,
)


class Phases:
    def __init__(self, args: argparse.Namespace, servers: Servers, http: httpx.AsyncClient):
        self.args, self.servers, self.http = args, servers, http
        self.pools = {name: RawPool(proc.url) for name, proc in servers.by_name.items()}

    def conn(self, name: str) -> Client:
        """The load client for one server: its RawPool, or the shared httpx client."""
        return self.http if self.args.client == "httpx" else self.pools[name]

    def url(self, name: str) -> str:
        return self.servers.by_name[name].url

    async def run(self) -> dict[str, Any]:
        phases: list[tuple[str, str, Callable[[], Awaitable[Any]]]] = [
            ("warm-up", "", self.warmup),
            ("latency", "latency", self.latency),
            ("tool", "tool", self.tool_turn),
            ("sweep", "sweep", self.sweep),
            ("memory", "memory", self.memory),
        ]
        results: dict[str, Any] = {}
        for label, key, phase in phases:
            if key and key not in self.args.phases:
                continue
            t0 = time.monotonic()
            print(f"[{time.strftime('%H:%M:%S')}] {label} ...", flush=True)
            section = await phase()
            if key:
                results[key] = section
            print(f"    {label}: {time.monotonic() - t0:.1f} s", flush=True)
        return results

    async def warmup(self) -> None:
        await self.servers.set_timing(0.0, 0.0, 5)
        for name in self.servers.by_name:
            rs = await run_sessions(
                self.conn(name), self.url(name), 10, 3, QUERY, prefix=f"warm-{name}"
            )
            bad = [r.error for r in rs if not r.ok]
            if bad:
                raise RuntimeError(f"{name} fails its warm-up turns: {bad[:3]}")
        r = await run_turn(self.conn("service"), self.url("service"), "warm-tool", TOOL_QUERY)
        if r.tool_output is None or not r.ok:
            raise RuntimeError(f"service tool turn failed in warm-up: {r}")

    async def latency(self) -> dict[str, Any]:
        """One session, turns one after the other; the upstream read directly as the floor."""
        turns = self.args.latency_turns
        await self.servers.set_timing(TTFT, INTERVAL, TOKENS)
        fake = self.servers.upstream.url
        direct = [await stream_direct(self.http, fake, TOKENS) for _ in range(turns)]
        out: dict[str, Any] = {
            "turns": turns,
            "direct": {
                "first_p50_ms": ms(pct(added_first(direct), 0.5)),
                "end_p50_ms": ms(pct(added_end(direct), 0.5)),
                "fidelity": fidelity(direct),
            },
        }
        for name in self.servers.by_name:
            load = self._turns(name, f"lat-{name}", QUERY, turns, keep_times=True)
            results, extra = await measured(self.servers, name, load)
            out[name] = {**latency_summary(results), **extra, "fidelity": fidelity(results)}
        return out

    async def _turns(
        self, name: str, prefix: str, query: str, turns: int, keep_times: bool = False
    ) -> list[TurnResult]:
        conn, url = self.conn(name), self.url(name)
        return [
            await run_turn(conn, url, f"{prefix}-{i}", query, keep_times=keep_times)
            for i in range(turns)
        ]

    async def tool_turn(self) -> dict[str, Any]:
        await self.servers.set_timing(TTFT, INTERVAL, TOKENS)
        rs = await self._turns("service", "tool", TOOL_QUERY, self.args.tool_turns)
        ok = [r for r in rs if r.ok and r.tool_output is not None]

        def med(attr: str) -> float | None:
            return ms(pct([getattr(r, attr) for r in ok if getattr(r, attr) is not None], 0.5))

        # Upstream alone: the tool call at TTFT; the second request's first token TTFT later,
        # its last token (TOKENS - 1) intervals after that.
        return {
            "turns": len(rs),
            "completed": len(ok),
            "tool_use_ms": med("tool_use"),
            "tool_output_ms": med("tool_output"),
            "first_text_after_tool_ms": med("first_text_after_tool"),
            "end_ms": med("end"),
            "upstream_tool_call_ms": TTFT * 1000,
            "upstream_first_text_ms": 2 * TTFT * 1000,
            "upstream_end_ms": (TTFT + ANSWER_S) * 1000,
            "text_events_after_tool": mean_text_events(ok),
        }

    async def sweep(self) -> list[dict[str, Any]]:
        """N sessions at once, starts spread over one answer, each `turns` back to back."""
        await self.servers.set_timing(TTFT, INTERVAL, TOKENS)
        levels: list[dict[str, Any]] = []
        for level in self.args.levels:
            turns = max(1, min(10, math.ceil(self.args.turns_per_level / level)))
            row: dict[str, Any] = {"sessions": level, "turns_per_session": turns}
            for name in self.servers.by_name:
                load = run_sessions(
                    self.conn(name),
                    self.url(name),
                    level,
                    turns,
                    QUERY,
                    prefix=f"sweep{level}-{name}",
                    stagger=ANSWER_S if level > 1 else 0.0,
                    time_limit=self.args.level_limit,
                )
                results, extra = await measured(self.servers, name, load)
                row[name] = {**latency_summary(results), **extra}
                print(f"  sweep {level:>4} {name:<8} {json.dumps(row[name])}", flush=True)
                await asyncio.sleep(0.5)
            levels.append(row)
        return levels

    async def memory(self) -> dict[str, Any]:
        """Many short sessions, 50 at a time; the server's RSS sampled every tenth of them."""
        await self.servers.set_timing(0.0, 0.0, 5)
        out: dict[str, Any] = {}
        for name, server in self.servers.by_name.items():
            sessions = self.args.mem_sessions if name == "service" else self.args.mem_sessions_base
            samples, sample = _rss_sampler(server, sessions)
            load = run_pool(
                self.conn(name),
                server.url,
                sessions,
                self.args.mem_turns,
                QUERY,
                prefix=f"mem-{name}",
                concurrency=50,
                on_session_done=sample,
                time_limit=self.args.mem_limit,
            )
            results, extra = await measured(self.servers, name, load)
            out[name] = {
                "sessions": sessions,
                "turns_per_session": self.args.mem_turns,
                "completed": sum(r.ok for r in results),
                "failed": sum(not r.ok for r in results),
                "rss_mb": samples,
                **extra,
            }
            print(f"  memory {name:<8} {json.dumps(out[name])}", flush=True)
        return out


def _rss_sampler(
    server: Proc, sessions: int
) -> tuple[list[tuple[int, float]], Callable[[int], None]]:
    """RSS samples (sessions done, MB), and the callback that takes one every tenth session."""
    samples = [(0, round(server.rss_mb(), 1))]
    every = max(1, sessions // 10)

    def sample(done: int) -> None:
        if done % every == 0:
            samples.append((done, round(server.rss_mb(), 1)))

    return samples, sample
