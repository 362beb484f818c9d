"""`headunit simulate SCENARIO --headless`: a scenario's values at one time, no Qt.

For QA scripts: the values are computed directly with Scenario.values_at, so the
answer is instant and the same on every run (no real-time playback, no window).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from headunit.core.signals import CATALOGUE, Quality, Sample, make_sample
from headunit.services.vehicle.scenario import load_scenario
from headunit.services.vehicle.scenario_model import format_time, parse_time
from headunit.services.vehicle.source import SourceError

EXIT_OK = 0
EXIT_USAGE = 2  # like the CLI's bad flags: a bad scenario, a time outside it


def run_headless(scenario: str, until: float | None, dump: bool,
                 out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print the values of `scenario` at `until` (default: its end); JSON with `dump`.

    Returns the exit status: 0, or 2 after one line on `err` naming what is wrong.
    """
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    try:
        loaded = load_scenario(scenario)
    except SourceError as error:
        print(f"headunit: {error}", file=err)
        return EXIT_USAGE
    t = loaded.duration if until is None else until
    if not 0 <= t <= loaded.duration:
        print(f"headunit: --until {until:g}: outside scenario {loaded.name} "
              f"(expected 0 to its duration, {loaded.duration:g} s = {format_time(loaded.duration)})", file=err)
        return EXIT_USAGE
    samples = [make_sample(path, value, 0.0) for path, value in loaded.values_at(t).items()]
    if dump:
        signals = {s.path: {"value": s.value, "unit": CATALOGUE[s.path].unit, "quality": s.quality.value}
                   for s in samples}
        json.dump({"scenario": loaded.name, "t": _number(t), "signals": signals}, out)
        out.write("\n")
    else:
        print(f"# {loaded.name} at {format_time(t)} ({_number(t)} s) of {format_time(loaded.duration)}", file=out)
        for sample in samples:
            print(_line(sample), file=out)
    return EXIT_OK


def _number(t: float) -> int | float:
    return int(t) if float(t).is_integer() else t


def _line(sample: Sample) -> str:
    value = str(sample.value).lower() if isinstance(sample.value, bool) else str(sample.value)
    unit = CATALOGUE[sample.path].unit
    text = f"{sample.path} = {value}" + (f" {unit}" if unit else "")
    return text if sample.quality is Quality.VALID else f"{text} ({sample.quality.value})"


def _time(text: str) -> float:
    seconds = parse_time(text)
    if seconds is None:
        raise argparse.ArgumentTypeError(f"expected seconds like 60 or m:ss like 1:00, got {text!r}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m headunit.services.vehicle.headless",
                                     description="a scenario's signal values at one time (no window)")
    parser.add_argument("scenario", help="a scenario name (e.g. city-drive) or a .scenario file")
    parser.add_argument("--until", type=_time, metavar="T", help="scenario time in seconds (default: the end)")
    parser.add_argument("--dump", action="store_true", help="print JSON instead of 'PATH = VALUE UNIT' lines")
    args = parser.parse_args(argv)
    return run_headless(args.scenario, args.until, args.dump)


if __name__ == "__main__":
    sys.exit(main())
