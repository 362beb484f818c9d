"""What the driver chose at a parking, fuel or charging POI, and what it comes to.

A `Quote` is computed from the backend's live data (the POI, its slots) and the
vehicle's energy state; it is what the review screen shows and, unchanged, what is
sent. The backend computes the amount it charges by the same rules (docs/backend-api.md),
so the review's total is the amount asked for unless the price changed meanwhile; the
pay screens show the backend's amount.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from headunit.core.backend.models import PoiLive, Slot

MAX_PARKING_HOURS = 4
MAX_CHARGING_SLOTS = 6  # 3 hours of 30-minute slots
CHARGING_SLOT_MIN = 30
LITRE_STEP = 5
MIN_LITRES = 5
MAX_QUANTITY = 200.0


@dataclass(frozen=True)
class VehicleEnergy:
    """The vehicle's state and its static capacities (VSS TankCapacity, TractionBattery.NetCapacity)."""

    fuel_percent: float | None = None
    soc_percent: float | None = None
    tank_l: float = 50.0
    battery_kwh: float = 60.0


@dataclass(frozen=True)
class Quote:
    category: str
    poi_id: str
    poi_name: str
    currency: str
    lat: float = 0.0
    lon: float = 0.0
    total_minor: int = 0
    problem: str = ""  # why it cannot be sent yet ("" when it can): a PROBLEMS key
    slot_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    duration_min: int | None = None
    connector: str | None = None
    energy_kwh: float | None = None
    pump: int | None = None
    litres: float | None = None
    fill_up: bool = False

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def reservable(self) -> bool:
        """Parking and charging are reservations (queued when offline); fuel is paid at the pump, online."""
        return self.category != "fuel"


PROBLEMS = ("choose_slot", "no_slot", "slot_full", "choose_pump", "pump_busy", "choose_connector",
            "connector_busy", "already_charged", "tank_full", "no_charge_level", "no_fuel_level")


def _base(poi: PoiLive) -> dict:
    return {"category": poi.category, "poi_id": poi.poi_id, "poi_name": poi.name, "currency": poi.currency,
            "lat": poi.lat, "lon": poi.lon}


def bookable_slots(slots: tuple[Slot, ...], now: datetime) -> tuple[Slot, ...]:
    """The slots a reservation may start in: not started yet."""
    return tuple(s for s in slots if s.start > now)


def _run(slots: tuple[Slot, ...], first: Slot) -> list[Slot]:
    """`first` and the slots that follow it back to back."""
    run, index = [first], slots.index(first)
    for slot in slots[index + 1:]:
        if slot.start != run[-1].end:
            break
        run.append(slot)
    return run


def max_parking_hours(slots: tuple[Slot, ...], slot_id: str) -> int:
    """How many hours from `slot_id` on are free back to back (0: the slot is full or unknown)."""
    first = next((s for s in slots if s.slot_id == slot_id), None)
    if first is None:
        return 0
    hours = 0
    for slot in _run(slots, first)[:MAX_PARKING_HOURS]:
        if slot.free <= 0:
            break
        hours += 1
    return hours


def parking_quote(poi: PoiLive, slots: tuple[Slot, ...], slot_id: str | None, hours: int, now: datetime) -> Quote:
    base = _base(poi)
    open_slots = bookable_slots(slots, now)
    if not any(s.free > 0 for s in open_slots):
        return Quote(**base, problem="no_slot")
    first = next((s for s in open_slots if s.slot_id == slot_id), None)
    if first is None:
        return Quote(**base, problem="choose_slot")
    available = max_parking_hours(open_slots, first.slot_id)
    if available == 0:
        return Quote(**base, slot_id=first.slot_id, start=first.start, problem="slot_full")
    hours = max(1, min(hours, available))
    span = _run(open_slots, first)[:hours]
    return Quote(**base, slot_id=first.slot_id, start=first.start, end=span[-1].end,
                 duration_min=hours * 60, total_minor=sum(s.price_minor for s in span))


def charge_energy_kwh(energy: VehicleEnergy, target_percent: int) -> float | None:
    """kWh from the current charge to the target, rounded up to a whole kWh (None: SoC unknown)."""
    if energy.soc_percent is None:
        return None
    missing = (target_percent - energy.soc_percent) / 100 * energy.battery_kwh
    return float(math.ceil(missing)) if missing > 0 else 0.0


def charging_quote(poi: PoiLive, slots: tuple[Slot, ...], connector: str | None, target_percent: int,
                   energy: VehicleEnergy, now: datetime) -> Quote:
    """The first run of free slots long enough to charge to the target at the connector's power."""
    base = _base(poi)
    chosen = next((c for c in poi.connectors if c.type == connector), None)
    if chosen is None:
        return Quote(**base, problem="choose_connector")
    kwh = charge_energy_kwh(energy, target_percent)
    if kwh is None:
        return Quote(**base, connector=chosen.type, problem="no_charge_level")
    if kwh <= 0:
        return Quote(**base, connector=chosen.type, energy_kwh=0.0, problem="already_charged")
    kwh = min(kwh, MAX_QUANTITY)
    hours = kwh / max(chosen.power_kw, 1.0)
    count = min(MAX_CHARGING_SLOTS, max(1, math.ceil(hours * 60 / CHARGING_SLOT_MIN - 1e-9)))
    open_slots = bookable_slots(slots, now)
    for first in open_slots:
        span = _run(open_slots, first)[:count]
        if len(span) == count and all(s.free > 0 for s in span):
            return Quote(**base, connector=chosen.type, energy_kwh=kwh, slot_id=first.slot_id, start=first.start,
                         end=span[-1].end, duration_min=count * CHARGING_SLOT_MIN,
                         total_minor=round(poi.price_minor * kwh))
    return Quote(**base, connector=chosen.type, energy_kwh=kwh, problem="no_slot")


def fill_up_litres(energy: VehicleEnergy) -> float | None:
    """What fills the tank from its level, rounded up to a litre (None: level unknown)."""
    if energy.fuel_percent is None:
        return None
    return float(math.ceil(max(0.0, 100 - energy.fuel_percent) / 100 * energy.tank_l))


def fuel_quote(poi: PoiLive, pump: int | None, litres: int, fill_up: bool, energy: VehicleEnergy) -> Quote:
    base = _base(poi)
    chosen = next((p for p in poi.pumps if p.number == pump), None)
    if chosen is None:
        return Quote(**base, problem="choose_pump")
    if not chosen.free:
        return Quote(**base, pump=chosen.number, problem="pump_busy")
    if fill_up:
        amount = fill_up_litres(energy)
        if amount is None:
            return Quote(**base, pump=chosen.number, fill_up=True, problem="no_fuel_level")
        if amount <= 0:
            return Quote(**base, pump=chosen.number, fill_up=True, problem="tank_full")
    else:
        amount = float(max(MIN_LITRES, litres))
    amount = min(amount, MAX_QUANTITY, energy.tank_l)
    return Quote(**base, pump=chosen.number, litres=amount, fill_up=fill_up,
                 total_minor=max(1, int(poi.price_minor * amount + 0.5)))
