"""`python -m supercar`: the program's command line. `serve` (the default) runs the app under
uvicorn; `chat` and `ask` are the terminal client (`supercar.cli`); `bookings` is the showroom
desk's list (`supercar.desk`).

Decisions:
- One argparse parser holds every verb, so `--help` works on the program and on each verb (help
  on stdout, exit 0), and an unknown verb or flag exits 2 with a usage line, as argparse does.
- No verb means `serve`, so `make run` and `python -m supercar` stay the same command.
- The clients' verbs are declared by `supercar.cli.add_commands` and
  `supercar.desk.add_command`, beside the code that reads their options; what the terminal client
  needs beyond argparse and httpx it imports when it runs, so `serve` starts no slower for it.
"""

from __future__ import annotations

import argparse
import sys

from supercar import cli, desk


def serve(**uvicorn_options: object) -> None:
    """uvicorn on HOST:PORT with the app's HTTP protocol (`supercar.protocol`);
    `uvicorn_options` (loop, http, access_log...) override these defaults (the benchmark's lever
    runs use them)."""
    import uvicorn

    from supercar.config import get_settings
    from supercar.logs import configure

    settings = get_settings()
    configure(settings.log_level, log_conversations=settings.log_conversations)
    options: dict[str, object] = {"http": "supercar.protocol:GuardedHttpToolsProtocol"}
    uvicorn.run(
        "supercar.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        log_config=None,
        **(options | uvicorn_options),  # type: ignore[arg-type]
    )


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="python -m supercar",
        description="Lex, the SuperCar sales assistant: serve it, or talk to one that runs.",
    )
    verbs = root.add_subparsers(dest="command", title="verbs", metavar="{serve,chat,ask,bookings}")
    verbs.add_parser(
        "serve",
        help="serve the assistant (the default; what `make run` does)",
        description="Serve the assistant with uvicorn on HOST:PORT (default 127.0.0.1:8000). "
        "Every setting comes from the environment or .env; see .env.example.",
    )
    cli.add_commands(verbs)
    desk.add_command(verbs)
    return root


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.command in (None, "serve"):
        serve()
        return 0
    if args.command == "bookings":
        return desk.run(args)
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
