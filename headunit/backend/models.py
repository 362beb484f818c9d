"""Request and response bodies of the v1 API (docs/backend-api.md), as pydantic models.

Inputs are constrained here (patterns, lengths, ranges), so bad input is a 4xx named
by field before any handler runs. Response models document the answers in OpenAPI.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, Field

from .vehicles import PIN_PATTERN, VIN_PATTERN

POI_ID = r"^[nwr][1-9][0-9]{0,18}$"
SLOT_ID = r"^[nwr][1-9][0-9]{0,18}\.[0-9]{8}T[0-9]{4}$"
RESERVATION_ID = r"^res_[0-9a-f]{24}$"
ORDER_ID = r"^ord_[0-9a-f]{24}$"
QR_TOKEN = r"^[A-Za-z0-9_-]{43}$"
IDEMPOTENCY_KEY = r"^[\x21-\x7e]{1,255}$"
MERCHANT_ORDER_ID = r"^[\x20-\x7e]{1,64}$"
CONNECTOR_TYPE = r"^[\x21-\x7e]{1,32}$"
CATEGORIES = ("parking", "fuel", "charging")
MAX_DURATION_MIN = 240
MAX_PUMP = 999

Category = Literal["parking", "fuel", "charging"]


def _printable(text: str) -> str:
    """No control characters or lone surrogates (which SQLite could not store)."""
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cs"):
            raise ValueError(f"contains the unprintable character U+{ord(char):04X}")
    return text


PrintableText = Annotated[str, AfterValidator(_printable)]


# requests

class RequestBody(BaseModel):
    """A state-changing request's body."""

    added_later: ClassVar[tuple[str, ...]] = ()  # optional fields that came after v1's first release

    def fingerprint_body(self) -> dict[str, Any]:
        """The body for the idempotency fingerprint. Fields added later are left out while not
        sent, so the retry of a request made before they existed still matches its stored key."""
        return {key: value for key, value in self.model_dump(mode="json").items()
                if not (key in self.added_later and value is None)}


class TokenRequest(BaseModel):
    vin: str = Field(pattern=VIN_PATTERN)
    secret: str = Field(pattern=r"^[\x21-\x7e]{1,256}$")


class ReservationCreate(RequestBody):
    poi_id: str = Field(pattern=POI_ID)
    slot_id: str = Field(pattern=SLOT_ID)
    client_ref: PrintableText | None = Field(default=None, max_length=64)
    duration_min: int | None = Field(
        default=None, gt=0, le=MAX_DURATION_MIN,
        description="a multiple of the slot length (parking 60, charging 30); at most 240 for parking and 180 for "
                    "charging, ending by 22:00 UTC; default one slot")
    connector: str | None = Field(default=None, pattern=CONNECTOR_TYPE,
                                  description="charging only: a connector type the POI has, e.g. CCS")
    energy_kwh: float | None = Field(default=None, gt=0, le=200, allow_inf_nan=False,
                                     description="charging only: the energy to charge, priced per kWh")
    added_later: ClassVar[tuple[str, ...]] = ("duration_min", "connector", "energy_kwh")


class EmptyBody(BaseModel):
    """The body of cancel and refund: `{}` (other members are ignored)."""


class ReservationOrderCreate(RequestBody):
    merchant_order_id: str = Field(pattern=MERCHANT_ORDER_ID)
    kind: Literal["reservation"]
    reservation_id: str = Field(pattern=RESERVATION_ID)


class FuelOrderCreate(RequestBody):
    merchant_order_id: str = Field(pattern=MERCHANT_ORDER_ID)
    kind: Literal["fuel"]
    poi_id: str = Field(pattern=POI_ID)
    quantity: float = Field(gt=0, le=200, allow_inf_nan=False, description="litres")
    pump: int | None = Field(default=None, ge=1, le=MAX_PUMP, description="the pump's number (a free one)")
    added_later: ClassVar[tuple[str, ...]] = ("pump",)


class ChargingOrderCreate(RequestBody):
    merchant_order_id: str = Field(pattern=MERCHANT_ORDER_ID)
    kind: Literal["charging"]
    poi_id: str = Field(pattern=POI_ID)
    quantity: float = Field(gt=0, le=200, allow_inf_nan=False, description="kWh")


OrderCreate = Annotated[ReservationOrderCreate | FuelOrderCreate | ChargingOrderCreate, Field(discriminator="kind")]


class PayRequest(RequestBody):
    method: Literal["wallet"]
    pin: str = Field(pattern=PIN_PATTERN)


# answers

class Health(BaseModel):
    status: Literal["ok"]
    version: str
    time: str


class TokenAnswer(BaseModel):
    access_token: str
    token_type: Literal["bearer"]
    expires_in: int


class Connector(BaseModel):
    type: Literal["CCS", "Type2", "CHAdeMO"]
    power_kw: float
    count: int
    free: int


class Pump(BaseModel):
    number: int = Field(ge=1)
    fuels: list[str]
    free: bool


class PoiLive(BaseModel):
    poi_id: str
    category: Category
    name: str
    lat: float
    lon: float
    currency: str
    price_minor: int
    price_unit: Literal["hour", "litre", "kWh"]
    capacity: int
    free: int
    connectors: list[Connector]
    pumps: list[Pump] = Field(description="fuel POIs' pumps; empty for parking and charging")
    reservable: bool
    updated_at: str


class PoiList(BaseModel):
    pois: list[PoiLive]
    as_of: str


class Slot(BaseModel):
    slot_id: str
    start: str
    end: str
    capacity: int
    free: int
    price_minor: int


class SlotList(BaseModel):
    poi_id: str
    date: str
    slots: list[Slot]


class Reservation(BaseModel):
    id: str
    poi_id: str
    slot_id: str
    start: str
    end: str
    status: Literal["held", "confirmed", "expired", "cancelled"]
    hold_expires_at: str | None
    price_minor: int
    currency: str
    client_ref: str | None
    order_id: str | None
    created_at: str
    duration_min: int
    connector: str | None
    energy_kwh: float | None


class ReservationList(BaseModel):
    reservations: list[Reservation]


class Receipt(BaseModel):
    number: str
    issued_at: str
    total_minor: int
    vat_minor: int
    vat_rate: float
    merchant: str


class Order(BaseModel):
    id: str
    merchant_order_id: str
    kind: Literal["reservation", "fuel", "charging"]
    reservation_id: str | None
    poi_id: str
    quantity: float | None
    amount_minor: int
    currency: str
    status: Literal["pending", "paid", "closed", "refunded"]
    created_at: str
    expires_at: str
    paid_at: str | None
    method: Literal["qr", "wallet"] | None
    qr_url: str | None
    receipt: Receipt | None
    pump: int | None


class OrderList(BaseModel):
    orders: list[Order]


class QrSummary(BaseModel):
    merchant: str
    amount_minor: int
    currency: str
    status: Literal["pending", "paid", "closed"]


class Station(BaseModel):
    id: str
    name: str
    genre: str
    stream_url: str


class Track(BaseModel):
    id: str
    title: str
    artist: str
    duration_s: float
    stream_url: str


class Playlist(BaseModel):
    id: str
    name: str
    tracks: list[Track]


class Episode(BaseModel):
    id: str
    title: str
    duration_s: float
    published: str
    stream_url: str


class Podcast(BaseModel):
    id: str
    title: str
    publisher: str
    episodes: list[Episode]


class Catalogue(BaseModel):
    stations: list[Station]
    playlists: list[Playlist]
    podcasts: list[Podcast]
