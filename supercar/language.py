"""Which language a customer writes in: English or Spanish, for the reply and for the cards.

Decisions:
- One detector for both modes: the conversation layer sets the turn's language from it (the
  tools word their cards in it, `ToolContext.language`) and the offline model reads its replies'
  language from it. It lives here, beside neither, so the server never imports the offline
  model to learn a language.
- Two languages, told apart by counting marker words (and `¿ ¡ ñ`); a message with no markers
  ("Miami", "3pm") or as many of each keeps the conversation's language, and a conversation with
  none yet is English.
- Matching works on a *plain* copy of the text: lower case, accents removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final, Literal

Language = Literal["en", "es"]
EN: Final = "en"
ES: Final = "es"

_ES_MARKERS = frozenset(
    """
    hola buenas buenos gracias quiero quisiera puedo puedes podria necesito tiene tienen hay
    que como cuando donde cual cuales cuanto esta estan es son el los las del una unos al
    para por favor con sin mi mis su sus tu yo usted me nos manana hoy pasado semana
    lunes martes miercoles jueves viernes sabado domingo tarde noche hora horas horario
    clima tiempo hace llueve lluvia calor frio prueba manejo conducir probar reservar reserva
    cita coche carro auto concesionario tienda direccion abren cierran abierto cerrado
    si vale claro perfecto numero confirmacion adios dias y o pero tambien
    tengo tienes todavia lo le ya muy mucho bien algo ustedes oye vez cual quiere
    hablo eres soy estoy entonces mejor otro otra dime cambia cambiala cancela cancelala
    dejala dejalo muevela pasala reservala
    """.split()
)
_EN_MARKERS = frozenset(
    """
    hi hello hey thanks thank please want would like can could is are the a an what when where
    which how do does you your my me i it at on in for to of and or tomorrow today weather book
    drive test showroom free open close time am pm yes no
    """.split()
)
_WORD_RE = re.compile(r"[a-z0-9]+")
# Place names made of Spanish words say nothing of the customer's language ("buenos aires same
# day?" is English).
_SPANISH_NAMES_RE = re.compile(
    r"\b(?:buenos aires|los angeles|las vegas|la paz|el paso|el salvador|(?:san|santa|puerto|"
    r"costa) [a-z]+|rio de janeiro)\b"
)


def strip_accents(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo': letters without their combining marks, all else as it was."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def plain(text: str) -> str:
    """Lower case with accents removed; punctuation and spacing kept."""
    return strip_accents(text.lower())


def words(text: str) -> list[str]:
    return _WORD_RE.findall(plain(text))


def detect_language(text: str) -> Language | None:
    """`es`, `en`, or None when the text gives no sign either way."""
    if re.search(r"[¿¡ñ]", text.lower()):
        return ES
    tokens = words(_SPANISH_NAMES_RE.sub(" ", plain(text)))
    spanish = sum(token in _ES_MARKERS for token in tokens)
    english = sum(token in _EN_MARKERS for token in tokens)
    if spanish > english:
        return ES
    if english > spanish:
        return EN
    return None  # no sign, or as many of each ("a las cuatro"): keep the conversation's


def conversation_language(text: str, earlier: Iterable[str] = ()) -> Language:
    """The language of this message, else of the latest earlier message that shows one (most
    recent first), else English."""
    for message in (text, *earlier):
        language = detect_language(message)
        if language is not None:
            return language
    return EN
