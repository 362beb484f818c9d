"""CAN frames <-> VSS samples: a DBC (read by cantools) plus a TOML mapping file.

Everything is checked when the codec is built, so a bad DBC or mapping is refused at
start with FILE:LINE: FIELD named. Decoding never raises: a frame with an unknown id, a
wrong length or a value with no VSS meaning is dropped and counted in `stats`, because
one bad ECU must not silence the whole bus. The mapping format is in docs/can.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import can
import cantools
from cantools.database.can import Database
from cantools.database.can import Message as DbcMessage

from headunit.core.signals import Quality, Sample, SignalError, SignalSpec, make_sample
from headunit.services.vehicle.can_mapping import Binding, close_hint, load_mapping, read_text
from headunit.services.vehicle.source import SourceError

ASSETS = Path(__file__).resolve().parents[2] / "assets" / "can"
DEFAULT_DBC = ASSETS / "headunit.dbc"
DEFAULT_MAPPING = ASSETS / "headunit_mapping.toml"


@dataclass
class CodecStats:
    """What decode() saw; read from any thread (plain ints), written by the reader only."""

    frames: int = 0  # every frame handed to decode()
    decoded: int = 0  # frames of a mapped message that were decoded
    unknown_ids: int = 0  # id not in the DBC: ignored
    unmapped: int = 0  # in the DBC but nothing mapped (e.g. the head unit's own requests)
    bad_frames: int = 0  # wrong length or undecodable payload: dropped
    bad_signals: int = 0  # a value with no VSS meaning (Invalid, Fault, ...): dropped
    error_frames: int = 0  # bus error frames and remote frames: ignored


def load_dbc(path: Path) -> Database:
    """The DBC, or SourceError naming file, line and the offending message or signal."""
    text = read_text(path)
    try:
        db = cantools.database.load_string(text, database_format="dbc", strict=True)
    except cantools.database.UnsupportedDatabaseFormatError as exc:
        raise _dbc_error(path, text, exc.e_dbc or exc) from None
    seen: dict[tuple[int, bool], str] = {}
    for message in db.messages:
        key = (message.frame_id, message.is_extended_frame)
        if key in seen:
            line = _dbc_line(text, rf"BO_\s+{message.frame_id}\s+{message.name}\b")
            raise SourceError(f"{path}:{line}: {message.name}: frame id {message.frame_id:#x} "
                              f"is already used by {seen[key]}")
        seen[key] = message.name
    return db


def _dbc_line(text: str, pattern: str, after: int = 0) -> int:
    regex = re.compile(pattern)
    for number, line in enumerate(text.splitlines(), 1):
        if number > after and regex.search(line):
            return number
    return after or 1


def _dbc_error(path: Path, text: str, cause: BaseException) -> SourceError:
    line = getattr(cause, "line", None)
    if isinstance(line, int):  # a syntax error: textparser knows where
        lines = text.splitlines()
        tokens = lines[line - 1].split()[:2] if 0 < line <= len(lines) else []
        field = " ".join(tokens) or "(end of file)"
        return SourceError(f"{path}:{line}: {field}: DBC syntax error at column "
                           f"{getattr(cause, 'column', '?')}")
    message = str(cause).replace("\n", " ").strip()
    if match := re.search(r"VAL_ (\d+) (\w+)", message):
        line = _dbc_line(text, rf"^VAL_\s+{match[1]}\s+{match[2]}\b")
        return SourceError(f"{path}:{line}: VAL_ {match[1]} {match[2]}: no such signal in that message")
    field, line = "DBC", 1
    if match := re.search(r"message (\w+)", message):
        field, line = match[1], _dbc_line(text, rf"^BO_\s+\d+\s+{match[1]}\b")
        if sig := re.search(r"signals? (\w+)", message):
            field = f"{match[1]}.{sig[1]}"
            line = _dbc_line(text, rf"^\s*SG_\s+{sig[1]}\b", after=line)
    return SourceError(f"{path}:{line}: {field}: {message}")


class CanCodec:
    """Decodes sensor frames to Samples and encodes actuator requests to frames."""

    def __init__(self, dbc_path: Path | str = DEFAULT_DBC,
                 mapping_path: Path | str = DEFAULT_MAPPING) -> None:
        self.dbc_path, self.mapping_path = Path(dbc_path), Path(mapping_path)
        self.db = load_dbc(self.dbc_path)
        sensors, actuators = load_mapping(self.mapping_path, self.db)
        self.stats = CodecStats()
        self._sensors = {b.path: b for b in sensors}
        self._actuators = actuators
        self._known = {(m.frame_id, m.is_extended_frame) for m in self.db.messages}
        self._by_id: dict[tuple[int, bool], tuple[DbcMessage, list[Binding]]] = {}
        for binding in sensors:
            msg = binding.message
            key = (msg.frame_id, msg.is_extended_frame)
            self._by_id.setdefault(key, (msg, []))[1].append(binding)

    @property
    def sensor_paths(self) -> list[str]:
        return list(self._sensors)

    @property
    def actuator_paths(self) -> list[str]:
        return list(self._actuators)

    def decode(self, msg: can.Message, timestamp: float) -> list[Sample]:
        """The samples in one frame; never raises (see CodecStats for what is dropped)."""
        stats = self.stats
        stats.frames += 1
        if msg.is_error_frame or msg.is_remote_frame:
            stats.error_frames += 1
            return []
        key = (msg.arbitration_id, msg.is_extended_id)
        entry = self._by_id.get(key)
        if entry is None:
            if key in self._known:
                stats.unmapped += 1
            else:
                stats.unknown_ids += 1
            return []
        message, bindings = entry
        data = msg.data or b""
        if len(data) != message.length:
            stats.bad_frames += 1
            return []
        try:
            raw = message.decode(bytes(data), decode_choices=False, scaling=False,
                                 allow_truncated=False, allow_excess=False)
        except Exception:  # noqa: BLE001 - any malformed payload is dropped, never fatal
            stats.bad_frames += 1
            return []
        stats.decoded += 1
        samples = []
        for binding in bindings:
            try:
                samples.append(self._sample(binding, raw[binding.signal.name], timestamp))
            except (KeyError, SignalError, TypeError, ValueError, OverflowError):
                stats.bad_signals += 1
        return samples

    @staticmethod
    def _sample(binding: Binding, raw: int | float, timestamp: float) -> Sample:
        sample = make_sample(binding.path, binding.to_vss(raw), timestamp)
        if sample.quality is Quality.VALID and not binding.raw_in_dbc_range(raw):
            return replace(sample, quality=Quality.OUT_OF_RANGE)
        return sample

    def encode(self, path: str, value: object) -> can.Message:
        """The request frame that sets actuator `path` to `value`; other requests in the
        same message carry their start value (GenSigStartValue: "no request")."""
        binding = self._actuators.get(path)
        if binding is None:
            hint = close_hint(path, self._actuators)
            raise SignalError(f"{path!r} is not an actuator of this CAN mapping ({hint})")
        typed = binding.spec.coerce(value)
        if binding.spec.quality_of(typed) is not Quality.VALID:
            raise SignalError(f"{path}: {typed!r} is outside {_range(binding.spec)}")
        raw = binding.to_raw(typed, check_range=True)
        return self._frame(binding.message, {binding.signal.name: raw}, 0.0)

    def frames_for(self, values: Mapping[str, object], timestamp: float = 0.0) -> list[can.Message]:
        """Sensor frames carrying `values` (VSS path -> value): the reverse of decode(), for
        tests and benchmarks. Unlisted signals of a message get their start value."""
        per_message: dict[str, tuple[DbcMessage, dict[str, int | float]]] = {}
        for path, value in values.items():
            binding = self._sensors.get(path)
            if binding is None:
                raise SignalError(f"{path!r} is not a sensor of this CAN mapping "
                                  f"({close_hint(path, self._sensors)})")
            raw = binding.to_raw(binding.spec.coerce(value), check_range=False)
            per_message.setdefault(binding.message.name, (binding.message, {}))[1][binding.signal.name] = raw
        frames = [self._frame(msg, raws, timestamp) for msg, raws in per_message.values()]
        return sorted(frames, key=lambda f: f.arbitration_id)

    @staticmethod
    def _frame(message: DbcMessage, raws: dict[str, int | float], timestamp: float) -> can.Message:
        data = {s.name: s.raw_initial or 0 for s in message.signals} | raws
        payload = message.encode(data, scaling=False, strict=False)
        return can.Message(arbitration_id=message.frame_id, is_extended_id=message.is_extended_frame,
                           data=payload, timestamp=timestamp)


def _range(spec: SignalSpec) -> str:
    return f"the range {spec.min}..{spec.max} {spec.unit or ''}".rstrip()


def load_codec(dbc: str | Path = "", mapping: str | Path = "") -> CanCodec:
    """A codec from the config's vehicle.can_dbc / can_mapping; "" means the bundled file."""
    return CanCodec(Path(dbc).expanduser() if dbc else DEFAULT_DBC,
                    Path(mapping).expanduser() if mapping else DEFAULT_MAPPING)

