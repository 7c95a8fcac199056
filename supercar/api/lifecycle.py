"""The SnapStart hooks the Lambda Web Adapter (1.1+) calls on the app, hidden from /docs.

The adapter relays the snapshot lifecycle over HTTP: before the snapshot it POSTs
`AWS_LWA_SNAPSTART_BEFORE_CHECKPOINT_PATH`, after a restore (before any traffic, and before it
re-runs the readiness check) it POSTs `AWS_LWA_SNAPSTART_AFTER_RESTORE_PATH`; a non-2xx answer
fails that phase (aws/aws-lambda-web-adapter#837). template.yaml sets them to the paths below.
What the hooks do lives in `Services.before_checkpoint` / `after_restore`.

A request the adapter relays from the Function URL always carries `x-amzn-request-context` (the
adapter sets it on every invocation it forwards); its own hook calls on localhost do not. So a
hook path with that header came from the public and is answered 404, as if it did not exist.
Both hooks are idempotent and cheap anyway.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response
from starlette.exceptions import HTTPException

from supercar.api.deps import ServicesDep
from supercar.request_context import REQUEST_CONTEXT_HEADER

BEFORE_CHECKPOINT_PATH = "/internal/snapstart/before-checkpoint"
AFTER_RESTORE_PATH = "/internal/snapstart/after-restore"


async def _adapter_only(request: Request) -> None:
    if REQUEST_CONTEXT_HEADER.decode() in request.headers:
        raise HTTPException(404)  # exactly what an unknown path gets


router = APIRouter(include_in_schema=False, dependencies=[Depends(_adapter_only)])


@router.post(BEFORE_CHECKPOINT_PATH, status_code=204)
async def before_checkpoint(services: ServicesDep) -> Response:
    await services.before_checkpoint()
    return Response(status_code=204)


@router.post(AFTER_RESTORE_PATH, status_code=204)
async def after_restore(services: ServicesDep) -> Response:
    await services.after_restore()
    return Response(status_code=204)
