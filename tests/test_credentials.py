"""The Groq key's precedence (environment, SSM SecureString, none), read under moto exactly as on
Lambda: a botocore SSM client, decrypted; and the key script in infra/ writes what the app
reads."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from supercar.aws import AwsClients
from supercar.config import Settings
from supercar.credentials import GroqKey, GroqKeyReader
from supercar.logs import SDK_LOGGERS, quiet_sdk_loggers
from tests.aws import load_infra

PARAM = "/supercar/groq-api-key"


def settings(**values: Any) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def resolve_groq_key(settings: Settings) -> GroqKey:
    return GroqKeyReader(settings, AwsClients()).read()


def put(value: str, name: str = PARAM) -> None:
    boto3.client("ssm").put_parameter(Name=name, Value=value, Type="SecureString", Overwrite=True)


def test_the_environment_key_wins_and_ssm_is_not_even_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No mock: were SSM called, it would fail. The env key is enough.
    key = resolve_groq_key(settings(groq_api_key="env-key", groq_api_key_param=PARAM))
    assert (key.source, key.status) == ("env", "ok")
    assert key.value is not None and key.value.get_secret_value() == "env-key"


def test_no_key_and_no_parameter_means_none() -> None:
    key = resolve_groq_key(settings(groq_api_key="", groq_api_key_param=""))
    assert (key.value, key.source, key.status) == (None, "none", "unset")
    assert key.health() == {"source": "none", "status": "unset"}


@pytest.fixture
def app_log_levels() -> Iterator[None]:
    """The SDK logger levels `supercar.logs.configure` sets, restored afterwards."""
    saved = {name: logging.getLogger(name).level for name in SDK_LOGGERS}
    quiet_sdk_loggers()
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def test_a_securestring_is_read_decrypted_and_never_logged(
    aws: None, app_log_levels: None, caplog: pytest.LogCaptureFixture
) -> None:
    # At DEBUG, botocore would log the GetParameter response, decrypted key included.
    put("gsk_from_ssm_123")
    with caplog.at_level(logging.DEBUG):
        key = resolve_groq_key(settings(groq_api_key_param=PARAM))
    assert key.value is not None and key.value.get_secret_value() == "gsk_from_ssm_123"
    assert key.health() == {"source": "ssm", "status": "ok"}
    assert "gsk_from_ssm_123" not in caplog.text + repr(key)


def test_every_read_asks_ssm_so_a_rotated_key_is_seen_at_once(aws: None) -> None:
    # How often to read is the model switch's decision (GROQ_KEY_MAX_AGE_SECONDS), not a cache's.
    reader = GroqKeyReader(settings(groq_api_key_param=PARAM), AwsClients())
    put("first-key")
    assert reader.read().secret() == "first-key"
    put("rotated-key")
    assert reader.read().secret() == "rotated-key"


def test_a_missing_parameter_is_reported_not_raised(
    aws: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        key = resolve_groq_key(settings(groq_api_key_param="/supercar/nope"))
    assert (key.value, key.source, key.status) == (None, "ssm", "missing")
    error = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert "/supercar/nope" in error.getMessage() and "ParameterNotFound" in error.getMessage()


def test_an_unreachable_parameter_store_is_unreadable_not_a_crash(
    aws_env: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # No mock here: a real connection to a closed local port, one attempt.
    monkeypatch.setenv("AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    with caplog.at_level(logging.INFO):
        key = resolve_groq_key(settings(groq_api_key_param=PARAM))
    assert (key.value, key.source, key.status) == (None, "ssm", "unreadable")
    assert any(r.levelno == logging.ERROR and PARAM in r.getMessage() for r in caplog.records)


def test_no_region_is_unreadable_not_a_crash(
    aws_env: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("AWS_REGION")
    monkeypatch.delenv("AWS_DEFAULT_REGION")
    key = resolve_groq_key(settings(groq_api_key_param=PARAM))
    assert (key.value, key.source, key.status) == (None, "ssm", "unreadable")
    assert "NoRegionError" in caplog.text


def test_the_key_script_stores_a_securestring_the_app_reads(
    aws: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    put_groq_key = load_infra("put_groq_key")
    monkeypatch.setattr("sys.stdin", io.StringIO("gsk_typed_in\n"))
    assert put_groq_key.main(["--name", PARAM]) == 0
    assert "gsk_typed_in" not in capsys.readouterr().out
    stored = boto3.client("ssm").get_parameter(Name=PARAM)["Parameter"]
    assert stored["Type"] == "SecureString"
    key = resolve_groq_key(settings(groq_api_key_param=PARAM))
    assert key.value is not None and key.value.get_secret_value() == "gsk_typed_in"


def test_the_key_script_refuses_an_empty_key(
    aws: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    put_groq_key = load_infra("put_groq_key")
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert put_groq_key.main(["--name", PARAM]) == 2
