"""Library: artists, albums, songs and videos from media_files rows written into a real store."""

from __future__ import annotations

import pytest

from headunit.services.media.catalog import Album, Artist, Library, Track

# (path, kind, title, artist, album, track_no, cover)
ROWS = [
    ("/m/a/3.ogg", "audio", "Gamma", "alpha band", "First", 3, ""),
    ("/m/a/1.ogg", "audio", "beta", "alpha band", "First", 1, "/covers/first-b.png"),
    ("/m/a/2.ogg", "audio", "Alpha", "alpha band", "First", 2, "/covers/first-a.png"),
    ("/m/a/x.ogg", "audio", "Aardvark", "alpha band", "First", None, ""),
    ("/m/b/1.mp3", "audio", "Delta", "Bravo", "Second", 1, ""),
    ("/m/b/2.mp3", "audio", "Echo", "Bravo", "First", 1, "/covers/bravo-first.png"),
    ("/m/u/1.flac", "audio", "Zulu", "", "", None, ""),
    ("/m/u/2.flac", "audio", "Yankee", "", "Loose", 2, ""),
    ("/v/clip.mp4", "video", "Clip", "", "", None, ""),
    ("/v/about.mkv", "video", "about", "", "", None, ""),
]


@pytest.fixture
def library(store) -> Library:
    with store.atomic() as db:
        db["media_files"].insert_all(
            {"path": p, "kind": k, "size": 1, "mtime_ns": 1, "title": t, "artist": a, "album": al, "track_no": n,
             "duration_ms": 1000 * i, "cover": c} for i, (p, k, t, a, al, n, c) in enumerate(ROWS))
    return Library(store)


def test_artists_by_name_ignoring_case_with_the_unknown_artist_last(library):
    assert library.artists() == [Artist("alpha band", 1, 4), Artist("Bravo", 2, 2), Artist("", 2, 2)]
    assert library.artists(limit=2) == [Artist("alpha band", 1, 4), Artist("Bravo", 2, 2)]


def test_albums_are_per_title_and_artist_with_the_cover_of_their_first_track_that_has_one(library):
    assert library.albums() == [
        Album("First", "alpha band", 4, "/covers/first-b.png"),
        Album("First", "Bravo", 1, "/covers/bravo-first.png"),
        Album("Loose", "", 1, ""),
        Album("Second", "Bravo", 1, ""),
        Album("", "", 1, ""),
    ]
    assert library.albums(artist="Bravo") == [Album("First", "Bravo", 1, "/covers/bravo-first.png"),
                                              Album("Second", "Bravo", 1, "")]
    assert [a.title for a in library.albums(artist="")] == ["Loose", ""]
    assert library.albums(limit=1) == [Album("First", "alpha band", 4, "/covers/first-b.png")]


def test_an_album_plays_in_track_order_and_other_song_lists_by_title(library):
    album = library.tracks(artist="alpha band", album="First")
    assert [t.title for t in album] == ["beta", "Alpha", "Gamma", "Aardvark"]  # no track number: last
    assert [t.title for t in library.tracks()] == ["Aardvark", "Alpha", "beta", "Delta", "Echo", "Gamma", "Yankee",
                                                    "Zulu"]
    assert [t.title for t in library.tracks(artist="Bravo")] == ["Delta", "Echo"]
    assert [t.title for t in library.tracks(album="First")] == ["beta", "Echo", "Alpha", "Gamma", "Aardvark"]
    assert [t.title for t in library.tracks(artist="")] == ["Yankee", "Zulu"]
    assert [t.title for t in library.tracks(limit=2)] == ["Aardvark", "Alpha"]
    assert album[0] == Track("/m/a/1.ogg", "beta", "alpha band", "First", 1, 1000, "/covers/first-b.png", "audio")


def test_videos_and_counts(library):
    assert [(v.title, v.kind) for v in library.videos()] == [("about", "video"), ("Clip", "video")]
    assert library.videos(limit=1)[0].path == "/v/about.mkv"
    assert library.counts() == {"tracks": 8, "artists": 3, "albums": 5, "videos": 2}


def test_an_empty_library(store):
    empty = Library(store)
    assert (empty.artists(), empty.albums(), empty.tracks(), empty.videos()) == ([], [], [], [])
    assert empty.counts() == {"tracks": 0, "artists": 0, "albums": 0, "videos": 0}


def test_a_negative_limit_is_refused_by_name(library):
    with pytest.raises(ValueError, match="limit must be None or >= 0, not -3"):
        library.tracks(limit=-3)
