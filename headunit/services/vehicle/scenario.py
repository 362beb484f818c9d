"""Scenario files: a drive scripted over time, parsed strictly, evaluated purely.

The format is documented for QA in docs/scenarios.md. Every parse error is a
SourceError ``FILE:LINE: FIELD: what is wrong (expected ...)`` so a typo in a
scenario is found at load time, never half-way through a test drive.
A value outside its signal's range is allowed on purpose: it scripts a faulty
sensor, which the signal model flags OUT_OF_RANGE when it is sampled.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path

from headunit.core.signals import CATALOGUE, GEAR_DRIVE, GEAR_NEUTRAL, GEAR_PARK, GEAR_REVERSE, SignalError, Value
from headunit.services.vehicle.scenario_model import (
    FUEL, GEAR, HEADING, IS_MOVING, LATITUDE, LONGITUDE, ODOMETER, PARKING_BRAKE, POWERTRAIN_TYPE, POWERTRAINS,
    SOC, SPEED, Keyframe, Scenario, format_time, parse_time,
)
from headunit.services.vehicle.source import SourceError

__all__ = ["ALIASES", "Keyframe", "Scenario", "available_scenarios", "load_scenario", "parse_scenario"]

SCENARIO_DIR = Path(__file__).resolve().parents[2] / "assets" / "scenarios"
SUFFIX = ".scenario"

# Short names for the signals every scenario uses; each maps to exactly one path.
ALIASES: Mapping[str, str] = {
    "speed": SPEED,
    "moving": IS_MOVING,
    "gear": GEAR,
    "parking-brake": PARKING_BRAKE,
    "fuel": FUEL,
    "soc": SOC,
    "charging": "Vehicle.Powertrain.TractionBattery.Charging.IsCharging",
    "charge-time-left": "Vehicle.Powertrain.TractionBattery.Charging.TimeToComplete",
    "range": "Vehicle.Powertrain.Range",
    "odometer": ODOMETER,
    "latitude": LATITUDE,
    "longitude": LONGITUDE,
    "heading": HEADING,
    "outside-temp": "Vehicle.Exterior.AirTemperature",
    "cabin-temp": "Vehicle.Cabin.HVAC.AmbientAirTemperature",
    "preheat": "Vehicle.Cabin.HVAC.Preconditioning.IsActive",
}
GEARS: Mapping[str, int] = {"P": GEAR_PARK, "R": GEAR_REVERSE, "N": GEAR_NEUTRAL, "D": GEAR_DRIVE}
HEADER_KEYS = ("name", "description", "duration", "powertrain")
REQUIRED_HEADER = ("name", "duration", "powertrain")
# What the restriction engine and the panel need from the first instant.
REQUIRED_AT_START = {"combustion": (SPEED, GEAR, PARKING_BRAKE, FUEL),
                     "electric": (SPEED, GEAR, PARKING_BRAKE, SOC)}
NOT_ON = {"combustion": "Vehicle.Powertrain.TractionBattery.", "electric": "Vehicle.Powertrain.FuelSystem."}
NO_RAMP = {GEAR: "gear positions change in steps",
           ODOMETER: "the odometer counts the distance driven at the scripted speed by itself"}

_HEADER = re.compile(r"^([A-Za-z][\w-]*)\s*:\s*(.*)$")
_COMMENT = re.compile(r"(^|\s)#.*$")
_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_NAME = re.compile(r"^[A-Za-z0-9][\w.-]*$")


def parse_scenario(text: str, file: str = "<string>") -> Scenario:
    """The scenario in `text`; SourceError naming `file`, line and field on any error."""
    return _Parser(file).parse(text)


class _Parser:
    def __init__(self, file: str) -> None:
        self.file = file
        self.header: dict[str, str | float] = {}
        self.tracks: dict[str, list[Keyframe]] = {}
        self.first_keyframe_line = 0

    def fail(self, line: int, field_name: str, message: str) -> SourceError:
        return SourceError(f"{self.file}:{line}: {field_name}: {message}")

    def parse(self, text: str) -> Scenario:
        last = 1
        for number, raw in enumerate(text.splitlines(), 1):
            last = number
            content = _COMMENT.sub("", raw).strip()
            if not content:
                continue
            header = _HEADER.match(content)
            if header:
                self.header_line(number, header.group(1), header.group(2).strip())
            else:
                self.keyframe_line(number, content.split())
        if not self.first_keyframe_line:
            self.check_header(last)
            raise self.fail(last, "keyframes", "none found (expected lines 'TIME PATH VALUE [ramp]', e.g. '0 speed 0')")
        self.check_tracks()
        return Scenario(str(self.header["name"]), str(self.header.get("description", "")),
                        float(self.header["duration"]), str(self.header["powertrain"]),
                        {p: tuple(ks) for p, ks in self.tracks.items()}, self.file)

    def header_line(self, n: int, key: str, value: str) -> None:
        if self.first_keyframe_line:
            raise self.fail(n, key, f"header line after the first keyframe (line {self.first_keyframe_line}; "
                                    "expected the header at the top of the file)")
        if key not in HEADER_KEYS:
            hint = (f"; a keyframe starts with its time, e.g. '0:30 {key} ...'" if key in ALIASES or key in CATALOGUE
                    else _did_you_mean(key, HEADER_KEYS))
            raise self.fail(n, key, f"unknown header key{hint} (expected one of {', '.join(HEADER_KEYS)})")
        if key in self.header:
            raise self.fail(n, key, "given twice (expected each header key once)")
        if key == "name" and not _NAME.match(value):
            raise self.fail(n, key, f"{value!r} is not a name (expected a word like city-drive)")
        if key == "duration":
            seconds = parse_time(value)
            if seconds is None or seconds <= 0:
                raise self.fail(n, key, f"{value!r} is not a duration (expected seconds like 600 or m:ss like 10:00)")
            self.header[key] = seconds
            return
        if key == "powertrain" and value not in POWERTRAINS:
            raise self.fail(n, key, f"{value!r} is not a powertrain (expected {' or '.join(POWERTRAINS)})")
        self.header[key] = value

    def check_header(self, n: int) -> None:
        for key in REQUIRED_HEADER:
            if key not in self.header:
                raise self.fail(n, key, f"missing header field (expected a line '{key}: ...' at the top of the file)")

    def keyframe_line(self, n: int, tokens: list[str]) -> None:
        if not self.first_keyframe_line:
            self.check_header(n)
            self.first_keyframe_line = n
        if len(tokens) < 3:
            missing = "path" if len(tokens) == 1 else "value"
            raise self.fail(n, missing, "missing (expected 'TIME PATH VALUE [ramp]')")
        if len(tokens) > 4:
            raise self.fail(n, "ramp", f"unexpected {' '.join(tokens[3:])!r} (expected at most 'ramp' after the value)")
        if len(tokens) == 4 and tokens[3] != "ramp":
            raise self.fail(n, "ramp", f"{tokens[3]!r} is not 'ramp' (expected 'ramp', or nothing for a step)")
        t = self.time(n, tokens[0])
        path = self.path(n, tokens[1])
        value = self.value(n, path, tokens[2])
        ramp = len(tokens) == 4
        frames = self.tracks.setdefault(path, [])
        if frames and t <= frames[-1].t:
            what = "is the time of" if t == frames[-1].t else "goes back before"
            raise self.fail(n, "time", f"{format_time(t)} {what} the previous keyframe of {path} "
                                       f"(line {frames[-1].line}; expected the times of one signal to increase)")
        if ramp:
            datatype = CATALOGUE[path].datatype
            if datatype in ("boolean", "string"):
                raise self.fail(n, "ramp", f"{path} is a {datatype} and cannot ramp (expected a step: no 'ramp')")
            if path in NO_RAMP:
                raise self.fail(n, "ramp", f"{path} cannot ramp: {NO_RAMP[path]} (expected a step: no 'ramp')")
            if not frames:
                raise self.fail(n, "ramp", f"nothing to ramp from: first keyframe of {path} "
                                           "(expected a step before a ramp)")
        frames.append(Keyframe(t, value, ramp, n))

    def time(self, n: int, token: str) -> float:
        t = parse_time(token)
        if t is None:
            raise self.fail(n, "time", f"{token!r} is not a time (expected seconds like 90 or 12.5, or m:ss like 1:30)")
        duration = float(self.header["duration"])
        if t > duration:
            raise self.fail(n, "time", f"{token} is after the end of the scenario "
                                       f"(expected at most the duration, {format_time(duration)})")
        return t

    def path(self, n: int, token: str) -> str:
        path = ALIASES.get(token, token)
        if path not in CATALOGUE:
            hint = _did_you_mean(token, [*ALIASES, *CATALOGUE])
            raise self.fail(n, "path", f"unknown signal {token!r}{hint} "
                                       "(expected a VSS path of the catalogue or an alias, see docs/scenarios.md)")
        if path == POWERTRAIN_TYPE:
            raise self.fail(n, "path", f"{path} comes from the 'powertrain:' header (expected no keyframes for it)")
        powertrain = str(self.header["powertrain"])
        if path.startswith(NOT_ON[powertrain]):
            raise self.fail(n, "path", f"{path} does not exist on a {powertrain} vehicle "
                                       "(expected signals of the 'powertrain:' in the header)")
        return path

    def value(self, n: int, path: str, token: str) -> Value:
        spec = CATALOGUE[path]
        raw: object = token
        if path == GEAR and token.upper() in GEARS:
            raw = GEARS[token.upper()]
        elif token.lower() in ("true", "false"):
            raw = token.lower() == "true"
        elif _INT.match(token):
            raw = int(token)
        elif _FLOAT.match(token):
            raw = float(token)
        try:
            return spec.coerce(raw)
        except SignalError as error:
            hint = {"boolean": " (write true or false)", "string": ""}.get(spec.datatype, " (write a number)")
            hint = " (write P, R, N, D or a VSS gear number)" if path == GEAR else hint
            raise self.fail(n, "value", f"{error}{hint}") from None

    def check_tracks(self) -> None:
        powertrain = str(self.header["powertrain"])
        for path in REQUIRED_AT_START[powertrain]:
            frames = self.tracks.get(path)
            if not frames:
                raise self.fail(self.first_keyframe_line, "path", f"{path} has no keyframe "
                                                                  "(expected its initial value at 0)")
            if frames[0].t > 0:
                raise self.fail(frames[0].line, "time", f"{path} is first set at {format_time(frames[0].t)} "
                                                        "(expected its initial value at 0)")
        lat, lon = self.tracks.get(LATITUDE), self.tracks.get(LONGITUDE)
        if bool(lat) != bool(lon):
            alone, other = (LATITUDE, LONGITUDE) if lat else (LONGITUDE, LATITUDE)
            raise self.fail(self.tracks[alone][0].line, "path", f"{alone} without {other} (expected both)")


def _did_you_mean(word: str, candidates: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, candidates, n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(close)}?" if close else ""


def available_scenarios() -> list[str]:
    """Names of the scenarios shipped in headunit/assets/scenarios."""
    return sorted(p.stem for p in SCENARIO_DIR.glob(f"*{SUFFIX}"))


def load_scenario(name_or_path: str) -> Scenario:
    """A shipped scenario by name (`city-drive`), or a file when the argument contains
    a '/' or ends in .scenario."""
    if "/" in name_or_path or name_or_path.endswith(SUFFIX):
        file = Path(name_or_path)
    else:
        file = SCENARIO_DIR / f"{name_or_path}{SUFFIX}"
        if not file.is_file():
            names = available_scenarios()
            raise SourceError(f"unknown scenario {name_or_path!r}{_did_you_mean(name_or_path, names)} "
                              f"(available: {', '.join(names) or 'none'})")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise SourceError(f"{file}: cannot read the scenario ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceError(f"{file}:{line}: text: not UTF-8 (expected a UTF-8 text file)") from None
    return parse_scenario(text, str(file))
