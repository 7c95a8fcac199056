"""The SnapStart hooks, called as the Lambda Web Adapter calls them (POST on localhost, no Lambda
request context) and as the public would through the Function URL (the adapter adds
`x-amzn-request-context` to every request it relays): the first closes and renews every pool
and re-reads the key; the second is a 404, as for a path that does not exist.

Connection pools only exist over real sockets, and moto answers inside botocore, before any
socket. So the pool test points the AWS clients at `LoopbackAws`: a keep-alive HTTP server on
loopback that answers SSM's GetParameter and accepts every DynamoDB write (an empty JSON object
is a valid answer to each call a turn makes) and counts the TCP connections it accepts. Whether
a call reused a pooled connection or opened a new one is then seen from the other side.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import pytest

from supercar.api.lifecycle import AFTER_RESTORE_PATH, BEFORE_CHECKPOINT_PATH
from supercar.app import create_app
from supercar.config import Settings
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, words
from tests.helpers import asgi_client, ask
from tests.test_aws_app import PARAM

PUBLIC = {
    "x-amzn-request-context": '{"requestId": "url-1", "http": {"method": "POST"}}',
    "content-type": "application/json",  # past the body guard, so an unknown path is a 404 too
}


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
    loopback_aws: LoopbackAws, make_settings: Callable[..., Settings], fake_groq: FakeGroq
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
    make_settings: Callable[..., Settings], fake_groq: FakeGroq
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
    path: str, lambda_settings: Settings
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
