"""The four tools Lex can call, and the catalogue helpers the prompt and server need.

Tool order is the order the schemas are sent to the model provider.
"""

from __future__ import annotations

from supercar.tools import appointments, dealerships, weather
from supercar.tools.base import Tool, ToolContext, ToolRegistry, ToolResult
from supercar.tools.catalog import (
    CARS,
    SHOWROOMS,
    CarModel,
    Showroom,
    car_names,
    catalog_prompt,
    find_car,
    find_showroom,
    showroom_ids,
)

__all__ = [
    "CARS",
    "SHOWROOMS",
    "CarModel",
    "Showroom",
    "Tool",
    "ToolContext",
    "ToolRegistry",
    "ToolResult",
    "car_names",
    "catalog_prompt",
    "default_registry",
    "find_car",
    "find_showroom",
    "showroom_ids",
]


def default_registry(timeout_seconds: float = 10.0) -> ToolRegistry:
    return ToolRegistry(
        [weather.TOOL, dealerships.TOOL, appointments.AVAILABILITY, appointments.SCHEDULE],
        timeout_seconds=timeout_seconds,
    )
