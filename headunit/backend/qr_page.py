"""The phone's QR payment page: small self-contained HTML (inline style, no script, no
external file), and the Accept negotiation that decides between it and JSON.

Every value put into a page (merchant names come from map data) is HTML-escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

# the page loads nothing, runs nothing and may only post its form back to this backend;
# no-referrer: the token is in the URL
HTML_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}
FORM_TYPE = "application/x-www-form-urlencoded"

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;background:#f2f4f7;color:#1d2430}
main{max-width:26rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:12px}
h1{font-size:1.3rem;margin:0 0 1rem}
.amount{font-size:2.2rem;font-weight:600;margin:.5rem 0}
.status{color:#5a6475}
button{width:100%;padding:1rem;font-size:1.2rem;border:0;border-radius:8px;background:#1565c0;color:#fff}
"""

_ERRORS = {  # code -> (title, what the phone shows)
    "not_found": ("Unknown QR code", "This payment code is unknown or has already been used."),
    "order_closed": ("Payment closed", "This payment is closed: it was cancelled or not paid in time. "
                                       "Ask the vehicle for a new QR code."),
    "hold_expired": ("Reservation expired", "The reservation's hold has expired; make a new reservation."),
    "order_not_pending": ("Not payable", "This order cannot be paid any more."),
}
_STATUS_TEXT = {"pending": "Waiting for payment", "paid": "Paid", "closed": "Closed", "refunded": "Refunded"}


def format_amount(amount_minor: int, currency: str) -> str:
    """'2.50 EUR' (two decimals, as for EUR)."""
    sign = "-" if amount_minor < 0 else ""
    amount_minor = abs(amount_minor)
    return f"{sign}{amount_minor // 100}.{amount_minor % 100:02d} {currency}"


def prefers_html(accept: str | None) -> bool:
    """True when the Accept header ranks text/html above application/json (a browser does);
    no header, */*, a tie or JSON first mean JSON."""
    if not accept:
        return False
    ranges = []
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        kind, _, sub = media.lower().partition("/")
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if kind and sub and 0 <= quality <= 1:
            ranges.append((kind, sub, quality))
    return _quality(ranges, "text", "html") > _quality(ranges, "application", "json")


def _quality(ranges: list[tuple[str, str, float]], kind: str, sub: str) -> float:
    """The quality of the most specific range that matches kind/sub (0 when none does)."""
    best, quality = 0, 0.0
    for range_kind, range_sub, range_quality in ranges:
        if (range_kind, range_sub) == (kind, sub):
            specificity = 3
        elif (range_kind, range_sub) == (kind, "*"):
            specificity = 2
        elif (range_kind, range_sub) == ("*", "*"):
            specificity = 1
        else:
            continue
        if specificity > best:
            best, quality = specificity, range_quality
    return quality


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body><main>{body}</main></body></html>\n")


def summary_page(summary: dict[str, Any], token: str) -> str:
    """What the phone shows before paying: merchant, amount, status and (while pending) a Pay button."""
    amount = format_amount(summary["amount_minor"], summary["currency"])
    status = summary["status"]
    body = (f"<h1>{escape(summary['merchant'])}</h1><p class=\"amount\">{escape(amount)}</p>"
            f"<p class=\"status\">{escape(_STATUS_TEXT.get(status, status))}</p>")
    if status == "pending":
        body += (f'<form method="post" action="{escape(token)}/confirm">'
                 f"<button type=\"submit\">Pay {escape(amount)}</button></form>")
    elif status == "closed":
        body += f"<p>{escape(_ERRORS['order_closed'][1])}</p>"
    return _page(f"Pay {amount} to {summary['merchant']}", body)


def paid_page(summary: dict[str, Any], receipt_number: str | None) -> str:
    amount = format_amount(summary["amount_minor"], summary["currency"])
    body = f"<h1>Paid</h1><p class=\"amount\">{escape(amount)}</p><p>to {escape(summary['merchant'])}</p>"
    if receipt_number:
        body += f"<p class=\"status\">Receipt {escape(receipt_number)}</p>"
    return _page(f"Paid {amount}", body)


def error_page(code: str, message: str) -> str:
    title, text = _ERRORS.get(code, ("Payment not possible", message))
    return _page(title, f"<h1>{escape(title)}</h1><p>{escape(text)}</p>")
