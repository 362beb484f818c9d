"""The parsers accept the documented shapes and refuse everything else with a message
naming the field's path and what is wrong."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from headunit.core.backend.fields import MalformedResponse
from headunit.core.backend.models import ApiError, Connector, Pump
from headunit.core.backend.parse import (
    parse_api_error,
    parse_catalogue,
    parse_health,
    parse_order,
    parse_orders,
    parse_poi_list,
    parse_poi_live,
    parse_reservation,
    parse_reservations,
    parse_slots,
    parse_token,
)

from . import samples

DELETE = object()


def changed(body: dict[str, Any], path: tuple, value: Any) -> dict[str, Any]:
    """A copy of ``body`` with the value at ``path`` replaced (or removed with DELETE)."""
    copy = samples.sample(body)
    target = copy
    for step in path[:-1]:
        target = target[step]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return copy


def test_health():
    health = parse_health(samples.HEALTH)
    assert (health.status, health.version, health.ok) == ("ok", "0.1.0", True)
    assert health.time == datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def test_token_keeps_its_value_out_of_repr():
    token = parse_token(samples.TOKEN)
    assert (token.access_token, token.expires_in) == ("tok-abc.def", 900)
    assert "tok-abc" not in repr(token)


def test_an_unnamed_poi_is_valid_as_many_osm_car_parks_are():
    assert parse_poi_live(changed(samples.POI_CHARGING, ("name",), "")).name == ""


def test_poi_live_charging():
    poi = parse_poi_live(samples.POI_CHARGING)
    assert (poi.poi_id, poi.category, poi.name, poi.price_unit) == ("n2410325871", "charging", "Kamppi P-Center", "kWh")
    assert (poi.lat, poi.lon, poi.capacity, poi.free, poi.reservable) == (60.1689, 24.9318, 4, 1, True)
    assert poi.connectors == (Connector("CCS", 150.0, 2, 1), Connector("Type2", 22.0, 2, 0))
    assert poi.updated_at.tzinfo is UTC


def test_poi_list_and_its_unknown_fields_are_ignored():
    body = changed(samples.POI_LIST, ("pois", 1, "opening_hours"), "24/7")
    body["next_page"] = None
    pois = parse_poi_list(body)
    assert [p.category for p in pois.pois] == ["charging", "parking", "fuel"]
    assert pois.as_of == datetime(2026, 11, 21, 9, 30, tzinfo=UTC)


def test_poi_live_fuel_has_pumps_and_the_others_none():
    fuel = parse_poi_live(samples.POI_FUEL)
    assert fuel.pumps[:2] == (Pump(1, ("95E10", "98E5", "Diesel"), True), Pump(2, ("95E10", "Diesel"), False))
    assert [p.number for p in fuel.pumps if p.free] == [1, 3, 4]
    assert parse_poi_live(samples.POI_PARKING).pumps == () == parse_poi_live(samples.POI_CHARGING).pumps


def test_slots():
    slots = parse_slots(samples.SLOTS)
    assert [s.slot_id for s in slots] == ["n123.20261121T0900", "n123.20261121T1000"]
    assert (slots[0].capacity, slots[0].free, slots[0].price_minor) == (40, 12, 250)
    assert slots[0].end == datetime(2026, 11, 21, 10, tzinfo=UTC)


def test_reservations():
    held = parse_reservation(samples.RESERVATION)
    assert (held.status, held.client_ref, held.order_id) == ("held", "…", None)
    assert held.hold_expires_at == datetime(2026, 11, 21, 8, 40, tzinfo=UTC)
    both = parse_reservations(samples.RESERVATIONS)
    assert [(r.id, r.status, r.hold_expires_at) for r in both][0] == ("res_77aa", "confirmed", None)


def test_a_charging_reservation_spans_slots_with_a_connector_and_energy():
    reservation = parse_reservation(samples.RESERVATION_CHARGING)
    assert (reservation.duration_min, reservation.connector, reservation.energy_kwh) == (90, "CCS", 30.0)
    assert reservation.end == datetime(2026, 11, 21, 10, 30, tzinfo=UTC)
    plain = parse_reservation(samples.RESERVATION)
    assert (plain.duration_min, plain.connector, plain.energy_kwh) == (60, None, None)


def test_orders():
    pending = parse_order(samples.ORDER)
    assert (pending.kind, pending.status, pending.quantity, pending.receipt) == ("reservation", "pending", None, None)
    assert pending.qr_url == "http://127.0.0.1:8765/v1/qr/Zx8abc"
    paid, fuel = parse_orders(samples.ORDERS)
    assert (paid.method, paid.receipt.number, paid.receipt.vat_minor, paid.receipt.vat_rate) == (
        "wallet", "R-000042", 48, 0.24)
    assert (fuel.kind, fuel.poi_id, fuel.quantity, fuel.reservation_id, fuel.pump) == ("fuel", "n123", 40.0, None, 3)
    assert pending.pump is None


def test_catalogue():
    catalogue = parse_catalogue(samples.CATALOGUE)
    assert catalogue.stations[0].name == "Helsinki Jazz"
    assert catalogue.playlists[0].tracks[0].duration_s == 30.0
    assert catalogue.podcasts[0].episodes[0].published == date(2026, 11, 1)


def test_api_error():
    assert parse_api_error(409, samples.ERROR) == ApiError(409, "slot_full", "slot n123.20261121T0900 is full")
    long = parse_api_error(422, {"error": {"code": "validation_failed", "message": "x" * 5000}})
    assert long is not None and len(long.message) == 501 and long.message.endswith("…")


@pytest.mark.parametrize(
    "body",
    [None, [], "error", {"detail": "Not Found"}, {"error": "slot_full"}, {"error": {"code": "slot_full"}},
     {"error": {"code": 409, "message": "x"}}, {"error": {"code": "Slot Full!", "message": "x"}}],
)
def test_api_error_refuses_other_shapes(body):
    assert parse_api_error(404, body) is None


BAD = [
    # (parser, body, expected message)
    (parse_health, [], "health: expected an object, got a list of 0"),
    (parse_poi_list, "<html>", 'response: expected an object, got "<html>"'),
    (parse_health, changed(samples.HEALTH, ("time",), "2026-11-21 09:30:00"),
     'health.time: expected an RFC 3339 UTC time, got "2026-11-21 09:30:00"'),
    (parse_health, changed(samples.HEALTH, ("time",), "2026-11-21T09:30:00+00:00"),
     'health.time: expected an RFC 3339 UTC time, got "2026-11-21T09:30:00+00:00"'),
    (parse_health, changed(samples.HEALTH, ("time",), "2026-02-30T09:30:00Z"),
     'health.time: expected an RFC 3339 UTC time, got "2026-02-30T09:30:00Z"'),
    (parse_health, changed(samples.HEALTH, ("status",), DELETE), "health.status: missing (required)"),
    (parse_token, changed(samples.TOKEN, ("token_type",), "mac"), 'token.token_type: expected "bearer", got "mac"'),
    (parse_token, changed(samples.TOKEN, ("expires_in",), 0), "token.expires_in: expected an integer from 1 to"),
    (parse_token, changed(samples.TOKEN, ("access_token",), "t" * 5000),
     "token.access_token: expected a string of 1 to 4096 characters, got a string of 5000 characters"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("poi_id",), "n0123"),
     'poi.poi_id: expected a POI id like n2410325871, got "n0123"'),
    (parse_poi_live, changed(samples.POI_CHARGING, ("poi_id",), "x1"), 'poi.poi_id: expected a POI id'),
    (parse_poi_live, changed(samples.POI_CHARGING, ("category",), "hotel"),
     'poi.category: expected one of parking, fuel, charging, got "hotel"'),
    (parse_poi_live, changed(samples.POI_CHARGING, ("price_unit",), "hour"),
     'poi.price_unit: expected "kWh" for charging, got "hour"'),
    (parse_poi_live, changed(samples.POI_CHARGING, ("lat",), 91), "poi.lat: expected a number from -90 to 90, got 91"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("lon",), float("nan")),
     "poi.lon: expected a number from -180 to 180, got nan"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("lon",), float("inf")),
     "poi.lon: expected a number from -180 to 180, got inf"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("lat",), "60.1"),
     'poi.lat: expected a number from -90 to 90, got "60.1"'),
    (parse_poi_live, changed(samples.POI_CHARGING, ("capacity",), True),
     "poi.capacity: expected an integer >= 0, got true"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("capacity",), 4.0),
     "poi.capacity: expected an integer >= 0, got 4.0"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("free",), 5),
     "poi.free: expected an integer <= capacity (4), got 5"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("price_minor",), -1),
     "poi.price_minor: expected an integer >= 0, got -1"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("price_minor",), 2**60),
     "poi.price_minor: expected an integer >= 0, got 1152921504606846976"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("currency",), "eur"),
     'poi.currency: expected an ISO 4217 currency code like EUR, got "eur"'),
    (parse_poi_live, changed(samples.POI_CHARGING, ("name",), "x" * 201),
     'poi.name: expected a text of 0 to 200 characters without control characters, got "xxxx'),
    (parse_poi_live, changed(samples.POI_CHARGING, ("name",), "a\nb"),
     'poi.name: expected a text of 0 to 200 characters without control characters, got "a\\nb"'),
    (parse_poi_live, changed(samples.POI_CHARGING, ("reservable",), 1),
     "poi.reservable: expected true or false, got 1"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("connectors",), None), "poi.connectors: expected a list, got null"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("connectors", 1, "free"), 3),
     "poi.connectors[1].free: expected an integer <= count (2), got 3"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("connectors", 0, "power_kw"), 0),
     "poi.connectors[0].power_kw: expected a number > 0 and <= 2000, got 0"),
    (parse_poi_live, changed(samples.POI_PARKING, ("connectors",), samples.POI_CHARGING["connectors"]),
     "poi.connectors: expected an empty list for parking, got a list of 2"),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps",), DELETE), "poi.pumps: missing (required)"),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps",), {}), "poi.pumps: expected a list, got an object"),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps", 1, "number"), 0),
     "poi.pumps[1].number: expected an integer from 1 to 999, got 0"),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps", 1, "number"), "2"),
     'poi.pumps[1].number: expected an integer from 1 to 999, got "2"'),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps", 2, "number"), 1),
     "poi.pumps[2].number: expected a number no other pump of the POI has, got 1"),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps", 0, "fuels"), []),
     "poi.pumps[0].fuels: expected a list of at least 1, got a list of 0"),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps", 0, "fuels"), "Diesel"),
     'poi.pumps[0].fuels: expected a list of at least 1, got "Diesel"'),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps", 0, "fuels", 1), 98),
     "poi.pumps[0].fuels[1]: expected a text of 1 to 100 characters without control characters, got 98"),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps", 3, "free"), "yes"),
     'poi.pumps[3].free: expected true or false, got "yes"'),
    (parse_poi_live, changed(samples.POI_FUEL, ("pumps", 3, "free"), DELETE), "poi.pumps[3].free: missing (required)"),
    (parse_poi_live, changed(samples.POI_PARKING, ("pumps",), samples.POI_FUEL["pumps"]),
     "poi.pumps: expected an empty list for parking, got a list of 4"),
    (parse_poi_list, changed(samples.POI_LIST, ("pois", 2, "pumps", 0), 1),
     "pois[2].pumps[0]: expected an object, got 1"),
    (parse_poi_live, changed(samples.POI_CHARGING, ("updated_at",), None),
     "poi.updated_at: expected an RFC 3339 UTC time, got null"),
    (parse_poi_list, changed(samples.POI_LIST, ("pois", 2, "connectors"), [{"type": "CCS", "power_kw": 50, "count": 1,
                                                                           "free": "x"}]),
     'pois[2].connectors[0].free: expected an integer >= 0, got "x"'),
    (parse_poi_list, changed(samples.POI_LIST, ("pois", 1), "n1"), 'pois[1]: expected an object, got "n1"'),
    (parse_poi_list, changed(samples.POI_LIST, ("as_of",), DELETE), "as_of: missing (required)"),
    (parse_slots, changed(samples.SLOTS, ("date",), "21.11.2026"),
     'date: expected a date like 2026-11-21, got "21.11.2026"'),
    (parse_slots, changed(samples.SLOTS, ("slots", 0, "end"), "2026-11-21T09:00:00Z"),
     'slots[0].end: expected a time after start, got "2026-11-21T09:00:00Z"'),
    (parse_slots, changed(samples.SLOTS, ("slots", 1, "free"), 41),
     "slots[1].free: expected an integer <= capacity (40), got 41"),
    (parse_slots, changed(samples.SLOTS, ("slots", 0, "slot_id"), "a b"),
     'slots[0].slot_id: expected an id of 1 to 100 visible ASCII characters, got "a b"'),
    (parse_slots, changed(samples.SLOTS, ("slots", 0, "slot_id"), "s" * 101),
     "slots[0].slot_id: expected an id of 1 to 100"),
    (parse_reservation, changed(samples.RESERVATION, ("hold_expires_at",), 42),
     "reservation.hold_expires_at: expected an RFC 3339 UTC time, got 42"),
    (parse_reservation, changed(samples.RESERVATION, ("hold_expires_at",), None),
     "reservation.hold_expires_at: expected an RFC 3339 UTC time while held, got null"),
    (parse_reservation, changed(samples.RESERVATION_CONFIRMED, ("hold_expires_at",), "2026-11-21T08:40:00Z"),
     'reservation.hold_expires_at: expected null once confirmed, got "2026-11-21T08:40:00Z"'),
    (parse_reservation, changed(samples.RESERVATION, ("status",), "booked"),
     'reservation.status: expected one of held, confirmed, expired, cancelled, got "booked"'),
    (parse_reservation, changed(samples.RESERVATION, ("client_ref",), "c" * 65),
     "reservation.client_ref: expected a string of 1 to 64 characters"),
    (parse_reservation, changed(samples.RESERVATION, ("client_ref",), DELETE),
     "reservation.client_ref: missing (required)"),
    (parse_reservation, changed(samples.RESERVATION, ("duration_min",), DELETE),
     "reservation.duration_min: missing (required)"),
    (parse_reservation, changed(samples.RESERVATION, ("duration_min",), 60.0),
     "reservation.duration_min: expected an integer from 1 to 1440, got 60.0"),
    (parse_reservation, changed(samples.RESERVATION, ("duration_min",), 0),
     "reservation.duration_min: expected an integer from 1 to 1440, got 0"),
    (parse_reservation, changed(samples.RESERVATION, ("duration_min",), 120),
     "reservation.duration_min: expected the minutes from start to end (60), got 120"),
    (parse_reservation, changed(samples.RESERVATION_CHARGING, ("connector",), ""),
     'reservation.connector: expected a text of 1 to 100 characters without control characters, got ""'),
    (parse_reservation, changed(samples.RESERVATION_CHARGING, ("connector",), 2),
     "reservation.connector: expected a text of 1 to 100 characters"),
    (parse_reservation, changed(samples.RESERVATION_CHARGING, ("connector",), DELETE),
     "reservation.connector: missing (required)"),
    (parse_reservation, changed(samples.RESERVATION_CHARGING, ("energy_kwh",), 0),
     "reservation.energy_kwh: expected a number > 0 and <= 200, got 0"),
    (parse_reservation, changed(samples.RESERVATION_CHARGING, ("energy_kwh",), "30"),
     'reservation.energy_kwh: expected a number > 0 and <= 200, got "30"'),
    (parse_reservation, changed(samples.RESERVATION_CHARGING, ("energy_kwh",), DELETE),
     "reservation.energy_kwh: missing (required)"),
    (parse_reservations, changed(samples.RESERVATIONS, ("reservations", 0, "duration_min"), "60"),
     'reservations[0].duration_min: expected an integer from 1 to 1440, got "60"'),
    (parse_reservations, {"reservations": {}}, "reservations: expected a list, got an object"),
    (parse_reservations, changed(samples.RESERVATIONS, ("reservations", 1, "price_minor"), 2.5),
     "reservations[1].price_minor: expected an integer >= 0, got 2.5"),
    (parse_order, changed(samples.ORDER, ("status",), "settled"),
     'order.status: expected one of pending, paid, closed, refunded, got "settled"'),
    (parse_order, changed(samples.ORDER, ("kind",), "hotel"),
     'order.kind: expected one of reservation, fuel, charging'),
    (parse_order, changed(samples.ORDER, ("reservation_id",), None),
     "order.reservation_id: expected an id for a reservation order, got null"),
    (parse_order, changed(samples.ORDER, ("quantity",), 10.0),
     "order.quantity: expected null for a reservation order, got 10.0"),
    (parse_order, changed(samples.ORDER_FUEL, ("quantity",), 0),
     "order.quantity: expected a number > 0 and <= 200, got 0"),
    (parse_order, changed(samples.ORDER_FUEL, ("quantity",), 200.5),
     "order.quantity: expected a number > 0 and <= 200, got 200.5"),
    (parse_order, changed(samples.ORDER_FUEL, ("quantity",), None),
     "order.quantity: expected a number > 0 and <= 200 for a fuel order, got null"),
    (parse_order, changed(samples.ORDER_FUEL, ("poi_id",), None),
     "order.poi_id: expected a POI id for a fuel order, got null"),
    (parse_order, changed(samples.ORDER_FUEL, ("pump",), 0), "order.pump: expected an integer from 1 to 999, got 0"),
    (parse_order, changed(samples.ORDER_FUEL, ("pump",), 3.5),
     "order.pump: expected an integer from 1 to 999, got 3.5"),
    (parse_order, changed(samples.ORDER_FUEL, ("pump",), DELETE), "order.pump: missing (required)"),
    (parse_order, changed(samples.ORDER, ("pump",), 2), "order.pump: expected null for a reservation order, got 2"),
    (parse_orders, changed(samples.ORDERS, ("orders", 1, "pump"), True),
     "orders[1].pump: expected an integer from 1 to 999, got true"),
    (parse_order, changed(samples.ORDER, ("qr_url",), None), "order.qr_url: expected a URL while pending, got null"),
    (parse_order, changed(samples.ORDER, ("qr_url",), "/v1/qr/Zx8?sig=secret"),
     'order.qr_url: expected an absolute http(s) URL of at most 2048 characters, got "/v1/qr/Zx8"'),
    (parse_order, changed(samples.ORDER_PAID, ("qr_url",), "http://h/v1/qr/x"),
     'order.qr_url: expected null unless pending (status is paid), got "http://h/v1/qr/x"'),
    (parse_order, changed(samples.ORDER_PAID, ("receipt",), None),
     "order.receipt: expected a value once paid, got null"),
    (parse_order, changed(samples.ORDER_PAID, ("method",), "cash"),
     'order.method: expected one of qr, wallet, got "cash"'),
    (parse_order, changed(samples.ORDER_PAID, ("receipt", "vat_minor"), 251),
     "order.receipt.vat_minor: expected an integer <= total_minor (250), got 251"),
    (parse_order, changed(samples.ORDER_PAID, ("receipt", "vat_rate"), 24),
     "order.receipt.vat_rate: expected a number from 0 to 1, got 24"),
    (parse_orders, changed(samples.ORDERS, ("orders", 0, "paid_at"), "yesterday"),
     'orders[0].paid_at: expected an RFC 3339 UTC time, got "yesterday"'),
    (parse_catalogue, changed(samples.CATALOGUE, ("stations", 0, "stream_url"), "ftp://x/y"),
     'stations[0].stream_url: expected an absolute http(s) URL of at most 2048 characters, got "ftp://x/y"'),
    (parse_catalogue, changed(samples.CATALOGUE, ("playlists", 0, "tracks", 0, "duration_s"), -1),
     "playlists[0].tracks[0].duration_s: expected a number >= 0, got -1"),
    (parse_catalogue, changed(samples.CATALOGUE, ("podcasts", 0, "episodes", 0, "published"), "2026-13-01"),
     'podcasts[0].episodes[0].published: expected a date like 2026-11-21, got "2026-13-01"'),
    (parse_catalogue, changed(samples.CATALOGUE, ("playlists",), DELETE), "playlists: missing (required)"),
    (parse_catalogue, changed(samples.CATALOGUE, ("stations", 0, "name"), "Jazz\n"),
     'stations[0].name: expected a text of 1 to 200 characters without control characters, got "Jazz\\n"'),
]


@pytest.mark.parametrize(("parse", "body", "message"), BAD, ids=[m.split(":")[0] for _, _, m in BAD])
def test_bad_input_is_refused_naming_the_field(parse, body, message):
    with pytest.raises(MalformedResponse) as caught:
        parse(body)
    assert str(caught.value).startswith(message)
    assert isinstance(caught.value, ValueError)


def test_a_signed_url_is_shown_without_its_query():
    body = changed(samples.ORDER, ("qr_url",), "relative/qr?exp=1&sig=SECRETSIG")
    with pytest.raises(MalformedResponse) as caught:
        parse_order(body)
    assert "SECRETSIG" not in str(caught.value)
