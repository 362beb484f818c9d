"""`headunit bench pay`: a short kill loop through the fault proxy keeps the driver's money and
reservations right, and the comparison with the backend's records finds each kind of harm."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from headunit.bench import pay
from headunit.services.backend.actions import DriverActions
from headunit.services.store import Store


def test_a_short_run_through_faults_and_kills_charges_once_and_loses_nothing() -> None:
    result = pay.run(flows=10, seed=3, ui_flows=1)
    faults = result["faults"]
    assert faults["flows"] == 10
    assert (faults["double_charges"], faults["lost_reservations"], faults["stuck_unknown"]) == (0, 0, 0)
    assert result["meets_targets"] == (result["flow_ui_ms_p95"] <= pay.UI_TARGET_MS)  # the fault figures are 0
    assert faults["kills"] > 0 and faults["integrity_failures"] == 0
    assert sum(faults["faults_injected"].values()) > 0
    assert faults["paid_orders_at_backend"] > 0 and faults["store_backend_disagreements"] == 0
    assert result["flow_ui_target_ms"] == pay.UI_TARGET_MS
    assert result["flow_ui_ms_p95"] == result["flow_ui"]["ms_p95"] > 0 and result["flow_ui_floor_ms_p95"] > 0


def _backend_db(path: Path) -> Path:
    from headunit.backend.db import init_database

    init_database(path)
    return path


def _backend_reservation(conn: sqlite3.Connection, reservation_id: str, client_ref: str) -> None:
    conn.execute("INSERT INTO reservations(id, vin, poi_id, slot_id, start_at, end_at, status, hold_expires_at, "
                 "price_minor, currency, client_ref, created_at) VALUES (?, ?, 'n1', 'n1.20261122T0900', 0, 3600, "
                 "'confirmed', NULL, 250, 'EUR', ?, 0)", (reservation_id, pay.VIN, client_ref))


def _backend_order(conn: sqlite3.Connection, order_id: str, merchant_order_id: str, reservation_id: str | None,
                   status: str) -> None:
    conn.execute("INSERT INTO orders(id, vin, merchant_order_id, kind, reservation_id, poi_id, quantity, amount_minor, "
                 "currency, merchant, status, created_at, expires_at, qr_token) VALUES (?, ?, ?, ?, ?, 'n1', NULL, "
                 "250, 'EUR', 'Test', ?, 0, 180, ?)",
                 (order_id, pay.VIN, merchant_order_id, "reservation" if reservation_id else "fuel", reservation_id,
                  status, f"token-{order_id}"))


def test_the_figures_count_double_charges_lost_reservations_and_stuck_outcomes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "unit") as store:
        actions = DriverActions(store)
        never_sent = actions.reserve("n1", "n1.20261122T0900")  # queued, and not at the backend
        fuel = actions.order("fuel", poi_id="n2", quantity=20.0)  # queued; its payment "sent"
        with store.atomic() as db:
            db.execute("UPDATE orders SET pay_state = 'sent' WHERE local_id = ?", [fuel])
            merchant_order_id = db.execute("SELECT merchant_order_id FROM orders WHERE local_id = ?",
                                           [fuel]).fetchone()[0]
    backend_db = _backend_db(tmp_path / "backend.db")
    with contextlib.closing(sqlite3.connect(backend_db)) as conn, conn:
        _backend_reservation(conn, "res_twice", "made-elsewhere")
        _backend_order(conn, "ord_1", "HU-a", "res_twice", "paid")
        _backend_order(conn, "ord_2", "HU-b", "res_twice", "refunded")  # paid, then refunded: charged all the same
        _backend_order(conn, "ord_3", merchant_order_id, None, "paid")  # the head unit never showed it paid
    figures = pay.figures(backend_db, tmp_path / "unit" / "headunit.db", confirmed=[never_sent, "told-but-gone"])
    assert figures["double_charges"] == 2
    assert figures["lost_reservations"] == 2 and never_sent in figures["lost_examples"]
    assert figures["stuck_unknown"] == 3  # two outbox rows still pending, one payment still "sent"
    assert figures["reservations_unknown_to_head_unit"] == 1


def test_the_figures_are_zero_when_store_and_backend_agree(tmp_path: Path) -> None:
    with Store.open(tmp_path / "unit") as store:
        local_id = DriverActions(store).reserve("n1", "n1.20261122T0900")
        with store.atomic() as db:
            db.execute("UPDATE outbox SET state = 'done'")
            db.execute("UPDATE reservations SET remote_id = 'res_1', status = 'confirmed' WHERE local_id = ?",
                       [local_id])
    backend_db = _backend_db(tmp_path / "backend.db")
    with contextlib.closing(sqlite3.connect(backend_db)) as conn, conn:
        _backend_reservation(conn, "res_1", local_id)
        _backend_order(conn, "ord_1", "HU-a", "res_1", "paid")
    figures = pay.figures(backend_db, tmp_path / "unit" / "headunit.db", confirmed=[local_id])
    assert (figures["double_charges"], figures["lost_reservations"], figures["stuck_unknown"],
            figures["store_backend_disagreements"]) == (0, 0, 0, 0)
