"""Production's failure modes, on real processes and real sockets (issue 17): a DynamoDB that
hangs, a sandbox killed mid-turn, an answer abandoned and asked again at once, a turn that
outlives its first lease.

DynamoDB is `moto_server`, a process of its own (tests/aws.py), so it can be frozen with
SIGSTOP exactly as a hung endpoint behaves (connections open, nothing answers) and shared by two
app processes as DynamoDB is shared by sandboxes. Each test prints what it measured.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import anyio
import boto3
import httpx
import pytest

from supercar.app import create_app
from supercar.config import Settings
from tests import sse
from tests.aws import REGION, SESSIONS_TABLE, MotoServer
from tests.fakes.fake_groq import FakeGroq, Script, delay, stall, text, words
from tests.helpers import LiveServer, until

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def user_messages(request: dict[str, Any]) -> list[str]:
    return [m["content"] for m in request["messages"] if m["role"] == "user"]


async def complete_answer(url: str, query: str, session_id: str) -> tuple[float, int, list[str]]:
    """POST a turn and read it to the end: (seconds taken, status, event names)."""
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        response = await client.post("/query", json={"query": query, "session_id": session_id})
    names = sse.names(sse.parse(response.content)) if response.status_code == 200 else []
    return time.monotonic() - started, response.status_code, names


# --- a frozen table ------------------------------------------------------------------------


async def test_a_frozen_table_costs_every_request_a_complete_answer_within_10_s_then_heals(
    moto_server: MotoServer, make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    fake_groq.responder = lambda body: Script([text("Thinking"), delay(1.0), text(" it over.")])
    # The limits on, in the table, as deployed: they too must not hang a request.
    settings = make_settings(
        **moto_server.settings, rate_limit_per_minute=1000, session_rate_limit_per_minute=100
    )
    app = create_app(settings)
    async with LiveServer(app, timeout=90) as server:
        _, status, names = await complete_answer(server.url, "warm up", "frozen-0")
        assert status == 200 and names[-1] == "end" and "error" not in names

        # Two turns are streaming when the table stops answering; three more arrive after.
        in_flight: list[asyncio.Task[tuple[float, int, list[str]]]] = []
        for n in (1, 2):
            in_flight.append(asyncio.create_task(complete_answer(server.url, "hi", f"frozen-{n}")))
        await until(lambda: len(fake_groq.requests) == 3, "two turns streaming")
        moto_server.freeze()
        frozen_at = time.monotonic()
        arriving = [
            asyncio.create_task(complete_answer(server.url, "hello?", f"frozen-{n}"))
            for n in (3, 4, 5)
        ]
        answers = await asyncio.gather(*in_flight, *arriving)
        taken = time.monotonic() - frozen_at
        statuses = [status for _, status, _ in answers]
        print(f"frozen table: {[(round(t, 1), s) for t, s, _ in answers]}, all in {taken:.1f} s")
        assert taken < 10
        for _, status, names in answers[:2]:  # the streams end with an apology, error and end
            assert status == 200 and names[-2:] == ["error", "end"]
        assert statuses[2:] == [503, 503, 503]

        moto_server.thaw()
        thawed_at = time.monotonic()
        for _ in range(20):
            _, status, names = await complete_answer(server.url, "back?", "frozen-6")
            if status == 200:
                break
            await anyio.sleep(0.5)
        print(f"frozen table: answering again {time.monotonic() - thawed_at:.1f} s after thaw")
        assert status == 200 and names[-1] == "end" and "error" not in names


async def test_a_frozen_table_is_a_503_with_retry_after_and_a_failed_commit_says_store_unavailable(
    moto_server: MotoServer, make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([text("Let me see"), delay(0.5), text(" now.")]))
    app = create_app(make_settings(**moto_server.settings, store_timeout_seconds=1))
    async with LiveServer(app, timeout=60) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            body = {"query": "first", "session_id": "store-1"}
            async with client.stream("POST", "/query", json=body) as streaming:
                lines = streaming.aiter_lines()
                async for line in lines:
                    if line.startswith("data: Let me see"):
                        break
                moto_server.freeze()
                rest = sse.parse(("\n".join([line, *[x async for x in lines]]) + "\n").encode())
            refused = await client.post("/query", json={"query": "again", "session_id": "x"})
        moto_server.thaw()
    error = next(e for e in rest if e.name == "error").json()
    assert error["code"] == "store_unavailable"  # not internal_error
    assert "may not remember" in sse.text_of(rest)
    assert refused.status_code == 503 and refused.json()["code"] == "store_unavailable"
    assert int(refused.headers["retry-after"]) >= 1


# --- a sandbox killed mid-turn ---------------------------------------------------------------


class AppProcess:
    """The app under uvicorn in a process of its own (run.sh, as Lambda starts it), on moto."""

    def __init__(self, moto: MotoServer, fake_groq: FakeGroq, log: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "GROQ_"))}
        env.update(
            {name.upper(): value for name, value in moto.settings.items()},
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
            PORT=str(port),
            GROQ_API_KEY="test-key",
            GROQ_BASE_URL=fake_groq.base_url,
            GROQ_MAX_RETRIES="0",
            RATE_LIMIT_PER_MINUTE="0",
            SESSION_RATE_LIMIT_PER_MINUTE="0",
            CORS_ORIGINS="",
            AWS_ACCESS_KEY_ID="testing",
            AWS_SECRET_ACCESS_KEY="testing",
            AWS_REGION=REGION,
            AWS_DEFAULT_REGION=REGION,
            AWS_CONFIG_FILE=os.devnull,
            AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        )
        self.log = log
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                [str(ROOT / "run.sh")], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, self.log.read_text()
            try:
                if httpx.get(f"{self.url}/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "never became ready"
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def two_sandboxes(
    moto_server: MotoServer, fake_groq: FakeGroq, tmp_path: Path
) -> Iterator[tuple[AppProcess, AppProcess]]:
    one = AppProcess(moto_server, fake_groq, tmp_path / "one.log")
    two = AppProcess(moto_server, fake_groq, tmp_path / "two.log")
    try:
        one.wait_ready()
        two.wait_ready()
        yield one, two
    finally:
        one.stop()
        two.stop()


async def test_after_kill_9_mid_turn_another_process_takes_the_session_within_20_s(
    two_sandboxes: tuple[AppProcess, AppProcess], moto_server: MotoServer, fake_groq: FakeGroq
) -> None:
    one, two = two_sandboxes
    fake_groq.push(Script([text("Half an ans"), stall()]), Script(words("A whole answer.")))
    body = {"query": "first", "session_id": "crashed-1"}
    with anyio.fail_after(60):
        async with (
            httpx.AsyncClient(base_url=one.url, timeout=30) as client,
            client.stream("POST", "/query", json=body) as response,
        ):
            async for line in response.aiter_lines():
                if line.startswith("data: Half"):
                    break
            one.process.send_signal(signal.SIGKILL)  # the sandbox dies mid-answer
            killed_at = time.monotonic()
        refusals: list[int] = []
        async with httpx.AsyncClient(base_url=two.url, timeout=30) as client:
            while True:
                answer = await client.post(
                    "/query", json={"query": "second", "session_id": "crashed-1"}
                )
                if answer.status_code != 409:
                    break
                # As a client should: come back when Retry-After says, or sooner.
                refusals.append(int(answer.headers["retry-after"]))
                await anyio.sleep(min(1.0, refusals[-1]))
    accepted_after = time.monotonic() - killed_at
    print(
        f"kill -9: accepted on the other process {accepted_after:.1f} s after the kill, "
        f"after {len(refusals)} 409s (Retry-After {refusals})"
    )
    assert answer.status_code == 200
    assert sse.text_of(sse.parse(answer.content)) == "A whole answer."
    assert accepted_after < 20
    assert refusals and all(1 <= wait <= 15 for wait in refusals)
    # No half turn: the model saw only the new question, and the history holds one whole turn.
    assert user_messages(fake_groq.requests[-1]) == ["second"]
    item = boto3.client("dynamodb", endpoint_url=moto_server.url).get_item(
        TableName=SESSIONS_TABLE, Key={"session_id": {"S": "crashed-1"}}
    )["Item"]
    assert item["version"] == {"N": "1"} and "Half" not in item["turns"]["S"]


# --- an answer abandoned, and asked again at once -------------------------------------------


@pytest.mark.parametrize("backend", ["memory", "dynamodb"])
async def test_closing_a_stream_and_asking_again_at_once_is_accepted_10_times_of_10(
    backend: str,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    request: pytest.FixtureRequest,
) -> None:
    stores = request.getfixturevalue("tables") if backend == "dynamodb" else {}
    # A slow model: every answer starts, then waits, as a long answer does.
    fake_groq.responder = lambda body: Script([text("Let me think about that"), stall()])
    app = create_app(make_settings(**stores))
    session = f"eager-{backend}"
    accepted = 0
    async with LiveServer(app, timeout=60) as server:
        current = AsyncExitStack()  # this question's connection and stream
        client = await current.enter_async_context(httpx.AsyncClient(base_url=server.url))
        response = await current.enter_async_context(
            client.stream("POST", "/query", json={"query": "q0", "session_id": session})
        )
        try:
            for n in range(1, 11):
                async for line in response.aiter_lines():
                    if line.startswith("data: Let me"):
                        break
                # The page keeps a connection to the server; its next question goes out on it
                # the moment the customer gives up on this answer.
                following = AsyncExitStack()
                client = await following.enter_async_context(httpx.AsyncClient(base_url=server.url))
                assert (await client.get("/health")).status_code == 200
                await current.aclose()  # close the stream: the customer asks something else
                current = following
                response = await current.enter_async_context(
                    client.stream("POST", "/query", json={"query": f"q{n}", "session_id": session})
                )
                accepted += response.status_code == 200
                assert response.status_code in (200, 409), response.status_code
        finally:
            await current.aclose()
        await until(lambda: fake_groq.active == 0, "every cut turn closed upstream")
        history = await app.state.services.sessions.load(session)
    print(f"close and ask again ({backend}): accepted {accepted} of 10")
    assert accepted == 10
    assert history.turns == []  # no cut turn was saved


# --- a turn longer than its lease ------------------------------------------------------------


async def test_a_turn_longer_than_its_lease_keeps_its_session(
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    fake_groq.push(Script([text("A long"), delay(6.0), text(" answer.")]))
    app = create_app(make_settings(session_lease_seconds=3))
    async with LiveServer(app, timeout=60) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            first = asyncio.create_task(complete_answer(server.url, "tell me", "long-1"))
            await until(lambda: len(fake_groq.requests) == 1, "the first turn streaming")
            await anyio.sleep(3.5)  # past the first lease: only the heartbeat holds it now
            second = await client.post("/query", json={"query": "and?", "session_id": "long-1"})
            _, status, names = await first
    assert second.status_code == 409 and 1 <= int(second.headers["retry-after"]) <= 3
    assert status == 200 and names[-1] == "end" and "error" not in names
