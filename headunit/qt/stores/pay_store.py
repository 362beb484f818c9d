"""Reserve and pay from the map, for QML: one flow at a time, at most five screens.

  1 the POI's details on the map -> 2 choose (slot and hours / pump and amount / connector
  and target) -> 3 review and confirm -> 4 pay (QR code or PIN pad) -> 5 the result.

Every blocking step runs on the worker (services/pay/payments.py); the screens follow
its results. Paying is offered only when the restriction engine allows payment
confirmation; a payment screen in progress when the car moves is paused (hidden, the
PIN cleared, the countdown held) and comes back when parked. The PIN passes from
the PIN pad straight to the worker's request and is kept nowhere.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.config import PayConfig
from headunit.core.pay.quote import Quote, VehicleEnergy
from headunit.qt import pay_texts as texts
from headunit.qt.formatting import money_text
from headunit.qt.stores.pay_choice import PayChoiceStore

if TYPE_CHECKING:
    from headunit.qt.tasks import TaskRunner
    from headunit.services.pay.payments import PaymentService, StepResult

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.pay")

STEPS = 5
_SCREEN = {"choose": 2, "review": 3, "submitting": 3, "pay": 4, "checking": 4, "done": 5, "queued": 5, "error": 5,
           "loading": 2}


def _qr_data_uri(url: str) -> str:
    """The QR code as a PNG data URI (segno: a small, well-kept, pure-Python encoder)."""
    import segno

    return segno.make(url, error="m").png_data_uri(scale=8, border=4, dark="black", light="white")


@QmlElement
@QmlUncreatable("PayStore is created by the application")
class PayStore(QObject):
    changed = Signal()
    navigateRequested = Signal(str)  # the backend POI id to route to
    reservationsRequested = Signal()
    finished = Signal()  # a flow ended; what it changed is in the store (My reservations reloads)

    def __init__(self, tasks: TaskRunner, config: PayConfig, restrictions: QObject | None = None,
                 clock: Callable[[], float] = time.time, locale: QLocale | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._config = config
        self._restrictions = restrictions
        self._clock = clock
        self._locale = locale or QLocale()
        self._service: PaymentService | None = None
        self._store = None
        self._client = None
        self._stale_after_s = 300.0
        self._online = False
        self._choice = PayChoiceStore(lambda: self._clock(), self._locale, self)
        self._reset()
        self._poll_timer = QTimer(self, singleShot=True)
        self._poll_timer.timeout.connect(self._poll)
        self._tick_timer = QTimer(self, interval=1000)
        self._tick_timer.timeout.connect(self._tick)
        if restrictions is not None:
            restrictions.restrictionsChanged.connect(self._restrictions_changed)

    def _reset(self) -> None:
        self._step = ""
        self._poi_id = ""
        self._category = ""
        self._stale = False
        self._quote: Quote | None = None
        self._reservation_id: str | None = None
        self._order_id: str | None = None
        self._order = None
        self._method = "qr"
        self._qr = ""
        self._busy = False
        self._message = ""
        self._code = ""
        self._seconds_left = 0
        self._outcome_lines: list[str] = []
        self._detail = ""
        self._request = 0

    # -- what arrives after start-up -----------------------------------------------------

    def attach(self, service: PaymentService, store: Any, client: Any, stale_after_s: float) -> None:
        self._service, self._store, self._client = service, store, client
        self._stale_after_s = stale_after_s

    def set_clock(self, clock: Callable[[], float]) -> None:
        """The wall clock that decides which slots are still ahead (a simulation's or a test's)."""
        self._clock = clock

    def follow_connectivity(self, sync_store: QObject) -> None:
        def changed() -> None:
            self._online = sync_store.connectivity == "online"
            self.changed.emit()

        sync_store.connectivityChanged.connect(changed)
        changed()

    def set_energy(self, energy: VehicleEnergy) -> None:
        self._choice.set_energy(energy)

    @property
    def payment_allowed(self) -> bool:
        return bool(self._restrictions is None or self._restrictions.property("paymentConfirmationAllowed"))

    # -- the flow ------------------------------------------------------------------------

    @Slot(str)
    def open(self, poi_id: str) -> None:
        """Start a flow at a backend POI ('n123'): load what it offers, then the choose screen."""
        self._poll_timer.stop()
        self._tick_timer.stop()
        self._reset()
        self._poi_id = poi_id
        self._load_offer("choose")

    @Slot(str)
    def resume(self, reservation_id: str) -> None:
        """Pay for a held reservation from My reservations (one reserved offline, say): a new
        order for it, then the pay screen. What it is comes from the local row."""
        from headunit.services.pay.payments import quote_of

        if self._service is None:
            return
        self._poll_timer.stop()
        self._tick_timer.stop()
        self._reset()
        request = self._request

        def loaded(quote: Quote) -> None:
            if request != self._request:
                return
            self._quote, self._poi_id, self._category = quote, quote.poi_id, quote.category
            self._reservation_id = reservation_id
            self._run_step("open_order", None, reservation_id)

        self._set_step("loading")
        self._tasks.run(quote_of, self._store, reservation_id, on_done=loaded, name="pay: resume",
                        on_error=lambda _e: request == self._request and self._fail("no_data"))

    def _load_offer(self, then: str) -> None:
        from headunit.services.backend.cache import BackendCache
        from headunit.services.pay.offer import load_offer

        if self._store is None:
            self._fail("no_data")
            return
        self._set_step("loading")
        request = self._request = self._request + 1
        cache = BackendCache(self._store)

        def loaded(offer: Any) -> None:
            if request != self._request:
                return
            self._category = offer.poi.category
            self._stale = offer.stale
            self._choice.load(offer.poi, offer.slots)
            self._set_step(then)

        self._tasks.run(load_offer, self._client, cache, self._poi_id, self._clock(), self._stale_after_s,
                        on_done=loaded, on_error=lambda e: request == self._request and self._fail("no_data"),
                        name="load offer")

    @Slot()
    def next(self) -> None:
        """Continue to the review with what is chosen now: that quote is what is sent."""
        quote = self._choice.quote
        if self._step == "choose" and quote is not None and quote.ok:
            self._quote, self._message = quote, ""
            self._set_step("review")

    @Slot()
    def back(self) -> None:
        if self._step == "review":
            self._set_step("choose")
        elif self._step in ("choose", "loading"):
            self.close()

    @Slot(str)
    def pay(self, method: str) -> None:
        """Confirm on the review screen: reserve (or open the fuel order), then pay by `method`."""
        if self._step != "review" or not self.payment_allowed or self._quote is None or not self._quote.ok:
            return
        self._method = "wallet" if method == "wallet" else "qr"
        self._run_step("submit", self._quote)

    @Slot()
    def reserveOffline(self) -> None:  # noqa: N802
        """Offline: queue the reservation; it is sent when online and paid for then, never now."""
        if self._step != "review" or not self.payment_allowed or self._quote is None or not self._quote.reservable:
            return
        self._run_step("reserve", self._quote)

    @Slot(str)
    def submitPin(self, pin: str) -> None:  # noqa: N802
        if self._step != "pay" or self._method != "wallet" or self._busy or not self.payment_allowed:
            return
        if not (pin.isdigit() and 4 <= len(pin) <= 6):
            self._message = texts.tr(texts.PIN_FORMAT)
            self.changed.emit()
            return
        self._busy, self._message = True, ""
        self.changed.emit()
        self._run_step("pay_wallet", self._order_id, pin)

    @Slot(str)
    def switchMethod(self, method: str) -> None:  # noqa: N802
        if self._step == "pay" and not self._busy:
            self._enter_pay("wallet" if method == "wallet" else "qr")

    @Slot()
    def cancelPayment(self) -> None:  # noqa: N802
        """The driver stops on the pay screen: the order is cancelled and the hold released."""
        self.close()

    @Slot(str)
    def action(self, key: str) -> None:
        """An end screen's button (pay_texts.ACTION_TEXTS)."""
        if key == "navigate":
            self.navigateRequested.emit(self._poi_id)
            self.close()
        elif key == "reservations":
            self.reservationsRequested.emit()
            self.close()
        elif key == "choose":
            self._reservation_id = self._order_id = None
            self._load_offer("choose")
        elif key == "retry":
            self._retry()
        elif key == "qr" and self._order is not None:
            self._enter_pay("qr")
        elif key == "check" and self._order_id:
            self._set_step("checking")
            self._run_step("check", self._order_id)
        else:
            self.close()

    @Slot()
    def close(self) -> None:
        """Leave the flow. An unpaid hold is released (its pending order closes with it); a
        payment whose outcome is unknown is left alone until the backend says."""
        self._poll_timer.stop()
        self._tick_timer.stop()
        service, reservation, order = self._service, self._reservation_id, self._order_id
        unpaid = self._step in ("pay", "error", "review", "submitting") and self._code != "unknown"
        if service is not None and unpaid and (self._order is None or self._order.status != "paid"):
            if reservation is not None:
                self._tasks.run(service.cancel_reservation, reservation, name="release hold",
                                on_done=lambda _r: self.finished.emit())
            elif order is not None:
                self._tasks.run(service.give_up, order, name="cancel order", on_done=lambda _r: self.finished.emit())
        self._reset()
        self.changed.emit()
        self.finished.emit()

    # -- steps on the worker ---------------------------------------------------------------

    def _run_step(self, name: str, *args: Any) -> None:
        if self._service is None:
            self._fail("unavailable")
            return
        if name in ("submit", "reserve"):
            self._set_step("submitting")
        request = self._request = self._request + 1
        self._tasks.run(getattr(self._service, name), *args, name=f"pay: {name}",
                        on_done=lambda result: request == self._request and self._stepped(name, result),
                        on_error=lambda error: request == self._request and self._step_failed(name, error))

    def _stepped(self, name: str, result: StepResult) -> None:
        from headunit.services.pay import payments as p

        self._busy = False
        self._reservation_id = result.reservation_id or self._reservation_id
        self._order_id = result.order_id or self._order_id
        if result.order is not None:
            self._order = result.order
        state = result.state
        if state == p.READY:
            self._enter_pay(self._method)
        elif state == p.PAID:
            self._done()
        elif state == p.QUEUED and name in ("submit", "reserve"):
            self._queued()
        elif state == p.HELD:  # reserved offline-first and delivered at once: pay now if allowed
            self._run_step("open_order", None, self._reservation_id)
        elif state == p.PENDING and name in ("pay_wallet", "check"):
            if name == "pay_wallet":
                self._message = texts.tr(texts.NOT_PAID_TRY_AGAIN)
            self._enter_pay(self._method, keep_message=True)
        elif state == p.REFUSED and result.code == "wrong_pin":
            self._message = texts.wrong_pin_text(result.message)
            self._set_step("pay")
        elif state == p.UNKNOWN:
            self._fail("unknown")
        elif state == p.CLOSED:
            self._fail("order_closed")
        elif state == "refunded":
            self._fail("refunded")
        else:
            self._fail(result.code or "unavailable")

    def _step_failed(self, name: str, error: BaseException) -> None:
        self._busy = False
        log.warning("pay step %s failed: %s", name, error)
        self._fail("unknown" if name in ("pay_wallet", "check") else "malformed")

    def _retry(self) -> None:
        self._code, self._message = "", ""
        if self._reservation_id is not None:
            self._run_step("open_order", None, self._reservation_id)
        elif self._quote is not None and not self._quote.reservable:
            self._run_step("open_order", self._quote, None)
        elif self._quote is not None:
            self._set_step("review")
        else:
            self._load_offer("choose")

    # -- paying ----------------------------------------------------------------------------

    def _enter_pay(self, method: str, keep_message: bool = False) -> None:
        order = self._order
        if order is None or order.status != "pending":
            self._fail("order_closed")
            return
        self._method = method
        if not keep_message:
            self._message = ""
        self._qr = _qr_data_uri(order.qr_url) if method == "qr" and order.qr_url else ""
        if self._step != "pay":
            self._seconds_left = round(self._config.poll_timeout_s)
        self._set_step("pay")
        self._tick_timer.start()
        if method == "qr":
            self._poll_timer.start(round(self._config.poll_interval_s * 1000))
        else:
            self._poll_timer.stop()

    def _poll(self) -> None:
        if self._step != "pay" or self._method != "qr" or self._order_id is None or self._service is None:
            return
        request = self._request

        def answered(result: StepResult) -> None:
            if request != self._request or self._step != "pay":
                return
            if result.order is not None:
                self._order = result.order
            if result.state == "paid":
                self._done()
            elif result.state in ("closed", "refunded"):
                self._fail("order_closed")
            else:
                self._poll_timer.start(round(self._config.poll_interval_s * 1000))

        self._tasks.run(self._service.check, self._order_id, on_done=answered, name="pay: poll",
                        on_error=lambda _e: request == self._request and self._poll_timer.start(
                            round(self._config.poll_interval_s * 1000)))

    def _tick(self) -> None:
        if self._step != "pay":
            self._tick_timer.stop()
            return
        if self.paused or self._busy:
            return
        self._seconds_left = max(0, self._seconds_left - 1)
        self.changed.emit()
        if self._seconds_left == 0:
            self._tick_timer.stop()
            self._poll_timer.stop()
            self._set_step("checking")
            self._run_step("give_up", self._order_id)

    def _restrictions_changed(self) -> None:
        self.changed.emit()

    # -- end screens -----------------------------------------------------------------------

    def _done(self) -> None:
        self._poll_timer.stop()
        self._tick_timer.stop()
        self._code = ""
        quote, order = self._quote, self._order
        self._outcome_lines = texts.summary_lines(quote, self._locale) if quote else []
        receipt = order.receipt if order is not None else None
        self._detail = texts.tr(texts.RECEIPT).replace("%1", receipt.number).replace(
            "%2", money_text(receipt.total_minor, order.currency, self._locale)) if receipt else ""
        self._set_step("done")
        self.finished.emit()

    def _queued(self) -> None:
        self._code = ""
        self._outcome_lines = texts.summary_lines(self._quote, self._locale) if self._quote else []
        self._outcome_lines.append(texts.tr(texts.QUEUED_TEXT))
        self._detail = ""
        self._set_step("queued")
        self.finished.emit()

    def _fail(self, code: str) -> None:
        self._poll_timer.stop()
        self._tick_timer.stop()
        self._code = code
        outcome = texts.outcome(code)
        self._outcome_lines = [texts.tr(outcome.text)]
        self._detail = ""
        self._set_step("error")

    def _set_step(self, step: str) -> None:
        self._step = step
        self.changed.emit()

    # -- what QML reads ----------------------------------------------------------------------

    def _result_title(self) -> str:
        if self._step == "done":
            return texts.tr(texts.DONE_PAID if self._quote and not self._quote.reservable else texts.DONE_RESERVED)
        if self._step == "queued":
            return texts.tr(texts.QUEUED_TITLE)
        if self._step == "checking":
            return texts.tr(texts.CHECKING)
        return texts.tr(texts.outcome(self._code).title) if self._step == "error" else ""

    def _result_actions(self) -> list[dict[str, object]]:
        if self._step == "done":
            return texts.actions_json(("navigate", "done") if self._quote and self._quote.reservable else ("done",))
        if self._step == "queued":
            return texts.actions_json(("reservations", "done"))
        if self._step == "error":
            keys = texts.outcome(self._code).actions
            if "qr" in keys and (self._order is None or self._order.status != "pending"):
                keys = tuple(k for k in keys if k != "qr")
            return texts.actions_json(keys)
        return []

    def _amount_text(self) -> str:
        order = self._order
        if order is not None:
            return money_text(order.amount_minor, order.currency, self._locale)
        return texts.total_text(self._quote, self._locale) if self._quote else ""

    @property
    def paused(self) -> bool:
        return self._step == "pay" and not self.payment_allowed

    step = Property(str, lambda self: self._step, notify=changed)
    screen = Property(int, lambda self: _SCREEN.get(self._step, 0), notify=changed)
    steps = Property(int, lambda self: STEPS, constant=True)
    active = Property(bool, lambda self: bool(self._step), notify=changed)
    category = Property(str, lambda self: self._category, notify=changed)
    poiId = Property(str, lambda self: self._poi_id, notify=changed)
    poiName = Property(str, lambda self: texts.poi_title(self._quote or self._choice.poi), notify=changed)
    stale = Property(bool, lambda self: self._stale, notify=changed)
    online = Property(bool, lambda self: self._online, notify=changed)
    pausedForDriving = Property(bool, lambda self: self.paused, notify=changed)
    paymentAllowed = Property(bool, lambda self: self.payment_allowed, notify=changed)
    busy = Property(bool, lambda self: self._busy or self._step in ("submitting", "checking", "loading"),
                    notify=changed)
    choice = Property(QObject, lambda self: self._choice, constant=True)
    # review
    reviewLines = Property("QVariantList", lambda self: texts.summary_lines(self._quote, self._locale, False)
                           if self._quote else [], notify=changed)
    totalText = Property(str, lambda self: texts.total_text(self._quote, self._locale) if self._quote else "",
                         notify=changed)
    offlineReservable = Property(bool, lambda self: bool(self._quote and self._quote.reservable), notify=changed)
    # pay
    method = Property(str, lambda self: self._method, notify=changed)
    qrSource = Property(str, lambda self: self._qr, notify=changed)
    amountText = Property(str, _amount_text, notify=changed)
    merchant = Property(str, lambda self: texts.poi_title(self._quote or self._choice.poi), notify=changed)
    secondsLeft = Property(int, lambda self: self._seconds_left, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    # result
    resultKind = Property(str, lambda self: self._step if self._step in ("done", "queued", "error", "checking")
                          else "", notify=changed)
    resultCode = Property(str, lambda self: self._code, notify=changed)
    resultTitle = Property(str, _result_title, notify=changed)
    resultLines = Property("QVariantList", lambda self: list(self._outcome_lines), notify=changed)
    resultDetail = Property(str, lambda self: self._detail, notify=changed)
    resultActions = Property("QVariantList", _result_actions, notify=changed)
