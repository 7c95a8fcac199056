"""The SnapStart hooks the Lambda Web Adapter (1.1+) calls on the app, hidden from /docs.

The adapter relays the snapshot lifecycle over HTTP: before the snapshot it POSTs
`AWS_LWA_SNAPSTART_BEFORE_CHECKPOINT_PATH`, after a restore (before any traffic, and before it
re-runs the readiness check) it POSTs `AWS_LWA_SNAPSTART_AFTER_RESTORE_PATH`; a non-2xx answer
fails that phase (aws/aws-lambda-web-adapter#837). template.yaml sets them to the paths below.
What the hooks do lives in `Services.before_checkpoint` / `after_restore`.

Decisions:
- A hook answers only where it belongs, and is a 404 (exactly what an unknown path gets)
  everywhere else. It belongs where all of these hold: Lambda says the sandbox is a SnapStart
  one (`AWS_LAMBDA_INITIALIZATION_TYPE=snap-start`, which Lambda sets and nobody else does);
  the adapter was told to call this very path (its `AWS_LWA_SNAPSTART_*_PATH` variable, which it
  shares with the app); the caller is on the loopback address (the adapter runs in the
  sandbox); and the request carries no `x-amzn-request-context`, which the adapter adds to every
  request it relays from the Function URL. Off Lambda, or on Lambda without SnapStart, the first
  two never hold, whoever can reach the port (issue 17: any deployment that exposed its port
  exposed the hooks).
- `before-checkpoint` never breaks a turn in flight: the model client is retired, not closed
  under a stream (`ModelSwitch.close_connections`), and the hook waits up to
  `CHECKPOINT_WAIT_SECONDS` for streams in flight to end, then refuses (503) rather than let a
  snapshot hold live connections. On Lambda no turn can be in flight then: the snapshot is taken
  before the first invocation.
- Both hooks are idempotent and cheap.
"""

from __future__ import annotations

import ipaddress
import os

import anyio
from fastapi import APIRouter, Depends, Request, Response
from starlette.exceptions import HTTPException

from supercar.api.deps import ServicesDep
from supercar.request_context import REQUEST_CONTEXT_HEADER

BEFORE_CHECKPOINT_PATH = "/internal/snapstart/before-checkpoint"
AFTER_RESTORE_PATH = "/internal/snapstart/after-restore"
# The adapter's variables naming the hook paths (template.yaml sets both).
ADAPTER_PATH_VARIABLES = (
    "AWS_LWA_SNAPSTART_BEFORE_CHECKPOINT_PATH",
    "AWS_LWA_SNAPSTART_AFTER_RESTORE_PATH",
)
CHECKPOINT_WAIT_SECONDS = 10.0


def called_by_the_adapter(request: Request) -> bool:
    """Whether this hook request comes from the Lambda Web Adapter of a SnapStart sandbox."""
    if os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE") != "snap-start":
        return False
    if request.url.path not in {os.environ.get(name) for name in ADAPTER_PATH_VARIABLES}:
        return False
    if REQUEST_CONTEXT_HEADER.decode() in request.headers:
        return False
    try:
        return request.client is not None and ipaddress.ip_address(request.client.host).is_loopback
    except ValueError:  # not an address at all
        return False


async def _adapter_only(request: Request) -> None:
    if not called_by_the_adapter(request):
        raise HTTPException(404)  # exactly what an unknown path gets


router = APIRouter(include_in_schema=False, dependencies=[Depends(_adapter_only)])


@router.post(BEFORE_CHECKPOINT_PATH, status_code=204)
async def before_checkpoint(services: ServicesDep) -> Response:
    with anyio.move_on_after(CHECKPOINT_WAIT_SECONDS) as waited:
        await services.model.idle()
    if waited.cancelled_caught:
        raise HTTPException(503, "turns are still streaming: no snapshot now")
    await services.before_checkpoint()
    return Response(status_code=204)


@router.post(AFTER_RESTORE_PATH, status_code=204)
async def after_restore(services: ServicesDep) -> Response:
    await services.after_restore()
    return Response(status_code=204)
