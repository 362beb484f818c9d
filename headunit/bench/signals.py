"""`headunit bench signals`: CAN frames at 1,000/s on python-can's virtual bus
through the decoder, the stores and the QML vehicle panel (offscreen).

Half the frames are probes (ESC_Speed, each with a speed value of its own, so a
value seen in QML names the frame that carried it); the other half is ordinary
traffic (tyres, fuel, doors, temperatures, HVAC) with changing values.
latency = time the probe was sent -> VehicleStore notified QML of the new speed
(the property-changed signal QML bindings react to). The floor is the same frames
received and decoded on a plain thread, no UI, measured in the same run.
gui_busy_pct is the GUI thread's CPU time over the run's wall time.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import can

from headunit.services.vehicle.can_codec import CanCodec

TARGET_LATENCY_P99_MS = 50.0
TARGET_GUI_BUSY_PCT = 25.0
SPEED = "Vehicle.Speed"
OTHER_TRAFFIC = (
    ("Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure", 200, 260, 2),
    ("Vehicle.Powertrain.FuelSystem.RelativeLevel", 10, 90, 1),
    ("Vehicle.Exterior.AirTemperature", -20, 30, 0.5),
    ("Vehicle.Cabin.HVAC.AmbientAirTemperature", 10, 30, 0.5),
    ("Vehicle.Cabin.Door.Row1.DriverSide.IsOpen", 0, 1, 1),
)


@dataclass
class Traffic:
    frames: list[can.Message]
    probe_of: dict[int, int]  # frame index -> probe number (speed frames only)
    speed_of_probe: list[float]


@dataclass
class Probe:
    sent: dict[float, float] = field(default_factory=dict)  # speed value -> perf_counter at send
    latencies_ms: list[float] = field(default_factory=list)

    def seen(self, speed: float, now: float) -> None:
        sent = self.sent.pop(round(speed, 2), None)
        if sent is not None:
            self.latencies_ms.append((now - sent) * 1000)


def make_traffic(codec: CanCodec, count: int) -> Traffic:
    frames, probe_of, speeds = [], {}, []
    for i in range(count):
        if i % 2 == 0:
            speed = round(0.01 * (len(speeds) % 34_000 + 1), 2)
            probe_of[len(frames)] = len(speeds)
            speeds.append(speed)
            frames += codec.frames_for({SPEED: speed})
        else:
            path, low, high, step = OTHER_TRAFFIC[(i // 2) % len(OTHER_TRAFFIC)]
            span = int((high - low) / step) + 1
            value = low + ((i // 2) % span) * step
            frames += codec.frames_for({path: bool(value) if high == 1 and step == 1 and low == 0 else value})
    return Traffic(frames, probe_of, speeds)


def send(channel: str, traffic: Traffic, rate: int, probe: Probe, done: threading.Event) -> int:
    """Send every frame at `rate` per second, in 10 ms slices; returns frames sent."""
    bus = can.Bus(interface="virtual", channel=channel, receive_own_messages=False)
    sent, start = 0, time.perf_counter()
    per_slice = max(1, rate // 100)
    try:
        while sent < len(traffic.frames) and not done.is_set():
            for frame in traffic.frames[sent:sent + per_slice]:
                index = sent
                probe_number = traffic.probe_of.get(index)
                if probe_number is not None:
                    probe.sent[traffic.speed_of_probe[probe_number]] = time.perf_counter()
                bus.send(frame)
                sent += 1
            next_slice = start + sent / rate
            done.wait(max(0.0, next_slice - time.perf_counter()))
    finally:
        bus.shutdown()
    return sent


def measure_floor(codec: CanCodec, traffic: Traffic, rate: int) -> tuple[Probe, int]:
    """The same frames received and decoded on a plain thread: no stores, no UI."""
    channel = f"bench-floor-{os.getpid()}"
    receiver = can.Bus(interface="virtual", channel=channel)
    probe, stop = Probe(), threading.Event()
    received = 0

    def receive() -> None:
        nonlocal received
        while not stop.is_set():
            msg = receiver.recv(timeout=0.05)
            if msg is None:
                continue
            received += 1
            for sample in codec.decode(msg, time.time()):
                if sample.path == SPEED:
                    probe.seen(float(sample.value), time.perf_counter())

    reader = threading.Thread(target=receive, name="bench-floor-reader", daemon=True)
    reader.start()
    sent = send(channel, traffic, rate, probe, threading.Event())
    deadline = time.monotonic() + 5
    while received < sent and time.monotonic() < deadline:
        stop.wait(0.01)
    stop.set()
    reader.join(2)
    receiver.shutdown()
    return probe, sent - received


def measure_ui(traffic: Traffic, rate: int, seconds: float) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - root objects come back as QQuickWindow

    from headunit.app import build_ui
    from headunit.core.config import Config, with_overrides
    from headunit.qt.tasks import TaskRunner, install_event_loop

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    channel = f"bench-ui-{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="headunit-bench-") as tmp:
        config = with_overrides(Config(), {"paths.data_dir": tmp, "vehicle.source": "can",
                                           "vehicle.can_interface": "virtual", "vehicle.can_channel": channel})
        ui = build_ui(config)
        if ui is None:
            raise RuntimeError("the user interface failed to load")
        loop = install_event_loop(app)
        tasks = TaskRunner(loop)
        ui.shell.openArea("vehicle")
        ui.window.show()
        ui.startup.begin(tasks)
        probe, done = Probe(), threading.Event()
        result: dict[str, float] = {}

        async def run() -> None:
            while ui.vehicle is None or ui.startup.feed is None or ui.startup.feed.source is None:
                await asyncio.sleep(0.01)
            vehicle = ui.vehicle
            vehicle.motionChanged.connect(lambda: probe.seen(vehicle.speedKmh, time.perf_counter()))
            await asyncio.sleep(0.3)  # the source's bus is open and the panel is loaded
            source = ui.startup.feed.source
            received_before = source.frames_received
            cpu, wall = time.thread_time(), time.perf_counter()
            sender = loop.run_in_executor(None, send, channel, traffic, rate, probe, done)
            sent = await asyncio.wait_for(sender, timeout=seconds * 3 + 10)
            end = time.perf_counter() + 2.0
            while source.frames_received - received_before < sent and time.perf_counter() < end:
                await asyncio.sleep(0.02)
            await asyncio.sleep(0.1)  # the last coalesced notification
            result.update(cpu=time.thread_time() - cpu, wall=time.perf_counter() - wall, sent=sent,
                          received=source.frames_received - received_before,
                          bad=source.codec.stats.bad_frames)

        with loop:
            loop.run_until_complete(run())
        tasks.shutdown()
        ui.dispose()
    result["latencies"] = probe.latencies_ms  # type: ignore[assignment]
    return result


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(seconds: float = 10.0, rate: int = 1000) -> dict[str, object]:
    codec = CanCodec()
    traffic = make_traffic(codec, int(seconds * rate))
    floor, floor_dropped = measure_floor(CanCodec(), traffic, rate)
    ui = measure_ui(traffic, rate, seconds)
    latencies: list[float] = ui.pop("latencies")  # type: ignore[assignment]
    result: dict[str, object] = {
        "benchmark": "signals",
        "frames_per_s": rate,
        "seconds": seconds,
        "frames_sent": int(ui["sent"]),
        "frames_received": int(ui["received"]),
        "dropped": int(ui["sent"] - ui["received"]),
        "qml_updates_measured": len(latencies),
        "latency_p50_ms": round(statistics.median(latencies), 2) if latencies else None,
        "latency_p99_ms": round(_pct(latencies, 0.99), 2) if latencies else None,
        "latency_p99_target_ms": TARGET_LATENCY_P99_MS,
        "gui_busy_pct": round(100 * ui["cpu"] / ui["wall"], 1),
        "gui_busy_target_pct": TARGET_GUI_BUSY_PCT,
        "floor_latency_p50_ms": round(statistics.median(floor.latencies_ms), 3),
        "floor_latency_p99_ms": round(_pct(floor.latencies_ms, 0.99), 3),
        "floor_dropped": floor_dropped,
    }
    result["meets_targets"] = bool(
        latencies and result["latency_p99_ms"] <= TARGET_LATENCY_P99_MS
        and result["gui_busy_pct"] <= TARGET_GUI_BUSY_PCT and result["dropped"] == 0)
    return result


def main(seconds: float = 10.0, rate: int = 1000) -> int:
    try:
        result = run(seconds, rate)
    except (RuntimeError, can.CanError, asyncio.TimeoutError) as exc:
        print(f"headunit: bench signals failed: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0
