"""The AWS SDK as the app uses it: botocore's low-level clients, made from one session per app.

Decisions:
- botocore, not boto3: the app only makes low-level calls. boto3 adds its resource layer and
  s3transfer to every cold start and nothing the app uses. (Powertools `parameters` was dropped
  for the same reason: it made a second session, which loads the endpoint data again.)
- One session: its loader caches what every client reads (endpoints, partitions, retry rules),
  so the second client costs only its own service model.
- Every call is bounded (`bounded_config`): connect and read timeouts of a second or two and
  botocore's *standard* retry mode with few attempts. botocore's defaults are a 60 s read
  timeout and, for DynamoDB, ten legacy retries: a frozen table held a customer for 150 s with
  no byte and no log line (issue 17). The callers bound their own waits as well (the stores'
  deadlines in `supercar.conversation` and `supercar.api.query`), since a timeout per socket
  read does not bound a call.
- `close_connections` drops every pooled connection of every client made here. A closed botocore
  client stays usable: its next call opens a new connection pool. That is what a SnapStart
  snapshot needs on both sides (`Services.before_checkpoint` / `after_restore`).
- Nothing is imported until the first client is asked for, so a local run never loads botocore.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Bounds:
    """How long one AWS call may take: the socket timeouts and the attempts (1 = no retry)."""

    connect_timeout: float = 1.0
    read_timeout: float = 2.0
    max_attempts: int = 2


def bounded_config(bounds: Bounds) -> Any:
    """A botocore `Config` with the timeouts and a bounded standard retry mode."""
    from botocore.config import Config

    return Config(
        connect_timeout=bounds.connect_timeout,
        read_timeout=bounds.read_timeout,
        retries={"mode": "standard", "total_max_attempts": bounds.max_attempts},
    )


class AwsClients:
    def __init__(self, bounds: Bounds | None = None) -> None:
        self.bounds = bounds or Bounds()
        self._session: Any = None
        self._clients: list[Any] = []

    def client(self, service: str, endpoint_url: str | None = None) -> Any:
        """A new low-level client; the region comes from AWS_DEFAULT_REGION (Lambda sets it)."""
        if self._session is None:
            import botocore.session

            self._session = botocore.session.get_session()
        client = self._session.create_client(
            service, endpoint_url=endpoint_url, config=bounded_config(self.bounds)
        )
        self._clients.append(client)
        return client

    def close_connections(self) -> None:
        for client in self._clients:
            client.close()
