"""Where the Groq API key comes from: the environment, else SSM Parameter Store, else nowhere.

Precedence (docs/architecture.md, "Secrets"): `GROQ_API_KEY` (environment or `.env`), then the
SecureString named by `GROQ_API_KEY_PARAM`, read decrypted with aws-lambda-powertools
`parameters` and cached, then no key (the caller falls back to the offline model).

Decisions:
- A missing or unreadable parameter never stops the app: it is logged as a clear error (the
  parameter's name and the AWS error code, never a value) and reported by `/health` as a short
  status, and requests are answered by the offline model, which says what it is.
- Powertools and boto3 are imported only when the parameter is actually read, so a local run or
  an environment-provided key costs no import time (cold start).
- The read is a blocking boto3 call. It happens once, in the app's lifespan, before the server
  accepts a request, so blocking the event loop there stalls nobody. Under Mangum the lifespan
  runs on every invocation; the Powertools cache (`KEY_CACHE_SECONDS`) makes the repeats free.
  A rotated key reaches a sandbox within that time; new sandboxes read it at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

from pydantic import SecretStr

from supercar.config import Settings

log = logging.getLogger(__name__)

KEY_CACHE_SECONDS = 300

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


def resolve_groq_key(settings: Settings) -> GroqKey:
    if settings.groq_api_key:
        return GroqKey(settings.groq_api_key, "env", "ok")
    name = (settings.groq_api_key_param or "").strip()
    if not name:
        return GroqKey(None, "none", "unset")
    return _read_ssm(name)


def _read_ssm(name: str) -> GroqKey:
    from aws_lambda_powertools.utilities import parameters

    try:
        value = parameters.get_parameter(name, decrypt=True, max_age=KEY_CACHE_SECONDS)
    except Exception as exc:  # AWS errors come wrapped; creating the client can fail too
        cause = _cause(exc)
        code = _aws_error_code(cause)
        status: KeyStatus = "missing" if code == "ParameterNotFound" else "unreadable"
        log.error(
            "Groq key parameter %s is %s (%s): answering with the OFFLINE demo model",
            name,
            status,
            code or type(cause).__name__,
        )
        return GroqKey(None, "ssm", status)
    if not isinstance(value, str) or not value.strip():
        log.error("Groq key parameter %s is empty: answering with the OFFLINE demo model", name)
        return GroqKey(None, "ssm", "missing")
    log.info("Groq key read from SSM parameter %s", name)
    return GroqKey(SecretStr(value.strip()), "ssm", "ok")


def _cause(exc: BaseException) -> BaseException:
    # Powertools raises GetParameterError inside its `except` block, without `from`: the boto3
    # error is the implicit context.
    if type(exc).__name__ == "GetParameterError" and exc.__context__ is not None:
        return exc.__context__
    return exc


def _aws_error_code(exc: BaseException) -> str | None:
    """The AWS error code of a botocore ClientError (e.g. ParameterNotFound, AccessDenied)."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        return str(code) if code else None
    return None
