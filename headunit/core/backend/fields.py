"""Readers for decoded JSON that check each field and name its path when it is wrong.

A parser wraps each JSON object in a ``Node`` and asks it for typed fields:
``Node(value, "reservation").time("hold_expires_at", nullable=True)`` returns a UTC
datetime or raises ``MalformedResponse("reservation.hold_expires_at: expected an
RFC 3339 UTC time, got 42")``. Unknown fields are ignored (forward compatibility);
missing ones, wrong types, out-of-range numbers, NaN/inf and ``bool`` posing as a
number are refused.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection, Iterator
from datetime import UTC, date, datetime
from typing import Any, NoReturn
from urllib.parse import urlsplit

NAME_MAX = 200
ID_MAX = 100
URL_MAX = 2048
MAX_INT = 2**53 - 1  # JSON's safe integer range: larger values lose precision in most clients

POI_ID = re.compile(r"[nwr][1-9][0-9]{0,18}")
_ID = re.compile(r"[\x21-\x7e]{1,%d}" % ID_MAX)  # visible ASCII
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?Z")
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_SHOWN = 40  # characters of a bad string shown in a message


class MalformedResponse(ValueError):
    """A backend answer does not have the shape of the API contract; the message names
    the path of the field and what is wrong with it."""


def describe(value: Any) -> str:
    """A short JSON-like rendering of a bad value for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if not isinstance(value, float) or math.isfinite(value) else str(value)
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN else value[:_SHOWN] + "…"
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return type(value).__name__


def fail(path: str, expected: str, value: Any, *, hidden: bool = False) -> NoReturn:
    """Raise MalformedResponse "path: expected X, got Y" (Y withheld when ``hidden``)."""
    got = describe(value) if not hidden or not isinstance(value, str) else f"a string of {len(value)} characters"
    raise MalformedResponse(f"{path or 'response'}: expected {expected}, got {got}")


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return (is_int(value) or isinstance(value, float)) and math.isfinite(value)


def parse_time(text: Any) -> datetime | None:
    """An RFC 3339 UTC time with a ``Z`` as a timezone-aware datetime, or None."""
    match = _TIME.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction = match.groups()
    micro = int((fraction or "0").ljust(6, "0")[:6])
    try:
        return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second), micro, UTC)
    except ValueError:
        return None


def format_time(value: datetime) -> str:
    """The API's form of a UTC time: ``2026-11-21T09:30:00Z`` (microseconds only if any)."""
    value = value.astimezone(UTC)
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    return f"{text}.{value.microsecond:06d}Z" if value.microsecond else f"{text}Z"


def format_day(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def _range_text(kind: str, low: float | None, high: float | None, low_open: bool = False) -> str:
    low_op = ">" if low_open else ">="
    if low is not None and high is not None and not low_open:
        return f"{kind} from {low:g} to {high:g}"
    if low is not None and high is not None:
        return f"{kind} {low_op} {low:g} and <= {high:g}"
    if low is not None:
        return f"{kind} {low_op} {low:g}"
    if high is not None:
        return f"{kind} <= {high:g}"
    return kind


class Node:
    """One JSON object at ``path``; its readers raise MalformedResponse naming the field."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            fail(path, "an object", value)
        self.value = value
        self.path = path

    def at(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def raw(self, name: str) -> Any:
        if name not in self.value:
            raise MalformedResponse(f"{self.at(name)}: missing (required)")
        return self.value[name]

    def obj(self, name: str) -> Node:
        return Node(self.raw(name), self.at(name))

    def optional_obj(self, name: str) -> Node | None:
        value = self.raw(name)
        return None if value is None else Node(value, self.at(name))

    def items(self, name: str) -> Iterator[tuple[Any, str]]:
        """The elements of a list field with their paths, e.g. ``pois[3]``."""
        value = self.raw(name)
        if not isinstance(value, list):
            fail(self.at(name), "a list", value)
        return ((item, f"{self.at(name)}[{index}]") for index, item in enumerate(value))

    def objects(self, name: str) -> Iterator[Node]:
        return (Node(item, path) for item, path in self.items(name))

    def string(
        self,
        name: str,
        *,
        max_len: int = NAME_MAX,
        min_len: int = 1,
        pattern: re.Pattern[str] | None = None,
        expected: str = "",
        hidden: bool = False,
    ) -> str:
        value = self.raw(name)
        ok = isinstance(value, str) and min_len <= len(value) <= max_len
        if ok and pattern is not None:
            ok = pattern.fullmatch(value) is not None
        if not ok:
            fail(self.at(name), expected or f"a string of {min_len} to {max_len} characters", value, hidden=hidden)
        return value

    def optional_string(self, name: str, **kwargs: Any) -> str | None:
        return None if self.raw(name) is None else self.string(name, **kwargs)

    def text(self, name: str, max_len: int = NAME_MAX, min_len: int = 1) -> str:
        """A name or title: ``min_len`` to ``max_len`` characters without control characters."""
        value = self.raw(name)
        if not isinstance(value, str) or not min_len <= len(value) <= max_len or _CONTROL.search(value):
            fail(self.at(name), f"a text of {min_len} to {max_len} characters without control characters", value)
        return value

    def texts(self, name: str, max_len: int = NAME_MAX, *, min_items: int = 0) -> tuple[str, ...]:
        """A list of at least ``min_items`` texts, each 1 to ``max_len`` characters without
        control characters (an element's path is named when it is wrong)."""
        value = self.raw(name)
        if not isinstance(value, list) or len(value) < min_items:
            fail(self.at(name), f"a list of at least {min_items}" if min_items else "a list", value)
        for item, path in self.items(name):
            if not isinstance(item, str) or not 1 <= len(item) <= max_len or _CONTROL.search(item):
                fail(path, f"a text of 1 to {max_len} characters without control characters", item)
        return tuple(value)

    def ident(self, name: str) -> str:
        return self.string(name, pattern=_ID, expected=f"an id of 1 to {ID_MAX} visible ASCII characters")

    def optional_ident(self, name: str) -> str | None:
        return None if self.raw(name) is None else self.ident(name)

    def poi_id(self, name: str) -> str:
        return self.string(name, max_len=20, pattern=POI_ID, expected="a POI id like n2410325871")

    def optional_poi_id(self, name: str) -> str | None:
        return None if self.raw(name) is None else self.poi_id(name)

    def url(self, name: str) -> str:
        value = self.raw(name)
        if not isinstance(value, str) or not is_absolute_url(value):
            if isinstance(value, str):
                value = value.split("?", 1)[0]  # signed URLs carry their signature in the query
            fail(self.at(name), f"an absolute http(s) URL of at most {URL_MAX} characters", value)
        return value

    def optional_url(self, name: str) -> str | None:
        return None if self.raw(name) is None else self.url(name)

    def integer(self, name: str, low: int | None = 0, high: int | None = MAX_INT) -> int:
        value = self.raw(name)
        if not is_int(value) or (low is not None and value < low) or (high is not None and value > high):
            shown_high = None if high == MAX_INT else high
            fail(self.at(name), _range_text("an integer", low, shown_high), value)
        return value

    def number(
        self, name: str, low: float | None = None, high: float | None = None, *, low_open: bool = False
    ) -> float:
        value = self.raw(name)
        ok = is_number(value)
        if ok and low is not None:
            ok = value > low if low_open else value >= low
        if ok and high is not None:
            ok = value <= high
        if not ok:
            fail(self.at(name), _range_text("a number", low, high, low_open), value)
        return float(value)

    def optional_number(self, name: str, low: float | None = None, high: float | None = None, *,
                        low_open: bool = False) -> float | None:
        return None if self.raw(name) is None else self.number(name, low, high, low_open=low_open)

    def boolean(self, name: str) -> bool:
        value = self.raw(name)
        if not isinstance(value, bool):
            fail(self.at(name), "true or false", value)
        return value

    def choice(self, name: str, choices: Collection[str]) -> str:
        value = self.raw(name)
        if not isinstance(value, str) or value not in choices:
            fail(self.at(name), f"one of {', '.join(choices)}", value)
        return value

    def optional_choice(self, name: str, choices: Collection[str]) -> str | None:
        return None if self.raw(name) is None else self.choice(name, choices)

    def time(self, name: str) -> datetime:
        value = self.raw(name)
        parsed = parse_time(value)
        if parsed is None:
            fail(self.at(name), "an RFC 3339 UTC time", value)
        return parsed

    def optional_time(self, name: str) -> datetime | None:
        return None if self.raw(name) is None else self.time(name)

    def day(self, name: str) -> date:
        value = self.raw(name)
        match = _DAY.fullmatch(value) if isinstance(value, str) else None
        try:
            if match is not None:
                return date(*(int(part) for part in match.groups()))
        except ValueError:
            pass
        fail(self.at(name), "a date like 2026-11-21", value)


def is_absolute_url(text: str) -> bool:
    if not 1 <= len(text) <= URL_MAX or _CONTROL.search(text) or " " in text:
        return False
    try:
        parts = urlsplit(text)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False
