"""The gazetteer: names fold, aliases resolve, and the nearest showroom is the near one."""

from __future__ import annotations

import pytest

from supercar.tools.catalog import SHOWROOMS
from supercar.tools.places import (
    PLACES,
    SHOWROOM_COORDINATES,
    find_place,
    find_places,
    fold,
    nearest_showroom,
)


def test_names_fold_accents_case_and_punctuation() -> None:
    assert fold("  São-PAULO! ") == "sao paulo"
    assert find_place("são paulo") is find_place("Sao Paulo")


def test_an_alias_finds_its_place() -> None:
    place = find_place("NYC")
    assert place is not None and place.name == "New York"


def test_an_unknown_name_is_none() -> None:
    assert find_place("Atlantis") is None


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
    ("¿Qué tiempo hace en São Paulo?", ["Sao Paulo"]),
    ("Rio de Janeiro tomorrow", ["Rio de Janeiro"]),
    # typos, where a word stands in a name's place
    ("is it hot in Chicgo", ["Chicago"]),
    ("weather in brookyln", ["Brooklyn"]),
    ("Brookyln", ["Brooklyn"]),
    ("Is Bostn colder than Maimi?", ["Boston", "Miami"]),
    ("clima en Denvr", ["Denver"]),
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


def test_a_misspelt_word_is_not_corrected_where_no_name_stands() -> None:
    assert find_places("i think brookyln is nice") == []
    assert [p.name for _, p in find_places("i think Brookyln is nice")] == ["Brooklyn"]
