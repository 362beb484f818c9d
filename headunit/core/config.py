"""Head unit configuration: typed sections, documented defaults and validation.

Pure (no I/O). The TOML file and the command line both go through config_from_mapping,
so a value is checked by one rule with one message wherever it came from. An unknown
key is an error, never ignored: a typo must not silently fall back to a default.
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, Mapping, Sequence

from headunit.core.config_checks import (
    LANGUAGE, NON_EMPTY, PLATFORM, VIN, Check, check_size, check_url, int_range, setting, number_range,
    one_of, positive, parse_size,
)

THEMES = ("day", "night")
VEHICLE_SOURCES = ("simulator", "can", "replay")
LOG_LEVELS = ("debug", "info", "warning", "error")

@dataclass(frozen=True)
class DisplayConfig:
    """[display]; `size = "WxH"` in TOML (320x240..3840x2160) is stored as width/height."""

    width: int = 1280
    height: int = 720
    theme: str = setting("day", one_of(*THEMES))
    language: str = setting("en", LANGUAGE)
    platform: str = setting("", PLATFORM)  # Qt platform plugin; "" lets Qt choose


@dataclass(frozen=True)
class PathsConfig:
    """[paths]; data_dir "" means the XDG data dir, resolved by the loader."""

    data_dir: str = setting("")


@dataclass(frozen=True)
class BackendConfig:
    """[backend]; TLS verification cannot be turned off, so there is no `verify` key."""

    url: str = setting("", check_url)  # "" = start the local reference backend
    ca_bundle: str = setting("")  # "" = system CAs
    connect_timeout_s: float = setting(3.0, positive)
    read_timeout_s: float = setting(10.0, positive)
    vin: str = setting("WHU5MULATR0000001", VIN)  # this vehicle's identity at the backend
    credential_file: str = setting("")  # "" = <data_dir>/backend/credential.json (0600)
    stale_after_s: int = setting(300, int_range(10, 86_400))  # cached data older is marked stale
    health_interval_s: float = setting(10.0, number_range(1.0, 3600.0))


@dataclass(frozen=True)
class VehicleConfig:
    """[vehicle]: where signals come from (replay_file required for "replay"), warning levels.

    can_dbc and can_mapping "" mean the bundled assets/can/headunit.dbc and
    assets/can/headunit_mapping.toml.
    """

    source: str = setting("simulator", one_of(*VEHICLE_SOURCES))
    scenario: str = setting("city-drive", NON_EMPTY)
    can_interface: str = setting("socketcan", NON_EMPTY)
    can_channel: str = setting("can0", NON_EMPTY)
    replay_file: str = setting("")
    can_dbc: str = setting("")
    can_mapping: str = setting("")
    low_fuel_percent: int = setting(10, int_range(1, 50))
    low_tyre_kpa: int = setting(190, int_range(50, 500))
    tank_capacity_l: float = setting(50.0, number_range(1, 500))  # VSS FuelSystem.TankCapacity
    battery_capacity_kwh: float = setting(60.0, number_range(1, 500))  # VSS TractionBattery.NetCapacity


@dataclass(frozen=True)
class FeaturesConfig:
    """[features]: switch whole features off for a market or a trim level."""

    map: bool = setting(True)
    media: bool = setting(True)
    vehicle: bool = setting(True)
    apps: bool = setting(True)
    payments: bool = setting(True)
    video: bool = setting(True)


@dataclass(frozen=True)
class RestrictionLimits:
    """[restrictions] while moving: NHTSA visual-manual and Android CarUxRestrictions.

    The *_kmh and stop_hold_s keys set when the vehicle counts as moving: above
    moving_above_kmh at once, back to stopped only after stop_hold_s below
    stopped_below_kmh (hysteresis, so a crawl in traffic does not flap).
    """

    max_list_items: int = setting(21, int_range(1))
    max_string_chars: int = setting(120, int_range(1))
    max_task_screens: int = setting(5, int_range(1))
    video_while_moving: bool = setting(False)
    keyboard_while_moving: bool = setting(False)
    payment_while_moving: bool = setting(False)
    moving_above_kmh: float = setting(8.0, positive)
    stopped_below_kmh: float = setting(3.0, number_range(0))
    stop_hold_s: float = setting(2.0, number_range(0, 30))


@dataclass(frozen=True)
class LoggingConfig:
    """[logging]: level of the headunit logger and rotation of its file."""

    level: str = setting("info", one_of(*LOG_LEVELS))
    file_max_bytes: int = setting(1_000_000, int_range(10_000))
    file_backups: int = setting(5, int_range(0, 100))


@dataclass(frozen=True)
class MapConfig:
    """[map]: the offline map.

    database "" means <data_dir>/maps/map.db. default_extract "" means the bundled
    Helsinki extract, imported on the first start that finds no map database.
    start_lat/start_lon place the car until the vehicle reports a position.
    """

    database: str = setting("")
    default_extract: str = setting("")
    start_lat: float = setting(60.1699, number_range(-85, 85))
    start_lon: float = setting(24.9415, number_range(-180, 180))
    heading_up: bool = setting(False)
    tile_cache_mb: int = setting(64, int_range(4, 4096))
    off_route_m: float = setting(40.0, number_range(10, 500))


@dataclass(frozen=True)
class PayConfig:
    """[pay]: how a payment's status is polled (the way Alipay advises: every 3-5 s, up to 60 s)."""

    poll_interval_s: float = setting(3.0, number_range(1, 10))
    poll_timeout_s: float = setting(60.0, number_range(10, 170))  # below the backend's 180 s order life


APP_PERMISSIONS = ("vehicle.read", "payments", "network", "media.audio", "media.video")
VIDEO_AUDIO_WHILE_MOVING = ("pause", "continue")


def _permissions(value: tuple[str, ...]) -> str | None:
    unknown = [p for p in value if p not in APP_PERMISSIONS]
    if unknown:
        return f"expected permissions from {', '.join(APP_PERMISSIONS)}, got {unknown[0]!r}"
    return None


@dataclass(frozen=True)
class MediaConfig:
    """[media]: the local library, streams and audio focus.

    music_dirs and video_dirs are folders scanned in the background (and rescanned when
    they change); empty means the small generated library bundled in assets/media.
    """

    music_dirs: tuple[str, ...] = setting(())
    video_dirs: tuple[str, ...] = setting(())
    video_audio_while_moving: str = setting("pause", one_of(*VIDEO_AUDIO_WHILE_MOVING))
    duck_percent: int = setting(25, int_range(0, 100))  # music volume under a prompt or a call
    stream_timeout_s: float = setting(10.0, number_range(1, 120))  # a stream that does not start


@dataclass(frozen=True)
class AppsConfig:
    """[apps]: app folders and what apps may use.

    dirs are folders that hold app folders (each with a manifest.json), beside the built-in
    ones. An app asking for a permission not in granted_permissions is refused.
    package_public_key is the integrator's Ed25519 key (32 bytes, base64) that partner app
    packages must be signed with; "" trusts the local reference backend's key when that
    backend is the one in use, and refuses every package otherwise.
    install_dir "" means <data_dir>/apps.
    """

    dirs: tuple[str, ...] = setting(())
    granted_permissions: tuple[str, ...] = setting(("vehicle.read", "network", "media.audio", "media.video"),
                                                   _permissions)
    package_public_key: str = setting("")
    install_dir: str = setting("")


@dataclass(frozen=True)
class Config:
    """The whole configuration; `Config()` is the documented default."""

    display: DisplayConfig = field(default_factory=DisplayConfig)
    paths: PathsConfig = field(default_factory=PathsConfig)
    backend: BackendConfig = field(default_factory=BackendConfig)
    vehicle: VehicleConfig = field(default_factory=VehicleConfig)
    features: FeaturesConfig = field(default_factory=FeaturesConfig)
    restrictions: RestrictionLimits = field(default_factory=RestrictionLimits)
    map: MapConfig = field(default_factory=MapConfig)
    pay: PayConfig = field(default_factory=PayConfig)
    media: MediaConfig = field(default_factory=MediaConfig)
    apps: AppsConfig = field(default_factory=AppsConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)


@dataclass(frozen=True)
class Problem:
    """One thing wrong: the dotted key it concerns and a one-line text naming that key."""

    key: str
    text: str


def problem(key: str, message: str) -> Problem:
    """A Problem whose text is "key: message"."""
    return Problem(key, f"{key}: {message}")


class ConfigError(ValueError):
    """Invalid configuration: one line per problem, each starting with the source."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(f"{source}: {p.text}" for p in self.problems))


_KINDS: dict[type, tuple[str, tuple[type, ...]]] = {  # default's type -> (name, TOML types)
    str: ("a string", (str,)),
    int: ("an integer", (int,)),
    float: ("a number", (int, float)),
    bool: ("a boolean (true or false)", (bool,)),
    tuple: ("an array of strings", (list, tuple)),
}
_SIZE = "size"  # the one key that is not a field: DisplayConfig width and height


def _section_keys(cls: type) -> dict[str, tuple[type, Check | None]]:
    keys = {_SIZE: (str, check_size)} if cls is DisplayConfig else {}
    keys.update({f.name: (type(f.default), f.metadata["check"])
                 for f in fields(cls) if f.metadata})
    return keys


_SCHEMA = {f.name: (f.default_factory, _section_keys(f.default_factory)) for f in fields(Config)}


def known_keys() -> list[str]:
    """Every dotted key the config accepts, in documentation order."""
    return [f"{section}.{key}" for section, (_, keys) in _SCHEMA.items() for key in keys]


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"a boolean {str(value).lower()}"
    for kind, article in ((int, "an integer"), (float, "a float"), (str, "a string")):
        if isinstance(value, kind):
            return f"{article} {value!r}"
    return "a table" if isinstance(value, Mapping) else (
        "an array" if isinstance(value, list) else "a date/time"
    )


def _check_value(kind: type, check: Check | None, value: Any) -> str | None:
    name, types = _KINDS[kind]
    if not isinstance(value, types) or (kind is bool) != isinstance(value, bool):
        return f"expected {name}, got {_describe(value)}"  # bool is an int, but not here
    texts = value if kind is tuple else [value] if kind is str else []
    for text in texts:
        if not isinstance(text, str):
            return f"expected {name}, got an array holding {_describe(text)}"
        if any(unicodedata.category(c) in ("Cc", "Cs") for c in text):
            return f"expected a string without control characters, got {text!r}"
    return check(tuple(value) if kind is tuple else value) if check else None


def _hint(close: list[str], fallback: str) -> str:
    return f"did you mean {' or '.join(close)}?" if close else fallback


def _unknown_key(section: str, key: str) -> Problem:
    dotted, keys = f"{section}.{key}", list(_SCHEMA[section][1])
    close = [f"'{section}.{k}'" for k in difflib.get_close_matches(key, keys, n=3)]
    close += [f"'{k}'" for k in known_keys() if k.endswith(f".{key}") and k != dotted]
    hint = _hint(close, f"known keys in [{section}]: {', '.join(keys)}")
    return Problem(dotted, f"unknown key '{dotted}' ({hint})")


def _unknown_top_level(name: str, value: Any) -> Problem:
    if isinstance(value, Mapping):
        close = [f"[{s}]" for s in difflib.get_close_matches(name, list(_SCHEMA), n=3)]
        hint = _hint(close, f"known sections: {', '.join(_SCHEMA)}")
        return Problem(name, f"unknown section [{name}] ({hint})")
    close = [f"'{k}'" for k in known_keys() if k.split(".", 1)[1] == name]
    return Problem(name, f"unknown key '{name}' ({_hint(close, 'keys belong in a section')})")


def _cross_key_problems(config: Config, bad_keys: set[str]) -> list[Problem]:
    """Rules between keys, checked only when each key involved is valid on its own."""
    found = []
    if config.vehicle.source == "replay" and not config.vehicle.replay_file and not (
        bad_keys & {"vehicle.source", "vehicle.replay_file"}
    ):
        message = "expected a trace file when vehicle.source is 'replay', got ''"
        found.append(problem("vehicle.replay_file", message))
    limits = config.restrictions
    hysteresis = {"restrictions.stopped_below_kmh", "restrictions.moving_above_kmh"}
    if limits.stopped_below_kmh >= limits.moving_above_kmh and not bad_keys & hysteresis:
        message = (
            f"expected less than restrictions.moving_above_kmh ({limits.moving_above_kmh:g}), "
            f"got {limits.stopped_below_kmh:g}"
        )
        found.append(problem("restrictions.stopped_below_kmh", message))
    return found


def config_from_mapping(data: Mapping[str, Any], source: str) -> Config:
    """Validate a parsed TOML document; raise ConfigError listing every problem."""
    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    for name, table in data.items():
        if name not in _SCHEMA:
            problems.append(_unknown_top_level(name, table))
            continue
        if not isinstance(table, Mapping):
            problems.append(problem(name, f"expected a table [{name}], got {_describe(table)}"))
            continue
        cls, keys = _SCHEMA[name]
        values: dict[str, Any] = {}
        for key, value in table.items():
            message = _check_value(*keys[key], value) if key in keys else None
            if key not in keys:
                problems.append(_unknown_key(name, key))
            elif message is not None:
                problems.append(problem(f"{name}.{key}", message))
            elif key == _SIZE:
                values["width"], values["height"] = parse_size(value)
            else:
                kind = keys[key][0]
                values[key] = float(value) if kind is float else tuple(value) if kind is tuple else value
        sections[name] = cls(**values)
    config = Config(**sections)
    problems += _cross_key_problems(config, {p.key for p in problems})
    if problems:
        raise ConfigError(source, problems)
    return config


def config_to_mapping(config: Config) -> dict[str, dict[str, Any]]:
    """The config as a TOML-shaped document (the inverse of config_from_mapping)."""
    out: dict[str, dict[str, Any]] = {}
    for name, (_, keys) in _SCHEMA.items():
        section = getattr(config, name)
        out[name] = {k: getattr(section, k) for k in keys if k != _SIZE}
    out["display"] = {_SIZE: f"{config.display.width}x{config.display.height}", **out["display"]}
    return out


def with_overrides(
    config: Config, overrides: Mapping[str, Any], source: str = "command line"
) -> Config:
    """Apply dotted-key overrides ({"display.size": "800x480"}) through the same checks.

    A value of None means "not given" and is skipped, so a CLI can pass its flags as is.
    """
    document = config_to_mapping(config)
    problems: list[Problem] = []
    for dotted, value in overrides.items():
        section, _, key = dotted.partition(".")
        if value is None:
            continue
        if section not in _SCHEMA or not key:
            problems.append(_unknown_top_level(dotted, value))
        elif key not in _SCHEMA[section][1]:
            problems.append(_unknown_key(section, key))
        else:
            document[section][key] = value
    try:
        result = config_from_mapping(document, source)
    except ConfigError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ConfigError(source, problems)
    return result


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
_TO_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def toml_string(text: str) -> str:
    """A TOML basic string literal for text: quotes, backslashes and control chars escaped."""
    escape = _TO_ESCAPE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04X}"), text)
    return f'"{escape}"'


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return repr(value) if isinstance(value, (int, float)) else toml_string(str(value))


def config_to_toml(config: Config) -> str:
    """The effective config as TOML text that config_from_mapping reads back equal."""
    blocks = []
    for section, table in config_to_mapping(config).items():
        lines = [f"[{section}]"] + [f"{k} = {_toml_value(v)}" for k, v in table.items()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
