"""`get_weather`: deterministic mock weather for any city.

Decisions:
- No weather API: the value is derived from SHA-256 of (normalised city, local date), so it is
  stable for a city all day, differs between days, and is identical across processes (Python's
  `hash()` is salted per process, so it is not used).
- The "local date" is the showroom's when the city is a showroom city, UTC otherwise: we do not
  know every city's time zone and a mock does not need to.
- The output string is exactly what the frontend's card parses (see docs/contract.md): an integer
  °C, the city as plain ASCII letters and spaces, one condition word from a fixed list.
  Temperatures stay at 0°C or above because the card reads the digit run before `°C` and would
  silently drop a minus sign.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, date
from zoneinfo import ZoneInfo

from pydantic import Field

from supercar.tools.base import Tool, ToolArgs, ToolContext, ToolResult
from supercar.tools.catalog import SHOWROOMS

CONDITIONS = (
    "sunny",
    "cloudy",
    "rainy",
    "snowy",
    "clear",
    "overcast",
    "foggy",
    "windy",
    "thunderstorm",
    "hazy",
)
_MAX_CITY_LENGTH = 60


class WeatherArgs(ToolArgs):
    city: str = Field(description="City name, e.g. 'Miami' or 'New York'.")


def normalise_city(raw: str) -> str:
    """ASCII letters and single spaces, title-cased: 'são  paulo!' -> 'Sao Paulo'."""
    decomposed = unicodedata.normalize("NFKD", raw)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    letters = re.sub(r"[^A-Za-z]+", " ", ascii_only)
    return " ".join(letters.split()).title()


def _local_date(city: str, ctx: ToolContext) -> date:
    for showroom in SHOWROOMS:
        if showroom.city.lower() == city.lower():
            return ctx.now.astimezone(ZoneInfo(showroom.timezone)).date()
    return ctx.now.astimezone(UTC).date()


def mock_weather(city: str, day: date) -> tuple[int, str]:
    digest = hashlib.sha256(f"{city.lower()}|{day.isoformat()}".encode()).digest()
    temperature = digest[0] % 37  # 0..36 °C
    condition = CONDITIONS[digest[1] % len(CONDITIONS)]
    if condition == "snowy" and temperature > 2:
        temperature %= 3  # keep snow plausible
    return temperature, condition


async def get_weather(args: WeatherArgs, ctx: ToolContext) -> ToolResult:
    city = normalise_city(args.city)
    if not city or len(city) > _MAX_CITY_LENGTH:
        return TOOL.error(f"{args.city!r} is not a city name; ask the user which city they mean.")
    day = _local_date(city, ctx)
    temperature, condition = mock_weather(city, day)
    return ToolResult(
        output=f"The weather in {city} is {temperature}°C and {condition}.",
        data={
            "city": city,
            "temperature_c": temperature,
            "condition": condition,
            "date": day.isoformat(),
        },
    )


TOOL = Tool(
    name="get_weather",
    description=(
        "Get today's weather for a city (for example where a test drive would take place). "
        "Use when the user asks about the weather or whether conditions suit a drive. "
        "Pass the plain city name."
    ),
    args=WeatherArgs,
    run=get_weather,
    error_output=lambda message: f"Weather unavailable: {message}",
)
