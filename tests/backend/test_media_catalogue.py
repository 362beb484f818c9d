"""The catalogue body: the contract's shape, signed absolute stream URLs, localised names."""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest

from headunit.backend.media_catalogue import FILE_ID, MEDIA_IDS, build_catalogue, stream_path
from headunit.backend.media_files import FILE_IDS
from headunit.backend.signing import UrlSigner

BASE = "https://backend.example:8443"
VIN = "WHU5MULATR0000001"
OTHER_VIN = "WHU5MULATR0000002"
NOW = 1_795_250_000.25
TTL = 3600
SIGNER = UrlSigner(bytes(range(100, 132)))

STATION_KEYS = {"id", "name", "genre", "stream_url"}
PLAYLIST_KEYS = {"id", "name", "tracks"}
TRACK_KEYS = {"id", "title", "artist", "duration_s", "stream_url"}
PODCAST_KEYS = {"id", "title", "publisher", "episodes"}
EPISODE_KEYS = {"id", "title", "duration_s", "published", "stream_url"}


@pytest.fixture(scope="module")
def catalogue() -> dict:
    return build_catalogue(BASE, VIN, SIGNER, NOW, ttl_s=TTL)


def playable(cat: dict) -> list[dict]:
    return (cat["stations"] + [t for p in cat["playlists"] for t in p["tracks"]]
            + [e for p in cat["podcasts"] for e in p["episodes"]])


def all_ids(cat: dict) -> list[str]:
    return [group["id"] for group in cat["playlists"] + cat["podcasts"]] + [item["id"] for item in playable(cat)]


def test_the_contracts_shape_and_nothing_else(catalogue):
    assert set(catalogue) == {"stations", "playlists", "podcasts"}
    assert 5 <= len(catalogue["stations"]) <= 8
    assert 2 <= len(catalogue["playlists"]) <= 4
    assert 2 <= len(catalogue["podcasts"]) <= 3
    for station in catalogue["stations"]:
        assert set(station) == STATION_KEYS
        assert all(isinstance(station[k], str) and station[k] for k in STATION_KEYS)
    for playlist in catalogue["playlists"]:
        assert set(playlist) == PLAYLIST_KEYS and 3 <= len(playlist["tracks"]) <= 5
        for track in playlist["tracks"]:
            assert set(track) == TRACK_KEYS
            assert all(isinstance(track[k], str) and track[k] for k in TRACK_KEYS - {"duration_s"})
            assert type(track["duration_s"]) is float
    for podcast in catalogue["podcasts"]:
        assert set(podcast) == PODCAST_KEYS and 2 <= len(podcast["episodes"]) <= 3
        for episode in podcast["episodes"]:
            assert set(episode) == EPISODE_KEYS
            assert all(isinstance(episode[k], str) and episode[k] for k in EPISODE_KEYS - {"duration_s"})
            assert type(episode["duration_s"]) is float


def test_ids_are_unique_and_safe_and_media_ids_are_the_files(catalogue):
    ids = all_ids(catalogue)
    assert len(ids) == len(set(ids))
    assert all(FILE_ID.fullmatch(i) and re.fullmatch(r"[a-z0-9-]{1,40}", i) for i in ids)
    assert list(MEDIA_IDS) == [item["id"] for item in playable(catalogue)]
    assert sorted(MEDIA_IDS) == sorted(FILE_IDS)


def test_published_dates_are_iso_days(catalogue):
    for podcast in catalogue["podcasts"]:
        for episode in podcast["episodes"]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", episode["published"])
            datetime.date.fromisoformat(episode["published"])


def test_every_stream_url_is_absolute_names_its_file_and_verifies(catalogue):
    for item in playable(catalogue):
        url = urlsplit(item["stream_url"])
        assert f"{url.scheme}://{url.netloc}" == BASE
        assert url.path == stream_path(item["id"]) == f"/v1/media/files/{item['id']}"
        assert url.path.rsplit("/", 1)[1] in FILE_IDS
        query = parse_qs(url.query, strict_parsing=True)
        assert sorted(query) == ["exp", "sig"] and all(len(v) == 1 for v in query.values())
        exp, sig = query["exp"][0], query["sig"][0]
        assert int(exp) == int(NOW) + TTL
        assert SIGNER.verify(url.path, exp, sig, NOW)
        assert SIGNER.verify(url.path, exp, sig, NOW + TTL - 1)
        assert not SIGNER.verify(url.path, exp, sig, NOW + TTL)
        assert not UrlSigner(bytes(32)).verify(url.path, exp, sig, NOW)


def test_a_url_is_for_its_own_file_only(catalogue):
    first, second = playable(catalogue)[:2]
    query = parse_qs(urlsplit(first["stream_url"]).query)
    assert not SIGNER.verify(urlsplit(second["stream_url"]).path, query["exp"][0], query["sig"][0], NOW)


def test_urls_are_made_for_the_vehicle_that_asked(catalogue):
    other = build_catalogue(BASE, OTHER_VIN, SIGNER, NOW, ttl_s=TTL)
    for mine, theirs in zip(playable(catalogue), playable(other)):
        assert mine["stream_url"] != theirs["stream_url"]
        url = urlsplit(theirs["stream_url"])
        query = parse_qs(url.query)
        assert SIGNER.verify(url.path, query["exp"][0], query["sig"][0], NOW)
        assert query["sig"][0].startswith(OTHER_VIN + ".")


def test_same_inputs_same_catalogue_and_everything_else_is_the_same_for_every_vehicle(catalogue):
    assert build_catalogue(BASE, VIN, SIGNER, NOW, ttl_s=TTL) == catalogue
    other = build_catalogue(BASE, OTHER_VIN, SIGNER, NOW, ttl_s=TTL)

    def without_urls(cat: dict) -> str:
        return re.sub(r'"stream_url": "[^"]*"', "", json.dumps(cat))

    assert without_urls(other) == without_urls(catalogue)


@pytest.mark.parametrize("base", ["http://127.0.0.1:8000/", "http://127.0.0.1:8000", "https://h.example/api/"])
def test_base_url_with_or_without_a_slash_or_prefix(base):
    cat = build_catalogue(base, VIN, SIGNER, NOW)
    url = cat["stations"][0]["stream_url"]
    assert url.startswith(base.rstrip("/") + "/v1/media/files/st-1?exp=")
    assert "//v1" not in url
    assert int(parse_qs(urlsplit(url).query)["exp"][0]) == int(NOW) + 6 * 3600


def test_names_are_in_english_german_and_chinese_and_survive_json(catalogue):
    text = json.dumps(catalogue, ensure_ascii=False)
    assert json.loads(text) == catalogue
    assert json.loads(json.dumps(catalogue)) == catalogue
    assert re.search(r"[äöüÄÖÜß]", text)
    assert any("CJK UNIFIED IDEOGRAPH" in unicodedata.name(ch, "") for ch in text)
    assert all(unicodedata.is_normalized("NFC", s) for s in re.findall(r'"([^"]*)"', text))
    assert all(len(name) <= 120 for name in re.findall(r'"(?:name|title|artist|publisher)": "([^"]*)"', text))


@pytest.mark.parametrize("kwargs, field", [
    ({"base_url": "127.0.0.1:8000"}, "base_url"),
    ({"base_url": "ftp://h.example"}, "base_url"),
    ({"base_url": "http://"}, "base_url"),
    ({"base_url": "http://h.example/?x=1"}, "base_url"),
    ({"base_url": None}, "base_url"),
    ({"vin": "not a vin"}, "vin"),
    ({"ttl_s": 0}, "ttl_s"),
    ({"ttl_s": 1.5}, "ttl_s"),
    ({"now": float("nan")}, "now"),
    ({"now": "today"}, "now"),
])
def test_bad_arguments_name_what_is_wrong(kwargs, field):
    args = {"base_url": BASE, "vin": VIN, "signer": SIGNER, "now": NOW, "ttl_s": TTL} | kwargs
    with pytest.raises(ValueError, match=field):
        build_catalogue(**args)
