"""Live weather from Open-Meteo (no key): its geocoder for places we do not know, its forecast.

Decisions:
- A circuit breaker: any failure (no connection, timeout, an error status, an answer we cannot
  read) makes the tool use simulated weather for `cooldown_seconds` without asking again, so an
  offline laptop pays the timeout once, not on every question. After the cooldown the next call
  tries again. A geocoder that finds nothing is an answer, not a failure.
- Each request has one deadline, `timeout_seconds`, for connecting, sending and reading. A
  failure opens the breaker before the next request, so one call waits at most twice that
  (geocoding, then the forecast), within the registry's own tool timeout.
- A client per call rather than one owned by the app: nothing to close in the lifespan and no
  pooled connection left stale when a Lambda sandbox is frozen, and the two requests go to
  different hosts, so a pool would rarely reuse a connection. What is expensive to create (the
  TLS context, ~45 ms) is made once and shared; a client on top of it costs ~0.1 ms.
- Weather codes are WMO 4677 present-weather codes; Open-Meteo uses a subset, but every code
  0-99 maps to one of the card's words, so a code we have not seen yet is still read.
"""

from __future__ import annotations

import asyncio
import bisect
import logging
import ssl
import time
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

import httpx

from supercar.tools.places import Place
from supercar.tools.weather.reading import Condition, Reading

log = logging.getLogger(__name__)

FORECAST_DAYS = 16  # today and the 15 days after it
_WINDY_KMH = 40.0  # Beaufort 6, "strong breeze": what a driver calls windy

# WMO 4677 code ranges, by their highest code (sunny/clear is decided by is_day).
_WMO: tuple[tuple[int, Condition], ...] = (
    (1, "sunny"),  # 0 clear sky, 1 mainly clear
    (2, "cloudy"),  # partly cloudy
    (3, "overcast"),
    (9, "hazy"),  # smoke, haze, dust, sand
    (12, "foggy"),  # mist, shallow fog
    (13, "thunderstorm"),  # lightning visible
    (16, "rainy"),  # precipitation within sight
    (17, "thunderstorm"),
    (19, "windy"),  # squalls, funnel clouds
    (21, "rainy"),  # 20-29: in the past hour but not now
    (23, "snowy"),
    (25, "rainy"),
    (26, "snowy"),
    (27, "rainy"),
    (28, "foggy"),
    (29, "thunderstorm"),
    (35, "windy"),  # dust storm, sandstorm
    (39, "snowy"),  # blowing snow
    (49, "foggy"),
    (67, "rainy"),  # drizzle, rain, freezing rain
    (79, "snowy"),  # rain and snow, snow, snow grains, ice pellets
    (82, "rainy"),  # rain showers
    (86, "snowy"),  # rain and snow showers, snow showers
    (90, "rainy"),  # hail showers
    (99, "thunderstorm"),
)
_WMO_BOUNDS = [bound for bound, _ in _WMO]


class WeatherUnavailable(Exception):
    """Open-Meteo could not answer (or the breaker is open)."""


def condition_for(code: int, is_day: bool = True, wind_kmh: float = 0.0) -> Condition:
    """The card's word for a WMO weather code; a clear sky at night is `clear`."""
    if not 0 <= code <= 99:
        raise ValueError(f"not a WMO weather code: {code}")
    condition = _WMO[bisect.bisect_left(_WMO_BOUNDS, code)][1]
    if code <= 3 and wind_kmh >= _WINDY_KMH:
        return "windy"
    if condition == "sunny" and not is_day:
        return "clear"
    return condition


@cache
def _tls() -> ssl.SSLContext:
    return httpx.create_ssl_context()


class OpenMeteo:
    def __init__(
        self,
        geocoding_url: str,
        forecast_url: str,
        timeout_seconds: float,
        cooldown_seconds: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.geocoding_url = geocoding_url
        self.forecast_url = forecast_url
        self.timeout_seconds = timeout_seconds
        self.cooldown_seconds = cooldown_seconds
        self._clock = clock
        self._retry_at = 0.0

    @property
    def available(self) -> bool:
        """False while the breaker is open after a failure."""
        return self._clock() >= self._retry_at

    async def locate(self, name: str) -> Place | None:
        """The geocoder's best match for a name, None if it knows none."""
        body = await self._get(self.geocoding_url, {"name": name, "count": 1, "format": "json"})
        results = body.get("results") or []
        if not results:
            return None
        top = results[0]
        try:
            return Place(
                name=str(top["name"]),
                country=str(top.get("country_code", "")),
                lat=float(top["latitude"]),
                lon=float(top["longitude"]),
                timezone=str(top.get("timezone") or "UTC"),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise self._failed(f"unreadable geocoding answer ({type(exc).__name__})") from None

    async def reading(self, place: Place, day: date, today: date) -> Reading:
        """The forecast for a local day; for today, the current temperature and sky."""
        params: dict[str, Any] = {
            "latitude": place.lat,
            "longitude": place.lon,
            "daily": "weather_code,temperature_2m_max,temperature_2m_min,wind_speed_10m_max",
            "timezone": "auto",
            "start_date": day.isoformat(),
            "end_date": day.isoformat(),
        }
        if day == today:
            params["current"] = "temperature_2m,weather_code,is_day,wind_speed_10m"
        body = await self._get(self.forecast_url, params)
        try:
            daily = body["daily"]
            index = daily["time"].index(day.isoformat())
            high = float(daily["temperature_2m_max"][index])
            low = float(daily["temperature_2m_min"][index])
            if day == today:
                current = body["current"]
                return Reading(
                    temperature_c=float(current["temperature_2m"]),
                    high_c=high,
                    low_c=low,
                    condition=condition_for(
                        int(current["weather_code"]),
                        is_day=bool(current.get("is_day", 1)),
                        wind_kmh=float(current.get("wind_speed_10m") or 0),
                    ),
                )
            return Reading(
                temperature_c=high,
                high_c=high,
                low_c=low,
                condition=condition_for(
                    int(daily["weather_code"][index]),
                    wind_kmh=float((daily.get("wind_speed_10m_max") or [0])[index] or 0),
                ),
            )
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise self._failed(f"unreadable forecast ({type(exc).__name__})") from None

    async def _get(self, url: str, params: dict[str, Any]) -> dict[str, Any]:
        if not self.available:
            raise WeatherUnavailable("Open-Meteo failed recently; not asking again yet")
        try:
            async with asyncio.timeout(self.timeout_seconds):
                async with httpx.AsyncClient(verify=_tls()) as client:
                    response = await client.get(url, params=params)
            response.raise_for_status()
            body = response.json()
        except TimeoutError:
            raise self._failed(f"no answer within {self.timeout_seconds:g}s") from None
        except httpx.HTTPStatusError as exc:
            raise self._failed(f"HTTP {exc.response.status_code}") from None
        except (httpx.HTTPError, ValueError) as exc:
            raise self._failed(type(exc).__name__) from None
        if not isinstance(body, dict):
            raise self._failed("answer is not a JSON object")
        return body

    def _failed(self, why: str) -> WeatherUnavailable:
        self._retry_at = self._clock() + self.cooldown_seconds
        log.warning(
            "Open-Meteo unavailable (%s): simulated weather for the next %.0f s",
            why,
            self.cooldown_seconds,
        )
        return WeatherUnavailable(why)
