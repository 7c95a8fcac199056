"""The small read-only routes: health, the catalogue, and the built-in chat page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse

from supercar import __version__
from supercar.api.deps import ServicesDep
from supercar.tools.catalog import CARS, SHOWROOMS

WEB_DIR = Path(__file__).parent.parent / "web"

router = APIRouter()
# Mounted only when the settings enable the page and the file exists (see `create_app`).
chat_page_router = APIRouter()


@router.get("/health", summary="Liveness and the active model backend; makes no external calls")
async def health(services: ServicesDep) -> dict[str, Any]:
    return {
        "status": "ok",
        "version": __version__,
        "model": {"backend": services.model.backend, "id": services.model.model_id},
        # Where the key was sought and how that went: {"source", "status"}, never the value.
        "key": services.key.health(),
    }


@router.get("/dealerships", summary="The showroom catalogue")
async def dealerships() -> list[dict[str, Any]]:
    return [showroom.record() for showroom in SHOWROOMS]


@router.get("/cars", summary="The car models on offer")
async def cars() -> list[dict[str, Any]]:
    return [car.record() for car in CARS]


@chat_page_router.get("/", include_in_schema=False)
async def chat_page() -> FileResponse:
    return FileResponse(WEB_DIR / "index.html")
