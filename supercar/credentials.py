"""Where the secrets come from: the environment, else SSM Parameter Store, else nowhere.

Two secrets follow the same precedence (docs/architecture.md, "Secrets"): the Groq API key
(`GROQ_API_KEY`, then the SecureString named by `GROQ_API_KEY_PARAM`) and the staff token
(`STAFF_TOKEN`, then `STAFF_TOKEN_PARAM`). An environment value (or `.env`) wins; else the
parameter is read decrypted with a botocore SSM client; else there is none (no key: the offline
model answers; no token: the staff routes refuse everyone).

Decisions:
- A missing or unreadable parameter never stops the app: it is logged as a clear error (the
  parameter's name and the AWS error code, never a value) and reported by `/health` as a short
  status (the key), and the app goes on without it.
- `SecretReader.read` always asks SSM: how often it is called is the caller's decision
  (`supercar.llm.switch` and `supercar.staff_token`, at most once per their max age). It is a
  blocking call: the caller runs it in a worker thread, except once at start-up before any
  request.
- The SSM client is made on the first read, from the app's `AwsClients` (its connections are
  dropped around a SnapStart snapshot with the others). An environment value needs no AWS at all.
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
class Secret:
    """The resolved secret, where it was looked for, and how that went."""

    value: SecretStr | None
    source: KeySource  # where it was sought: env, the SSM parameter, or nowhere
    status: KeyStatus  # ok; the parameter is missing or unreadable; or none is configured

    def health(self) -> dict[str, str]:
        """What /health may show: never the value."""
        return {"source": self.source, "status": self.status}

    def secret(self) -> str | None:
        return self.value.get_secret_value() if self.value else None


GroqKey = Secret  # the name the model switch and /health know it by


class SecretReader:
    """One secret: `env_value` if set, else the SecureString `param`. `what` names it in the log
    and `without` says what the app does when the parameter gives nothing."""

    def __init__(
        self,
        env_value: SecretStr | None,
        param: str | None,
        aws: AwsClients,
        what: str,
        without: str,
    ) -> None:
        self._env_value = env_value
        self._param = (param or "").strip()
        self._aws = aws
        self._what = what
        self._without = without
        self._ssm: Any = None

    @property
    def refreshable(self) -> bool:
        """Whether reading again can give another answer: only the SSM parameter can change."""
        return self._env_value is None and bool(self._param)

    def read(self) -> Secret:
        if self._env_value is not None:
            return Secret(self._env_value, "env", "ok")
        if not self._param:
            return Secret(None, "none", "unset")
        return self._read_ssm(self._param)

    def _read_ssm(self, name: str) -> Secret:
        try:
            if self._ssm is None:
                self._ssm = self._aws.client("ssm")
            response = self._ssm.get_parameter(Name=name, WithDecryption=True)
            value = response["Parameter"]["Value"]
        except Exception as exc:  # botocore's errors; creating the client can fail too
            code = _aws_error_code(exc)
            status: KeyStatus = "missing" if code == "ParameterNotFound" else "unreadable"
            log.error(
                "%s parameter %s is %s (%s): %s",
                self._what,
                name,
                status,
                code or type(exc).__name__,
                self._without,
            )
            return Secret(None, "ssm", status)
        if not isinstance(value, str) or not value.strip():
            log.error("%s parameter %s is empty: %s", self._what, name, self._without)
            return Secret(None, "ssm", "missing")
        log.info("%s read from SSM parameter %s", self._what, name)
        return Secret(SecretStr(value.strip()), "ssm", "ok")


class GroqKeyReader(SecretReader):
    def __init__(self, settings: Settings, aws: AwsClients) -> None:
        super().__init__(
            settings.groq_api_key,
            settings.groq_api_key_param,
            aws,
            "Groq key",
            "answering with the OFFLINE demo model",
        )


class StaffTokenReader(SecretReader):
    def __init__(self, settings: Settings, aws: AwsClients) -> None:
        super().__init__(
            settings.staff_token,
            settings.staff_token_param,
            aws,
            "Staff token",
            "the staff routes refuse every request",
        )


def _aws_error_code(exc: BaseException) -> str | None:
    """The AWS error code of a botocore ClientError (e.g. ParameterNotFound, AccessDenied)."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        return str(code) if code else None
    return None
