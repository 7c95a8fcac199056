"""The cold-start yardstick: FastAPI and sse-starlette with nothing of ours, served the way
run.sh serves the service (`python -m uvicorn benchmarks.bare_app:app --no-access-log`).

What any app on this stack pays before its first request; the service's start-up is quoted as
a multiple of it (`benchmarks.lambda_start`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import FastAPI
from sse_starlette import EventSourceResponse

app = FastAPI()


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/events")
async def events() -> EventSourceResponse:
    async def one() -> AsyncIterator[dict[str, str]]:
        yield {"event": "end", "data": ""}

    return EventSourceResponse(one(), sep="\n")
