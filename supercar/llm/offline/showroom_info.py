"""Address and opening-hours requests: the address tool for where a showroom is, the catalogue's
hours for when it is open (on a day, or every day)."""

from __future__ import annotations

import re
from datetime import date

from supercar.language import ES
from supercar.llm.offline.clock import Clock
from supercar.llm.offline.keywords import ADDRESS, BOTH_RE, EVERY_SHOWROOM_RE, HOURS
from supercar.llm.offline.language import corrected, plain
from supercar.llm.offline.phrasebook import (
    distance_text,
    hour_text,
    hours_line,
    say,
    showroom_list,
)
from supercar.llm.offline.reading import Reading
from supercar.llm.offline.showrooms import showroom_places
from supercar.llm.offline.state import State, Step
from supercar.llm.offline.when import find_date
from supercar.llm.offline.where import THERE_RE, focus_on, focus_showroom, showroom_for
from supercar.tools.catalog import SHOWROOMS, find_showroom
from supercar.tools.places import SHOWROOM_COORDINATES, distance_km
from supercar.tools.summaries import join, on_day
from supercar.tools.wording import hours_summary


def plan_address(s: State, r: Reading, step: Step, ask: bool = True) -> None:
    """The address of the showroom meant, or of the one nearest a place; `ask=False` when
    another request of the message asks for the showroom already."""
    ids = list(r.showrooms)
    far = [m for m in showroom_places(r.places) if m.place is not None and not m.region]
    if ids and far:  # "how far is it from Boston to your NY store?"
        named, place = find_showroom(ids[0]), far[0].place
        if named is not None and place is not None:
            km = distance_km((place.lat, place.lon), SHOWROOM_COORDINATES[named.id])
            where = dict(showroom=named.name, place=far[0].name, distance=distance_text(km, s.lang))
            step.before.append(say("distance_to", s.lang, **where))
    if not ids:
        places = showroom_places(r.places)
        nearest = places[0].showroom if places else None
        if places and places[0].region:
            if nearest is None:
                step.reply.append(say("no_showroom_region", s.lang, place=places[0].name))
                return
            ids = [nearest.id]
        elif nearest is not None:
            m = places[0]
            where = dict(showroom=nearest.name, place=m.name, distance=distance_text(m.km, s.lang))
            if not m.near and _EXISTS_RE.search(plain(r.text)):
                # "is there a showroom in Boston?": no, and the nearest, offered (no address yet)
                step.reply.append(say("far", s.lang, **where))
                s.pending, s.suggested = "showroom", nearest.id
                return
            step.before.append(say("near" if m.near else "far_note", s.lang, **where))
            ids = [nearest.id]
            if not m.near:
                step.after.append(say("offer_drive", s.lang))
                s.pending, s.suggested = "drive", nearest.id
        elif places:
            step.reply.append(say("unknown_place", s.lang, place=places[0].name))
            return
    if not ids and r.has("showroom_list"):
        step.reply.append(showroom_list(s.lang))
        return
    if not ids and THERE_RE.search(plain(r.text)):
        ids = [room] if (room := focus_showroom(s, step)) else []
        if step.reply:
            return
    if not ids and s.last_showroom and (s.topic != ADDRESS or _DETAIL_RE.search(plain(r.text))):
        ids = [s.last_showroom]  # "ok n the phone number?" after its address: that showroom's
    if not ids and s.focus and s.topic != ADDRESS:
        ids = [room] if (room := focus_showroom(s, step)) else []
        if step.reply:
            return
    if not ids:
        if ask:
            step.reply.append(say("ask_showroom", s.lang))
        return
    for showroom_id in ids:
        step.calls.append(("get_dealership_address", {"dealership_id": showroom_id}))
        focus_on(s, showroom_id)  # each one talked about ("the other showroom"); the last in focus
    s.last_showroom = s.talked_about = ids[-1]


def plan_hours(s: State, r: Reading, step: Step, clock: Clock) -> None:
    showroom_id = showroom_for(s, r, step)
    if showroom_id is None and not step.reply:
        showroom_id = s.showroom or focus_showroom(s, step) or s.last_showroom
    # a bare follow-up ("Denver") keeps the day of the hours question it answers
    showroom = next(iter(r.showrooms), None) or s.showroom
    day = find_date(r.day_words, clock.today(showroom), day_first=s.lang == ES) or (
        s.hours_day if s.topic == HOURS and not r.intents else None
    )
    if step.reply:
        return
    s.hours_day = day
    if EVERY_SHOWROOM_RE.search(corrected(r.text)) and not r.showrooms:
        step.reply.append(_every_showroom(s.lang, day))  # "which showroom is open on Sunday?"
        return
    if showroom_id is None:
        step.reply.append(say("ask_showroom", s.lang))
        return
    rooms = [showroom_id, *r.showrooms[1:3]]  # "the hours for Manhattan and Miami"
    if not r.showrooms and BOTH_RE.search(plain(r.text)) and len(s.showrooms_seen) >= 2:
        rooms = s.showrooms_seen[-2:]  # "which of those two stays open later?"
        showroom_id = rooms[-1]
    for each in rooms:
        step.reply.append(_hours(s, r, each, day, clock))
        focus_on(s, each)
    if len(rooms) == 2 and day is not None and re.search(r"\b(?:later|mas tarde)\b", plain(r.text)):
        step.reply.extend(_later(rooms, day, s.lang))
    s.last_showroom = s.talked_about = showroom_id
    focus_on(s, showroom_id)


# Whether there is a showroom somewhere, asked: "is there a showroom in Boston?"
_EXISTS_RE = re.compile(
    r"\b(?:is there|are there|do you have|have you got|got any|hay|tienen|teneis)\b(?: \w+){0,3} "
    r"(?:showrooms?|stores?|dealerships?|locations?|branch(?:es)?|concesionarios?|tiendas?|"
    r"sucursal(?:es)?)\b"
)
# One detail of a showroom just talked about: "and the phone number?", "¿y el teléfono?"
_DETAIL_RE = re.compile(r"\b(?:phone|number|digits|telefono|numero|parking|zip|postcode)\b")


def _later(rooms: list[str], day: date, lang: str) -> list[str]:
    """Which of two showrooms closes later on a day (or that they close together); nothing
    when both are closed (their lines say so)."""
    closing = {}
    for showroom_id in rooms:
        room = find_showroom(showroom_id)
        span = room.hours_on(day.weekday()) if room else None
        if room is not None and span is not None:
            closing[room.name] = span[1]
    if len(closing) < 2:
        return [say("open_later", lang, showroom=name) for name in closing]
    (first, a), (second, b) = closing.items()
    if a == b:
        return [say("close_together", lang)]
    return [say("open_later", lang, showroom=first if a > b else second)]


def _every_showroom(lang: str, day: date | None) -> str:
    if day is None:
        lines = [
            say("hours_week", lang, showroom=room.name, hours=hours_line(room, lang))
            for room in SHOWROOMS
        ]
        return " ".join(lines)
    open_rooms = [room for room in SHOWROOMS if room.hours_on(day.weekday())]
    closed = [room.name for room in SHOWROOMS if not room.hours_on(day.weekday())]
    spans = [
        say(
            "open_span",
            lang,
            showroom=room.name,
            open=hour_text(span[0], lang),
            close=hour_text(span[1], lang),
        )
        for room in open_rooms
        if (span := room.hours_on(day.weekday()))
    ]
    text = say("open_on", lang, day=on_day(day, lang), rooms=join(spans, lang))
    text = text[0].upper() + text[1:]
    if closed:
        text += " " + say("closed_then", lang, rooms=join(closed, lang))
    return text


def _hours(s: State, r: Reading, showroom_id: str, day: date | None, clock: Clock) -> str:
    """A showroom's hours: every day, or on one day (open, closing or opening time)."""
    room = find_showroom(showroom_id)
    assert room is not None
    lang = s.lang
    if day is None:
        return say("hours_week", lang, showroom=room.name, hours=hours_line(room, lang))
    span = room.hours_on(day.weekday())
    when = on_day(day, lang) if day != clock.today(showroom_id) else say("today", lang)
    if span is None:
        summary = hours_summary(room.hours_summary(), lang)
        return say("hours_closed", lang, showroom=room.name, day=when, hours=summary)
    low = r.text.lower()
    key = "hours_day"
    if re.search(r"clos|shut|late|cierra|cierre", low):
        key = "hours_closes"
    elif re.search(r"\bopens\b|(?:what time|when)\b.*\bopen\b|\babren?\b|early|temprano", low):
        key = "hours_opens"
    open_, close = hour_text(span[0], lang), hour_text(span[1], lang)
    return say(key, lang, showroom=room.name, open=open_, close=close, day=when)
