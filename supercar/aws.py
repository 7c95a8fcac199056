"""The AWS SDK as the app uses it: botocore's low-level clients, made from one session per app.

Decisions:
- botocore, not boto3: the app only makes low-level calls. boto3 adds its resource layer and
  s3transfer to every cold start and nothing the app uses. (Powertools `parameters` was dropped
  for the same reason: it made a second session, which loads the endpoint data again.)
- One session: its loader caches what every client reads (endpoints, partitions, retry rules),
  so the second client costs only its own service model.
- `close_connections` drops every pooled connection of every client made here. A closed botocore
  client stays usable: its next call opens a new connection pool. That is what a SnapStart
  snapshot needs on both sides (`Services.before_checkpoint` / `after_restore`).
- Nothing is imported until the first client is asked for, so a local run never loads botocore.
"""

from __future__ import annotations

from typing import Any


class AwsClients:
    def __init__(self) -> None:
        self._session: Any = None
        self._clients: list[Any] = []

    def client(self, service: str, endpoint_url: str | None = None) -> Any:
        """A new low-level client; the region comes from AWS_DEFAULT_REGION (Lambda sets it)."""
        if self._session is None:
            import botocore.session

            self._session = botocore.session.get_session()
        client = self._session.create_client(service, endpoint_url=endpoint_url)
        self._clients.append(client)
        return client

    def close_connections(self) -> None:
        for client in self._clients:
            client.close()
