"""The terminal client: `python -m supercar chat` and `python -m supercar ask "..."`.

    python -m supercar chat [--url URL] [--session ID]     an interactive conversation
    python -m supercar ask [--url URL] [--session ID] "What is the weather in Miami?"

Decisions:
- It is a client of the public HTTP contract only (`POST /query`, `GET /health`), never of the
  app's internals, so it works against any deployment, and what it shows is what a browser gets.
  Its tool lines reuse the one reader of tool results (`supercar.tools.summaries`, pure text
  functions), so a tool's data is put into words in one place; it never loads the offline model.
- SSE is decoded by `httpx-sse`, a maintained library, not by hand; httpx is already a
  dependency (via groq). Synchronous httpx: a terminal turn is one request at a time.
- Streamed text goes to stdout as it arrives. Tool activity goes on its own lines, dim when the
  stream is a terminal (and `NO_COLOR` is unset). For `ask`, tool lines and errors go to stderr,
  so a script capturing stdout gets the answer and nothing else.
- Exit codes for `ask`: 0 when the turn ended normally; 1 when the server refused the request
  (its JSON `message` is printed), the stream carried an `error` event, the stream broke off
  before `end`, or the service could not be reached; 2 for bad usage (argparse, in
  `supercar.__main__`, which declares the verbs with `add_commands`). `chat` only
  exits non-zero if the service cannot be reached at start; later errors are shown and the
  conversation goes on.
- The session id defaults to a fresh `cli-<32 hex digits>` per run: 128 random bits, because the
  id is the conversation's only credential (the server's format is `[A-Za-z0-9_.:-]{1,128}`);
  `--session` resumes a conversation, e.g. one begun in a script.
- The read timeout (90 s) is above the server's turn deadline (60 s by default) and its pings
  (every 15 s) keep a slow turn alive, so a timeout here means the service really went quiet.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from dataclasses import dataclass
from typing import Any, TextIO

import httpx
from httpx_sse import SSEError, connect_sse

from supercar.tools.summaries import describe, error_code, error_sentence

DEFAULT_URL = "http://127.0.0.1:8000"
TIMEOUT = httpx.Timeout(10.0, read=90.0)

TOOL_LABELS = {
    "get_weather": "checking the weather",
    "get_dealership_address": "looking up the showroom",
    "check_appointment_availability": "checking test-drive availability",
    "schedule_appointment": "booking the test drive",
}
# Tools whose `output` is already one sentence for a person, success or refusal.
SENTENCE_TOOLS = {
    "cancel_appointment": "checking the booking",
    "reschedule_appointment": "checking the booking",
}


class Failure(Exception):
    """A turn that did not complete; the message is for the person at the terminal."""


class Style:
    """ANSI dim for tool lines, only where it will be rendered as such."""

    def __init__(self, stream: TextIO) -> None:
        self.enabled = stream.isatty() and not os.environ.get("NO_COLOR")

    def dim(self, text: str) -> str:
        return f"\x1b[2m{text}\x1b[0m" if self.enabled else text


@dataclass
class Printer:
    """Writes one turn: streamed text on `out`, tool activity on its own lines on `side`."""

    out: TextIO
    side: TextIO
    prefix: str = ""  # e.g. "Lex: " in chat
    at_line_start: bool = True
    started: bool = False

    def text(self, text: str) -> None:
        if not self.started:
            self.out.write(self.prefix)
            self.started = True
        self.out.write(text)
        self.out.flush()
        self.at_line_start = text.endswith("\n")

    def note(self, line: str) -> None:
        # A tool line never lands in the middle of a sentence: finish the text line first.
        if not self.at_line_start:
            self.out.write("\n")
            self.out.flush()
            self.at_line_start = True
        self.side.write(Style(self.side).dim(f"  · {line}") + "\n")
        self.side.flush()
        self.started = False  # text after a tool starts a fresh "Lex: " line

    def finish(self) -> None:
        if not self.at_line_start:
            self.out.write("\n")
            self.out.flush()
            self.at_line_start = True


def summarize_tool(payload: dict[str, Any]) -> str:
    """One line for a `tool_output`: the offline model's sentence for the same `data`."""
    name = str(payload.get("name", "tool"))
    data = payload.get("data") or {}
    output = payload.get("output")
    if name in SENTENCE_TOOLS and isinstance(output, str):
        return output
    if payload.get("is_error") or error_code(data):
        return f"{name} failed: {error_sentence(data)}"
    if name in TOOL_LABELS:
        return describe(name, data)
    if isinstance(output, str):
        return output
    return f"{name}: {json.dumps(output, ensure_ascii=False)}"


def refusal_message(response: httpx.Response) -> str:
    response.read()
    try:
        body = response.json()
        message = body.get("message") if isinstance(body, dict) else None
        code = body.get("code") if isinstance(body, dict) else None
    except ValueError:
        message, code = None, None
    reason = f"HTTP {response.status_code}" + (f" {code}" if code else "")
    return f"{message} ({reason})" if message else f"the service answered {reason}"


def run_turn(client: httpx.Client, url: str, session: str, query: str, printer: Printer) -> None:
    """Stream one turn through `printer`; raise `Failure` if it did not end normally."""
    body = {"query": query, "session_id": session}
    error: str | None = None
    try:
        with connect_sse(client, "POST", f"{url}/query", json=body) as source:
            if not source.response.is_success:
                raise Failure(refusal_message(source.response))
            for event in source.iter_sse():
                if event.event == "chunk":
                    printer.text(event.data)
                elif event.event == "tool_use":
                    label = TOOL_LABELS.get(event.data) or SENTENCE_TOOLS.get(event.data)
                    printer.note((label or f"using {event.data}") + "…")
                elif event.event == "tool_output":
                    printer.note(summarize_tool(event.json()))
                elif event.event == "error":
                    details = event.json()
                    error = f"{details.get('message')} ({details.get('code')})"
                elif event.event == "end":
                    break
            else:
                raise Failure("the stream ended before the answer was complete")
    except httpx.HTTPError as exc:
        raise Failure(f"cannot reach {url}: {exc}") from exc
    except SSEError as exc:
        raise Failure(f"{url} did not answer with an event stream: {exc}") from exc
    finally:
        printer.finish()
    if error:
        raise Failure(error)


def backend_label(client: httpx.Client, url: str) -> str:
    response = client.get(f"{url}/health")
    response.raise_for_status()
    model = response.json().get("model", {})
    if model.get("backend") == "offline":
        return "offline demo model"
    return f"{model.get('backend')} · {model.get('id')}"


def new_session() -> str:
    return f"cli-{secrets.token_hex(16)}"


def ask(args: argparse.Namespace, client: httpx.Client) -> int:
    printer = Printer(out=sys.stdout, side=sys.stderr)
    try:
        run_turn(client, args.url, args.session or new_session(), args.question, printer)
    except Failure as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def chat(args: argparse.Namespace, client: httpx.Client) -> int:
    session = args.session or new_session()
    try:
        label = backend_label(client, args.url)
    except (httpx.HTTPError, ValueError) as exc:
        print(f"error: cannot reach {args.url}: {exc}", file=sys.stderr)
        return 1
    style = Style(sys.stdout)
    print(f"Lex at {args.url} ({label}), session {session}")
    print(style.dim("Type a message. /new starts a new conversation, /quit or Ctrl-D leaves."))
    while True:
        try:
            query = input("you> ").strip()
        except EOFError:
            print()
            return 0
        except KeyboardInterrupt:
            print()
            return 0
        if not query:
            continue
        if query in {"/quit", "/exit"}:
            return 0
        if query == "/new":
            session = new_session()
            print(style.dim(f"New conversation, session {session}"))
            continue
        try:
            run_turn(client, args.url, session, query, Printer(sys.stdout, sys.stdout, "Lex: "))
        except Failure as exc:
            print(f"error: {exc}", file=sys.stderr)
        except KeyboardInterrupt:
            # Closing the connection cancels the turn on the server; the conversation goes on.
            print(style.dim("\n  · interrupted"))


def add_commands(verbs: Any) -> None:
    """Declare `chat` and `ask` on the program's verbs (`supercar.__main__`), next to the code
    that reads their options."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--url", default=DEFAULT_URL, help=f"the service's address (default {DEFAULT_URL})"
    )
    common.add_argument("--session", help="conversation id to continue (default: a new one)")
    verbs.add_parser(
        "chat",
        parents=[common],
        help="talk to a running Lex in a conversation",
        description="A conversation with a running Lex: /new starts another, /quit or Ctrl-D "
        "leaves.",
    )
    one = verbs.add_parser(
        "ask",
        parents=[common],
        help="ask a running Lex one question and exit",
        description="Ask one question: the answer alone on stdout, tool activity and errors on "
        "stderr; exit status 1 if the request is refused, the turn fails or the service cannot "
        "be reached.",
    )
    one.add_argument("question", help="the question, quoted")


def run(args: argparse.Namespace) -> int:
    """Run the `chat` or `ask` the program's parser chose."""
    args.url = args.url.rstrip("/")
    with httpx.Client(timeout=TIMEOUT) as client:
        if args.command == "ask":
            return ask(args, client)
        return chat(args, client)
