"""The media catalogue (bearer token) and its signed stream URLs (no token, Range requests)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from headunit.backend.signing import UrlSigner
from tests.backend.conftest import Api, error_code
from tests.backend_fixture import DEFAULT_VIN, BackendHandle, running_backend


@pytest.fixture(scope="module")
def media_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendHandle]:
    """One backend for the module: the demo audio is written once (about 17 MB)."""
    with running_backend(tmp_path_factory.mktemp("media")) as backend:
        yield backend


def stream_urls(catalogue: dict) -> list[str]:
    urls = [station["stream_url"] for station in catalogue["stations"]]
    urls += [track["stream_url"] for playlist in catalogue["playlists"] for track in playlist["tracks"]]
    urls += [episode["stream_url"] for podcast in catalogue["podcasts"] for episode in podcast["episodes"]]
    return urls


@pytest.fixture(scope="module")
def catalogue(media_backend) -> dict:
    answer = Api(media_backend).get("/v1/media/catalogue")
    assert answer.status_code == 200
    return answer.json()


def test_the_catalogue_needs_a_token(media_backend):
    answer = requests.get(f"{media_backend.url}/v1/media/catalogue", timeout=10)
    assert (answer.status_code, error_code(answer)) == (401, "unauthorized")


def test_every_stream_url_is_an_absolute_signed_file_url(media_backend, catalogue):
    urls = stream_urls(catalogue)
    assert catalogue["stations"] and catalogue["playlists"] and catalogue["podcasts"]
    for url in urls:
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}" == media_backend.url
        assert parts.path.startswith("/v1/media/files/")
        assert set(parse_qs(parts.query)) == {"exp", "sig"}


def test_a_signed_url_plays_without_a_token_and_answers_ranges(media_backend, catalogue):
    url = catalogue["stations"][0]["stream_url"]
    whole = requests.get(url, timeout=30)
    assert whole.status_code == 200
    assert whole.headers["content-type"] == "audio/wav"
    assert whole.content[:4] == b"RIFF" and whole.content[8:12] == b"WAVE"
    assert int(whole.headers["content-length"]) == len(whole.content)
    part = requests.get(url, headers={"Range": "bytes=100-199"}, timeout=30)
    assert part.status_code == 206
    assert part.content == whole.content[100:200]
    assert part.headers["content-range"] == f"bytes 100-199/{len(whole.content)}"


def test_a_tampered_or_moved_signature_is_refused(media_backend, catalogue):
    first, second = stream_urls(catalogue)[:2]
    query = urlsplit(first).query
    tampered = first[:-3] + ("AAA" if not first.endswith("AAA") else "BBB")
    moved = f"{second.split('?')[0]}?{query}"
    for url in (tampered, moved):
        answer = requests.get(url, timeout=10)
        assert (answer.status_code, error_code(answer)) == (403, "bad_signature")


def test_a_signed_url_for_a_file_that_does_not_exist_is_not_found(media_backend):
    with sqlite3.connect(media_backend.db_path) as conn:
        secret = bytes.fromhex(conn.execute("SELECT value FROM meta WHERE key = 'signing_secret'").fetchone()[0])
    path = "/v1/media/files/no-such-file"
    query = UrlSigner(secret).sign_query(path, DEFAULT_VIN, int(media_backend.clock.now()) + 60)
    answer = requests.get(f"{media_backend.url}{path}?{query}", timeout=10)
    assert (answer.status_code, error_code(answer)) == (404, "not_found")


def test_a_url_without_its_signature_is_422(media_backend, catalogue):
    bare = stream_urls(catalogue)[0].split("?")[0]
    answer = requests.get(bare, timeout=10)
    assert (answer.status_code, error_code(answer)) == (422, "validation_failed")


def test_signed_urls_expire_with_the_clock(tmp_path, media_backend):
    with running_backend(tmp_path, media_dir=media_backend.settings.media_path) as backend:
        url = Api(backend).get("/v1/media/catalogue").json()["stations"][0]["stream_url"]
        assert requests.get(url, headers={"Range": "bytes=0-3"}, timeout=10).status_code == 206
        backend.clock.advance(int(parse_qs(urlsplit(url).query)["exp"][0]) - backend.clock.now())
        answer = requests.get(url, headers={"Range": "bytes=0-3"}, timeout=10)
    assert (answer.status_code, error_code(answer)) == (403, "bad_signature")


def test_media_files_live_next_to_the_database_by_default(tmp_path):
    with running_backend(tmp_path / "server") as backend:
        url = Api(backend).get("/v1/media/catalogue").json()["stations"][0]["stream_url"]
        assert requests.get(url, headers={"Range": "bytes=0-3"}, timeout=30).content == b"RIFF"
    media = Path(backend.db_path).parent / "media"
    assert any(media.iterdir())
