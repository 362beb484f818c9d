"""The "choose" screen of reserve-and-pay: a slot and hours (parking), a pump and an amount
or "fill up" (fuel), a connector and a target charge (charging), and the quote they make.

A store of its own (PayStore.choice): its slots and properties are what the choose
panels bind to; the PayStore takes the quote when the driver continues to the review.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QLocale, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.backend import models
from headunit.core.backend.models import PoiLive
from headunit.core.pay.quote import (
    LITRE_STEP,
    MAX_PARKING_HOURS,
    MIN_LITRES,
    Quote,
    VehicleEnergy,
    bookable_slots,
    charge_energy_kwh,
    charging_quote,
    fill_up_litres,
    fuel_quote,
    max_parking_hours,
    parking_quote,
)
from headunit.qt.formatting import time_text
from headunit.qt.pay_texts import UNTIL, total_text, tr
from headunit.qt.stores.row_model import DictListModel

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

PERCENT_STEP = 5
DEFAULT_TARGET = 80
DEFAULT_LITRES = 30


@QmlElement
@QmlUncreatable("PayChoiceStore belongs to a PayStore")
class PayChoiceStore(QObject):
    """Screen 2 of the flow: what the driver picks at the POI, and the quote it makes now."""

    changed = Signal()

    def __init__(self, clock: Callable[[], float], locale: QLocale, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._locale = locale
        self._slot_model = DictListModel(("slotId", "label", "free", "available"), self)
        self._pump_model = DictListModel(("number", "fuels", "free"), self)
        self._connector_model = DictListModel(("type", "powerText", "free", "count"), self)
        self.poi: PoiLive | None = None
        self._slots: tuple[models.Slot, ...] = ()
        self.slot_id = ""
        self._hours = 1
        self.pump = 0
        self._litres = DEFAULT_LITRES
        self.fill_up = False
        self.connector = ""
        self.target = DEFAULT_TARGET
        self.energy = VehicleEnergy()
        self.quote: Quote | None = None

    def load(self, poi: PoiLive, slots: tuple[models.Slot, ...]) -> None:
        """A fresh offer: keep what the driver chose if it is still there."""
        self.poi, self._slots = poi, slots
        locale = self._locale
        open_slots = bookable_slots(slots, _utc(self._clock()))
        self._slot_model.reset([{"slotId": s.slot_id, "label": time_text(s.start, locale), "free": s.free,
                                 "available": s.free > 0} for s in open_slots])
        self._pump_model.reset([{"number": p.number, "fuels": " · ".join(p.fuels), "free": p.free}
                                for p in poi.pumps])
        self._connector_model.reset([{"type": c.type, "powerText": f"{locale.toString(round(c.power_kw))} kW",
                                      "free": c.free, "count": c.count} for c in poi.connectors])
        if not any(s.slot_id == self.slot_id and s.free > 0 for s in open_slots):
            self.slot_id = next((s.slot_id for s in open_slots if s.free > 0), "")
        if not any(p.number == self.pump and p.free for p in poi.pumps):
            self.pump = next((p.number for p in poi.pumps if p.free), 0)
        if not any(c.type == self.connector for c in poi.connectors):
            self.connector = next((c.type for c in poi.connectors if c.free > 0), "")
        self._update()

    def set_energy(self, energy: VehicleEnergy) -> None:
        self.energy = energy
        if self.poi is not None:
            self._update()

    def _update(self) -> None:
        """Keep the choices within what is possible now, and quote them."""
        self._hours = max(1, min(self._hours, self._max_hours(), MAX_PARKING_HOURS))
        self._litres = max(MIN_LITRES, min(self._litres, self._max_litres()))
        self.target = max(self._min_target(), min(100, self.target))
        self.quote = self._quote()
        self.changed.emit()

    def _quote(self) -> Quote | None:
        poi = self.poi
        if poi is None:
            return None
        at = _utc(self._clock())
        if poi.category == "parking":
            return parking_quote(poi, self._slots, self.slot_id or None, self._hours, at)
        if poi.category == "fuel":
            return fuel_quote(poi, self.pump or None, self._litres, self.fill_up, self.energy)
        return charging_quote(poi, self._slots, self.connector or None, self.target, self.energy, at)

    @Slot(str)
    def selectSlot(self, slot_id: str) -> None:  # noqa: N802 - QML API
        self.slot_id = slot_id
        self._update()

    @Slot(int)
    def setHours(self, hours: int) -> None:  # noqa: N802
        self._hours = hours
        self._update()

    @Slot(int)
    def selectPump(self, number: int) -> None:  # noqa: N802
        self.pump = number
        self._update()

    @Slot(int)
    def setLitres(self, litres: int) -> None:  # noqa: N802
        self._litres, self.fill_up = litres, False
        self._update()

    @Slot(bool)
    def setFillUp(self, on: bool) -> None:  # noqa: N802
        self.fill_up = on
        self._update()

    @Slot(str)
    def selectConnector(self, connector: str) -> None:  # noqa: N802
        self.connector = connector
        self._update()

    @Slot(int)
    def setTarget(self, percent: int) -> None:  # noqa: N802
        self.target = percent
        self._update()

    def _max_hours(self) -> int:
        if not self.slot_id:
            return 1
        return max(1, max_parking_hours(bookable_slots(self._slots, _utc(self._clock())), self.slot_id))

    def _min_target(self) -> int:
        soc = self.energy.soc_percent
        base = 0 if soc is None else math.ceil(soc / PERCENT_STEP) * PERCENT_STEP
        return min(100, max(PERCENT_STEP, base + PERCENT_STEP))

    def _max_litres(self) -> int:
        return max(MIN_LITRES, int(self.energy.tank_l) // LITRE_STEP * LITRE_STEP)

    def _fill_up_text(self) -> str:
        litres = fill_up_litres(self.energy)
        if litres is None:
            return tr(_FILL_UP)
        return tr(_FILL_UP_ABOUT).replace("%1", self._locale.toString(round(litres)))

    def _energy_text(self) -> str:
        kwh = charge_energy_kwh(self.energy, self.target)
        return "" if kwh is None else f"{self._locale.toString(round(kwh))} kWh"

    def _until_text(self) -> str:
        q = self.quote
        return tr(UNTIL).replace("%1", time_text(q.end, self._locale)) if q and q.end else ""

    def _time_range(self) -> str:
        q = self.quote
        if q is None or q.start is None or q.end is None:
            return ""
        return f"{time_text(q.start, self._locale)} – {time_text(q.end, self._locale)}"

    slots = Property(QObject, lambda self: self._slot_model, constant=True)
    pumps = Property(QObject, lambda self: self._pump_model, constant=True)
    connectors = Property(QObject, lambda self: self._connector_model, constant=True)
    selectedSlotId = Property(str, lambda self: self.slot_id, notify=changed)
    hours = Property(int, lambda self: self._hours, notify=changed)
    maxHours = Property(int, _max_hours, notify=changed)
    hoursText = Property(str, lambda self: f"{self._locale.toString(self._hours)} h", notify=changed)
    untilText = Property(str, _until_text, notify=changed)
    selectedPump = Property(int, lambda self: self.pump, notify=changed)
    litres = Property(int, lambda self: self._litres, notify=changed)
    litreStep = Property(int, lambda self: LITRE_STEP, constant=True)
    maxLitres = Property(int, _max_litres, notify=changed)
    fillUp = Property(bool, lambda self: self.fill_up, notify=changed)
    fillUpText = Property(str, _fill_up_text, notify=changed)
    selectedConnector = Property(str, lambda self: self.connector, notify=changed)
    currentPercent = Property(int, lambda self: -1 if self.energy.soc_percent is None
                              else round(self.energy.soc_percent), notify=changed)
    targetPercent = Property(int, lambda self: self.target, notify=changed)
    minPercent = Property(int, _min_target, notify=changed)
    percentStep = Property(int, lambda self: PERCENT_STEP, constant=True)
    energyText = Property(str, _energy_text, notify=changed)
    timeText = Property(str, _time_range, notify=changed)
    totalText = Property(str, lambda self: total_text(self.quote, self._locale)
                         if self.quote and self.quote.ok else "", notify=changed)
    canContinue = Property(bool, lambda self: bool(self.quote and self.quote.ok), notify=changed)
    choiceMessage = Property(str, lambda self: choice_message(self.quote), notify=changed)


def choice_message(quote: Quote | None) -> str:
    """Why the driver cannot go on yet, in her words ("" when she can)."""
    if quote is None or quote.ok:
        return ""
    return tr(_PROBLEMS.get(quote.problem, _PROBLEMS["no_slot"]))


def _utc(now: float) -> datetime:
    return datetime.fromtimestamp(now, timezone.utc)


_FILL_UP = QT_TRANSLATE_NOOP("PayStore", "Fill up")
_FILL_UP_ABOUT = QT_TRANSLATE_NOOP("PayStore", "Fill up (about %1 l)")
_PROBLEMS = {
    "choose_slot": QT_TRANSLATE_NOOP("PayStore", "Choose a start time."),
    "no_slot": QT_TRANSLATE_NOOP("PayStore", "No free time left today."),
    "slot_full": QT_TRANSLATE_NOOP("PayStore", "This time is full. Choose another."),
    "choose_pump": QT_TRANSLATE_NOOP("PayStore", "Choose a pump."),
    "pump_busy": QT_TRANSLATE_NOOP("PayStore", "This pump is in use. Choose another."),
    "choose_connector": QT_TRANSLATE_NOOP("PayStore", "Choose a connector."),
    "connector_busy": QT_TRANSLATE_NOOP("PayStore", "This connector is in use. Choose another."),
    "already_charged": QT_TRANSLATE_NOOP("PayStore", "The battery is already above this target."),
    "tank_full": QT_TRANSLATE_NOOP("PayStore", "The tank is already full."),
    "no_charge_level": QT_TRANSLATE_NOOP("PayStore", "The battery's charge level is not known, so the energy "
                                                     "to the target cannot be worked out."),
    "no_fuel_level": QT_TRANSLATE_NOOP("PayStore", "The fuel level is not known: choose an amount instead."),
}
