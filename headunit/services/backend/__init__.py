"""The head unit's side of the backend: HTTP transport, client, credential, offline cache."""

from .cache import BackendCache, Cached, is_stale
from .client import BackendApi, BackendClient, OfflineBackend, build_client
from .credentials import Credential, load_credential
from .errors import AuthError, BackendError, BackendUnavailable, BadResponse, Rejected, TlsError
from .transport import HttpTransport, Response, Transport

__all__ = [
    "AuthError", "BackendApi", "BackendCache", "BackendClient", "BackendError", "BackendUnavailable",
    "BadResponse", "Cached", "Credential", "HttpTransport", "OfflineBackend", "Rejected", "Response",
    "TlsError", "Transport", "build_client", "is_stale", "load_credential",
]
