"""Reserve and pay end to end: the real QML flow offscreen, driven by taps, against the real
reference backend (seeded from the same map), through a fault proxy where a test needs
the network to fail."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import requests

from headunit.bench.fault_proxy import FaultPlan, FaultProxy
from headunit.core.config import Config, MapConfig, PathsConfig, with_overrides
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, make_sample
from tests.backend_fixture import running_backend
from tests.qml.quick import find, find_all, is_shown, start_ui, tap
from tests.qml.test_map_view import PARKED_AT_THE_STATION

PIN = "1234"


@pytest.fixture(scope="session")
def demo_map(tmp_path_factory: pytest.TempPathFactory):
    """The bundled extract with the demo fuel stations and chargers, as a first start imports it."""
    from headunit.services.map.importer import import_extract
    from headunit.services.map.service import DEFAULT_EXTRACT, DEMO_POIS

    path = tmp_path_factory.mktemp("demo-map") / "map.db"
    import_extract(DEFAULT_EXTRACT, path, extra=[DEMO_POIS])
    return path


@pytest.fixture
def pay_backend(tmp_path, demo_map):
    with running_backend(tmp_path / "backend", map_path=demo_map) as handle:
        yield handle


@pytest.fixture
def proxy(pay_backend):
    with FaultProxy(pay_backend.url).start() as made:
        yield made


@pytest.fixture
def pay_ui(tasks, qtbot, tmp_path, demo_map, pay_backend, proxy):
    made = []

    def make(size: str = "1280x720", theme: str = "day"):
        scenario = tmp_path / "car.scenario"
        scenario.write_text(PARKED_AT_THE_STATION)
        config = with_overrides(Config(), {"display.size": size, "display.theme": theme,
                                           "vehicle.scenario": str(scenario), "pay.poll_interval_s": 1.0,
                                           "backend.health_interval_s": 1.0, "backend.read_timeout_s": 2.0})
        config = replace(config, paths=PathsConfig(str(tmp_path / "data")), map=MapConfig(database=str(demo_map)))
        config = with_overrides(pay_backend.configure(config), {"backend.url": proxy.url})
        ui = start_ui(qtbot, tasks, config, "map")
        ui.startup.pay.set_clock(pay_backend.clock.now)
        ui.startup.reservations.set_clock(pay_backend.clock.now)
        qtbot.waitUntil(lambda: ui.startup.sync is not None and ui.startup.sync.connectivity == "online",
                        timeout=15_000)
        made.append(ui)
        return ui

    make.gone = made.remove  # a test that disposed of a head unit itself (a restart)
    yield make
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=15_000)
    for ui in made:
        ui.dispose()


def shown(ui, qtbot, name: str, timeout: int = 10_000):
    def there() -> bool:
        return any(is_shown(i) for i in find_all(ui.window, name) if i.objectName() == name)

    try:
        qtbot.waitUntil(there, timeout=timeout)
    except qtbot.TimeoutError as error:
        pay = ui.startup.pay
        raise AssertionError(f"{name} not shown; the flow is at {pay.step!r} ({pay.resultCode!r}: "
                             f"{pay.resultLines})") from error
    return next(i for i in find_all(ui.window, name) if i.objectName() == name and is_shown(i))


def press(ui, qtbot, name: str, timeout: int = 10_000) -> None:
    """Tap `name` once it is on screen, enabled and laid out (a frame drawn since it appeared)."""
    item = shown(ui, qtbot, name, timeout)
    qtbot.waitUntil(lambda: item.isEnabled(), timeout=timeout)
    with qtbot.waitSignal(ui.window.frameSwapped, timeout=timeout):
        ui.window.update()
    tap(ui.window, item)


def open_nearest(ui, qtbot, category: str) -> None:
    """Screen 1: the nearest POI of a category, its details and live data, then "Reserve"/"Pay"."""
    press(ui, qtbot, f"nearest_{category}")
    qtbot.waitUntil(lambda: len(find_all(ui.window, "poiRow_")) > 0, timeout=5_000)
    tap(ui.window, find_all(ui.window, "poiRow_")[0])
    press(ui, qtbot, "bookButton")


def to_review(ui, qtbot, category: str = "parking") -> None:
    """Screens 1 to 3 with the first choice the store offers."""
    open_nearest(ui, qtbot, category)
    pay = ui.startup.pay
    panel = {"parking": "parkingChoice", "fuel": "fuelChoice", "charging": "chargingChoice"}[category]
    shown(ui, qtbot, panel)
    assert pay.screen == 2
    if category == "parking":
        press(ui, qtbot, f"slot_{pay.choice.selectedSlotId}")
        press(ui, qtbot, "hoursStepperPlus")
        qtbot.waitUntil(lambda: pay.choice.hours == 2, timeout=2_000)
    press(ui, qtbot, "choiceContinue")
    shown(ui, qtbot, "payReview")
    assert pay.screen == 3


def phone_pays(backend) -> None:
    """The driver's phone scans the code (the order's QR URL) and confirms."""
    session = backend.session()
    [order] = [o for o in session.get(f"{backend.url}/v1/orders", timeout=10).json()["orders"]
               if o["status"] == "pending"]
    requests.post(f"{order['qr_url']}/confirm", timeout=10).raise_for_status()


def backend_orders(backend) -> list[dict]:
    return backend.session().get(f"{backend.url}/v1/orders", timeout=10).json()["orders"]


def backend_reservations(backend) -> list[dict]:
    return backend.session().get(f"{backend.url}/v1/reservations", timeout=10).json()["reservations"]


def test_parking_by_qr_in_five_screens_then_navigate(pay_ui, qtbot, pay_backend) -> None:
    ui = pay_ui()
    to_review(ui, qtbot, "parking")
    pay = ui.startup.pay
    assert pay.reviewLines[0].startswith("Parking · 2 h")
    press(ui, qtbot, "payQr")
    shown(ui, qtbot, "qrPayment")
    assert pay.screen == 4 and pay.qrSource.startswith("data:image/png;base64,")
    phone_pays(pay_backend)
    shown(ui, qtbot, "payResult")
    qtbot.waitUntil(lambda: pay.resultKind == "done", timeout=10_000)
    assert pay.screen == 5
    [order] = backend_orders(pay_backend)
    assert order["status"] == "paid" and order["method"] == "qr"
    assert order["receipt"]["number"] in find(ui.window, "resultDetail").property("text")
    [reservation] = backend_reservations(pay_backend)
    assert (reservation["status"], reservation["duration_min"]) == ("confirmed", 120)
    press(ui, qtbot, "action_navigate")
    qtbot.waitUntil(lambda: ui.startup.route.active or ui.startup.route.computing, timeout=10_000)
    assert not pay.active


def test_fuel_by_wallet_with_a_wrong_pin_first(pay_ui, qtbot, pay_backend) -> None:
    ui = pay_ui()
    to_review(ui, qtbot, "fuel")
    pay = ui.startup.pay
    press(ui, qtbot, "payWallet")
    shown(ui, qtbot, "pinPad")
    for digit in "9999":
        press(ui, qtbot, f"pinKey{digit}")
    press(ui, qtbot, "pinOk")
    qtbot.waitUntil(lambda: "Wrong PIN" in find(ui.window, "pinMessage").property("text"), timeout=10_000)
    assert "2" in pay.message
    for digit in PIN:
        press(ui, qtbot, f"pinKey{digit}")
    press(ui, qtbot, "pinOk")
    qtbot.waitUntil(lambda: pay.resultKind == "done", timeout=10_000)
    [order] = backend_orders(pay_backend)
    assert (order["kind"], order["status"], order["method"], order["pump"]) == ("fuel", "paid", "wallet",
                                                                                 pay._quote.pump)


def test_three_wrong_pins_lock_the_wallet_and_offer_the_phone(pay_ui, qtbot, pay_backend) -> None:
    ui = pay_ui()
    to_review(ui, qtbot, "parking")
    press(ui, qtbot, "payWallet")
    pay = ui.startup.pay
    for attempt in range(3):
        for digit in "0000":
            press(ui, qtbot, f"pinKey{digit}")
        press(ui, qtbot, "pinOk")
        qtbot.waitUntil(lambda: not pay.busy, timeout=10_000)
    qtbot.waitUntil(lambda: pay.resultCode == "wallet_locked", timeout=10_000)
    assert "locked" in find(ui.window, "resultTitle").property("text")
    press(ui, qtbot, "action_qr")
    shown(ui, qtbot, "qrPayment")
    phone_pays(pay_backend)
    qtbot.waitUntil(lambda: pay.resultKind == "done", timeout=10_000)
    assert [o["status"] for o in backend_orders(pay_backend)] == ["paid"]


def test_cancel_and_refund_from_my_reservations(pay_ui, qtbot, pay_backend) -> None:
    ui = pay_ui()
    to_review(ui, qtbot, "parking")
    press(ui, qtbot, "payWallet")
    for digit in PIN:
        press(ui, qtbot, f"pinKey{digit}")
    press(ui, qtbot, "pinOk")
    pay = ui.startup.pay
    qtbot.waitUntil(lambda: pay.resultKind == "done", timeout=10_000)
    press(ui, qtbot, "action_done")
    press(ui, qtbot, "myReservationsButton")
    local_id = pay_ui_reservation_id(ui)
    qtbot.waitUntil(lambda: find(ui.window, f"status_{local_id}").property("text") == "Confirmed", timeout=10_000)
    press(ui, qtbot, f"cancel_{local_id}")
    qtbot.waitUntil(lambda: find(ui.window, f"status_{local_id}").property("text") == "Cancelled · refunded",
                    timeout=10_000)
    [reservation] = backend_reservations(pay_backend)
    assert reservation["status"] == "cancelled"
    assert [o["status"] for o in backend_orders(pay_backend)] == ["refunded"]


def pay_ui_reservation_id(ui) -> str:
    rows = ui.startup.reservations.property("model").rows
    assert rows, "My reservations is empty"
    return rows[0]["localId"]


def test_offline_the_reservation_is_queued_as_pending_and_sent_when_online(pay_ui, qtbot, pay_backend, proxy) -> None:
    ui = pay_ui()
    to_review(ui, qtbot, "parking")
    proxy.set_down(True)
    sync, pay = ui.startup.sync, ui.startup.pay
    qtbot.waitUntil(lambda: sync.connectivity == "offline", timeout=15_000)
    assert not is_shown(find(ui.window, "payQr"))
    press(ui, qtbot, "reserveOffline")
    qtbot.waitUntil(lambda: pay.resultKind == "queued", timeout=15_000)
    assert "will be sent when online" in find(ui.window, "resultTitle").property("text")
    press(ui, qtbot, "action_reservations")
    local_id = pay_ui_reservation_id(ui)
    status = shown(ui, qtbot, f"status_{local_id}")
    assert status.property("text") == "Pending – will be sent when online"
    assert backend_reservations(pay_backend) == [] and backend_orders(pay_backend) == []
    proxy.set_down(False)
    qtbot.waitUntil(lambda: find(ui.window, f"status_{local_id}").property("text") == "Held – not paid yet",
                    timeout=20_000)
    [reservation] = backend_reservations(pay_backend)
    assert (reservation["status"], reservation["client_ref"]) == ("held", local_id)
    assert backend_orders(pay_backend) == []  # never paid offline, nor ordered behind the driver's back
    press(ui, qtbot, f"pay_{local_id}")  # once it is held, the driver pays for it from the list
    shown(ui, qtbot, "qrPayment")
    phone_pays(pay_backend)
    qtbot.waitUntil(lambda: pay.resultKind == "done", timeout=10_000)
    assert [r["status"] for r in backend_reservations(pay_backend)] == ["confirmed"]


def test_a_lost_payment_answer_means_outcome_unknown_and_a_look_up_not_a_second_payment(
        pay_ui, qtbot, pay_backend, proxy) -> None:
    ui = pay_ui()
    to_review(ui, qtbot, "parking")
    press(ui, qtbot, "payWallet")
    pay = ui.startup.pay
    shown(ui, qtbot, "pinPad")
    proxy.set_plan(FaultPlan(drop_after=1.0, methods=frozenset({"POST", "GET"})))
    for digit in PIN:
        press(ui, qtbot, f"pinKey{digit}")
    press(ui, qtbot, "pinOk")
    qtbot.waitUntil(lambda: pay.resultCode == "unknown", timeout=30_000)
    assert "twice" in find(ui.window, "resultLine0").property("text")
    assert [o["status"] for o in backend_orders(pay_backend)] == ["paid"]  # it went through, unseen
    proxy.set_plan(FaultPlan())
    press(ui, qtbot, "action_check")
    qtbot.waitUntil(lambda: pay.resultKind == "done", timeout=15_000)
    orders = backend_orders(pay_backend)
    assert len(orders) == 1 and orders[0]["status"] == "paid"


def test_a_restart_in_the_middle_shows_the_true_state(pay_ui, qtbot, pay_backend, tasks) -> None:
    ui = pay_ui()
    to_review(ui, qtbot, "parking")
    press(ui, qtbot, "payQr")
    shown(ui, qtbot, "qrPayment")
    local_id = json.loads(json.dumps(ui.startup.pay._reservation_id))
    ui.startup.pay._poll_timer.stop()  # the app is gone from here on: nothing of it polls any more
    phone_pays(pay_backend)  # the phone pays while the head unit is down
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    ui.dispose()
    pay_ui.gone(ui)
    again = pay_ui()
    press(again, qtbot, "myReservationsButton")
    qtbot.waitUntil(lambda: find(again.window, f"status_{local_id}").property("text") == "Confirmed",
                    timeout=15_000)
    assert len(backend_reservations(pay_backend)) == 1 and len(backend_orders(pay_backend)) == 1


def drive(ui, moving: bool) -> None:
    now = ui.startup.pay._clock()
    speed, gear, brake = (40.0, GEAR_DRIVE, False) if moving else (0.0, GEAR_PARK, True)
    ui.startup.vehicle.apply_samples([make_sample("Vehicle.Speed", speed, now),
                                      make_sample("Vehicle.Powertrain.Transmission.SelectedGear", gear, now),
                                      make_sample("Vehicle.Chassis.ParkingBrake.IsEngaged", brake, now)])
    ui.startup.vehicle.flush()


def test_payment_is_parked_only_and_a_payment_in_progress_pauses_while_moving(pay_ui, qtbot, pay_backend) -> None:
    ui = pay_ui()
    restrictions = ui.startup.restrictions
    drive(ui, moving=True)
    qtbot.waitUntil(lambda: not restrictions.paymentConfirmationAllowed, timeout=5_000)
    to_review(ui, qtbot, "parking")  # browsing works while moving
    assert is_shown(find(ui.window, "parkedOnly")) and not find(ui.window, "payWallet").isEnabled()
    drive(ui, moving=False)
    qtbot.waitUntil(lambda: restrictions.paymentConfirmationAllowed, timeout=10_000)
    press(ui, qtbot, "payWallet")
    shown(ui, qtbot, "pinPad")
    press(ui, qtbot, "pinKey1")
    drive(ui, moving=True)
    shown(ui, qtbot, "payPaused")
    assert not find_all(ui.window, "pinPad")  # the PIN pad (and what was typed) is gone
    drive(ui, moving=False)
    shown(ui, qtbot, "pinPad")
    for digit in PIN:
        press(ui, qtbot, f"pinKey{digit}")
    press(ui, qtbot, "pinOk")
    qtbot.waitUntil(lambda: ui.startup.pay.resultKind == "done", timeout=10_000)
    assert [o["status"] for o in backend_orders(pay_backend)] == ["paid"]
