"""What an EventBridge Pipe does to one DynamoDB stream record, modelled for tests: its filter, its
input template, and the entry it puts on the event bus. Only the subset template.yaml uses, each
rule from the documentation named beside it; anything outside the subset raises rather than guess.

- Filtering (eb-pipes-event-filtering.html): `FilterCriteria.Filters` is a list of patterns and a
  record passes if any one matches. A pattern matches when each of its keys matches: an object
  descends into the record, an array lists the acceptable values of a leaf, any of which will do.
  Comparison operators work on leaves only (eb-create-pattern-operators.html), which is why an
  `exists` on a DynamoDB attribute names its type: `{"status": {"S": [{"exists": true}]}}`.
  Modelled: a plain value (equality), `exists` (true: the leaf is there; false: it is not),
  `prefix` and `anything-but` (a value or a list of values; a missing leaf is not "anything but").
- Input transformation (eb-pipes-input-transformation.html): `<$.a.b>` is replaced by the value
  at that JSON path of the record (dot notation here). "EventBridge replaces input transformers
  at runtime to ensure a valid JSON output", so a placeholder inside quotes takes the value as a
  JSON string's content (escaped), and one outside quotes takes it as JSON. A path missing from
  the record is an error here: the templates only name attributes every matching record has.
- The target (PipeTargetEventBridgeEventBusParameters, eb-pipes-event-target.html): the
  rendered template is the event's `detail`. `Source` and `DetailType` are fixed strings or,
  when the whole value is a JSON path ("dynamic path parameters"), the string at that path of
  the record itself (not of the rendered template). A missing path is an error here too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

_MISSING = object()
_PLACEHOLDER = re.compile(r"<([^<>]*)>")
_PATH = re.compile(r"\$((?:\.[A-Za-z0-9_-]+)+)")


def matches(pattern: dict[str, Any], record: Any) -> bool:
    """Whether `record` matches one filter pattern."""
    for key, rule in pattern.items():
        value = record.get(key, _MISSING) if isinstance(record, dict) else _MISSING
        if isinstance(rule, dict):
            # A missing object is an object with no fields: only `exists: false` below it matches.
            if not matches(rule, value if isinstance(value, dict) else {}):
                return False
        elif not any(_leaf_matches(matcher, value) for matcher in rule):
            return False
    return True


def _leaf_matches(matcher: Any, value: Any) -> bool:
    is_leaf = value is not _MISSING and not isinstance(value, dict | list)
    if not isinstance(matcher, dict):
        return is_leaf and value == matcher
    ((operator, argument),) = matcher.items()
    if operator == "exists":
        return is_leaf is argument
    if not is_leaf:
        return False
    if operator == "prefix":
        return isinstance(value, str) and value.startswith(argument)
    if operator == "anything-but":
        return value not in (argument if isinstance(argument, list) else [argument])
    raise NotImplementedError(f"filter operator {operator!r} is not modelled")


def render(template: str, record: dict[str, Any]) -> Any:
    """The input template filled in from `record`, parsed (it must be valid JSON)."""
    out: list[str] = []
    in_string = False
    position = 0
    for placeholder in _PLACEHOLDER.finditer(template):
        literal = template[position : placeholder.start()]
        in_string = _inside_string_after(literal, in_string)
        out.append(literal)
        value = _resolve(placeholder.group(1), record)
        if in_string:
            if not isinstance(value, str):
                raise TypeError(f"<{placeholder.group(1)}> is quoted but is not a string")
            out.append(json.dumps(value, ensure_ascii=False)[1:-1])
        else:
            out.append(json.dumps(value, ensure_ascii=False))
        position = placeholder.end()
    out.append(template[position:])
    return json.loads("".join(out))


def _inside_string_after(text: str, in_string: bool) -> bool:
    """Whether a JSON string is open after `text`, given whether one was open before it."""
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\" and in_string:
            escaped = True
        elif char == '"':
            in_string = not in_string
    return in_string


def _resolve(expression: str, record: dict[str, Any]) -> Any:
    path = _PATH.fullmatch(expression)
    if path is None:
        raise NotImplementedError(f"<{expression}> is not a JSON path this model reads")
    value: Any = record
    for key in path.group(1).split(".")[1:]:
        if not isinstance(value, dict) or key not in value:
            raise KeyError(f"<{expression}>: the record has no {key!r}")
        value = value[key]
    return value


@dataclass(frozen=True)
class Pipe:
    """One `AWS::Pipes::Pipe` of template.yaml whose target is an event bus."""

    name: str
    filters: list[dict[str, Any]]
    input_template: str
    source: str
    detail_type: str

    @classmethod
    def from_resource(cls, name: str, resource: dict[str, Any]) -> Pipe:
        props = resource["Properties"]
        target = props["TargetParameters"]
        bus = target["EventBridgeEventBusParameters"]
        filters = props["SourceParameters"]["FilterCriteria"]["Filters"]
        return cls(
            name=name,
            filters=[json.loads(f["Pattern"]) for f in filters],
            input_template=target["InputTemplate"],
            source=bus["Source"],
            detail_type=bus["DetailType"],
        )

    def put(self, record: dict[str, Any]) -> dict[str, Any] | None:
        """The entry this pipe puts on the bus for `record`, or None if its filter drops it."""
        if not any(matches(pattern, record) for pattern in self.filters):
            return None
        return {
            "Source": parameter(self.source, record),
            "DetailType": parameter(self.detail_type, record),
            "Detail": render(self.input_template, record),
        }


def parameter(value: str, record: dict[str, Any]) -> str:
    """A target parameter's value for `record`: itself, or the string its JSON path names."""
    if not value.startswith("$"):
        return value
    resolved = _resolve(value, record)
    if not isinstance(resolved, str):
        raise TypeError(f"{value} names {resolved!r}, not a string")
    return resolved
