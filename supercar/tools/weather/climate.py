"""Simulated weather: what a day is typically like at a latitude in a season, never a measurement.

Decisions:
- A small climatology table (typical daytime highs in the coldest and warmest month, by
  latitude, read from city normals and smoothed) interpolated linearly, with the season a cosine
  that peaks around 21 July in the north and 20 January in the south. Coasts and altitude are
  not modelled: Los Angeles comes out a little cooler in winter than it is, never freezing.
- The day-to-day variation and the condition come from SHA-256 of (place, date), so a city's
  weather is stable all day, differs between days and is identical across processes (Python's
  `hash()` is salted per process, so it is not used).
- Conditions follow the temperature: snow only on a day whose high is at most 2 °C (never in
  Miami), thunderstorms and haze only on warm days, fog only on cool ones.
"""

from __future__ import annotations

import hashlib
import math
from datetime import date
from itertools import pairwise

from supercar.tools.weather.reading import Condition, Reading

# (|latitude|, typical high in the coldest month, in the warmest month), °C
_CLIMATE = (
    (0.0, 30.0, 31.0),
    (10.0, 30.0, 32.0),
    (20.0, 26.0, 31.0),
    (25.0, 24.0, 32.0),
    (30.0, 18.0, 33.0),
    (35.0, 15.0, 29.0),
    (40.0, 5.0, 29.0),
    (45.0, 1.0, 26.0),
    (50.0, 3.0, 22.0),
    (55.0, -3.0, 21.0),
    (60.0, -4.0, 19.0),
    (70.0, -15.0, 10.0),
    (90.0, -30.0, 0.0),
)
_VARIATION_C = 3.0  # a day is up to this much warmer or colder than typical
_WET_SHARE = 0.3  # share of days with rain or snow
_SNOW_AT_OR_BELOW_C = 2.0


def typical_high(latitude: float, day: date) -> float:
    """The typical daytime high for a latitude on a day of the year, °C."""
    north = abs(latitude)
    for (lat0, cold0, warm0), (lat1, cold1, warm1) in pairwise(_CLIMATE):
        if north <= lat1:
            share = (north - lat0) / (lat1 - lat0)
            cold = cold0 + (cold1 - cold0) * share
            warm = warm0 + (warm1 - warm0) * share
            break
    # 0 around 20 January, 1 around 21 July; the southern hemisphere has it the other way round.
    summer = (1 - math.cos(2 * math.pi * (day.timetuple().tm_yday - 20) / 365.25)) / 2
    if latitude < 0:
        summer = 1 - summer
    return cold + (warm - cold) * summer


def simulate(place_key: str, latitude: float, day: date) -> Reading:
    digest = hashlib.sha256(f"{place_key}|{day.isoformat()}".encode()).digest()
    # Each byte is a uniform draw in [0, 1).
    draw = [byte / 256 for byte in digest[:4]]
    high = typical_high(latitude, day) + (draw[0] * 2 - 1) * _VARIATION_C
    low = high - (6 + draw[1] * 4)
    return Reading(temperature_c=high, high_c=high, low_c=low, condition=_condition(high, draw))


def _condition(high: float, draw: list[float]) -> Condition:
    if draw[2] < _WET_SHARE:
        if high <= _SNOW_AT_OR_BELOW_C:
            return "snowy"
        if high >= 24 and draw[3] < 0.35:
            return "thunderstorm"
        return "rainy"
    weights: list[tuple[Condition, float]] = [
        ("sunny", 45),
        ("cloudy", 25),
        ("overcast", 15 if high < 24 else 5),
        ("windy", 7),
        ("foggy", 6 if high < 18 else 0),
        ("hazy", 5 if high >= 26 else 0),
    ]
    point = draw[3] * sum(weight for _, weight in weights)
    for condition, weight in weights:
        point -= weight
        if point < 0:
            return condition
    return "sunny"
