"""One error shape for every answer that is not a success: {"error": {"code", "message"}}.

Handlers turn FastAPI's validation errors, malformed JSON, unknown routes and wrong
methods into that shape; `documented(...)` lists the error statuses of a route for
its OpenAPI entry, so FastAPI never adds its own HTTPValidationError shape.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from .api_error import ApiError, error_body, not_found

__all__ = ["ApiError", "ErrorBody", "ErrorDetail", "documented", "error_body", "install_error_handlers", "not_found"]

log = logging.getLogger("headunit.backend")


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


_DESCRIPTIONS = {
    400: "Malformed JSON or a bad header (bad_request)",
    401: "Missing, unknown or expired token (unauthorized) or wrong credentials (invalid_credentials)",
    402: "Payment refused: wrong_pin, wallet_locked, insufficient_funds, wallet_not_set_up",
    403: "Bad or expired URL signature (bad_signature)",
    404: "Unknown id, or one of another vehicle (not_found)",
    409: "The request conflicts with the current state; the code says how",
    422: "A missing or wrong-typed field (validation_failed); the message names it",
}


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for these error statuses, all with the ErrorBody shape."""
    return {status: {"model": ErrorBody, "description": _DESCRIPTIONS[status]} for status in statuses}


# pydantic puts the tag of a discriminated union into an error's location
# (body.fuel.quantity); the field is body.quantity
_UNION_TAGS = {"reservation", "fuel", "charging"}


def _field(loc: tuple[Any, ...]) -> str:
    if len(loc) > 2 and loc[0] == "body" and loc[1] in _UNION_TAGS:
        loc = (loc[0], *loc[2:])
    return ".".join(str(part) for part in loc)


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    for error in errors:
        if error.get("type") == "json_invalid":
            reason = error.get("ctx", {}).get("error", "cannot parse")
            return JSONResponse(error_body("bad_request", f"malformed JSON: {reason}"), status_code=400)
    for error in errors:
        loc = tuple(error.get("loc", ()))
        if loc and loc[0] == "header":
            name = loc[-1]
            message = (f"missing header {name}" if error.get("type") == "missing"
                       else f"bad header {name}: {error.get('msg', 'invalid')}")
            return JSONResponse(error_body("bad_request", message), status_code=400)
    first = errors[0] if errors else {"loc": ("request",), "msg": "invalid request"}
    message = f"{_field(tuple(first.get('loc', ())))}: {first.get('msg', 'invalid')}"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more)"
    return JSONResponse(error_body("validation_failed", message), status_code=422)


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type"}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "bad_request" if exc.status_code < 500 else "internal_error")
        message = {404: f"no such endpoint: {request.method} {request.url.path}",
                   405: f"{request.method} is not allowed on {request.url.path}"}.get(exc.status_code, str(exc.detail))
        return JSONResponse(error_body(code, message), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        route = request.scope.get("route")  # the path template: no QR token or signature in the log
        log.error("unexpected error on %s %s", request.method, getattr(route, "path", "?"), exc_info=exc)
        return JSONResponse(error_body("internal_error", "internal error (a bug: see the backend log)"),
                            status_code=500)
