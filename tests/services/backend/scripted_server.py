"""A real HTTP(S) server on 127.0.0.1 that answers each request as a test scripts it.

Replies are queued (``add``, used once, in order, optionally only for a method and
path) or permanent (``always``). A reply can be anything a broken backend or proxy
sends: HTML error pages, a body cut off before its Content-Length, a huge body, an
answer that never comes (the handler blocks on ``gate``, which ``close`` releases),
a connection reset, 5xx and 429 with Retry-After. Every request is recorded with its
method, path, query, headers and body.
"""

from __future__ import annotations

import json
import socket
import ssl
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_length: int | None = None  # declared length; larger than the body = truncated answer
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    stall: bool = False  # send nothing until the server's gate opens (at close)
    stall_after: int | None = None  # send headers and this many body bytes, then wait for the gate
    reset: bool = False  # reset the connection (RST) instead of answering


def json_reply(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(obj).encode(), {"Content-Type": "application/json", **(headers or {})})


def raw_json_reply(text: str, status: int = 200) -> Reply:
    return Reply(status, text.encode(), {"Content-Type": "application/json"})


def error_reply(status: int, code: str, message: str = "refused", headers: dict[str, str] | None = None) -> Reply:
    return json_reply({"error": {"code": code, "message": message}}, status, headers)


def html_reply(status: int = 502, title: str = "Bad Gateway") -> Reply:
    page = f"<html><head><title>{status} {title}</title></head><body><h1>{title}</h1></body></html>"
    return Reply(status, page.encode(), {"Content-Type": "text/html; charset=utf-8"})


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]  # names lower-cased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


class ScriptedServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.requests: list[Recorded] = []
        self.unscripted: list[str] = []
        self.gate = threading.Event()
        self._queue: list[tuple[str | None, str | None, Reply]] = []
        self._routes: dict[tuple[str, str], Reply] = {}
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler, self, tls)
        host, port = self._httpd.server_address[:2]
        self.url = f"{'https' if tls else 'http'}://{host}:{port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01},
                                        name="scripted-server", daemon=True)
        self._thread.start()

    def add(self, *replies: Reply, method: str | None = None, path: str | None = None) -> None:
        """Queue replies, each used once, for the next requests (matching method/path if given)."""
        with self._lock:
            self._queue.extend((method, path, reply) for reply in replies)

    def always(self, method: str, path: str, reply: Reply) -> None:
        with self._lock:
            self._routes[(method, path)] = reply

    def count(self, method: str, path: str) -> int:
        return sum(1 for r in self.requests if (r.method, r.path) == (method, path))

    def close(self) -> None:
        self.gate.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> ScriptedServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _take(self, recorded: Recorded) -> Reply:
        with self._lock:
            self.requests.append(recorded)
            for index, (method, path, reply) in enumerate(self._queue):
                if method in (None, recorded.method) and path in (None, recorded.path):
                    del self._queue[index]
                    return reply
            route = self._routes.get((recorded.method, recorded.path))
            if route is not None:
                return route
            self.unscripted.append(f"{recorded.method} {recorded.path}")
        return Reply(500, b"unscripted request", {"Content-Type": "text/plain"})


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: type, owner: ScriptedServer,
                 tls: ssl.SSLContext | None) -> None:
        self.owner = owner
        self.tls = tls
        super().__init__(address, handler)

    def finish_request(self, request: socket.socket, client_address: Any) -> None:
        if self.tls is None:
            return super().finish_request(request, client_address)
        try:  # the handshake runs on the connection's own thread, not the accept loop
            wrapped = self.tls.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return  # the client refused our certificate: what the TLS tests expect
        try:
            super().finish_request(wrapped, client_address)
        finally:
            wrapped.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that time out or hang up are part of the script


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._answer()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        headers = {name.lower(): value for name, value in self.headers.items()}
        reply = self.server.owner._take(Recorded(self.command, parts.path, parse_qs(parts.query), headers, body))
        self.close_connection = True
        if reply.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            return
        if reply.stall:
            self.server.owner.gate.wait()
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.send_length:
            declared = len(reply.body) if reply.content_length is None else reply.content_length
            self.send_header("Content-Length", str(declared))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        if reply.stall_after is not None:
            self.wfile.write(reply.body[: reply.stall_after])
            self.wfile.flush()
            self.server.owner.gate.wait()
            return
        for chunk in _chunks(reply.body):
            self.wfile.write(chunk)


def _chunks(data: bytes, size: int = 256 * 1024) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]
