"""The command line: commands, one-line errors with exit status 2, config output."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from headunit.cli import main


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "headunit", *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=cwd)


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "bench", "config"):
        assert command in out


def test_run_help_lists_its_options(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = capsys.readouterr().out
    for option in ("--size", "--theme", "--platform", "--config", "--data-dir", "--screenshot", "--lang"):
        assert option in out


@pytest.mark.parametrize("args, expected", [
    (["--frobnicate"], "unrecognized arguments: --frobnicate"),
    (["--size", "12x"], "argument --size: expected WIDTHxHEIGHT"),
    (["--theme", "dusk"], "argument --theme: invalid choice: 'dusk'"),
    (["bench", "startup", "--runs", "0"], "argument --runs: expected a number >= 1"),
    (["bench"], "required: BENCHMARK"),
])
def test_bad_arguments_exit_2_with_one_clear_line(capsys, args, expected):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err


def test_bad_config_file_exits_2_naming_the_key(tmp_path, capsys):
    config = tmp_path / "bad.toml"
    config.write_text('[display]\ntheme = "dusk"\n')
    assert main(["run", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "display.theme" in err and "dusk" in err and "Traceback" not in err


def test_bad_language_on_the_command_line_names_the_key(capsys, tmp_path):
    assert main(["run", "--lang", "english!", "--data-dir", str(tmp_path)]) == 2
    assert "display.language" in capsys.readouterr().err


def test_config_show_prints_the_effective_configuration(tmp_path, capsys):
    config = tmp_path / "unit.toml"
    config.write_text('[display]\ntheme = "night"\n[restrictions]\nmax_list_items = 12\n')
    assert main(["config", "show", "--config", str(config), "--data-dir", str(tmp_path / "d")]) == 0
    shown = tomllib.loads(capsys.readouterr().out)
    assert shown["display"]["theme"] == "night"
    assert shown["restrictions"]["max_list_items"] == 12
    assert shown["paths"]["data_dir"] == str(tmp_path / "d")


def test_without_a_display_run_says_how_to_see_it_in_one_line(tmp_path, monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["run", "--data-dir", str(tmp_path)]) == 3
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "xvfb-run" in err and "--screenshot" in err


@pytest.mark.parametrize("size", ["800x480", "1920x720"])
def test_screenshot_renders_the_settled_frame_to_png(tmp_path, size):
    shot = tmp_path / "shot.png"
    result = run_cli("--platform", "offscreen", "--screenshot", str(shot), "--size", size,
                     "--theme", "night", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == tuple(int(v) for v in size.split("x"))
    assert "Traceback" not in result.stderr
    assert (tmp_path / "data" / "headunit.db").exists()  # settled means storage was opened


def test_opening_a_switched_off_area_is_a_clear_error(tmp_path):
    config = tmp_path / "unit.toml"
    config.write_text("[features]\nmap = false\n")
    result = run_cli("--platform", "offscreen", "--config", str(config), "--area", "map",
                     "--data-dir", str(tmp_path / "data"), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "area 'map' is switched off in the configuration (features.map)" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_version_names_the_installed_package(capsys):
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"headunit {version('headunit')}"


def test_simulate_headless_dump_prints_moving_values_at_t():
    result = run_cli("simulate", "city-drive", "--headless", "--until", "60", "--dump")
    assert result.returncode == 0, result.stderr
    dump = __import__("json").loads(result.stdout)
    assert dump["t"] == 60
    assert dump["signals"]["Vehicle.Speed"]["value"] > 0
    assert dump["signals"]["Vehicle.IsMoving"]["value"] is True


def test_simulate_with_a_window_renders_the_scenario_at_a_time(tmp_path):
    shot = tmp_path / "door.png"
    result = run_cli("simulate", "door-open-while-moving", "--at", "75", "--area", "vehicle",
                     "--platform", "offscreen", "--screenshot", str(shot), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    assert QImage(str(shot)).width() == 1280


def test_until_without_headless_is_a_usage_error(capsys):
    assert main(["simulate", "city-drive", "--until", "5"]) == 2
    assert "--until and --dump go with --headless" in capsys.readouterr().err


def test_record_refuses_a_log_format_it_cannot_write(tmp_path, capsys):
    assert main(["record", str(tmp_path / "drive.txt"), "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "drive.txt" in err and len(err.strip().splitlines()) == 1
