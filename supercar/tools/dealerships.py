"""`get_dealership_address`: a showroom's address, phone and opening hours.

The output string follows the frontend card (docs/contract.md): the postal address, then
`. Phone: ...` and `. Hours: ...` parts, which the card splits on periods, so neither part
may contain one. `data` carries the full showroom record for the model and API clients.
"""

from __future__ import annotations

from supercar.tools.base import ShowroomArgs, Tool, ToolContext, ToolResult
from supercar.tools.catalog import Showroom, find_showroom, showroom_ids


def address_line(showroom: Showroom) -> str:
    return f"{showroom.address}. Phone: {showroom.phone}. Hours: {showroom.hours_summary()}"


async def get_dealership_address(args: ShowroomArgs, ctx: ToolContext) -> ToolResult:
    showroom = find_showroom(args.dealership_id)
    if showroom is None:
        return TOOL.error(
            f"Unknown dealership_id {args.dealership_id!r}; valid ids: {', '.join(showroom_ids())}."
        )
    return ToolResult(output=address_line(showroom), data=showroom.record())


TOOL = Tool(
    name="get_dealership_address",
    description=(
        "Get a SuperCar showroom's street address, phone number and opening hours. Use when the "
        "user asks where a showroom is, how to reach it or when it is open. Pass the showroom id "
        "from the showroom list."
    ),
    args=ShowroomArgs,
    run=get_dealership_address,
    error_output=lambda message: f"Address unavailable: {message}",
)
