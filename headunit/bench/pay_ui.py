"""`headunit bench pay`, the UI part: from a tap to the next screen of reserve and pay.

A fresh process (``python -m headunit.bench.pay_ui``, Qt's offscreen platform, 1280x720) runs
the whole head unit, built and started as the app does, against the reference backend as a
child process (real clock) on a parked car, and drives ``flows`` flows by taps at the items'
centres: parking paid by QR (the bench plays the phone: it confirms the pending order's
qr_url) and fuel paid from the wallet (PIN 1234), alternately. The choose screen offers
today's (UTC) parking slots only, and the last starts at 21:00 UTC: when none is left ahead,
the QR flows buy fuel instead (flow_kinds says which ran). Each tap that changes the
screen is timed from just before the tap to the first swapped frame (Window.frameSwapped)
that shows the screen it leads to. The check runs in the frameSwapped callback, after the
time is taken; the offscreen platform renders with the software render loop on the GUI
thread, so the frame just swapped is the state checked. Before each tap a frame is drawn,
so the item is laid out. Some screens wait for the backend (book -> choose loads
availability, pay -> QR or PIN reserves and opens the order, PIN OK -> result pays): the
driver waits for that too, so it counts. Nearest -> list counts once the new results are
shown, not the previous ones.

The floor: the same number of taps, timed the same way, on a bare QQuickView (a button-like
Rectangle whose TapHandler toggles another Rectangle) in the same process once the head unit
is gone.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from .map_frames import _percentile
from .pay import VIN, _provision
from .ui_taps import Taps, floor_taps, head_unit_app, named, run_child, running_head_unit, shown, walk

SIZE = "1280x720"
PIN = "1234"
CHILD_TIMEOUT_S = 90.0  # start-up and tear-down of the child, plus FLOW_TIMEOUT_S a flow
FLOW_TIMEOUT_S = 20.0
SLOT_MARGIN_S = 300.0  # a parking slot must start this much later than the run does
QR_FLOW = ("nearest->list", "row->details", "book->choose", "continue->review", "payQr->qr", "done->closed")
WALLET_FLOW = ("nearest->list", "row->details", "book->choose", "continue->review", "payWallet->pin",
               "pinOk->result", "done->closed")
PARKED = """\
name: parked-for-pay-bench
description: parked on Kaivokatu by the railway station
duration: 30:00
powertrain: combustion
0:00  speed          0
0:00  gear           P
0:00  parking-brake  true
0:00  latitude       60.1699
0:00  longitude      24.9415
0:00  heading        90
0:00  fuel           40
"""


def measure(flows: int = 10) -> dict[str, object]:
    """Run the UI part in a fresh process and return its figures (RuntimeError if it fails)."""
    if flows < 1:
        raise ValueError(f"flows must be at least 1, got {flows}")
    start = time.perf_counter()
    result = run_child("headunit.bench.pay_ui", ["--flows", str(flows)], CHILD_TIMEOUT_S + flows * FLOW_TIMEOUT_S,
                       "pay UI")
    result["elapsed_s"] = round(time.perf_counter() - start, 1)
    return result


def figures(samples: list[tuple[str, float]], floor_ms: list[float], kinds: dict[str, int]) -> dict[str, object]:
    """The report: p50/p95/max of taps and floor, their ratio, and each transition's p95."""
    ms = [value for _, value in samples]
    names = list(dict.fromkeys(name for name, _ in samples))
    per = {name: [value for kind, value in samples if kind == name] for name in names}
    p95 = {name: round(_percentile(values, 95), 2) for name, values in per.items()}
    floor_p95 = _percentile(floor_ms, 95)
    return {
        "flows": sum(kinds.values()),
        "flow_kinds": dict(kinds),
        "size": SIZE,
        "taps": len(ms),
        "ms_p50": round(_percentile(ms, 50), 2),
        "ms_p95": round(_percentile(ms, 95), 2),
        "ms_max": round(max(ms, default=0.0), 2),
        "floor_taps": len(floor_ms),
        "floor_ms_p50": round(_percentile(floor_ms, 50), 2),
        "floor_ms_p95": round(floor_p95, 2),
        "floor_ms_max": round(max(floor_ms, default=0.0), 2),
        "ratio_p95": round(_percentile(ms, 95) / floor_p95, 2) if floor_p95 > 0 else None,
        "per_transition_ms_p95": p95,
        "per_transition_taps": {name: len(values) for name, values in per.items()},
        "slowest_transition": max(p95, key=p95.__getitem__) if p95 else None,
    }


# -- in the child process ------------------------------------------------------------------


class _Flows:
    """Reserve-and-pay flows through the whole head unit, by taps."""

    def __init__(self, ui: Any, backend_url: str, credential: Path) -> None:
        self.ui = ui
        self.taps = Taps(ui.window)
        self.pay = ui.startup.pay
        self.search = ui.startup.map_search
        self.backend_url = backend_url
        self.credential = credential
        items = {name: named(ui.window.contentItem(), name, visible=False)
                 for name in ("mapSearch", "mapResults", "poiDetails", "reserveFlow")}
        if None in items.values():
            raise RuntimeError(f"the head unit lacks some of these items: {sorted(items)}")
        self.search_bar, self.results, self.details, self.flow = items.values()
        self.samples: list[tuple[str, float]] = []

    def _screen(self) -> Any:
        """The reserve-and-pay card's current screen (a panel), or None."""
        view = self.flow.property("item")
        if view is None:
            return None
        loader = next((i for i in view.childItems() if i.objectName() == "payScreen"), None)
        return loader.property("item") if loader is not None else None

    def _on_screen(self, name: str) -> Callable[[], bool]:
        def shows() -> bool:
            panel = self._screen()
            return panel is not None and panel.objectName() == name and shown(panel)

        return shows

    def _list_shown(self) -> bool:
        return (shown(self.results) and not self.search.property("busy")
                and any(shown(i) for i in walk(self.results) if i.objectName().startswith("poiRow_")))

    def _closed(self) -> bool:
        return self.flow.property("item") is None and shown(self.details)

    def _step(self, transition: str, find: Callable[[], Any], shows: Callable[[], bool]) -> None:
        item = self.taps.press(find, transition)
        self.samples.append((transition, self.taps.timed(item, shows, transition)))

    def _in_flow(self, name: str) -> Callable[[], Any]:
        return lambda: named(self.flow, name) if self.flow.property("item") is not None else None

    def _first_row(self, wanted: set[str] | None) -> Any:
        """The nearest row shown (the first whose backend id is in `wanted`, when given)."""
        rows = [i for i in walk(self.results) if i.objectName().startswith("poiRow_") and shown(i)]
        rows.sort(key=lambda row: row.mapToScene(row.boundingRect().topLeft()).y())
        if wanted is not None:
            service = self.ui.startup.map.service
            rows = [row for row in rows if _backend_id(service.poi(row.property("poiId"))) in wanted]
        return rows[0] if rows else None

    def _done(self, transition: str) -> None:
        self.taps.wait_until(lambda: self.pay.property("resultKind") in ("done", "error"), f"{transition}: the outcome")
        if self.pay.property("resultKind") != "done":
            raise RuntimeError(f"{transition}: the payment failed ({self.pay.property('resultCode')!r}: "
                               f"{self.pay.property('resultLines')})")

    def run(self, category: str, method: str) -> None:
        choice = {"parking": "parkingChoice", "fuel": "fuelChoice"}[category]
        self._step("nearest->list", lambda: named(self.search_bar, f"nearest_{category}"), self._list_shown)
        wanted = _stations_with_a_free_pump(self.backend_url, self.credential) if category == "fuel" else None
        self._step("row->details", lambda: self._first_row(wanted), lambda: shown(self.details))
        self._step("book->choose", lambda: named(self.details, "bookButton"), self._on_screen(choice))
        self._step("continue->review", self._in_flow("choiceContinue"), self._on_screen("payReview"))
        if method == "qr":
            self._step("payQr->qr", self._in_flow("payQr"), self._on_screen("qrPayment"))
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="bench-phone") as phone:
                paid = phone.submit(_phone_pays, self.backend_url, self.credential)
                self.taps.wait_until(paid.done, "the phone")
                paid.result()
            self._done("payQr->qr")
        else:
            self._step("payWallet->pin", self._in_flow("payWallet"), self._on_screen("pinPad"))
            for digit in PIN:
                self.taps.tap(self.taps.press(self._in_flow(f"pinKey{digit}"), f"PIN key {digit}"))
            self._step("pinOk->result", self._in_flow("pinOk"), self._on_screen("payResult"))
            self._done("pinOk->result")
        self._step("done->closed", self._in_flow("action_done"), self._closed)


def _backend_id(poi: Any) -> str:
    from headunit.core.map.features import osm_ref

    return osm_ref(poi.osm_type, poi.osm_id)


def _vehicle_session(url: str, credential: Path) -> Any:
    """A requests session with the vehicle's bearer token (the bench looking at its own backend)."""
    import requests

    session = requests.Session()
    session.trust_env = False
    answer = session.post(f"{url}/v1/auth/token", json=json.loads(credential.read_text()), timeout=10)
    answer.raise_for_status()
    session.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
    return session


def _phone_pays(url: str, credential: Path) -> None:
    """The driver's phone: the pending order's code (its qr_url), confirmed there."""
    import requests

    with _vehicle_session(url, credential) as session:
        answer = session.get(f"{url}/v1/orders", timeout=10)
        answer.raise_for_status()
        pending = [order for order in answer.json()["orders"] if order["status"] == "pending"]
        if len(pending) != 1:
            raise RuntimeError(f"the phone expected one pending order, found {len(pending)}")
        requests.post(f"{pending[0]['qr_url']}/confirm", timeout=10).raise_for_status()


def _stations_with_a_free_pump(url: str, credential: Path) -> set[str]:
    """The fuel POIs (backend ids) with a pump free now: how busy a station is follows the time of
    day, and at noon the nearest one may have none, which no driver would pick."""
    with _vehicle_session(url, credential) as session:
        answer = session.get(f"{url}/v1/pois", params={"category": "fuel"}, timeout=10)
        answer.raise_for_status()
        return {poi["poi_id"] for poi in answer.json()["pois"] if any(p["free"] for p in poi["pumps"])}


def _qr_category(config: Any, url: str, credential: Path) -> str:
    """"parking" while a parking slot of today (UTC) with room is still ahead, else "fuel"."""
    from headunit.services.backend.client import build_client

    client = build_client(config.backend, url, credential)
    try:
        parking = client.pois(category="parking", limit=1).pois
        ahead = datetime.now(UTC) + timedelta(seconds=SLOT_MARGIN_S)
        bookable = bool(parking) and any(s.start > ahead and s.free > 0 for s in client.slots(parking[0].poi_id))
    finally:
        client.close()
    return "parking" if bookable else "fuel"


def _head_unit(root: Path, flows: int) -> tuple[list[tuple[str, float]], Counter[str]]:
    """Start the head unit as the app does, drive the flows, tear it down: the timed taps and
    how many flows of each kind ran."""
    from headunit.core.config import Config, with_overrides
    from headunit.qt.tasks import TaskRunner, install_event_loop
    from headunit.services.backend.credentials import default_credential_path
    from headunit.services.backend.local_server import start_local_backend
    from headunit.services.map.service import ensure_map, map_database_path
    from PySide6.QtGui import QGuiApplication

    scenario = root / "parked.scenario"
    scenario.write_text(PARKED)
    config = with_overrides(Config(), {"paths.data_dir": str(root / "unit"), "backend.vin": VIN, "display.size": SIZE,
                                       "vehicle.scenario": str(scenario), "pay.poll_interval_s": 1.0,
                                       "backend.health_interval_s": 1.0})
    ensure_map(config, lambda _stage: None)
    credential = default_credential_path(config)
    _provision(root / "backend-data" / "backend" / "backend.db", credential)  # a wallet that lasts any run
    backend = start_local_backend(root / "backend-data", VIN, credential, map_database_path(config))
    tasks = TaskRunner(install_event_loop(QGuiApplication.instance()))
    kinds: Counter[str] = Counter()
    try:
        qr_category = _qr_category(config, backend.url, credential)
        with running_head_unit(with_overrides(config, {"backend.url": backend.url}), tasks, "map") as (ui, taps):
            taps.wait_until(lambda: ui.startup.sync.connectivity == "online", "the backend to be online")
            driver = _Flows(ui, backend.url, credential)
            for number in range(flows):
                category, method = (qr_category, "qr") if number % 2 == 0 else ("fuel", "wallet")
                driver.run(category, method)
                kinds[f"{category}/{method}"] += 1
            return driver.samples, kinds
    finally:
        tasks.shutdown()
        backend.stop()


def child_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m headunit.bench.pay_ui")
    parser.add_argument("--flows", type=int, default=10)
    args = parser.parse_args(argv)
    if args.flows < 1:
        parser.error("--flows must be at least 1")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # measure() sets it; so does a run by hand
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - root objects come back as QQuickWindow

    app = head_unit_app()  # noqa: F841 - kept alive for the run
    try:
        with tempfile.TemporaryDirectory(prefix="headunit-bench-pay-ui-") as tmp:
            samples, kinds = _head_unit(Path(tmp), args.flows)
            floor_ms = floor_taps(Path(tmp), len(samples), SIZE)
    except Exception as error:  # noqa: BLE001 - the parent reports it
        print(f"headunit: bench pay UI: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(json.dumps(figures(samples, floor_ms, kinds)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(child_main())
