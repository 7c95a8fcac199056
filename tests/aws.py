"""Offline AWS for tests: moto's `mock_aws` with fake credentials, and the app's DynamoDB tables
created from template.yaml's own definitions (so the stores are tested against the key schema
that is deployed).

A pytest plugin (tests/conftest.py lists it): every test may ask for `aws_env`, `aws`, `tables`,
`limits_table`, and `moto_server` (moto as a process of its own on loopback, with the three
tables: what several app processes can share, and what a test can freeze).

Two details worth knowing:
- Fake credentials and region are set before the mock starts and any client exists, and the
  developer's AWS config files and endpoint overrides are hidden, so no test can reach AWS.
- DynamoDB makes each conditional write atomic; moto does not lock, so two threads can both pass
  a condition before either writes. `aws` serialises moto's request handling to restore that
  guarantee. The concurrency under test stays real: our requests are in flight at once, in
  worker threads, exactly as in a sandbox.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest
from moto import mock_aws
from moto.core.botocore_stubber import BotocoreStubber

ROOT = Path(__file__).resolve().parent.parent
REGION = "eu-west-1"
SESSIONS_TABLE = "supercar-sessions-test"
BOOKINGS_TABLE = "supercar-bookings-test"
LIMITS_TABLE = "supercar-limits-test"


def load_infra(module: str) -> Any:
    """Import a script from infra/ (not a package) by path."""
    spec = importlib.util.spec_from_file_location(module, ROOT / "infra" / f"{module}.py")
    assert spec and spec.loader
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fake credentials and region; nothing of the developer's AWS configuration is visible."""
    for name in (
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_SSM",
        "AWS_ENDPOINT_URL_DYNAMODB",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_REGION", REGION)
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)


@pytest.fixture
def aws(aws_env: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """moto's mock of every AWS service, started before any client is created."""
    lock = threading.Lock()
    process = BotocoreStubber.process_request

    def atomic(self: BotocoreStubber, request: Any) -> Any:
        with lock:
            return process(self, request)

    monkeypatch.setattr(BotocoreStubber, "process_request", atomic)
    with mock_aws():
        yield


@pytest.fixture
def tables(aws: None) -> dict[str, str]:
    """The sessions and bookings tables, created from template.yaml; returns the settings."""
    local_tables = load_infra("local_tables")
    local_tables.create_tables(
        boto3.client("dynamodb"),
        {"SessionsTable": SESSIONS_TABLE, "BookingsTable": BOOKINGS_TABLE},
    )
    return {"sessions_table": SESSIONS_TABLE, "bookings_table": BOOKINGS_TABLE}


def create_limits_table(client: Any, name: str = LIMITS_TABLE) -> None:
    """The limits table, created from template.yaml's `LimitsTable` under another name."""
    load_infra("local_tables").create_tables(client, {"LimitsTable": name})


@pytest.fixture
def limits_table(aws: None) -> dict[str, str]:
    """The limits table under moto; returns the setting."""
    create_limits_table(boto3.client("dynamodb"))
    return {"limits_table": LIMITS_TABLE}


class MotoServer:
    """`moto_server` in a process of its own on loopback, holding the app's three tables."""

    def __init__(self, log: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.settings = {
            "dynamodb_endpoint_url": self.url,
            "sessions_table": SESSIONS_TABLE,
            "bookings_table": BOOKINGS_TABLE,
            "limits_table": LIMITS_TABLE,
        }
        command = [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1"]
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [*command, "-p", str(port)], stdout=out, stderr=subprocess.STDOUT
            )
        self.frozen = False
        deadline = time.monotonic() + 30
        while True:
            assert self.process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{self.url}/moto-api/", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "moto_server never answered"
            time.sleep(0.05)
        client = boto3.client("dynamodb", endpoint_url=self.url)
        load_infra("local_tables").create_tables(
            client,
            {"SessionsTable": SESSIONS_TABLE, "BookingsTable": BOOKINGS_TABLE},
        )
        create_limits_table(client)

    def freeze(self) -> None:
        """Stop the process where it stands (SIGSTOP): connections open, nothing answers."""
        os.kill(self.process.pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)
        self.frozen = False

    def stop(self) -> None:
        if self.frozen:
            self.thaw()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def moto_server(aws_env: None, tmp_path: Path) -> Iterator[MotoServer]:
    """moto_server on loopback with the tables; its settings are `moto_server.settings`."""
    server = MotoServer(tmp_path / "moto_server.log")
    try:
        yield server
    finally:
        server.stop()
