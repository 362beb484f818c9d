"""The driver's actions: local row and outbox row in one durable unit of work."""

from __future__ import annotations


import pytest

from headunit.services.backend.actions import DriverActions, UnknownLocalId
from headunit.services.backend.outbox import Outbox
from headunit.services.store import Store

NOW = 1_800_000_000.0


def test_reserve_writes_the_queued_reservation_and_its_outbox_row(store: Store) -> None:
    local_id = DriverActions(store, clock=lambda: NOW).reserve("n123", "n123.20261121T0900")
    row = store.db["reservations"].get(local_id)
    assert (row["poi_id"], row["slot_id"], row["status"], row["remote_id"]) == ("n123", "n123.20261121T0900", "queued", None)
    [queued] = Outbox(store).rows()
    assert queued.operation == "reservation.create"
    assert queued.payload == {"local_id": local_id, "poi_id": "n123", "slot_id": "n123.20261121T0900"}


def test_an_order_for_a_reservation_names_it(store: Store) -> None:
    actions = DriverActions(store, clock=lambda: NOW)
    reservation = actions.reserve("n123", "n123.20261121T0900")
    order = actions.order("reservation", reservation_local_id=reservation)
    row = store.db["orders"].get(order)
    assert (row["kind"], row["reservation_local_id"], row["status"]) == ("reservation", reservation, "queued")
    assert row["merchant_order_id"].startswith("HU-")
    assert [r.operation for r in Outbox(store).rows()] == ["reservation.create", "order.create"]


@pytest.mark.parametrize(("call", "message"), [
    (lambda a: a.cancel_reservation("nope"), "no reservation with local id 'nope'"),
    (lambda a: a.refund("nope"), "no order with local id 'nope'"),
    (lambda a: a.order("reservation", reservation_local_id="nope"), "no reservation with local id 'nope'"),
])
def test_an_action_on_something_unknown_is_refused_and_writes_nothing(store: Store, call, message: str) -> None:
    with pytest.raises(UnknownLocalId, match=message):
        call(DriverActions(store, clock=lambda: NOW))
    assert Outbox(store).rows() == []
    assert store.db["orders"].count == 0


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "coffee"}, "order kind must be one of reservation, fuel, charging, got 'coffee'"),
    ({"kind": "fuel", "reservation_local_id": "x"}, "a reservation order names its reservation"),
    ({"kind": "reservation"}, "a reservation order names its reservation"),
])
def test_bad_orders_are_refused_before_anything_is_written(store: Store, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DriverActions(store, clock=lambda: NOW).order(**kwargs)
    assert Outbox(store).rows() == []
