"""The chat page at GET /, driven in a real Chromium by Playwright, against a real server.

What a person sees is asserted: the streamed text, each tool card's content, the error lines,
the model badge; plus what they must not see (console errors, stray `\\r`, "undefined",
injected HTML). Each test saves a screenshot of the finished conversation under
test-results/browser/ (gitignored; CI can keep it as an artifact).

Chromium is Debian's (`/usr/bin/chromium`, or $CHROMIUM): Playwright is only the driver here and
downloads nothing. Without Chromium these tests skip with a reason, except in CI, where
.ci/run installs it and sets SUPERCAR_REQUIRE_BROWSER=1 so a missing browser fails instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from supercar.app import create_app
from supercar.config import Settings
from tests.fakes.fake_groq import FakeGroq, Script, tool_call, words
from tests.helpers import LiveServer, open_weekday

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULTS = Path(__file__).resolve().parent.parent / "test-results" / "browser"
TIMEOUT_MS = 10_000
# What a broken renderer leaks into the page: a CR from CRLF, JS's placeholders, bad UTF-8.
STRAY = ("\r", "undefined", "null", "NaN", "[object Object]", "\ufffd")


def _browser_missing() -> str | None:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(
        CHROMIUM
    ):
        return (
            f"Chromium not found at {CHROMIUM}: install it (`sudo apt-get install chromium`) "
            "or set CHROMIUM=/path/to/chromium to run the browser tests"
        )
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -r requirements-dev.txt)"
    return None


# Decided once for the module, so `make test` prints one clear SKIPPED line, not one per test.
_MISSING = _browser_missing()
if _MISSING:
    if os.environ.get("SUPERCAR_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"SUPERCAR_REQUIRE_BROWSER=1 but {_MISSING}")
    pytest.skip(_MISSING, allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Chat:
    """A page plus everything it complained about, with the few actions a person takes."""

    page: Any
    url: str
    problems: list[str] = field(default_factory=list)

    def send(self, text: str) -> None:
        self.page.get_by_label("Message Lex").fill(text)
        self.page.keyboard.press("Enter")
        self.wait_idle()

    def wait_idle(self) -> None:
        # The Send button is disabled exactly while a turn streams.
        self.page.wait_for_function(
            "() => !document.getElementById('send').disabled", timeout=TIMEOUT_MS
        )

    def replies(self) -> Any:
        return self.page.locator("article.msg.assistant")

    def last_reply(self) -> Any:
        return self.replies().last

    def assert_clean(self, name: str, expected: tuple[str, ...] = ()) -> None:
        """No console errors (but the `expected` ones), no stray characters; saves the
        screenshot."""
        RESULTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
        assert [p for p in self.problems if not any(e in p for e in expected)] == []
        shown = self.page.locator("#log").inner_text()
        for stray in STRAY:
            assert stray not in shown, f"{stray!r} on the page"


@pytest.fixture
def open_chat(browser: Any) -> Iterator[Callable[..., Chat]]:
    contexts: list[Any] = []

    def open_(url: str, **context_options: Any) -> Chat:
        options = {"viewport": {"width": 900, "height": 1100}, "locale": "en-US"}
        options.update(context_options)
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        chat = Chat(page, url)

        def on_console(msg: Any) -> None:
            if msg.type == "error":
                chat.problems.append(f"console: {msg.text}")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: chat.problems.append(f"page error: {exc}"))
        page.goto(url)
        return chat

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def groq_server(
    fake_groq: FakeGroq, make_settings: Callable[..., Settings]
) -> Iterator[tuple[str, FakeGroq]]:
    """The app on loopback with the scripted fake Groq behind it."""
    with LiveServer(create_app(make_settings(max_query_chars=200))) as server:
        yield server.url + "/", fake_groq


def last_user_message(fake: FakeGroq, request_index: int) -> str:
    messages = fake.requests[request_index]["messages"]
    content: str = next(m for m in reversed(messages) if m["role"] == "user")["content"]
    return content


def test_plain_question_streams_text_as_text(groq_server: tuple[str, FakeGroq], open_chat):
    url, fake = groq_server
    # A newline travels as two `data:` lines; the angle brackets must stay text.
    fake.push(Script(words("Hello! I'm Lex.\nI can show you the <b>SuperCar GT</b> & more.")))
    chat = open_chat(url)
    page = chat.page
    assert page.evaluate("document.activeElement.id") == "input"  # type straight away
    page.get_by_text("Groq · openai/gpt-oss-120b").wait_for()

    chat.send("Hi there")

    assert page.locator("article.msg.user").last.inner_text().endswith("Hi there")
    text = chat.last_reply().locator(".text").inner_text()
    assert text == "Hello! I'm Lex.\nI can show you the <b>SuperCar GT</b> & more."
    assert chat.last_reply().locator("b").count() == 0  # no HTML from model output
    assert last_user_message(fake, 0) == "Hi there"
    chat.assert_clean("plain-question")


def test_weather_question_shows_activity_then_card(groq_server, open_chat):
    url, fake = groq_server
    fake.push(
        Script([tool_call("get_weather", {"city": "Paris"})]),
        Script(words("Lovely weather for a drive in Paris."), ttft=0.3),
    )
    chat = open_chat(url)
    page = chat.page
    # Record every activity label shown, however briefly: the tool takes milliseconds and its
    # tool_use and tool_output often arrive in one read, so the label changes twice before an
    # observer runs. Each change replaces the label's text node, and the mutation records
    # keep the replaced nodes, so no label is missed.
    page.evaluate(
        """() => {
          window.seenActivity = [];
          const seen = (text) => {
            if (text && !window.seenActivity.includes(text)) window.seenActivity.push(text);
          };
          new MutationObserver((records) => {
            for (const r of records) {
              if (!(r.target.classList && r.target.classList.contains('activity'))) continue;
              [...r.addedNodes, ...r.removedNodes].forEach(n => seen(n.textContent));
            }
          }).observe(document.getElementById('log'), {subtree: true, childList: true});
        }"""
    )

    chat.send("What's the weather in Paris?")

    assert "Checking the weather…" in page.evaluate("window.seenActivity")
    reply = chat.last_reply()
    card = reply.locator("section.card.weather")
    # text_content, not inner_text: headings are uppercased by CSS only.
    assert card.locator("h2").text_content() == "Weather · Paris"
    # The page shows the true temperature, below zero too (the tests' weather is simulated).
    assert re.fullmatch(r"-?\d{1,2}°C", card.locator(".big").inner_text())
    condition = card.locator("p").nth(1).inner_text()
    assert re.match(
        r"(Sunny|Cloudy|Rainy|Snowy|Clear|Overcast|Foggy|Windy|Thunderstorm|Hazy) · \w{3}, ",
        condition,
    )
    assert condition.endswith(" · simulated")
    assert reply.locator(".text").inner_text() == "Lovely weather for a drive in Paris."
    assert reply.locator(".activity").count() == 0  # the indicator is gone once done
    chat.assert_clean("weather")


def test_address_card_links_to_maps(groq_server, open_chat):
    url, fake = groq_server
    fake.push(
        Script([tool_call("get_dealership_address", {"dealership_id": "miami"})]),
        Script(words("Here is our Miami showroom.")),
    )
    chat = open_chat(url)
    chat.send("Where is the Miami showroom?")
    card = chat.last_reply().locator("section.card.address")
    text = card.inner_text()
    assert "400 Biscayne Blvd, Miami, FL 33132" in text
    assert "Hours: Mon-Sat 10am-8pm, Sun 11am-5pm" in text
    assert card.get_by_role("link", name="+1 (305) 555-0142").get_attribute("href") == (
        "tel:+13055550142"
    )
    maps = card.get_by_role("link", name=re.compile("Open in Maps"))
    assert maps.get_attribute("href") == (
        "https://www.google.com/maps/search/?api=1&query="
        "SuperCar%20Miami%2C%20400%20Biscayne%20Blvd%2C%20Miami%2C%20FL%2033132"
    )
    chat.assert_clean("address")


def test_booking_flow_from_a_clicked_slot(groq_server, open_chat):
    url, fake = groq_server
    day = open_weekday(days_ahead=2)
    fake.push(
        Script(
            [
                tool_call(
                    "check_appointment_availability", {"dealership_id": "manhattan", "date": day}
                )
            ]
        ),
        Script(words(f"These times are free on {day}. Pick one below.")),
    )
    chat = open_chat(url)
    page = chat.page
    chat.send(f"Can I test drive the SuperCar GT at Manhattan on {day}?")

    slots = chat.last_reply().locator("section.card.availability")
    assert slots.locator("h2").text_content() == "Test-drive slots · SuperCar Manhattan"
    times = slots.get_by_role("button").all_inner_texts()
    assert times[:3] == ["09:00", "10:00", "11:00"] and times[-1] == "18:00"

    slots.get_by_role("button", name="11:00").click()
    prefilled = f"Book a test drive of the SuperCar GT at SuperCar Manhattan on {day} at 11:00."
    assert page.get_by_label("Message Lex").input_value() == prefilled
    assert page.evaluate("document.activeElement.id") == "input"  # ready for Enter
    assert slots.get_by_role("button", name="11:00").get_attribute("aria-pressed") == "true"

    fake.push(
        Script(
            [
                tool_call(
                    "schedule_appointment",
                    {
                        "dealership_id": "manhattan",
                        "date": day,
                        "time": "11:00",
                        "car_model": "SuperCar GT",
                    },
                )
            ]
        ),
        Script(words("You're booked! See you at the showroom.")),
    )
    page.keyboard.press("Enter")
    chat.wait_idle()

    assert last_user_message(fake, 2) == prefilled  # what the model was asked
    booked = chat.last_reply().locator("section.card.booked")
    assert booked.locator("h2").text_content() == "Test drive booked"
    text = booked.inner_text()
    assert "SuperCar GT" in text and "SuperCar Manhattan" in text and "at 11:00" in text
    assert re.search(r"Confirmation SC-[0-9A-F]{8}", text)
    assert chat.last_reply().locator(".text").inner_text() == (
        "You're booked! See you at the showroom."
    )
    # The booked time is no longer offered in the earlier card, nor after a reload.
    slots = chat.replies().first.locator("section.card.availability")
    for _ in range(2):
        taken = slots.get_by_role("button", name="11:00 · booked")
        assert taken.is_disabled() and taken.get_attribute("aria-pressed") == "false"
        assert slots.get_by_role("button", name="12:00").is_enabled()
        page.reload()
        slots = chat.replies().first.locator("section.card.availability")
    chat.assert_clean("booking-flow")


def test_a_clicked_time_with_no_car_known_prepares_a_whole_sentence(groq_server, open_chat):
    url, fake = groq_server
    day = open_weekday(days_ahead=2)
    fake.push(
        Script(
            [
                tool_call(
                    "check_appointment_availability", {"dealership_id": "manhattan", "date": day}
                )
            ]
        ),
        Script(words("Here are the free times.")),
    )
    chat = open_chat(url)
    chat.send(f"What times are free at Manhattan on {day}?")
    slots = chat.last_reply().locator("section.card.availability")
    slots.get_by_role("button", name="14:00").click()
    assert chat.page.get_by_label("Message Lex").input_value() == (
        f"Book a test drive at SuperCar Manhattan on {day} at 14:00; which cars can I try?"
    )
    chat.assert_clean("slot-without-car")


def test_a_failed_card_speaks_to_the_customer(groq_server, open_chat):
    url, fake = groq_server
    fake.push(
        Script([tool_call("get_dealership_address", {"dealership_id": "atlantis"})]),
        Script(words("I couldn't find that showroom.")),
    )
    chat = open_chat(url)
    chat.send("Where is the Atlantis showroom?")
    failed = chat.last_reply().locator("section.card.failed")
    assert failed.locator("h2").text_content() == "Showroom not found"
    assert failed.locator("p").inner_text() == "We couldn't find that showroom"
    chat.assert_clean("failed-card")


def test_a_spanish_conversation_gets_spanish_cards_through_groq(groq_server, open_chat):
    url, fake = groq_server
    fake.push(
        Script([tool_call("get_dealership_address", {"dealership_id": "atlantis"})]),
        Script(words("No encontré ese concesionario.")),
    )
    chat = open_chat(url)
    chat.send("¿Dónde está el concesionario de Atlantis?")
    failed = chat.last_reply().locator("section.card.failed")
    assert failed.locator("p").inner_text() == "No encontramos ese concesionario"

    fake.push(
        Script(
            [
                tool_call(
                    "schedule_appointment",
                    {
                        "dealership_id": "miami",
                        "date": open_weekday(days_ahead=2, showroom_tz="America/New_York"),
                        "time": "11:00",
                        "car_model": "Ferrari",
                    },
                )
            ]
        ),
        Script(words("No tenemos ese modelo.")),
    )
    chat.send("Ferrari, 11:00")  # no language of its own: the conversation's
    failed = chat.last_reply().locator("section.card.failed")
    assert failed.locator("p").inner_text().startswith("No tenemos ese coche; nuestros modelos")

    fake.push(
        Script([tool_call("get_weather", {"city": "Londres"})]),
        Script(words("En Londres hace fresco.")),
    )
    chat.send("¿Y el tiempo en Londres?")
    card = chat.last_reply().locator("section.card.weather")
    assert card.locator("h2").text_content() == "Weather · London"  # the card still parses
    assert re.fullmatch(r"-?\d{1,2}°C", card.locator(".big").inner_text())
    chat.assert_clean("spanish-cards")


@pytest.mark.parametrize("width", [320, 360, 390, 900])
def test_the_placeholder_fits_the_input_on_one_line(groq_server, open_chat, width):
    url, _ = groq_server
    chat = open_chat(url, viewport={"width": width, "height": 800})
    fits = chat.page.evaluate(
        """() => {
          const input = document.getElementById('input');
          const style = getComputedStyle(input);
          const ctx = document.createElement('canvas').getContext('2d');
          ctx.font = style.font;
          const room = input.clientWidth - parseFloat(style.paddingLeft)
                       - parseFloat(style.paddingRight);
          return {text: ctx.measureText(input.placeholder).width, room: room,
                  scroll: input.scrollWidth, client: input.clientWidth,
                  placeholder: input.placeholder};
        }"""
    )
    assert fits["text"] <= fits["room"], fits
    assert fits["scroll"] <= fits["client"], fits
    # Nor does anything else overflow the screen (the model badge gives way on a phone).
    assert chat.page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    if width >= 900:
        assert fits["placeholder"] == "Ask Lex about the cars, a showroom, a test drive…"
    chat.assert_clean(f"placeholder-{width}")


def test_session_survives_reload_and_new_conversation_resets_it(groq_server, open_chat):
    url, fake = groq_server
    fake.push(Script(words("First answer.")), Script(words("Second answer.")))
    chat = open_chat(url)
    page = chat.page
    chat.send("First question")
    session = page.evaluate("JSON.parse(localStorage.getItem('supercar.lex.chat')).sessionId")

    page.reload()
    # The conversation is redrawn and the next turn continues the same server session.
    assert chat.last_reply().locator(".text").inner_text() == "First answer."
    with page.expect_request("**/query") as request:
        chat.send("Second question")
    assert request.value.post_data_json["session_id"] == session
    assert [m["role"] for m in fake.requests[1]["messages"]][1:] == ["user", "assistant", "user"]

    page.get_by_role("button", name="New conversation").click()
    assert page.locator("article.msg").count() == 0
    page.get_by_text("Hi, I'm Lex.").wait_for()
    new = page.evaluate("JSON.parse(localStorage.getItem('supercar.lex.chat')).sessionId")
    assert new != session and re.fullmatch(r"web-[0-9a-f]{32}", new)
    chat.assert_clean("session")


def test_an_over_long_message_is_answered_in_the_chat(groq_server, open_chat):
    url, fake = groq_server
    chat = open_chat(url)
    chat.send("x" * 250)  # over max_query_chars=200: answered, never sent to the model
    reply = chat.last_reply()
    assert "shorten it" in reply.locator(".text").inner_text()
    assert "query_too_long" in reply.get_by_role("alert").inner_text()
    assert fake.requests == []
    chat.assert_clean("too-long")


def test_refused_request_shows_the_servers_message(groq_server, open_chat):
    url, _ = groq_server
    chat = open_chat(url)
    words = "The previous question in this conversation has not finished; ask again in 12 s."
    busy = {"code": "session_busy", "message": words}
    chat.page.route(
        "**/query",
        lambda route: route.fulfill(status=409, json=busy),
    )
    chat.send("Hello")
    alert = chat.last_reply().get_by_role("alert")
    assert alert.inner_text() == f"⚠ {words}"
    # Chromium itself logs every non-2xx response on the console; that one is expected.
    chat.assert_clean("refused", expected=("status of 409",))


def test_error_event_is_visible(groq_server, open_chat):
    url, fake = groq_server
    fake.push(Script.http_error(401, "Invalid API Key", code="invalid_api_key"))
    chat = open_chat(url)
    chat.send("Hello?")
    reply = chat.last_reply()
    assert "can't reach my language service" in reply.locator(".text").inner_text()
    assert reply.get_by_role("alert").inner_text() == (
        "⚠ This answer stopped early (upstream_auth). Ask again to retry."
    )
    chat.assert_clean("error-event")


def test_sse_parser_accepts_crlf_cr_comments_and_multiline_data(groq_server, open_chat):
    """The page's parser, fed bytes no sse-starlette server sends, via a routed response."""
    url, _ = groq_server
    chat = open_chat(url)
    page = chat.page
    weather = (
        '{"name":"get_weather","output":"The weather in Oslo is 3°C and snowy.",'
        '"data":{"city":"Oslo","temperature_c":3,"condition":"snowy","date":"2026-01-05"},'
        '"tool_call_id":"c1","is_error":false}'
    )
    body = (
        "\ufeff: a comment, then CRLF lines\r\n"
        "event: chunk\r\ndata: Line one\r\ndata:line two\r\n\r\n"
        "retry: 1000\rid: 7\revent: chunk\rdata:  two spaces kept\r\r"
        ": ping\n\nevent: tool_use\ndata: get_weather\n\n"
        f"event: tool_output\ndata: {weather}\n\n"
        "event: end\ndata: \n\n"
        "event: chunk\ndata: after end, ignored\n\n"
    )
    page.route(
        "**/query",
        lambda route: route.fulfill(
            status=200, headers={"Content-Type": "text/event-stream"}, body=body.encode()
        ),
    )
    chat.send("Parse this")
    reply = chat.last_reply()
    assert reply.locator(".text").inner_text() == "Line one\nline two two spaces kept"
    assert reply.locator("section.card.weather .big").inner_text() == "3°C"
    assert reply.get_by_role("alert").count() == 0
    chat.assert_clean("sse-parser")


def test_stream_cut_before_end_is_reported(groq_server, open_chat):
    url, _ = groq_server
    chat = open_chat(url)
    chat.page.route(
        "**/query",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/event-stream"},
            body=b"event: chunk\ndata: Half an ans",
        ),
    )
    chat.send("Hello")
    reply = chat.last_reply()
    assert reply.get_by_role("alert").inner_text() == (
        "⚠ The connection closed before Lex finished. Please ask again."
    )
    chat.assert_clean("stream-cut")


def test_offline_model_books_a_test_drive_on_a_phone_in_dark_mode(open_chat):
    """What a newcomer does: no key, the offline model, a whole booking from the page."""
    settings = Settings(_env_file=None, groq_api_key=None)  # type: ignore[call-arg]
    day = open_weekday(days_ahead=2)
    with LiveServer(create_app(settings)) as server:
        chat = open_chat(
            server.url + "/",
            viewport={"width": 390, "height": 844},
            color_scheme="dark",
            is_mobile=True,
            has_touch=True,
        )
        page = chat.page
        page.get_by_text("offline demo model").wait_for()
        chat.send(f"Can I test drive the SuperCar GT at the Manhattan showroom on {day}?")
        slots = chat.last_reply().locator("section.card.availability")
        first = slots.get_by_role("button").first
        time = first.inner_text()
        first.tap()
        assert page.get_by_label("Message Lex").input_value() == (
            f"Book a test drive of the SuperCar GT at SuperCar Manhattan on {day} at {time}."
        )
        page.get_by_role("button", name="Send").tap()
        chat.wait_idle()

        booked = chat.last_reply().locator("section.card.booked").inner_text()
        assert "SuperCar GT" in booked and f"at {time}" in booked
        assert re.search(r"SC-[0-9A-F]{8}", booked)
        assert re.search(r"SC-[0-9A-F]{8}", chat.last_reply().locator(".text").inner_text())
        # Fits the phone: nothing wider than the screen. Dark mode: light text on dark.
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        colors = page.evaluate(
            """() => {
              const s = getComputedStyle(document.querySelector('article.msg.assistant'));
              return [s.color, s.backgroundColor];
            }"""
        )
        assert colors == ["rgb(236, 236, 240)", "rgb(27, 28, 34)"]
        chat.assert_clean("offline-booking-phone-dark")


# --- changing a booking ---------------------------------------------------------------------

SUPERCAR_CARDS = Path(__file__).resolve().parent / "fakes" / "supercar_cards.html"


def change_turns(fake: FakeGroq) -> Callable[[str, dict[str, str]], None]:
    """Script one turn in which the model calls `tool` with `args`, then answers."""

    def script(tool: str, args: dict[str, str]) -> None:
        fake.push(Script([tool_call(tool, args)]), Script(words("Here is where that stands.")))

    return script


def last_code(fake: FakeGroq) -> str:
    """The confirmation code the last tool result gave the model."""
    return str(json.loads(fake.requests[-1]["messages"][-1]["content"])["confirmation_id"])


@pytest.fixture
def supercar_page(
    fake_groq: FakeGroq, make_settings: Callable[..., Settings]
) -> Iterator[tuple[str, FakeGroq]]:
    """The SuperCar page's card logic (tests/fakes/supercar_cards.html) served from its own
    origin on loopback, and the app on another one that allows it, as in development."""
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse, Response
    from starlette.routing import Route

    html = SUPERCAR_CARDS.read_text()
    page_app = Starlette(
        routes=[
            Route("/", lambda request: HTMLResponse(html)),
            Route("/favicon.ico", lambda request: Response(status_code=204)),
        ]
    )
    with LiveServer(page_app, host="127.0.0.1") as page_server:
        settings = make_settings(cors_origins=[page_server.url])
        with LiveServer(create_app(settings)) as api:
            yield f"{page_server.url}/?api={api.url}", fake_groq


def test_changes_render_cleanly_where_the_supercar_page_draws_unknown_tools(
    supercar_page: tuple[str, FakeGroq], open_chat: Callable[..., Chat]
) -> None:
    """The SuperCar page picks a card by tool name and shows any other tool's `output` under
    "Tool Output: <name>" (a string as it is): each change must read well there."""
    url, fake = supercar_page
    day = open_weekday(days_ahead=4)
    script = change_turns(fake)
    chat = open_chat(url)
    page = chat.page

    def turn(tool: str, args: dict[str, str]) -> Any:
        script(tool, args)
        done = page.locator("section.turn[data-done]")
        count = done.count()
        page.get_by_label("query").fill("...")
        page.keyboard.press("Enter")
        page.wait_for_function(
            f"document.querySelectorAll('section.turn[data-done]').length > {count}",
            timeout=TIMEOUT_MS,
        )
        return done.nth(count)  # this turn's, not whichever is last when it is read

    booked = turn(
        "schedule_appointment",
        {"dealership_id": "miami", "date": day, "time": "14:00", "car_model": "SuperCar GT"},
    )
    assert booked.locator(".known-tool").get_attribute("data-tool") == "schedule_appointment"
    code = last_code(fake)
    move = {"confirmation_code": code, "date": day, "time": "16:00"}
    shown = {
        "asked to move": turn("reschedule_appointment", move),
        "moved": turn("reschedule_appointment", move),
        "asked to cancel": turn("cancel_appointment", {"confirmation_code": code}),
        "cancelled": turn("cancel_appointment", {"confirmation_code": code}),
        "refused": turn("reschedule_appointment", move),
    }
    cards = {what: t.locator(".generic-tool") for what, t in shown.items()}
    heads = {what: card.locator("h3").inner_text() for what, card in cards.items()}
    texts = {what: card.locator("pre").inner_text() for what, card in cards.items()}
    assert heads == {
        "asked to move": "Tool Output: reschedule_appointment",
        "moved": "Tool Output: reschedule_appointment",
        "asked to cancel": "Tool Output: cancel_appointment",
        "cancelled": "Tool Output: cancel_appointment",
        "refused": "Tool Output: reschedule_appointment",
    }
    assert re.fullmatch(
        r"Please confirm: move your SuperCar GT test drive at SuperCar Miami from \w+ \d+ "
        rf"\w+ at 14:00 to \w+ \d+ \w+ at 16:00 \({code}\)\? Nothing has changed yet\.",
        texts["asked to move"],
    )
    assert texts["moved"].startswith("Moved: your SuperCar GT test drive at SuperCar Miami")
    assert texts["asked to cancel"].startswith("Please confirm: cancel your SuperCar GT")
    assert texts["cancelled"].startswith("Cancelled: your SuperCar GT test drive")
    assert texts["refused"] == "Not moved: that test drive was cancelled; we can book a new one."
    for text in texts.values():  # one sentence, never JSON, never a placeholder
        assert "\n" not in text and not re.search(r"[{}\[\]]", text)
    assert shown["cancelled"].locator(".bubble").inner_text() == "Here is where that stands."
    chat.assert_clean("supercar-change-cards")


def test_moving_and_cancelling_show_their_cards_and_free_the_slots(groq_server, open_chat):
    url, fake = groq_server
    day = open_weekday(days_ahead=4)
    script = change_turns(fake)
    chat = open_chat(url)
    script("check_appointment_availability", {"dealership_id": "miami", "date": day})
    chat.send("What's free?")
    slots = chat.replies().first.locator("section.card.availability")
    script(
        "schedule_appointment",
        {"dealership_id": "miami", "date": day, "time": "14:00", "car_model": "SuperCar GT"},
    )
    chat.send("Book 14:00")
    code = last_code(fake)
    assert slots.get_by_role("button", name="14:00 · booked").is_disabled()

    move = {"confirmation_code": code, "date": day, "time": "16:00"}
    script("reschedule_appointment", move)
    chat.send("Move it to 16:00")
    asked = chat.last_reply().locator("section.card.confirm")
    assert asked.locator("h2").text_content() == "Move this test drive?"
    assert "Nothing has changed yet." in asked.inner_text() and code in asked.inner_text()
    assert slots.get_by_role("button", name="16:00").is_enabled()  # nothing changed yet

    script("reschedule_appointment", move)
    chat.send("Yes")
    moved = chat.last_reply().locator("section.card.changed")
    assert moved.locator("h2").text_content() == "Test drive moved"
    assert "at 14:00 → " in moved.inner_text() and moved.inner_text().count("at 16:00") == 1
    assert slots.get_by_role("button", name="14:00").is_enabled()
    assert slots.get_by_role("button", name="16:00 · booked").is_disabled()

    for query in ("Cancel it", "Yes, cancel"):
        script("cancel_appointment", {"confirmation_code": code})
        chat.send(query)
    cancelled = chat.last_reply().locator("section.card.changed")
    assert cancelled.locator("h2").text_content() == "Test drive cancelled"
    assert slots.get_by_role("button", name="16:00").is_enabled()

    script("cancel_appointment", {"confirmation_code": "SC-00000000"})
    chat.send("Cancel SC-00000000")
    refused = chat.last_reply().locator("section.card.failed")
    assert refused.locator("h2").text_content() == "Not cancelled"
    assert refused.locator("p").inner_text() == (
        "we couldn't find a booking with that code in this conversation."
    )
    chat.page.reload()  # redrawn from storage: the slots as they stand
    slots = chat.replies().first.locator("section.card.availability")
    assert slots.get_by_role("button", name="14:00").is_enabled()
    assert slots.get_by_role("button", name="16:00").is_enabled()
    chat.assert_clean("change-cards")
