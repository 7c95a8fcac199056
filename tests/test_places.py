"""The gazetteer: names fold, aliases resolve, and the nearest showroom is the near one."""

from __future__ import annotations

import pytest

from supercar.tools.catalog import SHOWROOMS
from supercar.tools.places import PLACES, SHOWROOM_COORDINATES, find_place, fold, nearest_showroom


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
