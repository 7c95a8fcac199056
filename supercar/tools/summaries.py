"""A tool result summed up in a customer's words: one sentence per result, one per refusal, in
English and Spanish, and the formatting of days and lists they share. (What a card itself shows
is `wording`'s, and so is a refusal's sentence.)

Shared by the offline model (its answers after tools) and the terminal client (its one-line
tool notes), so a tool's data is read in one place; it lives with the tools because it says
what they return (the terminal client must not load the offline model).

Decisions:
- Results are read from the tool's JSON `data`, never from the card `output`.
- A refusal is the card's own sentence (`wording.refusal`, by `data.code`, from the facts `data`
  carries), never a second phrasing of it, and never read out of the English `data.error`,
  which is the model's. Every error result has a code: the tools' and the registry's alike.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from supercar.language import EN, ES, Language
from supercar.tools.catalog import CARS, CarModel
from supercar.tools.wording import MONTHS, WEEKDAYS, Weekdays, hours_summary, refusal

# --- days, lists and hours in both languages ----------------------------------------------------

_CONDITIONS_ES = {
    "sunny": "soleado",
    "cloudy": "nublado",
    "rainy": "lluvioso",
    "snowy": "con nieve",
    "clear": "despejado",
    "overcast": "cubierto",
    "foggy": "con niebla",
    "windy": "con viento",
    "thunderstorm": "con tormenta",
    "hazy": "con bruma",
}


def join(items: list[str], lang: str = EN, word: str = "and") -> str:
    """'a, b and c' / 'a, b y c' ('or' / 'o' with `word="or"`)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    last = {"and": ("and", "y"), "or": ("or", "o")}[word][lang == ES]
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def short_car(car: CarModel) -> str:
    return car.name.removeprefix("SuperCar ")


def car_choices(lang: str) -> str:
    return join([short_car(car) for car in CARS], lang, "or")


def days_name(weekday: int, lang: str) -> str:
    """The weekday in the plural: 'Sundays', 'domingos', 'lunes'."""
    return Weekdays(weekday).say("es" if lang == ES else "en")


def day_text(day: date, lang: str) -> str:
    """'Friday, November 27' or 'el viernes 27 de noviembre'."""
    language: Language = "es" if lang == ES else "en"
    weekday, month = WEEKDAYS[language][day.weekday()], MONTHS[language][day.month - 1]
    if language == ES:
        return f"el {weekday} {day.day} de {month}"
    return f"{weekday}, {month} {day.day}"


def on_day(day: date, lang: str) -> str:
    return day_text(day, lang) if lang == ES else "on " + day_text(day, lang)


def condition_text(condition: str, lang: str) -> str:
    return _CONDITIONS_ES.get(condition, condition) if lang == ES else condition


# --- tool results ------------------------------------------------------------------------------

_SENTENCES: dict[str, tuple[str, str]] = {
    # a refusal `wording` cannot word (see `error_sentence`)
    "other": (
        "Sorry, something went wrong with that request; could you put it another way?",
        "Lo siento, algo salió mal con esa petición; ¿puedes decirlo de otra forma?",
    ),
    # successful results
    "today": ("today", "hoy"),
    "weather": (
        "It's {temp} and {condition} in {city} {day}.",
        "En {city} hace {temp} y está {condition} {day}.",
    ),
    "weather_storm": (
        "It's {temp} with thunderstorms in {city} {day}.",
        "En {city} hace {temp} y hay tormenta {day}.",
    ),
    "simulated": (
        "(That's simulated weather: no live weather service is reachable.)",
        "(Clima simulado.)",
    ),
    "good_weather": (" Perfect weather for a test drive!", " ¡Un tiempo perfecto para probarlo!"),
    "address": (
        "{name} is at {where}. Phone: {phone}; hours: {hours}.",
        "{name} está en {where}. Teléfono: {phone}; horario: {hours}.",
    ),
    "times": (
        "{showroom} has these test-drive times {day}: {times}.",
        "{showroom} tiene estas horas libres {day}: {times}.",
    ),
    "no_times": (
        "{showroom} has no free test-drive times {day}. Would another day work?",
        "{showroom} no tiene horas libres {day}. ¿Te vendría bien otro día?",
    ),
    "booked": (
        "You're booked! A test drive of the {car} at {showroom} {day} at {time} (local time). "
        "Your confirmation is {id}.",
        "¡Reservado! Una prueba del {car} en {showroom} {day} a las {time} (hora local). "
        "Tu confirmación es {id}.",
    ),
    "confirm_cancel": (
        "Just to confirm: shall I cancel your {car} test drive at {showroom} {day} at {time} "
        "({id})? Nothing has changed yet.",
        "Para confirmar: ¿cancelo tu prueba del {car} en {showroom} {day} a las {time} ({id})? "
        "Todavía no he cambiado nada.",
    ),
    "cancelled": (
        "Done: your {car} test drive at {showroom} {day} at {time} is cancelled ({id}).",
        "Hecho: he cancelado tu prueba del {car} en {showroom} {day} a las {time} ({id}).",
    ),
    "confirm_move": (
        "Just to confirm: shall I move your {car} test drive at {showroom} from {date} at "
        "{time} to {new_date} at {new_time} ({id})? Nothing has changed yet.",
        "Para confirmar: ¿cambio tu prueba del {car} en {showroom} ({date}, {time}) para "
        "{new_date} a las {new_time} ({id})? Todavía no he cambiado nada.",
    ),
    "moved": (
        "Done: your {car} test drive at {showroom} is now on {new_date} at {new_time} "
        "(confirmation {id}).",
        "Hecho: tu prueba del {car} en {showroom} queda para {new_date} a las {new_time} "
        "(confirmación {id}).",
    ),
    "found": ("Here is what I found.", "Aquí está lo que encontré."),
}


def error_code(data: dict[str, Any]) -> str | None:
    """The refusal's code, `data.code` (None when the result is not an error)."""
    code = data.get("code")
    return code if isinstance(code, str) else None


def free_times(data: dict[str, Any]) -> list[str]:
    """The free times a refusal offers instead (`not_bookable_slot`, `slot_taken`)."""
    return [str(t) for t in data.get("alternatives") or []]


def error_sentence(data: dict[str, Any], lang: str = EN) -> str:
    """A refused or failed tool call in the customer's words: the card's sentence
    (`wording.refusal`), as a sentence of its own (no question: the offline model asks it)."""
    try:
        words = refusal(data, "es" if lang == ES else "en")
    except (KeyError, ValueError, TypeError):
        # A result stored before its refusal carried these facts: the offline model rereads
        # a conversation's history (up to SESSION_TTL_SECONDS old) on every turn.
        return _line("other", lang)
    return words[0].upper() + words[1:] + ("" if words.endswith(".") else ".")


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _line(key: str, lang: str, **fields: Any) -> str:
    english, spanish = _SENTENCES[key]
    return (spanish if lang == ES else english).format(**fields)


def describe(name: str, data: dict[str, Any], lang: str = EN, today: date | None = None) -> str:
    """One sentence for a successful tool result."""
    day = _date(data.get("date"))
    when = on_day(day, lang) if day else ""
    fields: dict[str, Any] = {
        "day": when,
        "time": data.get("time"),
        "car": data.get("car_model"),
        "showroom": data.get("dealership_name") or data.get("dealership_id"),
        "id": data.get("confirmation_id"),
    }
    if name == "get_weather":
        condition = str(data.get("condition", ""))
        celsius, fahrenheit = data.get("temperature_c"), data.get("temperature_f")
        temp = f"{celsius}°C"
        if data.get("unit") == "F" and fahrenheit is not None:
            temp = f"{fahrenheit}°F ({celsius}°C)"  # the US's unit first, the card's beside it
        fields.update(
            day=_line("today", lang) if day is None or today is None or day == today else when,
            temp=temp,
            city=data.get("city"),
            condition=condition_text(condition, lang),
        )
        key = "weather_storm" if condition == "thunderstorm" else "weather"
        text = _line(key, lang, **fields)
        if data.get("source") == "simulated":
            return text + " " + _line("simulated", lang)
        if condition in ("sunny", "clear"):
            return text + _line("good_weather", lang)
        return text
    if name == "get_dealership_address":
        address = data.get("address", {})
        where = (
            f"{address.get('street')}, {address.get('city')}, {address.get('region')} "
            f"{address.get('postal_code')}"
        )
        hours = hours_summary(str(data.get("hours_summary")), lang)
        return _line(
            "address",
            lang,
            name=data.get("name"),
            where=where,
            phone=data.get("phone"),
            hours=hours,
        )
    if name == "check_appointment_availability":
        times = [str(t) for t in data.get("availableTimes") or []]
        fields["showroom"] = data.get("dealership_name") or data.get("dealership_id")
        if not times:
            return _line("no_times", lang, **fields)
        return _line("times", lang, times=join(times, lang), **fields)
    if name == "schedule_appointment":
        return _line("booked", lang, **fields)
    if name in ("cancel_appointment", "reschedule_appointment"):
        new_day = _date(data.get("new_date"))
        fields.update(
            date=day_text(day, lang) if day else "",
            new_date=day_text(new_day, lang) if new_day else "",
            new_time=data.get("new_time"),
        )
        status = str(data.get("status", ""))
        change = {
            ("cancel_appointment", "confirm"): "confirm_cancel",
            ("cancel_appointment", "cancelled"): "cancelled",
            ("reschedule_appointment", "confirm"): "confirm_move",
            ("reschedule_appointment", "rescheduled"): "moved",
        }.get((name, status))
        if change is not None:
            return _line(change, lang, **fields)
    return _line("found", lang)
