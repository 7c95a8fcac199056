"""Which showroom a message means: one it names, the one nearest a place it names, or the place
it calls "there".

Decisions:
- A place that is not a showroom is served by the nearest one when it is close (with the
  distance said), offered when it is far, and asked about when unknown: a showroom hundreds of
  kilometres away is never chosen silently.
"""

from __future__ import annotations

import re

from supercar.llm.offline.language import plain
from supercar.llm.offline.phrasebook import distance_text, say
from supercar.llm.offline.reading import Reading
from supercar.llm.offline.showrooms import PlaceMention, find_showrooms, showroom_places
from supercar.llm.offline.state import State, Step
from supercar.tools.catalog import find_showroom
from supercar.tools.places import find_place, nearest_showroom

THERE_RE = re.compile(r"\b(?:there|that showroom|same place|same showroom|alli|ahi|alla)\b")


def showroom_for(s: State, r: Reading, step: Step) -> str | None:
    """The showroom the message means; may add a note, an offer or a question to the step."""
    if len(r.showrooms) > 1:
        # "Denver me queda lejos. ¿Y en Chicago ese mismo día?": the one the question names
        asked = [sid for sid in find_showrooms(_last_question(r.text)) if sid in r.showrooms]
        return asked[0] if len(asked) == 1 else r.showrooms[0]
    if r.showrooms:
        return r.showrooms[0]
    for mention in showroom_places(r.places):
        return place_showroom(s, mention, step)
    if THERE_RE.search(plain(r.text)) and not s.showroom:
        return focus_showroom(s, step)  # "there": the place we were just talking about
    return None


def _last_question(text: str) -> str:
    """The last sentence that asks ("¿Y en Chicago ese mismo día?"), or nothing."""
    asked = re.findall(r"[^.!?¿]*\?", text)
    return asked[-1] if asked else ""


def focus_showroom(s: State, step: Step) -> str | None:
    """The showroom of the place the conversation is about, if there is one."""
    if not s.focus:
        return None
    ours = find_showrooms(s.focus)
    if ours:
        return ours[0]
    place = find_place(s.focus)
    if place is None:
        return None
    return place_showroom(s, PlaceMention(place.name, place, *nearest_showroom(place)), step)


def focus_on(s: State, showroom_id: str) -> None:
    """The conversation is now about this showroom's city."""
    showroom = find_showroom(showroom_id)
    if showroom is not None:
        s.focus = showroom.city
        seen = [other for other in s.showrooms_seen if other != showroom_id]
        s.showrooms_seen = [*seen, showroom_id]


def place_showroom(s: State, m: PlaceMention, step: Step) -> str | None:
    """The showroom serving a place: near ones directly (with a note), far ones offered."""
    lang = s.lang
    if not m.region:
        s.focus = m.name
    if m.region:
        if m.showroom is None:
            step.reply.append(say("no_showroom_region", lang, place=m.name))
        return m.showroom.id if m.showroom else None
    if m.showroom is None:
        step.reply.append(say("unknown_place", lang, place=m.name))
        return None
    where = dict(showroom=m.showroom.name, place=m.name, distance=distance_text(m.km, lang))
    if m.near:
        step.before.append(say("near", lang, **where))
        return m.showroom.id
    step.reply.append(say("far", lang, **where))
    s.pending, s.suggested = "showroom", m.showroom.id
    return None
