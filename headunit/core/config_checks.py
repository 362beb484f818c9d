"""The value checks behind the configuration keys: each returns what is wrong, or None."""

from __future__ import annotations

import math
import re
from dataclasses import field
from typing import Any, Callable
from urllib.parse import urlsplit

MIN_SIZE, MAX_SIZE = (320, 240), (3840, 2160)

Check = Callable[[Any], "str | None"]  # returns what is wrong with a value, or None
_SIZE_RE = re.compile(r"(\d{1,6})[xX](\d{1,6})")


def parse_size(text: str) -> tuple[int, int]:
    """Parse "1280x720" into (1280, 720); the allowed range is a config rule."""
    match = _SIZE_RE.fullmatch(text)
    if match is None:
        raise ValueError(f"expected WIDTHxHEIGHT like 1280x720, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def one_of(*choices: str) -> Check:
    return lambda v: None if v in choices else f"expected one of {', '.join(choices)}, got {v!r}"


def int_range(low: int, high: float = math.inf) -> Check:
    expected = f">= {low}" if high == math.inf else f"from {low} to {high}"
    return lambda v: None if low <= v <= high else f"expected an integer {expected}, got {v}"


def matches(pattern: str, expected: str) -> Check:
    regex = re.compile(pattern)
    return lambda v: None if regex.fullmatch(v) else f"expected {expected}, got {v!r}"


def positive(v: float) -> str | None:
    return None if math.isfinite(v) and v > 0 else f"expected a number > 0, got {v!r}"


def number_range(low: float, high: float = math.inf) -> Check:
    expected = f">= {low:g}" if high == math.inf else f"from {low:g} to {high:g}"

    def check(v: float) -> str | None:
        ok = math.isfinite(v) and low <= v <= high
        return None if ok else f"expected a number {expected}, got {v!r}"

    return check


def check_size(v: str) -> str | None:
    try:
        width, height = parse_size(v)
    except ValueError as exc:
        return str(exc)
    (min_w, min_h), (max_w, max_h) = MIN_SIZE, MAX_SIZE
    if min_w <= width <= max_w and min_h <= height <= max_h:
        return None
    return f"expected a size from {min_w}x{min_h} to {max_w}x{max_h}, got {v!r}"


def check_url(v: str) -> str | None:
    if v == "":
        return None
    expected = f"expected an http:// or https:// URL with a host, got {v!r}"
    try:
        parts = urlsplit(v)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return expected
    if parts.username is not None or parts.password is not None:  # never echo the secret
        return "expected a URL without user:password@, secrets never go in the config file"
    ok = parts.scheme in ("http", "https") and parts.hostname and not re.search(r"\s", v)
    return None if ok else expected


def setting(default: Any, check: Check | None = None) -> Any:
    """A dataclass field that is also a TOML key, validated by check."""
    return field(default=default, metadata={"check": check})


NON_EMPTY = matches(r".+", "a non-empty string")
LANGUAGE = matches(r"[a-z]{2,3}(_[A-Z]{2})?", "a language code like en, de or zh_CN")
VIN = matches(r"[A-HJ-NPR-Z0-9]{17}", "a 17-character VIN (A-Z without I, O, Q, and 0-9)")
PLATFORM = matches(r"([A-Za-z0-9_-]+(:\S*)?)?", "a Qt platform plugin like xcb or eglfs")
