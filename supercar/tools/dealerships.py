"""`get_dealership_address`: a showroom's address, phone and opening hours.

The output string follows the frontend card (docs/contract.md): the postal address, then
` Phone: ...` and ` Hours: ...`, Hours last, and no period anywhere. The card cuts both parts
out with regular expressions (hours run up to the next period) and shows what is left as the
address line and its Maps search, so a separating period would be left behind as `10001. .`.
`data` carries the full showroom record for the model and API clients. An unknown showroom's
card says so in a few words, in the customer's language (the card turns the string into a Maps
search too); the address itself, its `Phone:` and `Hours:` labels and the hours stay as they are
in every language, because the card parses them.
"""

from __future__ import annotations

from supercar.tools.base import ShowroomArgs, Tool, ToolContext, ToolResult
from supercar.tools.catalog import Showroom
from supercar.tools.checks import Refused, known_showroom
from supercar.tools.wording import refusal, say


def address_line(showroom: Showroom) -> str:
    return f"{showroom.address} Phone: {showroom.phone} Hours: {showroom.hours_summary()}"


async def get_dealership_address(args: ShowroomArgs, ctx: ToolContext) -> ToolResult:
    try:
        showroom = known_showroom(args.dealership_id)
    except Refused as exc:
        return ToolResult(output=refusal(exc.data, ctx.language), data=exc.data, is_error=True)
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
    error_output=lambda reason, language: say("address_unavailable", language, reason=reason),
)
