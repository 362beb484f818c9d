"""Backend answers (decoded JSON) into checked models, or MalformedResponse naming the field.

Each ``parse_*`` takes whatever ``json.loads`` gave and either returns a model that
obeys docs/backend-api.md or raises ``MalformedResponse`` with a message such as
``pois[3].connectors[0].free: expected an integer >= 0, got "x"``. Single resources
are named after their kind (``reservation.status``); the fields of list answers are
named from the top (``reservations[2].status``, ``as_of``). Unknown fields are ignored.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from .api_json import to_api_json
from .fields import ID_MAX, MalformedResponse, Node, fail
from .models import (
    APP_ID,
    APP_ID_MAX,
    CATEGORIES,
    CLIENT_REF_MAX,
    MAX_ENERGY_KWH,
    MAX_PUMP,
    MAX_QUANTITY,
    MERCHANT_ORDER_ID_MAX,
    ORDER_KINDS,
    ORDER_STATUSES,
    PAYMENT_METHODS,
    PRICE_UNITS,
    RESERVATION_STATUSES,
    ApiError,
    Catalogue,
    Connector,
    Episode,
    Health,
    Order,
    PartnerApp,
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
    "MalformedResponse", "parse_api_error", "parse_catalogue", "parse_health", "parse_order",
    "parse_orders", "parse_partner_apps", "parse_poi_list", "parse_poi_live", "parse_reservation", "parse_reservations",
    "parse_slot_day", "parse_slots", "parse_token", "to_api_json",
]

_CURRENCY = re.compile(r"[A-Z]{3}")
_ERROR_CODE = re.compile(r"[a-z][a-z0-9_]{0,63}")
_ERROR_MESSAGE_MAX = 500
_TOKEN_MAX = 4096
_MAX_TOKEN_LIFETIME_S = 30 * 86_400
_MAX_POWER_KW = 2000.0
_MAX_DURATION_MIN = 24 * 60
_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Z]{2})?")
_WORD = re.compile(r"[a-z][a-z0-9_.]{0,39}")  # a category or permission, known or not
_APP_VERSION_MAX = 32
_APP_NAME_MAX = 40
_APP_SUMMARY_MAX = 500


def _currency(node: Node, name: str = "currency") -> str:
    return node.string(name, max_len=3, pattern=_CURRENCY, expected="an ISO 4217 currency code like EUR")


def _free(node: Node, total: int, total_name: str) -> int:
    free = node.integer("free")
    if free > total:
        fail(node.at("free"), f"an integer <= {total_name} ({total})", free)
    return free


def parse_health(obj: Any) -> Health:
    node = Node(obj, "health")
    return Health(status=node.string("status", max_len=ID_MAX), version=node.string("version", max_len=ID_MAX),
                  time=node.time("time"))


def parse_token(obj: Any) -> Token:
    node = Node(obj, "token")
    token_type = node.raw("token_type")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        fail(node.at("token_type"), '"bearer"', token_type)
    return Token(
        access_token=node.string("access_token", max_len=_TOKEN_MAX, hidden=True),
        expires_in=node.integer("expires_in", 1, _MAX_TOKEN_LIFETIME_S),
    )


def _connector(node: Node) -> Connector:
    count = node.integer("count")
    return Connector(
        type=node.text("type", ID_MAX),
        power_kw=node.number("power_kw", 0.0, _MAX_POWER_KW, low_open=True),
        count=count,
        free=_free(node, count, "count"),
    )


def _pumps(node: Node, category: str) -> tuple[Pump, ...]:
    pumps: list[Pump] = []
    for item in node.objects("pumps"):
        number = item.integer("number", 1, MAX_PUMP)
        if any(pump.number == number for pump in pumps):
            fail(item.at("number"), "a number no other pump of the POI has", number)
        pumps.append(Pump(number=number, fuels=item.texts("fuels", ID_MAX, min_items=1), free=item.boolean("free")))
    if pumps and category != "fuel":
        fail(node.at("pumps"), f"an empty list for {category}", node.value["pumps"])
    return tuple(pumps)


def _poi_live(node: Node) -> PoiLive:
    category = node.choice("category", CATEGORIES)
    price_unit = node.string("price_unit", max_len=ID_MAX)
    if price_unit != PRICE_UNITS[category]:
        fail(node.at("price_unit"), f'"{PRICE_UNITS[category]}" for {category}', price_unit)
    connectors = tuple(_connector(item) for item in node.objects("connectors"))
    if connectors and category != "charging":
        fail(node.at("connectors"), f"an empty list for {category}", node.value["connectors"])
    capacity = node.integer("capacity")
    return PoiLive(
        poi_id=node.poi_id("poi_id"),
        category=category,
        name=node.text("name", min_len=0),  # many OSM car parks have no name
        lat=node.number("lat", -90.0, 90.0),
        lon=node.number("lon", -180.0, 180.0),
        currency=_currency(node),
        price_minor=node.integer("price_minor"),
        price_unit=price_unit,
        capacity=capacity,
        free=_free(node, capacity, "capacity"),
        connectors=connectors,
        pumps=_pumps(node, category),
        reservable=node.boolean("reservable"),
        updated_at=node.time("updated_at"),
    )


def parse_poi_live(obj: Any) -> PoiLive:
    return _poi_live(Node(obj, "poi"))


def parse_poi_list(obj: Any) -> PoiList:
    node = Node(obj, "")
    return PoiList(pois=tuple(_poi_live(item) for item in node.objects("pois")), as_of=node.time("as_of"))


def _ends_after_start(node: Node) -> tuple[Any, Any]:
    start, end = node.time("start"), node.time("end")
    if end <= start:
        fail(node.at("end"), "a time after start", node.value["end"])
    return start, end


def _slot(node: Node) -> Slot:
    start, end = _ends_after_start(node)
    capacity = node.integer("capacity")
    return Slot(
        slot_id=node.ident("slot_id"),
        start=start,
        end=end,
        capacity=capacity,
        free=_free(node, capacity, "capacity"),
        price_minor=node.integer("price_minor"),
    )


def parse_slot_day(obj: Any) -> SlotDay:
    node = Node(obj, "")
    return SlotDay(poi_id=node.poi_id("poi_id"), date=node.day("date"),
                   slots=tuple(_slot(item) for item in node.objects("slots")))


def parse_slots(obj: Any) -> tuple[Slot, ...]:
    """The slots of a ``GET /v1/pois/{id}/slots`` answer (its poi_id and date are checked too)."""
    return parse_slot_day(obj).slots


def _reservation(node: Node) -> Reservation:
    start, end = _ends_after_start(node)
    status = node.choice("status", RESERVATION_STATUSES)
    hold_expires_at = node.optional_time("hold_expires_at")
    if status == "held" and hold_expires_at is None:
        fail(node.at("hold_expires_at"), "an RFC 3339 UTC time while held", None)
    if status == "confirmed" and hold_expires_at is not None:
        fail(node.at("hold_expires_at"), "null once confirmed", node.value["hold_expires_at"])
    duration_min = node.integer("duration_min", 1, _MAX_DURATION_MIN)
    if end - start != timedelta(minutes=duration_min):
        fail(node.at("duration_min"), f"the minutes from start to end ({(end - start).total_seconds() / 60:g})",
             duration_min)
    return Reservation(
        id=node.ident("id"),
        poi_id=node.poi_id("poi_id"),
        slot_id=node.ident("slot_id"),
        start=start,
        end=end,
        status=status,
        hold_expires_at=hold_expires_at,
        price_minor=node.integer("price_minor"),
        currency=_currency(node),
        client_ref=None if node.raw("client_ref") is None else node.string("client_ref", max_len=CLIENT_REF_MAX),
        order_id=node.optional_ident("order_id"),
        created_at=node.time("created_at"),
        duration_min=duration_min,
        connector=None if node.raw("connector") is None else node.text("connector", ID_MAX),
        energy_kwh=node.optional_number("energy_kwh", 0.0, MAX_ENERGY_KWH, low_open=True),
    )


def parse_reservation(obj: Any) -> Reservation:
    return _reservation(Node(obj, "reservation"))


def parse_reservations(obj: Any) -> tuple[Reservation, ...]:
    return tuple(_reservation(item) for item in Node(obj, "").objects("reservations"))


def _receipt(node: Node) -> Receipt:
    total = node.integer("total_minor")
    vat = node.integer("vat_minor")
    if vat > total:
        fail(node.at("vat_minor"), f"an integer <= total_minor ({total})", vat)
    return Receipt(
        number=node.ident("number"),
        issued_at=node.time("issued_at"),
        total_minor=total,
        vat_minor=vat,
        vat_rate=node.number("vat_rate", 0.0, 1.0),
        merchant=node.text("merchant"),
    )


def _order(node: Node) -> Order:
    kind = node.choice("kind", ORDER_KINDS)
    status = node.choice("status", ORDER_STATUSES)
    reservation_id, poi_id = node.optional_ident("reservation_id"), node.optional_poi_id("poi_id")
    quantity = node.optional_number("quantity", 0.0, MAX_QUANTITY, low_open=True)
    if kind == "reservation":
        if reservation_id is None:
            fail(node.at("reservation_id"), "an id for a reservation order", None)
        if quantity is not None:
            fail(node.at("quantity"), "null for a reservation order", node.value["quantity"])
    else:
        if poi_id is None:
            fail(node.at("poi_id"), f"a POI id for a {kind} order", None)
        if quantity is None:
            fail(node.at("quantity"), f"a number > 0 and <= {MAX_QUANTITY:g} for a {kind} order", None)
    pump = None if node.raw("pump") is None else node.integer("pump", 1, MAX_PUMP)
    if pump is not None and kind != "fuel":
        fail(node.at("pump"), f"null for a {kind} order", pump)
    paid_at, method = node.optional_time("paid_at"), node.optional_choice("method", PAYMENT_METHODS)
    qr_url = node.optional_url("qr_url")
    receipt_node = node.optional_obj("receipt")
    receipt = None if receipt_node is None else _receipt(receipt_node)
    if status == "paid":
        for name, value in (("paid_at", paid_at), ("method", method), ("receipt", receipt)):
            if value is None:
                fail(node.at(name), "a value once paid", None)
    if status == "pending" and qr_url is None:
        fail(node.at("qr_url"), "a URL while pending", None)
    if status != "pending" and qr_url is not None:
        fail(node.at("qr_url"), f"null unless pending (status is {status})", qr_url.split("?", 1)[0])
    return Order(
        id=node.ident("id"),
        merchant_order_id=node.text("merchant_order_id", MERCHANT_ORDER_ID_MAX),
        kind=kind,
        reservation_id=reservation_id,
        poi_id=poi_id,
        quantity=quantity,
        pump=pump,
        amount_minor=node.integer("amount_minor"),
        currency=_currency(node),
        status=status,
        created_at=node.time("created_at"),
        expires_at=node.time("expires_at"),
        paid_at=paid_at,
        method=method,
        qr_url=qr_url,
        receipt=receipt,
    )


def parse_order(obj: Any) -> Order:
    return _order(Node(obj, "order"))


def parse_orders(obj: Any) -> tuple[Order, ...]:
    return tuple(_order(item) for item in Node(obj, "").objects("orders"))


def _track(node: Node) -> Track:
    return Track(id=node.ident("id"), title=node.text("title"), artist=node.text("artist"),
                 duration_s=node.number("duration_s", 0.0), stream_url=node.url("stream_url"))


def _episode(node: Node) -> Episode:
    return Episode(id=node.ident("id"), title=node.text("title"), duration_s=node.number("duration_s", 0.0),
                   published=node.day("published"), stream_url=node.url("stream_url"))


def parse_catalogue(obj: Any) -> Catalogue:
    node = Node(obj, "")
    return Catalogue(
        stations=tuple(
            Station(id=item.ident("id"), name=item.text("name"), genre=item.text("genre"),
                    stream_url=item.url("stream_url"))
            for item in node.objects("stations")
        ),
        playlists=tuple(
            Playlist(id=item.ident("id"), name=item.text("name"),
                     tracks=tuple(_track(track) for track in item.objects("tracks")))
            for item in node.objects("playlists")
        ),
        podcasts=tuple(
            Podcast(id=item.ident("id"), title=item.text("title"), publisher=item.text("publisher"),
                    episodes=tuple(_episode(episode) for episode in item.objects("episodes")))
            for item in node.objects("podcasts")
        ),
    )


def _by_language(node: Node, name: str, max_len: int) -> dict[str, str]:
    """An object of language code -> text, English ("en") among them."""
    texts = node.obj(name)
    if "en" not in texts.value:
        fail(texts.path, 'an object of language code -> text with "en" among them', texts.value)
    for language in texts.value:
        if not _LANGUAGE.fullmatch(language):
            fail(texts.path, "language codes like en, de or zh_CN as keys", language)
        texts.text(language, max_len)
    return dict(texts.value)


def _partner_app(node: Node) -> PartnerApp:
    permissions = node.texts("permissions", 40)
    for permission, path in node.items("permissions"):
        if not _WORD.fullmatch(permission):
            fail(path, "a permission name like media.audio", permission)
    if len(set(permissions)) != len(permissions):
        fail(node.at("permissions"), "each permission once", node.value["permissions"])
    return PartnerApp(
        id=node.string("id", max_len=APP_ID_MAX, pattern=APP_ID, expected="an app id like com.example.radio"),
        version=node.text("version", _APP_VERSION_MAX),
        names=_by_language(node, "names", _APP_NAME_MAX),
        category=node.string("category", max_len=40, pattern=_WORD, expected="a category like media"),
        summary=_by_language(node, "summary", _APP_SUMMARY_MAX),
        permissions=permissions,
        usable_while_moving=node.boolean("usable_while_moving"),
        size_bytes=node.integer("size_bytes", 1),
    )


def parse_partner_apps(obj: Any) -> tuple[PartnerApp, ...]:
    """GET /v1/apps: the partner apps, each id once."""
    apps: list[PartnerApp] = []
    for node in Node(obj, "").objects("apps"):
        app = _partner_app(node)
        if any(other.id == app.id for other in apps):
            fail(node.at("id"), "an id not listed before", app.id)
        apps.append(app)
    return tuple(apps)


def parse_api_error(status: int, obj: Any) -> ApiError | None:
    """The API's error body as an ApiError, or None when ``obj`` does not have its shape
    (an error from a proxy, say). A long message is shortened, not refused."""
    error = obj.get("error") if isinstance(obj, dict) else None
    if not isinstance(error, dict):
        return None
    code, message = error.get("code"), error.get("message")
    if not isinstance(code, str) or not _ERROR_CODE.fullmatch(code) or not isinstance(message, str):
        return None
    if len(message) > _ERROR_MESSAGE_MAX:
        message = message[:_ERROR_MESSAGE_MAX] + "…"
    return ApiError(status=status, code=code, message=message)
