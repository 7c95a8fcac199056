"""Metrics as CloudWatch embedded metric format (EMF) lines on stdout, on Lambda only.

Decisions:
- EMF through Powertools: CloudWatch turns a JSON log line into metrics, with no API call and no
  latency on the request path. Namespace and service come from `POWERTOOLS_METRICS_NAMESPACE`
  and `POWERTOOLS_SERVICE_NAME` (the template sets both); Powertools adds `service` as a
  dimension to every metric.
- Written only on Lambda (detected as the log format is, `supercar.logs.on_lambda`); locally
  the log lines carry the same facts, and stdout stays readable.
- Flushed per request: under the Lambda Web Adapter there is no handler to decorate. A turn's
  figures go out when it ends; each dimensioned count (a failure's code, a tool call's tool and
  outcome) is its own line, because an EMF line's dimensions apply to all its metrics.
  `EphemeralMetrics` keeps no state between instances, so concurrent turns in one process
  (locally, or a test) can never mix their figures.
- Every refusal and every failure is a count someone can alarm on (template.yaml does, and
  docs/operations.md says what each alarm means): `TurnFailed` by `code` (Groq's failures among
  them, by their code), `StoreUnavailable` (wherever DynamoDB failed or did not answer in
  time: a 503, a turn not saved, a claim not renewed or released, limits failing open),
  `SessionBusy` (409s), `RateLimited` by `scope`, `BudgetExhausted`, `QueryTooLong`, and
  `ToolCalls` by `tool` and `outcome`. Lambda's own Errors metric counts none of them: the
  function answers HTTP errors and stream failures, it does not crash.
- Low-cardinality dimensions only: codes, tool names, outcomes. Never a session id.
- Powertools' metrics module is imported on first use, so a local run never loads it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from supercar.logs import SERVICE, on_lambda

if TYPE_CHECKING:
    from aws_lambda_powertools.metrics import EphemeralMetrics

DEFAULT_NAMESPACE = "SuperCar"


def _metrics(**dimensions: str) -> EphemeralMetrics | None:
    if not on_lambda():
        return None
    from aws_lambda_powertools.metrics import EphemeralMetrics

    metrics = EphemeralMetrics(
        namespace=os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or DEFAULT_NAMESPACE,
        service=os.environ.get("POWERTOOLS_SERVICE_NAME") or SERVICE,
    )
    for name, value in dimensions.items():
        metrics.add_dimension(name, value)
    return metrics


def count(metric: str, **dimensions: str) -> None:
    """One occurrence of `metric` (e.g. `RateLimited`), as its own EMF line."""
    metrics = _metrics(**dimensions)
    if metrics is not None:
        metrics.add_metric(metric, "Count", 1)
        metrics.flush_metrics()


def record_turn(
    *,
    duration_ms: float,
    first_text_ms: float | None,
    input_tokens: int,
    output_tokens: int,
    failed: str | None,
    tool_outcomes: Iterable[tuple[str, str]],
) -> None:
    """A finished turn: its timings and tokens, a failure's code, and one count per tool call."""
    metrics = _metrics()
    if metrics is None:
        return
    metrics.add_metric("Turns", "Count", 1)
    metrics.add_metric("TurnDuration", "Milliseconds", duration_ms)
    if first_text_ms is not None:
        metrics.add_metric("FirstTextLatency", "Milliseconds", first_text_ms)
    metrics.add_metric("InputTokens", "Count", input_tokens)
    metrics.add_metric("OutputTokens", "Count", output_tokens)
    metrics.flush_metrics()
    if failed is not None:
        count("TurnFailed", code=failed)
    for tool, outcome in tool_outcomes:
        count("ToolCalls", tool=tool, outcome=outcome)
