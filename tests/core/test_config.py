"""headunit.core.config: defaults, validation messages, overrides, TOML round trip."""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headunit.core.config import (
    LOG_LEVELS,
    THEMES,
    VEHICLE_SOURCES,
    BackendConfig,
    Config,
    ConfigError,
    DisplayConfig,
    FeaturesConfig,
    LoggingConfig,
    PathsConfig,
    RestrictionLimits,
    VehicleConfig,
    config_from_mapping,
    config_to_mapping,
    config_to_toml,
    known_keys,
    parse_size,
    toml_string,
    with_overrides,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"
SOURCE = "/etc/headunit.toml"


def error_for(data: dict[str, Any]) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        config_from_mapping(data, SOURCE)
    return info.value


def test_defaults_are_the_documented_values() -> None:
    config = Config()
    assert config.display == DisplayConfig(1280, 720, "day", "en", "")
    assert config.paths.data_dir == ""
    assert config.backend == BackendConfig("", "", 3.0, 10.0, "WHU5MULATR0000001", "", 300, 10.0)
    assert config.vehicle == VehicleConfig("simulator", "city-drive", "socketcan", "can0", "")
    assert all(dataclasses.astuple(config.features))
    assert config.restrictions == RestrictionLimits(21, 120, 5, False, False, False)
    assert config.logging == LoggingConfig("info", 1_000_000, 5)


def test_empty_document_gives_defaults_and_partial_sections_keep_other_defaults() -> None:
    assert config_from_mapping({}, SOURCE) == Config()
    config = config_from_mapping({"display": {"theme": "night", "size": "800x480"}}, SOURCE)
    assert config.display == DisplayConfig(width=800, height=480, theme="night")
    assert config.restrictions == RestrictionLimits()


def test_integer_timeout_is_accepted_as_float() -> None:
    config = config_from_mapping({"backend": {"connect_timeout_s": 2}}, SOURCE)
    assert config.backend.connect_timeout_s == 2.0
    assert isinstance(config.backend.connect_timeout_s, float)


# --- the example file in docs/ stays true ------------------------------------------------


def test_example_file_parses_to_the_defaults() -> None:
    document = tomllib.loads((DOCS / "config.example.toml").read_text(encoding="utf-8"))
    assert config_from_mapping(document, "docs/config.example.toml") == Config()


def test_example_file_lists_every_key_with_a_comment() -> None:
    text = (DOCS / "config.example.toml").read_text(encoding="utf-8")
    document = tomllib.loads(text)
    listed = [f"{section}.{key}" for section, table in document.items() for key in table]
    assert listed == known_keys()
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if re.match(r"^\w+ = ", line):
            assert lines[number - 1].startswith("#"), f"no comment above {line!r}"


def test_configuration_doc_names_every_section() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for section in config_to_mapping(Config()):
        assert f"[{section}]" in text


# --- parse_size --------------------------------------------------------------------------


@pytest.mark.parametrize("text, size", [("1280x720", (1280, 720)), ("800X480", (800, 480))])
def test_parse_size_reads_width_and_height(text: str, size: tuple[int, int]) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["12x", "x720", "1280*720", " 800x480", "800x480px", "", "-1x5"])
def test_parse_size_rejects_malformed_text(text: str) -> None:
    expected = f"expected WIDTHxHEIGHT like 1280x720, got {text!r}"
    with pytest.raises(ValueError, match=re.escape(expected)):
        parse_size(text)


# --- errors: each names the source, the dotted key, what is wrong, what was expected ----


BOOLEAN = "expected a boolean (true or false)"
LANGUAGE = "expected a language code like en, de or zh_CN"


@pytest.mark.parametrize(
    "data, line",
    [
        ({"display": {"theme": "dusk"}}, "display.theme: expected one of day, night, got 'dusk'"),
        ({"restrictions": {"max_list_items": "21"}},
         "restrictions.max_list_items: expected an integer, got a string '21'"),
        ({"restrictions": {"max_list_items": True}},
         "restrictions.max_list_items: expected an integer, got a boolean true"),
        ({"restrictions": {"max_list_items": 2.5}},
         "restrictions.max_list_items: expected an integer, got a float 2.5"),
        ({"features": {"map": 1}}, f"features.map: {BOOLEAN}, got an integer 1"),
        ({"features": {"video": "no"}}, f"features.video: {BOOLEAN}, got a string 'no'"),
        ({"backend": {"read_timeout_s": True}},
         "backend.read_timeout_s: expected a number, got a boolean true"),
        ({"backend": {"url": ["https://a"]}}, "backend.url: expected a string, got an array"),
        ({"vehicle": {"scenario": {"a": 1}}}, "vehicle.scenario: expected a string, got a table"),
        ({"display": "big"}, "display: expected a table [display], got a string 'big'"),
        ({"display": {"size": "12x"}},
         "display.size: expected WIDTHxHEIGHT like 1280x720, got '12x'"),
        ({"display": {"language": "english"}}, f"display.language: {LANGUAGE}, got 'english'"),
        ({"display": {"language": "zh_cn"}}, f"display.language: {LANGUAGE}, got 'zh_cn'"),
        ({"display": {"platform": "x c b"}},
         "display.platform: expected a Qt platform plugin like xcb or eglfs, got 'x c b'"),
        ({"vehicle": {"source": "obd"}},
         "vehicle.source: expected one of simulator, can, replay, got 'obd'"),
        ({"vehicle": {"can_channel": ""}},
         "vehicle.can_channel: expected a non-empty string, got ''"),
        ({"logging": {"level": "INFO"}},
         "logging.level: expected one of debug, info, warning, error, got 'INFO'"),
        ({"paths": {"data_dir": "/data\n/x"}},
         "paths.data_dir: expected a string without control characters, got '/data\\n/x'"),
    ],
)
def test_wrong_type_or_value_names_source_key_and_expectation(data: dict, line: str) -> None:
    assert str(error_for(data)) == f"{SOURCE}: {line}"


SIZES = "expected a size from 320x240 to 3840x2160"


@pytest.mark.parametrize(
    "section, key, value, expected",
    [
        ("display", "size", "319x240", f"{SIZES}, got '319x240'"),
        ("display", "size", "3841x720", f"{SIZES}, got '3841x720'"),
        ("display", "size", "1280x2161", f"{SIZES}, got '1280x2161'"),
        ("restrictions", "max_list_items", 0, "expected an integer >= 1, got 0"),
        ("restrictions", "max_string_chars", -5, "expected an integer >= 1, got -5"),
        ("restrictions", "max_task_screens", 0, "expected an integer >= 1, got 0"),
        ("logging", "file_max_bytes", 9_999, "expected an integer >= 10000, got 9999"),
        ("logging", "file_backups", -1, "expected an integer from 0 to 100, got -1"),
        ("logging", "file_backups", 101, "expected an integer from 0 to 100, got 101"),
        ("backend", "connect_timeout_s", 0, "expected a number > 0, got 0"),
        ("backend", "read_timeout_s", -1.5, "expected a number > 0, got -1.5"),
        ("backend", "read_timeout_s", math.inf, "expected a number > 0, got inf"),
        ("backend", "read_timeout_s", math.nan, "expected a number > 0, got nan"),
        ("vehicle", "low_fuel_percent", 0, "expected an integer from 1 to 50, got 0"),
        ("vehicle", "low_fuel_percent", 51, "expected an integer from 1 to 50, got 51"),
        ("vehicle", "low_tyre_kpa", 49, "expected an integer from 50 to 500, got 49"),
        ("vehicle", "low_tyre_kpa", 501, "expected an integer from 50 to 500, got 501"),
        ("restrictions", "moving_above_kmh", 0, "expected a number > 0, got 0"),
        ("restrictions", "moving_above_kmh", math.inf, "expected a number > 0, got inf"),
        ("restrictions", "stopped_below_kmh", -0.5, "expected a number >= 0, got -0.5"),
        ("restrictions", "stopped_below_kmh", math.nan, "expected a number >= 0, got nan"),
        ("restrictions", "stop_hold_s", -1, "expected a number from 0 to 30, got -1"),
        ("restrictions", "stop_hold_s", 30.5, "expected a number from 0 to 30, got 30.5"),
    ],
)
def test_out_of_range_values(section: str, key: str, value: Any, expected: str) -> None:
    assert str(error_for({section: {key: value}})) == f"{SOURCE}: {section}.{key}: {expected}"


@pytest.mark.parametrize("size", ["320x240", "3840x2160", "800x480", "1920x720"])
def test_sizes_at_and_inside_the_limits_are_accepted(size: str) -> None:
    display = config_from_mapping({"display": {"size": size}}, SOURCE).display
    assert f"{display.width}x{display.height}" == size


@pytest.mark.parametrize(
    "url", ["ftp://example.com", "example.com", "https://", "http:///path", "https://a b.com",
            "https://example.com:99999"]
)
def test_backend_url_must_be_http_or_https_with_a_host(url: str) -> None:
    message = str(error_for({"backend": {"url": url}}))
    assert message == (
        f"{SOURCE}: backend.url: expected an http:// or https:// URL with a host, got {url!r}"
    )


@pytest.mark.parametrize("vin", ["WHU5MULATR000000", "WHU5MULATR00000011", "WHU5MULATI0000001", "whu5mulatr0000001"])
def test_backend_vin_must_be_17_vin_characters(vin: str) -> None:
    message = str(error_for({"backend": {"vin": vin}}))
    assert message == f"{SOURCE}: backend.vin: expected a 17-character VIN (A-Z without I, O, Q, and 0-9), got {vin!r}"


def test_backend_url_with_credentials_is_refused_without_echoing_them() -> None:
    message = str(error_for({"backend": {"url": "https://bob:hunter2@api.example.com"}}))
    assert "backend.url: expected a URL without user:password@" in message
    assert "hunter2" not in message


@pytest.mark.parametrize("url", ["", "http://127.0.0.1:8080", "https://api.example.com/v1/"])
def test_backend_url_accepts_empty_and_http_urls(url: str) -> None:
    assert config_from_mapping({"backend": {"url": url}}, SOURCE).backend.url == url


@pytest.mark.parametrize(
    "data, key, line",
    [
        ({"display": {"langauge": "de"}}, "display.langauge",
         "unknown key 'display.langauge' (did you mean 'display.language'?)"),
        ({"display": {"colour": "red"}}, "display.colour", "unknown key 'display.colour' "
         "(known keys in [display]: size, theme, language, platform)"),
        ({"display": {"level": "debug"}}, "display.level",
         "unknown key 'display.level' (did you mean 'logging.level'?)"),
        ({"backend": {"verify": False}}, "backend.verify",  # TLS cannot be turned off
         "unknown key 'backend.verify' (known keys in [backend]: url, ca_bundle, "
         "connect_timeout_s, read_timeout_s, vin, credential_file, stale_after_s, health_interval_s)"),
        ({"dispaly": {"theme": "night"}}, "dispaly",
         "unknown section [dispaly] (did you mean [display] or [pay]?)"),
        ({"zzz": {}}, "zzz", "unknown section [zzz] (known sections: display, paths, backend, "
         "vehicle, features, restrictions, map, pay, media, apps, logging)"),
        ({"theme": "night"}, "theme", "unknown key 'theme' (did you mean 'display.theme'?)"),
    ],
)
def test_unknown_keys_and_sections_are_errors_with_a_hint(data: dict, key: str, line: str) -> None:
    error = error_for(data)
    assert str(error) == f"{SOURCE}: {line}"
    assert [p.key for p in error.problems] == [key]


def test_new_vehicle_and_restriction_keys_have_their_documented_defaults() -> None:
    vehicle, limits = Config().vehicle, Config().restrictions
    assert (vehicle.can_dbc, vehicle.can_mapping) == ("", "")
    assert (vehicle.low_fuel_percent, vehicle.low_tyre_kpa) == (10, 190)
    hysteresis = (limits.moving_above_kmh, limits.stopped_below_kmh, limits.stop_hold_s)
    assert hysteresis == (8.0, 3.0, 2.0)
    config = config_from_mapping({"restrictions": {"stop_hold_s": 0, "stopped_below_kmh": 0},
                                  "vehicle": {"can_dbc": "my.dbc"}}, SOURCE)
    assert config.restrictions.stop_hold_s == 0.0 and config.vehicle.can_dbc == "my.dbc"


@pytest.mark.parametrize("table, got", [
    ({"stopped_below_kmh": 10}, "(8), got 10"),
    ({"stopped_below_kmh": 8.0}, "(8), got 8"),
    ({"moving_above_kmh": 2.5}, "(2.5), got 3"),
    ({"moving_above_kmh": 20, "stopped_below_kmh": 20.0}, "(20), got 20"),
])
def test_stopped_below_must_be_less_than_moving_above(table: dict, got: str) -> None:
    error = error_for({"restrictions": table})
    assert str(error) == (
        f"{SOURCE}: restrictions.stopped_below_kmh: expected less than "
        f"restrictions.moving_above_kmh {got}"
    )
    assert [p.key for p in error.problems] == ["restrictions.stopped_below_kmh"]


def test_hysteresis_check_is_skipped_when_a_key_is_already_wrong() -> None:
    error = error_for({"restrictions": {"moving_above_kmh": -1, "stopped_below_kmh": 5}})
    assert [p.key for p in error.problems] == ["restrictions.moving_above_kmh"]
    with pytest.raises(ConfigError, match="restrictions.stopped_below_kmh: expected less"):
        with_overrides(Config(), {"restrictions.moving_above_kmh": 1.0})


def test_replay_source_needs_a_replay_file() -> None:
    assert str(error_for({"vehicle": {"source": "replay"}})) == (
        f"{SOURCE}: vehicle.replay_file: expected a trace file when vehicle.source is "
        "'replay', got ''"
    )
    config = config_from_mapping({"vehicle": {"source": "replay", "replay_file": "t.log"}}, SOURCE)
    assert config.vehicle.replay_file == "t.log"


def test_all_problems_are_reported_one_line_each() -> None:
    error = error_for({
        "display": {"theme": "dusk", "size": "1x1"},
        "logging": {"levle": "info"},
        "restrictions": {"max_list_items": "21"},
    })
    lines = str(error).splitlines()
    assert len(lines) == 4 and all(line.startswith(f"{SOURCE}: ") for line in lines)
    assert [p.key for p in error.problems] == [
        "display.theme", "display.size", "logging.levle", "restrictions.max_list_items",
    ]
    assert isinstance(error, ValueError)


# --- command-line overrides --------------------------------------------------------------


def test_overrides_apply_on_top_and_none_means_not_given() -> None:
    base = config_from_mapping({"display": {"theme": "night", "language": "de"}}, SOURCE)
    config = with_overrides(
        base, {"display.size": "800x480", "display.language": "zh_CN", "display.theme": None}
    )
    assert config.display == DisplayConfig(800, 480, "night", "zh_CN", "")
    assert config.vehicle == base.vehicle


def test_override_errors_name_the_command_line_and_use_the_file_messages() -> None:
    with pytest.raises(ConfigError) as info:
        with_overrides(Config(), {"display.size": "100x100", "display.theme": "dusk"})
    assert str(info.value).splitlines() == [
        "command line: display.size: expected a size from 320x240 to 3840x2160, got '100x100'",
        "command line: display.theme: expected one of day, night, got 'dusk'",
    ]
    assert info.value.source == "command line"


def test_override_with_unknown_key_is_an_error() -> None:
    with pytest.raises(ConfigError) as info:
        with_overrides(Config(), {"display.lang": "de", "nope": "x", "paths.data_dir": "/d"})
    assert str(info.value).splitlines() == [
        "command line: unknown key 'display.lang' (did you mean 'display.language'?)",
        "command line: unknown key 'nope' (keys belong in a section)",
    ]


# --- TOML output -------------------------------------------------------------------------


def test_default_config_as_toml_is_the_example_without_comments() -> None:
    example = (DOCS / "config.example.toml").read_text(encoding="utf-8")
    assert tomllib.loads(config_to_toml(Config())) == tomllib.loads(example)


@given(st.text())
def test_toml_string_round_trips_any_text(text: str) -> None:
    assert tomllib.loads(f"v = {toml_string(text)}")["v"] == text


safe_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
positive_floats = st.floats(min_value=0, exclude_min=True, allow_infinity=False)
positive_ints = st.integers(1, 2**63 - 1)
hosts = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\.[a-z]{2,6}){0,2}", fullmatch=True)


@st.composite
def vehicles(draw: st.DrawFn) -> VehicleConfig:
    source = draw(st.sampled_from(VEHICLE_SOURCES))
    replay = safe_text.filter(bool) if source == "replay" else safe_text
    return VehicleConfig(
        source, draw(safe_text.filter(bool)), draw(safe_text.filter(bool)),
        draw(safe_text.filter(bool)), draw(replay), draw(safe_text), draw(safe_text),
        draw(st.integers(1, 50)), draw(st.integers(50, 500)),
    )


@st.composite
def restriction_limits(draw: st.DrawFn) -> RestrictionLimits:
    moving_above = draw(st.floats(min_value=0, max_value=1e6, exclude_min=True))
    stopped_below = draw(st.floats(min_value=0, max_value=moving_above, exclude_max=True))
    return RestrictionLimits(
        draw(positive_ints), draw(positive_ints), draw(positive_ints),
        draw(st.booleans()), draw(st.booleans()), draw(st.booleans()),
        moving_above, stopped_below, draw(st.floats(0, 30)),
    )


configs = st.builds(
    Config,
    display=st.builds(
        DisplayConfig,
        width=st.integers(320, 3840),
        height=st.integers(240, 2160),
        theme=st.sampled_from(THEMES),
        language=st.from_regex(r"[a-z]{2,3}(_[A-Z]{2})?", fullmatch=True),
        platform=st.just("") | st.from_regex(r"[a-z0-9_-]+(:[!-~]*)?", fullmatch=True),
    ),
    paths=st.builds(PathsConfig, data_dir=safe_text),
    backend=st.builds(
        BackendConfig,
        url=st.just("") | st.builds("{}://{}/{}".format, st.sampled_from(["http", "https"]),
                                    hosts, st.from_regex(r"[a-z0-9/]*", fullmatch=True)),
        ca_bundle=safe_text,
        connect_timeout_s=positive_floats,
        read_timeout_s=positive_floats,
    ),
    vehicle=vehicles(),
    features=st.builds(FeaturesConfig, *[st.booleans()] * 6),
    restrictions=restriction_limits(),
    logging=st.builds(
        LoggingConfig, st.sampled_from(LOG_LEVELS), st.integers(10_000, 2**63 - 1),
        st.integers(0, 100),
    ),
)


@given(configs)
def test_config_to_toml_round_trips_every_valid_config(config: Config) -> None:
    text = config_to_toml(config)
    assert config_from_mapping(tomllib.loads(text), "round trip") == config


@given(configs)
def test_overriding_with_a_configs_own_values_changes_nothing(config: Config) -> None:
    flat = {
        f"{section}.{key}": value
        for section, table in config_to_mapping(config).items()
        for key, value in table.items()
    }
    assert with_overrides(Config(), flat) == config
