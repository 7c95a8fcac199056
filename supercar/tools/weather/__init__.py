"""`get_weather`: live weather from Open-Meteo where it answers, simulated weather where not.

Decisions:
- Where a city is: our own places and nicknames first ("NYC", "LA", "Beverly Hills": no
  geocoding request), then Open-Meteo's geocoder while it answers, and the world's cities from
  the GeoNames dataset (`supercar.tools.places.find_place`) only when it does not: the dataset
  costs a second to load, which a live service never pays. A name none of them knows is refused
  (`unknown_city`) rather than given invented weather: the simulation needs a latitude to be
  believable, and "we don't know that place" is honest.
- Which day: `date` is the city's local date (its time zone from the gazetteer or geocoder),
  today when omitted. A live forecast covers 16 days; beyond that, with the provider off
  (`WEATHER_PROVIDER=simulated`) or while Open-Meteo is failing, the weather is simulated
  (`climate`), and `data` says so: `source` is `simulated`, `simulated` is true and `note` says
  why. The card's string cannot say it, so the model's words must.
- The output string is exactly what the frontend's card parses (see docs/contract.md): an integer
  °C, the city as plain ASCII letters and spaces, one condition word from a fixed list. The
  card reads the digit run before `°C` and would silently drop a minus sign, so below zero it
  shows 0°C ("freezing"); `data.temperature_c` keeps the true value for the model's answer.
- Temperatures agree: `data` has whole °C and whole °F (each rounded from the reading, not from
  each other), the card shows the same whole °C, and an answer states these numbers. `unit` is
  the one to state first: what the customer asked for (the `unit` argument), else °F in the US
  and °C elsewhere. The card stays °C in every case: it reads the digits before `°C`.
- Refusals are worded in the customer's language (`ctx.language`); the success sentence is not,
  because the card parses it (`supercar.tools.wording`).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic.json_schema import SkipJsonSchema

from supercar.tools.base import Tool, ToolArgs, ToolContext, ToolResult
from supercar.tools.catalog import WEEKDAY_NAMES
from supercar.tools.checks import Refused, parse_local_date
from supercar.tools.places import (
    Place,
    canonical_name,
    find_own_place,
    find_place,
    fold,
    strip_accents,
)
from supercar.tools.weather.climate import simulate
from supercar.tools.weather.open_meteo import FORECAST_DAYS, OpenMeteo, WeatherUnavailable
from supercar.tools.weather.reading import CONDITIONS, Reading
from supercar.tools.wording import refusal, say

Unit = Literal["C", "F"]

__all__ = ["CONDITIONS", "OpenMeteo", "WeatherArgs", "normalise_city", "tool"]

_MAX_CITY_LENGTH = 60


class WeatherArgs(ToolArgs):
    city: str = Field(description="City name, e.g. 'Miami' or 'New York'.")
    # SkipJsonSchema: the schema says "string", not "string or null", which models read best.
    date: str | SkipJsonSchema[None] = Field(
        None,
        description="The day as YYYY-MM-DD in the city's local time; omit for today "
        "(for 'tomorrow', send tomorrow's date).",
    )
    unit: Unit | SkipJsonSchema[None] = Field(
        None,
        description="'F' when the user asks for Fahrenheit, 'C' for Celsius; omit otherwise.",
    )

    @field_validator("unit", mode="before")
    @classmethod
    def _unit_word(cls, value: object) -> object:
        # "fahrenheit", "°F", "f": models spell the unit many ways.
        if isinstance(value, str):
            letter = value.strip().lstrip("°º").upper()[:1]
            return letter if letter in ("C", "F") else value
        return value


def plain_name(raw: str) -> str:
    """ASCII letters and single spaces, the card's rule: 'Winston-Salem' -> 'Winston Salem'."""
    return " ".join(re.sub(r"[^A-Za-z]+", " ", strip_accents(raw)).split())


def normalise_city(raw: str) -> str:
    """What a customer typed, as a plain title-cased name: 'são  paulo!' -> 'Sao Paulo'."""
    return plain_name(raw).title()


def _refused(exc: Refused, ctx: ToolContext) -> ToolResult:
    return ToolResult(output=refusal(exc.data, ctx.language), data=exc.data, is_error=True)


def fahrenheit(celsius: float) -> int:
    """Whole °F from unrounded °C, so 21.6 °C is 71 °F (from 22 °C it would be 72)."""
    return round(celsius * 9 / 5 + 32)


def _zone(place: Place) -> ZoneInfo:
    try:
        return ZoneInfo(place.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


async def _locate(raw: str, city: str, live: OpenMeteo | None) -> Place:
    # Models often send "Paris, France"; places are found by their own name.
    own_name = canonical_name(raw.split(",")[0].strip())
    place = find_own_place(raw) or find_own_place(own_name)
    if place is not None:
        return place
    if live is not None and live.available:
        try:
            place = await live.locate(own_name)
        except WeatherUnavailable:
            pass
        else:
            if place is None:
                raise Refused(
                    f"No place called {city!r} was found; ask the user to check the name.",
                    "unknown_city",
                    city=city,
                )
            return place
    # Offline: the world's cities from the dataset (loaded on first use).
    place = find_place(raw) or find_place(own_name)
    if place is not None:
        return place
    raise Refused(
        f"{city!r} is not a city the offline weather knows and live weather is unavailable; "
        "ask the user for a nearby larger city.",
        "unknown_city",
        city=city,
    )


async def _get_weather(args: WeatherArgs, ctx: ToolContext, live: OpenMeteo | None) -> ToolResult:
    city = normalise_city(args.city)
    try:
        if not city or len(city) > _MAX_CITY_LENGTH:
            raise Refused(
                f"{args.city!r} is not a city name; ask the user which city they mean.",
                "invalid_city",
            )
        place = await _locate(args.city, city, live)
        name = plain_name(place.name) or city
        today = ctx.now.astimezone(_zone(place)).date()
        day = today
        if args.date is not None:
            hint = f"today in {name} is {today.isoformat()} ({WEEKDAY_NAMES[today.weekday()]})"
            day = parse_local_date(
                args.date, today, ctx.booking_horizon_days, hint, ahead="weather goes"
            )
    except Refused as exc:
        return _refused(exc, ctx)

    reading: Reading | None = None
    if live is None:
        why = "live weather is switched off (WEATHER_PROVIDER=simulated)"
    elif day - today >= timedelta(days=FORECAST_DAYS):
        why = f"the live forecast covers only {FORECAST_DAYS} days"
    else:
        why = "the live weather service is unavailable"
        if live.available:
            try:
                reading = await live.reading(place, day, today)
            except WeatherUnavailable:
                pass
    data: dict[str, Any] = {"city": name, "country": place.country, "date": day.isoformat()}
    if reading is None:
        reading = simulate(fold(place.name), place.lat, day)
        data.update(
            source="simulated",
            simulated=True,
            note=f"Simulated, not a measurement or forecast: typical weather for the place "
            f"and season, because {why}. Tell the customer it is simulated.",
        )
    else:
        data.update(source="open-meteo", simulated=False)
    temperature = round(reading.temperature_c)
    data.update(
        temperature_c=temperature,
        high_c=round(reading.high_c),
        low_c=round(reading.low_c),
        temperature_f=fahrenheit(reading.temperature_c),
        high_f=fahrenheit(reading.high_c),
        low_f=fahrenheit(reading.low_c),
        unit=args.unit or ("F" if place.country == "US" else "C"),
        condition=reading.condition,
    )
    return ToolResult(
        output=f"The weather in {name} is {max(temperature, 0)}°C and {reading.condition}.",
        data=data,
    )


def tool(live: OpenMeteo | None) -> Tool:
    """The weather tool: live from `live` where it answers, simulated without it."""

    async def get_weather(args: WeatherArgs, ctx: ToolContext) -> ToolResult:
        return await _get_weather(args, ctx, live)

    return Tool(
        name="get_weather",
        description=(
            "Get the weather for a city today or on a coming day (for example where and when a "
            "test drive would take place). Use when the user asks about the weather or whether "
            "conditions suit a drive. Pass the plain city name, and the date for any day but "
            "today. If the result says simulated, say that it is simulated, not a forecast. "
            "State the temperatures the result gives, in its `unit` first (°F and °C are both "
            "there)."
        ),
        args=WeatherArgs,
        run=get_weather,
        error_output=lambda reason, language: say("weather_unavailable", language, reason=reason),
    )
