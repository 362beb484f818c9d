"""POST /v1/auth/token and the bearer-token dependency every vehicle endpoint uses."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from . import vehicles
from .context import Backend, get_backend
from .errors import ApiError, documented
from .models import TokenAnswer, TokenRequest

router = APIRouter()
_bearer = HTTPBearer(auto_error=False, description="an access token from POST /v1/auth/token")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


async def require_vin(request: Request,
                      credentials: HTTPAuthorizationCredentials | None = Security(_bearer)) -> str:
    """The VIN of the bearer token's vehicle, or 401 unauthorized.

    Runs on the event loop: one primary-key read, which WAL never blocks behind a writer.
    """
    if credentials is None:
        raise ApiError(401, "unauthorized", "missing bearer token (Authorization: Bearer <token>)", _CHALLENGE)
    backend: Backend = request.app.state.backend
    vin = vehicles.vin_for_token(backend.db.connection(), credentials.credentials, backend.clock.now())
    if vin is None:
        raise ApiError(401, "unauthorized", "unknown or expired token: ask POST /v1/auth/token for a new one",
                       _CHALLENGE)
    return vin


Vin = Annotated[str, Depends(require_vin)]
AUTH_ERRORS = (401,)


@router.post("/v1/auth/token", response_model=TokenAnswer, responses=documented(401, 400, 422),
             summary="Exchange a vehicle credential for an access token")
def issue_token(body: TokenRequest, backend: Annotated[Backend, Depends(get_backend)]) -> TokenAnswer:
    now = backend.clock.now()
    ttl = backend.settings.token_ttl_s
    with backend.db.write() as conn:
        if not vehicles.credential_valid(conn, body.vin, body.secret):
            raise ApiError(401, "invalid_credentials", "unknown VIN or wrong secret")
        token = vehicles.issue_token(conn, body.vin, now, ttl)
    return TokenAnswer(access_token=token, token_type="bearer", expires_in=ttl)
