"""The phone's side of a QR payment: GET /v1/qr/{token} and POST /v1/qr/{token}/confirm.

No bearer token: the token in the URL is the authorisation, good once, only while the
order is pending. A browser (Accept prefers text/html) gets the HTML page with a Pay
button, whose form POST gets an HTML answer; anyone else gets JSON.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.responses import HTMLResponse

from . import qr_page
from .context import Backend, get_backend
from .errors import ApiError, documented, not_found
from .models import QR_TOKEN, QrSummary
from .records import confirm_qr_payment, expire_due, order_status, qr_summary, receipt_json

router = APIRouter(tags=["payments"])
BackendDep = Annotated[Backend, Depends(get_backend)]
QrToken = Annotated[str, Path(pattern=QR_TOKEN)]
_HTML = {"text/html": {"schema": {"type": "string"}}}
_FORM_BODY = {"requestBody": {"required": False, "content": {
    qr_page.FORM_TYPE: {"schema": {"type": "object", "description": "the page's Pay button: an empty form"}}}}}


def _with_html(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """documented(...) for these statuses, each also as an HTML page."""
    return {status: {**entry, "content": _HTML} for status, entry in documented(*statuses).items()}


def _html(text: str, status: int = 200, vary: str = "Accept") -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers={**qr_page.HTML_HEADERS, "Vary": vary})


def _qr_order(conn: sqlite3.Connection, token: str, now: float) -> sqlite3.Row:
    order = conn.execute("SELECT * FROM orders WHERE qr_token = ?", (token,)).fetchone()
    if order is None or order_status(order, now) in ("paid", "refunded"):
        raise not_found("QR payment (unknown or already used)")
    return order


@router.get("/v1/qr/{token}", response_model=QrSummary,
            responses={200: {"content": _HTML, "description": "The summary (JSON), or the payment page with a Pay "
                                                              "button when Accept prefers text/html"},
                       **_with_html(404), **documented(422)},
            summary="What the phone shows before paying")
def get_qr(request: Request, token: QrToken, backend: BackendDep, response: Response) -> Any:
    now = backend.clock.now()
    html = qr_page.prefers_html(request.headers.get("accept"))
    response.headers["Vary"] = "Accept"
    try:
        summary = qr_summary(_qr_order(backend.db.connection(), token, now), now)
    except ApiError as exc:
        if html:
            return _html(qr_page.error_page(exc.code, exc.message), exc.status)
        raise ApiError(exc.status, exc.code, exc.message, {"Vary": "Accept"}) from None
    return _html(qr_page.summary_page(summary, token)) if html else summary


@router.post("/v1/qr/{token}/confirm", response_model=QrSummary, openapi_extra=_FORM_BODY,
             responses={200: {"content": _HTML, "description": "The paid summary (JSON), or a Paid page for a form "
                                                              "post"},
                        **_with_html(404, 409), **documented(422)},
             summary="Pay the order as the driver's phone (single use)")
def confirm_qr(request: Request, token: QrToken, backend: BackendDep, response: Response) -> Any:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    html = content_type == qr_page.FORM_TYPE or qr_page.prefers_html(request.headers.get("accept"))
    vary = "Accept, Content-Type"
    response.headers["Vary"] = vary
    now = backend.clock.now()
    try:
        with backend.db.write() as conn:
            expire_due(conn, now)
            paid = confirm_qr_payment(conn, _qr_order(conn, token, now), now)
    except ApiError as exc:
        if html:
            return _html(qr_page.error_page(exc.code, exc.message), exc.status, vary)
        raise ApiError(exc.status, exc.code, exc.message, {"Vary": vary}) from None
    summary = qr_summary(paid, now)
    if html:
        receipt = receipt_json(paid)
        return _html(qr_page.paid_page(summary, receipt["number"] if receipt else None), vary=vary)
    return summary
