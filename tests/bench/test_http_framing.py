"""The fault proxy's HTTP/1.1 framing: requests and answers are cut where HTTP says, byte for byte."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from headunit.bench.http_framing import (
    MAX_HEAD_BYTES,
    HttpFramingError,
    MessageStream,
    Request,
    error_answer,
    read_request,
    relay_answer,
)

GET = b"GET /v1/pois?limit=5 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n"


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, MessageStream]]:
    """A connected socket pair: write on the first, read framed messages from the second."""
    writer, reader = socket.socketpair()
    writer.settimeout(5)
    reader.settimeout(5)  # a framing bug shows as a timeout, not a hung test
    yield writer, MessageStream(reader, "backend")
    writer.close()
    reader.close()


def feed(sock: socket.socket, data: bytes, close: bool = False) -> threading.Thread:
    """Write ``data`` from a thread (more than a socket buffer holds would block the test)."""
    def write() -> None:
        sock.sendall(data)
        if close:
            sock.shutdown(socket.SHUT_WR)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


def a_request(raw: bytes = GET) -> Request:
    writer, reader = socket.socketpair()
    with writer, reader:
        writer.sendall(raw)
        request = read_request(MessageStream(reader, "client"))
    assert request is not None
    return request


def relayed(pair: tuple[socket.socket, MessageStream], answer: bytes, request: Request | None = None,
            close: bool = False) -> tuple[bytes, bool]:
    writer, stream = pair
    feeding = feed(writer, answer, close)
    out: list[bytes] = []
    try:
        keep = relay_answer(stream, request or a_request(), out.append)
    finally:
        feeding.join(5)
    return b"".join(out), keep


def test_a_request_is_its_head_and_exactly_its_content_length_body():
    first = (b"POST /v1/reservations HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\nIdempotency-Key: k1\r\n\r\n"
             b'{"a": "b"}\n')
    writer, reader = socket.socketpair()
    with writer, reader:
        writer.sendall(first + GET)  # pipelined: the second request must stay in the buffer
        stream = MessageStream(reader, "client")
        post, get = read_request(stream), read_request(stream)
        writer.close()
        end = read_request(stream)
    assert post is not None and get is not None
    assert (post.method, post.path, post.keep_alive) == ("POST", "/v1/reservations", True)
    assert post.head.raw + post.body == first
    assert (get.method, get.path, get.head.raw, get.body) == ("GET", "/v1/pois", GET, b"")
    assert end is None  # closed between requests: no request, no error


@pytest.mark.parametrize(("raw", "status", "words"), [
    (b"POST /v1/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501, "Transfer-Encoding"),
    (b"POST /v1/x HTTP/1.1\r\nContent-Length: twelve\r\n\r\n", 400, "Content-Length"),
    (b"POST /v1/x HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400, "Content-Length"),
    (b"GET /v1/x HTTP/1.1\r\nno colon here\r\n\r\n", 400, "malformed header line"),
    (b"GET /v1/x HTTP/1.1\r\n folded: value\r\n\r\n", 400, "malformed header line"),
    (b"GET /v1/x\r\nHost: h\r\n\r\n", 400, "start line"),
    (b"GET /v1/x HTTP/2.0\r\n\r\n", 505, "HTTP/1.x only"),
    (b"GET /v1/x HTTP/1.1\r\nX: " + b"a" * MAX_HEAD_BYTES + b"\r\n\r\n", 431, "longer than"),
])
def test_requests_the_proxy_cannot_frame_are_refused_with_a_status_and_a_reason(raw, status, words):
    writer, reader = socket.socketpair()
    with writer, reader:
        feeding = feed(writer, raw, close=True)
        with pytest.raises(HttpFramingError, match=words) as caught:
            read_request(MessageStream(reader, "client"))
        reader.shutdown(socket.SHUT_RD)  # a refused request is not read to its end: unblock the writer
        feeding.join(5)
    assert caught.value.status == status


def test_a_request_cut_short_is_an_error_naming_the_missing_bytes():
    writer, reader = socket.socketpair()
    with writer, reader:
        writer.sendall(b"POST /v1/x HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")
        writer.shutdown(socket.SHUT_WR)
        with pytest.raises(HttpFramingError, match="7 bytes short"):
            read_request(MessageStream(reader, "client"))


@pytest.mark.parametrize(("raw", "keep_alive"), [
    (b"GET / HTTP/1.1\r\n\r\n", True),
    (b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", False),
    (b"GET / HTTP/1.0\r\n\r\n", False),
    (b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", True),
])
def test_keep_alive_follows_the_version_and_the_connection_header(raw, keep_alive):
    assert a_request(raw).keep_alive is keep_alive


def test_a_content_length_answer_is_relayed_whole_and_the_next_one_stays_buffered(pair):
    answer = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-type: text/plain\r\n\r\nhello"
    out, keep = relayed(pair, answer + b"HTTP/1.1 204 No Content\r\n\r\n")
    assert (out, keep) == (answer, True)
    assert relayed(pair, b"") == (b"HTTP/1.1 204 No Content\r\n\r\n", True)


def test_a_chunked_answer_is_relayed_byte_for_byte_up_to_its_trailers(pair):
    answer = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
              b"5;ext=1\r\nhello\r\n1A\r\n" + b"z" * 26 + b"\r\n0\r\nX-Checksum: 42\r\n\r\n")
    out, keep = relayed(pair, answer + b"HTTP/1.1 200 OK\r\n")  # the start of the next answer is left alone
    assert (out, keep) == (answer, True)
    assert pair[1].buf == b"HTTP/1.1 200 OK\r\n"


def test_an_answer_without_length_is_relayed_until_the_backend_closes_and_ends_the_connection(pair):
    answer = b"HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\n\r\n" + bytes(range(256)) * 1000
    assert relayed(pair, answer, close=True) == (answer, False)


def test_informational_answers_pass_through_before_the_final_one(pair):
    answer = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}"
    assert relayed(pair, answer) == (answer, True)


def test_a_head_answer_has_no_body_whatever_its_content_length(pair):
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n"
    assert relayed(pair, answer, a_request(b"HEAD /v1/media/files/a HTTP/1.1\r\n\r\n")) == (answer, True)


def test_connection_close_from_either_side_ends_the_connection_after_the_answer(pair):
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
    assert relayed(pair, answer) == (answer, False)
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
    assert relayed(pair, answer, a_request(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")) == (answer, False)


@pytest.mark.parametrize(("answer", "words"), [
    (b"", "without answering"),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", "7 bytes short"),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "bad chunk size"),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXY", "does not end with CRLF"),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab", "bytes short"),
    (b"HTTP/1.1 2000 OK\r\n\r\n", "not three digits"),
])
def test_a_broken_answer_is_an_error_naming_what_is_wrong(pair, answer, words):
    with pytest.raises(HttpFramingError, match=words):
        relayed(pair, answer, close=True)


def test_the_proxys_own_error_answers_have_the_apis_error_shape(pair):
    answer = error_answer(500, "internal_error", "fault proxy: injected 500", keep_alive=True)
    out, keep = relayed(pair, answer)
    head, _, body = out.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 500 Internal Server Error\r\n") and keep
    assert body == b'{"error": {"code": "internal_error", "message": "fault proxy: injected 500"}}'
