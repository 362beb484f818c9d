"""Signed media stream URLs: a player fetches them without an Authorization header.

A signed URL is ``<path>?exp=<unix seconds>&sig=<VIN>.<mac>``, the two query parameters
docs/backend-api.md names. ``mac`` is HMAC-SHA256 under the backend's secret over

    "headunit-media-v1\\n" + path + "\\n" + VIN + "\\n" + exp

in url-safe base64 without padding (43 characters). The VIN travels inside ``sig``, so the
query keeps the contract's two parameters while the URL stays bound to the vehicle that
asked for the catalogue (changing the VIN breaks the MAC), and the file route needs only
what the request carries: ``verify(request.url.path, exp, sig, now)``. VIN and exp contain
no newline, so the message is unambiguous for any path.

``path`` is the server-relative path the request will have (``/v1/media/files/st-1``),
not the full URL: a reverse proxy in front of the backend may change the host.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

_CONTEXT = b"headunit-media-v1"
_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
_EXP = re.compile(r"[1-9][0-9]{0,9}")  # canonical decimal; 10 digits reach the year 2286
_SIG = re.compile(r"([A-HJ-NPR-Z0-9]{17})\.([A-Za-z0-9_-]{43})")
_PATH = re.compile(r"/[!-~]{0,2047}")  # visible ASCII, starts with "/"
_MAX_EXP = 9_999_999_999
MIN_SECRET_BYTES = 16


class UrlSigner:
    """Signs and checks media stream URLs with one secret (bytes, at least 16)."""

    def __init__(self, secret: bytes) -> None:
        if not isinstance(secret, (bytes, bytearray)):
            raise TypeError(f"secret must be bytes, not {type(secret).__name__}")
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"secret must be at least {MIN_SECRET_BYTES} bytes, got {len(secret)}")
        self._secret = bytes(secret)

    def sign_query(self, path: str, vin: str, expires_at: int) -> str:
        """``"exp=<expires_at>&sig=<vin>.<mac>"``, to append to ``path + "?"``."""
        if not isinstance(path, str) or not _PATH.fullmatch(path) or "?" in path or "#" in path:
            raise ValueError(f"path must be a URL path of visible ASCII starting with '/', got {path!r}")
        if not isinstance(vin, str) or not _VIN.fullmatch(vin):
            raise ValueError(f"vin must be a 17-character VIN (A-Z without I, O, Q, and 0-9), got {vin!r}")
        if isinstance(expires_at, bool) or not isinstance(expires_at, int):
            raise ValueError(f"expires_at must be an int (unix seconds), got {expires_at!r}")
        if not 1 <= expires_at <= _MAX_EXP:
            raise ValueError(f"expires_at must be 1..{_MAX_EXP} (unix seconds), got {expires_at}")
        exp = str(expires_at)
        return f"exp={exp}&sig={vin}.{self._mac(path, vin, exp)}"

    def verify(self, path: str, exp: str, sig: str, now: float) -> bool:
        """True only for a signature this signer made for path and exp, before exp.

        Never raises: anything malformed (non-canonical or huge exp, a sig of the wrong
        shape, non-str arguments) is simply False.
        """
        if not (isinstance(path, str) and isinstance(exp, str) and isinstance(sig, str)):
            return False
        if isinstance(now, bool) or not isinstance(now, (int, float)):
            return False
        if not _EXP.fullmatch(exp):
            return False
        parts = _SIG.fullmatch(sig)
        if parts is None:
            return False
        vin, mac = parts.groups()
        expected = self._mac(path, vin, exp)
        # compare before the expiry check, so timing says nothing about the MAC either way
        valid = hmac.compare_digest(expected.encode("ascii"), mac.encode("ascii"))
        return valid and int(exp) > now

    def _mac(self, path: str, vin: str, exp: str) -> str:
        message = b"\n".join((_CONTEXT, path.encode("utf-8", "surrogatepass"), vin.encode(), exp.encode()))
        digest = hmac.new(self._secret, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
