"""The docs say what the code does: each fact that is written in Markdown and in code is checked.

What is checked where: the README is a front door (short, the docs linked on its first screen);
every relative link in the Markdown resolves; docs/contract.md's refusal table is
`supercar.api.errors.REFUSALS` row by row, its stream error table is `ErrorCode` and its apologies,
its tool error codes are `ToolErrorCode`; `Settings`, `.env.example` and docs/operations.md's
settings table name the same settings with the same defaults; and no settings or refusal row is
written in any other Markdown file. The arrows and the module map of docs/architecture.md are
checked by tests/test_architecture.py.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from supercar.api.errors import REFUSALS, RefusalCode
from supercar.config import Settings
from supercar.events import APOLOGIES, ErrorCode
from supercar.tools.base import ToolErrorCode

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CONTRACT = ROOT / "docs" / "contract.md"
OPERATIONS = ROOT / "docs" / "operations.md"
ENV_EXAMPLE = ROOT / ".env.example"
MARKDOWN = [README, *sorted((ROOT / "docs").glob("*.md"))]


def table_after(path: Path, header: str) -> list[list[str]]:
    """The rows (cells stripped) of the Markdown table whose header line is `header`."""
    lines = path.read_text().splitlines()
    assert header in lines, f"{path.relative_to(ROOT)} has no table headed {header!r}"
    rows = []
    for line in lines[lines.index(header) + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def unquote(cell: str) -> str | None:
    """`value` -> value; a cell without backticks ("empty", "Groq's") describes no value."""
    match = re.fullmatch(r"`([^`]*)`", cell)
    return match.group(1) if match else None


# --- The README ------------------------------------------------------------------------------


def test_the_readme_is_a_front_door_of_at_most_260_lines() -> None:
    lines = README.read_text().splitlines()
    assert len(lines) <= 260, f"README.md has {len(lines)} lines; move detail into docs/"


def test_the_readme_links_the_architecture_on_its_first_screen() -> None:
    first_screen = "\n".join(README.read_text().splitlines()[:30])
    assert "(docs/architecture.md)" in first_screen


def test_the_readme_links_the_deploy_and_operations_docs() -> None:
    text = README.read_text()
    for doc in ("docs/deploy.md", "docs/operations.md", "docs/contract.md"):
        assert f"({doc}" in text, f"README.md does not link {doc}"


def _anchors(path: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    anchors = set()
    for line in path.read_text().splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


@pytest.mark.parametrize("doc", MARKDOWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_in_the_markdown_resolves(doc: Path) -> None:
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text()):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not ours to check
        file, _, anchor = target.partition("#")
        linked = (doc.parent / file).resolve() if file else doc
        if not linked.exists():
            broken.append(f"{target}: no file {linked.relative_to(ROOT)}")
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            broken.append(f"{target}: no heading #{anchor} in {linked.relative_to(ROOT)}")
    assert not broken, f"{doc.relative_to(ROOT)} has broken links: {broken}"


# --- The contract: refusals, stream errors, tool errors ----------------------------------------

REFUSAL_HEADER = "| status | `code` | when |"


def test_the_contracts_refusal_table_is_the_refusals_in_code_row_by_row() -> None:
    expected = [
        [str(r.status), f"`{r.code}`" if r.code else "(plain text)", r.when] for r in REFUSALS
    ]
    rows = table_after(CONTRACT, REFUSAL_HEADER)
    render = "\n".join(f"| {' | '.join(row)} |" for row in expected)
    assert rows == expected, (
        "docs/contract.md's refusal table differs from supercar/api/errors.py REFUSALS; change "
        f"REFUSALS first, then make the table read:\n{render}"
    )


def test_every_refusal_code_is_in_the_table_or_is_the_catch_all() -> None:
    tabled = {r.code for r in REFUSALS if r.code}
    assert set(typing.get_args(RefusalCode)) == tabled | {"http_error"}
    assert "`http_error`" in CONTRACT.read_text()


def test_the_openapi_document_of_post_query_lists_each_refusal_under_its_status(
    app: FastAPI,
) -> None:
    responses = app.openapi()["paths"]["/query"]["post"]["responses"]
    for refusal in REFUSALS:
        if not refusal.on_query:
            assert str(refusal.status) not in responses
            continue
        description = responses[str(refusal.status)]["description"]
        assert (f"`{refusal.code}`" if refusal.code else "Plain text") in description
        if refusal.code:
            schema = responses[str(refusal.status)]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/ErrorBody"}


def test_the_contracts_stream_error_table_is_error_code_and_its_apologies() -> None:
    rows = table_after(CONTRACT, "| code | cause | the apology begins |")
    assert [row[0] for row in rows] == [f"`{code.value}`" for code in ErrorCode], (
        "docs/contract.md's stream error table must list every ErrorCode (supercar/events.py), "
        "in the enum's order"
    )
    for row in rows:
        code = ErrorCode(row[0].strip("`"))
        begins = row[2].strip('"')
        assert APOLOGIES[code].startswith(begins), f"{code}: the apology is {APOLOGIES[code]!r}"


def test_the_contracts_tool_error_codes_are_tool_error_code() -> None:
    text = CONTRACT.read_text()
    sentence = text[text.index("one machine word in `data.code`") :].split(").")[0]
    assert re.findall(r"`([a-z_]+)`", sentence) == list(typing.get_args(ToolErrorCode))


# --- Settings: Settings, .env.example and docs/operations.md ---------------------------------


def _env_example() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def _documented_settings() -> dict[str, str | None]:
    rows = table_after(OPERATIONS, "| setting | default | meaning |")
    return {row[0].strip("`"): unquote(row[1]) for row in rows}


def _parsed(name: str, value: str) -> Any:
    """`value` as the setting reads it from the environment."""
    values: dict[str, Any] = {name: value}
    return getattr(Settings(_env_file=None, **values), name)  # type: ignore[call-arg]


def _default(name: str) -> Any:
    return Settings.model_fields[name].get_default(call_default_factory=True)


def _field_line(name: str) -> str:
    default = _default(name)
    if default is None:
        return "empty"
    if isinstance(default, list):
        return ",".join(default)
    if isinstance(default, bool):
        return str(default).lower()
    if isinstance(default, float) and default.is_integer():
        return str(int(default))
    return str(default)


def test_every_setting_has_a_line_in_env_example_and_a_row_in_the_operations_doc() -> None:
    fields = {name.upper(): name for name in Settings.model_fields}
    env, documented = _env_example(), _documented_settings()
    todo = []
    for key, name in fields.items():
        shown = _field_line(name)
        if key not in env:
            value = "" if shown == "empty" else shown
            todo.append(
                f"Settings.{name} has no line in .env.example: add `{key}={value}` with a "
                "comment saying what it does, in the section it belongs to"
            )
        if key not in documented:
            cell = "empty" if shown == "empty" else f"`{shown}`"
            todo.append(
                f"Settings.{name} has no row in docs/operations.md's settings table: add "
                f"`| `{key}` | {cell} | what it does |`"
            )
    for key in env.keys() - fields.keys():
        todo.append(f".env.example sets {key}, which Settings has no field for: remove the line")
    for key in documented.keys() - fields.keys():
        todo.append(f"docs/operations.md documents {key}, which Settings lacks: remove the row")
    assert not todo, "\n".join(todo)


def test_env_example_and_the_operations_doc_give_each_setting_its_default() -> None:
    env, documented = _env_example(), _documented_settings()
    wrong = []
    for name in Settings.model_fields:
        key, default = name.upper(), _default(name)
        for where, values in ((".env.example", env), ("docs/operations.md", documented)):
            if key not in values:
                continue  # missing: the test above says what to add
            value = values[key]
            if not value:  # empty, or a words-only cell: "not set"
                ok = default is None
            else:
                ok = _parsed(name, value) == default
            if not ok:
                wrong.append(f"{key} in {where} is {value!r}; Settings' default is {default!r}")
    assert not wrong, "\n".join(wrong)


def test_settings_and_refusal_rows_are_written_only_in_their_own_doc() -> None:
    settings = {f"`{name.upper()}`" for name in Settings.model_fields}
    statuses = {str(r.status) for r in REFUSALS}
    found = []
    for doc in MARKDOWN:
        for line in doc.read_text().splitlines():
            if not line.startswith("|"):
                continue
            first = line.strip("|").split("|")[0].strip()
            if first in settings and doc != OPERATIONS:
                found.append(f"{doc.relative_to(ROOT)}: a settings row {line[:60]!r}")
            refusal = first in statuses and re.match(r"\|\s*\d+\s*\|\s*(`\w+`|\(plain)", line)
            if refusal and doc != CONTRACT:
                found.append(f"{doc.relative_to(ROOT)}: a refusal row {line[:60]!r}")
    assert not found, (
        "settings rows live in docs/operations.md and refusal rows in docs/contract.md; link "
        f"there instead: {found}"
    )
