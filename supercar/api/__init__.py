"""The HTTP surface, one module per concern.

- `deps`: the `Annotated` dependencies routes take (`SettingsDep`, `ServicesDep`);
- `errors`: every JSON error body, the codes a request can be refused with, their handlers;
- `guards`: the pure-ASGI body guard (size and media type, before any parsing);
- `query`: `POST /query`, the conversation's one route, and its OpenAPI description;
- `stream`: the SSE transport of a turn (the response, its queue, coalescing) and `decline`;
- `info`: `/health`, the catalogue, and the built-in chat page.

`supercar.app.create_app` only wires these together.
"""
