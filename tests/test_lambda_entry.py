"""handler.py and run.sh driven the way Lambda drives them, offline.

- Buffered: Mangum's `handler` fed the sample events in infra/events (API Gateway HTTP API v2,
  REST API v1, Function URL), as `sam local invoke` would: a complete SSE body per invocation.
- Streaming: run.sh started as the Lambda Web Adapter starts it (a process with PORT set, polled
  on the readiness path /health), then /query streamed over a real socket, with the headers LWA
  adds; chunks must arrive one by one, and the JSON log lines carry the request's ids.
- Packaging: `make lambda-src` stages exactly what the function needs, and it imports on its own.
"""

from __future__ import annotations

import asyncio
import importlib
import itertools
import json
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import anyio
import httpx
import pytest

from supercar.api.lifecycle import AFTER_RESTORE_PATH, BEFORE_CHECKPOINT_PATH
from supercar.config import get_settings
from supercar.logs import SDK_LOGGERS
from supercar.request_context import RequestContextFilter
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.helpers import timed_events
from tests.test_snapstart import SNAPSTART_ENV

ROOT = Path(__file__).resolve().parent.parent
EVENTS = sorted((ROOT / "infra" / "events").glob("*.json"))


def app_env(fake_groq: FakeGroq) -> dict[str, str]:
    """The app's settings as environment variables: a Groq key pointing at the fake, memory
    stores, CORS off (the Function URL's job), nothing read from a developer's AWS set-up."""
    return {
        "GROQ_API_KEY": "test-key",
        "GROQ_BASE_URL": fake_groq.base_url,
        "GROQ_MAX_RETRIES": "0",
        "GROQ_API_KEY_PARAM": "",
        "SESSIONS_TABLE": "",
        "BOOKINGS_TABLE": "",
        "CORS_ORIGINS": "",
        "LOG_LEVEL": "INFO",
    }


@pytest.fixture
def import_handler(
    monkeypatch: pytest.MonkeyPatch, fake_groq: FakeGroq
) -> Iterator[Callable[..., ModuleType]]:
    """`import_handler(**env)`: a fresh `import handler` with the app's environment (plus `env`);
    its sandbox shut down (`handler.close()`) and logging restored afterwards."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, {n: logging.getLogger(n).level for n in SDK_LOGGERS})
    imported: list[ModuleType] = []

    def import_it(**env: str) -> ModuleType:
        for name, value in {**app_env(fake_groq), **env}.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)
        get_settings.cache_clear()
        sys.modules.pop("handler", None)
        asyncio.set_event_loop(None)  # as in a fresh sandbox: no loop until the handler makes one
        imported.append(importlib.import_module("handler"))
        return imported[-1]

    try:
        yield import_it
    finally:
        for module in imported:
            module.handler.close()
        sys.modules.pop("handler", None)
        get_settings.cache_clear()
        root.handlers[:], root.level = saved[0], saved[1]
        for name, level in saved[2].items():
            logging.getLogger(name).setLevel(level)


@pytest.fixture
def lambda_module(import_handler: Callable[..., ModuleType]) -> ModuleType:
    return import_handler()


def invoke(handler: Any, event: dict[str, Any], request_id: str) -> dict[str, Any]:
    """Call the handler as the Lambda runtime does: synchronously, outside any running loop."""
    context = SimpleNamespace(
        aws_request_id=request_id,
        function_name="supercar-BufferedFunction",
        memory_limit_in_mb=512,
        invoked_function_arn="arn:aws:lambda:eu-west-1:123456789012:function:supercar",
        get_remaining_time_in_millis=lambda: 29_000,
    )
    response: dict[str, Any] = handler(event, context)
    return response


@pytest.mark.parametrize("event_file", EVENTS, ids=[p.stem for p in EVENTS])
def test_the_mangum_handler_returns_a_complete_sse_body_for_each_sample_event(
    event_file: Path,
    lambda_module: ModuleType,
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    event = json.loads(event_file.read_text())
    fake_groq.push(
        Script([tool_call("get_weather", {"city": "Miami"})]),
        Script(words("It is warm in Miami today.")),
    )
    caplog.handler.addFilter(RequestContextFilter())
    with caplog.at_level(logging.INFO):
        response = invoke(lambda_module.handler, event, request_id=f"req-{event_file.stem}")
    assert response["statusCode"] == 200
    headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
    assert headers["content-type"].startswith("text/event-stream")
    assert "access-control-allow-origin" not in headers  # CORS is API Gateway's job here
    assert response["isBase64Encoded"] is False
    body: str = response["body"]
    assert "\r" not in body  # LF framing only (the frontend does not strip CR)
    assert body.endswith("event: end\ndata: \n\n")  # `end` carries `data:` and is last
    events = sse.parse(body.encode())
    assert sse.names(events) == ["tool_use", "tool_output", "chunk", "end"]
    assert events[0].data == "get_weather"
    assert events[1].json()["name"] == "get_weather"
    assert sse.text_of(events) == "It is warm in Miami today."
    assert body.count("\n\n") == len(events)  # one blank line after each event, no leftovers
    session_id = json.loads(event["body"])["session_id"]
    tool_record = next(r for r in caplog.records if hasattr(r, "tool"))
    assert tool_record.request_id == f"req-{event_file.stem}"  # type: ignore[attr-defined]
    assert tool_record.session_id == session_id  # type: ignore[attr-defined]


def function_url_event() -> dict[str, Any]:
    event: dict[str, Any] = json.loads(
        (ROOT / "infra" / "events" / "function_url.json").read_text()
    )
    return event


def health_event() -> dict[str, Any]:
    event = function_url_event()
    event.update(rawPath="/health", body=None)
    event["requestContext"]["http"].update(method="GET", path="/health")
    return event


def test_the_mangum_handler_builds_the_services_once_and_keeps_them_across_invocations(
    lambda_module: ModuleType, fake_groq: FakeGroq
) -> None:
    # Mangum's own lifespan would start and stop the app around every invocation.
    query_event = function_url_event()
    fake_groq.push(Script(words("First.")), Script(words("Second.")))
    first = invoke(lambda_module.handler, query_event, request_id="call-1")
    services = lambda_module.app.state.services
    groq_client = services.model.model._client
    for n in range(2):
        response = invoke(lambda_module.handler, health_event(), request_id=f"health-{n}")
        assert json.loads(response["body"])["model"]["backend"] == "groq"
    second = invoke(lambda_module.handler, query_event, request_id="call-2")
    assert [sse.text_of(sse.parse(r["body"].encode())) for r in (first, second)] == [
        "First.",
        "Second.",
    ]
    assert lambda_module.app.state.services is services
    assert services.model.model._client is groq_client and not groq_client.is_closed()
    # The sandbox ends: the lifespan is left once, and it closes the Groq client.
    lambda_module.handler.close()
    assert groq_client.is_closed()


def test_the_mangum_handler_with_no_key_reads_ssm_once_per_max_age_not_per_invocation(
    aws: None, import_handler: Callable[..., ModuleType], caplog: pytest.LogCaptureFixture
) -> None:
    module = import_handler(GROQ_API_KEY="", GROQ_API_KEY_PARAM="/supercar/absent")
    logging.getLogger().addHandler(caplog.handler)  # the import replaced the root's handlers
    query_event = function_url_event()
    with caplog.at_level(logging.INFO):
        for n in range(2):
            answer = invoke(module.handler, query_event, request_id=f"query-{n}")
            assert sse.names(sse.parse(answer["body"].encode()))[-1] == "end"
            health = invoke(module.handler, health_event(), request_id=f"health-{n}")
            assert json.loads(health["body"])["key"] == {"source": "ssm", "status": "missing"}
            assert json.loads(health["body"])["model"]["backend"] == "offline"
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "/supercar/absent" in errors[0].getMessage()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def lwa_process(fake_groq: FakeGroq, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """run.sh started as LWA's bootstrap does, ready once /health answers (like LWA's check)."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "GROQ_"))}
    env.update(app_env(fake_groq))
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        PORT=str(port),
        AWS_LAMBDA_FUNCTION_NAME="supercar-StreamFunction",  # as on Lambda: JSON log lines
        AWS_REGION="eu-west-1",
        **SNAPSTART_ENV,  # the stream function's sandbox, as template.yaml deploys it
    )
    log_file = tmp_path / "lambda.log"
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [str(ROOT / "run.sh")], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, log_file.read_text()
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "never became ready"
            time.sleep(0.01)  # LWA polls every 10 ms
        yield url, log_file
    finally:
        process.terminate()
        process.wait(timeout=10)


async def test_under_the_web_adapter_chunks_stream_as_they_are_written(
    lwa_process: tuple[str, Path], fake_groq: FakeGroq
) -> None:
    url, log_file = lwa_process
    text = "One two three four five six seven eight."
    fake_groq.push(Script(words(text), token_interval=0.1))
    lambda_context = {"request_id": "lwa-request-1", "deadline": 0, "invoked_function_arn": "x"}
    request_context = {"requestId": "url-request-1", "http": {"method": "POST", "path": "/query"}}
    headers = {
        "accept": "text/event-stream",
        # What LWA adds to every request it relays.
        "x-amzn-lambda-context": json.dumps(lambda_context),
        "x-amzn-request-context": json.dumps(request_context),
    }
    arrivals = await timed_events(url, "count for me", "lwa-1", headers)
    chunks = [(t, e) for t, e in arrivals if e.name == "chunk"]
    assert "".join(e.data for _, e in chunks) == text
    assert arrivals[-1][1].name == "end"
    # Incremental: many chunk events, spread over the time the model took to write them.
    assert len(chunks) >= 5
    assert chunks[-1][0] - chunks[0][0] >= 0.4
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(chunks)]
    assert sum(gap >= 0.05 for gap in gaps) >= 4

    # JSON log lines (AWS_LAMBDA_FUNCTION_NAME is set), every one of them, uvicorn's included;
    # the turn's records carry the Lambda request id LWA forwarded and the session id.
    await anyio.sleep(0.2)
    lines = [line for line in log_file.read_text().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    turn = [r for r in records if r.get("session_id") == "lwa-1"]
    assert turn and all(r["request_id"] == "lwa-request-1" for r in turn)
    assert all(r["service"] == "supercar" for r in records)
    assert "test-key" not in log_file.read_text()


def test_the_lambda_package_holds_the_app_and_nothing_else(tmp_path: Path) -> None:
    staged = tmp_path / "lambda"
    subprocess.run(
        ["make", "--no-print-directory", "lambda-src", f"LAMBDA_SRC={staged}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert sorted(p.name for p in staged.iterdir()) == [
        "handler.py",
        "requirements.txt",
        "run.sh",
        "supercar",
    ]
    assert os.access(staged / "run.sh", os.X_OK)
    assert not list(staged.rglob("__pycache__"))
    # Self-contained: it imports from the staged copy alone (dependencies from the venv).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "GROQ_"))}
    env.update(GROQ_API_KEY="", SESSIONS_TABLE="", BOOKINGS_TABLE="", PYTHONDONTWRITEBYTECODE="1")
    probe = (
        "import handler, supercar.llm.offline, supercar.llm.groq, supercar.store.dynamodb;"
        "print(handler.handler.__class__.__name__, handler.__file__)"
    )
    assert run_probe(probe, staged, env).split() == ["BufferedHandler", str(staged / "handler.py")]


def test_under_run_sh_the_snapstart_hooks_answer_the_adapter_and_refuse_the_public(
    lwa_process: tuple[str, Path], fake_groq: FakeGroq
) -> None:
    # As the adapter calls them: an empty POST on localhost, no Lambda request context.
    url, _ = lwa_process
    public = {"x-amzn-request-context": json.dumps({"requestId": "url-1"})}
    for path in (BEFORE_CHECKPOINT_PATH, AFTER_RESTORE_PATH):
        assert httpx.post(f"{url}{path}", headers=public, timeout=5).status_code == 404
        assert httpx.post(f"{url}{path}", timeout=5).status_code == 204
    assert httpx.get(f"{url}/health", timeout=5).json()["model"]["backend"] == "groq"
    fake_groq.push(Script(words("Restored.")))
    answer = httpx.post(
        f"{url}/query", json={"query": "hi", "session_id": "restored-1"}, timeout=10
    )
    assert sse.text_of(sse.parse(answer.content)) == "Restored."


def test_run_sh_is_executable_and_starts_uvicorn_on_port() -> None:
    script = ROOT / "run.sh"
    assert os.access(script, os.X_OK)
    text = script.read_text()
    assert "exec python -m uvicorn handler:app" in text and '"${PORT:-8000}"' in text
    assert "--http supercar.protocol:GuardedHttpToolsProtocol" in text


def test_importing_handler_loads_no_aws_sdk_nor_mangum_even_with_tables_and_a_parameter() -> None:
    # Cold start: botocore is imported in the lifespan, and only when configured; Mangum only on
    # a buffered invocation; importing the entry point stays cheap whatever the settings.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "GROQ_"))}
    env.update(SESSIONS_TABLE="s", BOOKINGS_TABLE="b", GROQ_API_KEY="", GROQ_API_KEY_PARAM="/p")
    probe = (
        "import sys, handler;"
        "heavy = ('boto3', 'botocore', 'aws_lambda_powertools.utilities.parameters',"
        " 'groq', 'aiohttp', 'mangum', 'supercar.store.dynamodb');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    assert run_probe(probe, ROOT, env).strip() == "[]"


def run_probe(code: str, cwd: Path, env: dict[str, str]) -> str:
    """Run `code` in a fresh interpreter (what a new sandbox imports) and return its stdout."""
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout
