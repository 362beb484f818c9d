"""What can go wrong talking to the backend, sorted by what the caller should do about it.

Every error has a one-line ``message`` naming the request (``GET /v1/pois/n1: ...``)
and what is wrong, and ``retryable``: whether the same request may succeed later
(an outbox row stays pending) or never will (it is rejected). Messages never hold
tokens, secrets or PINs.
"""

from __future__ import annotations


class BackendError(Exception):
    """Base class: ``message`` for the log and the UI, ``retryable`` for the outbox,
    ``status`` the HTTP status when the backend answered (None otherwise)."""

    retryable_default = True

    def __init__(self, message: str, *, retryable: bool | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = self.retryable_default if retryable is None else retryable
        self.status = status


class BackendUnavailable(BackendError):
    """No usable answer this time: connection refused or reset, DNS, timeout, 5xx, 429.

    ``retry_after`` is the backend's Retry-After in seconds, when it sent one."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class BadResponse(BackendError):
    """An answer that breaks the contract: not JSON, wrong schema, HTML error page,
    truncated or too large body, unexpected status or content type. Retryable: a
    proxy may be at fault, and the requests that are retried are idempotent."""


class Rejected(BackendError):
    """A 4xx with the API's error body: the backend refused the request for good."""

    retryable_default = False

    def __init__(self, message: str, *, status: int, code: str) -> None:
        super().__init__(message, status=status)
        self.code = code


class AuthError(BackendError):
    """No usable credential: the file is missing, unreadable or too open, or the backend
    refused it (401 invalid_credentials). Needs the integrator, not a retry."""

    retryable_default = False


class TlsError(BackendError):
    """The backend's certificate could not be verified (or the CA bundle is missing)."""

    retryable_default = False
