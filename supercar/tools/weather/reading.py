"""One day's weather at one place, in the words the frontend's weather card knows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Condition = Literal[
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
]
CONDITIONS: tuple[Condition, ...] = get_args(Condition)


@dataclass(frozen=True, slots=True)
class Reading:
    temperature_c: float  # now, for a live today; the day's high otherwise
    high_c: float
    low_c: float
    condition: Condition
