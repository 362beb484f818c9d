"""The "choose" screen of reserve-and-pay: a slot and hours (parking), a pump and an amount
or "fill up" (fuel), a connector and a target charge (charging), and the quote they make.

Plain state and list models; the PayStore owns one and publishes its properties.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject

from headunit.core.backend.models import PoiLive, Slot
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
from headunit.qt.pay_texts import tr, what_text
from headunit.qt.stores.row_model import DictListModel

PERCENT_STEP = 5
DEFAULT_TARGET = 80
DEFAULT_LITRES = 30


class Choice:
    def __init__(self, parent: QObject) -> None:
        self.slots = DictListModel(("slotId", "label", "free", "available"), parent)
        self.pumps = DictListModel(("number", "fuels", "free"), parent)
        self.connectors = DictListModel(("type", "powerText", "free", "count"), parent)
        self.poi: PoiLive | None = None
        self._slots: tuple[Slot, ...] = ()
        self.slot_id = ""
        self.hours = 1
        self.pump = 0
        self.litres = DEFAULT_LITRES
        self.fill_up = False
        self.connector = ""
        self.target = DEFAULT_TARGET
        self.energy = VehicleEnergy()

    def load(self, poi: PoiLive, slots: tuple[Slot, ...], now: float, locale: QLocale) -> None:
        """A fresh offer: keep what the driver chose if it is still there."""
        self.poi, self._slots = poi, slots
        at = _utc(now)
        open_slots = bookable_slots(slots, at)
        self.slots.reset([{"slotId": s.slot_id, "label": time_text(s.start, locale), "free": s.free,
                           "available": s.free > 0} for s in open_slots])
        self.pumps.reset([{"number": p.number, "fuels": " · ".join(p.fuels), "free": p.free} for p in poi.pumps])
        self.connectors.reset([{"type": c.type, "powerText": f"{locale.toString(round(c.power_kw))} kW",
                                "free": c.free, "count": c.count} for c in poi.connectors])
        if not any(s.slot_id == self.slot_id and s.free > 0 for s in open_slots):
            self.slot_id = next((s.slot_id for s in open_slots if s.free > 0), "")
        if not any(p.number == self.pump and p.free for p in poi.pumps):
            self.pump = next((p.number for p in poi.pumps if p.free), 0)
        if not any(c.type == self.connector for c in poi.connectors):
            self.connector = next((c.type for c in poi.connectors if c.free > 0), "")

    def quote(self, now: float) -> Quote | None:
        poi = self.poi
        if poi is None:
            return None
        at = _utc(now)
        if poi.category == "parking":
            return parking_quote(poi, self._slots, self.slot_id or None, self.hours, at)
        if poi.category == "fuel":
            return fuel_quote(poi, self.pump or None, self.litres, self.fill_up, self.energy)
        return charging_quote(poi, self._slots, self.connector or None, self.target, self.energy, at)

    def max_hours(self, now: float) -> int:
        return max(1, max_parking_hours(bookable_slots(self._slots, _utc(now)), self.slot_id)) if self.slot_id else 1

    def min_target(self) -> int:
        soc = self.energy.soc_percent
        base = 0 if soc is None else math.ceil(soc / PERCENT_STEP) * PERCENT_STEP
        return min(100, max(PERCENT_STEP, base + PERCENT_STEP))

    def max_litres(self) -> int:
        return max(MIN_LITRES, int(self.energy.tank_l) // LITRE_STEP * LITRE_STEP)

    def fill_up_text(self, locale: QLocale) -> str:
        litres = fill_up_litres(self.energy)
        if litres is None:
            return tr(_FILL_UP)
        return tr(_FILL_UP_ABOUT).replace("%1", locale.toString(round(litres)))

    def energy_text(self, locale: QLocale) -> str:
        kwh = charge_energy_kwh(self.energy, self.target)
        return "" if kwh is None else f"{locale.toString(round(kwh))} kWh"

    def clamp(self, now: float) -> None:
        self.hours = max(1, min(self.hours, self.max_hours(now), MAX_PARKING_HOURS))
        self.litres = max(MIN_LITRES, min(self.litres, self.max_litres()))
        self.target = max(self.min_target(), min(100, self.target))


def choice_message(quote: Quote | None, locale: QLocale) -> str:
    """Why the driver cannot go on yet, in her words ("" when she can)."""
    if quote is None or quote.ok:
        return ""
    return tr(_PROBLEMS.get(quote.problem, _PROBLEMS["no_slot"]))


def review_title(quote: Quote, locale: QLocale) -> str:
    return what_text(quote, locale)


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
