"""The reserve-and-pay choice panels (parking, fuel, charging) and the review panel, offscreen.

Each panel is loaded on its own inside a small QML wrapper that sizes it like the card the flow
view shows over the map, with its list models written as ListModel elements.
"""

from __future__ import annotations

import pytest
from PySide6.QtQuick import QQuickItem, QQuickView

from tests.qml.panel_harness import CARDS, SHOTS, panels_shown
from tests.qml.quick import find, find_all, is_shown, scene_rect, tap, walk

SLOTS = """ListModel {
    id: slotsModel
    ListElement { slotId: "s0900"; label: "09:00"; free: 12; available: true }
    ListElement { slotId: "s0930"; label: "09:30"; free: 0; available: false }
    ListElement { slotId: "s1000"; label: "10:00"; free: 3; available: true }
}"""
MANY_SLOTS = "ListModel {\n    id: slotsModel\n" + "\n".join(
    f'    ListElement {{ slotId: "s{h:02d}{m:02d}"; label: "{h:02d}:{m:02d}"; free: {(h * 7 + m) % 15}; '
    f'available: {"true" if (h * 7 + m) % 15 else "false"} }}'
    for h in range(8, 18) for m in (0, 30)) + "\n}"
PUMPS = """ListModel {
    id: pumpsModel
    ListElement { number: 1; fuels: "95E10 · 98 · Diesel"; free: true }
    ListElement { number: 2; fuels: "95E10 · Diesel"; free: false }
    ListElement { number: 3; fuels: "Diesel · HVO100"; free: true }
    ListElement { number: 4; fuels: "95E10 · 98"; free: true }
}"""
CONNECTORS = """ListModel {
    id: connectorsModel
    ListElement { type: "CCS"; powerText: "150 kW"; free: 2; count: 4 }
    ListElement { type: "Type2"; powerText: "22 kW"; free: 0; count: 2 }
    ListElement { type: "CHAdeMO"; powerText: "50 kW"; free: 1; count: 1 }
}"""

PARKING = ("ParkingChoicePanel", SLOTS, """
    poiName: "Kamppi parking hall"
    slots: slotsModel
    selectedSlotId: "s1000"
    hours: 2
    minHours: 1
    maxHours: 3
    hoursText: "2 h"
    untilText: "until 12:00"
    totalText: "€5.00"
    step: 2
    steps: 5""")
FUEL = ("FuelChoicePanel", PUMPS, """
    poiName: "Neste Kamppi"
    pumps: pumpsModel
    selectedPump: 3
    litres: 20
    minLitres: 5
    maxLitres: 60
    fillUpText: "Fill up (about 38 L)"
    totalText: "€36.80"
    step: 2
    steps: 5""")
CHARGING = ("ChargingChoicePanel", CONNECTORS, """
    poiName: "Ionity Helsinki"
    connectors: connectorsModel
    selectedConnector: "CCS"
    currentPercent: 35
    targetPercent: 80
    minPercent: 40
    maxPercent: 100
    energyText: "24 kWh"
    timeText: "09:30 – 10:00"
    totalText: "€16.80"
    step: 2
    steps: 5""")
REVIEW = ("PayReviewPanel", "", """
    poiName: "Kamppi parking hall"
    lines: ["Parking, 2 h", "Kamppi parking hall, Urho Kekkosen katu 1", "Today 10:00 – until 12:00"]
    totalText: "€5.00"
    paymentAllowed: true
    online: true
    offlineReservable: true
    step: 3
    steps: 5""")


@pytest.fixture
def show(views):
    return panels_shown(views, "800x480")


def text_of(view: QQuickView, name: str) -> str:
    return find(view, name).property("text")


# --- parking -------------------------------------------------------------------------------------


def test_parking_slots_show_free_places_and_a_tap_on_a_free_one_selects_it(show, qtbot):
    view, panel = show(PARKING)
    assert text_of(view, "parkingChoiceTitle") == "Kamppi parking hall"
    assert [s.objectName() for s in find_all(view, "slot_")] == ["slot_s0900", "slot_s0930", "slot_s1000"]
    assert text_of(view, "slotStatus_s0900") == "12 free"
    with qtbot.waitSignal(panel.slotSelected, timeout=1_000) as chosen:
        tap(view, find(view, "slot_s0900"))
    assert chosen.args == ["s0900"]


def test_parking_full_slot_is_disabled_says_full_and_ignores_taps(show, qtbot):
    view, panel = show(PARKING)
    full = find(view, "slot_s0930")
    assert not full.isEnabled()
    assert text_of(view, "slotStatus_s0930") == "Full"
    with qtbot.assertNotEmitted(panel.slotSelected):
        tap(view, full)


def test_parking_selected_slot_is_highlighted_and_follows_the_property(show):
    view, panel = show(PARKING)
    assert find(view, "slot_s1000").property("selected")
    assert not find(view, "slot_s0900").property("selected")
    panel.setProperty("selectedSlotId", "s0900")
    assert find(view, "slot_s0900").property("selected")
    assert not find(view, "slot_s1000").property("selected")


def test_parking_hours_stepper_asks_one_hour_more_or_less_within_the_limits(show, qtbot):
    view, panel = show(PARKING)
    assert find(view, "hoursStepper").property("valueText") == "2 h"
    with qtbot.waitSignal(panel.hoursRequested, timeout=1_000) as more:
        tap(view, find(view, "hoursStepperPlus"))
    assert more.args == [3]
    with qtbot.waitSignal(panel.hoursRequested, timeout=1_000) as less:
        tap(view, find(view, "hoursStepperMinus"))
    assert less.args == [1]
    panel.setProperty("hours", 3)
    with qtbot.assertNotEmitted(panel.hoursRequested):
        tap(view, find(view, "hoursStepperPlus"))
    panel.setProperty("hours", 1)
    with qtbot.assertNotEmitted(panel.hoursRequested):
        tap(view, find(view, "hoursStepperMinus"))


def test_parking_summary_step_and_continue_only_when_allowed(show, qtbot):
    view, panel = show(PARKING)
    assert text_of(view, "parkingTotal") == "until 12:00 · €5.00"
    assert text_of(view, "parkingChoiceStep") == "Step 2 of 5"
    button = find(view, "choiceContinue")
    assert not button.isEnabled()
    with qtbot.assertNotEmitted(panel.continueRequested):
        tap(view, button)
    panel.setProperty("canContinue", True)
    with qtbot.waitSignal(panel.continueRequested, timeout=1_000):
        tap(view, button)
    with qtbot.waitSignal(panel.backRequested, timeout=1_000):
        tap(view, find(view, "parkingChoiceBack"))
    panel.setProperty("steps", 0)
    assert not is_shown(find(view, "parkingChoiceStep"))


def test_parking_message_is_shown_only_when_there_is_one(show):
    view, panel = show(PARKING)
    message = find(view, "choiceMessage")
    assert not is_shown(message)
    panel.setProperty("message", "No free slots today")
    assert is_shown(message) and message.property("text") == "No free slots today"


def test_parking_while_driving_shows_at_most_max_items_slots(show):
    view, panel = show(PARKING, maxItems=2)
    assert [s.objectName() for s in find_all(view, "slot_") if is_shown(s)] == ["slot_s0900", "slot_s0930"]
    panel.setProperty("maxItems", -1)
    assert len([s for s in find_all(view, "slot_") if is_shown(s)]) == 3


# --- fuel ----------------------------------------------------------------------------------------


def test_fuel_pumps_free_ones_select_busy_ones_are_disabled(show, qtbot):
    view, panel = show(FUEL)
    assert [p.objectName() for p in find_all(view, "pump_")] == ["pump_1", "pump_2", "pump_3", "pump_4"]
    assert find(view, "pump_1").height() >= find(view, "choiceContinue").height()
    assert text_of(view, "pumpStatus_1") == "95E10 · 98 · Diesel"
    with qtbot.waitSignal(panel.pumpSelected, timeout=1_000) as chosen:
        tap(view, find(view, "pump_1"))
    assert chosen.args == [1]
    busy = find(view, "pump_2")
    assert not busy.isEnabled() and text_of(view, "pumpStatus_2") == "Busy"
    with qtbot.assertNotEmitted(panel.pumpSelected):
        tap(view, busy)
    assert find(view, "pump_3").property("selected") and not find(view, "pump_1").property("selected")


def test_fuel_litres_stepper_moves_in_fives_within_the_limits(show, qtbot):
    view, panel = show(FUEL)
    assert find(view, "litresStepper").property("valueText") == "20 L"
    with qtbot.waitSignal(panel.litresRequested, timeout=1_000) as more:
        tap(view, find(view, "litresStepperPlus"))
    assert more.args == [25]
    with qtbot.waitSignal(panel.litresRequested, timeout=1_000) as less:
        tap(view, find(view, "litresStepperMinus"))
    assert less.args == [15]
    panel.setProperty("litres", 58)
    with qtbot.waitSignal(panel.litresRequested, timeout=1_000) as capped:
        tap(view, find(view, "litresStepperPlus"))
    assert capped.args == [60]
    panel.setProperty("litres", 60)
    with qtbot.assertNotEmitted(panel.litresRequested):
        tap(view, find(view, "litresStepperPlus"))
    panel.setProperty("litres", 5)
    with qtbot.assertNotEmitted(panel.litresRequested):
        tap(view, find(view, "litresStepperMinus"))


def test_fuel_fill_up_chip_toggles_and_shows_its_estimate(show, qtbot):
    view, panel = show(FUEL)
    chip = find(view, "fillUpChip")
    assert chip.property("text") == "Fill up (about 38 L)"
    assert chip.property("textFits"), "the fill-up label is cut down to its icon"
    assert not chip.property("checked")
    with qtbot.waitSignal(panel.fillUpRequested, timeout=1_000) as on:
        tap(view, chip)
    assert on.args == [True]
    panel.setProperty("fillUp", True)
    assert chip.property("checked")
    with qtbot.waitSignal(panel.fillUpRequested, timeout=1_000) as off:
        tap(view, chip)
    assert off.args == [False]


def test_fuel_total_and_continue(show, qtbot):
    view, panel = show(FUEL, canContinue="true")
    assert text_of(view, "fuelTotal") == "€36.80"
    with qtbot.waitSignal(panel.continueRequested, timeout=1_000):
        tap(view, find(view, "choiceContinue"))
    panel.setProperty("canContinue", False)
    with qtbot.assertNotEmitted(panel.continueRequested):
        tap(view, find(view, "choiceContinue"))
    with qtbot.waitSignal(panel.backRequested, timeout=1_000):
        tap(view, find(view, "fuelChoiceBack"))


# --- charging ------------------------------------------------------------------------------------


def test_charging_connectors_show_free_counts_and_busy_ones_are_disabled(show, qtbot):
    view, panel = show(CHARGING)
    assert text_of(view, "connectorStatus_CCS") == "2 of 4 free"
    assert find(view, "connector_CCS").property("selected")
    with qtbot.waitSignal(panel.connectorSelected, timeout=1_000) as chosen:
        tap(view, find(view, "connector_CHAdeMO"))
    assert chosen.args == ["CHAdeMO"]
    busy = find(view, "connector_Type2")
    assert not busy.isEnabled() and text_of(view, "connectorStatus_Type2") == "Busy"
    with qtbot.assertNotEmitted(panel.connectorSelected):
        tap(view, busy)


def test_charging_target_stepper_shows_now_and_target_and_moves_in_fives(show, qtbot):
    view, panel = show(CHARGING)
    stepper = find(view, "targetStepper")
    assert "35 %" in stepper.property("label") and stepper.property("valueText") == "80 %"
    with qtbot.waitSignal(panel.targetRequested, timeout=1_000) as more:
        tap(view, find(view, "targetStepperPlus"))
    assert more.args == [85]
    with qtbot.waitSignal(panel.targetRequested, timeout=1_000) as less:
        tap(view, find(view, "targetStepperMinus"))
    assert less.args == [75]
    panel.setProperty("targetPercent", 100)
    with qtbot.assertNotEmitted(panel.targetRequested):
        tap(view, find(view, "targetStepperPlus"))
    panel.setProperty("targetPercent", 40)
    with qtbot.assertNotEmitted(panel.targetRequested):
        tap(view, find(view, "targetStepperMinus"))
    panel.setProperty("currentPercent", -1)
    assert "%" not in stepper.property("label")


def test_charging_estimate_total_and_continue(show, qtbot):
    view, panel = show(CHARGING, canContinue="true", maxItems=1)
    assert text_of(view, "chargingEstimate") == "24 kWh · 09:30 – 10:00"
    assert text_of(view, "chargingTotal") == "€16.80"
    assert [c.objectName() for c in find_all(view, "connector_") if is_shown(c)] == ["connector_CCS"]
    with qtbot.waitSignal(panel.continueRequested, timeout=1_000):
        tap(view, find(view, "choiceContinue"))
    with qtbot.waitSignal(panel.backRequested, timeout=1_000):
        tap(view, find(view, "chargingChoiceBack"))


# --- review --------------------------------------------------------------------------------------


def test_review_shows_the_lines_the_total_and_pays_by_qr_or_wallet(show, qtbot):
    view, panel = show(REVIEW)
    assert text_of(view, "payReviewTitle") == "Review"
    assert [text_of(view, f"reviewLine{i}") for i in range(3)] == [
        "Parking, 2 h", "Kamppi parking hall, Urho Kekkosen katu 1", "Today 10:00 – until 12:00"]
    assert text_of(view, "reviewTotal") == "€5.00"
    for hidden in ("reserveOffline", "parkedOnly", "reviewBusy", "offlineNote", "reviewMessage"):
        assert not is_shown(find(view, hidden)), hidden
    with qtbot.waitSignal(panel.payRequested, timeout=1_000) as qr:
        tap(view, find(view, "payQr"))
    assert qr.args == ["qr"]
    with qtbot.waitSignal(panel.payRequested, timeout=1_000) as wallet:
        tap(view, find(view, "payWallet"))
    assert wallet.args == ["wallet"]
    with qtbot.waitSignal(panel.backRequested, timeout=1_000):
        tap(view, find(view, "payReviewBack"))


def test_review_while_driving_the_buttons_are_disabled_and_say_when_parked(show, qtbot):
    view, panel = show(REVIEW, paymentAllowed="false")
    parked_only = find(view, "parkedOnly")
    assert is_shown(parked_only) and parked_only.property("text") == "Available when parked"
    for name in ("payQr", "payWallet"):
        button = find(view, name)
        assert is_shown(button) and not button.isEnabled()
        with qtbot.assertNotEmitted(panel.payRequested):
            tap(view, button)
    panel.setProperty("paymentAllowed", True)
    assert not is_shown(parked_only) and find(view, "payQr").isEnabled()


def test_review_while_sending_the_buttons_are_disabled_and_it_says_sending(show, qtbot):
    view, panel = show(REVIEW, busy="true")
    assert is_shown(find(view, "reviewBusy")) and text_of(view, "reviewBusy") == "Sending…"
    with qtbot.assertNotEmitted(panel.payRequested):
        tap(view, find(view, "payQr"))
        tap(view, find(view, "payWallet"))


def test_review_offline_parking_can_be_reserved_to_pay_later(show, qtbot):
    view, panel = show(REVIEW, online="false")
    assert not is_shown(find(view, "payQr")) and not is_shown(find(view, "payWallet"))
    note = find(view, "offlineNote")
    assert is_shown(note)
    assert note.property("text") == "No connection: the reservation is sent when the car is back online."
    reserve = find(view, "reserveOffline")
    assert is_shown(reserve) and reserve.property("text") == "Reserve now, pay when online"
    with qtbot.waitSignal(panel.reserveOfflineRequested, timeout=1_000):
        tap(view, reserve)
    panel.setProperty("paymentAllowed", False)
    with qtbot.assertNotEmitted(panel.reserveOfflineRequested):
        tap(view, reserve)


def test_review_offline_fuel_has_no_button_and_says_it_needs_a_connection(show):
    view, _ = show(REVIEW, online="false", offlineReservable="false")
    assert text_of(view, "offlineNote") == "Paying at the pump needs a connection."
    for name in ("payQr", "payWallet", "reserveOffline"):
        assert not is_shown(find(view, name)), name


def test_review_message_is_shown_in_the_warning_colour(show):
    view, panel = show(REVIEW)
    panel.setProperty("message", "The payment was declined.")
    message = find(view, "reviewMessage")
    assert is_shown(message) and message.property("text") == "The payment was declined."
    assert message.property("color") == view.rootObject().property("warningColour")


# --- every panel fits its card at every screen size, day and night --------------------------------

RENDERS = {
    "parking": (PARKING, MANY_SLOTS, {"message": '"Only 2 h left today: the hall closes at 18:00."'}),
    "fuel": (FUEL, None, {"fillUp": "true"}),
    "charging": (CHARGING, None, {"poiName": '"Ionity Helsinki Kamppi shopping centre, level -2"'}),
    "review": (REVIEW, None, {"paymentAllowed": "false", "busy": "true"}),
    "review_offline": (REVIEW, None, {"online": "false", "message": '"Could not reach the server."'}),
}


def clipped_by(item: QQuickItem, panel: QQuickItem) -> bool:
    """True if a clipping ancestor (a Flickable's content window) cuts the item off."""
    parent = item.parentItem()
    while parent is not None and parent is not panel:
        if parent.clip() and not scene_rect(parent).contains(scene_rect(item)):
            return True
        parent = parent.parentItem()
    return False


TAPPABLE = ("Back", "Plus", "Minus", "choiceContinue", "payQr", "payWallet", "reserveOffline", "fillUpChip")


@pytest.mark.parametrize("size", list(CARDS))
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize("name", list(RENDERS))
def test_the_panel_fits_its_card(show, name, size, night):
    spec, models, extra = RENDERS[name]
    view, panel = show(spec, size=size, night=night, models=models, **extra)
    SHOTS.mkdir(exist_ok=True)
    view.grabWindow().save(str(SHOTS / f"{name}_{size}_{'night' if night else 'day'}.png"))
    card = scene_rect(panel)
    touch_target = view.rootObject().property("touchTarget")
    # items scrolled out of a list's window are left out: they are reached by flicking
    shown = [i for i in walk(panel) if i is not panel and is_shown(i) and not clipped_by(i, panel)]
    for item in shown:
        label = item.objectName() or item.property("text") or item.metaObject().className()
        assert card.contains(scene_rect(item)), f"{label} sticks out of the card"
        # long place names may be elided; every other text must be whole
        if item.inherits("QQuickText") and not item.objectName().endswith("Title"):
            assert not item.property("truncated"), f"{label} is cut: {item.property('text')!r}"
    named = [i for i in shown if i.objectName()]
    for item in named:
        if item.objectName().endswith(TAPPABLE) or item.objectName().startswith(("slot_", "pump_", "connector_")):
            assert item.height() >= touch_target, f"{item.objectName()} is smaller than a touch target"
    header_bottom = max(scene_rect(i).bottom() for i in named if i.objectName().endswith("Back"))
    footer_top = min(scene_rect(i).top() for i in named if i.objectName() in (
        "hoursStepper", "litresStepper", "targetStepper", "reviewTotal"))
    assert header_bottom < footer_top, "the header and the footer overlap"
