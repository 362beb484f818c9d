from __future__ import annotations

import math
from datetime import datetime

import pytest
from PySide6.QtCore import QLocale

from headunit.qt.stores import StatusStore

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_clock_text_follows_the_locale_and_updates_on_tick(qapp, qtbot):
    clock = Clock(datetime(2026, 11, 21, 7, 5, 30))
    status = StatusStore(now=clock, locale=GERMAN)
    assert status.clockText == "07:05"
    clock.now = datetime(2026, 11, 21, 19, 6, 0)
    with qtbot.waitSignal(status.clockTextChanged, timeout=1000):
        status.start_clock()
    assert status.clockText == "19:06"
    us = StatusStore(now=clock, locale=QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert us.clockText.replace("\u202f", " ") == "7:06 PM"  # CLDR puts a narrow space before PM


def test_clock_next_tick_is_aligned_to_the_minute(qapp):
    status = StatusStore(now=Clock(datetime(2026, 11, 21, 7, 5, 45, 500_000)), locale=GERMAN)
    status.start_clock()
    assert 14_000 <= status._timer.interval() <= 14_500


def test_vehicle_summary_is_unknown_until_fed(qapp):
    status = StatusStore()
    assert not status.speedKnown and not status.outsideTemperatureKnown
    assert math.isnan(status.speedKmh)
    assert status.drivingState == "unknown"


def test_vehicle_summary_notifies_only_on_a_real_change(qapp, qtbot):
    status = StatusStore()
    with qtbot.waitSignal(status.vehicleSummaryChanged, timeout=1000):
        status.set_vehicle_summary(50.0, 4.0, "moving")
    assert status.speedKnown and status.speedKmh == 50.0 and status.outsideTemperature == 4.0
    with qtbot.assertNotEmitted(status.vehicleSummaryChanged):
        status.set_vehicle_summary(50.0, 4.0, "moving")
    status.set_vehicle_summary(math.nan, math.nan, "unknown")
    with qtbot.assertNotEmitted(status.vehicleSummaryChanged):
        status.set_vehicle_summary(math.nan, math.nan, "unknown")
    assert not status.speedKnown


def test_bad_states_are_refused_naming_the_value(qapp):
    status = StatusStore()
    with pytest.raises(ValueError, match="driving state must be one of .* got 'flying'"):
        status.set_vehicle_summary(1.0, 1.0, "flying")
    with pytest.raises(ValueError, match="connectivity must be one of unknown, online, offline, got 'meh'"):
        status.set_connectivity("meh")
    assert status.drivingState == "unknown" and status.connectivity == "unknown"
