"""Serve the service like `python -m supercar` does, with the uvicorn levers exposed.

`python -m supercar` is `uvicorn.run("supercar.app:create_app", factory=True, log_config=None,
...)` after `supercar.logs.configure(LOG_LEVEL)`: loop and http are uvicorn's "auto" (uvloop and
httptools when installed) and the access log is on. This script does the same, but lets the
benchmark's lever runs pick `--loop`, `--http` and `--no-access-log`.
"""

from __future__ import annotations

import argparse

import uvicorn

from supercar.config import get_settings
from supercar.logs import configure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loop", default="auto", choices=["auto", "asyncio", "uvloop"])
    parser.add_argument("--http", default="auto", choices=["auto", "h11", "httptools"])
    parser.add_argument("--no-access-log", action="store_true")
    args = parser.parse_args()
    settings = get_settings()
    configure(settings.log_level)
    uvicorn.run(
        "supercar.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level.lower(),
        log_config=None,
        loop=args.loop,
        http=args.http,
        access_log=not args.no_access_log,
    )


if __name__ == "__main__":
    main()
