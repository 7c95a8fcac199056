"""docs/architecture.md is true: its arrows are the imports, none points up, and its test map
names every module and every test file.

The imports are read from the source (every `import` of the app, lazy and type-only ones too),
not from a running interpreter, so a module imported only when chosen (`llm.groq`,
`store.dynamodb`) counts like any other. A module is named relative to `supercar` (`api.query`;
`supercar` itself is the package's `__init__`), `handler` is handler.py, and a row `llm.offline.*`
stands for that whole subpackage. An `__init__.py` holding only its docstring is no module here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.test_docs import table_after

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
ARROWS_HEADER = "| layer | module | imports |"
MAP_HEADER = "| module | tested by | what |"


def _names(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def _source_modules() -> dict[str, Path]:
    """Every module of the app by dotted name, handler.py as `handler`."""
    modules = {"handler": ROOT / "handler.py"}
    for path in sorted((ROOT / "supercar").rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
            body = ast.parse(path.read_text()).body
            if all(isinstance(node, ast.Expr) for node in body):
                continue  # only a docstring
        modules[".".join(parts)] = path
    return modules


def _short(module: str) -> str:
    return module if module in ("handler", "supercar") else module.removeprefix("supercar.")


def _rooms(modules: dict[str, Path]) -> dict[str, str]:
    """Each module's row name: its short name, or the `x.*` row that covers it."""
    names = [row[1].strip("`") for row in table_after(DOC, ARROWS_HEADER)]
    wildcards = [name.removesuffix(".*") for name in names if name.endswith(".*")]
    rooms = {}
    for module in modules:
        short = _short(module)
        covering = [w for w in wildcards if short == w or short.startswith(w + ".")]
        rooms[module] = f"{covering[0]}.*" if covering else short
    return rooms


def _imports() -> dict[str, set[str]]:
    """Row name -> the row names it imports (itself left out)."""
    modules = _source_modules()
    rooms = _rooms(modules)
    found: dict[str, set[str]] = {room: set() for room in rooms.values()}
    for module, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text())):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    submodule = f"{node.module}.{alias.name}"
                    targets.append(submodule if submodule in modules else node.module)
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            for target in targets:
                while target not in modules and "." in target:
                    target = target.rsplit(".", 1)[0]  # a docstring-only package: its parent
                if target in modules and rooms[target] != rooms[module]:
                    found[rooms[module]].add(rooms[target])
    return found


def _documented() -> tuple[dict[str, int], dict[str, set[str]]]:
    layers, arrows = {}, {}
    for layer, module, imports in table_after(DOC, ARROWS_HEADER):
        name = module.strip("`")
        layers[name] = int(layer.split()[0])
        arrows[name] = set(_names(imports))
    return layers, arrows


def _row(name: str, imports: set[str]) -> str:
    listed = ", ".join(f"`{target}`" for target in sorted(imports)) or "nothing"
    return f"| <layer> | `{name}` | {listed} |"


def test_every_module_has_a_row_in_the_arrows_table_and_no_row_is_stale() -> None:
    actual = _imports()
    layers, _ = _documented()
    missing = [_row(name, imports) for name, imports in actual.items() if name not in layers]
    assert not missing, (
        "docs/architecture.md's arrows table has no row for these modules; add them, each in "
        "a layer numbered no higher than the layers of what it imports:\n" + "\n".join(missing)
    )
    stale = sorted(layers.keys() - actual.keys())
    assert not stale, f"docs/architecture.md's arrows table names modules that are gone: {stale}"


def test_the_arrows_table_lists_exactly_what_each_module_imports() -> None:
    actual = _imports()
    _, documented = _documented()
    wrong = [
        f"{name}: the table says {sorted(documented[name])}, the code imports "
        f"{sorted(imports)}; make its row read {_row(name, imports)}"
        for name, imports in actual.items()
        if name in documented and documented[name] != imports
    ]
    assert not wrong, "docs/architecture.md's arrows differ from the imports:\n" + "\n".join(wrong)


def test_nothing_imports_a_module_of_a_higher_layer() -> None:
    layers, _ = _documented()
    upward = [
        f"{name} (layer {layers[name]}) imports {target} (layer {layers[target]})"
        for name, imports in _imports().items()
        for target in imports
        if name in layers and target in layers and layers[target] < layers[name]
    ]
    assert not upward, (
        "imports must point down (to the same layer or a lower one): move the code, or the "
        "module's layer in docs/architecture.md if the layering itself changed:\n"
        + "\n".join(upward)
    )


def test_the_test_map_names_every_module_and_every_test_file() -> None:
    rows = table_after(DOC, MAP_HEADER)
    mapped = {name for row in rows for name in _names(row[0])}
    modules = set(_imports())
    missing = sorted(modules - mapped)
    assert not missing, (
        "docs/architecture.md's test map has no row for "
        f"{missing}: add one naming the test files that exercise it"
    )
    named_tests = {name for row in rows for name in _names(row[1])}
    test_files = {f"tests/{path.name}" for path in (ROOT / "tests").glob("test_*.py")}
    unmapped = sorted(test_files - named_tests)
    assert not unmapped, f"test files the map never names (say what they cover): {unmapped}"


def test_every_file_the_test_map_names_exists() -> None:
    absent = []
    for row in table_after(DOC, MAP_HEADER):
        for name in _names(row[1]):
            if not (ROOT / name).exists():
                absent.append(name)
        for name in _names(row[0]):
            looks_like_a_file = "/" in name or name.endswith((".yaml", ".sh", ".txt", ".md"))
            if looks_like_a_file and not (ROOT / name.rstrip("*")).exists():
                absent.append(name)
    assert not absent, f"docs/architecture.md's test map names files that do not exist: {absent}"
