"""The buffered Lambda function's handler: Mangum, with the app's services built once per sandbox.

Mangum 0.22 runs the ASGI lifespan around every invocation (startup before, shutdown after), so
with `lifespan="auto"` every request rebuilt the services: a new Groq client, a new DynamoDB
client, an SSM read (and, with no key, its ERROR line). Here Mangum's lifespan is off and the
app's own lifespan is entered on the first invocation, on the event loop this handler owns and
Mangum reuses for every call, and left open for the sandbox's life, as uvicorn keeps it open for
the streaming function. The key refresh (`supercar.llm.switch`) then governs the SSM reads.

`close` exits the lifespan (closing the clients) and the loop; it runs at interpreter exit. On
Lambda a sandbox is usually frozen and discarded without it: nothing is lost, since every piece
of state lives in DynamoDB.

Mangum is imported on the first invocation, so the streaming function, which imports the same
`handler` module under uvicorn, never loads it.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
from typing import Any

from fastapi import FastAPI


class BufferedHandler:
    def __init__(self, app: FastAPI) -> None:
        self._app = app
        self._loop: asyncio.AbstractEventLoop | None = None
        self._mangum: Any = None
        self._lifespan: contextlib.AsyncExitStack | None = None

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        if self._mangum is None:
            self._start()
        response: dict[str, Any] = self._mangum(event, context)
        return response

    def _start(self) -> None:
        from mangum import Mangum

        loop = asyncio.new_event_loop()
        lifespan = contextlib.AsyncExitStack()
        try:
            loop.run_until_complete(
                lifespan.enter_async_context(self._app.router.lifespan_context(self._app))
            )
        except BaseException:
            loop.close()  # the next invocation starts over
            raise
        asyncio.set_event_loop(loop)  # Mangum runs each invocation on the current loop
        self._loop, self._lifespan = loop, lifespan
        self._mangum = Mangum(self._app, lifespan="off")
        atexit.register(self.close)

    def close(self) -> None:
        """Shut the app down (its lifespan) and close the loop; idempotent."""
        loop, lifespan = self._loop, self._lifespan
        if loop is None or lifespan is None:
            return
        self._loop = self._lifespan = self._mangum = None
        atexit.unregister(self.close)
        loop.run_until_complete(lifespan.aclose())
        # sse-starlette leaves a per-loop shutdown watcher running between invocations.
        pending = asyncio.all_tasks(loop)
        for task in pending:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.close()
        asyncio.set_event_loop(None)
