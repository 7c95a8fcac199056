"""Who is asking: the client address the per-client rate limit counts by.

Decisions:
- On Lambda under the Web Adapter the socket peer is the adapter itself, on loopback. The
  caller's address is the `sourceIp` of the request context the adapter passes as JSON in the
  `x-amzn-request-context` header: `http.sourceIp` for a Function URL or an HTTP API (payload
  2.0), `identity.sourceIp` for a REST API (1.0). The header is believed only on Lambda
  (`AWS_LAMBDA_FUNCTION_NAME` is set), where the adapter writes it from the invocation; anywhere
  else any client could send one.
- Under Mangum the invocation's event is in the ASGI scope (`aws.event`): the same request
  context, read from there.
- Elsewhere, the socket peer as uvicorn reports it. uvicorn applies `X-Forwarded-For` only from
  its `forwarded_allow_ips` (127.0.0.1 and ::1 unless `FORWARDED_ALLOW_IPS` says otherwise;
  `python -m supercar` and run.sh pass nothing that widens it), so a reverse proxy on the same
  host works and no other client can choose the address it is counted under.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from supercar.logs import on_lambda
from supercar.request_context import REQUEST_CONTEXT_HEADER, header_json

UNKNOWN = "unknown"  # no peer (an in-process test transport): every such request counts as one


def client_address(request: Request) -> str:
    event = request.scope.get("aws.event")  # Mangum
    if isinstance(event, dict):
        context = event.get("requestContext")
    elif on_lambda():
        context = header_json(request.scope, REQUEST_CONTEXT_HEADER)
    else:
        context = None
    source_ip = _source_ip(context) if isinstance(context, dict) else None
    if source_ip:
        return source_ip
    return request.client.host if request.client else UNKNOWN


def _source_ip(context: dict[str, Any]) -> str | None:
    for section in ("http", "identity"):  # payload 2.0, then REST API's 1.0
        value = context.get(section)
        if isinstance(value, dict) and isinstance(value.get("sourceIp"), str):
            return str(value["sourceIp"])
    return None
