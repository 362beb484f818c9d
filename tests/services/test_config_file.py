"""headunit.services.config_file: XDG locations, reading, errors and path resolution."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from headunit.core.config import Config, ConfigError, DisplayConfig
from headunit.services.config_file import (
    default_config_path,
    default_data_dir,
    load_config,
    resolve_path,
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A HOME of our own, so no test can read the real user's config."""
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home)}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path | None, env: dict[str, str], **kwargs: object) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path, env, **kwargs)  # type: ignore[arg-type]
    return str(info.value)


# --- XDG locations -----------------------------------------------------------------------


def test_default_paths_follow_xdg_variables() -> None:
    env = {"HOME": "/home/u", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data"}
    assert default_config_path(env) == Path("/cfg/headunit/config.toml")
    assert default_data_dir(env) == Path("/data/headunit")


def test_default_paths_fall_back_to_home() -> None:
    env = {"HOME": "/home/u"}
    assert default_config_path(env) == Path("/home/u/.config/headunit/config.toml")
    assert default_data_dir(env) == Path("/home/u/.local/share/headunit")


def test_relative_or_empty_xdg_variables_are_ignored() -> None:
    env = {"HOME": "/home/u", "XDG_CONFIG_HOME": "rel/cfg", "XDG_DATA_HOME": ""}
    assert default_config_path(env) == Path("/home/u/.config/headunit/config.toml")
    assert default_data_dir(env) == Path("/home/u/.local/share/headunit")


def test_resolve_path_expands_home_from_env_and_joins_relative_paths() -> None:
    env = {"HOME": "/home/u"}
    assert resolve_path("~/maps", Path("/etc"), env) == "/home/u/maps"
    assert resolve_path("~", Path("/etc"), env) == "/home/u"
    assert resolve_path("data/../cache", Path("/etc/headunit"), env) == "/etc/headunit/cache"
    assert resolve_path("/abs", Path("/etc"), env) == "/abs"


# --- finding and reading the file --------------------------------------------------------


def test_no_file_gives_defaults_with_the_xdg_data_dir(env: dict[str, str], tmp_path: Path) -> None:
    config = load_config(None, env, cwd=tmp_path)
    assert config.display == Config().display
    assert config.paths.data_dir == str(default_data_dir(env))


def test_default_file_is_read_when_it_exists(env: dict[str, str], tmp_path: Path) -> None:
    write(default_config_path(env), '[display]\ntheme = "night"\n')
    assert load_config(None, env, cwd=tmp_path).display.theme == "night"


def test_explicit_file_is_read(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "hu.toml", '[display]\nsize = "800x480"\nlanguage = "de"\n')
    display = load_config(path, env).display
    assert display == DisplayConfig(width=800, height=480, language="de")


def test_relative_explicit_path_is_relative_to_cwd(env: dict[str, str], tmp_path: Path) -> None:
    write(tmp_path / "conf" / "hu.toml", '[display]\ntheme = "night"\n')
    assert load_config(Path("conf/hu.toml"), env, cwd=tmp_path).display.theme == "night"


def test_missing_explicit_file_is_an_error_naming_it(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "missing.toml"
    assert load_error(path, env) == f"{path}: config file not found"


def test_directory_instead_of_a_file_is_an_error(env: dict[str, str], tmp_path: Path) -> None:
    default_config_path(env).mkdir(parents=True)
    message = load_error(None, env, cwd=tmp_path)
    assert message == f"{default_config_path(env)}: expected a file, got a directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_an_error_naming_it(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "secret.toml", "")
    path.chmod(0)
    assert load_error(path, env) == f"{path}: cannot read config file: Permission denied"


def test_path_through_a_file_is_an_error_naming_it(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "not-a-dir", "") / "hu.toml"
    assert load_error(path, env) == f"{path}: cannot read config file: Not a directory"


def test_toml_syntax_error_names_file_line_and_column(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "bad.toml", '[display]\ntheme = "night\n')
    message = load_error(path, env)
    assert message.startswith(f"{path}: invalid TOML: ")
    assert "(at line 2, column" in message


def test_duplicate_key_is_a_toml_error(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "dup.toml", '[display]\ntheme = "day"\ntheme = "night"\n')
    assert "invalid TOML: Cannot overwrite a value (at line 3" in load_error(path, env)


def test_non_utf8_file_is_an_error(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[vehicle]\nscenario = "Köln"\n'.encode("latin-1"))
    assert load_error(path, env) == f"{path}: not UTF-8 text: byte 0xf6 at line 2, column 14"


def test_utf8_byte_order_mark_is_accepted(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes('\ufeff[vehicle]\nscenario = "Köln"\n'.encode("utf-8"))
    assert load_config(path, env).vehicle.scenario == "Köln"


def test_invalid_values_name_the_file_and_every_key(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "hu.toml", '[display]\ntheme = "dusk"\ncolor = "red"\n')
    assert load_error(path, env).splitlines() == [
        f"{path}: display.theme: expected one of day, night, got 'dusk'",
        f"{path}: unknown key 'display.color' (known keys in [display]: size, theme, "
        "language, platform)",
    ]


# --- path resolution ---------------------------------------------------------------------


def test_relative_data_dir_is_relative_to_the_file(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "etc" / "hu.toml", '[paths]\ndata_dir = "../var/hu"\n')
    assert load_config(path, env).paths.data_dir == str(tmp_path / "var" / "hu")


def test_data_dir_tilde_is_expanded_from_env(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "hu.toml", '[paths]\ndata_dir = "~/hu-data"\n')
    assert load_config(path, env).paths.data_dir == f"{env['HOME']}/hu-data"


def test_empty_data_dir_in_file_is_the_xdg_default(env: dict[str, str], tmp_path: Path) -> None:
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    path = write(tmp_path / "hu.toml", '[paths]\ndata_dir = ""\n')
    assert load_config(path, env).paths.data_dir == str(tmp_path / "xdg" / "headunit")


def test_ca_bundle_is_resolved_and_must_exist(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "hu.toml", '[backend]\nca_bundle = "certs/ca.pem"\n')
    bundle = tmp_path / "certs" / "ca.pem"
    assert load_error(path, env) == f"{path}: backend.ca_bundle: file not found: {bundle}"
    write(bundle, "-----BEGIN CERTIFICATE-----\n")
    assert load_config(path, env).backend.ca_bundle == str(bundle)


def test_replay_file_must_exist_when_replaying(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "hu.toml", '[vehicle]\nsource = "replay"\nreplay_file = "t.log"\n')
    trace = tmp_path / "t.log"
    assert load_error(path, env) == f"{path}: vehicle.replay_file: file not found: {trace}"
    write(trace, "")
    assert load_config(path, env).vehicle.replay_file == str(trace)


# --- command-line overrides --------------------------------------------------------------


def test_command_line_overrides_the_file(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "hu.toml", '[display]\ntheme = "night"\nsize = "800x480"\n')
    overrides = {"display.size": "1920x720", "display.theme": None, "paths.data_dir": "d"}
    config = load_config(path, env, overrides=overrides, cwd=tmp_path / "work")
    assert (config.display.width, config.display.height, config.display.theme) == (
        1920, 720, "night",
    )
    assert config.paths.data_dir == str(tmp_path / "work" / "d")


def test_bad_override_names_the_command_line(env: dict[str, str], tmp_path: Path) -> None:
    message = load_error(None, env, overrides={"display.language": "German"}, cwd=tmp_path)
    assert message == (
        "command line: display.language: expected a language code like en, de or zh_CN, "
        "got 'German'"
    )


def test_file_errors_come_before_overrides(env: dict[str, str], tmp_path: Path) -> None:
    path = write(tmp_path / "hu.toml", '[display]\ntheme = "dusk"\n')
    message = load_error(path, env, overrides={"display.theme": "night"})
    assert message == f"{path}: display.theme: expected one of day, night, got 'dusk'"
