"""`get_weather`: live from a fake Open-Meteo on loopback, simulated and plausible without it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from supercar.app import create_app
from supercar.config import Settings
from supercar.store.memory import MemoryBookingStore
from supercar.tools import ToolContext, ToolRegistry, ToolResult, default_registry
from supercar.tools.places import PLACES, find_place
from supercar.tools.weather import CONDITIONS, OpenMeteo, tool
from supercar.tools.weather.climate import simulate
from supercar.tools.weather.open_meteo import condition_for
from tests import sse
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.fakes.fake_open_meteo import FakeOpenMeteo
from tests.helpers import asgi_client

ROOT = Path(__file__).resolve().parent.parent
# Monday 2026-06-15, 12:30 in New York and Miami.
NOW = datetime(2026, 6, 15, 16, 30, tzinfo=UTC)
CARD_RE = re.compile(
    r"^The weather in ([A-Za-z ]+) is (\d+)°C and "
    r"(sunny|cloudy|rainy|snowy|clear|overcast|foggy|windy|thunderstorm|hazy)\.$"
)


def ctx(now: datetime = NOW) -> ToolContext:
    return ToolContext(session_id="s1", bookings=MemoryBookingStore(), now=now)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake() -> Iterator[FakeOpenMeteo]:
    with FakeOpenMeteo() as server:
        yield server


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def live(fake: FakeOpenMeteo, clock: Clock) -> Callable[..., ToolRegistry]:
    def make(timeout: float = 2.0) -> ToolRegistry:
        source = OpenMeteo(fake.geocoding_url, fake.forecast_url, timeout, clock=clock)
        return ToolRegistry([tool(source)])

    return make


async def weather(registry: ToolRegistry, now: datetime = NOW, **args: str) -> ToolResult:
    return await registry.run("get_weather", json.dumps(args), ctx(now))


def card(result: ToolResult) -> tuple[str, int, str]:
    assert isinstance(result.output, str)
    match = CARD_RE.fullmatch(result.output)
    assert match, result.output
    return match[1], int(match[2]), match[3]


# --- live --------------------------------------------------------------------------------------


async def test_todays_live_weather_is_the_current_reading_from_open_meteo(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    fake.set_day("2026-06-15", code=61, high=29.4, low=24.2)
    fake.current = {"temperature_2m": 27.6, "weather_code": 3, "is_day": 1, "wind_speed_10m": 12}
    result = await weather(live(), city="miami")
    assert result.output == "The weather in Miami is 28°C and overcast."
    assert result.data == {
        "city": "Miami",
        "country": "US",
        "date": "2026-06-15",
        "source": "open-meteo",
        "simulated": False,
        "temperature_c": 28,
        "high_c": 29,
        "low_c": 24,
        "temperature_f": 82,  # 81.7 °F, from the reading (27.6 °C)
        "high_f": 85,
        "low_f": 76,
        "unit": "F",  # a US city: °F first
        "condition": "overcast",
    }
    # A gazetteer city needs no geocoding: one forecast request, for its coordinates and day.
    ((path, params),) = fake.requests
    assert path == "/v1/forecast"
    assert (params["latitude"], params["longitude"]) == ("25.7617", "-80.1918")
    assert params["start_date"] == params["end_date"] == "2026-06-15"
    assert params["timezone"] == "auto"
    assert set(params["current"].split(",")) >= {"temperature_2m", "weather_code", "is_day"}


async def test_tomorrow_is_the_forecast_for_that_day(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    fake.set_day("2026-06-16", code=95, high=31.2, low=24.0)
    result = await weather(live(), city="Miami", date="2026-06-16")
    assert card(result) == ("Miami", 31, "thunderstorm")
    assert result.data["date"] == "2026-06-16" and result.data["source"] == "open-meteo"
    assert "current" not in fake.requests[0][1]  # a daily forecast, not today's reading


async def test_a_clear_night_is_clear_not_sunny(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    fake.add_place("Sydney", -33.87, 151.21, "Australia/Sydney", country="AU")
    fake.set_day("2026-06-16", code=0, high=17.0, low=8.0)  # 02:30 on Tuesday in Sydney
    fake.current = {"temperature_2m": 9.2, "weather_code": 0, "is_day": 0}
    assert card(await weather(live(), city="Sydney")) == ("Sydney", 9, "clear")


async def test_a_city_outside_the_gazetteer_is_geocoded_and_named_in_plain_letters(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    fake.add_place("Winston-Salem", 36.0999, -80.2442, "America/New_York")
    fake.set_day("2026-06-15", code=2, high=30.0, low=19.0)
    result = await weather(live(), city="Winston-Salem")
    assert card(result)[0] == "Winston Salem"
    assert fake.paths() == ["/v1/search", "/v1/forecast"]
    assert fake.requests[0][1]["name"] == "Winston-Salem"
    assert fake.requests[1][1]["latitude"] == "36.0999"


async def test_a_city_with_its_country_or_state_is_found_by_its_own_name(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    fake.add_place("Winston-Salem", 36.0999, -80.2442, "America/New_York")
    fake.set_day("2026-06-15", code=2, high=30.0, low=19.0)
    registry = live()
    assert card(await weather(registry, city="Winston-Salem, NC"))[0] == "Winston Salem"
    assert fake.requests[0][1]["name"] == "Winston-Salem"
    assert card(await weather(default_registry(), city="Paris, France"))[0] == "Paris"


async def test_a_place_the_geocoder_does_not_know_is_refused_in_customer_words(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    result = await weather(live(), city="Atlantis")
    assert result.is_error and result.data["code"] == "unknown_city"
    assert result.output == "Sorry, we couldn't find a place called Atlantis."
    assert "Atlantis" in result.data["error"]
    assert fake.paths() == ["/v1/search"]


async def test_below_zero_the_card_shows_zero_and_the_data_keeps_the_true_value(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    fake.add_place("Moscow", 55.76, 37.62, "Europe/Moscow", country="RU")
    fake.set_day("2026-06-15", code=73, high=-4.0, low=-12.0)
    fake.current = {"temperature_2m": -7.6, "weather_code": 73, "is_day": 1}
    result = await weather(live(), city="Moscow")
    assert result.output == "The weather in Moscow is 0°C and snowy."
    assert result.data["temperature_c"] == -8 and result.data["low_c"] == -12


# --- failure, fallback and the breaker ---------------------------------------------------------


async def test_a_timeout_falls_back_to_simulated_weather_and_the_next_call_does_not_ask(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry], clock: Clock
) -> None:
    fake.set_day("2026-06-15", code=0, high=30.0, low=24.0)
    # Slow enough to time out, with the timeout loose enough that a loaded machine still gets
    # the live answer in time once the fake is quick again (0.1 s failed that now and then).
    fake.delay = 2.0
    registry = live(timeout=0.5)
    first = await weather(registry, city="Miami")
    assert not first.is_error and card(first)[0] == "Miami"
    assert first.data["source"] == "simulated" and first.data["simulated"] is True
    assert "unavailable" in first.data["note"] and "simulated" in first.data["note"]
    assert len(fake.requests) == 1

    second = await weather(registry, city="Denver")
    assert second.data["source"] == "simulated"
    assert len(fake.requests) == 1  # the breaker is open: no request, no wait

    clock.now += 301  # the cooldown is over: live again
    fake.delay = 0.0
    third = await weather(registry, city="Miami")
    assert third.data["source"] == "open-meteo" and len(fake.requests) == 2


async def test_an_error_status_also_opens_the_breaker(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    fake.status = 503
    registry = live()
    assert (await weather(registry, city="Chicago")).data["source"] == "simulated"
    assert (await weather(registry, city="Chicago")).data["source"] == "simulated"
    assert len(fake.requests) == 1


async def test_an_unknown_city_while_open_meteo_is_down_is_refused_not_invented(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    fake.status = 500
    result = await weather(live(), city="Xanadu Springs")
    assert result.is_error and result.data["code"] == "unknown_city"
    assert result.output == "Sorry, we couldn't find a place called Xanadu Springs."


async def test_past_the_forecast_range_the_weather_is_simulated_without_asking(
    fake: FakeOpenMeteo, live: Callable[..., ToolRegistry]
) -> None:
    result = await weather(live(), city="Miami", date="2026-07-05")
    assert result.data["source"] == "simulated" and "16 days" in result.data["note"]
    assert result.data["date"] == "2026-07-05"
    assert fake.requests == []


# --- without a network: simulated -------------------------------------------------------------


async def test_the_simulated_provider_says_it_is_simulated() -> None:
    result = await weather(default_registry(), city="Paris", date="2026-06-16")
    assert card(result)[0] == "Paris"
    assert result.data["source"] == "simulated" and result.data["simulated"] is True
    assert "switched off" in result.data["note"]


async def test_the_settings_choose_the_provider(fake: FakeOpenMeteo) -> None:
    fake.add_place("London", 51.51, -0.13, "Europe/London", country="GB")
    fake.set_day("2026-06-15", code=45, high=18.0, low=12.0)
    fake.current = {"temperature_2m": 15.0, "weather_code": 45, "is_day": 1}
    urls = {
        "open_meteo_geocoding_url": fake.geocoding_url,
        "open_meteo_forecast_url": fake.forecast_url,
    }
    on = default_registry(Settings(_env_file=None, weather_provider="open-meteo", **urls))  # type: ignore[call-arg, arg-type]
    off = default_registry(Settings(_env_file=None, weather_provider="simulated", **urls))  # type: ignore[call-arg, arg-type]
    assert (await weather(on, city="London")).output == "The weather in London is 15°C and foggy."
    assert (await weather(off, city="London")).data["source"] == "simulated"
    assert fake.paths() == ["/v1/search", "/v1/forecast"]  # the simulated one asked nothing


def test_live_weather_is_the_default_and_tests_run_simulated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings(_env_file=None).weather_provider == "simulated"  # type: ignore[call-arg]
    monkeypatch.delenv("WEATHER_PROVIDER")
    assert Settings(_env_file=None).weather_provider == "open-meteo"  # type: ignore[call-arg]


@pytest.mark.parametrize(("city", "lowest"), [("Miami", 15), ("Los Angeles", 10)])
def test_december_in_miami_and_los_angeles_is_never_snowy_or_cold(city: str, lowest: int) -> None:
    place = find_place(city)
    assert place is not None
    for day in range(1, 32):
        reading = simulate(city.lower(), place.lat, date(2026, 12, day))
        assert reading.condition != "snowy"
        assert reading.temperature_c >= lowest


def test_southern_seasons_are_reversed() -> None:
    def mean_high(city: str, month: int) -> float:
        place = find_place(city)
        assert place is not None
        days = [simulate(city, place.lat, date(2026, month, d)) for d in range(1, 29)]
        return sum(r.high_c for r in days) / len(days)

    assert mean_high("Sydney", 7) < mean_high("Sydney", 1) - 8
    assert mean_high("Chicago", 1) < mean_high("Chicago", 7) - 15
    assert mean_high("Singapore", 1) > 25 and mean_high("Singapore", 7) > 25


def test_snow_only_falls_on_freezing_days_anywhere() -> None:
    for place in PLACES:
        for month in range(1, 13):
            for d in (3, 11, 19, 27):
                reading = simulate(place.name, place.lat, date(2026, month, d))
                assert reading.condition in CONDITIONS
                assert reading.low_c < reading.high_c
                if reading.condition == "snowy":
                    assert reading.high_c <= 2


async def test_simulated_weather_is_stable_per_city_and_local_day() -> None:
    registry = default_registry()
    first = await weather(registry, city="Miami")
    again = await weather(registry, NOW.replace(hour=23), city="MIAMI ")
    assert first.output == again.output
    outputs = set()
    for day in range(28):
        later = await weather(registry, NOW + timedelta(days=day), city="Miami")
        outputs.add(card(later))
    assert len(outputs) > 5  # a little day-to-day variation


def test_simulated_weather_is_the_same_in_another_process() -> None:
    code = (
        "from datetime import date; from supercar.tools.weather.climate import simulate; "
        "print(simulate('miami', 25.76, date(2026, 12, 4)))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    there = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert there.stdout.strip() == str(simulate("miami", 25.76, date(2026, 12, 4)))


async def test_the_date_is_the_citys_own() -> None:
    late = datetime(2026, 6, 16, 1, 30, tzinfo=UTC)  # Monday evening in LA, Tuesday in Tokyo
    registry = default_registry()
    assert (await weather(registry, late, city="Los Angeles")).data["date"] == "2026-06-15"
    assert (await weather(registry, late, city="Tokyo")).data["date"] == "2026-06-16"


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("2026-06-14", "past_date"),
        ("tomorrow", "invalid_date"),
        ("2026-02-30", "invalid_date"),
        ("2027-01-01", "too_far_ahead"),
    ],
)
async def test_a_bad_date_is_refused_with_a_code(day: str, code: str) -> None:
    result = await weather(default_registry(), city="Miami", date=day)
    assert result.is_error and result.data["code"] == code
    assert "2026-06-15" in result.data["error"]  # today there, so the model can correct itself
    assert isinstance(result.output, str) and "YYYY" not in result.output


# --- WMO codes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "word"),
    [
        (0, "sunny"),
        (1, "sunny"),
        (2, "cloudy"),
        (3, "overcast"),
        (5, "hazy"),
        (45, "foggy"),
        (48, "foggy"),
        (51, "rainy"),
        (57, "rainy"),
        (61, "rainy"),
        (65, "rainy"),
        (67, "rainy"),
        (71, "snowy"),
        (75, "snowy"),
        (77, "snowy"),
        (80, "rainy"),
        (82, "rainy"),
        (85, "snowy"),
        (86, "snowy"),
        (95, "thunderstorm"),
        (96, "thunderstorm"),
        (99, "thunderstorm"),
    ],
)
def test_wmo_codes_become_the_cards_words(code: int, word: str) -> None:
    assert condition_for(code) == word


def test_every_wmo_code_has_a_word_and_wind_and_night_refine_it() -> None:
    assert {condition_for(code) for code in range(100)} <= set(CONDITIONS)
    assert condition_for(0, is_day=False) == "clear"
    assert condition_for(2, wind_kmh=55) == "windy"
    assert condition_for(61, wind_kmh=55) == "rainy"  # rain says more than wind
    with pytest.raises(ValueError):
        condition_for(100)


# --- through the app ---------------------------------------------------------------------------


async def test_the_app_asks_open_meteo_when_configured_to(
    fake_groq: FakeGroq, make_settings: Callable[..., Settings], fake: FakeOpenMeteo
) -> None:
    fake.set_day(date.today().isoformat(), code=0, high=25.0, low=15.0)
    for offset in (-1, 1):  # the city's local date may differ from this machine's
        fake.set_day((date.today() + timedelta(days=offset)).isoformat(), code=0, high=25, low=15)
    fake_groq.push(Script([tool_call("get_weather", {"city": "Denver"})]), Script(words("Sunny.")))
    settings = make_settings(
        weather_provider="open-meteo",
        open_meteo_geocoding_url=fake.geocoding_url,
        open_meteo_forecast_url=fake.forecast_url,
    )
    async with asgi_client(create_app(settings)) as client:
        response = await client.post("/query", json={"query": "weather?", "session_id": "w-1"})
    events = sse.parse(response.content)
    output = next(e for e in events if e.name == "tool_output").json()
    assert output["data"]["source"] == "open-meteo"
    assert fake.paths() == ["/v1/forecast"]


def test_every_gazetteer_name_fits_the_cards_city_rule() -> None:
    assert all(re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)*", place.name) for place in PLACES)


# --- the whole world, offline, in English and Spanish ------------------------------------------

# Well-known cities on every continent, as an English and a Spanish speaker would write them,
# with the country they mean.
WORLD = [
    # Europe
    ("London", "Londres", "GB"),
    ("Paris", "París", "FR"),
    ("Berlin", "Berlín", "DE"),
    ("Madrid", "Madrid", "ES"),
    ("Rome", "Roma", "IT"),
    ("Lisbon", "Lisboa", "PT"),
    ("Moscow", "Moscú", "RU"),
    ("Athens", "Atenas", "GR"),
    ("Stockholm", "Estocolmo", "SE"),
    ("Warsaw", "Varsovia", "PL"),
    ("Vienna", "Viena", "AT"),
    ("Amsterdam", "Ámsterdam", "NL"),
    ("Dublin", "Dublín", "IE"),
    ("Prague", "Praga", "CZ"),
    ("Istanbul", "Estambul", "TR"),
    ("Reykjavik", "Reikiavik", "IS"),
    # Asia
    ("Tokyo", "Tokio", "JP"),
    ("Beijing", "Pekín", "CN"),
    ("Shanghai", "Shanghái", "CN"),
    ("Seoul", "Seúl", "KR"),
    ("Mumbai", "Bombay", "IN"),
    ("New Delhi", "Nueva Delhi", "IN"),
    ("Bangkok", "Bangkok", "TH"),
    ("Singapore", "Singapur", "SG"),
    ("Jakarta", "Yakarta", "ID"),
    ("Manila", "Manila", "PH"),
    ("Dubai", "Dubái", "AE"),
    ("Tehran", "Teherán", "IR"),
    ("Riyadh", "Riad", "SA"),
    ("Hanoi", "Hanói", "VN"),
    ("Karachi", "Karachi", "PK"),
    # Africa
    ("Cairo", "El Cairo", "EG"),
    ("Lagos", "Lagos", "NG"),
    ("Nairobi", "Nairobi", "KE"),
    ("Cape Town", "Ciudad del Cabo", "ZA"),
    ("Johannesburg", "Johannesburgo", "ZA"),
    ("Casablanca", "Casablanca", "MA"),
    ("Addis Ababa", "Adís Abeba", "ET"),
    ("Algiers", "Argel", "DZ"),
    ("Dakar", "Dakar", "SN"),
    ("Kinshasa", "Kinsasa", "CD"),
    # North and Central America
    ("New York", "Nueva York", "US"),
    ("Toronto", "Toronto", "CA"),
    ("Mexico City", "Ciudad de México", "MX"),
    ("Havana", "La Habana", "CU"),
    ("Vancouver", "Vancouver", "CA"),
    ("Philadelphia", "Filadelfia", "US"),
    ("New Orleans", "Nueva Orleans", "US"),
    ("Montreal", "Montreal", "CA"),
    ("Guatemala City", "Ciudad de Guatemala", "GT"),
    ("Panama City", "Ciudad de Panamá", "PA"),
    ("Anchorage", "Anchorage", "US"),
    ("Honolulu", "Honolulu", "US"),
    # South America
    ("Buenos Aires", "Buenos Aires", "AR"),
    ("Sao Paulo", "São Paulo", "BR"),
    ("Lima", "Lima", "PE"),
    ("Bogota", "Bogotá", "CO"),
    ("Santiago", "Santiago de Chile", "CL"),
    ("Caracas", "Caracas", "VE"),
    ("Quito", "Quito", "EC"),
    ("Montevideo", "Montevideo", "UY"),
    ("Rio de Janeiro", "Río de Janeiro", "BR"),
    ("La Paz", "La Paz", "BO"),
    # Oceania
    ("Sydney", "Sídney", "AU"),
    ("Melbourne", "Melbourne", "AU"),
    ("Auckland", "Auckland", "NZ"),
    ("Perth", "Perth", "AU"),
    ("Brisbane", "Brisbane", "AU"),
    ("Wellington", "Wellington", "NZ"),
]
COVERAGE = 0.9


async def test_offline_weather_knows_the_worlds_cities_in_english_and_spanish() -> None:
    registry = default_registry()  # simulated: no network
    missed = []
    for english, spanish, country in WORLD:
        for name in (english, spanish):
            result = await weather(registry, city=name)
            if result.is_error or result.data["country"] != country:
                missed.append(name)
            else:
                assert card(result)[1] == max(result.data["temperature_c"], 0)
    names = 2 * len(WORLD)
    assert len(WORLD) >= 40
    assert (names - len(missed)) / names >= COVERAGE, missed


async def test_the_offline_model_answers_the_worlds_weather_with_the_cards_temperature() -> None:
    from supercar.agent import Turn
    from supercar.events import Chunk, ToolOutput
    from supercar.llm.offline import OfflineModel

    model, registry = OfflineModel(now=lambda: NOW, word_delay=0), default_registry()
    missed = []
    for english, spanish, country in WORLD:
        for question in (f"What's the weather in {english}?", f"¿Qué tiempo hace en {spanish}?"):
            turn = Turn(model, registry, "You are Lex.", [], question, ctx(), max_rounds=2)
            events = [event async for event in turn.run()]
            text = "".join(e.text for e in events if isinstance(e, Chunk))
            cards = [e for e in events if isinstance(e, ToolOutput) and e.name == "get_weather"]
            said = re.findall(r"(-?\d+)°C", text)
            if not cards or cards[0].is_error or cards[0].data["country"] != country:
                missed.append(question)
                continue
            # The text states the card's temperature, no other.
            assert said and {int(t) for t in said} == {cards[0].data["temperature_c"]}, text
    asked = 2 * len(WORLD)
    assert (asked - len(missed)) / asked >= COVERAGE, missed


# --- °F beside °C ------------------------------------------------------------------------------


async def test_fahrenheit_is_in_the_data_beside_celsius_and_the_card_stays_celsius() -> None:
    registry = default_registry()
    for city, unit in (("Chicago", "F"), ("Madrid", "C")):
        result = await weather(registry, city=city)
        data = result.data
        assert data["unit"] == unit  # °F first in the US, °C elsewhere
        assert abs(data["temperature_f"] - (data["temperature_c"] * 9 / 5 + 32)) < 1.5
        assert data["low_f"] < data["high_f"]
        assert card(result)[1] == max(data["temperature_c"], 0)


@pytest.mark.parametrize("asked", ["fahrenheit", "F", "°F", "f"])
async def test_fahrenheit_on_request_is_the_unit_to_state(asked: str) -> None:
    result = await weather(default_registry(), city="Madrid", unit=asked)
    assert result.data["unit"] == "F" and "°C" in str(result.output)
    celsius = await weather(default_registry(), city="Chicago", unit="celsius")
    assert celsius.data["unit"] == "C"


def test_fahrenheit_is_rounded_from_the_reading_not_from_rounded_celsius() -> None:
    from supercar.tools.weather import fahrenheit

    assert fahrenheit(21.6) == 71  # 70.88; from the rounded 22 °C it would be 72 (71.6)
    assert fahrenheit(-40) == -40
