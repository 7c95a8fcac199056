"""The OFFLINE demo model: a rule-based stand-in for Groq, used when no API key is set.

It is a demo, not a language model, and says so in its greeting and help text. It implements
the same `ChatModel` interface, so a newcomer, the frontend team and the tests can run the whole
flow (streaming, tool calls, cards, bookings) with no key and no network. It understands the
four tasks (weather, showroom address and hours, free test-drive times, booking) and the talk
around them, in English and Spanish, including typos, everyday dates and times, places near a
showroom and cars we do not sell; everything else gets a short, polite decline.

One job per module:
- `language`: English or Spanish; the plain, typo-corrected text the finders read;
- `cars`, `showrooms`, `when`: entity finders (our cars and others', showrooms and places with
  the nearest showroom, dates, times and parts of the day);
- `intents`: what one message asks (tasks, questions, requests, guards);
- `state`: what Lex knows so far and what it plans for one message (plain data);
- `dialogue`: the state rebuilt from the history, and the plan for the last message (tool
  calls, or one question);
- `answers`: the reply to tool results and what they change; `facts`: answers in words from
  the catalogue and the conversation's own bookings;
- `replies` and `results`: the words, in both languages; `results` is also the one reader of
  tool results and refusals, shared with the terminal client;
- `model`: `OfflineModel`, the streaming `ChatModel`.

Deterministic and pure Python: the same messages and clock give the same answer. `rapidfuzz`
(typo correction) is imported only when the offline model first reads a message.
"""

from supercar.llm.offline.model import OfflineModel

__all__ = ["OfflineModel"]
