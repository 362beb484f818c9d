"""`simulate --headless`: values at one scenario time, as JSON or lines; errors in one line."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from headunit.services.vehicle.headless import run_headless

GOOD = "name: mine\nduration: 60\npowertrain: combustion\n0 speed 0\n0 gear P\n0 parking-brake true\n0 fuel 130\n"


def run(*args, **kwargs) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run_headless(*args, out=out, err=err, **kwargs)
    return status, out.getvalue(), err.getvalue()


def test_dump_prints_one_json_object_of_the_values_at_t():
    status, out, err = run("city-drive", 60, True)
    assert (status, err) == (0, "")
    assert out.count("\n") == 1
    dump = json.loads(out)
    assert dump["scenario"] == "city-drive" and dump["t"] == 60
    speed = dump["signals"]["Vehicle.Speed"]
    assert speed["value"] > 0 and speed["unit"] == "km/h" and speed["quality"] == "valid"
    assert dump["signals"]["Vehicle.IsMoving"]["value"] is True
    assert dump["signals"]["Vehicle.Powertrain.Type"] == {"value": "COMBUSTION", "unit": None, "quality": "valid"}


def test_the_same_time_gives_the_same_answer():
    assert run("motorway-drive", 123.4, True) == run("motorway-drive", 123.4, True)


def test_lines_without_dump_and_the_end_by_default():
    status, out, _ = run("low-fuel", None, False)
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "# low-fuel at 12:00 (720 s) of 12:00"
    assert "Vehicle.Powertrain.FuelSystem.RelativeLevel = 4 percent" in lines
    assert "Vehicle.IsMoving = false" in lines


def test_out_of_range_is_shown_as_such(tmp_path):
    file = tmp_path / "mine.scenario"
    file.write_text(GOOD, encoding="utf-8")
    _, out, _ = run(str(file), 0, True)
    assert json.loads(out)["signals"]["Vehicle.Powertrain.FuelSystem.RelativeLevel"] == {
        "value": 130, "unit": "percent", "quality": "out_of_range"}
    _, lines, _ = run(str(file), 0, False)
    assert "Vehicle.Powertrain.FuelSystem.RelativeLevel = 130 percent (out_of_range)" in lines


def test_until_beyond_the_end_exits_2_with_one_line():
    status, out, err = run("city-drive", 361, True)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and "--until 361" in err and "360 s = 6:00" in err


def test_unknown_scenario_exits_2_listing_the_names():
    status, out, err = run("city-driv", 10, True)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and "available: city-drive" in err


def test_a_broken_file_exits_2_naming_file_line_and_field(tmp_path):
    file = tmp_path / "broken.scenario"
    file.write_text(GOOD + "0:10 speed fast\n", encoding="utf-8")
    status, out, err = run(str(file), 10, True)
    assert (status, out) == (2, "")
    assert err == f"headunit: {file}:8: value: Vehicle.Speed: expected a float value, got 'fast' (write a number)\n"


def test_module_entry_point_runs_without_qt():
    code = ("import sys, runpy; sys.argv = ['headless', 'city-drive', '--until', '1:00', '--dump']\n"
            "try:\n    runpy.run_module('headunit.services.vehicle.headless', run_name='__main__')\n"
            "except SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'headunit.qt'))]\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["signals"]["Vehicle.IsMoving"]["value"] is True
