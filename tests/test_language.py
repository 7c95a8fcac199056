"""The customer's language: one detector for both modes, and the conversation's when a message
shows none."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from supercar.language import conversation_language, detect_language

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("¿Qué tiempo hace en Madrid?", "es"),
        ("quiero reservar una prueba de manejo", "es"),
        ("What's the weather in Madrid?", "en"),
        ("Book the GT for tomorrow please", "en"),
        ("Miami", None),
        ("3pm", None),
    ],
)
def test_a_message_shows_its_language_or_none(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_a_message_with_no_sign_keeps_the_conversations_language() -> None:
    earlier = ["¿Tienen horario el viernes?", "hola"]  # most recent first
    assert conversation_language("Miami, 11:00", earlier) == "es"
    assert conversation_language("11:00") == "en"  # nothing said yet: English
    assert conversation_language("Thanks, book it", earlier) == "en"  # a switch is followed


def test_the_server_learns_the_language_without_importing_the_offline_model() -> None:
    code = (
        "import sys; import supercar.conversation, supercar.language;"
        "assert not [m for m in sys.modules if m.startswith('supercar.llm.offline')], 'offline'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_the_offline_package_reads_the_same_detector() -> None:
    from supercar.llm.offline import language as offline_language

    assert offline_language.detect_language is detect_language


def test_the_language_module_imports_on_its_own() -> None:
    # It once imported the gazetteer, whose package imports the tools, which import it back:
    # whoever imported it first met a half-built module.
    result = subprocess.run(
        [sys.executable, "-c", "import supercar.language"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
