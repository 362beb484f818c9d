"""create_app(settings, clock): the reference backend as a FastAPI application."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI

from . import app_routes, auth, media_routes, payments, poi_routes, qr_routes, reservations
from .clock import Clock, SystemClock, rfc3339
from .context import Backend, MapUnusable, get_backend
from .db import BackendDbError, Database, init_database
from .errors import install_error_handlers
from .models import Health
from .settings import BackendSettings


class BackendStartError(Exception):
    """The backend cannot start with these settings; the message says why."""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("headunit")
    except PackageNotFoundError:
        return "0.0.0"


def create_app(settings: BackendSettings, clock: Clock | None = None) -> FastAPI:
    """The app on settings.db_path (created when missing), POIs seeded from settings.map_path if set,
    partner app packages signed with the key at settings.package_key_file (created when missing).

    Raises BackendStartError when the database, the map or the package key cannot be used.
    """
    try:
        init_database(settings.db_path)
    except BackendDbError as exc:
        raise BackendStartError(str(exc)) from exc
    db = Database(settings.db_path)
    backend = Backend(settings, clock or SystemClock(), db)
    try:
        backend.seed_from_map()
    except MapUnusable as exc:
        raise BackendStartError(str(exc)) from exc
    try:
        app_store = app_routes.open_app_store(settings)
    except (app_routes.AppStoreError, app_routes.PackageKeyError) as exc:
        db.close()
        raise BackendStartError(str(exc)) from exc
    version = _version()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(title="Head unit reference backend", version=version, lifespan=lifespan,
                  description="Live POI data, reservations, payments and media; see docs/backend-api.md. "
                              "All prices, capacities, balances and media are deterministic demo data.",
                  openapi_url="/v1/openapi.json", docs_url="/v1/docs", redoc_url=None)
    app.state.backend = backend
    app.state.app_store = app_store
    install_error_handlers(app)

    @app.get("/v1/health", response_model=Health, tags=["health"], summary="Is the backend up")
    async def health(backend: Annotated[Backend, Depends(get_backend)]) -> dict[str, Any]:
        return {"status": "ok", "version": version, "time": rfc3339(backend.clock.now())}

    for module in (auth, poi_routes, reservations, payments, qr_routes, media_routes, app_routes):
        app.include_router(module.router)
    return app
