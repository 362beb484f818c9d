"""The client's partner app calls: the catalogue and signed packages, against the real
reference backend, and against a scripted server for answers that break the contract."""

from __future__ import annotations

import base64
import copy
import io
import zipfile
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from headunit.core.backend.models import PACKAGE_MAX_BYTES
from headunit.services.backend.client import BackendClient
from headunit.services.backend.credentials import Credential
from headunit.services.backend.errors import BadResponse, Rejected

from .credential_file import SECRET, VIN
from .scripted_server import Reply, ScriptedServer, json_reply

TOKEN = {"access_token": "tok-abc.def", "token_type": "bearer", "expires_in": 900}
PACKAGE_PATH = "/v1/apps/com.example.radio/package"
GOOD_APP = {"id": "com.example.radio", "version": "2.0.1", "names": {"en": "Radio+", "de": "Radio+"},
            "category": "media", "summary": {"en": "Streams."}, "permissions": ["network", "media.audio"],
            "usable_while_moving": True, "size_bytes": 1200}


@pytest.fixture
def live_client(backend, tmp_path):
    client = backend.client(tmp_path)
    yield client
    client.close()


@pytest.fixture
def scripted(server: ScriptedServer, make_transport):
    server.always("POST", "/v1/auth/token", json_reply(TOKEN))
    return BackendClient(make_transport(retries=0), Credential(VIN, SECRET), clock=lambda: 0.0)


def test_the_catalogue_from_the_reference_backend(live_client):
    apps = {app.id: app for app in live_client.app_catalogue()}
    assert sorted(apps) == ["com.example.cliptv", "com.example.tunecloud"]
    tune = apps["com.example.tunecloud"]
    assert (tune.version, tune.category, tune.permissions, tune.usable_while_moving) == (
        "1.2.0", "media", ("network", "media.audio"), True)
    assert (tune.name_for("zh_CN"), tune.name_for("de_AT"), tune.name_for("fr")) == ("音云", "TuneCloud", "TuneCloud")
    assert tune.summary_for("en") and apps["com.example.cliptv"].usable_while_moving is False


def test_a_package_and_its_signature_from_the_reference_backend(backend, live_client):
    public = (backend.db_path.parent / "package-signing.pub").read_text().strip()
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(public))
    for app in live_client.app_catalogue():
        body, signature = live_client.app_package(app.id)
        assert len(body) == app.size_bytes and signature is not None
        key.verify(signature, body)
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            assert "manifest.json" in archive.namelist()


def test_an_unknown_app_is_rejected_by_the_backend(live_client):
    with pytest.raises(Rejected) as caught:
        live_client.app_package("com.example.missing")
    assert (caught.value.status, caught.value.code) == (404, "not_found")


@pytest.mark.parametrize("app_id", ["../apps", "com.example/../x", "com.example.radio?x=1", "Com.Example", "radio",
                                    "com.example.radio#", "", "com." + "a" * 100, 42])
def test_an_app_id_that_is_not_one_never_reaches_the_network(scripted, server, app_id):
    with pytest.raises(ValueError, match="an app id looks like com.example.radio"):
        scripted.app_package(app_id)
    assert server.requests == []


def broken(change) -> dict[str, Any]:
    app = copy.deepcopy(GOOD_APP)
    change(app)
    return {"apps": [app]}


@pytest.mark.parametrize(("answer", "message"), [
    ([], "response: expected an object, got a list of 0"),
    ({"app": []}, "apps: missing (required)"),
    (broken(lambda a: a.pop("names")), "apps[0].names: missing (required)"),
    (broken(lambda a: a.update(names={"de": "Radio"})), 'apps[0].names: expected an object of language code'),
    (broken(lambda a: a.update(names={"en": "Radio", "de": 5})), "apps[0].names.de: expected a text"),
    (broken(lambda a: a.update(names={"en": "Radio", "english": "x"})), "apps[0].names: expected language codes"),
    (broken(lambda a: a.update(summary="Streams")), "apps[0].summary: expected an object, got"),
    (broken(lambda a: a.update(id="../etc")), "apps[0].id: expected an app id like com.example.radio"),
    (broken(lambda a: a.update(version="")), "apps[0].version: expected a text of 1 to 32"),
    (broken(lambda a: a.update(permissions="network")), "apps[0].permissions: expected a list"),
    (broken(lambda a: a.update(permissions=["network", "network"])), "apps[0].permissions: expected each"),
    (broken(lambda a: a.update(permissions=["Network!"])), "apps[0].permissions[0]: expected a permission"),
    (broken(lambda a: a.update(usable_while_moving="yes")), "apps[0].usable_while_moving: expected true or false"),
    (broken(lambda a: a.update(size_bytes=0)), "apps[0].size_bytes: expected an integer >= 1"),
    (broken(lambda a: a.update(category=None)), "apps[0].category: expected a category like media"),
    ({"apps": [GOOD_APP, GOOD_APP]}, "apps[1].id: expected an id not listed before"),
])
def test_a_malformed_catalogue_is_a_bad_response_naming_the_field(scripted, server, answer, message):
    server.always("GET", "/v1/apps", json_reply(answer))
    with pytest.raises(BadResponse) as caught:
        scripted.app_catalogue()
    assert caught.value.message.startswith(f"GET /v1/apps: malformed answer: {message}")


def test_a_catalogue_with_words_this_head_unit_does_not_know_is_still_read(scripted, server):
    newer = broken(lambda a: a.update(category="wellness", permissions=["seat.massage"], extra={"x": 1}))
    server.always("GET", "/v1/apps", json_reply(newer))
    (app,) = scripted.app_catalogue()
    assert (app.category, app.permissions) == ("wellness", ("seat.massage",))


def zip_reply(body: bytes, signature: str | None) -> Reply:
    headers = {"Content-Type": "application/zip"}
    if signature is not None:
        headers["X-Package-Signature"] = signature
    return Reply(200, body, headers)


@pytest.mark.parametrize(("header", "expected"), [
    (base64.b64encode(bytes(range(64))).decode(), bytes(range(64))),
    (None, None),
    ("not base64!", None),
    ("QUJD=extra", None),
])
def test_the_signature_header_is_decoded_or_none(scripted, server, header, expected):
    server.always("GET", PACKAGE_PATH, zip_reply(b"PK\x05\x06" + bytes(18), header))
    assert scripted.app_package("com.example.radio") == (b"PK\x05\x06" + bytes(18), expected)


def test_packages_may_be_larger_than_json_answers_but_not_larger_than_their_own_cap(scripted, server,
                                                                                     make_transport):
    big = bytes(3_000_000)  # more than the 2 MB every JSON answer is held to
    server.always("GET", PACKAGE_PATH, zip_reply(big, "AAAA"))
    assert scripted.app_package("com.example.radio")[0] == big
    server.always("GET", "/v1/apps", Reply(200, b'{"apps": []}' + b" " * 2_100_000,
                                           {"Content-Type": "application/json"}))
    with pytest.raises(BadResponse, match="too large"):
        scripted.app_catalogue()
    server.always("GET", PACKAGE_PATH, zip_reply(bytes(PACKAGE_MAX_BYTES + 1), "AAAA"))
    with pytest.raises(BadResponse, match=f"GET {PACKAGE_PATH}: the answer is too large"):
        scripted.app_package("com.example.radio")


def test_a_package_answer_of_another_type_is_a_bad_response(scripted, server):
    server.always("GET", PACKAGE_PATH, json_reply({"zip": "no"}))
    with pytest.raises(BadResponse, match=f"GET {PACKAGE_PATH}: the backend answered application/json, "
                                          "not application/zip"):
        scripted.app_package("com.example.radio")
    assert server.requests[-1].headers["accept"] == "application/zip"


@pytest.mark.parametrize(("options", "problem"), [
    ({"accept": "zip"}, "accept must be one media type"),
    ({"accept": "application/zip, */*"}, "accept must be one media type"),
    ({"max_body_bytes": 0}, "max_body_bytes must be a positive integer"),
    ({"max_body_bytes": True}, "max_body_bytes must be a positive integer"),
])
def test_the_transport_refuses_a_binary_request_it_could_not_check(make_transport, server, options, problem):
    with pytest.raises(ValueError, match=problem):
        make_transport().request("GET", PACKAGE_PATH, **options)
    assert server.requests == []
