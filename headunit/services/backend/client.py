"""The head unit's backend client: every endpoint of docs/backend-api.md as a blocking call.

Calls run on the worker executor, never on the GUI thread. Each returns a checked
model or raises a BackendError (errors.py). The client gets a bearer token with the
vehicle's credential, keeps it until shortly before it expires, and on a 401
``unauthorized`` gets a fresh one and tries once more.
"""

from __future__ import annotations

import base64
import binascii
import math
import threading
import time
from collections.abc import Callable, Collection, Mapping
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import quote

from headunit.core.backend.fields import POI_ID, MalformedResponse, format_day
from headunit.core.backend.models import (
    APP_ID,
    APP_ID_MAX,
    CATEGORIES,
    CLIENT_REF_MAX,
    MAX_ENERGY_KWH,
    PACKAGE_MAX_BYTES,
    Catalogue,
    Health,
    Order,
    OrderRequest,
    PartnerApp,
    PoiList,
    PoiLive,
    Reservation,
    Slot,
    Token,
)
from headunit.core.backend.parse import (
    parse_catalogue,
    parse_health,
    parse_order,
    parse_orders,
    parse_partner_apps,
    parse_poi_list,
    parse_poi_live,
    parse_reservation,
    parse_reservations,
    parse_slot_day,
    parse_token,
)
from headunit.core.config import BackendConfig

from .credentials import Credential, load_credential
from .errors import AuthError, BackendUnavailable, BadResponse, Rejected
from .transport import JSON_TYPE, HttpTransport, Response, Transport

T = TypeVar("T")
TOKEN_PATH = "/v1/auth/token"
SIGNATURE_HEADER = "X-Package-Signature"
MAX_LIMIT = 500
_TOKEN_MARGIN_S = 60.0  # renew this long before expiry (at most a tenth of the lifetime)


class BackendApi(Protocol):
    """What the head unit asks of the backend (BackendClient, or OfflineBackend)."""

    def health(self) -> Health: ...
    def pois(self, category: str | None = None, bbox: tuple[float, float, float, float] | None = None,
             limit: int = 200) -> PoiList: ...
    def poi(self, poi_id: str) -> PoiLive: ...
    def slots(self, poi_id: str, day: date | None = None) -> tuple[Slot, ...]: ...
    def create_reservation(self, poi_id: str, slot_id: str, *, key: str, client_ref: str | None = None,
                           duration_min: int | None = None, connector: str | None = None,
                           energy_kwh: float | None = None) -> Reservation: ...
    def reservations(self) -> tuple[Reservation, ...]: ...
    def reservation(self, reservation_id: str) -> Reservation: ...
    def cancel_reservation(self, reservation_id: str, *, key: str) -> Reservation: ...
    def create_order(self, request: OrderRequest, *, key: str) -> Order: ...
    def cancel_order(self, order_id: str, *, key: str) -> Order: ...
    def orders(self) -> tuple[Order, ...]: ...
    def order(self, order_id: str) -> Order: ...
    def pay_with_wallet(self, order_id: str, pin: str, *, key: str) -> Order: ...
    def refund(self, order_id: str, *, key: str) -> Order: ...
    def catalogue(self) -> Catalogue: ...
    def app_catalogue(self) -> tuple[PartnerApp, ...]: ...
    def app_package(self, app_id: str) -> tuple[bytes, bytes | None]: ...
    def close(self) -> None: ...


class BackendClient:
    def __init__(self, transport: Transport, credential: Credential,
                 clock: Callable[[], float] = time.time) -> None:
        self._transport = transport
        self._credential = credential
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._renew_at = 0.0

    def close(self) -> None:
        """Close the transport's connections (a keep-alive connection holds up a server's shutdown)."""
        self._transport.close()

    def health(self) -> Health:
        return self._get(parse_health, "/v1/health", auth=False)

    def pois(self, category: str | None = None, bbox: tuple[float, float, float, float] | None = None,
             limit: int = 200) -> PoiList:
        params = {"limit": str(_limit(limit))}
        if category is not None:
            if category not in CATEGORIES:
                raise ValueError(f"category must be one of {', '.join(CATEGORIES)}, got {category!r}")
            params["category"] = category
        if bbox is not None:
            params["bbox"] = _bbox(bbox)
        return self._get(parse_poi_list, "/v1/pois", params=params)

    def poi(self, poi_id: str) -> PoiLive:
        path = f"/v1/pois/{_poi_id(poi_id)}"
        poi = self._get(parse_poi_live, path)
        _same(f"GET {path}", "poi.poi_id", poi.poi_id, poi_id)
        return poi

    def slots(self, poi_id: str, day: date | None = None) -> tuple[Slot, ...]:
        path = f"/v1/pois/{_poi_id(poi_id)}/slots"
        params = {} if day is None else {"date": format_day(day)}
        answer = self._get(parse_slot_day, path, params=params)
        _same(f"GET {path}", "poi_id", answer.poi_id, poi_id)
        if day is not None:
            _same(f"GET {path}", "date", format_day(answer.date), format_day(day))
        return answer.slots

    def create_reservation(self, poi_id: str, slot_id: str, *, key: str, client_ref: str | None = None,
                           duration_min: int | None = None, connector: str | None = None,
                           energy_kwh: float | None = None) -> Reservation:
        """Hold `slot_id` (and the slots after it, for `duration_min`); only the fields given are sent.
        The backend checks them against the POI (slot length, connectors) and answers 422 if wrong."""
        body: dict[str, Any] = {"poi_id": _poi_id(poi_id), "slot_id": _id(slot_id, "slot_id")}
        if client_ref is not None:
            if not isinstance(client_ref, str) or not 0 < len(client_ref) <= CLIENT_REF_MAX:
                raise ValueError(f"client_ref must be 1 to {CLIENT_REF_MAX} characters")
            body["client_ref"] = client_ref
        if duration_min is not None:
            if isinstance(duration_min, bool) or not isinstance(duration_min, int) or duration_min <= 0:
                raise ValueError(f"duration_min must be a positive integer (minutes), got {duration_min!r}")
            body["duration_min"] = duration_min
        if connector is not None:
            if not isinstance(connector, str) or not 1 <= len(connector) <= 32 or not connector.isascii() \
                    or not connector.isprintable() or " " in connector:
                raise ValueError(f"connector must be a connector type like CCS, got {connector!r}")
            body["connector"] = connector
        if energy_kwh is not None:
            if (isinstance(energy_kwh, bool) or not isinstance(energy_kwh, (int, float))
                    or not math.isfinite(energy_kwh) or not 0 < energy_kwh <= MAX_ENERGY_KWH):
                raise ValueError(f"energy_kwh must be a number > 0 and <= {MAX_ENERGY_KWH:g}, got {energy_kwh!r}")
            body["energy_kwh"] = float(energy_kwh)
        return self._post(parse_reservation, "/v1/reservations", body, key, expect=(201,))

    def reservations(self) -> tuple[Reservation, ...]:
        return self._get(parse_reservations, "/v1/reservations")

    def reservation(self, reservation_id: str) -> Reservation:
        path = f"/v1/reservations/{_id(reservation_id, 'reservation id')}"
        reservation = self._get(parse_reservation, path)
        _same(f"GET {path}", "reservation.id", reservation.id, reservation_id)
        return reservation

    def cancel_reservation(self, reservation_id: str, *, key: str) -> Reservation:
        path = f"/v1/reservations/{_id(reservation_id, 'reservation id')}/cancel"
        reservation = self._post(parse_reservation, path, {}, key)
        _same(f"POST {path}", "reservation.id", reservation.id, reservation_id)
        return reservation

    def create_order(self, request: OrderRequest, *, key: str) -> Order:
        return self._post(parse_order, "/v1/orders", request.to_json(), key, expect=(201,))

    def cancel_order(self, order_id: str, *, key: str) -> Order:
        """Close an unpaid order (its QR code is void); a paid one is refused (409 order_not_pending)."""
        path = f"/v1/orders/{_id(order_id, 'order id')}/cancel"
        order = self._post(parse_order, path, {}, key)
        _same(f"POST {path}", "order.id", order.id, order_id)
        return order

    def orders(self) -> tuple[Order, ...]:
        return self._get(parse_orders, "/v1/orders")

    def order(self, order_id: str) -> Order:
        path = f"/v1/orders/{_id(order_id, 'order id')}"
        order = self._get(parse_order, path)
        _same(f"GET {path}", "order.id", order.id, order_id)
        return order

    def pay_with_wallet(self, order_id: str, pin: str, *, key: str) -> Order:
        if not isinstance(pin, str) or not 1 <= len(pin) <= 32 or not pin.isascii() or not pin.isprintable():
            raise ValueError("the PIN must be 1 to 32 printable ASCII characters")
        path = f"/v1/orders/{_id(order_id, 'order id')}/pay"
        order = self._post(parse_order, path, {"method": "wallet", "pin": pin}, key)
        _same(f"POST {path}", "order.id", order.id, order_id)
        return order

    def refund(self, order_id: str, *, key: str) -> Order:
        path = f"/v1/orders/{_id(order_id, 'order id')}/refund"
        order = self._post(parse_order, path, {}, key)
        _same(f"POST {path}", "order.id", order.id, order_id)
        return order

    def catalogue(self) -> Catalogue:
        return self._get(parse_catalogue, "/v1/media/catalogue")

    def app_catalogue(self) -> tuple[PartnerApp, ...]:
        return self._get(parse_partner_apps, "/v1/apps")

    def app_package(self, app_id: str) -> tuple[bytes, bytes | None]:
        """The app's package (zip bytes, at most PACKAGE_MAX_BYTES) and its signature: the
        X-Package-Signature header decoded, None when it is missing or not base64. Nothing
        here trusts the package: the installer verifies the signature before opening it."""
        path = f"/v1/apps/{_app_id(app_id)}/package"
        response = self._call("GET", path, accept="application/zip", max_body_bytes=PACKAGE_MAX_BYTES)
        return response.body, _signature(response.headers.get(SIGNATURE_HEADER))

    def _get(self, parser: Callable[[Any], T], path: str, *, params: Mapping[str, str] | None = None,
             auth: bool = True) -> T:
        response = self._call("GET", path, params=params, auth=auth)
        return _parsed(parser, response, f"GET {path}")

    def _post(self, parser: Callable[[Any], T], path: str, body: dict[str, Any], key: str, *,
              expect: Collection[int] = (200,)) -> T:
        response = self._call("POST", path, json_body=body, key=key, expect=expect)
        return _parsed(parser, response, f"POST {path}")

    def _call(self, method: str, path: str, *, json_body: Any = None, params: Mapping[str, str] | None = None,
              key: str | None = None, expect: Collection[int] = (200,), auth: bool = True,
              accept: str = JSON_TYPE, max_body_bytes: int | None = None) -> Response:
        """accept and max_body_bytes (None: the transport's cap) are for an answer that is not JSON."""
        def send(token: str | None) -> Response:
            headers = {} if token is None else {"Authorization": f"Bearer {token}"}
            return self._transport.request(method, path, json_body=json_body, params=params, headers=headers,
                                           idempotency_key=key, expect=expect, accept=accept,
                                           max_body_bytes=max_body_bytes)

        if not auth:
            return send(None)
        token = self._current_token()
        try:
            return send(token)
        except Rejected as exc:
            if exc.status != 401:
                raise
            if exc.code != "unauthorized":
                raise AuthError(f"{method} {path}: the backend refused the token ({exc.code})") from exc
        self._forget_token(token)
        try:
            return send(self._current_token())
        except Rejected as exc:
            if exc.status == 401:
                raise AuthError(f"{method} {path}: the backend refused a fresh token ({exc.code})") from exc
            raise

    def _current_token(self) -> str:
        with self._lock:
            now = self._clock()
            if self._token is None or now >= self._renew_at:
                self._token = None
                token = self._fetch_token()
                self._token = token.access_token
                self._renew_at = now + token.expires_in - min(_TOKEN_MARGIN_S, token.expires_in / 10)
            return self._token

    def _forget_token(self, token: str) -> None:
        with self._lock:
            if self._token == token:  # another thread may have renewed it already
                self._token = None

    def _fetch_token(self) -> Token:
        label = f"POST {TOKEN_PATH}"
        vin = self._credential.vin
        try:
            response = self._transport.request("POST", TOKEN_PATH, json_body=self._credential.token_request())
        except Rejected as exc:  # its message is not passed on: it could echo the request
            if exc.status == 401:
                raise AuthError(
                    f"{label}: the backend refused the credential of {vin} ({exc.code}); "
                    f"run `headunit backend provision {vin}` to make a new one"
                ) from None
            raise AuthError(f"{label}: the backend refused the token request with {exc.status} {exc.code}") from None
        return _parsed(parse_token, response, label)


class OfflineBackend:
    """The backend when none is configured: every call raises BackendUnavailable."""

    def _unavailable(self, *args: Any, **kwargs: Any) -> Any:
        raise BackendUnavailable("no backend configured")

    def close(self) -> None:
        pass

    health = pois = poi = slots = create_reservation = reservations = reservation = _unavailable
    cancel_reservation = create_order = cancel_order = orders = order = pay_with_wallet = refund = _unavailable
    catalogue = app_catalogue = app_package = _unavailable


def build_client(config: BackendConfig, base_url: str, credential_path: Path) -> BackendClient:
    """The client for ``base_url`` with ``config``'s TLS and timeouts and the credential
    at ``credential_path``. Raises AuthError (credential) or TlsError (CA bundle)."""
    credential = load_credential(credential_path)
    if credential.vin != config.vin:
        raise AuthError(
            f"the backend credential {credential_path} is for {credential.vin} but backend.vin is "
            f"{config.vin}; run `headunit backend provision {config.vin}`"
        )
    transport = HttpTransport(base_url, ca_bundle=config.ca_bundle, connect_timeout_s=config.connect_timeout_s,
                              read_timeout_s=config.read_timeout_s)
    return BackendClient(transport, credential)


def _parsed(parser: Callable[[Any], T], response: Response, label: str) -> T:
    try:
        return parser(response.body)
    except MalformedResponse as exc:
        raise BadResponse(f"{label}: malformed answer: {exc}", status=response.status) from None


def _same(label: str, field: str, got: str, asked: str) -> None:
    if got != asked:
        raise BadResponse(f"{label}: malformed answer: {field} is {got!r}, not the {asked!r} asked for")


def _poi_id(poi_id: str) -> str:
    if not isinstance(poi_id, str) or not POI_ID.fullmatch(poi_id):
        raise ValueError(f"a POI id looks like n2410325871, got {poi_id!r}")
    return poi_id


def _id(value: str, what: str) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= 100 or not value.isascii() or not value.isprintable():
        raise ValueError(f"{what} must be 1 to 100 printable ASCII characters, got {value!r}")
    return quote(value, safe="")


def _app_id(app_id: str) -> str:
    """A manifest id (lowercase reverse-DNS), which is URL-safe as it is."""
    if not isinstance(app_id, str) or len(app_id) > APP_ID_MAX or not APP_ID.fullmatch(app_id):
        raise ValueError(f"an app id looks like com.example.radio, got {app_id!r}")
    return app_id


def _signature(header: str | None) -> bytes | None:
    if header is None:
        return None
    try:
        return base64.b64decode(header.strip(), validate=True)
    except (binascii.Error, ValueError):
        return None


def _limit(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be an integer from 1 to {MAX_LIMIT}, got {limit!r}")
    return limit


def _bbox(bbox: tuple[float, float, float, float]) -> str:
    """``min_lon,min_lat,max_lon,max_lat`` as the query wants it, after checking it."""
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox)
    except (TypeError, ValueError):
        raise ValueError(f"bbox must be (min_lon, min_lat, max_lon, max_lat), got {bbox!r}") from None
    ok = all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat))
    ok = ok and -180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90
    if not ok:
        raise ValueError(f"bbox must be (min_lon, min_lat, max_lon, max_lat) inside the world, got {bbox!r}")
    return ",".join(f"{v:.7f}".rstrip("0").rstrip(".") for v in (min_lon, min_lat, max_lon, max_lat))
