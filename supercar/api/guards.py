"""A pure ASGI middleware that refuses oversized or non-JSON request bodies before any parsing.

Pure ASGI (not `BaseHTTPMiddleware`) so streamed responses pass through untouched. The byte cap
is checked twice: against `Content-Length` up front, and while the body is read, for chunked
uploads that announce no length (raised as an HTTP 413 there, which FastAPI's body reader lets
through, rather than turning it into a 400). It runs before routing, so it guards only the
routes that read a body (method and path, `body_routes`); anything else goes on as it came, and
routing answers it: `PUT /health` is a 405, not a 415, and the SnapStart hooks, which the Lambda
Web Adapter POSTs empty, are left alone.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from supercar.api.errors import RefusalCode, error_body


async def _reply(send: Send, status: int, code: RefusalCode, message: str) -> None:
    body = error_body(code, message)
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    def __init__(
        self, app: ASGIApp, max_body_bytes: int, body_routes: frozenset[tuple[str, str]]
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_routes = body_routes  # (method, path) of each route that reads a body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"]) not in self.body_routes:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        media_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if media_type != b"application/json":
            await _reply(send, 415, "unsupported_media_type", "Send application/json.")
            return
        limit = self.max_body_bytes
        too_large = f"The request body is over {limit} bytes."
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _reply(send, 413, "body_too_large", too_large)
            return

        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(413, too_large)
            return message

        # `send` is passed through untouched: every event of a stream goes through it.
        await self.app(scope, counting_receive, send)
