"""The backend API's objects (docs/backend-api.md) without I/O: models, parsers, JSON shapes."""

from .fields import MalformedResponse
from .models import (
    CATEGORIES,
    ORDER_KINDS,
    ORDER_STATUSES,
    PAYMENT_METHODS,
    RESERVATION_STATUSES,
    ApiError,
    Catalogue,
    Connector,
    Episode,
    Health,
    Order,
    OrderRequest,
    PoiList,
    PoiLive,
    Playlist,
    Podcast,
    Pump,
    Receipt,
    Reservation,
    Slot,
    SlotDay,
    Station,
    Token,
    Track,
)

__all__ = [
    "CATEGORIES", "ORDER_KINDS", "ORDER_STATUSES", "PAYMENT_METHODS", "RESERVATION_STATUSES",
    "ApiError", "Catalogue", "Connector", "Episode", "Health", "MalformedResponse", "Order",
    "OrderRequest", "PoiList", "PoiLive", "Playlist", "Podcast", "Pump", "Receipt", "Reservation", "Slot",
    "SlotDay", "Station", "Token", "Track",
]
