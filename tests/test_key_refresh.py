"""The Groq key follows SSM in a running app (moto SSM, the fake Groq server, the real SDK): a key
stored after start-up is used once the max age has passed, a rotated key replaces the client,
and a 401 from Groq re-reads the key at once and sends the request once more.

The max age is measured on the switch's clock, which these tests advance by hand: no sleeps."""

from __future__ import annotations

import logging
from collections.abc import Callable

import anyio
import boto3
import pytest

from supercar.app import create_app
from supercar.config import Settings
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, words
from tests.helpers import asgi_client, ask
from tests.test_aws_app import PARAM

MAX_AGE = 300.0


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr("supercar.llm.switch.monotonic", clock)
    return clock


def put_key(value: str) -> None:
    boto3.client("ssm").put_parameter(Name=PARAM, Value=value, Type="SecureString", Overwrite=True)


def ssm_reads(caplog: pytest.LogCaptureFixture) -> int:
    return sum(r.name == "supercar.credentials" for r in caplog.records)


@pytest.fixture
def ssm_settings(aws: None, clock: Clock, make_settings: Callable[..., Settings]) -> Settings:
    return make_settings(
        groq_api_key=None, groq_api_key_param=PARAM, groq_key_max_age_seconds=MAX_AGE
    )


async def test_a_key_stored_after_start_up_switches_offline_to_groq_after_the_max_age(
    ssm_settings: Settings, clock: Clock, fake_groq: FakeGroq
) -> None:
    async with asgi_client(create_app(ssm_settings)) as client:
        assert (await client.get("/health")).json()["model"]["backend"] == "offline"
        put_key("gsk-late")
        fake_groq.api_key = "gsk-late"
        fake_groq.push(Script(words("Groq speaking.")))
        # Within the max age the key read at start-up still stands: the offline model answers.
        assert sse.text_of(await ask(client, "hello", "late-1")) != "Groq speaking."
        assert fake_groq.requests == []
        clock.advance(MAX_AGE - 1)
        assert sse.text_of(await ask(client, "hello", "late-2")) != "Groq speaking."
        clock.advance(1)
        assert sse.text_of(await ask(client, "hello", "late-3")) == "Groq speaking."
        health = (await client.get("/health")).json()
    assert health["model"]["backend"] == "groq"
    assert health["key"] == {"source": "ssm", "status": "ok"}
    assert fake_groq.requests[0].headers["authorization"] == "Bearer gsk-late"


async def test_a_rotated_key_replaces_the_groq_client_after_the_max_age(
    ssm_settings: Settings, clock: Clock, fake_groq: FakeGroq
) -> None:
    put_key("gsk-one")
    fake_groq.api_key = "gsk-one"
    fake_groq.push(Script(words("One.")), Script(words("Two.")))
    app = create_app(ssm_settings)
    async with asgi_client(app) as client:
        assert sse.text_of(await ask(client, "hi", "rotate")) == "One."
        first_client = app.state.services.model.model._client
        put_key("gsk-two")
        fake_groq.api_key = "gsk-two"
        clock.advance(MAX_AGE)
        assert sse.text_of(await ask(client, "hi again", "rotate")) == "Two."
        assert app.state.services.model.model._client is not first_client
        assert first_client.is_closed()  # retired once no stream used it
    assert [r.headers["authorization"] for r in fake_groq.requests] == [
        "Bearer gsk-one",
        "Bearer gsk-two",
    ]


async def test_a_client_replaced_mid_stream_is_closed_only_when_that_stream_ends(
    ssm_settings: Settings, clock: Clock, fake_groq: FakeGroq
) -> None:
    put_key("gsk-one")
    fake_groq.api_key = None  # both keys are good while the rotation settles
    fake_groq.push(Script(words("A slow answer in many words."), token_interval=0.1))
    fake_groq.push(Script(words("Quick.")))
    app = create_app(ssm_settings)
    slow: list[str] = []
    with anyio.fail_after(20):
        async with asgi_client(app) as client, anyio.create_task_group() as tg:
            first_client = app.state.services.model.model._client

            async def ask_slowly() -> None:
                slow.append(sse.text_of(await ask(client, "tell me", "slow")))

            tg.start_soon(ask_slowly)
            for _ in range(1000):  # until Groq is streaming the slow answer
                if fake_groq.active:
                    break
                await anyio.sleep(0.01)
            put_key("gsk-two")
            clock.advance(MAX_AGE)
            assert sse.text_of(await ask(client, "quick one", "quick")) == "Quick."
            assert app.state.services.model.model._client is not first_client
            assert not first_client.is_closed()  # the slow stream still reads through it
    assert slow == ["A slow answer in many words."]
    assert first_client.is_closed()


async def test_the_key_is_read_at_most_once_per_max_age_however_many_turns(
    ssm_settings: Settings, clock: Clock, fake_groq: FakeGroq, caplog: pytest.LogCaptureFixture
) -> None:
    put_key("test-key")
    with caplog.at_level(logging.INFO, logger="supercar.credentials"):
        async with asgi_client(create_app(ssm_settings)) as client:
            for n in range(4):
                fake_groq.push(Script(words(f"Answer {n}.")))
                await ask(client, "hi", f"many-{n}")
                clock.advance(MAX_AGE / 5)
            assert ssm_reads(caplog) == 1  # at start-up; all four turns within the max age
            clock.advance(MAX_AGE / 5)
            fake_groq.push(Script(words("Later.")))
            await ask(client, "hi", "many-late")
    assert ssm_reads(caplog) == 2


async def test_a_401_re_reads_the_key_at_once_and_retries_the_request_once(
    aws: None,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A long max age: only the 401 can make the app read the rotated key this soon.
    settings = make_settings(groq_api_key=None, groq_api_key_param=PARAM)
    put_key("gsk-old")
    with caplog.at_level(logging.INFO, logger="supercar.credentials"):
        async with asgi_client(create_app(settings)) as client:
            put_key("gsk-new")
            fake_groq.api_key = "gsk-new"
            fake_groq.push(Script(words("Still here.")))
            events = await ask(client, "hi", "refused")
    assert sse.text_of(events) == "Still here." and "error" not in sse.names(events)
    assert [(r.status, r.headers["authorization"]) for r in fake_groq.requests] == [
        (401, "Bearer gsk-old"),
        (200, "Bearer gsk-new"),
    ]
    assert ssm_reads(caplog) == 2  # start-up, then the one re-read


async def test_a_401_with_the_same_key_after_the_re_read_is_not_sent_again(
    aws: None,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = make_settings(groq_api_key=None, groq_api_key_param=PARAM)
    put_key("gsk-revoked")
    fake_groq.api_key = "gsk-something-else"
    with caplog.at_level(logging.INFO, logger="supercar.credentials"):
        async with asgi_client(create_app(settings)) as client:
            events = await ask(client, "hi", "revoked")
    error = next(e for e in events if e.name == "error").json()
    assert error["code"] == "upstream_auth"
    assert [r.status for r in fake_groq.requests] == [401]
    assert ssm_reads(caplog) == 2


async def test_a_new_key_that_is_refused_too_is_not_tried_a_third_time(
    aws: None,
    make_settings: Callable[..., Settings],
    fake_groq: FakeGroq,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = make_settings(groq_api_key=None, groq_api_key_param=PARAM)
    put_key("gsk-old")
    fake_groq.api_key = "gsk-only-groq-knows"
    with caplog.at_level(logging.INFO, logger="supercar.credentials"):
        async with asgi_client(create_app(settings)) as client:
            put_key("gsk-also-wrong")
            events = await ask(client, "hi", "refused-twice")
    assert next(e for e in events if e.name == "error").json()["code"] == "upstream_auth"
    assert [(r.status, r.headers["authorization"]) for r in fake_groq.requests] == [
        (401, "Bearer gsk-old"),
        (401, "Bearer gsk-also-wrong"),
    ]
    assert ssm_reads(caplog) == 2  # start-up and one re-read: the second 401 reads nothing


async def test_an_environment_key_is_never_re_read_and_a_401_is_not_retried(
    aws: None, clock: Clock, make_settings: Callable[..., Settings], fake_groq: FakeGroq
) -> None:
    # GROQ_API_KEY wins over the parameter, and the environment cannot change under the app.
    put_key("test-key")
    settings = make_settings(groq_api_key="gsk-env", groq_api_key_param=PARAM)
    async with asgi_client(create_app(settings)) as client:
        clock.advance(2 * settings.groq_key_max_age_seconds)
        events = await ask(client, "hi", "env")
        health = (await client.get("/health")).json()
    assert next(e for e in events if e.name == "error").json()["code"] == "upstream_auth"
    assert [r.status for r in fake_groq.requests] == [401]
    assert health["key"] == {"source": "env", "status": "ok"}
