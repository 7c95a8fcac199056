"""Which language a customer writes in, and a cleaned-up, typo-corrected copy of their words.

Decisions:
- Which language: `supercar.language` (shared with the server, which sets the tools' language
  from it); this module adds the typo-corrected copy the finders match on.
- Matching works on a *plain* copy of the text: lower case, accents removed, punctuation kept
  (times and dates need `:` and `/`).
- Typos are corrected word by word against a fixed vocabulary (the words the finders look for:
  intents, weekdays, months, car and place names) with `rapidfuzz`, imported inside the function
  so a Groq-backed service never loads it. Only words of five letters or more that are not
  themselves common words are corrected, and only when they are close (ratio >= 82: one slip in
  a six-letter word), share the first letter and differ in length by one letter at most (two
  from eight letters): "wether", "avaliable", "Chicgo" and "spider" are fixed; "house" does not
  become "hours", "looking" "booking", nor "swing" "snowing".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from supercar.language import EN, ES, detect_language, plain, words

# The detector is shared with the server (`supercar.language`); re-exported for this package.
__all__ = ["EN", "ES", "corrected", "detect_language", "plain", "words"]


# Words the finders match on; a misspelt customer word is corrected to one of these.
_VOCABULARY = """
weather forecast temperature raining sunny snowing umbrella windy clima lluvia llueve
temperatura pronostico soleado nublado
address located location directions where phone direccion ubicacion telefono donde
showroom showrooms dealership dealerships concesionario tienda
available availability openings schedule appointment reserve reservation booking
bookings appointments reservations
disponible disponibilidad reservar agendar prueba manejo conducir
hours opening closing close closed horario horarios abren cierran abierto cerrado
tomorrow today tonight weekend morning afternoon evening lunch manana tarde noche
monday tuesday wednesday thursday friday saturday sunday
lunes martes miercoles jueves viernes sabado domingo
january february march april june july august september october november december
enero febrero marzo abril junio julio agosto septiembre octubre noviembre diciembre
quarter half thirty fifteen twenty forty
roadster spyder tourer urban track volt
manhattan miami chicago denver angeles beverly hollywood brooklyn queens boston
confirmation number electric thanks hello please
""".split()
# Real words close to a vocabulary word that must stay as written.
_KEEP = frozenset(
    """
    house whether there three other hour horse close chose clothes store stores
    shower shows share where were when what which while white these those think thing
    thursdays tracks trick truck later water closer closest closet thirsty hello configuration
    viene vienes vengo venir reserva reservas reservo reservada reservado reservaste
    """.split()
)


@cache
def _vocabulary() -> tuple[str, ...]:
    # Place names are not here: the gazetteer reads its own names, typos included.
    return tuple(sorted(set(_VOCABULARY)))


@lru_cache(maxsize=4096)
def _correct_word(word: str) -> str:
    from rapidfuzz import fuzz, process

    vocabulary = _vocabulary()
    if len(word) < 5 or word in _KEEP or word.isdigit() or word in vocabulary:
        return word
    # Typos rarely hit the first letter, and requiring it keeps "looking" from being "booking";
    # a slip adds or drops a letter at most, so "swing" is not "snowing".
    slack = 1 if len(word) < 8 else 2
    same_start = [
        known
        for known in vocabulary
        if known[0] == word[0] and abs(len(known) - len(word)) <= slack
    ]
    best = process.extractOne(word, same_start, scorer=fuzz.ratio, score_cutoff=82)
    return best[0] if best else word


# What customers call our showroom cities, as the name every finder knows ("the Windy City
# one" is Chicago, not the weather).
_NICKNAMES = {
    "windy city": "chicago",
    "chi town": "chicago",
    "chi-town": "chicago",
    "chitown": "chicago",
    "big apple": "new york",
    "gran manzana": "new york",
    "mile high city": "denver",
    "mile-high city": "denver",
    "socal": "los angeles",
    "cali": "california",
    "so cal": "los angeles",
    "southern california": "los angeles",
    "ciudad de los vientos": "chicago",
    "ciudad del viento": "chicago",
    "second city": "chicago",
    "midwest": "chicago",  # our only showroom there, as for the coasts below
    "medio oeste": "chicago",
    "south florida": "miami",
    "sur de florida": "miami",
    "sunshine state": "florida",
    "estado del sol": "florida",
    "magic city": "miami",
    "ciudad magica": "miami",
    "city of angels": "los angeles",
    "ciudad de los angeles": "los angeles",
    "tinseltown": "los angeles",
    "golden state": "california",
    "rocky mountains": "colorado",
    "rocky mountain": "colorado",
    "the rockies": "colorado",
    "montanas rocosas": "colorado",
    "centennial state": "colorado",
    "mile high": "denver",
    "empire state": "new york state",
    "prairie state": "illinois",
    "land of lincoln": "illinois",
    "lone star state": "texas",
    # our only showroom on that coast
    "west coast": "los angeles",
    "costa oeste": "los angeles",
}
_NICKNAME_RE = re.compile(
    rf"\b({'|'.join(map(re.escape, sorted(_NICKNAMES, key=len, reverse=True)))})\b"
)


def nickname_of(words: str) -> str | None:
    """The place a nickname in these words stands for ("SoCal": "los angeles"), if any."""
    match = _NICKNAME_RE.search(plain(words))
    return _NICKNAMES[match[1]] if match else None


# Chat shorthand for a word the finders look for ("y q tiempo hace?", "pa probar el GT").
_SHORTHAND = {
    "q": "que",
    "pa": "para",
    "tb": "tambien",
    "xq": "porque",
    "pq": "porque",
    "tlf": "telefono",
    "tfno": "telefono",
    "tel": "telefono",
}
_SHORTHAND_RE = re.compile(rf"\b({'|'.join(_SHORTHAND)})\b")


@lru_cache(maxsize=1024)
def corrected(text: str) -> str:
    """The plain text with nicknames replaced by the city's name, letters typed three times
    or more ("boook") cut to two, and misspelt words replaced by the vocabulary word they are
    closest to."""
    low = _NICKNAME_RE.sub(lambda m: _NICKNAMES[m[1]], plain(text))
    low = _SHORTHAND_RE.sub(lambda m: _SHORTHAND[m[1]], low)
    low = re.sub(r"([a-z])\1{2,}", r"\1\1", low)
    low = re.sub(r"(\d)\s*-?ish\b", r"\1", low)  # "around 5ish"
    return re.sub(r"[a-z]+", lambda m: _correct_word(m.group()), low)
