"""Find, read and resolve the head unit's TOML config file (XDG Base Directory layout).

Precedence: defaults < config file < command-line overrides. Paths in the file are
resolved against the file's folder, paths given on the command line against the
current directory, so a config file can be moved together with its data.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path
from typing import Any, Mapping

from headunit.core.config import (
    Config,
    ConfigError,
    Problem,
    config_from_mapping,
    known_keys,
    problem,
    with_overrides,
)

APP_NAME = "headunit"
CLI_SOURCE = "command line"


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME")
    return Path(home) if home else Path.home()


def _xdg_dir(env: Mapping[str, str], variable: str, fallback: str) -> Path:
    """$variable if it is set to an absolute path (the XDG spec ignores relative ones)."""
    value = env.get(variable, "")
    base = Path(value) if value and os.path.isabs(value) else _home(env) / fallback
    return base / APP_NAME


def default_config_path(env: Mapping[str, str] = os.environ) -> Path:
    """$XDG_CONFIG_HOME/headunit/config.toml, else ~/.config/headunit/config.toml."""
    return _xdg_dir(env, "XDG_CONFIG_HOME", ".config") / "config.toml"


def default_data_dir(env: Mapping[str, str] = os.environ) -> Path:
    """$XDG_DATA_HOME/headunit, else ~/.local/share/headunit."""
    return _xdg_dir(env, "XDG_DATA_HOME", ".local/share")


def resolve_path(value: str, base_dir: Path, env: Mapping[str, str] = os.environ) -> str:
    """An absolute, normalised path: `~` expanded from env HOME, relative to base_dir."""
    if value == "~" or value.startswith("~/"):
        value = str(_home(env)) + value[1:]
    else:
        value = os.path.expanduser(value)  # ~user forms
    return os.path.normpath(base_dir / value)


def _read_document(path: Path) -> dict[str, Any]:
    source = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(source, [Problem("", "config file not found")]) from None
    except IsADirectoryError:
        raise ConfigError(source, [Problem("", "expected a file, got a directory")]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigError(source, [Problem("", f"cannot read config file: {reason}")]) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - raw.rfind(b"\n", 0, exc.start)
        message = f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at line {line}, column {column}"
        raise ConfigError(source, [Problem("", message)]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(source, [Problem("", f"invalid TOML: {exc}")]) from None


def _resolve_paths(config: Config, base_dir: Path, env: Mapping[str, str]) -> Config:
    """Make every path absolute; "" stays "" except data_dir, which gets the XDG default."""

    def resolve(value: str) -> str:
        return resolve_path(value, base_dir, env) if value else ""

    replace = dataclasses.replace
    data_dir = resolve(config.paths.data_dir) or str(default_data_dir(env))
    return replace(
        config,
        paths=replace(config.paths, data_dir=data_dir),
        backend=replace(config.backend, ca_bundle=resolve(config.backend.ca_bundle)),
        vehicle=replace(config.vehicle, replay_file=resolve(config.vehicle.replay_file),
                        can_dbc=resolve(config.vehicle.can_dbc), can_mapping=resolve(config.vehicle.can_mapping)),
        map=replace(config.map, database=resolve(config.map.database),
                    default_extract=resolve(config.map.default_extract)),
    )


def _check_files_exist(config: Config, source_of: Mapping[str, str]) -> None:
    """Files the config names must exist now, not fail at the first TLS handshake."""
    wanted = {"backend.ca_bundle": config.backend.ca_bundle, "map.default_extract": config.map.default_extract}
    if config.vehicle.source == "replay":
        wanted["vehicle.replay_file"] = config.vehicle.replay_file
    if config.vehicle.source in ("can", "replay"):
        wanted["vehicle.can_dbc"] = config.vehicle.can_dbc
        wanted["vehicle.can_mapping"] = config.vehicle.can_mapping
    for key, value in wanted.items():
        if value and not os.path.isfile(value):
            raise ConfigError(source_of[key], [problem(key, f"file not found: {value}")])


def load_config(
    path: Path | None = None,
    env: Mapping[str, str] = os.environ,
    *,
    overrides: Mapping[str, Any] | None = None,
    cwd: Path | None = None,
) -> Config:
    """Defaults, then the config file, then command-line overrides (dotted keys).

    An explicit path must exist; with None the default path is read if it exists.
    The result has every path absolute and paths.data_dir filled in. Overrides use
    the keys of known_keys(); a None value means the flag was not given.
    """
    cwd = cwd or Path.cwd()
    if path is None and default_config_path(env).exists():
        path = default_config_path(env)
    config, file_source = Config(), "defaults"
    if path is not None:
        path = Path(resolve_path(str(path), cwd, env))
        file_source = str(path)
        config = config_from_mapping(_read_document(path), file_source)
        config = _resolve_paths(config, path.parent, env)
    given = {key: value for key, value in (overrides or {}).items() if value is not None}
    if given:
        config = with_overrides(config, given, CLI_SOURCE)
    config = _resolve_paths(config, cwd, env)  # paths from the file are already absolute
    sources = {key: CLI_SOURCE if key in given else file_source for key in known_keys()}
    _check_files_exist(config, sources)
    return config
