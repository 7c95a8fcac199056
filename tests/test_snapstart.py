"""The SnapStart hooks, called as the Lambda Web Adapter calls them in a SnapStart sandbox (POST
on localhost, no Lambda request context, `AWS_LAMBDA_INITIALIZATION_TYPE=snap-start` and the
adapter's hook paths set) and from everywhere they do not belong (through the Function URL, off
Lambda, on Lambda without SnapStart, from another address): the first closes and renews every
pool and re-reads the key, without breaking a turn in flight; the rest are 404s, as for a path
that does not exist.

Connection pools only exist over real sockets, and moto answers inside botocore, before any
socket. So the pool test points the AWS clients at `LoopbackAws`: a keep-alive HTTP server on
loopback that answers SSM's GetParameter and accepts every DynamoDB write (an empty JSON object
is a valid answer to each call a turn makes) and counts the TCP connections it accepts. Whether
a call reused a pooled connection or opened a new one is then seen from the other side.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import httpx
import pytest

from supercar import services
from supercar.api import lifecycle
from supercar.api.lifecycle import AFTER_RESTORE_PATH, BEFORE_CHECKPOINT_PATH
from supercar.app import create_app
from supercar.config import Settings
from tests import sse
from tests.conftest import GatedWorld
from tests.fakes.fake_groq import FakeGroq, Script, delay, text, words
from tests.helpers import LiveServer, asgi_client, ask, timed_events, until
from tests.test_aws_app import PARAM

# What a SnapStart sandbox of the stream function has: Lambda's initialization type, and the
# adapter's hook paths as template.yaml sets them.
SNAPSTART_ENV = {
    "AWS_LAMBDA_INITIALIZATION_TYPE": "snap-start",
    "AWS_LWA_SNAPSTART_BEFORE_CHECKPOINT_PATH": BEFORE_CHECKPOINT_PATH,
    "AWS_LWA_SNAPSTART_AFTER_RESTORE_PATH": AFTER_RESTORE_PATH,
}
PUBLIC = {
    "x-amzn-request-context": '{"requestId": "url-1", "http": {"method": "POST"}}',
    "content-type": "application/json",  # past the body guard, so an unknown path is a 404 too
}


@pytest.fixture
def snapstart_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SNAPSTART_ENV.items():
        monkeypatch.setenv(name, value)


def put_key(value: str) -> None:
    boto3.client("ssm").put_parameter(Name=PARAM, Value=value, Type="SecureString", Overwrite=True)


def pools(client: Any) -> list[Any]:
    """The urllib3 connection pools a botocore client holds now."""
    manager = client._endpoint.http_session._manager
    return [manager.pools[key] for key in manager.pools.keys()]


class LoopbackAws(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _AwsHandler)
        self.key = "gsk-before"
        self.connections = 0
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


class _AwsHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a pooled connection carries many calls
    server: LoopbackAws

    def setup(self) -> None:
        super().setup()
        self.server.connections += 1

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        answer: dict[str, Any] = {}
        if self.headers.get("x-amz-target") == "AmazonSSM.GetParameter":
            answer = {
                "Parameter": {"Name": PARAM, "Type": "SecureString", "Value": self.server.key}
            }
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("content-type", "application/x-amz-json-1.1")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback_aws(aws_env: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[LoopbackAws]:
    server = LoopbackAws()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("AWS_ENDPOINT_URL", server.url)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def lambda_settings(
    tables: dict[str, str], make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> Settings:
    put_key("gsk-before")
    fake_groq.api_key = "gsk-before"
    return make_settings(groq_api_key=None, groq_api_key_param=PARAM, **tables)


async def test_the_adapter_s_hooks_close_then_renew_every_pool_and_re_read_the_key(
    snapstart_sandbox: None,
    loopback_aws: LoopbackAws,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
) -> None:
    fake_groq.api_key = "gsk-before"
    fake_groq.push(Script(words("Before.")), Script(words("Between.")), Script(words("After.")))
    settings = make_settings(
        groq_api_key=None, groq_api_key_param=PARAM, sessions_table="s", bookings_table="b"
    )
    app = create_app(settings)
    async with asgi_client(app) as client:
        services = app.state.services
        assert sse.text_of(await ask(client, "hi", "snap")) == "Before."
        groq_client = services.model.model._client
        dynamodb = services.sessions.client
        old_pools = pools(dynamodb)
        assert old_pools and not groq_client.is_closed()
        # Warm: another turn reuses the pooled connections (none opened).
        opened = loopback_aws.connections
        assert sse.text_of(await ask(client, "and?", "snap")) == "Between."
        assert loopback_aws.connections == opened

        for _ in range(2):  # idempotent
            assert (await client.post(BEFORE_CHECKPOINT_PATH)).status_code == 204
        assert groq_client.is_closed() and pools(dynamodb) == []

        loopback_aws.key = fake_groq.api_key = "gsk-after"  # rotated while the snapshot slept
        state = random.getstate()
        for _ in range(2):
            response = await client.post(AFTER_RESTORE_PATH)
            assert response.status_code == 204 and response.content == b""
        assert random.getstate() != state  # reseeded
        assert services.model.model._client is not groq_client
        # Each call re-read the key, each time on a new connection.
        assert loopback_aws.connections == opened + 2

        assert sse.text_of(await ask(client, "hi again", "snap")) == "After."
        new_pools = pools(dynamodb)
        assert new_pools and not {id(p) for p in new_pools} & {id(p) for p in old_pools}
        assert loopback_aws.connections == opened + 3  # and DynamoDB on a new one
    assert [r.headers["authorization"] for r in fake_groq.requests] == [
        "Bearer gsk-before",
        "Bearer gsk-before",
        "Bearer gsk-after",
    ]


async def test_after_a_restore_the_first_turn_works_even_with_an_environment_key(
    snapstart_sandbox: None, make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    # No SSM to re-read: the Groq client closed for the snapshot is still replaced.
    fake_groq.push(Script(words("Back.")))
    app = create_app(make_settings())
    async with asgi_client(app) as client:
        closed = app.state.services.model.model._client
        assert (await client.post(BEFORE_CHECKPOINT_PATH)).status_code == 204
        assert (await client.post(AFTER_RESTORE_PATH)).status_code == 204
        assert app.state.services.model.model._client is not closed and closed.is_closed()
        assert sse.text_of(await ask(client, "hi", "env-snap")) == "Back."


@pytest.mark.parametrize("path", [BEFORE_CHECKPOINT_PATH, AFTER_RESTORE_PATH])
async def test_a_hook_called_through_the_function_url_is_a_404_and_changes_nothing(
    path: str, snapstart_sandbox: None, lambda_settings: Settings
) -> None:
    app = create_app(lambda_settings)
    async with asgi_client(app) as client:
        model = app.state.services.model.model
        response = await client.post(path, headers=PUBLIC)
        unknown = await client.post("/internal/no-such-hook", headers=PUBLIC)
        assert app.state.services.model.model is model and not model._client.is_closed()
    assert response.status_code == 404
    assert response.json() == unknown.json() == {"code": "not_found", "message": "Not Found"}


async def test_the_hooks_are_hidden_from_the_openapi_document(
    make_settings: Callable[..., Settings],
) -> None:
    app = create_app(make_settings())
    async with asgi_client(app) as client:
        paths = (await client.get("/openapi.json")).json()["paths"]
    assert "/health" in paths
    assert not [p for p in paths if p.startswith("/internal")]


@pytest.mark.parametrize(
    ("where", "env", "peer"),
    [
        ("a laptop or a container", {}, "127.0.0.1"),
        ("Lambda without SnapStart", {"AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand"}, "127.0.0.1"),
        (
            "SnapStart, but the adapter was not told this path",
            {"AWS_LAMBDA_INITIALIZATION_TYPE": "snap-start"},
            "127.0.0.1",
        ),
        ("a SnapStart sandbox, called from elsewhere", SNAPSTART_ENV, "203.0.113.9"),
    ],
)
async def test_a_hook_is_a_404_wherever_it_does_not_belong(
    where: str,
    env: dict[str, str],
    peer: str,
    make_settings: Callable[..., Settings],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in SNAPSTART_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = create_app(make_settings())
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=(peer, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            model = app.state.services.model.model
            hooks = (BEFORE_CHECKPOINT_PATH, AFTER_RESTORE_PATH)
            answers = [(await client.post(path)).status_code for path in hooks]
            assert app.state.services.model.model is model and not model._client.is_closed()
    assert answers == [404, 404], where


async def test_before_checkpoint_during_three_live_turns_lets_all_three_finish(
    snapstart_sandbox: None, make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    # Off Lambda this used to close the client the turns streamed from: all three hung until
    # their deadline (issue 17). Now the hook waits for them, then closes what they used.
    for n in range(3):
        fake_groq.push(Script([text(f"Answer {n} begins"), delay(1.0), text(" and ends.")]))
    app = create_app(make_settings())
    async with LiveServer(app) as server:
        client = app.state.services.model.model._client
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as http:
            turns = [
                asyncio.create_task(timed_events(server.url, f"question {n}", f"snap-live-{n}"))
                for n in range(3)
            ]
            await until(lambda: len(fake_groq.requests) == 3, "all three turns streaming")
            hook = await http.post(BEFORE_CHECKPOINT_PATH)
            events = [[e for _, e in await turn] for turn in turns]
    assert hook.status_code == 204
    for answer in events:
        assert sse.names(answer)[-1] == "end" and "error" not in sse.names(answer)
    # Each took whichever script the fake had next: all three, whole.
    assert sorted(sse.text_of(answer) for answer in events) == [
        f"Answer {n} begins and ends." for n in range(3)
    ]
    assert client.is_closed()  # closed once the turns were done with it


async def test_before_checkpoint_refuses_while_a_turn_streams_past_its_wait(
    snapstart_sandbox: None,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lifecycle, "CHECKPOINT_WAIT_SECONDS", 0.3)
    fake_groq.push(Script([text("A long answer"), delay(1.5), text(" at last.")]))
    app = create_app(make_settings())
    async with LiveServer(app) as server:
        client = app.state.services.model.model._client
        async with httpx.AsyncClient(base_url=server.url, timeout=10) as http:
            turn = asyncio.create_task(timed_events(server.url, "tell me", "snap-long"))
            await until(lambda: len(fake_groq.requests) == 1, "the turn streaming")
            hook = await http.post(BEFORE_CHECKPOINT_PATH)
            assert not client.is_closed()
            answer = [e for _, e in await turn]
    assert hook.status_code == 503
    assert sse.text_of(answer) == "A long answer at last." and sse.names(answer)[-1] == "end"


async def test_before_checkpoint_waits_for_the_world_so_the_snapshot_carries_it(
    snapstart_sandbox: None, gated_world: GatedWorld, make_settings: Callable[..., Settings]
) -> None:
    app = create_app(make_settings())  # simulated weather (the tests' default) needs the world
    async with asgi_client(app) as client:
        loading = app.state.services.places_loading
        await until(lambda: gated_world.builds == 1, "the preload has started")
        threading.Timer(0.3, gated_world.gate.set).start()
        assert (await client.post(BEFORE_CHECKPOINT_PATH)).status_code == 204
        assert not loading.is_alive()


async def test_a_preload_slower_than_its_wait_does_not_hold_up_the_snapshot(
    snapstart_sandbox: None,
    gated_world: GatedWorld,
    make_settings: Callable[..., Settings],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(services, "PRELOAD_WAIT_SECONDS", 0.2)
    app = create_app(make_settings())
    async with asgi_client(app) as client:
        assert (await client.post(BEFORE_CHECKPOINT_PATH)).status_code == 204
        assert app.state.services.places_loading.is_alive()  # the first question will wait for it
