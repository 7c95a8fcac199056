"""The SSE framing the SuperCar frontend depends on (docs/contract.md)."""

import json

from sse_starlette.event import ServerSentEvent

from supercar.events import Chunk, End, Error, ErrorCode, ToolOutput, ToolUse, encode


def test_chunk_text_is_sent_verbatim_with_lf_only() -> None:
    assert encode(Chunk("  Hello, world ")) == b"event: chunk\ndata:   Hello, world \n\n"


def test_a_newline_inside_text_becomes_a_second_data_line_as_sse_requires() -> None:
    assert encode(Chunk("Slots:\r\n- 10:00\n")) == (
        b"event: chunk\ndata: Slots:\ndata: - 10:00\ndata: \n\n"
    )


def test_framing_matches_sse_starlette_with_lf_separator() -> None:
    for text in ["plain", "two\nlines", "é ✓ 🚗", ""]:
        expected = ServerSentEvent(text, event="chunk", sep="\n").encode()
        assert encode(Chunk(text)) == expected


def test_end_carries_an_empty_data_line() -> None:
    assert encode(End()) == b"event: end\ndata: \n\n"


def test_tool_use_is_the_plain_tool_name() -> None:
    assert encode(ToolUse("get_weather", "call_1")) == b"event: tool_use\ndata: get_weather\n\n"


def test_tool_output_is_one_line_json_with_name_and_output() -> None:
    raw = encode(
        ToolOutput(
            name="check_appointment_availability",
            call_id="call_1",
            output={"availableTimes": ["10:00"], "note": "a\nb"},
            data={"availableTimes": ["10:00"]},
        )
    )
    lines = raw.decode().split("\n")
    assert lines[0] == "event: tool_output"
    assert lines[1].startswith("data: {") and lines[2:] == ["", ""]
    payload = json.loads(lines[1][len("data: ") :])
    assert payload["name"] == "check_appointment_availability"
    assert payload["output"]["availableTimes"] == ["10:00"]
    assert payload["tool_call_id"] == "call_1"


def test_error_event_is_one_line_json_with_code_and_message() -> None:
    raw = encode(Error(ErrorCode.TIMEOUT, "Too slow."))
    assert raw == b'event: error\ndata: {"code":"timeout","message":"Too slow."}\n\n'
