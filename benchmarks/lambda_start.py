"""Cold start as a Lambda sandbox pays it: process start -> first answer on GET /health, under
run.sh with the Lambda environment, beside a bare FastAPI + sse-starlette app in the same run.

Three starts, each a fresh process on the server's CPU, interleaved round by round:
- `service_lambda`: `sh run.sh` with AWS_LAMBDA_FUNCTION_NAME, SESSIONS_TABLE, BOOKINGS_TABLE and
  GROQ_API_KEY_PARAM (an SSM SecureString), AWS_ENDPOINT_URL at a `moto_server` on loopback and
  fake credentials: DynamoDB stores and the key read from SSM, as deployed;
- `service_memory`: the same with memory stores and the key in GROQ_API_KEY (no AWS at all);
- `bare`: `benchmarks.bare_app` served by the same uvicorn command line.

Decisions:
- Ready is the first answer to /health: what the Lambda Web Adapter waits for before it relays the
  first invocation (AWS_LWA_READINESS_CHECK_PATH). It is polled every 2 ms from the client's CPU.
- Without bytecode, as `sam build` ships the package: PYTHONPYCACHEPREFIX names a directory that
  holds the standard library's bytecode only, and PYTHONDONTWRITEBYTECODE is set, so the project
  and site-packages compile from source on every start while the runtime's own library keeps its
  bytecode, as on Lambda.
- moto runs on the client's CPU, off the measured core. SSM and DynamoDB on Lambda are a network
  away, so the service's figures here are a lower bound.
- The import profile is the run.sh process itself (PYTHONPROFILEIMPORTTIME), with bytecode.
"""

from __future__ import annotations

import contextlib
import os
import socket
import statistics
import subprocess
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from benchmarks.cold_start import parse_importtime
from benchmarks.processes import PY, ROOT, Proc, free_port, pin, start
from benchmarks.stats import ms

REGION = "us-east-1"
TABLES = {"SessionsTable": "supercar-bench-sessions", "BookingsTable": "supercar-bench-bookings"}
KEY_PARAM = "/supercar/bench/groq-api-key"
STARTS = ("service_lambda", "service_memory", "bare")


def lambda_start(runs: int, cpus: tuple[int | None, int | None], logdir: Path) -> dict[str, Any]:
    """Medians of `runs` starts of each kind, with and without bytecode; and the import profile.
    `cpus`: (the client's and moto's, the server's)."""
    client_cpu, server_cpu = cpus
    with _moto(logdir, client_cpu) as endpoint, tempfile.TemporaryDirectory() as prefix:
        envs = {
            "service_lambda": _env(lambda_settings(endpoint)),
            "service_memory": _env({"GROQ_API_KEY": "bench-key"}),
        }
        envs["bare"] = envs["service_memory"]
        out: dict[str, Any] = {
            "runs": runs,
            "bare_command": " ".join(_command("bare", "$PORT")[1:]),
        }
        for key in STARTS:  # writes the bytecode the first mode reads
            health = _start_once(key, envs[key], server_cpu, logdir).health
            if key == "service_lambda" and b'"key":{"source":"ssm","status":"ok"}' not in health:
                raise RuntimeError(f"the Lambda start did not read its key from SSM: {health!r}")
        out["bytecode"] = _medians(runs, envs, server_cpu, logdir)
        _stdlib_bytecode_only(Path(prefix), envs["service_lambda"], server_cpu, logdir)
        no_pyc = {"PYTHONPYCACHEPREFIX": prefix, "PYTHONDONTWRITEBYTECODE": "1"}
        out["no_bytecode"] = _medians(
            runs, {k: env | no_pyc for k, env in envs.items()}, server_cpu, logdir
        )
        profile = _env(lambda_settings(endpoint)) | {"PYTHONPROFILEIMPORTTIME": "1"}
        log = _start_once("service_lambda", profile, server_cpu, logdir, "importtime").log
        out["importtime"] = parse_importtime(log.read_text(errors="replace"), root="handler")
    for mode in ("bytecode", "no_bytecode"):
        figures = out[mode]
        for key in ("service_lambda", "service_memory"):
            figures[f"{key}_x"] = round(figures[f"{key}_ms"] / figures["bare_ms"], 2)
    return out


def lambda_settings(endpoint: str) -> dict[str, str]:
    """The stack's settings for the streaming function, with AWS on `endpoint`."""
    return {
        "SESSIONS_TABLE": TABLES["SessionsTable"],
        "BOOKINGS_TABLE": TABLES["BookingsTable"],
        "GROQ_API_KEY_PARAM": KEY_PARAM,
        "AWS_ENDPOINT_URL": endpoint,
    }


def _env(settings: dict[str, str]) -> dict[str, str]:
    """The Lambda runtime's variables (fake credentials; no AWS config of this machine's)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GROQ_", "PYTHON", "AWS_"))}
    return env | {
        "PATH": f"{Path(PY).parent}:{env.get('PATH', '')}",  # run.sh runs `python`
        "LAMBDA_TASK_ROOT": str(ROOT),
        "AWS_LAMBDA_FUNCTION_NAME": "supercar-bench",
        "AWS_REGION": REGION,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "CORS_ORIGINS": "",
        **settings,
    }


@contextlib.contextmanager
def _moto(logdir: Path, cpu: int | None) -> Iterator[str]:
    """A moto server with the app's tables (from template.yaml) and the key parameter."""
    import boto3

    from infra.local_tables import create_tables

    port = free_port()
    cmd = [str(Path(PY).parent / "moto_server"), "-p", str(port)]
    proc: Proc = start("moto", cmd, _env({}), port, cpu, logdir, "/moto-api/")
    try:
        aws = {
            "endpoint_url": proc.url,
            "region_name": REGION,
            "aws_access_key_id": "testing",
            "aws_secret_access_key": "testing",
        }
        create_tables(boto3.client("dynamodb", **aws), TABLES)
        boto3.client("ssm", **aws).put_parameter(
            Name=KEY_PARAM, Value="bench-key", Type="SecureString", Overwrite=True
        )
        yield proc.url
    finally:
        proc.stop()


def _medians(
    runs: int, envs: dict[str, dict[str, str]], cpu: int | None, logdir: Path
) -> dict[str, Any]:
    times: dict[str, list[float]] = {key: [] for key in STARTS}
    for _ in range(runs):
        for key in STARTS:
            times[key].append(_start_once(key, envs[key], cpu, logdir).seconds)
    return {f"{key}_ms": ms(statistics.median(values)) for key, values in times.items()}


class Start(NamedTuple):
    seconds: float  # process start to the first answer on /health
    health: bytes  # that answer, head and body
    log: Path  # the process's output


def _start_once(
    key: str, env: dict[str, str], cpu: int | None, logdir: Path, name: str = ""
) -> Start:
    """Start one process, time it to its first /health answer, stop it."""
    port = free_port()
    log = logdir / f"start-{name or key}.log"
    with log.open("wb") as out:
        t0 = time.perf_counter()
        popen = subprocess.Popen(
            _command(key, port),
            cwd=ROOT,
            env=env | {"PORT": str(port)},
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=pin(cpu),
        )
        try:
            seconds, health = _wait_health(port, popen, t0)
        finally:
            Proc(key, popen, "").stop()
    return Start(seconds, health, log)


def _command(key: str, port: int | str) -> list[str]:
    """run.sh for the service; for the bare app, the command line run.sh runs (PORT is set)."""
    if key != "bare":
        return ["sh", "run.sh"]
    app = "benchmarks.bare_app:app"
    return [PY, "-m", "uvicorn", app, "--host", "0.0.0.0", "--port", str(port), "--no-access-log"]


def _wait_health(port: int, popen: subprocess.Popen[bytes], t0: float) -> tuple[float, bytes]:
    request = b"GET /health HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n"
    while time.perf_counter() - t0 < 60:
        if popen.poll() is not None:
            raise RuntimeError(f"a cold start exited with {popen.returncode}; see its log")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1) as s:
            s.sendall(request)
            response = s.recv(65536)
            if response.startswith(b"HTTP/1.1 200"):
                seconds = time.perf_counter() - t0
                while data := s.recv(65536):
                    response += data
                return seconds, response
        time.sleep(0.002)
    raise RuntimeError("a cold start was not ready on /health within 60 s")


def _stdlib_bytecode_only(prefix: Path, env: dict[str, str], cpu: int | None, logdir: Path) -> None:
    """Fill `prefix` with bytecode from one service start, then keep the standard library's."""
    _start_once("service_lambda", env | {"PYTHONPYCACHEPREFIX": str(prefix)}, cpu, logdir)
    keep = prefix / sysconfig.get_paths()["stdlib"].lstrip("/")
    for path in list(prefix.rglob("*.pyc")):
        if keep not in path.parents or "site-packages" in path.parts:
            path.unlink()
