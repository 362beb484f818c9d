"""The backend's media catalogue as the radio lists show it, and when a stream URL expires.

Each section is one flat list of playable items: stations; the tracks of every playlist
(grouped under the playlist's name); the episodes of every podcast (grouped under its
title). Stream URLs are signed and carry their expiry (``exp``, Unix seconds, in the
query); a URL without one is taken never to expire.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qs, urlsplit

from headunit.core.backend.models import Catalogue

SECTIONS = ("stations", "playlists", "podcasts")
KINDS = {"stations": "station", "playlists": "track", "podcasts": "episode"}
_MAX_EXP = 9_999_999_999


@dataclass(frozen=True)
class RadioItem:
    """One row: a station, a playlist's track or a podcast's episode."""

    id: str
    kind: str  # "station" | "track" | "episode"
    title: str
    artist: str  # a track's artist, an episode's publisher; "" for a station
    group: str  # the playlist's name or the podcast's title; "" for a station
    genre: str  # a station's genre; "" otherwise
    duration_s: float | None  # None: a live station
    published: date | None
    stream_url: str


def check_section(section: str) -> str:
    if section not in SECTIONS:
        raise ValueError(f"unknown radio section {section!r}; expected one of {', '.join(SECTIONS)}")
    return section


def section_items(catalogue: Catalogue, section: str) -> tuple[RadioItem, ...]:
    """Every item of a section, in the catalogue's order."""
    if check_section(section) == "stations":
        return tuple(RadioItem(s.id, "station", s.name, "", "", s.genre, None, None, s.stream_url)
                     for s in catalogue.stations)
    if section == "playlists":
        return tuple(RadioItem(t.id, "track", t.title, t.artist, p.name, "", t.duration_s, None, t.stream_url)
                     for p in catalogue.playlists for t in p.tracks)
    return tuple(RadioItem(e.id, "episode", e.title, p.publisher, p.title, "", e.duration_s, e.published,
                           e.stream_url)
                 for p in catalogue.podcasts for e in p.episodes)


def find_item(catalogue: Catalogue, section: str, item: RadioItem) -> RadioItem | None:
    """``item`` as a newer catalogue has it (same id and group), or None if it is gone."""
    for candidate in section_items(catalogue, section):
        if (candidate.id, candidate.group) == (item.id, item.group):
            return candidate
    return None


def url_expiry(url: str) -> int | None:
    """The Unix time a signed URL stops working (its ``exp``), or None if it has none.

    An ``exp`` that is not one canonical number counts as already expired (0): such a
    URL cannot be trusted to work, so it is fetched anew before playing.
    """
    values = parse_qs(urlsplit(url).query, keep_blank_values=True).get("exp")
    if values is None:
        return None
    text = values[0]
    if len(values) != 1 or not text.isascii() or not text.isdigit() or text.startswith("0"):
        return 0
    value = int(text)
    return value if value <= _MAX_EXP else 0


def url_expired(url: str, now: float, margin_s: float) -> bool:
    """True when the URL stops working within ``margin_s`` seconds of ``now``."""
    if not math.isfinite(now) or margin_s < 0:
        raise ValueError(f"now must be finite and margin_s >= 0, got {now!r}, {margin_s!r}")
    expiry = url_expiry(url)
    return expiry is not None and expiry <= now + margin_s
