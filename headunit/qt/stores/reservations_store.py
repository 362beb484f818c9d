"""My reservations, for QML: upcoming and past reservations, orders and receipts, read from
the local store (so the list works offline) and reconciled with the backend whenever
it answers (after a restart, a lost answer, a payment made on the phone)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QLocale, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.qt.formatting import day_time_text, money_text, time_text
from headunit.qt.pay_texts import category_title, tr
from headunit.qt.stores.row_model import DictListModel

if TYPE_CHECKING:
    from headunit.qt.tasks import TaskRunner
    from headunit.services.pay.ledger import Entry
    from headunit.services.pay.payments import PaymentService

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.pay")

ROLES = ("localId", "kind", "title", "whenText", "statusText", "statusKind", "totalText", "receiptText",
         "upcoming", "canCancel", "canRefund", "canNavigate", "canPay")

_S = {
    "queued": QT_TRANSLATE_NOOP("PayStore", "Pending – will be sent when online"),
    "refused": QT_TRANSLATE_NOOP("PayStore", "Refused"),
    "checking": QT_TRANSLATE_NOOP("PayStore", "Payment being checked"),
    "held": QT_TRANSLATE_NOOP("PayStore", "Held – not paid yet"),
    "confirmed": QT_TRANSLATE_NOOP("PayStore", "Confirmed"),
    "expired": QT_TRANSLATE_NOOP("PayStore", "Expired – not paid"),
    "cancelled": QT_TRANSLATE_NOOP("PayStore", "Cancelled"),
    "cancelled_refunded": QT_TRANSLATE_NOOP("PayStore", "Cancelled · refunded"),
    "cancelling": QT_TRANSLATE_NOOP("PayStore", "Cancelling – will be sent when online"),
    "refunding": QT_TRANSLATE_NOOP("PayStore", "Refund – will be sent when online"),
    "pending": QT_TRANSLATE_NOOP("PayStore", "Waiting for payment"),
    "paid": QT_TRANSLATE_NOOP("PayStore", "Paid"),
    "closed": QT_TRANSLATE_NOOP("PayStore", "Not paid – cancelled"),
    "refunded": QT_TRANSLATE_NOOP("PayStore", "Refunded"),
}
_OFFLINE_AS_OF = QT_TRANSLATE_NOOP("PayStore", "Offline · as of %1")
_OFFLINE = QT_TRANSLATE_NOOP("PayStore", "Offline")
_RECEIPT = QT_TRANSLATE_NOOP("PayStore", "Receipt %1")
_KIND = {"queued": "pending", "refused": "bad", "checking": "pending", "held": "pending", "confirmed": "good",
         "expired": "muted", "cancelled": "muted", "cancelled_refunded": "muted", "cancelling": "pending",
         "refunding": "pending", "pending": "pending", "paid": "good", "closed": "muted", "refunded": "muted"}


def status_key(entry: Entry) -> str:
    """Which of the texts above tells the entry's state: the local row's, or what is queued for it."""
    if "reservation.cancel" in entry.pending:
        return "cancelling"
    if "order.refund" in entry.pending:
        return "refunding"
    if entry.pay_unknown:
        return "checking"
    if entry.status == "rejected":
        return "refused"
    if entry.is_reservation:
        if entry.status == "held" and entry.order_status == "paid":
            return "confirmed"  # paid here; the reservation's own row catches up at the next reconciliation
        if entry.status == "cancelled":
            return "cancelled_refunded" if entry.order_status == "refunded" else "cancelled"
        return entry.status if entry.status in _S else "queued"
    return entry.status if entry.status in _S else "queued"


def _row(entry: Entry, now: datetime, locale: QLocale) -> dict[str, Any]:
    key = status_key(entry)
    if entry.start is not None and entry.end is not None:
        when = f"{day_time_text(entry.start, locale)} – {time_text(entry.end, locale)}"
    else:
        when = day_time_text(entry.start or entry.created_at, locale)
    live = key in ("queued", "held", "confirmed", "checking") and entry.upcoming(now)
    return {
        "localId": entry.local_id, "kind": entry.category, "title": entry.poi_name or category_title(entry.category),
        "whenText": when, "statusText": tr(_S[key]), "statusKind": _KIND[key],
        "totalText": money_text(entry.amount_minor, entry.currency, locale) if entry.currency else "",
        "receiptText": tr(_RECEIPT).replace("%1", entry.receipt) if entry.receipt else "",
        "upcoming": entry.upcoming(now),
        "canCancel": entry.is_reservation and live and key != "checking",
        "canRefund": not entry.is_reservation and key == "paid",
        "canNavigate": entry.upcoming(now) and "lat" in entry.details,
        "canPay": entry.is_reservation and key == "held" and entry.order_status != "paid",
    }


@QmlElement
@QmlUncreatable("ReservationsStore is created by the application")
class ReservationsStore(QObject):
    changed = Signal()
    navigateRequested = Signal(float, float, str)  # lat, lon, name
    payRequested = Signal(str)  # a held reservation's local id: the pay flow takes it from there

    def __init__(self, tasks: TaskRunner, clock: Callable[[], float] = time.time, locale: QLocale | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._clock = clock
        self._locale = locale or QLocale()
        self._model = DictListModel(ROLES, self)
        self._entries: list[Entry] = []
        self._service: PaymentService | None = None
        self._store = None
        self._online = False
        self._synced_at: float | None = None
        self._busy = False

    def attach(self, service: PaymentService | None, store: Any) -> None:
        self._service, self._store = service, store
        self.reload()
        self.reconcile()

    def set_clock(self, clock: Callable[[], float]) -> None:
        """The wall clock that decides which slots are still ahead (a simulation's or a test's)."""
        self._clock = clock

    def follow_connectivity(self, sync_store: QObject) -> None:
        def changed() -> None:
            online = sync_store.connectivity == "online"
            if online != self._online:
                self._online = online
                self.changed.emit()
                if online:
                    self.reconcile()

        sync_store.connectivityChanged.connect(changed)
        sync_store.delivered.connect(self.reload)
        changed()

    @Slot()
    def reload(self) -> None:
        from headunit.services.pay.ledger import entries

        if self._store is None:
            return
        self._tasks.run(entries, self._store, on_done=self._show, name="read reservations")

    @Slot()
    def reconcile(self) -> None:
        """Ask the backend for the true state of everything, then show it."""
        if self._service is None or not self._online:
            return

        def done(_changed: int) -> None:
            self._synced_at = self._clock()
            self.reload()

        self._tasks.run(self._service.reconcile, on_done=done, name="reconcile reservations",
                        on_error=lambda e: log.info("reconciling reservations failed: %s", e))

    def _show(self, entries: list[Entry]) -> None:
        self._entries = entries
        now = datetime.fromtimestamp(self._clock(), timezone.utc)
        self._model.reset([_row(e, now, self._locale) for e in entries])
        self.changed.emit()

    def _act(self, name: str, local_id: str) -> None:
        if self._service is None:
            return
        self._busy = True
        self.changed.emit()

        def done(_result: Any) -> None:
            self._busy = False
            self.reload()

        def failed(_error: BaseException) -> None:
            self._busy = False
            self.reload()

        self._tasks.run(getattr(self._service, name), local_id, on_done=done, on_error=failed, name=f"pay: {name}")

    @Slot(str)
    def cancel(self, local_id: str) -> None:
        self._act("cancel_reservation", local_id)

    @Slot(str)
    def refund(self, local_id: str) -> None:
        self._act("refund", local_id)

    @Slot(str)
    def pay(self, local_id: str) -> None:
        entry = next((e for e in self._entries if e.local_id == local_id), None)
        if entry is not None and entry.is_reservation and entry.status == "held":
            self.payRequested.emit(local_id)

    @Slot(str)
    def navigate(self, local_id: str) -> None:
        entry = next((e for e in self._entries if e.local_id == local_id), None)
        if entry is not None and "lat" in entry.details:
            self.navigateRequested.emit(float(entry.details["lat"]), float(entry.details["lon"]), entry.poi_name)

    def _as_of(self) -> str:
        if self._online:
            return ""
        if self._synced_at is None:
            return tr(_OFFLINE)
        return tr(_OFFLINE_AS_OF).replace("%1", time_text(self._synced_at, self._locale))

    model = Property(QObject, lambda self: self._model, constant=True)
    count = Property(int, lambda self: self._model.rowCount(), notify=changed)
    online = Property(bool, lambda self: self._online, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    asOfText = Property(str, _as_of, notify=changed)
