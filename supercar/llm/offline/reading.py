"""What one customer message is about: its requests (intent and the words that carry it), its
kind (question, request, answer) and the things it names. No conversation state here; the
`planner` decides what to do with a `Reading`.

Decisions:
- Only the customer's own words are read (`markup`): fake system or admin parts are dropped.
- Intents are keyword families in both languages, matched on the corrected text, ordered by
  where they first appear. A message is cut into clauses (at punctuation and "and", "also",
  "y", ...); each clause belongs to the intents found in it, and a clause with none to the
  request before it ("the weather in Miami and Chicago"), so each request carries its own
  place and day ("the weather in Denver tomorrow and slots there on Thursday").
- Weather is also asked without the word: how warm or cold it is, what to wear, an umbrella;
  a temperature word counts only with a place, a day or "it"/"outside", so "a hot car" is not
  a weather question.
- A question is never a booking. A slot question ("is 3pm free?", "any times on Friday?",
  "¿hay hueco el viernes?") is availability even when it says "test drive"; whether a request
  that names a time books it is decided in one place, `booking.books`. A bare hour is a time
  where it is asked about or chosen ("what about 4?", "lock in 2"), never a date's or a count's.
- Guards come before tasks: an attempt to change Lex's instructions, a request about another
  customer's booking, and off-topic requests (trivia, jokes, code, politics) are recognised
  first, so no tool runs for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from supercar.llm.offline.cars import find_cars, find_other_car
from supercar.llm.offline.keywords import (
    ADDRESS,
    ARITHMETIC_RE,
    ASK_SHOWROOM_RE,
    AVAILABILITY,
    BARE_HOUR_RE,
    BOOK_VERB_RE,
    BOOKED_RE,
    BOOKING,
    CALENDAR_RE,
    CANCEL_RE,
    CAR_INFO_RE,
    CAR_LIST_RE,
    CATALOGUE,
    CATALOGUE_CLAUSE_RES,
    CLAUSE_BREAK_RE,
    DEFER_RE,
    ELECTRIC_RE,
    GREETING_RE,
    HELP_RE,
    HOUR_CUE_RE,
    HOURS,
    INJECTION_RE,
    INTENT_RES,
    MAKE_SOMETHING_RE,
    MEMORY_RE,
    MOVE_RE,
    NAMED_BOOKER_RE,
    NO_RE,
    NOT_BOOKING_RE,
    OFF_TOPIC_RE,
    OTHER_CUSTOMER_RE,
    PICK_RE,
    QUESTION_RE,
    SHOWROOM_LIST_RE,
    SHOWROOM_REF_RE,
    STRONG_AVAILABILITY_RE,
    SUITS_RE,
    SUPERLATIVE_RE,
    TASKS,
    THANKS_RE,
    THIRD_PARTY_RE,
    TIME_QUESTION_RE,
    VISIT_RE,
    WEAK_WEATHER_RE,
    WEATHER,
    WEATHER_CONTEXT_RE,
    WHICH_CARS_RES,
    YES_RE,
)
from supercar.llm.offline.language import corrected, detect_language
from supercar.llm.offline.markup import customer_words
from supercar.llm.offline.showrooms import PlaceMention, find_places, find_showrooms
from supercar.llm.offline.when import (
    BOUND_RE,
    find_date_words,
    find_period,
    find_time,
    without_dates,
)
from supercar.tools.catalog import CarModel

FOLLOW_UP = "follow_up"  # a request for more of the last answer: "¿y en Nueva York?"
_FOLLOW_UP_RE = re.compile(r"^\W*(?:and|y|what about|how about|que tal|and for|y para)\b")


@dataclass(frozen=True)
class Request:
    """One thing a message asks: its intent and the words that carry it."""

    intent: str
    text: str


@dataclass
class Reading:
    """One message, read: what it asks and names (dates are resolved later, with a clock)."""

    text: str
    lang: str | None
    intents: list[str]
    question: bool
    asks_to_book: bool
    picks: bool  # a request that chooses ("I'd like", "can I have")
    asks_free: bool  # asks whether something is free ("available", "free", "slots")
    showrooms: list[str]
    places: list[PlaceMention]
    cars: list[CarModel]
    other_car: str | None
    time: str | None
    period: tuple[int, int] | None
    flags: set[str] = field(default_factory=set)
    requests: list[Request] = field(default_factory=list)
    whole: str = ""  # for one request of a message: the whole message (its day, if it has none)

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def part(self, text: str) -> Reading:
        """The reading of one request's words, in this message's language."""
        if text == self.text:
            return self
        sub = read(text)
        sub.lang = self.lang
        sub.flags |= self.flags & {"markup", "defer"}
        sub.whole = self.text
        return sub

    @property
    def day_words(self) -> str:
        """The words to read a day from: this request's, else the whole message's ("the weather
        there on Saturday and whether 10am is free")."""
        return self.text if find_date_words(self.text) or not self.whole else self.whole


def _asks_to_book(low: str) -> bool:
    return bool(
        BOOK_VERB_RE.search(low) and not NOT_BOOKING_RE.search(low) and not BOOKED_RE.search(low)
    )


def detect_intents(text: str) -> list[str]:
    """The task intents of a text, ordered by first appearance (see the module docstring)."""
    low = corrected(_EPITHET_RE.sub("", text))  # "the one in sunny SoCal" asks no weather
    if MAKE_SOMETHING_RE.search(low):
        return []  # "a joke about the weather in Chicago": the weather is the joke's topic
    found: dict[str, int] = {}
    for intent, pattern in INTENT_RES.items():
        match = pattern.search(low)
        if match:
            found[intent] = match.start()
    if WEATHER in found and ADDRESS in found:
        if not INTENT_RES[ADDRESS].search(_WHERE_WEATHER_RE.sub(" ", low)):
            del found[ADDRESS]  # "¿dónde hace más calor?" compares the weather of places
    if ADDRESS in found and _PROXIMITY_RE.search(low):
        told = _told_proximity(low)
        if told != low and not INTENT_RES[ADDRESS].search(told):
            del found[ADDRESS]  # "the Denver store is closer to my in-laws.", "me pilla lejos."
    if ADDRESS in found and not INTENT_RES[ADDRESS].search(SHOWROOM_REF_RE.sub(" ", low)):
        del found[ADDRESS]  # "at your Rocky Mountain location" names the showroom
    if WEATHER not in found:
        weak = WEAK_WEATHER_RE.search(low)
        if weak and (WEATHER_CONTEXT_RE.search(low) or find_places(text)):
            found[WEATHER] = weak.start()  # "is it cold in Chicago?", "will it be hot?"
    check = _CHECK_RE.search(low)
    if check and not set(found) & {AVAILABILITY, BOOKING, WEATHER}:
        if find_date_words(text) and (find_cars(text) or find_showrooms(text)):
            found[AVAILABILITY] = check.start()  # "could you check the LA showroom this Friday?"
    suits = SUITS_RE.search(low)
    # the slot before or after: "¿las 3 está bien?", "¿os viene bien el jueves a las 10?"
    near = low[max(0, suits.start() - 25) : suits.end() + 25] if suits else ""
    if suits and _names_a_slot(near) and WEATHER not in found:
        found.setdefault(AVAILABILITY, suits.start())  # "does 3pm work?": free times, not hours
        found.pop(HOURS, None)
    if HOURS in found and _THAT_OPEN_RE.search(low) and (find_time(text) or _asked_hour(text)):
        found.setdefault(AVAILABILITY, found.pop(HOURS))  # "what about 4 then, is that open?"
    if AVAILABILITY in found and HOURS in found:
        if STRONG_AVAILABILITY_RE.search(low):
            del found[HOURS]  # "open slots", "any free times before you close?"
        else:
            del found[AVAILABILITY]  # "what time do you open?"
    if WEATHER in found and find_cars(text) and not find_places(text) and not find_date_words(text):
        del found[WEATHER]  # "is the Spyder good in the rain?" is about the car
    if WEATHER in found and BOOKING in found and not _asks_to_book(low) and not find_time(text):
        del found[BOOKING]  # "what should I wear for my test drive?" asks about the weather
    if BOOKING in found and NOT_BOOKING_RE.search(low):
        booking = found.pop(BOOKING)
        if "?" in text or not DEFER_RE.search(low):
            found.setdefault(AVAILABILITY, booking)  # "don't book yet: what's free?"
        # else "I'll give them a ring before booking anything": putting it off, no request
    if AVAILABILITY in found:
        if BOOKING in found:
            if _asks_to_book(low) and find_time(text):
                del found[AVAILABILITY]  # "is 11am free? book it"
            else:
                del found[BOOKING]  # "is 3pm free for a test drive?"
    if HOURS in found and (ADDRESS in found or BOOKING in found):
        # "where and when are you open" is both; "book a slot before you close" is a booking
        if BOOKING in found:
            del found[HOURS]
    return sorted(found, key=found.__getitem__)


# "could you check the LA showroom this Friday for the Urban?": with a day and a showroom or a car
_CHECK_RE = re.compile(
    r"\b(?:check|look (?:at|into)|see what'?s|mira(?:me)?|revisa(?:me)?|consulta(?:me)?|chequea)\b"
)
# Nearness told, not asked: "Denver's closer for me.", "me pilla lejos." (a sentence that is
# no question) says which showroom suits; "which one is closer?", "¿queda lejos?" ask.
_PROXIMITY_RE = re.compile(
    r"\b(?:closer|nearer|closest|nearest|lejos|cerca|far(?:ther)?|further)\b"
)
_SENTENCE_RE = re.compile(r"[^.!?]*[.!?]?")
_ASKS_RE = re.compile(
    r"^\W*(?:which|what|how|where|is|are|does|do|cual|que|donde|esta|queda|hay)\b"
)


def _told_proximity(low: str) -> str:
    """The text with its nearness words removed from the sentences that tell, not ask."""
    sentences = []
    for sentence in _SENTENCE_RE.findall(low):
        if sentence and not sentence.rstrip().endswith("?") and not _ASKS_RE.search(sentence):
            sentence = _PROXIMITY_RE.sub(" ", sentence)
        sentences.append(sentence)
    return "".join(sentences)


# "where is it warmer", "¿dónde hace más calor?", "where will it rain": places compared by their
# weather, no address asked.
_WHERE_WEATHER_RE = re.compile(
    r"\b(?:where|donde)(?:'?s| is)?\b(?= (?:\w+ ){0,3}?(?:warm|cold|hot|chill|cool|sunn|rain|snow|"
    r"calor|frio|fresco|sol\b|llov|llue|niev|temperatura))"
)
# "is that open?", "are those still open?" after a time: the slot, not the showroom's hours.
_THAT_OPEN_RE = re.compile(
    r"\b(?:is|are) (?:that|those)(?: one| slot| time| hour)?(?: still| also| too)? open\b"
)
# A weather word worn by a name: "sunny SoCal", "rainy Seattle", "la soleada Málaga".
_EPITHET_RE = re.compile(r"\b(?:sunny|rainy|snowy|windy|soleada|soleado|lluviosa)\s+(?=[A-ZÁÉÍÓÚ])")


def _names_a_slot(words: str) -> bool:
    return bool(find_time(words) or find_date_words(words) or BARE_HOUR_RE.search(words))


def _asked_hour(text: str) -> str | None:
    """The bare hour of a question about a time ("does 10 work?", "what about 4 then?", "is 3
    better?") or of a choice ("maybe 5", "lock in 2"), 1-7 being the afternoon as everywhere;
    never a date's number ("is Dec 3 free?")."""
    low = without_dates(text)
    number = None
    asked = SUITS_RE.search(low) or TIME_QUESTION_RE.search(low)
    if asked is not None:
        number = BARE_HOUR_RE.search(low[max(0, asked.start() - 25) : asked.end() + 25])
    for cue in HOUR_CUE_RE.finditer(low):
        after = cue.end() + 1
        after += 4 if low.startswith("the ", after) else 0  # "book the 11"
        number = number or BARE_HOUR_RE.match(low, after)  # "maybe 5", "book 4"
    if number is None:
        return None
    hour = int(number.group(1))
    return f"{hour + 12 if hour <= 7 else hour:02d}:00"


def read(text: str) -> Reading:
    own = customer_words(text)
    text = own.text
    low = corrected(text)
    flags = set()
    for flag, pattern in (
        ("injection", INJECTION_RE),
        ("other_customer", OTHER_CUSTOMER_RE),
        ("third_party", THIRD_PARTY_RE),
        ("off_topic", OFF_TOPIC_RE),
        ("cancel", CANCEL_RE),
        ("move", MOVE_RE),
        ("memory", MEMORY_RE),
        ("electric", ELECTRIC_RE),
        ("car_list", CAR_LIST_RE),
        ("showroom_list", SHOWROOM_LIST_RE),
        ("car_info", CAR_INFO_RE),
        ("superlative", SUPERLATIVE_RE),
        ("greeting", GREETING_RE),
        ("thanks", THANKS_RE),
        ("help", HELP_RE),
        ("calendar", CALENDAR_RE),
        ("defer", DEFER_RE),
        ("ask_showroom", ASK_SHOWROOM_RE),
        ("yes", YES_RE),
        ("no", NO_RE),
    ):
        if pattern.search(low):
            flags.add(flag)
    if ARITHMETIC_RE.search(low) or MAKE_SOMETHING_RE.search(low):
        flags.add("off_topic")
    if NAMED_BOOKER_RE.search(text):
        flags.add("other_customer")
    if own.dropped:
        flags.add("markup")
        if not re.search(r"[a-z]{3}", low):
            flags.add("injection")  # nothing but instructions
    intents = _message_intents(text)
    if intents and any(
        MEMORY_RE.search(corrected(text[a:b])) and not detect_intents(text[a:b])
        for a, b in _clauses(text)
    ):
        flags.add("asks_memory")  # "... and remind me what my confirmation code was"
    cars = find_cars(text)
    reading = Reading(
        text=text,
        lang=detect_language(text),
        intents=intents,
        question=bool(QUESTION_RE.search(low)),
        asks_to_book=_asks_to_book(low),
        picks=bool(PICK_RE.search(low)),
        asks_free=bool(STRONG_AVAILABILITY_RE.search(low)),
        showrooms=find_showrooms(text),
        places=find_places(text),
        cars=cars,
        other_car=find_other_car(text),
        time=find_time(BOUND_RE.sub(" ", low)) or _asked_hour(text),  # not "after 2pm"
        period=find_period(text),
        flags=flags,
    )
    reading.requests = _requests(text, intents, bool(cars or reading.other_car))
    return reading


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in CLAUSE_BREAK_RE.finditer(text):
        if text[start : match.end()].strip(" ,"):
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _message_intents(text: str) -> list[str]:
    """The intents of a whole message: each clause's own (so "the hours on Saturday, and a slot
    that day" keeps both), one test-drive task for the message, in the order asked."""
    whole = detect_intents(text)
    spans = _clauses(text)
    if len(spans) <= 1:
        return whole
    task = next((i for i in whole if i in TASKS), None)
    merged: list[str] = []
    asked, visits = set(), set()
    for start, end in spans:
        clause = text[start:end]
        found = detect_intents(clause)
        if found == [AVAILABILITY] and _only_a_visit(clause):
            visits.add(AVAILABILITY)
        elif "?" in clause or QUESTION_RE.search(corrected(clause)):
            asked |= set(found)
        for intent in found:
            if intent in TASKS:
                task = task or intent
                intent = task
            if intent not in merged:
                merged.append(intent)
    if visits and asked and not asked & set(TASKS):
        merged = [i for i in merged if i not in visits]  # the visit is the question's context
    if HOURS in merged and HOURS not in whole and AVAILABILITY in whole:
        # "what about 4 then, is that open?": the time of one clause makes the other's "open" a
        # slot's; the whole message says so
        merged = list(dict.fromkeys(AVAILABILITY if i == HOURS else i for i in merged))
    return merged


def _names_a_place(clause: str) -> bool:
    return bool(find_places(clause) or find_showrooms(clause))


def _only_a_visit(clause: str) -> bool:
    """A visit told, not a request for times: "heading to Chicago tomorrow to look at the Volt"
    (not "can I come in Friday?", "any slots when I visit?")."""
    low = corrected(clause)
    return (
        bool(VISIT_RE.search(low))
        and "?" not in clause
        and not (_ASKS_WHEN_RE.search(low) or STRONG_AVAILABILITY_RE.search(low))
        and not (PICK_RE.search(low) or _asks_to_book(low))
    )


# "can I come in Friday", "when could we stop by": a visit asked for, not told.
_ASKS_WHEN_RE = re.compile(
    r"\b(?:(?:can|could|may|should|shall) (?:i|we)|when|what time|puedo|podemos|cuando)\b"
)


def _requests(text: str, intents: list[str], names_a_car: bool) -> list[Request]:
    """The message's requests in the order asked, each with the clauses that carry it."""
    task = next((i for i in intents if i in TASKS), None)
    spans = _clauses(text)
    owners: list[list[str]] = []
    for start, end in spans:
        clause = text[start:end]
        found: list[str] = []
        for intent in detect_intents(clause):
            mine = task if intent in TASKS else intent
            if mine is not None and mine in intents and mine not in found:
                found.append(mine)
        low = corrected(clause)
        if intents and any(pattern.search(low) for pattern in WHICH_CARS_RES):
            found.insert(0, CATALOGUE)  # "anything electric I could try in Chicago?"
        elif not found and names_a_car and intents:
            if any(pattern.search(low) for pattern in CATALOGUE_CLAUSE_RES):
                found = [CATALOGUE]  # "... and how much is the Volt?"
        owners.append(found)
    # A sentence told after a question that names its place ("Is it chilly in Boston? thinking
    # of driving down to NYC") is context: its places and days are no part of the question
    # (but "can you book a test drive? She wants the Spyder in Denver" completes it).
    told = {
        index
        for index in range(1, len(spans))
        if not owners[index]
        and text[: spans[index][0]].rstrip().endswith("?")
        and "?" not in text[spans[index][0] : spans[index][1]]
        and len(text[spans[index][0] : spans[index][1]].split()) > 4
        and _names_a_place(text[spans[index - 1][0] : spans[index - 1][1]])
    }
    # "¿Y en Nueva York? Es que quiero ir el sábado, ¿qué horarios tienen?": a place asked alone
    # before a test-drive request follows up the last answer (the planner knows its topic)
    follow = 0  # the first follow-up clause, if any
    for index, (start, end) in enumerate(spans):
        clause = text[start:end]
        later = {intent for found in owners[index + 1 :] for intent in found}
        if not owners[index] and later and later <= set(TASKS) and "?" in clause:
            if _FOLLOW_UP_RE.search(corrected(clause)) and _names_a_place(clause):
                owners[index], follow = [FOLLOW_UP], follow or index
    for index in range(1, len(owners)):  # a clause with no intent continues the one before
        if index not in told:
            before = [intent for intent in owners[index - 1] if intent != FOLLOW_UP]
            owners[index] = owners[index] or before
    first = next((found for found in owners if found and found != [FOLLOW_UP]), [])
    # (a greeting or thanks before the follow-up is no part of the request after it)
    owners = [found or ([] if i in told or i < follow else first) for i, found in enumerate(owners)]
    order: list[str] = []
    pieces: dict[str, list[tuple[int, int]]] = {}
    for (start, end), found in zip(spans, owners, strict=True):
        for intent in found:
            if intent not in order:
                order.append(intent)
            runs = pieces.setdefault(intent, [])
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)  # contiguous clauses stay one piece of text
            else:
                runs.append((start, end))
    if len(order) <= 1 and not told:
        return [Request(intent, text) for intent in order]
    return [
        Request(intent, " ".join(text[a:b].strip() for a, b in pieces[intent])) for intent in order
    ]
