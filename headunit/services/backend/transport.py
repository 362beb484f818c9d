"""HTTP to the backend: one request in, a checked JSON answer or a BackendError out.

``HttpTransport`` sends with a ``requests.Session`` whose adapter never retries and
never follows redirects; the retry policy is here instead, so it can be tested with
an injected ``sleep`` and ``rng``:

- only idempotent methods (GET, HEAD, PUT, DELETE) and POSTs that carry an
  ``Idempotency-Key`` are retried (the same key every time); a keyless POST is sent once;
- retried on connection errors, timeouts, 5xx, 429 and malformed answers, never on 4xx;
- the delay is exponential back-off with full jitter, or the backend's Retry-After,
  both capped at ``max_backoff_s``.

TLS certificates are always verified: against ``ca_bundle`` when given, else the
system CAs. There is deliberately no switch to turn that off.
"""

from __future__ import annotations

import http.client
import json
import logging
import random
import re
import socket
import ssl
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict

from headunit.core.backend.parse import parse_api_error
from headunit.core.backoff import backoff_delay

from .errors import BackendError, BackendUnavailable, BadResponse, Rejected, TlsError
from .json_body import decode_json

log = logging.getLogger("headunit.backend")

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE"})
USER_AGENT = "headunit/0.1"
_KEY = re.compile(r"[\x21-\x7e]{1,255}")
_CHUNK = 64 * 1024
_NAME_MISMATCH = (62, 64)  # X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DIGITS = re.compile(r"[0-9]{1,15}")
_MIME = re.compile(r"[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")
JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Response:
    status: int
    body: Any  # the decoded JSON (None for HEAD; the bytes when a non-JSON type was asked for)
    headers: Mapping[str, str]


class Transport(Protocol):
    """What the client needs from HTTP; HttpTransport is the real one."""

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        expect: Collection[int] = (200,),
        accept: str = JSON_TYPE,
        max_body_bytes: int | None = None,
    ) -> Response: ...

    def close(self) -> None: ...


class HttpTransport:
    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: str = "",
        connect_timeout_s: float = 3.0,
        read_timeout_s: float = 10.0,
        max_body_bytes: int = 2_000_000,
        retries: int = 3,
        backoff_s: float = 0.2,
        max_backoff_s: float = 5.0,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"the backend URL must be http(s)://host[:port][/path], got {base_url!r}")
        if connect_timeout_s <= 0 or read_timeout_s <= 0 or max_body_bytes <= 0 or retries < 0:
            raise ValueError("timeouts and max_body_bytes must be > 0 and retries >= 0")
        if ca_bundle and not Path(ca_bundle).exists():
            raise TlsError(
                f"backend.ca_bundle {ca_bundle} does not exist: point it at the PEM file of the CA "
                "that signed the backend's certificate, or leave it empty for the system CAs"
            )
        self.base_url = base_url.rstrip("/")
        self.host = parts.netloc.rsplit("@", 1)[-1]
        self.max_body_bytes = max_body_bytes
        self.retries = retries
        self.backoff_s = backoff_s
        self.max_backoff_s = max_backoff_s
        self._timeout = (connect_timeout_s, read_timeout_s)
        self._verify: str | bool = ca_bundle or True
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._session = requests.Session()
        self._session.trust_env = False  # no proxies, netrc or CA bundle from the environment
        self._session.verify = self._verify
        adapter = HTTPAdapter(max_retries=0)  # the loop below is the only retry policy
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def close(self) -> None:
        self._session.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        expect: Collection[int] = (200,),
        accept: str = JSON_TYPE,
        max_body_bytes: int | None = None,
    ) -> Response:
        """Send and check one request, retrying as the module doc says.

        ``accept`` other than JSON (``"application/zip"``) asks for a binary answer: a
        success must have exactly that content type, and its body is returned as bytes.
        ``max_body_bytes`` replaces the transport's cap for this request only.

        Raises BackendUnavailable, BadResponse, Rejected or TlsError (the last error
        when retries ran out); ValueError for a request that could never be sent."""
        method = method.upper()
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/', got {path!r}")
        if not isinstance(accept, str) or not _MIME.fullmatch(accept):
            raise ValueError(f"accept must be one media type like application/zip, got {accept!r}")
        if max_body_bytes is not None and (isinstance(max_body_bytes, bool) or not isinstance(max_body_bytes, int)
                                           or max_body_bytes <= 0):
            raise ValueError(f"max_body_bytes must be a positive integer, got {max_body_bytes!r}")
        cap = self.max_body_bytes if max_body_bytes is None else max_body_bytes
        send_headers = {"Accept": accept, "User-Agent": USER_AGENT}
        data = None
        if json_body is not None:
            data = json.dumps(json_body, allow_nan=False, separators=(",", ":")).encode("utf-8")
            send_headers["Content-Type"] = "application/json"
        send_headers.update(headers or {})
        if idempotency_key is not None:
            if not isinstance(idempotency_key, str) or not _KEY.fullmatch(idempotency_key):
                raise ValueError("an idempotency key is 1 to 255 visible ASCII characters")
            send_headers["Idempotency-Key"] = idempotency_key
        retryable = method in IDEMPOTENT_METHODS or (method == "POST" and idempotency_key is not None)
        attempts = 1 + self.retries if retryable else 1
        label = f"{method} {path}"
        for attempt in range(attempts):
            try:
                return self._attempt(method, path, label, params, data, send_headers, expect, accept, cap)
            except BackendError as exc:
                if attempt + 1 >= attempts or not _worth_retrying(exc):
                    if attempt:
                        exc.message = f"{exc.message} (after {attempt + 1} attempts)"
                        exc.args = (exc.message,)
                    raise
                delay = self._delay(attempt, exc)
                log.info("%s; retrying in %.2f s (attempt %d of %d)", exc.message, delay, attempt + 2, attempts)
                self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _delay(self, attempt: int, exc: BackendError) -> float:
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is not None:
            return min(retry_after, self.max_backoff_s)
        return backoff_delay(attempt, self.backoff_s, self.max_backoff_s, self._rng.random())

    def _attempt(
        self,
        method: str,
        path: str,
        label: str,
        params: Mapping[str, str] | None,
        data: bytes | None,
        headers: Mapping[str, str],
        expect: Collection[int],
        accept: str,
        cap: int,
    ) -> Response:
        try:
            raw = self._session.request(
                method, self.base_url + path, params=params, data=data, headers=headers,
                timeout=self._timeout, stream=True, allow_redirects=False, verify=self._verify,
            )
        except requests.exceptions.SSLError as exc:
            raise TlsError(f"{label}: {tls_problem(exc, self.host)}") from exc
        except requests.exceptions.ConnectTimeout as exc:
            raise BackendUnavailable(
                f"{label}: could not connect to {self.host} within {self._timeout[0]:g} s") from exc
        except requests.exceptions.ReadTimeout as exc:
            raise BackendUnavailable(f"{label}: no answer from {self.host} within {self._timeout[1]:g} s") from exc
        except requests.exceptions.RequestException as exc:
            raise BackendUnavailable(f"{label}: {connection_problem(exc, self.host)}") from exc
        with raw:
            return self._check(raw, method, label, expect, accept, cap)

    def _check(self, raw: requests.Response, method: str, label: str, expect: Collection[int],
               accept: str, cap: int) -> Response:
        status = raw.status_code
        if status == 429 or status >= 500:
            raise BackendUnavailable(
                f"{label}: the backend answered {_status(status)}",
                status=status,
                retry_after=retry_after_s(raw.headers),
            )
        data = b"" if method == "HEAD" else self._read(raw, label, cap)
        mime = raw.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if 400 <= status < 500:
            error = None
            if _is_json(mime):
                try:
                    error = parse_api_error(status, decode_json(data))
                except ValueError:
                    pass
            if error is None:
                raise BadResponse(
                    f"{label}: the backend answered {_status(status)} with "
                    f"{_content(mime, data)} instead of the API's error body",
                    status=status,
                )
            raise Rejected(f"{label}: refused with {status} {error.code}: {_one_line(error.message)}",
                           status=status, code=error.code)
        if status not in expect:
            wanted = " or ".join(str(s) for s in expect)
            raise BadResponse(f"{label}: unexpected status {_status(status)} (expected {wanted})",
                              status=status)
        headers = CaseInsensitiveDict(raw.headers)
        if method == "HEAD":
            return Response(status, None, headers)
        if not _is_json(accept):
            if mime != accept:
                raise BadResponse(f"{label}: the backend answered {_content(mime, data)}, not {accept}",
                                  status=status)
            return Response(status, data, headers)
        if not _is_json(mime):
            raise BadResponse(f"{label}: the backend answered {_content(mime, data)}, not JSON", status=status)
        try:
            body = decode_json(data)
        except ValueError as exc:
            raise BadResponse(f"{label}: the answer is not valid JSON: {exc}", status=status) from None
        return Response(status, body, headers)

    def _read(self, raw: requests.Response, label: str, cap: int) -> bytes:
        """The body, read in chunks up to ``cap`` bytes; refuses a truncated one."""
        status = raw.status_code
        declared = _content_length(raw.headers)
        if declared is not None and declared > cap:
            raise BadResponse(f"{label}: the answer is too large ({declared} bytes; the limit is {cap})",
                              status=status)
        chunks: list[bytes] = []
        total = 0
        cut_off = BadResponse(
            f"{label}: the answer was cut off before its announced {declared} bytes" if declared is not None
            else f"{label}: the answer was cut off", status=status)
        try:
            for chunk in raw.iter_content(_CHUNK):
                total += len(chunk)
                if total > cap:
                    raise BadResponse(f"{label}: the answer is too large (more than {cap} bytes)", status=status)
                chunks.append(chunk)
        except requests.exceptions.ConnectionError as exc:
            if any(isinstance(c, (urllib3.exceptions.ReadTimeoutError, socket.timeout)) for c in causes(exc)):
                raise BackendUnavailable(
                    f"{label}: the answer stalled (nothing for {self._timeout[1]:g} s)", status=status
                ) from exc
            raise cut_off from exc
        except requests.exceptions.ChunkedEncodingError as exc:
            raise cut_off from exc
        except requests.exceptions.ContentDecodingError as exc:
            raise BadResponse(f"{label}: the answer's compression is broken", status=status) from exc
        encoded = raw.headers.get("Content-Encoding", "identity").strip().lower() not in ("", "identity")
        if declared is not None and not encoded and total != declared:
            raise cut_off
        return b"".join(chunks)


def _worth_retrying(exc: BackendError) -> bool:
    if isinstance(exc, BackendUnavailable):
        return True
    return isinstance(exc, BadResponse) and not (exc.status is not None and 400 <= exc.status < 500)


def _content_length(headers: Mapping[str, str]) -> int | None:
    text = headers.get("Content-Length", "").strip()
    return int(text) if _DIGITS.fullmatch(text) else None


def _is_json(mime: str) -> bool:
    return mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))


def _content(mime: str, data: bytes) -> str:
    """What a non-JSON answer is, for a message: 'HTML (text/html)', 'text/plain', ..."""
    shown = mime or "no content type"
    if "html" in mime or data.lstrip()[:1] == b"<":
        return f"HTML ({shown})"
    if not data:
        return f"an empty body ({shown})"
    return shown


def _one_line(text: str) -> str:
    return _CONTROL.sub(" ", text)


def _status(status: int) -> str:
    """'404 Not Found', or just the number for a status HTTP does not name."""
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def retry_after_s(headers: Mapping[str, str]) -> float | None:
    """Retry-After in seconds: delta-seconds, or an HTTP date measured against the
    answer's own Date header (so no clock is read). None when absent or unusable."""
    value = headers.get("Retry-After", "").strip()
    if not value:
        return None
    if _DIGITS.fullmatch(value):
        return float(value)
    try:
        until = parsedate_to_datetime(value)
        now = parsedate_to_datetime(headers.get("Date", ""))
    except (TypeError, ValueError, IndexError):
        return None
    if until.tzinfo is None or now.tzinfo is None:
        return None
    return max(0.0, (until - now).total_seconds())


def causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything it wraps (urllib3's reasons, args, causes), each once."""
    pending, seen = [exc], set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen or len(seen) > 50:
            continue
        seen.add(id(current))
        yield current
        linked = [getattr(current, "reason", None), current.__cause__, current.__context__, *current.args]
        pending.extend(item for item in linked if isinstance(item, BaseException))


def connection_problem(exc: BaseException, host: str) -> str:
    """A one-line reason why no answer came (refused, reset, DNS, ...)."""
    for cause in causes(exc):
        if isinstance(cause, ConnectionRefusedError):
            return f"connection to {host} refused"
        if isinstance(cause, (urllib3.exceptions.NameResolutionError, socket.gaierror)):
            return f"cannot resolve the backend host {host}"
        if isinstance(cause, ConnectionResetError):
            return f"connection to {host} reset"
        if isinstance(cause, http.client.RemoteDisconnected):
            return f"{host} closed the connection without answering"
        if isinstance(cause, (urllib3.exceptions.ReadTimeoutError, socket.timeout)):
            return f"no answer from {host} in time"
    return f"cannot reach {host} ({type(exc).__name__})"


def tls_problem(exc: BaseException, host: str) -> str:
    for cause in causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError) and cause.verify_code in _NAME_MISMATCH:
            return (
                f"the TLS certificate of {host} is for another name ({cause.verify_message.rstrip('.')}); "
                "check the host in backend.url"
            )
        if isinstance(cause, ssl.SSLCertVerificationError):
            return (
                f"the TLS certificate of {host} could not be verified ({cause.verify_message}); "
                "set backend.ca_bundle to the CA bundle that signed it"
            )
    reason = next((c for c in causes(exc) if isinstance(c, ssl.SSLError)), exc)
    detail = getattr(reason, "reason", None) or type(reason).__name__
    return f"TLS with {host} failed ({detail}); check backend.ca_bundle and the backend's TLS set-up"
