"""The OFFLINE demo model: a rule-based stand-in for Groq, used when no API key is set.

It is a demo, not a language model, and says so in its greeting and help text. It implements
the same `ChatModel` interface, so a newcomer, the frontend team and the tests can run the whole
flow (streaming, tool calls, cards, bookings) with no key and no network. It understands the
four tasks (weather, showroom address and hours, free test-drive times, booking) and the talk
around them, in English and Spanish, including typos, everyday dates and times, places near a
showroom and cars we do not sell; everything else gets a short, polite decline.

One job per module, in the order a message meets them:
- `language`: English or Spanish; the plain, typo-corrected text the finders read;
- `cars`, `showrooms`, `when`: finders (our cars and others', showrooms and places with the
  nearest showroom, dates, times and parts of the day);
- `reading`: what one message asks (intents, questions, requests, guards): a `Reading`;
- `state`: what Lex knows so far (`State`) and what it will do about a message (`Plan`);
- `replay`: the state rebuilt from the history; `clock`: today's date where it matters;
- `planner`: the plan for one message, which hands each request to its own module:
  `weather`, `showroom_info` (address and hours), `booking` (free times and bookings, slot by
  slot), `where` (which showroom a place means), `catalogue` (answers about our cars in
  words), `own_bookings` (what the customer booked here);
- `report`: the answer once the tools have answered, and what their results change;
- `phrasebook`: every line Lex says, one table per language (`phrasebook/en.py`, `es.py`);
  tool results are put into words by `supercar.tools.summaries`, shared with the terminal client;
- `model`: `OfflineModel`, the streaming `ChatModel`.

Deterministic and pure Python: the same messages and clock give the same answer. `rapidfuzz`
(typo correction) is imported only when the offline model first reads a message.
"""

from supercar.llm.offline.model import OfflineModel

__all__ = ["OfflineModel"]
