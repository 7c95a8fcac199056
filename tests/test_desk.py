"""`python -m supercar bookings`: the staff list as a table, from a real server on loopback (its
bookings in DynamoDB under moto, written as the stores write them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import boto3
import pytest

from supercar.__main__ import main as entry
from supercar.app import create_app
from supercar.config import Settings
from tests.aws import BOOKINGS_TABLE
from tests.helpers import LiveServer

TOKEN = "desk-token-0123456789abcdef"
SESSION = "premium_client-1743061453410"


@pytest.fixture
def desk(
    tables: dict[str, str],
    make_settings: Callable[..., Settings],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str]:
    monkeypatch.setenv("STAFF_TOKEN", TOKEN)
    with LiveServer(create_app(make_settings(staff_token=TOKEN, **tables))) as server:
        yield server.url


def put(time: str, car: str, **extra: str) -> None:
    item = {
        "pk": "miami#2026-06-16",
        "sk": time,
        "confirmation_id": f"SC-{time.replace(':', '')}",
        "session_id": SESSION,
        "dealership_id": "miami",
        "date": "2026-06-16",
        "time": time,
        "car_model": car,
        "created_at": "2026-06-10T12:00:00+00:00",
        **extra,
    }
    boto3.client("dynamodb").put_item(
        TableName=BOOKINGS_TABLE, Item={k: {"S": v} for k, v in item.items()}
    )


def test_the_desk_prints_a_days_test_drives_as_a_table(
    desk: str, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        "15:00",
        "SuperCar Volt",
        status="booked",
        rescheduled_from="2026-06-16 10:00",
        updated_at="2026-06-12T09:30:00+00:00",
    )
    put("10:00", "SuperCar Volt", status="moved", updated_at="2026-06-12T09:30:00+00:00")
    put("09:00", "SuperCar GT")
    code = entry(["bookings", "--dealership", "miami", "--date", "2026-06-16", "--url", desk])
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "miami (America/New_York), 2026-06-16"
    assert lines[1].split() == [
        "date", "time", "status", "confirmation", "car", "booked", "(UTC)", "changed", "(UTC)",
        "moved", "from",
    ]  # fmt: skip
    assert lines[2].split() == [
        "2026-06-16", "09:00", "booked", "SC-0900", "SuperCar", "GT", "2026-06-10", "12:00",
    ]  # fmt: skip
    assert lines[3].split()[:3] == ["2026-06-16", "10:00", "moved"]
    assert lines[4].split() == [
        "2026-06-16", "15:00", "booked", "SC-1500", "SuperCar", "Volt", "2026-06-10", "12:00",
        "2026-06-12", "09:30", "2026-06-16", "10:00",
    ]  # fmt: skip
    assert lines[5] == "3 test drives: 2 booked, 1 moved"
    # The columns line up: every row starts its status where the header's does.
    column = lines[1].index("status")
    assert all(line[column:].split()[0] in {"booked", "moved"} for line in lines[2:5])
    assert SESSION not in out


def test_the_desk_says_when_there_is_nothing(desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert entry(["bookings", "--dealership", "miami", "--url", desk]) == 0
    out = capsys.readouterr().out
    assert out.startswith("miami (America/New_York), ") and " to " in out
    assert out.endswith("No test drives.\n")


def test_a_refusal_is_printed_and_exits_1(
    desk: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["bookings", "--dealership", "atlantis", "--url", desk]
    assert entry(argv) == 1
    assert "no showroom 'atlantis'" in capsys.readouterr().err
    monkeypatch.setenv("STAFF_TOKEN", "not-the-token-0123456789")
    argv = ["bookings", "--dealership", "miami", "--url", desk]
    assert entry(argv) == 1
    err = capsys.readouterr().err
    assert "staff token" in err and "HTTP 401 unauthorized" in err
    assert "not-the-token" not in err


def test_without_a_token_or_a_server_the_desk_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STAFF_TOKEN", raising=False)
    assert entry(["bookings", "--dealership", "miami"]) == 2
    assert "STAFF_TOKEN" in capsys.readouterr().err
    monkeypatch.setenv("STAFF_TOKEN", TOKEN)
    assert entry(["bookings", "--dealership", "miami", "--url", "http://127.0.0.1:9"]) == 1
    assert "cannot reach" in capsys.readouterr().err
