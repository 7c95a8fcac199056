"""Serve the service exactly as `python -m supercar` does, with the uvicorn levers exposed.

`python -m supercar` runs uvicorn with loop "auto" (uvloop when installed), the app's own
httptools protocol (`supercar.protocol`) and the access log on; this lets the benchmark's lever
runs pick `--loop`, `--http` and `--no-access-log`.
"""

from __future__ import annotations

import argparse

from supercar.__main__ import serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loop", default="auto", choices=["auto", "asyncio", "uvloop"])
    parser.add_argument("--http", choices=["auto", "h11", "httptools"], help="default: the app's")
    parser.add_argument("--no-access-log", action="store_true")
    args = parser.parse_args()
    http = {"http": args.http} if args.http else {}
    serve(loop=args.loop, access_log=not args.no_access_log, **http)


if __name__ == "__main__":
    main()
