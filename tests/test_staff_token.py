"""The staff token: from the environment or SSM, re-read after its max age and (at most every
RECHECK_SECONDS) when a presented token does not match, never shorter than 16 characters, and
never in a log line."""

from __future__ import annotations

import logging
from typing import Any

import boto3
import pytest
from pydantic import ValidationError

from supercar.aws import AwsClients
from supercar.config import Settings
from supercar.credentials import StaffTokenReader
from supercar.staff_token import RECHECK_SECONDS, StaffToken

PARAM = "/supercar/staff-token"
OLD = "old-desk-token-0123456789"
NEW = "new-desk-token-0123456789"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingReader(StaffTokenReader):
    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, AwsClients())
        self.reads = 0

    def read(self) -> Any:
        self.reads += 1
        return super().read()


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def from_ssm(clock: Clock, max_age: float = 300) -> tuple[StaffToken, CountingReader]:
    reader = CountingReader(settings(staff_token_param=PARAM))
    return StaffToken(reader, max_age, clock=clock), reader


def put(value: str) -> None:
    boto3.client("ssm").put_parameter(Name=PARAM, Value=value, Type="SecureString", Overwrite=True)


async def test_an_environment_token_admits_its_bearer_only_and_is_never_reread() -> None:
    reader = CountingReader(settings(staff_token=OLD))
    token = StaffToken(reader, 1, clock=Clock())
    assert await token.admits(OLD)
    assert not await token.admits(NEW) and not await token.admits(None)
    assert not await token.admits(OLD + "x") and not await token.admits(OLD[:-1])
    assert not await token.admits("")
    assert reader.reads == 1


def test_a_short_environment_token_is_refused_at_start_up_without_echoing_it() -> None:
    with pytest.raises(ValidationError) as refused:
        settings(staff_token="short-secret")
    assert "at least 16 characters" in str(refused.value)
    assert "short-secret" not in str(refused.value)


async def test_a_token_from_ssm_is_reread_after_its_max_age(aws: None) -> None:
    put(OLD)
    clock = Clock()
    token, reader = from_ssm(clock)
    put(NEW)
    assert await token.admits(OLD)  # still the value read at start
    clock.now += 300
    assert await token.admits(NEW) and not await token.admits(OLD)
    assert reader.reads == 2


async def test_a_wrong_token_rereads_at_most_every_recheck_interval(aws: None) -> None:
    put(OLD)
    clock = Clock()
    token, reader = from_ssm(clock)
    put(NEW)  # rotated in SSM: the desk already has the new token
    clock.now += 1
    assert not await token.admits(NEW)  # read a second ago: guesses do not each cost a read
    assert reader.reads == 1
    clock.now += RECHECK_SECONDS
    assert await token.admits(NEW)  # a mismatch after the interval reads again, and matches
    assert reader.reads == 2
    for _ in range(5):
        assert not await token.admits("guess-guess-guess-guess")
    assert reader.reads == 2


async def test_a_missing_or_short_ssm_token_admits_nobody_and_is_logged_without_its_value(
    aws: None, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    with caplog.at_level(logging.INFO):
        token, _ = from_ssm(clock)
    assert not await token.admits(OLD)
    assert any(PARAM in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)
    put("tooshort")
    clock.now += 300
    with caplog.at_level(logging.INFO):
        assert not await token.admits("tooshort")
    assert "shorter than 16 characters" in caplog.text
    assert "tooshort" not in caplog.text
