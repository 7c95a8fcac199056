"""The static SuperCar data: showrooms and car models, plus lookups and a prompt listing.

Decisions:
- Plain frozen dataclasses: the data never changes at runtime and needs no validation.
- Opening hours are whole hours per weekday (Monday = 0, as `date.weekday()`); `None` means
  closed. Appointment slots are hourly, so whole hours are all the scheduler needs.
- Every showroom carries its IANA time zone: dates and times the model sends are the
  showroom's local ones.
- `find_car` accepts the exact name or a unique suffix ("GT" / "the gt" → "SuperCar GT"),
  case-insensitively, because users and models rarely repeat the brand prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS = tuple(name[:3] for name in WEEKDAY_NAMES)  # "Mon" ... "Sun", as in hours summaries

Hours = tuple[int, int] | None
"""(opening hour, closing hour) in 24h local time, or None when closed."""


@dataclass(frozen=True)
class Showroom:
    id: str
    name: str
    street: str
    city: str
    region: str
    postal_code: str
    country: str
    phone: str
    timezone: str  # IANA name
    hours: tuple[Hours, ...]  # seven entries, Monday first

    def __post_init__(self) -> None:
        if len(self.hours) != 7:
            raise ValueError(f"{self.id}: hours must list all seven weekdays")

    @property
    def address(self) -> str:
        return f"{self.name}, {self.street}, {self.city}, {self.region} {self.postal_code}"

    def hours_on(self, weekday: int) -> Hours:
        return self.hours[weekday]

    def hours_summary(self) -> str:
        """Compact hours without periods, e.g. `Mon-Sat 9am-7pm, Sun 11am-5pm` (the frontend
        splits the address string on periods, so this must contain none)."""
        groups: list[tuple[int, int, Hours]] = []
        for day, span in enumerate(self.hours):
            if groups and groups[-1][2] == span:
                groups[-1] = (groups[-1][0], day, span)
            else:
                groups.append((day, day, span))
        parts = []
        for first, last, span in groups:
            if span is None:
                continue
            days = WEEKDAYS[first] if first == last else f"{WEEKDAYS[first]}-{WEEKDAYS[last]}"
            parts.append(f"{days} {_hour(span[0])}-{_hour(span[1])}")
        return ", ".join(parts)

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "address": {
                "street": self.street,
                "city": self.city,
                "region": self.region,
                "postal_code": self.postal_code,
                "country": self.country,
            },
            "phone": self.phone,
            "hours": {
                WEEKDAYS[day]: (f"{span[0]:02d}:00-{span[1]:02d}:00" if span else "closed")
                for day, span in enumerate(self.hours)
            },
            "hours_summary": self.hours_summary(),
            "timezone": self.timezone,
        }


def _hour(hour: int) -> str:
    suffix = "am" if hour < 12 else "pm"
    return f"{(hour % 12) or 12}{suffix}"


@dataclass(frozen=True)
class CarModel:
    name: str
    body: str
    powertrain: str
    zero_to_sixty_s: float
    starting_price_usd: int

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "body": self.body,
            "powertrain": self.powertrain,
            "zero_to_sixty_s": self.zero_to_sixty_s,
            "starting_price_usd": self.starting_price_usd,
        }


_WEEK_9_7_SUN_CLOSED: tuple[Hours, ...] = ((9, 19),) * 6 + (None,)

SHOWROOMS: tuple[Showroom, ...] = (
    Showroom(
        id="manhattan",
        name="SuperCar Manhattan",
        street="123 Broadway",
        city="New York",
        region="NY",
        postal_code="10001",
        country="US",
        phone="+1 (212) 555-0100",
        timezone="America/New_York",
        hours=_WEEK_9_7_SUN_CLOSED,
    ),
    Showroom(
        id="miami",
        name="SuperCar Miami",
        street="400 Biscayne Blvd",
        city="Miami",
        region="FL",
        postal_code="33132",
        country="US",
        phone="+1 (305) 555-0142",
        timezone="America/New_York",
        hours=((10, 20),) * 6 + ((11, 17),),
    ),
    Showroom(
        id="chicago",
        name="SuperCar Chicago",
        street="875 N Michigan Ave",
        city="Chicago",
        region="IL",
        postal_code="60611",
        country="US",
        phone="+1 (312) 555-0175",
        timezone="America/Chicago",
        hours=((9, 18),) * 5 + ((10, 16), None),
    ),
    Showroom(
        id="los-angeles",
        name="SuperCar Los Angeles",
        street="9000 Wilshire Blvd",
        city="Beverly Hills",
        region="CA",
        postal_code="90211",
        country="US",
        phone="+1 (310) 555-0199",
        timezone="America/Los_Angeles",
        hours=((10, 19),) * 6 + ((11, 16),),
    ),
    Showroom(
        id="denver",
        name="SuperCar Denver",
        street="1550 Wewatta St",
        city="Denver",
        region="CO",
        postal_code="80202",
        country="US",
        phone="+1 (720) 555-0123",
        timezone="America/Denver",
        hours=_WEEK_9_7_SUN_CLOSED,
    ),
)

CARS: tuple[CarModel, ...] = (
    CarModel("SuperCar GT", "coupe", "twin-turbo V8, 630 hp", 3.1, 189_000),
    CarModel("SuperCar Roadster", "convertible", "twin-turbo V8, 600 hp", 3.3, 205_000),
    CarModel("SuperCar Spyder", "open-top", "naturally aspirated V12, 780 hp", 2.8, 340_000),
    CarModel("SuperCar Volt", "coupe", "tri-motor electric, 1,020 hp", 2.1, 165_000),
    CarModel("SuperCar Tourer", "2+2 grand tourer", "plug-in hybrid V6, 680 hp", 3.4, 158_000),
    CarModel("SuperCar Track R", "lightweight coupe", "twin-turbo V8, 760 hp", 2.7, 298_000),
    CarModel("SuperCar Urban", "crossover", "dual-motor electric, 650 hp", 3.6, 119_000),
)

_SHOWROOMS_BY_ID = {showroom.id: showroom for showroom in SHOWROOMS}


def showroom_ids() -> list[str]:
    return [showroom.id for showroom in SHOWROOMS]


def car_names() -> list[str]:
    return [car.name for car in CARS]


def find_showroom(showroom_id: str) -> Showroom | None:
    """Case-insensitive id lookup; spaces and underscores are read as hyphens."""
    key = re.sub(r"[\s_]+", "-", showroom_id.strip().lower())
    return _SHOWROOMS_BY_ID.get(key)


def find_car(name: str) -> CarModel | None:
    """Exact name or unique name suffix, case-insensitive, ignoring a leading "the"."""
    key = " ".join(name.lower().split())
    key = key.removeprefix("the ").strip()
    if not key:
        return None
    for car in CARS:
        if car.name.lower() == key:
            return car
    matches = [car for car in CARS if car.name.lower().endswith(" " + key)]
    return matches[0] if len(matches) == 1 else None


def catalog_prompt() -> str:
    """A short plain-text listing of showrooms (with ids) and cars for the system prompt."""
    lines = ["Showrooms (use the id in tool calls):"]
    for s in SHOWROOMS:
        lines.append(
            f"- {s.id}: {s.name}, {s.city}, {s.region} ({s.timezone}); {s.hours_summary()}"
        )
    lines.append("Car models:")
    for c in CARS:
        lines.append(
            f"- {c.name}: {c.body}, {c.powertrain}, 0-60 mph in {c.zero_to_sixty_s}s, "
            f"from ${c.starting_price_usd:,}"
        )
    return "\n".join(lines)
