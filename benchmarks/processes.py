"""Processes on loopback: start one and wait until it answers, read its CPU and RSS from /proc.

Every server runs in its own process, so `/proc/PID/stat` gives its CPU apart from the load
client's and the fake upstream's.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CLK_TCK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pin(cpu: int | None) -> Callable[[], None] | None:
    """A `preexec_fn` that pins the child to `cpu` (None: not pinned)."""
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
    """Start `cmd` (output to logdir/name.log) and return once `ready_path` answers below 500."""
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


def steal_seconds() -> float:
    """CPU time the hypervisor gave to other guests, all CPUs (a noise indicator)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    return int(fields[8]) / CLK_TCK if len(fields) > 8 else 0.0


@contextlib.contextmanager
def logs_dir(keep: bool) -> Iterator[Path]:
    """benchmarks/logs when the logs are kept, else a temporary directory."""
    if keep:
        path = ROOT / "benchmarks" / "logs"
        path.mkdir(exist_ok=True)
        yield path
    else:
        with tempfile.TemporaryDirectory(prefix="supercar-bench-") as tmp:
            yield Path(tmp)
