"""The HTTP protocol uvicorn runs for this app: uvicorn's httptools protocol with two guards.

Whatever serves the app names it: `python -m supercar` (`serve`), `run.sh` on Lambda
(`--http supercar.protocol:GuardedHttpToolsProtocol`), and the tests' live server.

Decisions:
- **A cap on the request line and headers** (`MAX_HEAD_BYTES`, 64 KB, eight times what nginx
  allows a header line by default). httptools has no limit of its own: it accumulates a header
  value of any size, so a 100 MB header used to take 80 s and 200 MB before the request was even
  seen, slowing every other stream of the process (issue 10). The bytes are counted as
  they arrive, before the parser sees them, so refusing costs nothing: the parser is fed up to the
  limit, and if the head has not ended by then the connection gets a 431 and is closed. h11 has
  such a limit (`h11_max_incomplete_event_size`), but switching to it would trade httptools' C
  parser for a pure-Python one on every request, for a check this class does in a few lines.
- **A way for the app to drop a connection at once**: the ASGI scope carries the
  `ABORT_EXTENSION` extension, whose `abort` aborts the transport (queued bytes are discarded, the
  peer gets a reset). The app uses it for a client that stopped reading
  (`supercar.api.stream`): closing politely would wait for that client to read megabytes, and
  returning mid-response makes uvicorn log an ERROR for what is the client's doing.
"""

from __future__ import annotations

import logging
import socket
import struct
from collections.abc import MutableMapping
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger(__name__)

MAX_HEAD_BYTES = 64 * 1024
ABORT_EXTENSION = "supercar.abort"

_REFUSAL = b"Request line and headers over 64 KB.\n"
_HEAD_TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: text/plain; charset=utf-8\r\n"
    b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(_REFUSAL), _REFUSAL)
)


def abort_connection(scope: MutableMapping[str, Any]) -> bool:
    """Abort the connection `scope` arrived on, if the server offers that; True if it did."""
    extension = scope.get("extensions", {}).get(ABORT_EXTENSION)
    if extension is None:
        return False
    extension["abort"]()
    return True


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    # Bytes the current request's line and headers may still take; None once they have ended
    # (a body is not counted here: `BodyGuard` caps it).
    head_room: int | None = MAX_HEAD_BYTES
    heads_ended = 0

    def data_received(self, data: bytes) -> None:
        room = self.head_room
        if room is None or len(data) <= room:
            if room is not None:
                self.head_room = room - len(data)
            super().data_received(data)
            return
        # The limit falls inside this read: parse up to it, and the rest only if the head ended.
        heads_ended = self.heads_ended
        super().data_received(data[:room])
        if self.transport.is_closing():
            return
        if self.heads_ended == heads_ended:
            log.warning("request line and headers over %d bytes: refused with 431", MAX_HEAD_BYTES)
            self.transport.write(_HEAD_TOO_LARGE)
            self.transport.close()
            return
        super().data_received(data[room:])

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.scope.setdefault("extensions", {})[ABORT_EXTENSION] = {"abort": self._abort}

    def on_headers_complete(self) -> None:
        self.head_room = None
        self.heads_ended += 1
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self.head_room = MAX_HEAD_BYTES  # a kept-alive connection's next request starts afresh
        super().on_message_complete()

    def _abort(self) -> None:
        if self.cycle is not None:
            # What `connection_lost` will say when the transport reports it: uvicorn then sees
            # the response as cut by the client, not as unfinished by the app.
            self.cycle.disconnected = True
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            # Without a zero linger the kernel keeps sending what its buffer holds (megabytes,
            # at the silent client's pace) before the FIN; with it, the close is a reset.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.transport.abort()
