"""What the status bar shows: clock, backend connectivity, pending actions and the vehicle summary.

The vehicle values (speed, outside temperature, driving state) stay unknown until a
vehicle source feeds them through ``set_vehicle_summary``; the bar shows a dash then.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Property, QLocale, QObject, QTime, QTimer, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

CONNECTIVITY_STATES = ("unknown", "online", "offline")
DRIVING_STATES = ("unknown", "parked", "stopped", "moving")


def _same_reading(a: float, b: float) -> bool:
    return a == b or (math.isnan(a) and math.isnan(b))


@QmlElement
@QmlUncreatable("StatusStore is created by the application")
class StatusStore(QObject):
    clockTextChanged = Signal()
    connectivityChanged = Signal()
    pendingCountChanged = Signal()
    vehicleSummaryChanged = Signal()

    def __init__(
        self,
        now: Callable[[], datetime] = datetime.now,
        locale: QLocale | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._locale = locale or QLocale()
        self._clock_text = ""
        self._connectivity = "unknown"
        self._pending = 0
        self._speed_kmh = math.nan
        self._outside_c = math.nan
        self._driving_state = "unknown"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._update_clock()

    def start_clock(self) -> None:
        """Keep the clock current; each tick is aligned to the next minute."""
        self._tick()

    def _tick(self) -> None:
        now = self._update_clock()
        self._timer.start(max(200, (60 - now.second) * 1000 - now.microsecond // 1000))

    def _update_clock(self) -> datetime:
        now = self._now()
        text = self._locale.toString(QTime(now.hour, now.minute), QLocale.FormatType.ShortFormat)
        if text != self._clock_text:
            self._clock_text = text
            self.clockTextChanged.emit()
        return now

    def _get_clock_text(self) -> str:
        return self._clock_text

    clockText = Property(str, _get_clock_text, notify=clockTextChanged)

    def _get_connectivity(self) -> str:
        return self._connectivity

    connectivity = Property(str, _get_connectivity, notify=connectivityChanged)

    def set_connectivity(self, state: str) -> None:
        if state not in CONNECTIVITY_STATES:
            raise ValueError(f"connectivity must be one of {', '.join(CONNECTIVITY_STATES)}, got {state!r}")
        if state != self._connectivity:
            self._connectivity = state
            self.connectivityChanged.emit()

    def set_pending(self, count: int) -> None:
        """Actions queued for the backend and not yet answered (the "pending (N)" badge)."""
        if count < 0:
            raise ValueError(f"pending count must be >= 0, got {count}")
        if count != self._pending:
            self._pending = count
            self.pendingCountChanged.emit()

    def _get_pending(self) -> int:
        return self._pending

    pendingCount = Property(int, _get_pending, notify=pendingCountChanged)

    def set_vehicle_summary(self, speed_kmh: float, outside_c: float, driving_state: str) -> None:
        """Feed from the vehicle source; NaN means unknown."""
        if driving_state not in DRIVING_STATES:
            raise ValueError(f"driving state must be one of {', '.join(DRIVING_STATES)}, got {driving_state!r}")
        changed = (
            not _same_reading(speed_kmh, self._speed_kmh)
            or not _same_reading(outside_c, self._outside_c)
            or driving_state != self._driving_state
        )
        if changed:
            self._speed_kmh, self._outside_c, self._driving_state = speed_kmh, outside_c, driving_state
            self.vehicleSummaryChanged.emit()

    def _get_speed(self) -> float:
        return self._speed_kmh

    speedKmh = Property(float, _get_speed, notify=vehicleSummaryChanged)

    def _get_speed_known(self) -> bool:
        return not math.isnan(self._speed_kmh)

    speedKnown = Property(bool, _get_speed_known, notify=vehicleSummaryChanged)

    def _get_outside(self) -> float:
        return self._outside_c

    outsideTemperature = Property(float, _get_outside, notify=vehicleSummaryChanged)

    def _get_outside_known(self) -> bool:
        return not math.isnan(self._outside_c)

    outsideTemperatureKnown = Property(bool, _get_outside_known, notify=vehicleSummaryChanged)

    def _get_driving_state(self) -> str:
        return self._driving_state

    drivingState = Property(str, _get_driving_state, notify=vehicleSummaryChanged)
