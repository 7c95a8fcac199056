"""What a card says to a customer, in the conversation's language (`ToolContext.language`).

Decisions:
- Only free text a card shows follows the language: the booking card's `message`, the
  availability card's `reason`, and the sentence a failed weather or address card shows. The
  strings the SuperCar page parses with fixed English patterns keep them, in every language: the
  weather sentence (`The weather in Miami is 22°C and sunny.`: the card reads `°C` and one
  English condition word) and the address (`Phone:` and `Hours:`): translated, they would
  empty the card. docs/contract.md lists the fields.
- `data.error` stays English: it is the model's, and the model answers in the customer's
  language anyway.
- One table, a phrase per language. The address card turns a failure's text into a Maps search,
  so those phrases have no period (see `dealerships`).
- A refusal is said once, by its `data.code`: `refusal(data, language)` is the card's sentence
  and, through `summaries.error_sentence`, the offline model's and the terminal client's. So
  `data` carries the facts the sentence names beside `error` and `code` (today, the free times,
  the showroom's hours, ...): data, in every language, not words; and the chat can say them
  without a second table or reading the English `error`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from supercar.language import Language
from supercar.tools.catalog import WEEKDAY_NAMES, car_names

# A refusal's sentence, by its `data.code` (`ToolErrorCode`): the card's words and the offline
# model's and the terminal client's (`summaries.error_sentence`). Each field is a fact `data`
# carries (see `_fact`). The lower-case ones without a period always follow a card's prefix
# ("Booking failed: ", "Not moved: "); `summaries.error_sentence` capitalises and ends them.
_REFUSALS: dict[str, dict[Language, str]] = {
    "unknown_dealership": {  # no period: the address card makes a Maps search of it
        "en": "We couldn't find that showroom",
        "es": "No encontramos ese concesionario",
    },
    "invalid_date": {
        "en": "We couldn't read that date; today is {today}.",
        "es": "No pudimos leer esa fecha; hoy es {today}.",
    },
    "past_date": {  # a date asked for, or a booking's slot that has started
        "en": "That has already passed; today is {today}.",
        "es": "Eso ya pasó; hoy es {today}.",
    },
    "too_far_ahead": {
        "en": "That's too far ahead; we can look up to {horizon_days} days ahead, until {last}.",
        "es": "Es demasiado adelante; podemos mirar hasta {horizon_days} días por delante, "
        "hasta el {last}.",
    },
    "closed_day": {
        "en": "{dealership_name} is closed on {weekdays}; its hours are {hours}.",
        "es": "{dealership_name} cierra los {weekdays}; su horario es {hours}.",
    },
    "invalid_time": {
        "en": "We couldn't read that time; test drives start on the hour, e.g. 14:00.",
        "es": "No pudimos leer esa hora; las pruebas empiezan en punto, p. ej. 14:00.",
    },
    "not_bookable_slot": {
        "en": "{time} on {date} isn't a test-drive time (they start on the hour while the "
        "showroom is open); {free}.",
        "es": "{time} del {date} no es un horario de prueba (empiezan en punto mientras el "
        "concesionario está abierto); {free}.",
    },
    "slot_taken": {
        "en": "{time} on {date} is already taken; {free}.",
        "es": "{time} del {date} ya está reservado; {free}.",
    },
    "unknown_car": {
        "en": "We don't offer that car; our models are {models}.",
        "es": "No tenemos ese coche; nuestros modelos son {models}.",
    },
    "unknown_city": {
        "en": "Sorry, we couldn't find a place called {city}.",
        "es": "Lo siento, no encontramos ningún lugar llamado {city}.",
    },
    "invalid_city": {
        "en": "Sorry, that doesn't look like a city name.",
        "es": "Lo siento, eso no parece el nombre de una ciudad.",
    },
    "booking_cap": {
        "en": "You already have {count} booked: {listed}. One conversation can hold at most "
        "{cap} upcoming test drives; to book another, cancel one of them first (or move one "
        "to another time).",
        "es": "Ya tienes {count}: {listed}. Una conversación puede tener como máximo {cap} "
        "pruebas de manejo próximas; para reservar otra, cancela antes una de ellas (o cambia "
        "una de hora).",
    },
    "client_booking_cap": {
        "en": "we can't take more test-drive bookings from your connection today; please call "
        "the showroom",
        "es": "hoy no podemos aceptar más reservas desde tu conexión; llama al concesionario",
    },
    "unknown_booking": {
        "en": "we couldn't find a booking with that code in this conversation",
        "es": "no encontramos ninguna reserva con ese código en esta conversación",
    },
    "booking_cancelled": {
        "en": "that test drive was cancelled; we can book a new one",
        "es": "esa prueba de manejo se canceló; podemos reservar otra",
    },
    "same_slot": {
        "en": "your test drive is already at that time",
        "es": "tu prueba de manejo ya es a esa hora",
    },
    "change_limit": {
        "en": "this conversation can't change more bookings today; please call the showroom",
        "es": "esta conversación no puede cambiar más reservas hoy; llama al concesionario",
    },
    # the registry's, for any tool
    "unknown_tool": {
        "en": "That is not something I can look up.",
        "es": "Eso no es algo que pueda consultar.",
    },
    "invalid_arguments": {
        "en": "the request could not be read",
        "es": "no se pudo leer la petición",
    },
    "tool_timeout": {
        "en": "the service took too long to answer",
        "es": "el servicio tardó demasiado en responder",
    },
    "tool_failed": {
        "en": "the service is not working right now",
        "es": "el servicio no funciona en este momento",
    },
}

_PHRASES: dict[str, dict[Language, str]] = {
    "free_times": {
        "en": "free times that day: {times}",
        "es": "horarios libres ese día: {times}",
    },
    "none_free": {
        "en": "no times are free that day",
        "es": "ese día no queda ningún horario libre",
    },
    "no_more_slots_today": {
        "en": "{showroom} has no more slots today.",
        "es": "{showroom} no tiene más horarios hoy.",
    },
    "fully_booked": {
        "en": "{showroom} is fully booked on {day}.",
        "es": "{showroom} está completo el {day}.",
    },
    # Changing a booking (`changes.py`): each card is one sentence, shown as it is.
    "your_drive": {
        "en": "your {car} test drive at {showroom}",
        "es": "tu prueba de manejo del {car} en {showroom}",
    },
    "when": {"en": "{day} at {time}", "es": "{day} a las {time}"},
    "confirm_cancel": {
        "en": "Please confirm: cancel {drive} on {when} ({code})? Nothing has changed yet.",
        "es": "Confirma, por favor: ¿cancelamos {drive} del {when} ({code})? Aún no ha "
        "cambiado nada.",
    },
    "confirm_move": {
        "en": "Please confirm: move {drive} from {old} to {new} ({code})? Nothing has changed yet.",
        "es": "Confirma, por favor: ¿cambiamos {drive} del {old} al {new} ({code})? Aún no "
        "ha cambiado nada.",
    },
    "cancelled": {
        "en": "Cancelled: {drive} on {when} ({code}).",
        "es": "Cancelada: {drive} del {when} ({code}).",
    },
    "rescheduled": {
        "en": "Moved: {drive} is now on {new} (it was {old}), confirmation {code}.",
        "es": "Cambiada: {drive} es ahora el {new} (antes el {old}), confirmación {code}.",
    },
    "not_cancelled": {"en": "Not cancelled: {reason}.", "es": "No cancelada: {reason}."},
    "not_moved": {"en": "Not moved: {reason}.", "es": "No cambiada: {reason}."},
    "booked_drive": {
        "en": "{car} at {showroom} on {date} at {time}",
        "es": "{car} en {showroom} el {date} a las {time}",
    },
    "booked": {
        "en": "Test drive booked: {drive}",
        "es": "Prueba de manejo reservada: {drive}",
    },
    "booking_failed": {"en": "Booking failed: {reason}", "es": "Reserva no realizada: {reason}"},
    "weather_unavailable": {
        "en": "Weather unavailable: {reason}",
        "es": "Tiempo no disponible: {reason}",
    },
    "address_unavailable": {
        "en": "Address unavailable: {reason}",
        "es": "Dirección no disponible: {reason}",
    },
}

# The calendar's words in each language, for every sentence that names a day (the chat's too:
# `summaries` words its days with these).
WEEKDAYS: dict[Language, tuple[str, ...]] = {
    "en": WEEKDAY_NAMES,
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
MONTHS: dict[Language, list[str]] = {
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ).split(),
}
_COUNTED_DRIVES: dict[Language, tuple[str, ...]] = {
    "en": ("no test drives", "one test drive", "two test drives", "three test drives"),
    "es": ("ninguna prueba reservada", "una prueba reservada", "dos pruebas reservadas"),
}


class Phrase:
    """A customer sentence not yet put into words: a key of the table and its fields. Fields
    that are dates or lists are worded in the language too."""

    __slots__ = ("fields", "key")

    def __init__(self, key: str, **fields: Any) -> None:
        if key not in _PHRASES:
            raise KeyError(key)
        self.key = key
        self.fields = fields

    def say(self, language: Language) -> str:
        return say(self.key, language, **self.fields)


def say(key: str, language: Language, **fields: Any) -> str:
    """The phrase `key` in `language`, with its fields worded in it too."""
    worded = {name: _word(value, language) for name, value in fields.items()}
    return _PHRASES[key][language].format(**worded)


def _word(value: Any, language: Language) -> str:
    if isinstance(value, date):
        return day_words(value, language)
    if isinstance(value, Phrase | Weekdays):
        return value.say(language)
    if isinstance(value, list | tuple):
        return ", ".join(_word(item, language) for item in value)
    return str(value)


def day_words(day: date, language: Language = "en") -> str:
    """'Friday 4 December' / 'viernes 4 de diciembre': how a card names a day."""
    weekday, month = WEEKDAYS[language][day.weekday()], MONTHS[language][day.month - 1]
    if language == "es":
        return f"{weekday} {day.day} de {month}"
    return f"{weekday} {day.day} {month}"


@dataclass(frozen=True, slots=True)
class Weekdays:
    """A weekday in the plural, as a phrase's field: 'Sundays' / 'domingos' ('lunes' is its own
    plural)."""

    weekday: int  # Monday is 0

    def say(self, language: Language) -> str:
        name = WEEKDAYS[language][self.weekday]
        return name if name.endswith("s") else name + "s"


def counted_drives(count: int, language: Language) -> str:
    """'two test drives' / 'dos pruebas reservadas'."""
    names = _COUNTED_DRIVES[language]
    if count < len(names):
        return names[count]
    return f"{count} test drives" if language == "en" else f"{count} pruebas reservadas"


_DAY_ABBR_ES = dict(
    zip(
        ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
        strict=True,
    )
)


def hours_summary(summary: str, lang: str) -> str:
    """The catalogue's `Mon-Sat 9am-7pm` summary, in Spanish `lun-sáb 9:00-19:00`."""
    if lang != "es":
        return summary
    summary = re.sub(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", lambda m: _DAY_ABBR_ES[m[1]], summary)
    return re.sub(
        r"\b(\d{1,2})(am|pm)\b",
        lambda m: f"{int(m[1]) % 12 + (12 if m[2] == 'pm' else 0)}:00",
        summary,
    )


def refusal(data: Mapping[str, Any], language: Language) -> str:
    """The customer's sentence for an error result's `data`: its code's sentence, with the facts
    `data` carries beside `error` and `code` (`KeyError` if the code or a fact is missing)."""
    text = _REFUSALS[str(data["code"])][language]
    needed = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return text.format(**{name: _fact(name, data, language) for name in needed})


def _fact(name: str, data: Mapping[str, Any], language: Language) -> str:
    """A refusal's field, from the fact in `data` it names (or the fact it is worded from)."""
    if name in ("today", "last", "date"):  # ISO dates
        return day_words(date.fromisoformat(data[name]), language)
    if name == "weekdays":
        return Weekdays(date.fromisoformat(data["date"]).weekday()).say(language)
    if name == "hours":
        return hours_summary(data["hours_summary"], language)
    if name == "free":
        times = list(data["alternatives"])
        return say("free_times", language, times=times) if times else say("none_free", language)
    if name == "models":
        return ", ".join(car_names())
    if name == "count":
        return counted_drives(len(data["bookings"]), language)
    if name == "listed":
        drives = [
            Phrase(
                "booked_drive",
                car=b["car_model"],
                showroom=b["dealership_name"],
                date=b["date"],
                time=b["time"],
            )
            for b in data["bookings"]
        ]
        return _word(drives, language)
    return str(data[name])
