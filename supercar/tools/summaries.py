"""A tool result summed up in a customer's words: one sentence per result, one per refusal, in
English and Spanish, and the formatting of days, lists and hours they share. (What a card itself
shows is `wording`'s.)

Shared by the offline model (its answers after tools) and the terminal client (its one-line
tool notes), so a tool's data is read in one place; it lives with the tools because it says
what they return (the terminal client must not load the offline model).

Decisions:
- Results are read from the tool's JSON `data`, never from the card `output`.
- Refusals are keyed on `data["code"]` when the tool sends one, and otherwise recognised from
  the wording of `data["error"]` (the tools' `Refused` messages), so this works with tools that
  send codes and with tools that do not yet. The machine text is never shown to the customer.
- A refusal says what went wrong and asks for the one thing that would fix it (a refused date
  asks for another day, not also for the car).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from supercar.language import EN, ES, Language
from supercar.tools.catalog import CARS, CarModel, find_showroom
from supercar.tools.wording import MONTHS, WEEKDAYS, Weekdays

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
_DAY_ABBR_ES = dict(
    zip(
        ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
        strict=True,
    )
)


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


def hours_summary(summary: str, lang: str) -> str:
    """The catalogue's `Mon-Sat 9am-7pm` summary, in Spanish `lun-sáb 9:00-19:00`."""
    if lang != ES:
        return summary
    summary = re.sub(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", lambda m: _DAY_ABBR_ES[m[1]], summary)
    return re.sub(
        r"\b(\d{1,2})(am|pm)\b",
        lambda m: f"{int(m[1]) % 12 + (12 if m[2] == 'pm' else 0)}:00",
        summary,
    )


# --- tool results ------------------------------------------------------------------------------

_ERROR_PATTERNS = (
    ("unknown_dealership", r"unknown dealership"),
    ("invalid_date", r"invalid date|not a real calendar date"),
    ("past_date", r"is in the past"),
    ("too_far_ahead", r"too far ahead"),
    ("closed_day", r"is closed on"),
    ("invalid_time", r"invalid time"),
    ("not_bookable_slot", r"not a bookable slot"),
    ("slot_taken", r"just taken|already (?:been )?(?:taken|booked)"),
    ("unknown_car", r"unknown car"),
    ("unknown_city", r"not a city name|unknown city|could not find"),
    ("booking_cap", r"already have \d+"),
    ("unavailable", r"timed out|failed unexpectedly"),
)

_SENTENCES: dict[str, tuple[str, str]] = {
    "unknown_dealership": (
        "I couldn't find that showroom.",
        "No encontré ese concesionario.",
    ),
    "invalid_date": ("I couldn't read that date.", "No entendí esa fecha."),
    "past_date": (
        "That date has already passed (today is {today}).",
        "Esa fecha ya pasó (hoy es {today}).",
    ),
    "too_far_ahead": (
        "We take bookings up to {days} days ahead, until {last}.",
        "Aceptamos reservas con hasta {days} días de antelación, hasta {last}.",
    ),
    "closed_day": (
        "{showroom} is closed on {weekdays} (its hours: {hours}).",
        "{showroom} cierra los {weekdays} (horario: {hours}).",
    ),
    "invalid_time": ("I couldn't read that time.", "No entendí esa hora."),
    "not_bookable_slot": (
        "Test drives start on the hour while the showroom is open, so {time} isn't a slot I can "
        "book. {free}",
        "Las pruebas empiezan a la hora en punto mientras el concesionario está abierto, así "
        "que no puedo reservar las {time}. {free}",
    ),
    "slot_taken": (
        "Sorry, {time} {day} has just been taken. {free}",
        "Lo siento, las {time} {day} ya están ocupadas. {free}",
    ),
    "unknown_car": (
        "We don't offer that model; our range is {cars}.",
        "No ofrecemos ese modelo; nuestra gama es {cars}.",
    ),
    "unknown_city": (
        "I couldn't find a place called {city}.",
        "No encontré ningún lugar llamado {city}.",
    ),
    "booking_cap": (
        "You already have {count} test drives booked, which is as many as we can hold for one "
        "customer.",
        "Ya tienes {count} pruebas de manejo reservadas, el máximo que podemos guardar por "
        "cliente.",
    ),
    "unavailable": (
        "Sorry, that service isn't answering right now; please try again in a moment.",
        "Lo siento, ese servicio no responde ahora mismo; inténtalo de nuevo en un momento.",
    ),
    "other": (
        "Sorry, something went wrong with that request; could you put it another way?",
        "Lo siento, algo salió mal con esa petición; ¿puedes decirlo de otra forma?",
    ),
    "unknown_booking": (
        "I couldn't find a booking with that code in this conversation.",
        "No encontré ninguna reserva con ese código en esta conversación.",
    ),
    "booking_cancelled": (
        "That test drive was cancelled, so it can't be moved; I can book a new one.",
        "Esa prueba está cancelada, así que no se puede cambiar; puedo reservar una nueva.",
    ),
    "same_slot": (
        "Your test drive is already at that time.",
        "Tu prueba ya está a esa hora.",
    ),
    "change_limit": (
        "This conversation can't change more bookings today; please call the showroom.",
        "Esta conversación no puede cambiar más reservas hoy; llama al concesionario, por favor.",
    ),
    "client_booking_cap": (
        "We can't take more bookings from here today; please call the showroom.",
        "Hoy no podemos aceptar más reservas desde aquí; llama al concesionario, por favor.",
    ),
    "free_times": ("Free times that day: {times}.", "Horas libres ese día: {times}."),
    "no_free_times": ("Nothing else is free that day.", "Ese día no queda nada libre."),
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
_TIME_RE = re.compile(r"\b\d{2}:\d{2}\b")


def error_code(data: dict[str, Any]) -> str | None:
    """The refusal's code (None when the result is not an error)."""
    if "error" not in data and "code" not in data:
        return None
    code = data.get("code")
    if isinstance(code, str) and code in _SENTENCES:
        return code
    text = str(data.get("error", "")).lower()
    for name, pattern in _ERROR_PATTERNS:
        if re.search(pattern, text):
            return name
    return "other"


def free_times(data: dict[str, Any]) -> list[str]:
    """The free times a refusal offers instead (from `alternatives` or its text)."""
    alternatives = data.get("alternatives")
    if isinstance(alternatives, list):
        return [str(t) for t in alternatives]
    text = str(data.get("error", ""))
    _, found, rest = text.partition("Free times that day:")
    return _TIME_RE.findall(rest) if found else []


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def error_sentence(name: str, args: dict[str, Any], data: dict[str, Any], lang: str = EN) -> str:
    """A refused or failed tool call in the customer's words (no question: see `next_question`)."""
    code = error_code(data) or "other"
    text = str(data.get("error", ""))
    showroom = find_showroom(str(args.get("dealership_id", "")))
    day = _date(args.get("date"))
    fields: dict[str, Any] = {
        "showroom": showroom.name if showroom else "the showroom",
        "time": args.get("time") or "that time",
        "day": on_day(day, lang) if day else "",
        "city": args.get("city") or "that",
    }
    if code == "past_date":
        iso = re.search(r"today at .*? is (\d{4}-\d{2}-\d{2})", text)
        today = _date(iso[1]) if iso else None
        fields["today"] = day_text(today, lang) if today else "earlier"
    elif code == "too_far_ahead":
        days = re.search(r"up to (\d+) days", text)
        last = _date((re.search(r"until (\d{4}-\d{2}-\d{2})", text) or [None, ""])[1])
        fields["days"] = days[1] if days else "60"
        fields["last"] = day_text(last, lang) if last else "then"
    elif code == "closed_day":
        fields["weekdays"] = days_name(day.weekday(), lang) if day else ""
        fields["hours"] = hours_summary(showroom.hours_summary(), lang) if showroom else ""
    elif code in ("not_bookable_slot", "slot_taken"):
        times = free_times(data)
        fields["free"] = (
            _line("free_times", lang, times=join(times, lang))
            if times
            else _line("no_free_times", lang)
        )
    elif code == "booking_cap":
        count = re.search(r"(\d+)", text)
        fields["count"] = count[1] if count else "several"
    elif code == "unknown_car":
        fields["cars"] = car_choices(lang)
    return _line(code, lang, **fields)


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
