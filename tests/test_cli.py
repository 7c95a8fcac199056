"""The terminal client (`python -m supercar ask|chat`) against a real server on loopback."""

from __future__ import annotations

import builtins
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from supercar.__main__ import main
from supercar.app import create_app
from supercar.cli import new_session
from supercar.config import Settings
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.helpers import TIMEOUT, LiveServer


@pytest.fixture
def serve(make_settings: Callable[..., Settings]) -> Iterator[Callable[..., str]]:
    servers: list[LiveServer] = []

    def start(**overrides: Any) -> str:
        server = LiveServer(create_app(make_settings(**overrides))).__enter__()
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        server.__exit__(None, None, None)


def test_ask_prints_the_streamed_answer_and_exits_0(serve, fake_groq: FakeGroq, capsys):
    url = serve()
    fake_groq.push(
        Script([tool_call("get_weather", {"city": "Miami"})]),
        Script(words("Sunny in Miami:\nperfect for the Roadster.")),
    )
    code = main(["ask", "--url", url, "--session", "cli-test", "Weather in Miami?"])
    out, err = capsys.readouterr()
    assert code == 0
    # stdout is the answer alone (multi-line data joined back by httpx-sse) ...
    assert out == "Sunny in Miami:\nperfect for the Roadster.\n"
    # ... and tool activity is on its own lines on stderr, plain when not a terminal.
    assert err.splitlines()[0] == "  · checking the weather…"
    # The tool line is the offline model's sentence for the same data (written once), and the
    # tests' weather is simulated, which the line says.
    line = err.splitlines()[1]
    # In the US, °F first and the card's °C beside it.
    assert re.match(r"  · It's -?\d+°F \(-?\d+°C\) (and [a-z]+|with thunderstorms) in Miami", line)
    assert "simulated" in line
    assert "\x1b[" not in err
    body = fake_groq.requests[0]["messages"][-1]
    assert body == {"role": "user", "content": "Weather in Miami?"}


def test_ask_with_a_trailing_slash_on_the_url(serve, fake_groq: FakeGroq, capsys):
    url = serve()
    fake_groq.push(Script(words("Hello from Lex.")))
    assert main(["ask", "--url", url + "/", "Hi"]) == 0  # a trailing slash is fine
    assert capsys.readouterr().out == "Hello from Lex.\n"


def test_ask_exits_non_zero_with_the_servers_message_when_refused(serve, capsys):
    url = serve()
    code = main(["ask", "--url", url, "--session", "not a valid id", "Hello?"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.startswith("error: session_id: String should match pattern")
    assert err.endswith("(HTTP 422 invalid_request)\n")


def test_ask_exits_non_zero_on_an_error_event(serve, fake_groq: FakeGroq, capsys):
    url = serve()
    fake_groq.push(Script.http_error(401, "Invalid API Key", code="invalid_api_key"))
    code = main(["ask", "--url", url, "Hello?"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "can't reach my language service" in out  # the apology Lex said
    assert err.startswith("error: ") and err.rstrip().endswith("(upstream_auth)")


def test_ask_exits_non_zero_when_the_service_is_down(capsys):
    code = main(["ask", "--url", "http://127.0.0.1:9", "Hello?"])
    assert code == 1
    assert capsys.readouterr().err.startswith("error: cannot reach http://127.0.0.1:9")


def test_chat_holds_a_conversation_in_one_session(serve, fake_groq: FakeGroq, capsys, monkeypatch):
    url = serve()
    fake_groq.push(Script(words("First answer.")), Script(words("Second answer.")))
    lines = iter(["Hello", "", "And then?", "/quit"])
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(lines))
    assert main(["chat", "--url", url, "--session", "cli-chat-1"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"Lex at {url} (groq · openai/gpt-oss-120b), session cli-chat-1"
    assert "Lex: First answer.\n" in out and "Lex: Second answer.\n" in out
    # The second turn carried the first as history: one session.
    roles = [m["role"] for m in fake_groq.requests[1]["messages"]]
    assert roles[1:] == ["user", "assistant", "user"]


def test_chat_reports_an_unreachable_service(capsys):
    assert main(["chat", "--url", "http://127.0.0.1:9"]) == 1
    assert "cannot reach http://127.0.0.1:9" in capsys.readouterr().err


def test_a_new_session_id_carries_128_random_bits() -> None:
    ids = {new_session() for _ in range(50)}
    assert len(ids) == 50
    assert all(re.fullmatch(r"cli-[0-9a-f]{32}", session) for session in ids)


def python_m_supercar(*args: str) -> subprocess.CompletedProcess[str]:
    """The program as a person runs it: its own process, its exit status and both streams."""
    return subprocess.run(
        [sys.executable, "-m", "supercar", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize(
    "verb", [[], ["serve"], ["chat"], ["ask"], ["bookings"]], ids=lambda v: v[0] if v else "-"
)
def test_help_on_the_program_and_on_each_verb_prints_help_and_exits_0(verb: list[str]) -> None:
    done = python_m_supercar(*verb, "--help")
    assert done.returncode == 0, done.stderr
    usage = " ".join(["usage: python -m supercar", *verb])
    assert done.stdout.startswith(usage) and "--help" in done.stdout
    assert done.stderr == ""  # serve --help does not start a server, which would log here


def test_the_programs_help_names_every_verb() -> None:
    shown = python_m_supercar("--help").stdout
    for verb in ("serve", "chat", "ask", "bookings"):
        assert re.search(rf"^\s+{verb}\s+\S", shown, re.MULTILINE), verb


@pytest.mark.parametrize(
    "args",
    [["bogus"], ["--bogus"], ["serve", "--port", "1"], ["ask"], ["chat", "--nope"], ["bookings"]],
    ids=[
        "unknown-verb",
        "unknown-flag",
        "unknown-serve-flag",
        "ask-without-question",
        "chat-flag",
        "bookings-without-dealership",
    ],
)
def test_an_unknown_verb_or_flag_exits_2_with_a_usage_line(args: list[str]) -> None:
    done = python_m_supercar(*args)
    assert done.returncode == 2
    assert done.stderr.startswith("usage: python -m supercar")
    assert "error:" in done.stderr and done.stdout == ""


def test_with_no_verb_the_program_serves_the_app_on_host_and_port(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "GROQ_"))}
    root = Path(__file__).resolve().parent.parent
    env.update(PORT=str(port), PYTHONPATH=str(root))
    log_file = tmp_path / "serve.log"
    # Started outside the repository, so no developer's .env is read.
    with log_file.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "supercar"], cwd=tmp_path, env=env, stdout=log, stderr=log
        )
    try:
        deadline = time.monotonic() + TIMEOUT
        while True:
            assert process.poll() is None, log_file.read_text()
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.05)
        assert health.json()["model"]["backend"] == "offline"
    finally:
        process.terminate()
        process.wait(timeout=TIMEOUT)


def test_the_terminal_client_does_not_load_the_offline_model() -> None:
    probe = "import sys, supercar.cli; print([m for m in sys.modules if 'offline' in m])"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_a_cancellation_is_told_in_the_tools_own_sentence(serve, fake_groq: FakeGroq, capsys):
    url = serve()
    fake_groq.push(
        Script([tool_call("cancel_appointment", {"confirmation_code": "SC-00000000"})]),
        Script(words("I couldn't find that booking.")),
    )
    assert main(["ask", "--url", url, "Cancel SC-00000000"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "  · checking the booking…",
        "  · Not cancelled: we couldn't find a booking with that code in this conversation.",
    ]


def test_a_refused_booking_is_told_in_the_cards_sentence_with_its_facts(
    serve, fake_groq: FakeGroq, capsys
):
    url = serve()
    today = date.today()
    sunday = today + timedelta(days=(6 - today.weekday()) or 7)
    booking = {
        "dealership_id": "chicago",
        "date": sunday.isoformat(),
        "time": "11:00",
        "car_model": "SuperCar GT",
    }
    fake_groq.push(
        Script([tool_call("schedule_appointment", booking)]),
        Script(words("Chicago is closed on Sundays.")),
    )
    assert main(["ask", "--url", url, "Book the GT in Chicago on Sunday at 11"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "  · booking the test drive…",
        "  · schedule_appointment failed: SuperCar Chicago is closed on Sundays; its hours are "
        "Mon-Fri 9am-6pm, Sat 10am-4pm.",
    ]
