"""The one entry point on AWS Lambda, and for anything that serves the app by import path.

- `app`: the ASGI app, built once at import. uvicorn serves it: on Lambda under the Lambda Web
  Adapter (`run.sh`, streaming through the Function URL) and locally (`uvicorn handler:app`).
- `handler`: Mangum's adapter for buffered invocations: API Gateway events, `sam local
  start-api` and `sam local invoke`. Mangum returns the whole SSE body at once (see
  docs/architecture.md, "Streaming on Lambda"). The services are built on the first invocation
  and kept for the sandbox's life (see `supercar.buffered`).

Logging is configured here because this module is what the process imports first: JSON lines
on Lambda, plain lines elsewhere (see `supercar.logs`). Nothing else belongs in this file.
"""

from supercar.app import create_app
from supercar.buffered import BufferedHandler
from supercar.config import get_settings
from supercar.logs import configure

settings = get_settings()
configure(settings.log_level, log_conversations=settings.log_conversations)
app = create_app(settings)
handler = BufferedHandler(app)
