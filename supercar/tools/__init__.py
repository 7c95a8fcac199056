"""The six tools Lex can call, and the catalogue helpers the prompt and server need.

Tool order is the order the schemas are sent to the model provider.
"""

from __future__ import annotations

from supercar.config import Settings
from supercar.tools import appointments, changes, dealerships, weather
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


def default_registry(settings: Settings | None = None) -> ToolRegistry:
    """The six tools, configured by `settings`; without settings, weather is simulated."""
    live = None
    if settings is not None and settings.weather_provider == "open-meteo":
        live = weather.OpenMeteo(
            settings.open_meteo_geocoding_url,
            settings.open_meteo_forecast_url,
            timeout_seconds=settings.weather_timeout_seconds,
        )
    return ToolRegistry(
        [
            weather.tool(live),
            dealerships.TOOL,
            appointments.AVAILABILITY,
            appointments.SCHEDULE,
            changes.CANCEL,
            changes.RESCHEDULE,
        ],
        timeout_seconds=settings.tool_timeout_seconds if settings else 10.0,
    )
