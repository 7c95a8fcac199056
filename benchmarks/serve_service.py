"""Serve the service exactly as `python -m supercar` does, with the uvicorn levers exposed.

`python -m supercar` runs uvicorn with loop and http "auto" (uvloop and httptools when
installed) and the access log on; this lets the benchmark's lever runs pick `--loop`, `--http`
and `--no-access-log`.
"""

from __future__ import annotations

import argparse

from supercar.__main__ import serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loop", default="auto", choices=["auto", "asyncio", "uvloop"])
    parser.add_argument("--http", default="auto", choices=["auto", "h11", "httptools"])
    parser.add_argument("--no-access-log", action="store_true")
    args = parser.parse_args()
    serve(loop=args.loop, http=args.http, access_log=not args.no_access_log)


if __name__ == "__main__":
    main()
