#!/bin/sh
# The Lambda function's Handler under the Lambda Web Adapter layer: /opt/bootstrap runs this
# script, then relays each invocation to uvicorn on the port the adapter is told
# (AWS_LWA_PORT, falling back to PORT, as the adapter does) once GET /health answers
# (AWS_LWA_READINESS_CHECK_PATH). The working directory is the task root, where `sam build`
# puts handler.py, supercar/ and the dependencies. The access log is off: Lambda already logs
# every invocation, and each line costs CloudWatch ingestion. The HTTP protocol is the app's own
# (supercar/protocol.py: a cap on header size, and slow readers dropped at once).
PORT="${AWS_LWA_PORT:-$PORT}"
PATH="$PATH:$LAMBDA_TASK_ROOT/bin" \
PYTHONPATH="$PYTHONPATH:/opt/python:$LAMBDA_RUNTIME_DIR" \
    exec python -m uvicorn handler:app --host 0.0.0.0 --port "${PORT:-8000}" --no-access-log \
    --http supercar.protocol:GuardedHttpToolsProtocol
