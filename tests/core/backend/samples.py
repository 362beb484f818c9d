"""The JSON shapes of docs/backend-api.md, with the document's elisions ("...") filled in."""

from __future__ import annotations

import copy
from typing import Any

HEALTH = {"status": "ok", "version": "0.1.0", "time": "2026-11-21T09:30:00Z"}

TOKEN = {"access_token": "tok-abc.def", "token_type": "bearer", "expires_in": 900}

POI_CHARGING = {
    "poi_id": "n2410325871", "category": "charging", "name": "Kamppi P-Center",
    "lat": 60.1689, "lon": 24.9318,
    "currency": "EUR", "price_minor": 39, "price_unit": "kWh",
    "capacity": 4, "free": 1,
    "connectors": [{"type": "CCS", "power_kw": 150.0, "count": 2, "free": 1},
                   {"type": "Type2", "power_kw": 22.0, "count": 2, "free": 0}],
    "pumps": [],
    "reservable": True,
    "updated_at": "2026-11-21T09:30:00Z",
}

POI_PARKING = {
    "poi_id": "w123", "category": "parking", "name": "Forum P", "lat": 60.1690, "lon": 24.9390,
    "currency": "EUR", "price_minor": 300, "price_unit": "hour", "capacity": 40, "free": 12,
    "connectors": [], "pumps": [], "reservable": True, "updated_at": "2026-11-21T09:30:00Z",
}

POI_FUEL = {
    "poi_id": "r77", "category": "fuel", "name": "Neste Ruoholahti", "lat": 60.1630, "lon": 24.9150,
    "currency": "EUR", "price_minor": 189, "price_unit": "litre", "capacity": 4, "free": 3,
    "connectors": [],
    "pumps": [{"number": 1, "fuels": ["95E10", "98E5", "Diesel"], "free": True},
              {"number": 2, "fuels": ["95E10", "Diesel"], "free": False},
              {"number": 3, "fuels": ["Diesel", "HVO100"], "free": True},
              {"number": 4, "fuels": ["95E10"], "free": True}],
    "reservable": False, "updated_at": "2026-11-21T09:30:00Z",
}

POI_LIST = {"pois": [POI_CHARGING, POI_PARKING, POI_FUEL], "as_of": "2026-11-21T09:30:00Z"}

SLOT = {"slot_id": "n123.20261121T0900", "start": "2026-11-21T09:00:00Z",
        "end": "2026-11-21T10:00:00Z", "capacity": 40, "free": 12, "price_minor": 250}

SLOTS = {"poi_id": "n123", "date": "2026-11-21", "slots": [
    SLOT,
    {"slot_id": "n123.20261121T1000", "start": "2026-11-21T10:00:00Z",
     "end": "2026-11-21T11:00:00Z", "capacity": 40, "free": 0, "price_minor": 250},
]}

RESERVATION = {
    "id": "res_4f6c", "poi_id": "n123", "slot_id": "n123.20261121T0900",
    "start": "2026-11-21T09:00:00Z", "end": "2026-11-21T10:00:00Z",
    "status": "held", "hold_expires_at": "2026-11-21T08:40:00Z",
    "price_minor": 250, "currency": "EUR", "client_ref": "…",
    "order_id": None, "created_at": "2026-11-21T08:30:00Z",
    "duration_min": 60, "connector": None, "energy_kwh": None,
}

RESERVATION_CHARGING = {
    "id": "res_8c21", "poi_id": "n2410325871", "slot_id": "n2410325871.20261121T0900",
    "start": "2026-11-21T09:00:00Z", "end": "2026-11-21T10:30:00Z",
    "status": "held", "hold_expires_at": "2026-11-21T08:40:00Z",
    "price_minor": 1170, "currency": "EUR", "client_ref": None,
    "order_id": None, "created_at": "2026-11-21T08:30:00Z",
    "duration_min": 90, "connector": "CCS", "energy_kwh": 30.0,
}

RESERVATION_CONFIRMED = {**RESERVATION, "id": "res_77aa", "status": "confirmed", "hold_expires_at": None,
                         "client_ref": None, "order_id": "ord_9a1b"}

RESERVATIONS = {"reservations": [RESERVATION_CONFIRMED, RESERVATION]}

ORDER = {
    "id": "ord_9a1b", "merchant_order_id": "HU-20261121-0001", "kind": "reservation",
    "reservation_id": "res_4f6c", "poi_id": "n123", "quantity": None,
    "amount_minor": 250, "currency": "EUR", "status": "pending",
    "created_at": "2026-11-21T08:30:05Z", "expires_at": "2026-11-21T08:33:05Z",
    "paid_at": None, "method": None,
    "qr_url": "http://127.0.0.1:8765/v1/qr/Zx8abc", "receipt": None, "pump": None,
}

RECEIPT = {"number": "R-000042", "issued_at": "2026-11-21T08:31:00Z", "total_minor": 250,
           "vat_minor": 48, "vat_rate": 0.24, "merchant": "Kamppi P-Center"}

ORDER_PAID = {**ORDER, "status": "paid", "paid_at": "2026-11-21T08:31:00Z", "method": "wallet",
              "qr_url": None, "receipt": RECEIPT}

ORDER_FUEL = {**ORDER, "id": "ord_fuel1", "merchant_order_id": "HU-20261121-0002", "kind": "fuel",
              "reservation_id": None, "poi_id": "n123", "quantity": 40.0, "amount_minor": 7560, "pump": 3}

ORDERS = {"orders": [ORDER_PAID, ORDER_FUEL]}

CATALOGUE = {
    "stations": [{"id": "st-1", "name": "Helsinki Jazz", "genre": "jazz",
                  "stream_url": "http://127.0.0.1:8765/v1/media/files/f1?exp=1795000000&sig=abc"}],
    "playlists": [{"id": "pl-1", "name": "Morning drive", "tracks": [
        {"id": "tr-1", "title": "Sunrise", "artist": "Demo Band", "duration_s": 30.0,
         "stream_url": "http://127.0.0.1:8765/v1/media/files/f2?exp=1795000000&sig=def"}]}],
    "podcasts": [{"id": "pc-1", "title": "Road Talk", "publisher": "Demo Media", "episodes": [
        {"id": "ep-1", "title": "Episode one", "duration_s": 60.0, "published": "2026-11-01",
         "stream_url": "http://127.0.0.1:8765/v1/media/files/f3?exp=1795000000&sig=ghi"}]}],
}

ORDER_CANCELLED = {**ORDER, "status": "closed", "qr_url": None}

ERROR = {"error": {"code": "slot_full", "message": "slot n123.20261121T0900 is full"}}


def sample(value: dict[str, Any]) -> dict[str, Any]:
    """A deep copy, so a test may change it."""
    return copy.deepcopy(value)
