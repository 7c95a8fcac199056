"""What a tool is, and how a call from the model is turned into a result that never raises.

A tool's arguments are a pydantic model; that model generates the JSON schema sent to the model
provider, and validates what comes back. Anything the model gets wrong (an unknown tool, arguments
that are not JSON, arguments that fail validation) and anything the tool itself fails at (an
exception, a timeout) becomes an error *result*: it goes back to the model as the tool's answer,
with a message it can act on, and the turn continues.

Each tool produces two views of one result:
- `output`: exactly what the SuperCar frontend's card needs (a string for weather and address, an
  object for availability and booking; see docs/contract.md);
- `data`: the typed result, sent to the model as JSON and to API clients beside `output`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, NamedTuple, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from supercar.language import Language
from supercar.store.base import BookingStore
from supercar.tools.catalog import showroom_ids
from supercar.tools.wording import refusal

log = logging.getLogger(__name__)


class ToolArgs(BaseModel):
    """The base of every tool's arguments. Models sometimes add stray arguments (a user_id,
    units, a country): ignoring them is kinder than failing the call."""

    model_config = ConfigDict(extra="ignore")


class ShowroomArgs(ToolArgs):
    dealership_id: str = Field(description=f"Showroom id, one of: {', '.join(showroom_ids())}.")


class ChangeAllowance(Protocol):
    async def take_change(self, session_id: str) -> bool:
        """Count one cancellation or move of the session; False past its daily allowance."""


class Proposal(NamedTuple):
    """A change a tool proposed in an earlier turn, waiting for the customer's yes: the same
    call (tool, code, and for a move the new date and time) in a later turn carries it out."""

    tool: str
    confirmation_id: str
    date: str = ""
    time: str = ""


@dataclass(frozen=True)
class ToolContext:
    """What a tool may know about the request; filled in by the server, never by the model."""

    session_id: str
    bookings: BookingStore
    now: datetime  # timezone-aware, UTC
    booking_horizon_days: int = 60
    max_bookings_per_session: int = 0  # upcoming test drives one session may hold; 0: no cap
    client: str = ""  # the client's address, hashed: the key of the per-client booking cap
    max_bookings_per_client_per_day: int = 0  # bookings one client may make a UTC day; 0: no cap
    changes: ChangeAllowance | None = None  # counts cancellations and moves; None: no limit
    # The last change proposed for each confirmation code in the session's committed turns.
    proposals: Mapping[str, Proposal] = field(default_factory=dict)
    # The customer's language this turn (`supercar.language.conversation_language`): the free
    # text of the cards is in it; `data` and the card patterns the page parses are not.
    language: Language = "en"


ToolErrorCode = Literal[
    # what the tools refuse (see `supercar.tools.checks.Refused`)
    "unknown_dealership",
    "invalid_date",
    "past_date",
    "too_far_ahead",
    "closed_day",
    "invalid_time",
    "not_bookable_slot",
    "slot_taken",
    "unknown_car",
    "unknown_city",
    "invalid_city",
    "booking_cap",
    "client_booking_cap",
    "unknown_booking",
    "booking_cancelled",
    "same_slot",
    "change_limit",
    # what the registry answers for any tool
    "unknown_tool",
    "invalid_arguments",
    "tool_timeout",
    "tool_failed",
]
"""`data.code` of an error result: one word the model, the offline model and clients can act on."""


@dataclass(frozen=True)
class ToolResult:
    output: str | dict[str, Any]
    data: dict[str, Any]
    is_error: bool = False


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    args: type[BaseModel]
    run: Callable[[Any, ToolContext], Awaitable[ToolResult]]
    # Builds the contract-shaped `output` for an error, so even a failed call renders a card
    # that cannot crash the frontend (e.g. weather must stay a string): (customer words, language).
    error_output: Callable[[str, Language], str | dict[str, Any]] = field(
        default=lambda message, language: message
    )

    def schema(self) -> dict[str, Any]:
        parameters = self.args.model_json_schema()
        parameters.pop("title", None)
        for prop in parameters.get("properties", {}).values():
            prop.pop("title", None)
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": parameters,
            },
        }

    def error(self, message: str, code: ToolErrorCode, language: Language = "en") -> ToolResult:
        """An error result the registry makes for any tool: `message` for the model
        (`data.error`), the code's customer words (in `language`) in the card."""
        data = {"error": message, "code": code}
        return ToolResult(
            output=self.error_output(refusal(data, language), language), data=data, is_error=True
        )


def _validation_message(exc: ValidationError) -> str:
    problems = []
    for err in exc.errors(include_url=False):
        where = ".".join(str(part) for part in err["loc"]) or "arguments"
        problems.append(f"{where}: {err['msg']}")
    return "Invalid arguments: " + "; ".join(problems)


class ToolRegistry:
    def __init__(self, tools: list[Tool], timeout_seconds: float = 10.0) -> None:
        self.tools = {tool.name: tool for tool in tools}
        self.timeout_seconds = timeout_seconds
        self.schemas = [tool.schema() for tool in tools]

    async def run(self, name: str, raw_arguments: str, ctx: ToolContext) -> ToolResult:
        tool = self.tools.get(name)
        if tool is None:
            message = f"Unknown tool {name!r}. Available tools: {', '.join(self.tools)}."
            data = {"error": message, "code": "unknown_tool"}
            # A client sees a sentence for a customer; the model is told which tools exist.
            return ToolResult(output=refusal(data, ctx.language), data=data, is_error=True)
        lang = ctx.language
        try:
            decoded = json.loads(raw_arguments or "{}")
        except ValueError:
            message = "Arguments were not valid JSON; send a JSON object."
            return tool.error(message, "invalid_arguments", lang)
        if not isinstance(decoded, dict):
            message = "Arguments must be a JSON object."
            return tool.error(message, "invalid_arguments", lang)
        try:
            args = tool.args.model_validate(decoded)
        except ValidationError as exc:
            return tool.error(_validation_message(exc), "invalid_arguments", lang)
        started = time.perf_counter()
        try:
            result = await asyncio.wait_for(tool.run(args, ctx), self.timeout_seconds)
        except TimeoutError:
            log.warning("tool %s timed out after %.1fs", name, self.timeout_seconds)
            message = f"The {name} tool timed out; try again or continue without it."
            return tool.error(message, "tool_timeout", lang)
        except Exception:
            log.exception("tool %s failed", name)
            message = f"The {name} tool failed unexpectedly; continue without it."
            return tool.error(message, "tool_failed", lang)
        ms = round((time.perf_counter() - started) * 1000, 1)
        log.info(
            "tool %s: %s in %.1f ms",
            name,
            "error" if result.is_error else "ok",
            ms,
            extra={"tool": name, "duration_ms": ms, "is_error": result.is_error},
        )
        return result
