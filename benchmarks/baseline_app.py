"""The baseline the issue compares against: a minimal relay of `AsyncGroq`'s stream.

FastAPI + sse-starlette + the groq SDK's typed stream (a pydantic `ChatCompletionChunk` per
token), one SSE event per token, no tools, no history, no validation beyond the body model.
It speaks the service's wire contract (`chunk` events, then `end`) so one client measures both.

    GROQ_API_KEY=... GROQ_BASE_URL=http://127.0.0.1:PORT uvicorn benchmarks.baseline_app:app
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI
from groq import AsyncGroq
from pydantic import BaseModel
from sse_starlette import EventSourceResponse

MODEL = os.environ.get("GROQ_MODEL", "openai/gpt-oss-120b")

app = FastAPI()
client = AsyncGroq(
    api_key=os.environ.get("GROQ_API_KEY", "bench-key"),
    base_url=os.environ.get("GROQ_BASE_URL"),
    max_retries=int(os.environ.get("GROQ_MAX_RETRIES", "0")),
)


class Query(BaseModel):
    query: str
    session_id: str


@app.post("/query")
async def query(body: Query) -> EventSourceResponse:
    async def events() -> AsyncIterator[dict[str, Any]]:
        stream = await client.chat.completions.create(
            model=MODEL,
            messages=[{"role": "user", "content": body.query}],
            stream=True,
        )
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content:
                yield {"event": "chunk", "data": chunk.choices[0].delta.content}
        yield {"event": "end", "data": ""}

    return EventSourceResponse(events(), sep="\n")
