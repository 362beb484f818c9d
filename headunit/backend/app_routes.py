"""GET /v1/apps (the partner app catalogue) and GET /v1/apps/{app_id}/package (a signed zip).

Both need the bearer token. The packages are built and signed once, at start
(``open_app_store``); these routes only serve them from memory.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response
from pydantic import BaseModel

from headunit.core.apps.manifest import APP_ID, ID_MAX

from .app_store import AppStore, AppStoreError
from .auth import Vin
from .errors import documented, not_found
from .package_key import PackageKeyError, load_or_create_key, write_public_key
from .settings import BackendSettings

router = APIRouter(prefix="/v1/apps", tags=["apps"])
APP_ID_PATTERN = f"^{APP_ID.pattern}$"  # the manifest's id rule
SIGNATURE_HEADER = "X-Package-Signature"

_ZIP = {"content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        "headers": {SIGNATURE_HEADER: {"description": "base64 of the Ed25519 signature (64 bytes) of the body",
                                       "schema": {"type": "string"}}}}


class PartnerApp(BaseModel):
    id: str
    version: str
    names: dict[str, str]
    category: str
    summary: dict[str, str]
    permissions: list[str]
    usable_while_moving: bool
    size_bytes: int


class AppCatalogue(BaseModel):
    apps: list[PartnerApp]


def open_app_store(settings: BackendSettings) -> AppStore:
    """Load (or create) the signing key, write its public key beside it, package the apps.

    Raises AppStoreError (a broken app source) or PackageKeyError (an unusable key file).
    """
    key = load_or_create_key(settings.package_key_file)
    try:
        write_public_key(key, settings.package_key_file)
    except OSError as exc:
        raise PackageKeyError(f"cannot write the public key beside {settings.package_key_file}: {exc}") from None
    return AppStore.build(key)


def _store(request: Request) -> AppStore:
    return request.app.state.app_store


@router.get("", response_model=AppCatalogue, responses=documented(401),
            summary="The partner apps a vehicle may install")
def get_apps(request: Request, vin: Vin) -> dict[str, Any]:
    return {"apps": _store(request).listing()}


@router.get("/{app_id}/package", response_class=Response,
            responses={200: {"description": "the app's zip; the signature is in X-Package-Signature", **_ZIP},
                       **documented(401, 404, 422)},
            summary="An app's package (zip), signed with the backend's Ed25519 package key")
def get_package(request: Request, vin: Vin,
                app_id: Annotated[str, Path(pattern=APP_ID_PATTERN, max_length=ID_MAX)]) -> Response:
    package = _store(request).get(app_id)
    if package is None:
        raise not_found(f"app {app_id}")
    return Response(package.data, media_type="application/zip",
                    headers={SIGNATURE_HEADER: package.signature_header(), "Cache-Control": "no-store"})


__all__ = ["AppStoreError", "PackageKeyError", "open_app_store", "router"]
