"""The dependencies routes declare: the settings and the services the lifespan built."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from supercar.config import Settings
from supercar.services import Services


# Both are `async`: FastAPI runs a plain `def` dependency in a worker thread, a hop per request.
async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServicesDep = Annotated[Services, Depends(get_services)]
