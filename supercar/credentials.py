"""Where the Groq API key comes from: the environment, else SSM Parameter Store, else nowhere.

Precedence (docs/architecture.md, "Secrets"): `GROQ_API_KEY` (environment or `.env`), then the
SecureString named by `GROQ_API_KEY_PARAM`, read decrypted with a botocore SSM client, then no
key (the caller falls back to the offline model).

Decisions:
- A missing or unreadable parameter never stops the app: it is logged as a clear error (the
  parameter's name and the AWS error code, never a value) and reported by `/health` as a short
  status, and requests are answered by the offline model, which says what it is.
- `GroqKeyReader.read` always asks SSM: how often it is called is the caller's decision
  (`supercar.llm.switch`, at most every `GROQ_KEY_MAX_AGE_SECONDS`). It is a blocking call:
  the caller runs it in a worker thread, except once at start-up before any request.
- The SSM client is made on the first read, from the app's `AwsClients` (its connections are
  dropped around a SnapStart snapshot with the others). An environment key needs no AWS at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import SecretStr

from supercar.aws import AwsClients
from supercar.config import Settings

log = logging.getLogger(__name__)

KeySource = Literal["env", "ssm", "none"]
KeyStatus = Literal["ok", "missing", "unreadable", "unset"]


@dataclass(frozen=True)
class GroqKey:
    """The resolved key, where it was looked for, and how that went."""

    value: SecretStr | None
    source: KeySource  # where the key was sought: env, the SSM parameter, or nowhere
    status: KeyStatus  # ok; the parameter is missing or unreadable; or no key is configured

    def health(self) -> dict[str, str]:
        """What /health may show: never the value."""
        return {"source": self.source, "status": self.status}

    def secret(self) -> str | None:
        return self.value.get_secret_value() if self.value else None


class GroqKeyReader:
    def __init__(self, settings: Settings, aws: AwsClients) -> None:
        self._env_key = settings.groq_api_key
        self._param = (settings.groq_api_key_param or "").strip()
        self._aws = aws
        self._ssm: Any = None

    @property
    def refreshable(self) -> bool:
        """Whether reading again can give another answer: only the SSM parameter can change."""
        return self._env_key is None and bool(self._param)

    def read(self) -> GroqKey:
        if self._env_key is not None:
            return GroqKey(self._env_key, "env", "ok")
        if not self._param:
            return GroqKey(None, "none", "unset")
        return self._read_ssm(self._param)

    def _read_ssm(self, name: str) -> GroqKey:
        try:
            if self._ssm is None:
                self._ssm = self._aws.client("ssm")
            response = self._ssm.get_parameter(Name=name, WithDecryption=True)
            value = response["Parameter"]["Value"]
        except Exception as exc:  # botocore's errors; creating the client can fail too
            code = _aws_error_code(exc)
            status: KeyStatus = "missing" if code == "ParameterNotFound" else "unreadable"
            log.error(
                "Groq key parameter %s is %s (%s): answering with the OFFLINE demo model",
                name,
                status,
                code or type(exc).__name__,
            )
            return GroqKey(None, "ssm", status)
        if not isinstance(value, str) or not value.strip():
            log.error("Groq key parameter %s is empty: answering with the OFFLINE demo model", name)
            return GroqKey(None, "ssm", "missing")
        log.info("Groq key read from SSM parameter %s", name)
        return GroqKey(SecretStr(value.strip()), "ssm", "ok")


def _aws_error_code(exc: BaseException) -> str | None:
    """The AWS error code of a botocore ClientError (e.g. ParameterNotFound, AccessDenied)."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        return str(code) if code else None
    return None
