"""The backend API's objects (docs/backend-api.md) as frozen dataclasses.

Field names are the API's JSON names, times are timezone-aware UTC datetimes, money
is an integer of minor units. Instances come from ``parse.py``, which checks every
field, so code holding one may rely on the contract's rules (free <= capacity, a held
reservation has a hold expiry, a paid order has a receipt, ...).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from headunit.core.apps.manifest import APP_ID, ID_MAX as APP_ID_MAX  # noqa: F401 - the manifest's id rule

from .fields import POI_ID

CATEGORIES = ("parking", "fuel", "charging")
PRICE_UNITS = {"parking": "hour", "fuel": "litre", "charging": "kWh"}  # category -> unit
RESERVATION_STATUSES = ("held", "confirmed", "expired", "cancelled")
LIVE_RESERVATION_STATUSES = ("held", "confirmed")
ORDER_KINDS = ("reservation", "fuel", "charging")
ORDER_STATUSES = ("pending", "paid", "closed", "refunded")
PAYMENT_METHODS = ("qr", "wallet")
MAX_QUANTITY = 200.0
MAX_ENERGY_KWH = 200.0
MAX_PUMP = 999
MERCHANT_ORDER_ID_MAX = 64
CLIENT_REF_MAX = 64
PACKAGE_MAX_BYTES = 8 * 1024 * 1024  # the largest partner app package (zip) the contract allows

ERROR_CODES: dict[int, tuple[str, ...]] = {
    400: ("bad_request",),
    401: ("unauthorized", "invalid_credentials"),
    402: ("wrong_pin", "wallet_locked", "insufficient_funds", "wallet_not_set_up"),
    404: ("not_found",),
    409: ("slot_full", "slot_in_past", "not_reservable", "hold_expired", "not_cancellable",
          "order_closed", "order_not_pending", "not_refundable", "duplicate_merchant_order",
          "idempotency_key_reused", "pump_busy"),
    422: ("validation_failed",),
}
"""The error codes the contract names, by status (a newer backend may add codes)."""


@dataclass(frozen=True)
class Health:
    status: str
    version: str
    time: datetime

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class Token:
    access_token: str = field(repr=False)
    expires_in: int  # seconds


@dataclass(frozen=True)
class Connector:
    type: str  # "CCS", "Type2", ...
    power_kw: float
    count: int
    free: int


@dataclass(frozen=True)
class Pump:
    number: int  # >= 1, unique within its POI
    fuels: tuple[str, ...]  # "95E10", "98E5", "Diesel", "HVO100", ...
    free: bool


@dataclass(frozen=True)
class PoiLive:
    poi_id: str
    category: str
    name: str
    lat: float
    lon: float
    currency: str
    price_minor: int
    price_unit: str
    capacity: int
    free: int
    connectors: tuple[Connector, ...]
    pumps: tuple[Pump, ...]  # fuel POIs only
    reservable: bool
    updated_at: datetime


@dataclass(frozen=True)
class PoiList:
    pois: tuple[PoiLive, ...]
    as_of: datetime


@dataclass(frozen=True)
class Slot:
    slot_id: str
    start: datetime
    end: datetime
    capacity: int
    free: int
    price_minor: int  # the whole slot


@dataclass(frozen=True)
class SlotDay:
    """The slots answer: one POI's slots on one UTC date."""

    poi_id: str
    date: date
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Reservation:
    id: str
    poi_id: str
    slot_id: str
    start: datetime
    end: datetime
    status: str  # RESERVATION_STATUSES
    hold_expires_at: datetime | None  # set while held, None once confirmed
    price_minor: int
    currency: str
    client_ref: str | None
    order_id: str | None
    created_at: datetime
    duration_min: int  # from start to end, a whole number of slots
    connector: str | None  # charging: the connector type reserved
    energy_kwh: float | None  # charging: the energy the price is for


@dataclass(frozen=True)
class Receipt:
    number: str
    issued_at: datetime
    total_minor: int
    vat_minor: int
    vat_rate: float  # 0.24 is 24 %
    merchant: str


@dataclass(frozen=True)
class Order:
    id: str
    merchant_order_id: str
    kind: str  # ORDER_KINDS
    reservation_id: str | None
    poi_id: str | None
    quantity: float | None  # litres or kWh; None for a reservation
    pump: int | None  # fuel: the pump chosen, if any
    amount_minor: int
    currency: str
    status: str  # ORDER_STATUSES
    created_at: datetime
    expires_at: datetime
    paid_at: datetime | None
    method: str | None  # PAYMENT_METHODS once paid
    qr_url: str | None  # only while pending
    receipt: Receipt | None  # once paid


_MERCHANT_ORDER_ID = re.compile(r"[^\x00-\x1f\x7f]{1,%d}" % MERCHANT_ORDER_ID_MAX)


@dataclass(frozen=True)
class OrderRequest:
    """The body of ``POST /v1/orders``; refuses (ValueError) a combination the contract
    does not allow, so a wrong request is caught before it is queued."""

    merchant_order_id: str
    kind: str
    reservation_id: str | None = None
    poi_id: str | None = None
    quantity: float | None = None
    pump: int | None = None  # fuel only

    def __post_init__(self) -> None:
        if not isinstance(self.merchant_order_id, str) or not _MERCHANT_ORDER_ID.fullmatch(self.merchant_order_id):
            raise ValueError(
                f"merchant_order_id must be 1 to {MERCHANT_ORDER_ID_MAX} characters without "
                f"control characters, got {self.merchant_order_id!r}"
            )
        if self.kind not in ORDER_KINDS:
            raise ValueError(f"kind must be one of {', '.join(ORDER_KINDS)}, got {self.kind!r}")
        if self.kind == "reservation":
            if not isinstance(self.reservation_id, str) or not self.reservation_id:
                raise ValueError("a reservation order needs a reservation_id")
            if self.poi_id is not None or self.quantity is not None:
                raise ValueError("a reservation order takes no poi_id or quantity")
            if self.pump is not None:
                raise ValueError("a reservation order takes no pump (only fuel orders do)")
            return
        if self.reservation_id is not None:
            raise ValueError(f"a {self.kind} order takes no reservation_id")
        if not isinstance(self.poi_id, str) or not POI_ID.fullmatch(self.poi_id):
            raise ValueError(f"a {self.kind} order needs a poi_id like n2410325871, got {self.poi_id!r}")
        quantity = self.quantity
        if (isinstance(quantity, bool) or not isinstance(quantity, (int, float)) or not math.isfinite(quantity)
                or not 0 < quantity <= MAX_QUANTITY):
            raise ValueError(f"quantity must be a number > 0 and <= {MAX_QUANTITY:g}, got {quantity!r}")
        if self.pump is not None:
            if self.kind != "fuel":
                raise ValueError(f"a {self.kind} order takes no pump (only fuel orders do)")
            if isinstance(self.pump, bool) or not isinstance(self.pump, int) or not 1 <= self.pump <= MAX_PUMP:
                raise ValueError(f"pump must be an integer from 1 to {MAX_PUMP}, got {self.pump!r}")

    def to_json(self) -> dict[str, Any]:
        """The request body, with only the fields this kind of order takes."""
        body: dict[str, Any] = {"merchant_order_id": self.merchant_order_id, "kind": self.kind}
        if self.kind == "reservation":
            body["reservation_id"] = self.reservation_id
        else:
            body["poi_id"] = self.poi_id
            body["quantity"] = float(self.quantity)  # type: ignore[arg-type]
            if self.pump is not None:
                body["pump"] = self.pump
        return body


@dataclass(frozen=True)
class Station:
    id: str
    name: str
    genre: str
    stream_url: str


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    artist: str
    duration_s: float
    stream_url: str


@dataclass(frozen=True)
class Playlist:
    id: str
    name: str
    tracks: tuple[Track, ...]


@dataclass(frozen=True)
class Episode:
    id: str
    title: str
    duration_s: float
    published: date
    stream_url: str


@dataclass(frozen=True)
class Podcast:
    id: str
    title: str
    publisher: str
    episodes: tuple[Episode, ...]


@dataclass(frozen=True)
class Catalogue:
    stations: tuple[Station, ...]
    playlists: tuple[Playlist, ...]
    podcasts: tuple[Podcast, ...]


@dataclass(frozen=True)
class PartnerApp:
    """One entry of GET /v1/apps: a partner app the backend offers as a signed package.

    names and summary map language codes ("en", "de", "zh_CN") to texts, English always
    among them. category and permissions may be words this head unit does not know yet
    (a newer backend): the catalogue still lists the app, and the installer, which checks
    the package's own manifest, refuses it.
    """

    id: str
    version: str
    names: Mapping[str, str]
    category: str
    summary: Mapping[str, str]
    permissions: tuple[str, ...]
    usable_while_moving: bool
    size_bytes: int

    def name_for(self, language: str) -> str:
        """The name in ``language`` ("zh_CN"), else its base language ("zh"), else English."""
        return _text_for(self.names, language)

    def summary_for(self, language: str) -> str:
        return _text_for(self.summary, language)


def _text_for(texts: Mapping[str, str], language: str) -> str:
    for candidate in (language, language.split("_", 1)[0], "en"):
        if candidate in texts:
            return texts[candidate]
    return next(iter(texts.values()), "")


@dataclass(frozen=True)
class ApiError:
    """The backend's error body ``{"error": {"code", "message"}}`` with its HTTP status."""

    status: int
    code: str
    message: str
