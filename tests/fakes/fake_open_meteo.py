"""A fake of Open-Meteo's geocoding and forecast APIs, served over real HTTP on loopback.

    with FakeOpenMeteo() as fake:
        fake.add_place("Winston-Salem", 36.1, -80.24, "America/New_York")
        fake.set_day("2026-06-15", code=61, high=24.4, low=17.2)
        fake.current = {"temperature_2m": 21.6, "weather_code": 3, "is_day": 1}
        ...  # point the app at fake.geocoding_url / fake.forecast_url; inspect fake.requests

It answers as the real service does (documented shapes: `results` only when something matched;
`daily` arrays indexed like `daily.time`; `current` only when asked for), refuses what the real
one refuses (missing coordinates, a date outside the days it knows: HTTP 400 with `reason`),
and can be made slow (`delay`) or broken (`status`) to exercise timeouts and the breaker.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.helpers import LiveServer


class FakeOpenMeteo:
    def __init__(self) -> None:
        self.places: dict[str, dict[str, Any]] = {}  # lower-cased name -> geocoder result
        self.days: dict[str, dict[str, float]] = {}  # YYYY-MM-DD -> daily values
        self.current: dict[str, float] = {"temperature_2m": 20.0, "weather_code": 0, "is_day": 1}
        self.delay = 0.0  # seconds before each answer
        self.status = 200  # anything else: that status with an error body
        self.requests: list[tuple[str, dict[str, str]]] = []
        app = Starlette(
            routes=[Route("/v1/search", self._search), Route("/v1/forecast", self._forecast)]
        )
        self._server = LiveServer(app)
        self.geocoding_url = f"{self._server.url}/v1/search"
        self.forecast_url = f"{self._server.url}/v1/forecast"

    def __enter__(self) -> FakeOpenMeteo:
        self._server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.__exit__(*exc)

    def add_place(self, name: str, lat: float, lon: float, timezone: str, country: str = "US"):
        self.places[name.lower()] = {
            "id": len(self.places) + 1,
            "name": name,
            "latitude": lat,
            "longitude": lon,
            "elevation": 10.0,
            "feature_code": "PPL",
            "country_code": country,
            "timezone": timezone,
            "population": 250000,
        }

    def set_day(self, day: str, code: int, high: float, low: float, wind: float = 10.0) -> None:
        self.days[day] = {
            "weather_code": code,
            "temperature_2m_max": high,
            "temperature_2m_min": low,
            "wind_speed_10m_max": wind,
        }

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    async def _answer(self, request: Request) -> JSONResponse | None:
        self.requests.append((request.url.path, dict(request.query_params)))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status != 200:
            return JSONResponse({"error": True, "reason": "fake failure"}, self.status)
        return None

    async def _search(self, request: Request) -> JSONResponse:
        failed = await self._answer(request)
        if failed:
            return failed
        name = request.query_params.get("name", "")
        found = self.places.get(name.lower())
        body: dict[str, Any] = {"generationtime_ms": 0.4}
        if found and len(name) >= 2:
            body["results"] = [found]
        return JSONResponse(body)

    async def _forecast(self, request: Request) -> JSONResponse:
        failed = await self._answer(request)
        if failed:
            return failed
        q = request.query_params
        if "latitude" not in q or "longitude" not in q:
            return JSONResponse({"error": True, "reason": "Parameter 'latitude' missing"}, 400)
        start, end = q.get("start_date"), q.get("end_date")
        if start is None or start != end or start not in self.days:
            return JSONResponse({"error": True, "reason": "start_date is out of range"}, 400)
        variables = q.get("daily", "").split(",")
        body: dict[str, Any] = {
            "latitude": float(q["latitude"]),
            "longitude": float(q["longitude"]),
            "timezone": "America/New_York" if q.get("timezone") == "auto" else q.get("timezone"),
            "daily": {"time": [start]}
            | {name: [self.days[start][name]] for name in variables if name in self.days[start]},
        }
        if "current" in q:
            body["current"] = {"time": f"{start}T12:00", "interval": 900} | {
                name: self.current[name] for name in q["current"].split(",") if name in self.current
            }
        return JSONResponse(body)
