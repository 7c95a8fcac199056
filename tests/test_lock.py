"""requirements.txt is the lock `make lock` generates from requirements.in: every line a pin,
every direct dependency at the version requirements.in asks for, and no marker that the Lambda
build (pip under python3.13 on Linux, for either architecture) would judge differently from
Lambda itself. That the lock is complete and has wheels for both Lambda targets needs PyPI, so
`make lock-check` proves it in CI (.ci/run), not here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# name==version, then an optional environment marker.
PIN = re.compile(
    r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+?)\s*(?:;\s*(?P<marker>.+))?"
)
# Marker variables pip evaluates on a python3.13 Linux build host exactly as Lambda would; not
# platform_machine (the build host may be x86_64 building for arm64) or platform_release.
TARGET_INDEPENDENT = {
    "python_version",
    "python_full_version",
    "sys_platform",
    "platform_system",
    "os_name",
    "implementation_name",
    "platform_python_implementation",
}


def requirements(path: Path) -> dict[str, re.Match[str]]:
    lines = [line.split(" #")[0].strip() for line in path.read_text().splitlines()]
    pins = {}
    for line in lines:
        if not line or line.startswith("#"):
            continue
        match = PIN.fullmatch(line)
        assert match, f"{path.name}: not a pin: {line!r}"
        pins[canonical(match["name"])] = match
    return pins


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_line_of_the_lock_is_a_pin_and_it_says_how_to_regenerate() -> None:
    text = (ROOT / "requirements.txt").read_text()
    assert "make lock" in "\n".join(text.splitlines()[:3])
    assert len(requirements(ROOT / "requirements.txt")) > len(
        requirements(ROOT / "requirements.in")
    )


def test_the_lock_holds_each_direct_dependency_at_its_pin() -> None:
    locked = requirements(ROOT / "requirements.txt")
    for name, wanted in requirements(ROOT / "requirements.in").items():
        assert name in locked, f"{name} is in requirements.in but not locked: run make lock"
        assert locked[name]["version"] == wanted["version"], f"{name}: run make lock"


def test_no_marker_in_the_lock_depends_on_the_build_host() -> None:
    for name, pin in requirements(ROOT / "requirements.txt").items():
        unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "", pin["marker"] or "")
        variables = set(re.findall(r"[a-z_]+", unquoted)) - {"and", "or", "not", "in"}
        assert variables <= TARGET_INDEPENDENT, f"{name}: {pin['marker']}"


def test_the_dev_requirements_install_the_lock() -> None:
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text().splitlines()
