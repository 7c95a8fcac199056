"""`python -m supercar` serves the app with uvicorn; `chat` and `ask` are the terminal client;
`bookings` is the showroom desk's list (`supercar.desk`)."""

from __future__ import annotations

import sys


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


def main(argv: list[str]) -> int:
    if argv and argv[0] in {"chat", "ask"}:
        from supercar.cli import main as cli_main

        return cli_main(argv)
    if argv and argv[0] == "bookings":
        from supercar.desk import main as desk_main

        return desk_main(argv[1:])
    if argv and argv[0] not in {"serve"}:
        print(
            "usage: python -m supercar [serve | chat | ask QUESTION | bookings --dealership ID]",
            file=sys.stderr,
        )
        return 2
    serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
