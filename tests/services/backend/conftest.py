"""Fixtures: a scripted HTTP server, its HTTPS twin (trustme CA), transports that record sleeps."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from headunit.services.backend.credentials import Credential
from headunit.services.backend.transport import HttpTransport

from .credential_file import SECRET, VIN
from .scripted_server import ScriptedServer

@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as scripted:
        yield scripted


@pytest.fixture(scope="session")
def trust_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(trust_ca: trustme.CA, tmp_path: Path) -> Path:
    path = tmp_path / "ca.pem"
    trust_ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def tls_server(trust_ca: trustme.CA) -> Iterator[ScriptedServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trust_ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    with ScriptedServer(tls=context) as scripted:
        yield scripted


class Sleeps(list):
    """An injected sleep that records the delays instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make_transport(server: ScriptedServer, sleeps: Sleeps):
    def make(**options) -> HttpTransport:
        options.setdefault("connect_timeout_s", 2.0)
        options.setdefault("read_timeout_s", 2.0)
        options.setdefault("sleep", sleeps)
        transport = HttpTransport(options.pop("base_url", server.url), **options)
        made.append(transport)
        return transport

    made: list[HttpTransport] = []
    yield make
    for transport in made:
        transport.close()


@pytest.fixture
def credential() -> Credential:
    return Credential(VIN, SECRET)

