"""The OFFLINE demo model: a rule-based stand-in for Groq, used when no API key is set.

It is a demo, not a language model, and says so in its greeting and help text. It implements
the same `ChatModel` interface, so a newcomer, the frontend team and the tests can run the whole
flow (streaming, tool calls, cards, bookings and changes to them) with no key and no network. It
reads a message into requests and answers each (weather, showroom address and hours, free
test-drive times, booking, cancelling or moving a booking made here) and the talk around them,
in English and Spanish; everything else gets a short, polite decline. See the README for what
it understands and what it does not, and docs/architecture.md for the module map with arrows.

One job per module, in the order a message meets them:
- `markup`: the customer's own words (fake system/admin/assistant parts set aside);
- `keywords`: the keyword families, in both languages, for every intent and flag;
- `language`: the plain, typo-corrected text the finders read (the language itself is
  `supercar.language`'s, shared with the server);
- `cars`, `showrooms`, `when`: finders (our cars and others', showrooms and places with the
  nearest showroom, dates, times and parts of the day);
- `reading`: one message read into requests (intent and the clauses that carry it): a `Reading`;
- `state`: what Lex knows so far (`State`) and what it will do (`Plan`, one `Step` per request);
- `replay`: the state rebuilt from the history; `clock`: today's date where it matters;
- `planner`: guards, then each request handed to its own module: `weather`, `showroom_info`
  (address and hours), `booking` (free times and bookings, slot by slot; `booking.books` is
  the one rule for whether a time named books or is only checked), `own_bookings`
  (recall, cancel, move), `catalogue` (answers about our cars in words); `where` says which
  showroom a place means;
- `report`: the answer once the tools have answered, and what their results change;
- `phrasebook`: every line Lex says, one table per language (`phrasebook/en.py`, `es.py`);
  tool results are put into words by `supercar.tools.summaries`, shared with the terminal client;
- `model`: `OfflineModel`, the streaming `ChatModel`.

Deterministic and pure Python: the same messages and clock give the same answer. `rapidfuzz`
(typo correction) is imported only when the offline model first reads a message.
"""

from supercar.llm.offline.model import OfflineModel

__all__ = ["OfflineModel"]
