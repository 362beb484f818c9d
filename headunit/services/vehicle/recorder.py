"""`headunit record FILE [--duration S]`: every frame of the live CAN bus into a log.

The format follows the extension (python-can's Logger), restricted to the formats the
replay source reads back, so every recording can be replayed.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import can

from headunit.core.config import Config
from headunit.services.vehicle.replay_source import LOG_SUFFIXES

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
_POLL = 0.1  # longest recv() wait, so Ctrl-C and --duration are noticed promptly
_BLF_MAX_CHANNEL = 0xFFFE  # BLF stores channel + 1 in 16 bits


def _for_blf(msg: can.Message) -> can.Message:
    """BLF keeps numeric channels only: python-can takes the digits of a channel name
    ("can1" -> 1) and fails on a number that does not fit 16 bits. Such a frame goes
    to the writer's default channel instead of ending the recording."""
    number = can.util.channel2int(msg.channel)
    if number is not None and not 0 <= number < _BLF_MAX_CHANNEL:
        msg.channel = None
    return msg


def record(config: Config, file: Path, duration: float | None = None, *,
           max_frames: int | None = None,
           bus_factory: Callable[[], can.BusABC] | None = None,
           out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Record until `duration` s, `max_frames` frames or Ctrl-C; returns the exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    file = Path(file)
    vehicle = config.vehicle
    where = f"{vehicle.can_interface}:{vehicle.can_channel}"
    if file.suffix.lower() not in LOG_SUFFIXES:
        print(f"headunit record: cannot record to {file.name!r}: expected one of "
              f"{', '.join(LOG_SUFFIXES)}", file=err)
        return EXIT_USAGE
    if duration is not None and not (math.isfinite(duration) and duration > 0):
        print(f"headunit record: expected a duration > 0 seconds, got {duration!r}", file=err)
        return EXIT_USAGE
    try:
        bus = bus_factory() if bus_factory else can.Bus(interface=vehicle.can_interface,
                                                        channel=vehicle.can_channel)
    except Exception as exc:  # noqa: BLE001 - interfaces raise CanError, OSError, ValueError...
        print(f"headunit record: cannot open CAN bus {where}: {exc}", file=err)
        return EXIT_ERROR
    count, status = 0, EXIT_OK
    try:
        try:
            writer = can.Logger(file)
        except OSError as exc:
            print(f"headunit record: cannot write {file}: {exc.strerror or exc}", file=err)
            return EXIT_ERROR
        prepare = _for_blf if file.suffix.lower() == ".blf" else (lambda msg: msg)
        try:
            deadline = None if duration is None else time.monotonic() + duration
            while max_frames is None or count < max_frames:
                left = _POLL if deadline is None else deadline - time.monotonic()
                if left <= 0:
                    break
                msg = bus.recv(timeout=min(_POLL, left))
                if msg is not None:
                    writer.on_message_received(prepare(msg))
                    count += 1
        except KeyboardInterrupt:
            pass  # Ctrl-C is how an open-ended recording ends
        except (can.CanError, OSError, ValueError) as exc:
            print(f"headunit record: recording from {where} to {file} failed: {exc}", file=err)
            status = EXIT_ERROR
        finally:
            writer.stop()
    finally:
        bus.shutdown()
    print(f"recorded {count} frames from {where} to {file}", file=out)
    return status
