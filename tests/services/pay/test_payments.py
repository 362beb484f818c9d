"""The reserve-and-pay steps against the real reference backend: what each step comes to,
that nothing is paid twice or lost, and that the local store and the backend agree."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
import requests

from headunit.bench.fault_proxy import FaultPlan, FaultProxy
from headunit.core.pay.quote import VehicleEnergy, charging_quote, fuel_quote, parking_quote
from headunit.services.backend.outbox import Outbox
from headunit.services.backend.sync import SyncWorker
from headunit.services.pay import payments as p
from headunit.services.pay.ledger import entries
from headunit.services.store import Store


def service_for(store: Store, client, backend) -> p.PaymentService:
    return p.PaymentService(store, client, SyncWorker(store, client, clock=backend.clock.now, base_s=0.01),
                            clock=backend.clock.now)


@pytest.fixture
def service(store, client, backend) -> p.PaymentService:
    return service_for(store, client, backend)


def now_of(backend) -> datetime:
    return datetime.fromtimestamp(backend.clock.now(), timezone.utc)


def parking(backend, client, hours: int = 2, **fields):
    poi_id = backend.seed_poi(category="parking", capacity=fields.pop("capacity", 5), price_minor=250, **fields)
    poi, slots = client.poi(poi_id), client.slots(poi_id)
    first = next(s for s in slots if s.start > now_of(backend))
    return parking_quote(poi, slots, first.slot_id, hours, now_of(backend))


def phone_confirms(order) -> None:
    requests.post(f"{order.qr_url}/confirm", timeout=10).raise_for_status()


def test_a_parking_reservation_is_held_and_its_order_waits_for_the_phone(backend, client, service, store) -> None:
    quote = parking(backend, client, hours=2)
    result = service.submit(quote)
    assert result.state == p.READY
    assert (result.order.status, result.order.amount_minor, quote.total_minor) == ("pending", 500, 500)
    reservation = client.reservation(store.db["reservations"].get(result.reservation_id)["remote_id"])
    assert (reservation.status, reservation.duration_min, reservation.start) == ("held", 120, quote.start)
    assert service.check(result.order_id).state == p.PENDING
    phone_confirms(result.order)
    paid = service.check(result.order_id)
    assert paid.state == p.PAID and paid.order.receipt is not None
    service.reconcile()
    assert store.db["reservations"].get(result.reservation_id)["status"] == "confirmed"
    [entry] = entries(store)
    assert (entry.status, entry.order_status, entry.receipt, entry.poi_name) == (
        "confirmed", "paid", paid.order.receipt.number, "Test POI")


def test_the_wallet_pays_with_the_pin_and_the_pin_is_stored_nowhere(backend, client, service, store,
                                                                       tmp_path: Path) -> None:
    result = service.submit(parking(backend, client, hours=1))
    paid = service.pay_wallet(result.order_id, "1234")
    assert paid.state == p.PAID and paid.order.method == "wallet"
    row = store.db["orders"].get(result.order_id)
    assert (row["status"], row["pay_state"]) == ("paid", "")
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in (tmp_path / "unit").rglob("*"):
        if path.is_file():
            assert b"1234" not in path.read_bytes().replace(b"12345", b""), path


def test_wrong_pins_are_counted_by_the_backend_and_the_third_locks_the_wallet(backend, client, service) -> None:
    result = service.submit(parking(backend, client, hours=1))
    first = service.pay_wallet(result.order_id, "0000")
    assert (first.state, first.code) == (p.REFUSED, "wrong_pin") and "2" in first.message
    assert service.pay_wallet(result.order_id, "0000").code == "wrong_pin"
    locked = service.pay_wallet(result.order_id, "0000")
    assert (locked.state, locked.code) == (p.REFUSED, "wallet_locked")
    assert service.pay_wallet(result.order_id, "1234").code == "wallet_locked"
    assert service.check(result.order_id).state == p.PENDING  # nothing was paid


def test_offline_the_reservation_is_queued_never_paid_and_delivered_once_later(backend, client, store,
                                                                              tmp_path: Path) -> None:
    quote = parking(backend, client, hours=1)
    offline_client = backend.client(tmp_path / "off", url="http://127.0.0.1:9")
    try:
        offline = service_for(store, offline_client, backend)
        result = offline.submit(quote)
    finally:
        offline_client.close()
    assert (result.state, result.order_id) == (p.QUEUED, None)
    assert client.reservations() == () and client.orders() == ()
    [entry] = entries(store)
    assert entry.status == "queued"
    online = service_for(store, client, backend)
    assert online._worker.deliver_now().delivered == 1
    [at_backend] = client.reservations()
    assert (at_backend.status, at_backend.client_ref) == ("held", result.reservation_id)
    assert client.orders() == ()  # nothing was ordered, let alone paid, while offline


def test_a_fuel_order_that_cannot_be_sent_is_cancelled_behind_it_in_the_queue(backend, client, store,
                                                                              tmp_path: Path) -> None:
    poi_id = backend.seed_poi(category="fuel", price_minor=189,
                              pumps=[{"number": 1, "fuels": ["95E10"], "free": True}])
    quote = fuel_quote(client.poi(poi_id), 1, 30, False, VehicleEnergy())
    offline_client = backend.client(tmp_path / "off", url="http://127.0.0.1:9")
    try:
        result = service_for(store, offline_client, backend).submit(quote)
    finally:
        offline_client.close()
    assert (result.state, result.code) == (p.FAILED, "unavailable")
    assert [r.operation for r in Outbox(store).rows("pending")] == ["order.create", "order.cancel"]
    service_for(store, client, backend)._worker.deliver_now()
    [order] = client.orders()
    assert (order.status, order.pump, order.quantity) == ("closed", 1, 30.0)


def pay_through_a_lossy_proxy(backend, client, store, tmp_path: Path, lossy: frozenset[str]):
    """Reserve through a proxy, then pay by wallet while the proxy drops every answer to
    `lossy` requests after the backend has committed them."""
    quote = parking(backend, client, hours=1)
    with FaultProxy(backend.url).start() as proxy:
        faulty = backend.client(tmp_path / "proxy", url=proxy.url)
        try:
            service = service_for(store, faulty, backend)
            result = service.submit(quote)
            proxy.set_plan(FaultPlan(drop_after=1.0, methods=lossy))
            return result, service.pay_wallet(result.order_id, "1234"), proxy
        finally:
            faulty.close()


def test_a_lost_answer_to_a_wallet_payment_is_looked_up_not_paid_again(backend, client, store,
                                                                      tmp_path: Path) -> None:
    result, outcome, proxy = pay_through_a_lossy_proxy(backend, client, store, tmp_path, frozenset({"POST"}))
    assert outcome.state == p.PAID  # the backend applied it; the look-up says so
    assert proxy.counts.get("drop_after", 0) >= 1
    assert [o.status for o in client.orders()] == ["paid"]
    assert store.db["orders"].get(result.order_id)["pay_state"] == ""


def test_an_outcome_that_cannot_be_looked_up_stays_unknown_until_reconciled(backend, client, store,
                                                                          tmp_path: Path) -> None:
    result, outcome, _proxy = pay_through_a_lossy_proxy(backend, client, store, tmp_path,
                                                        frozenset({"POST", "GET"}))
    assert outcome.state == p.UNKNOWN
    assert store.db["orders"].get(result.order_id)["pay_state"] == "sent"
    assert entries(store)[0].pay_unknown
    service_for(store, client, backend).reconcile()
    row = store.db["orders"].get(result.order_id)
    assert (row["status"], row["pay_state"]) == ("paid", "")
    assert len([o for o in client.orders() if o.status == "paid"]) == 1


def test_giving_up_cancels_an_unpaid_order_but_a_payment_made_meanwhile_stands(backend, client, service) -> None:
    unpaid = service.submit(parking(backend, client, hours=1))
    assert service.give_up(unpaid.order_id).state == p.CLOSED
    assert client.order(unpaid.order.id).qr_url is None
    paid_meanwhile = service.submit(parking(backend, client, hours=1))
    phone_confirms(paid_meanwhile.order)
    assert service.give_up(paid_meanwhile.order_id).state == p.PAID


def test_a_slot_taken_meanwhile_is_refused_and_nothing_is_ordered(backend, client, service, store) -> None:
    quote = parking(backend, client, hours=1, capacity=1)
    other = backend.session("WHU5MULATR0000009")
    other.post(f"{backend.url}/v1/reservations", json={"poi_id": quote.poi_id, "slot_id": quote.slot_id},
               headers={"Idempotency-Key": "other-car"}, timeout=10).raise_for_status()
    result = service.submit(quote)
    assert (result.state, result.code, result.order_id) == (p.REFUSED, "slot_full", None)
    assert store.db["reservations"].get(result.reservation_id)["status"] == "rejected"


def test_cancelling_a_paid_reservation_refunds_it(backend, client, service, store) -> None:
    result = service.submit(parking(backend, client, hours=1))
    service.pay_wallet(result.order_id, "1234")
    cancelled = service.cancel_reservation(result.reservation_id)
    assert cancelled.state == "cancelled"
    assert store.db["orders"].get(result.order_id)["status"] == "refunded"
    [entry] = entries(store)
    assert (entry.status, entry.order_status) == ("cancelled", "refunded")


def test_a_charging_reservation_asks_for_the_energy_to_the_target(backend, client, service) -> None:
    poi_id = backend.seed_poi(category="charging", price_minor=45,
                              connectors=[{"type": "CCS", "power_kw": 50.0, "count": 2, "free": 2}])
    poi, slots = client.poi(poi_id), client.slots(poi_id)
    quote = charging_quote(poi, slots, "CCS", 80, VehicleEnergy(soc_percent=40, battery_kwh=60), now_of(backend))
    assert (quote.energy_kwh, quote.duration_min) == (24.0, 30)
    result = service.submit(quote)
    assert result.state == p.READY and result.order.amount_minor == quote.total_minor == 45 * 24
    reservation = client.reservation(result.order.reservation_id)
    assert (reservation.connector, reservation.energy_kwh) == ("CCS", 24.0)


def test_details_for_my_reservations_are_kept_with_the_local_row(backend, client, service, store) -> None:
    quote = parking(backend, client, hours=2, name="Kamppi P")
    service.submit(quote)
    details = json.loads(store.db["reservations"].rows.__next__()["details"])
    assert (details["poi_name"], details["duration_min"], details["category"]) == ("Kamppi P", 120, "parking")
