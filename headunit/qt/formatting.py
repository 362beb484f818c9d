"""Money and times as the driver reads them, in the display locale (one place for every store)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale

# ISO 4217 code -> (symbol, decimals); any other currency is shown with its code and 2 decimals.
_CURRENCIES = {"EUR": ("€", 2), "USD": ("$", 2), "GBP": ("£", 2), "CNY": ("¥", 2), "JPY": ("¥", 0),
               "CHF": ("CHF", 2), "SEK": ("kr", 2), "NOK": ("kr", 2), "DKK": ("kr", 2)}


def money_text(minor: int, currency: str, locale: QLocale) -> str:
    """An amount of minor units in the locale's currency format: "€2.50"."""
    symbol, decimals = _CURRENCIES.get(currency, (currency, 2))
    return locale.toCurrencyString(minor / 10**decimals, symbol, decimals)


def _local(when: datetime | float) -> QDateTime:
    seconds = when.timestamp() if isinstance(when, datetime) else when
    return QDateTime.fromSecsSinceEpoch(int(seconds)).toLocalTime()


def time_text(when: datetime | float, locale: QLocale) -> str:
    """The local time of day: "09:30"."""
    return locale.toString(_local(when).time(), QLocale.FormatType.ShortFormat)


def day_time_text(when: datetime | float, locale: QLocale) -> str:
    """Weekday, date and time: "Sat 21 Nov, 09:30" in the locale's words and order."""
    local = _local(when)
    return f"{locale.toString(local.date(), 'ddd d MMM')}, {time_text(when, locale)}"
