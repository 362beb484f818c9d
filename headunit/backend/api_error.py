"""The error a handler raises: an answer of `status` with {"error": {"code", "message"}}.

No web framework here, so the database-level functions that raise it (records.py) also
serve `headunit backend confirm-qr ORDER`, which runs without FastAPI.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An answer of `status` with the error body; raised by handlers, never leaks as a 500."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.message)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", f"{what} not found")
