"""Local log lines: plain, and each line of a conversation names its session."""

from __future__ import annotations

import logging

from supercar.logs import _PlainFormatter
from supercar.request_context import RequestContextFilter, session_id_var


def render(message: str) -> str:
    record = logging.LogRecord("supercar.test", logging.INFO, __file__, 1, message, None, None)
    RequestContextFilter().filter(record)
    return _PlainFormatter().format(record)


def test_a_line_inside_a_conversation_names_its_session() -> None:
    token = session_id_var.set("premium_client-1743061453410")
    try:
        line = render("tool get_weather: ok in 0.5 ms")
    finally:
        session_id_var.reset(token)
    assert line.endswith(
        "supercar.test: [premium_client-1743061453410] tool get_weather: ok in 0.5 ms"
    )


def test_a_line_outside_any_conversation_has_no_tag() -> None:
    assert render("Application startup complete.").endswith(
        "supercar.test: Application startup complete."
    )
