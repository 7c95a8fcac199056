"""Logging set-up: plain readable lines locally, JSON lines on Lambda; level from the settings.

Decisions:
- On Lambda (`AWS_LAMBDA_FUNCTION_NAME` is set) every record is one JSON object, formatted by
  aws-lambda-powertools' `LambdaPowertoolsFormatter` (service `supercar`), so CloudWatch Logs
  Insights can filter on fields: `request_id`, `session_id`, a tool call's `tool` and
  `duration_ms`, a failed turn's `code`, the logger's `name`. uvicorn's own loggers are routed
  through the same handler there. Powertools' `Logger` class is not used: the app logs through
  the standard `logging` module everywhere, and only the format differs by environment.
- Locally a line per record stays readable: time, level, logger, message.
- Either way the `RequestContextFilter` on the one handler adds the per-request keys (see
  `supercar.request_context`); the formatter is the only difference.
- **No customer text in the log** (queries, answers, tool arguments), at any level: the app's own
  lines carry session ids, tool names, durations, codes and counts only. Libraries that dump
  payloads at DEBUG (the groq SDK its whole request, sse-starlette every chunk, the HTTP clients
  their traffic) are held at INFO, or at `LOG_LEVEL` if that is higher, unless
  `LOG_CONVERSATIONS=true`, for a developer who wants to see the conversation on their own
  machine. The AWS SDK stays at WARNING even then: its DEBUG lines hold the decrypted key.
"""

from __future__ import annotations

import logging
import os

from supercar.request_context import RequestContextFilter

SERVICE = "supercar"
# botocore logs whole HTTP responses at DEBUG, and an SSM GetParameter response holds the
# decrypted Groq key: the AWS SDK's loggers stay at WARNING whatever LOG_LEVEL says. httpx logs
# a line per upstream request at INFO: noise beside the turn's own line, and measurable CPU.
SDK_LOGGERS = ("botocore", "boto3", "urllib3", "s3transfer", "httpx")


def on_lambda() -> bool:
    return bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))


# Libraries that log request or response payloads, customer text included, at DEBUG.
PAYLOAD_LOGGERS = ("groq", "sse_starlette", "httpcore", "httpx_aiohttp", "aiohttp", "mangum")


def configure(level: str, json_lines: bool | None = None, log_conversations: bool = False) -> None:
    """Install one handler on the root logger; `json_lines` defaults to `on_lambda()`."""
    handler = logging.StreamHandler()
    if json_lines if json_lines is not None else on_lambda():
        from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter

        handler.setFormatter(LambdaPowertoolsFormatter(service=SERVICE, name="%(name)s"))
        handler.addFilter(_drop_color_message)
        # uvicorn gave its loggers their own plain handlers before importing the app; route the
        # enabled ones through ours, so every line in CloudWatch is JSON. (`--no-access-log`
        # leaves uvicorn.access without handlers and not propagating: it stays off.)
        for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
            uvicorn_logger = logging.getLogger(name)
            if uvicorn_logger.handlers:
                uvicorn_logger.handlers.clear()
                uvicorn_logger.propagate = True
    else:
        handler.setFormatter(_PlainFormatter())
    handler.addFilter(RequestContextFilter())
    logging.basicConfig(level=level, handlers=[handler], force=True)
    quiet_sdk_loggers()
    keep_conversations_private(level, log_conversations)


class _PlainFormatter(logging.Formatter):
    """One readable line; a line that belongs to a conversation names it: `... [session] msg`."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s:%(session_tag)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        session_id = getattr(record, "session_id", None)
        record.session_tag = f" [{session_id}]" if session_id else ""
        return super().format(record)


def _drop_color_message(record: logging.LogRecord) -> bool:
    record.__dict__.pop("color_message", None)  # uvicorn's ANSI-coloured copy of the message
    return True


def quiet_sdk_loggers() -> None:
    for name in SDK_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def keep_conversations_private(level: str | int, log_conversations: bool = False) -> None:
    """Hold the payload loggers at INFO (or `level`, if higher), or free them to follow `level`."""
    floor = logging.NOTSET
    if not log_conversations:
        configured = level if isinstance(level, int) else logging.getLevelName(level)
        floor = max(configured, logging.INFO)
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(floor)
