"""The TOML file that maps DBC signals to VSS paths (format: docs/can.md).

Checked against the DBC and the VSS catalogue when loaded, so a typo is refused at start
rather than leaving a gauge silently empty. tomllib gives no positions for valid TOML, so
an error's line is found by searching the offending key in the text.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from cantools.database.can import Database
from cantools.database.can import Message as DbcMessage
from cantools.database.can import Signal as DbcSignal

from headunit.core.signals import CATALOGUE, SignalError, SignalSpec, Value
from headunit.services.vehicle.source import SourceError

_INTEGERS = ("uint8", "int8", "uint16", "int16", "uint32", "int32")
_FLOATS = ("float", "double")
_SECTIONS = ("sensors", "actuators")
_SENSOR_KEYS = ("path", "factor", "offset", "map")
_ACTUATOR_KEYS = ("signal", "factor", "offset", "map")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # DBC editors (Vector CANdb++) write cp1252
        return data.decode("cp1252", errors="replace")


def close_hint(name: str, known: Iterable[str]) -> str:
    known = list(known)
    close = difflib.get_close_matches(name, known, n=2, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    shown = ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
    return f"known: {shown}" if known else "none defined"


@dataclass(frozen=True)
class Binding:
    """One DBC signal <-> one VSS path: VSS = DBC physical * factor + offset, or a map."""

    path: str
    spec: SignalSpec
    message: DbcMessage
    signal: DbcSignal
    factor: float = 1
    offset: float = 0
    choices: Mapping[int, Value] | None = None  # raw DBC value -> VSS value
    decimals: int = 9  # floats are rounded to the DBC resolution: 50.3, not 50.300000000000004

    def to_vss(self, raw: int | float) -> Value:
        """The VSS value of a raw DBC value; KeyError when a map has no entry for it."""
        if self.choices is not None:
            return self.choices[int(raw)]
        if self.spec.datatype == "boolean":
            return int(raw)
        value = (raw * self.signal.scale + self.signal.offset) * self.factor + self.offset
        if self.spec.datatype in _INTEGERS:
            return int(round(value))
        return round(value, self.decimals)

    def raw_in_dbc_range(self, raw: int | float) -> bool:
        low, high = self.signal.minimum, self.signal.maximum
        if self.choices is not None or low is None or high is None or low == high:
            return True
        physical = raw * self.signal.scale + self.signal.offset
        slack = abs(self.signal.scale) / 2  # the DBC bounds are rounded to its resolution
        return low - slack <= physical <= high + slack

    def to_raw(self, value: Value, *, check_range: bool) -> int | float:
        """The raw DBC value for a (coerced) VSS value; SignalError if it has none."""
        name = f"{self.message.name}.{self.signal.name}"
        if self.choices is not None:
            return self._raw_from_map(value, name)
        if isinstance(value, (bool, str)):
            raw: int | float = int(value) if isinstance(value, bool) else math.nan
        else:
            physical = (value - self.offset) / self.factor
            low, high = self.signal.minimum, self.signal.maximum
            slack = abs(self.signal.scale) / 2
            if check_range and low is not None and high is not None and low != high \
                    and not low - slack <= physical <= high + slack:
                raise SignalError(f"{self.path}: {value!r} is outside {name}'s range "
                                  f"{low:g}..{high:g} {self.signal.unit or ''}".rstrip())
            raw = (physical - self.signal.offset) / self.signal.scale
            if not self.signal.is_float:
                raw = int(round(raw))
        bits = self.signal.length
        low_raw, high_raw = ((-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if self.signal.is_signed
                             else (0, (1 << bits) - 1))
        if not self.signal.is_float and not low_raw <= raw <= high_raw:
            raise SignalError(f"{self.path}: {value!r} does not fit in {name} ({bits} bits)")
        return raw

    def _raw_from_map(self, value: Value, name: str) -> int:
        assert self.choices is not None
        if isinstance(value, (bool, str)):
            for raw, mapped in self.choices.items():
                if type(mapped) is type(value) and mapped == value:
                    return raw
            accepted = ", ".join(repr(v) for v in dict.fromkeys(self.choices.values()))
            raise SignalError(f"{self.path}: {name} has no value for {value!r} (accepted: {accepted})")
        # A number goes to the nearest mapped level (seat heating 50 % -> Medium).
        return min(self.choices.items(), key=lambda item: abs(float(item[1]) - value))[0]


class _Where:
    """Turns a problem with a mapping key into SourceError("FILE:LINE: FIELD: detail")."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.lines = path, text.splitlines()

    def line_of(self, section: str, key: str | None) -> int:
        current, quoted = "", re.escape(key or "")
        key_re = re.compile(rf"""^\s*(?:"{quoted}"|'{quoted}'|{quoted})\s*=""")
        header_re = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
        fallback = 1
        for number, line in enumerate(self.lines, 1):
            if header := header_re.match(line):
                current = header[1].replace('"', "").replace("'", "").replace(" ", "")
                if current == section:
                    fallback = number
                if key is not None and current == f"{section}.{key}":
                    return number
            elif key is not None and current == section and key_re.match(line):
                return number
        return fallback

    def error(self, section: str, key: str | None, detail: str, sub: str | None = None) -> SourceError:
        field = section if key is None else f'{section}."{key}"'
        field += f".{sub}" if sub else ""
        return SourceError(f"{self.path}:{self.line_of(section, key)}: {field}: {detail}")


def load_mapping(path: Path, db: Database) -> tuple[list[Binding], dict[str, Binding]]:
    """Sensor bindings (in file order) and actuator bindings by VSS path."""
    text = read_text(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise SourceError(f"{path}:{match[1] if match else 1}: TOML syntax error: {exc}") from None
    where = _Where(path, text)
    for name, value in document.items():
        if name not in _SECTIONS:
            raise SourceError(f"{path}:{where.line_of(name, None)}: {name}: unknown section or key "
                              f"(expected [sensors] and [actuators])")
        if not isinstance(value, dict):
            raise where.error(name, None, f"expected a table [{name}]")
    sensors: list[Binding] = []
    sources: dict[str, str] = {}
    for key, entry in document.get("sensors", {}).items():
        table = {"path": entry} if isinstance(entry, str) else entry
        binding = _binding(where, "sensors", key, table, db, _SENSOR_KEYS)
        if binding.path in sources:
            raise where.error("sensors", key, f"{binding.path} is already mapped from {sources[binding.path]}")
        sources[binding.path] = key
        sensors.append(binding)
    actuators: dict[str, Binding] = {}
    targets: dict[str, str] = {}
    for key, entry in document.get("actuators", {}).items():
        table = {"signal": entry} if isinstance(entry, str) else entry
        binding = _binding(where, "actuators", key, table, db, _ACTUATOR_KEYS)
        target = f"{binding.message.name}.{binding.signal.name}"
        if target in targets:
            raise where.error("actuators", key, f"{target} is already the request of {targets[target]}")
        targets[target] = key
        actuators[key] = binding
    return sensors, actuators


def _binding(where: _Where, section: str, key: str, table: Any, db: Database,
             allowed: tuple[str, ...]) -> Binding:
    def fail(detail: str, sub: str | None = None) -> SourceError:
        return where.error(section, key, detail, sub)

    if not isinstance(table, dict):
        kind = "a VSS path" if section == "sensors" else "a MESSAGE.SIGNAL"
        raise fail(f"expected {kind} or a table with {', '.join(allowed)}")
    for sub in table:
        if sub not in allowed:
            raise fail(f"unknown key ({close_hint(sub, allowed)})", sub)
    if section == "actuators":  # "VSS path" = { signal = "MESSAGE.SIGNAL", ... }
        ref, ref_sub, path, path_sub = table.get("signal"), "signal", key, None
    else:  # "MESSAGE.SIGNAL" = { path = "VSS path", ... }
        ref, ref_sub, path, path_sub = key, None, table.get("path"), "path"
    if not isinstance(ref, str):
        raise fail("expected MESSAGE.SIGNAL", ref_sub)
    message, signal = _dbc_signal(ref, db, lambda detail: fail(detail, ref_sub))
    if not isinstance(path, str):
        raise fail("expected a VSS path", path_sub)
    spec = CATALOGUE.get(path)
    if spec is None:
        raise fail(f"unknown VSS path {path!r} ({close_hint(path, CATALOGUE)})", path_sub)
    factor, offset = table.get("factor", 1), table.get("offset", 0)
    for sub, number in (("factor", factor), ("offset", offset)):
        if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
            raise fail(f"expected a number, got {number!r}", sub)
    if factor == 0:
        raise fail("expected a number other than 0", "factor")
    choices = None
    if "map" in table:
        if "factor" in table or "offset" in table:
            raise fail("a map excludes factor and offset", "map")
        choices = _choices(table["map"], spec, message, signal, fail)
    else:
        _check_datatype(spec, message, signal, factor, offset, fail)
    decimals = min(9, max(_places(signal.scale) + _places(factor),
                          _places(signal.offset) + _places(factor), _places(offset)))
    return Binding(path, spec, message, signal, factor, offset, choices, decimals)


def _dbc_signal(ref: str, db: Database, fail: Any) -> tuple[DbcMessage, DbcSignal]:
    message_name, _, signal_name = ref.partition(".")
    names = [m.name for m in db.messages]
    if not signal_name or "." in signal_name:
        raise fail(f"expected MESSAGE.SIGNAL, got {ref!r}")
    if message_name not in names:
        raise fail(f"unknown message {message_name!r} in the DBC ({close_hint(message_name, names)})")
    message = db.get_message_by_name(message_name)
    signals = [s.name for s in message.signals]
    if signal_name not in signals:
        raise fail(f"unknown signal {signal_name!r} in message {message_name} "
                   f"({close_hint(signal_name, signals)})")
    return message, message.get_signal_by_name(signal_name)


def _choices(table: Any, spec: SignalSpec, message: DbcMessage, signal: DbcSignal,
             fail: Any) -> dict[int, Value]:
    if not isinstance(table, dict) or not table:
        raise fail("expected a table of DBC value names, e.g. { Open = true }", "map")
    by_name = {getattr(name, "name", str(name)): raw for raw, name in (signal.choices or {}).items()}
    out: dict[int, Value] = {}
    for name, value in table.items():
        if name in by_name:
            raw = by_name[name]
        elif re.fullmatch(r"-?\d+", name):
            raw = int(name)
        else:
            raise fail(f"no value {name!r} in {message.name}.{signal.name} "
                       f"({close_hint(name, by_name)})", f"map.{name}")
        try:
            out[raw] = spec.coerce(value)
        except SignalError:
            raise fail(f"datatype mismatch: {spec.path} is {spec.datatype}, got {value!r}",
                       f"map.{name}") from None
    return out


def _check_datatype(spec: SignalSpec, message: DbcMessage, signal: DbcSignal,
                    factor: float, offset: float, fail: Any) -> None:
    name, kind = f"{message.name}.{signal.name}", spec.datatype
    mismatch = f"datatype mismatch: {spec.path} is {kind}"
    if kind == "string":
        raise fail(f"{mismatch}; map the DBC values to strings with a map")
    if kind == "boolean":
        plain = signal.scale == 1 and signal.offset == 0 and factor == 1 and offset == 0
        if signal.length != 1 or not plain:
            raise fail(f"{mismatch}; {name} has {signal.length} bits: use a 1-bit signal or a map")
    elif kind in _INTEGERS:
        step, base = signal.scale * factor, signal.offset * factor + offset
        if signal.is_float or not (_whole(step) and _whole(base)):
            scaled = f" times factor {factor:g}" if factor != 1 else ""
            raise fail(f"{mismatch}; {name}{scaled} steps by {step:g}, not by whole numbers")
    elif kind not in _FLOATS:
        raise fail(f"{mismatch}; not supported on CAN")


def _whole(x: float) -> bool:
    return abs(x - round(x)) < 1e-9


def _places(x: float) -> int:
    exponent = Decimal(repr(float(x))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
