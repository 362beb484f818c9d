"""TLS is always verified: the trustme CA in backend.ca_bundle makes it work, and
without it the certificate is refused with a TlsError naming the host and the setting."""

from __future__ import annotations

import ssl

import pytest
import trustme

from headunit.services.backend.errors import TlsError

from .scripted_server import ScriptedServer, json_reply


def test_verification_succeeds_with_the_ca_bundle(tls_server, make_transport, ca_file):
    tls_server.add(json_reply({"status": "ok"}))
    response = make_transport(base_url=tls_server.url, ca_bundle=str(ca_file)).request("GET", "/v1/health")
    assert response.body == {"status": "ok"}
    assert tls_server.requests[0].path == "/v1/health"


def test_verification_fails_without_the_ca_bundle(tls_server, make_transport, sleeps):
    tls_server.add(json_reply({"status": "ok"}))
    with pytest.raises(TlsError) as caught:
        make_transport(base_url=tls_server.url, retries=3).request("GET", "/v1/health")
    message = caught.value.message
    assert message.startswith(f"GET /v1/health: the TLS certificate of {tls_server.url[8:]} could not be verified (")
    assert message.endswith("); set backend.ca_bundle to the CA bundle that signed it")
    assert caught.value.retryable is False
    assert tls_server.requests == [] and sleeps == []  # refused at the handshake, and not retried


def test_verification_fails_with_another_ca(tls_server, make_transport, tmp_path):
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    with pytest.raises(TlsError, match="could not be verified"):
        make_transport(base_url=tls_server.url, ca_bundle=str(other)).request("GET", "/v1/health")


def test_the_host_name_is_checked(trust_ca, make_transport, ca_file):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trust_ca.issue_cert("backend.example").configure_cert(context)  # a good certificate, for another name
    with ScriptedServer(tls=context) as server:
        with pytest.raises(TlsError) as caught:
            make_transport(base_url=server.url, ca_bundle=str(ca_file)).request("GET", "/v1/health")
    assert caught.value.message == (
        f"GET /v1/health: the TLS certificate of {server.url[8:]} is for another name (IP address mismatch, "
        "certificate is not valid for '127.0.0.1'); check the host in backend.url"
    )
