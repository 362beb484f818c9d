"""core.radio: the catalogue as flat radio lists, and when a signed stream URL expires."""

from __future__ import annotations

from datetime import date

import pytest

from headunit.core.backend.parse import parse_catalogue
from headunit.core.radio import find_item, section_items, url_expired, url_expiry
from tests.core.backend import samples

CATALOGUE = {
    **samples.CATALOGUE,
    "playlists": samples.CATALOGUE["playlists"] + [{"id": "pl-2", "name": "Evening", "tracks": [
        {"id": "tr-2", "title": "Dusk", "artist": "Other Band", "duration_s": 12.5,
         "stream_url": "http://127.0.0.1:8765/v1/media/files/f4?exp=1795000000&sig=jkl"}]}],
}


def test_each_section_is_one_flat_list_of_playable_items_grouped_under_their_list() -> None:
    catalogue = parse_catalogue(CATALOGUE)
    [station] = section_items(catalogue, "stations")
    assert (station.kind, station.title, station.genre, station.group, station.duration_s) == (
        "station", "Helsinki Jazz", "jazz", "", None)
    tracks = section_items(catalogue, "playlists")
    assert [(t.kind, t.title, t.artist, t.group, t.duration_s) for t in tracks] == [
        ("track", "Sunrise", "Demo Band", "Morning drive", 30.0), ("track", "Dusk", "Other Band", "Evening", 12.5)]
    [episode] = section_items(catalogue, "podcasts")
    assert (episode.kind, episode.title, episode.artist, episode.group, episode.published) == (
        "episode", "Episode one", "Demo Media", "Road Talk", date(2026, 11, 1))
    assert episode.stream_url.endswith("f3?exp=1795000000&sig=ghi")


def test_an_unknown_section_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="unknown radio section 'videos'"):
        section_items(parse_catalogue(CATALOGUE), "videos")


def test_an_item_is_found_again_in_a_newer_catalogue_by_id_and_list() -> None:
    old = parse_catalogue(CATALOGUE)
    newer = samples.sample(CATALOGUE)
    newer["playlists"][1]["tracks"][0]["stream_url"] = "http://127.0.0.1:8765/v1/media/files/f4?exp=1795009999&sig=x"
    dusk = section_items(old, "playlists")[1]
    assert find_item(parse_catalogue(newer), "playlists", dusk).stream_url.endswith("exp=1795009999&sig=x")
    del newer["playlists"][1]
    assert find_item(parse_catalogue(newer), "playlists", dusk) is None


@pytest.mark.parametrize(("url", "expiry"), [
    ("http://h/v1/media/files/a?exp=1795000000&sig=abc", 1795000000),
    ("http://h/v1/media/files/a?sig=abc&exp=42", 42),
    ("http://h/live/stream.mp3", None),  # no expiry: never expires
    ("http://h/a?exp=&sig=abc", 0),  # an expiry that is no number cannot be trusted
    ("http://h/a?exp=017&sig=abc", 0),
    ("http://h/a?exp=1e9&sig=abc", 0),
    ("http://h/a?exp=1&exp=2", 0),
    ("http://h/a?exp=99999999999", 0),
])
def test_the_expiry_is_the_urls_exp(url: str, expiry: int | None) -> None:
    assert url_expiry(url) == expiry


def test_a_url_counts_as_expired_within_the_margin() -> None:
    url = "http://h/v1/media/files/a?exp=1000&sig=abc"
    assert not url_expired(url, 600.0, 300.0)
    assert url_expired(url, 700.0, 300.0)
    assert url_expired(url, 1000.0, 0.0)
    assert not url_expired("http://h/live", 1e12, 300.0)
    with pytest.raises(ValueError, match="margin_s"):
        url_expired(url, 0.0, -1.0)
