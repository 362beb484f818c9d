"""HTTP/1.1 message framing for the fault proxy: heads, Content-Length and chunked bodies.

Only framing, never rewriting: every byte read is handed on unchanged. A request is its
head up to CRLFCRLF and exactly Content-Length body bytes (request bodies with a
Transfer-Encoding are refused with 501); an answer is its head (after any 1xx) and a
Content-Length body, a chunked body up to the last chunk and its trailers, or whatever
comes until the backend closes (RFC 9112, section 6.3).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from dataclasses import dataclass

MAX_HEAD_BYTES = 64 * 1024
MAX_REQUEST_BODY_BYTES = 16 * 1024 * 1024
_RECV = 64 * 1024
_NO_BODY_STATUSES = (204, 304)

Sink = Callable[[bytes], None]


class HttpFramingError(ValueError):
    """A request or answer the proxy cannot frame; ``status`` is what the client is told."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class MessageStream:
    """A socket's bytes with a read buffer: heads, exact lengths, chunked bodies."""

    def __init__(self, sock: socket.socket, side: str) -> None:
        self.sock = sock
        self.side = side
        self.buf = bytearray()

    def _fill(self) -> bool:
        data = self.sock.recv(_RECV)
        self.buf += data
        return bool(data)

    def head(self) -> bytes | None:
        """Up to and including CRLFCRLF; None when the peer closed between messages."""
        while (end := self.buf.find(b"\r\n\r\n", 0, MAX_HEAD_BYTES + 4)) < 0:
            if len(self.buf) >= MAX_HEAD_BYTES + 4:
                raise HttpFramingError(f"the {self.side}'s head is longer than {MAX_HEAD_BYTES} bytes", 431)
            if not self._fill():
                if self.buf:
                    raise HttpFramingError(f"the {self.side} closed the connection in the middle of a head")
                return None
        return self._take(end + 4)

    def _take(self, n: int) -> bytes:
        data = bytes(self.buf[:n])
        del self.buf[:n]
        return data

    def exact(self, n: int) -> bytes:
        while len(self.buf) < n:
            if not self._fill():
                raise HttpFramingError(f"the {self.side} closed the connection {n - len(self.buf)} bytes short")
        return self._take(n)

    def copy_exact(self, n: int, sink: Sink) -> None:
        while n > 0:
            if not self.buf and not self._fill():
                raise HttpFramingError(f"the {self.side} closed the connection {n} bytes short")
            piece = self._take(min(n, len(self.buf)))
            sink(piece)
            n -= len(piece)

    def line(self) -> bytes:
        while (end := self.buf.find(b"\r\n", 0, MAX_HEAD_BYTES + 2)) < 0:
            if len(self.buf) >= MAX_HEAD_BYTES + 2:
                raise HttpFramingError(f"a chunk line from the {self.side} is longer than {MAX_HEAD_BYTES} bytes")
            if not self._fill():
                raise HttpFramingError(f"the {self.side} closed the connection in the middle of a chunked body")
        return self._take(end + 2)

    def copy_chunked(self, sink: Sink) -> None:
        while True:
            size_line = self.line()
            sink(size_line)
            size_text = size_line.split(b";", 1)[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError:
                raise HttpFramingError(f"the {self.side} sent a bad chunk size {size_text[:20]!r}") from None
            if size == 0:
                while (trailer := self.line()) != b"\r\n":
                    sink(trailer)
                sink(trailer)
                return
            self.copy_exact(size, sink)
            end = self.exact(2)
            if end != b"\r\n":
                raise HttpFramingError(f"a chunk from the {self.side} does not end with CRLF")
            sink(end)

    def copy_until_close(self, sink: Sink) -> None:
        if self.buf:
            sink(self._take(len(self.buf)))
        while data := self.sock.recv(_RECV):
            sink(data)


@dataclass(frozen=True)
class Head:
    raw: bytes
    start: tuple[str, ...]  # request: method, target, version; answer: version, status, reason
    fields: dict[str, str]  # lower-case names; repeated fields joined with ", "

    def tokens(self, name: str) -> set[str]:
        return {t.strip().lower() for t in self.fields.get(name, "").split(",") if t.strip()}


def parse_head(raw: bytes, side: str) -> Head:
    text = raw[:-4].decode("latin-1")  # every byte is a latin-1 character: nothing is lost
    first, *lines = text.split("\r\n")
    start = tuple(first.split(" ", 2))
    if len(start) < (3 if side == "client" else 2):  # an answer's reason phrase may be missing
        raise HttpFramingError(f"the {side}'s first line {first[:80]!r} is not an HTTP/1.1 start line")
    fields: dict[str, str] = {}
    for line in lines:
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip() or line[:1] in " \t":
            raise HttpFramingError(f"the {side} sent a malformed header line {line[:80]!r}")
        key = name.lower()
        fields[key] = f"{fields[key]}, {value.strip()}" if key in fields else value.strip()
    return Head(raw, start, fields)


def content_length(head: Head, side: str) -> int | None:
    if "content-length" not in head.fields:
        return None
    values = {v.strip() for v in head.fields["content-length"].split(",")}
    if len(values) != 1 or not all(c in "0123456789" for c in next(iter(values)) or "x"):
        raise HttpFramingError(f"the {side}'s Content-Length {head.fields['content-length'][:40]!r} is not a number")
    return int(values.pop())


@dataclass(frozen=True)
class Request:
    head: Head
    body: bytes
    method: str
    path: str
    keep_alive: bool


def read_request(stream: MessageStream) -> Request | None:
    raw = stream.head()
    if raw is None:
        return None
    head = parse_head(raw, "client")
    method, target, version = head.start
    if not version.startswith("HTTP/1."):
        raise HttpFramingError(f"the proxy speaks HTTP/1.x only, the client sent {version[:20]!r}", 505)
    if "transfer-encoding" in head.fields:
        raise HttpFramingError("the fault proxy does not take request bodies with Transfer-Encoding "
                               f"({head.fields['transfer-encoding'][:40]!r}); send a Content-Length body", 501)
    length = content_length(head, "client") or 0
    if length > MAX_REQUEST_BODY_BYTES:
        raise HttpFramingError(f"a request body of {length} bytes is more than the proxy's "
                               f"{MAX_REQUEST_BODY_BYTES}", 413)
    connection = head.tokens("connection")
    keep_alive = "close" not in connection and (version != "HTTP/1.0" or "keep-alive" in connection)
    return Request(head, stream.exact(length), method, target.split("?", 1)[0], keep_alive)


def relay_answer(stream: MessageStream, request: Request, sink: Sink) -> bool:
    """Copy one answer (and any 1xx before it) to ``sink``; whether its connection stays open."""
    while True:
        raw = stream.head()
        if raw is None:
            raise HttpFramingError("the backend closed the connection without answering", 502)
        head = parse_head(raw, "backend")
        sink(raw)
        status = head.start[1]
        if not (len(status) == 3 and status.isdigit()):
            raise HttpFramingError(f"the backend's status {status[:20]!r} is not three digits", 502)
        if not (status.startswith("1") and status != "101"):
            break
    code = int(status)
    keep = request.keep_alive and "close" not in head.tokens("connection")
    if request.method == "HEAD" or code < 200 or code in _NO_BODY_STATUSES:
        return keep and code != 101
    codings = [t.strip().lower() for t in head.fields.get("transfer-encoding", "").split(",") if t.strip()]
    if codings and codings[-1] == "chunked":
        stream.copy_chunked(sink)
        return keep
    length = None if codings else content_length(head, "backend")
    if length is None:
        stream.copy_until_close(sink)
        return False
    stream.copy_exact(length, sink)
    return keep


def discard(_data: bytes) -> None:
    pass


_REASONS = {400: "Bad Request", 413: "Content Too Large", 431: "Request Header Fields Too Large",
            500: "Internal Server Error", 501: "Not Implemented", 505: "HTTP Version Not Supported"}


def error_answer(status: int, code: str, message: str, keep_alive: bool) -> bytes:
    """An answer of the proxy's own in the API's error shape (docs/backend-api.md)."""
    reason = _REASONS.get(status, "Error")
    body = json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")
    head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n")
    return head.encode("ascii") + body

