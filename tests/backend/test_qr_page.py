"""The phone's QR page: HTML for a browser (escaped, self-contained, with a Pay form that
works), JSON for everyone else, and the Accept negotiation behind it."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest
import requests

from headunit.backend.qr_page import format_amount, prefers_html
from tests.backend.conftest import Api, error_code

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
NASTY = '<script>alert("x")</script> & Sons'


@pytest.fixture
def order(backend, api) -> dict:
    poi = backend.seed_poi(category="parking", name=NASTY, capacity=1, price_minor=250)
    return api.order_for(api.reserve(poi).json()["id"]).json()


def form_action(page: str) -> str:
    match = re.search(r'<form method="post" action="([^"]*)">', page)
    assert match, page
    return html.unescape(match.group(1))


@pytest.mark.parametrize("accept, html_wanted", [
    (BROWSER, True),
    ("text/html", True),
    ("text/*", True),
    ("text/html;q=0.5, application/json;q=0.4", True),
    (None, False),
    ("", False),
    ("*/*", False),
    ("application/json", False),
    ("application/json, text/html", False),
    ("application/json, text/html;q=0.9", False),
    ("text/html;q=0", False),
    ("text/html;q=abc", False),
    ("text/html;q=2", False),
    ("garbage", False),
])
def test_html_is_chosen_only_when_accept_ranks_it_above_json(accept, html_wanted):
    assert prefers_html(accept) is html_wanted


def test_amounts_are_shown_with_two_decimals():
    assert (format_amount(250, "EUR"), format_amount(5, "EUR"), format_amount(123456, "EUR")) == (
        "2.50 EUR", "0.05 EUR", "1234.56 EUR")


def test_a_browser_gets_a_self_contained_escaped_page_with_a_pay_form(order):
    page = requests.get(order["qr_url"], headers={"Accept": BROWSER}, timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert (page.headers["referrer-policy"], page.headers["cache-control"]) == ("no-referrer", "no-store")
    assert "Accept" in page.headers["vary"]
    text = page.text
    assert "<script>" not in text and html.escape(NASTY) in text
    assert "2.50 EUR" in text and "Waiting for payment" in text
    assert not re.search(r"""(src|href)=["']?https?:""", text)  # loads nothing from elsewhere
    assert urljoin(order["qr_url"], form_action(text)) == f"{order['qr_url']}/confirm"


def test_the_pay_form_posts_and_answers_a_paid_page(api, order):
    page = requests.get(order["qr_url"], headers={"Accept": BROWSER}, timeout=10).text
    paid = requests.post(urljoin(order["qr_url"], form_action(page)), data=b"", headers=FORM, timeout=10)
    assert paid.status_code == 200 and paid.headers["content-type"].startswith("text/html")
    assert "Paid" in paid.text and "2.50 EUR" in paid.text and "R-000001" in paid.text
    assert html.escape(NASTY) in paid.text and "<script>" not in paid.text
    assert api.get(f"/v1/orders/{order['id']}").json()["method"] == "qr"
    used = requests.post(f"{order['qr_url']}/confirm", data=b"", headers=FORM, timeout=10)
    assert used.status_code == 404 and used.headers["content-type"].startswith("text/html")
    assert "already been used" in used.text
    gone = requests.get(order["qr_url"], headers={"Accept": BROWSER}, timeout=10)
    assert gone.status_code == 404 and "already been used" in gone.text


def test_a_closed_order_shows_no_pay_button_and_refuses_the_form(backend, order):
    backend.clock.advance(180)
    page = requests.get(order["qr_url"], headers={"Accept": BROWSER}, timeout=10)
    assert page.status_code == 200 and "<form" not in page.text and "Closed" in page.text
    refused = requests.post(f"{order['qr_url']}/confirm", data=b"", headers=FORM, timeout=10)
    assert refused.status_code == 409 and "Payment closed" in refused.text


def test_everyone_else_still_gets_json(order):
    summary = requests.get(order["qr_url"], timeout=10)
    assert summary.headers["content-type"] == "application/json"
    assert summary.json() == {"merchant": NASTY, "amount_minor": 250, "currency": "EUR", "status": "pending"}
    confirmed = requests.post(f"{order['qr_url']}/confirm", headers={"Accept": "application/json"}, timeout=10)
    assert (confirmed.status_code, confirmed.json()["status"]) == (200, "paid")
    again = requests.post(f"{order['qr_url']}/confirm", timeout=10)
    assert (again.status_code, error_code(again)) == (404, "not_found")


def test_a_browser_that_pays_by_json_gets_html_and_the_order_is_paid_once(backend, order):
    paid = requests.post(f"{order['qr_url']}/confirm", headers={"Accept": BROWSER}, timeout=10)
    assert paid.status_code == 200 and "Paid" in paid.text
    assert Api(backend).get(f"/v1/orders/{order['id']}").json()["receipt"]["number"] == "R-000001"
