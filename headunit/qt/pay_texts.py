"""The words of the reserve-and-pay screens: what was chosen, and what happened, in the
driver's language. Every end screen says what happened and what the driver can do."""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from headunit.core.backend.models import PoiLive
from headunit.core.pay.quote import Quote
from headunit.qt.formatting import day_time_text, money_text, time_text

_C = "PayStore"


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class Outcome(NamedTuple):
    title: str  # untranslated source texts
    text: str
    actions: tuple[str, ...]  # ACTION_TEXTS keys


ACTION_TEXTS = {
    "navigate": QT_TRANSLATE_NOOP("PayStore", "Navigate there"),
    "done": QT_TRANSLATE_NOOP("PayStore", "Done"),
    "close": QT_TRANSLATE_NOOP("PayStore", "Close"),
    "retry": QT_TRANSLATE_NOOP("PayStore", "Try again"),
    "choose": QT_TRANSLATE_NOOP("PayStore", "Choose again"),
    "qr": QT_TRANSLATE_NOOP("PayStore", "Pay with phone"),
    "check": QT_TRANSLATE_NOOP("PayStore", "Check again"),
    "reservations": QT_TRANSLATE_NOOP("PayStore", "My reservations"),
}
ACCENTED = ("navigate", "retry", "choose", "qr", "check")

_NOT_CHARGED = QT_TRANSLATE_NOOP("PayStore", "Nothing was charged.")
OUTCOMES: dict[str, Outcome] = {
    "slot_full": Outcome(QT_TRANSLATE_NOOP("PayStore", "This time was just taken"),
                         QT_TRANSLATE_NOOP("PayStore", "Someone reserved it a moment ago. Nothing was charged."),
                         ("choose", "close")),
    "slot_in_past": Outcome(QT_TRANSLATE_NOOP("PayStore", "This time has started"),
                            QT_TRANSLATE_NOOP("PayStore", "Choose a later time. Nothing was charged."),
                            ("choose", "close")),
    "hold_expired": Outcome(QT_TRANSLATE_NOOP("PayStore", "Your hold has expired"),
                            QT_TRANSLATE_NOOP("PayStore", "The place was held for 10 minutes and was not paid "
                                                          "in time. Nothing was charged."),
                            ("choose", "close")),
    "pump_busy": Outcome(QT_TRANSLATE_NOOP("PayStore", "This pump is in use"),
                         QT_TRANSLATE_NOOP("PayStore", "Choose another pump. Nothing was charged."),
                         ("choose", "close")),
    "not_reservable": Outcome(QT_TRANSLATE_NOOP("PayStore", "Not bookable"),
                              QT_TRANSLATE_NOOP("PayStore", "This place takes no reservations. Nothing was charged."),
                              ("close",)),
    "wallet_locked": Outcome(QT_TRANSLATE_NOOP("PayStore", "Wallet locked"),
                             QT_TRANSLATE_NOOP("PayStore", "Too many wrong PINs: the wallet is locked for 15 minutes. "
                                                           "Nothing was charged. You can pay with your phone."),
                             ("qr", "close")),
    "insufficient_funds": Outcome(QT_TRANSLATE_NOOP("PayStore", "Payment refused"),
                                  QT_TRANSLATE_NOOP("PayStore", "The wallet does not hold enough money. Nothing was "
                                                                "charged. You can pay with your phone."),
                                  ("qr", "close")),
    "wallet_not_set_up": Outcome(QT_TRANSLATE_NOOP("PayStore", "No in-car wallet"),
                                 QT_TRANSLATE_NOOP("PayStore", "This car has no wallet set up. Pay with your phone."),
                                 ("qr", "close")),
    "order_closed": Outcome(QT_TRANSLATE_NOOP("PayStore", "Payment timed out"),
                            QT_TRANSLATE_NOOP("PayStore", "The payment was not completed in time and was cancelled. "
                                                          "Nothing was charged."),
                            ("retry", "close")),
    "unavailable": Outcome(QT_TRANSLATE_NOOP("PayStore", "No connection"),
                           QT_TRANSLATE_NOOP("PayStore", "The payment service cannot be reached. Nothing was charged."),
                           ("retry", "close")),
    "malformed": Outcome(QT_TRANSLATE_NOOP("PayStore", "Unexpected answer"),
                         QT_TRANSLATE_NOOP("PayStore", "The payment service sent an answer the car cannot read. "
                                                       "Nothing was charged."),
                         ("retry", "close")),
    "unknown": Outcome(QT_TRANSLATE_NOOP("PayStore", "Payment not confirmed yet"),
                       QT_TRANSLATE_NOOP("PayStore", "The car could not find out whether the payment went through. "
                                                     "You will not be charged twice: it asks again as soon as the "
                                                     "connection is back."),
                       ("check", "reservations", "close")),
    "no_data": Outcome(QT_TRANSLATE_NOOP("PayStore", "No live data"),
                       QT_TRANSLATE_NOOP("PayStore", "Availability and prices could not be loaded. "
                                                     "Try again when the car is online."),
                       ("retry", "close")),
    "refunded": Outcome(QT_TRANSLATE_NOOP("PayStore", "Refunded"),
                        QT_TRANSLATE_NOOP("PayStore", "This order was refunded."), ("close",)),
}
ORDER_CLOSED_CODES = ("order_closed", "order_not_pending", "closed", "timeout")
_FALLBACK = Outcome(QT_TRANSLATE_NOOP("PayStore", "Could not complete"),
                    QT_TRANSLATE_NOOP("PayStore", "The request was refused. Nothing was charged."), ("close",))


def outcome(code: str) -> Outcome:
    if code in ORDER_CLOSED_CODES:
        return OUTCOMES["order_closed"]
    return OUTCOMES.get(code, _FALLBACK)


def actions_json(keys: tuple[str, ...]) -> list[dict[str, object]]:
    return [{"key": k, "text": tr(ACTION_TEXTS[k]), "accent": k in ACCENTED} for k in keys]


_TRIES = re.compile(r"(\d+) tr")
_WRONG_PIN = QT_TRANSLATE_NOOP("PayStore", "Wrong PIN. Try again.")
_WRONG_PIN_LEFT = QT_TRANSLATE_NOOP("PayStore", "Wrong PIN. Tries left: %1")
_PARKING = QT_TRANSLATE_NOOP("PayStore", "Parking · %1 h")
_PUMP_FILL = QT_TRANSLATE_NOOP("PayStore", "Pump %1 · fill up (about %2 l)")
_PUMP = QT_TRANSLATE_NOOP("PayStore", "Pump %1 · %2 l")
_CHARGING = QT_TRANSLATE_NOOP("PayStore", "Charging · %1 · %2 kWh")
_FUELLING = QT_TRANSLATE_NOOP("PayStore", "Start fuelling when the pump is ready")


def wrong_pin_text(backend_message: str) -> str:
    """The backend counts the tries; its message carries the number ("wrong PIN: 2 tries left")."""
    match = _TRIES.search(backend_message)
    if match is None:
        return tr(_WRONG_PIN)
    return tr(_WRONG_PIN_LEFT).replace("%1", match.group(1))


def what_text(quote: Quote, locale: QLocale) -> str:
    """The one line that says what was chosen: "Parking · 2 h", "Pump 3 · 40 l", "CCS · 24 kWh"."""
    if quote.category == "parking":
        return tr(_PARKING).replace("%1", locale.toString((quote.duration_min or 60) // 60))
    if quote.category == "fuel":
        litres = locale.toString(round(quote.litres or 0))
        if quote.fill_up:
            return tr(_PUMP_FILL).replace("%1", str(quote.pump)).replace("%2", litres)
        return tr(_PUMP).replace("%1", str(quote.pump)).replace("%2", litres)
    kwh = locale.toString(round(quote.energy_kwh or 0))
    return tr(_CHARGING).replace("%1", quote.connector or "").replace("%2", kwh)


def when_text(quote: Quote, locale: QLocale) -> str:
    if quote.start is None or quote.end is None:
        return tr(_FUELLING) if quote.category == "fuel" else ""
    return f"{day_time_text(quote.start, locale)} – {time_text(quote.end, locale)}"


_UNNAMED = {"parking": QT_TRANSLATE_NOOP("PayStore", "Car park"),
            "fuel": QT_TRANSLATE_NOOP("PayStore", "Fuel station"),
            "charging": QT_TRANSLATE_NOOP("PayStore", "Charging station")}


def poi_title(poi: PoiLive | Quote | None) -> str:
    """The POI's name, or what it is when OpenStreetMap has no name for it."""
    if poi is None:
        return ""
    name = poi.name if isinstance(poi, PoiLive) else poi.poi_name
    return name or category_title(poi.category)


def category_title(category: str) -> str:
    return tr(_UNNAMED.get(category, _UNNAMED["parking"]))


def summary_lines(quote: Quote, locale: QLocale, with_place: bool = True) -> list[str]:
    """What, where (unless the screen shows it already), when."""
    place = poi_title(quote) if with_place else ""
    return [line for line in (what_text(quote, locale), place, when_text(quote, locale)) if line]


def total_text(quote: Quote, locale: QLocale) -> str:
    return money_text(quote.total_minor, quote.currency, locale) if quote.currency else ""


def not_charged() -> str:
    return tr(_NOT_CHARGED)


PIN_FORMAT = QT_TRANSLATE_NOOP("PayStore", "The PIN has 4 to 6 digits.")
NOT_PAID_TRY_AGAIN = QT_TRANSLATE_NOOP("PayStore", "The payment did not go through. Nothing was charged. Try again.")
RECEIPT = QT_TRANSLATE_NOOP("PayStore", "Receipt %1 · %2")
QUEUED_TITLE = QT_TRANSLATE_NOOP("PayStore", "Pending – will be sent when online")
QUEUED_TEXT = QT_TRANSLATE_NOOP("PayStore", "Not confirmed yet, and nothing is charged. Once it is confirmed, "
                                            "pay for it from My reservations.")
DONE_RESERVED = QT_TRANSLATE_NOOP("PayStore", "Reserved and paid")
DONE_PAID = QT_TRANSLATE_NOOP("PayStore", "Paid: the pump is ready")
CHECKING = QT_TRANSLATE_NOOP("PayStore", "Checking the payment…")
UNTIL = QT_TRANSLATE_NOOP("PayStore", "until %1")
