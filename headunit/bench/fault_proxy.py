"""A fault-injecting HTTP/1.1 proxy between the head unit's backend client and the backend.

`headunit bench pay` puts it in front of the reference backend (plain HTTP on
127.0.0.1) to see what the client does when the network fails at the worst moments:

- drop_before: the client connection is closed before the request is forwarded, so
  the backend never sees it;
- drop_after: the request is forwarded and the backend's whole answer read (so the
  backend has committed), then the client connection is closed without an answer;
- timeout: as drop_after, but the answer is held back for ``hold_s`` (longer than the
  client's read timeout) and then dropped;
- error_500: a 500 with the API's JSON error body, without forwarding.

Each request on a connection (keep-alive) is decided on its own, with one draw of
``random.Random(seed)`` per request the plan applies to, in arrival order, so a
sequential run is reproducible. Bytes are relayed unchanged: a request is its head
up to CRLFCRLF and exactly Content-Length body bytes; an answer is its head and a
Content-Length body, a chunked body up to the last chunk and trailers, or whatever
comes until the backend closes (http_framing.py). One thread and one backend
connection per client connection; close() shuts every socket down, so no thread
stays blocked.
"""

from __future__ import annotations

import random
import selectors
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import urlsplit

from .http_framing import HttpFramingError, MessageStream, Request, discard, error_answer, read_request, relay_answer

FAULT_KINDS = ("drop_before", "drop_after", "timeout", "error_500")
NEVER_FAULTED = frozenset({"/v1/health", "/v1/auth/token"})
_JOIN_S = 5.0


@dataclass(frozen=True)
class FaultPlan:
    """Probabilities of each fault for the requests it applies to (the rest are forwarded)."""

    drop_before: float = 0.0
    drop_after: float = 0.0
    timeout: float = 0.0
    error_500: float = 0.0
    hold_s: float = 2.0
    methods: frozenset[str] = frozenset({"GET", "POST"})
    path_prefix: str = "/v1/"
    also: frozenset[str] = field(default_factory=frozenset)  # paths of NEVER_FAULTED to fault all the same

    def __post_init__(self) -> None:
        for kind in FAULT_KINDS:
            value = getattr(self, kind)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"FaultPlan.{kind} is a probability from 0 to 1, got {value!r}")
        total = sum(getattr(self, kind) for kind in FAULT_KINDS)
        if total > 1.0 + 1e-9:
            raise ValueError(f"FaultPlan's probabilities add up to {total:g}; at most 1 is possible")
        if not self.hold_s > 0:
            raise ValueError(f"FaultPlan.hold_s must be > 0 seconds, got {self.hold_s!r}")

    def applies_to(self, method: str, path: str) -> bool:
        """Whether a request may be faulted (``path`` without its query)."""
        if path in NEVER_FAULTED and path not in self.also:
            return False
        return method in self.methods and path.startswith(self.path_prefix)

    def pick(self, draw: float) -> str | None:
        """The fault for one draw in [0, 1): checked in FAULT_KINDS order; None forwards."""
        edge = 0.0
        for kind in FAULT_KINDS:
            edge += getattr(self, kind)
            if draw < edge:
                return kind
        return None


def _quietly_shut(sock: socket.socket | None) -> None:
    if sock is None:
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class _Connection:
    """One client connection, its backend connection (opened on first use) and its thread."""

    def __init__(self, client: socket.socket) -> None:
        self.client = client
        self.upstream: socket.socket | None = None
        self.upstream_stream: MessageStream | None = None
        self.killed = threading.Event()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def kill(self) -> None:
        """Shut both sockets down (their owner thread wakes and closes them)."""
        with self.lock:
            self.killed.set()
            _quietly_shut(self.client)
            _quietly_shut(self.upstream)

    def close(self) -> None:
        with self.lock:
            self.killed.set()
            for sock in (self.client, self.upstream):
                if sock is not None:
                    _quietly_shut(sock)
                    sock.close()


class _Listener:
    """A listening socket and the thread that accepts on it until stop()."""

    def __init__(self, port: int, on_accept: Callable[[socket.socket], None]) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.sock.bind(("127.0.0.1", port))
            self.sock.listen(128)
        except OSError:
            self.sock.close()
            raise
        self.port: int = self.sock.getsockname()[1]
        self._wake_r, self._wake_w = socket.socketpair()
        self._on_accept = on_accept
        self._thread = threading.Thread(target=self._run, name=f"fault-proxy-{self.port}-accept", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self.sock, selectors.EVENT_READ)
            selector.register(self._wake_r, selectors.EVENT_READ)
            while True:
                ready = {key.fileobj for key, _ in selector.select()}
                if self._wake_r in ready:
                    return
                try:
                    client, _ = self.sock.accept()
                except OSError:
                    continue
                self._on_accept(client)

    def stop(self) -> None:
        """Stop accepting and close the port (new connections are refused from now on)."""
        self._wake_w.send(b"x")
        self._thread.join(_JOIN_S)
        for sock in (self.sock, self._wake_r, self._wake_w):
            sock.close()


class FaultProxy:
    """The proxy on 127.0.0.1 (a free port) in front of ``upstream`` (http://host:port)."""

    def __init__(self, upstream: str, plan: FaultPlan = FaultPlan(), seed: int = 0) -> None:
        parts = urlsplit(upstream)
        if parts.scheme != "http" or not parts.hostname or parts.path not in ("", "/") or parts.query:
            raise ValueError(f"the fault proxy's upstream must be http://host:port (plain HTTP), got {upstream!r}")
        self._upstream = (parts.hostname, parts.port or 80)
        self._plan = plan
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._counts = dict.fromkeys((*FAULT_KINDS, "forwarded", "connections"), 0)
        self._connections: set[_Connection] = set()
        self._listener: _Listener | None = None
        self._port = 0
        self._down = False
        self._closed = False
        self.url = ""

    def start(self) -> FaultProxy:
        with self._lock:
            if self._closed:
                raise RuntimeError("this FaultProxy was closed; make a new one")
            if self._listener is None and not self._down:
                self._listener = _Listener(self._port, self._accept)
                self._port = self._listener.port
                self.url = f"http://127.0.0.1:{self._port}"
        return self

    def set_plan(self, plan: FaultPlan) -> None:
        with self._lock:
            self._plan = plan

    @property
    def counts(self) -> dict[str, int]:
        """A copy: faults injected so far by kind, "forwarded" (answers relayed in full) and
        "connections" (client connections accepted)."""
        with self._lock:
            return dict(self._counts)

    def wait_for(self, kind: str, count: int = 1, timeout: float = 10.0) -> bool:
        """Wait until counts[kind] >= count (a fault is counted before its client can see it)."""
        if kind not in self._counts:
            raise ValueError(f"unknown count {kind!r}; one of {', '.join(self._counts)}")
        with self._changed:
            return self._changed.wait_for(lambda: self._counts[kind] >= count, timeout)

    def set_down(self, down: bool) -> None:
        """Backend gone: the port refuses connections and open ones are closed; False: back on the same port."""
        with self._lock:
            if not self.url:
                raise RuntimeError("start() the proxy before taking it down")
            if down == self._down or self._closed:
                return
            if not down:
                self._listener = _Listener(self._port, self._accept)  # OSError if the port was taken meanwhile
                self._down = False
                return
            self._down = True
            listener, self._listener = self._listener, None
            connections = list(self._connections)
        if listener is not None:
            listener.stop()
        for connection in connections:
            connection.kill()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            listener, self._listener = self._listener, None
            connections = list(self._connections)
        if listener is not None:
            listener.stop()
        for connection in connections:
            connection.kill()
        for connection in connections:
            if connection.thread is not None:
                connection.thread.join(_JOIN_S)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _accept(self, client: socket.socket) -> None:
        connection = _Connection(client)
        with self._lock:
            try:
                client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:  # already reset by the client
                client.close()
                return
            if self._closed or self._down:
                client.close()
                return
            self._connections.add(connection)
            connection.thread = threading.Thread(target=self._serve, args=(connection,),
                                                 name=f"fault-proxy-{self._port}-connection", daemon=True)
        connection.thread.start()
        self._count("connections")

    def _count(self, kind: str) -> None:
        with self._changed:
            self._counts[kind] += 1
            self._changed.notify_all()

    def _decide(self, request: Request) -> tuple[str | None, float]:
        with self._lock:
            plan = self._plan
            if not plan.applies_to(request.method, request.path):
                return None, plan.hold_s
            return plan.pick(self._rng.random()), plan.hold_s

    def _serve(self, connection: _Connection) -> None:
        client = MessageStream(connection.client, "client")
        try:
            while True:
                try:
                    request = read_request(client)
                except HttpFramingError as exc:
                    connection.client.sendall(error_answer(exc.status, "bad_request", f"fault proxy: {exc}",
                                                           keep_alive=False))
                    return
                if request is None or not self._handle(connection, request):
                    return
        except (OSError, HttpFramingError):
            return  # a socket was shut down or the backend broke the framing: the connection ends
        finally:
            connection.close()
            with self._lock:
                self._connections.discard(connection)

    def _handle(self, connection: _Connection, request: Request) -> bool:
        """Forward or fault one request; whether the client connection stays open."""
        kind, hold_s = self._decide(request)
        if kind == "drop_before":
            self._count(kind)
            return False
        if kind == "error_500":
            self._count(kind)
            connection.client.sendall(error_answer(500, "internal_error", "fault proxy: injected 500",
                                                   request.keep_alive))
            return request.keep_alive
        upstream = self._upstream_stream(connection)
        upstream.sock.sendall(request.head.raw + request.body)
        sink = connection.client.sendall if kind is None else discard
        keep = relay_answer(upstream, request, sink)
        if kind is None:
            self._count("forwarded")
            return keep
        self._count(kind)
        if kind == "timeout":
            connection.killed.wait(hold_s)
        return False

    def _upstream_stream(self, connection: _Connection) -> MessageStream:
        """The connection's backend stream; a new one when the backend closed the idle one."""
        sock, stream = connection.upstream, connection.upstream_stream
        if sock is not None and stream is not None and not stream.buf and _idle_and_open(sock):
            return stream
        if sock is not None:
            with connection.lock:
                connection.upstream = connection.upstream_stream = None
            sock.close()
        sock = socket.create_connection(self._upstream)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        stream = MessageStream(sock, "backend")
        with connection.lock:
            if connection.killed.is_set():
                sock.close()
                raise ConnectionAbortedError("the proxy closed this connection")
            connection.upstream, connection.upstream_stream = sock, stream
        return stream


def _idle_and_open(sock: socket.socket) -> bool:
    """An idle backend connection is still usable: nothing to read (its close, or stray bytes, would be)."""
    try:
        sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False
