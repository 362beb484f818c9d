"""The reference backend's media catalogue: the body of ``GET /v1/media/catalogue``.

Demo content (invented names, generated audio from media_files), in English, German and
Chinese like the head unit's languages. Item ids are also the audio files' ids, and every
``stream_url`` is an absolute, signed URL for the vehicle that asked (see signing).
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import urlsplit

from headunit.backend.media_files import duration_s
from headunit.backend.signing import UrlSigner

FILES_PATH = "/v1/media/files/"
FILE_ID = re.compile(r"[a-z0-9-]{1,40}")
DEFAULT_TTL_S = 6 * 3600

# (id, name, genre)
STATIONS = (
    ("st-1", "Helsinki Jazz", "jazz"),
    ("st-2", "Klassik am Morgen", "classical"),
    ("st-3", "Neon Highway", "electronic"),
    ("st-4", "山水古韵", "traditional"),
    ("st-5", "Nordlicht Ambient", "ambient"),
    ("st-6", "Landstraße Rock", "rock"),
)
# (id, name, ((track id, title, artist), ...))
PLAYLISTS = (
    ("pl-1", "Morning drive", (
        ("tr-1", "First Light on Ring III", "The Coastal Commuters"),
        ("tr-2", "Coffee at Kamppi", "Aino Virta"),
        ("tr-3", "Green Wave", "Signal & Noise"),
    )),
    ("pl-2", "Sonntagsausflug", (
        ("tr-4", "Über die Brücke", "Die Fahrradkette"),
        ("tr-5", "Fahrtwind", "Jürgen Böhm Trio"),
        ("tr-6", "Rastplatz-Walzer", "Käthe & die Kilometer"),
    )),
    ("pl-3", "夜间驾驶", (
        ("tr-7", "星光公路", "林小雨"),
        ("tr-8", "雨夜霓虹", "城市回声"),
        ("tr-9", "Last Exit Before Dawn", "周明 & The Night Shift"),
    )),
)
# (id, title, publisher, ((episode id, title, published), ...))
PODCASTS = (
    ("pc-1", "Range & Roads", "Open Road Audio", (
        ("ep-1", "Winter range: what the cold does to a battery", "2026-10-05"),
        ("ep-2", "Charging etiquette at busy stations", "2026-11-01"),
    )),
    ("pc-2", "Unterwegs mit Strom", "Südwind Audio", (
        ("ep-3", "Folge 1: Laden an der Autobahn", "2026-09-20"),
        ("ep-4", "Folge 2: Wärmepumpe – wozu?", "2026-10-25"),
    )),
)
MEDIA_IDS: tuple[str, ...] = (
    tuple(s[0] for s in STATIONS)
    + tuple(t[0] for p in PLAYLISTS for t in p[2])
    + tuple(e[0] for p in PODCASTS for e in p[3])
)


def stream_path(file_id: str) -> str:
    """The server-relative path a file is served at (what the signature covers)."""
    return FILES_PATH + file_id


def build_catalogue(base_url: str, vin: str, signer: UrlSigner, now: float,
                    ttl_s: int = DEFAULT_TTL_S) -> dict[str, Any]:
    """The catalogue JSON object; its stream URLs work for ttl_s seconds from now."""
    parts = urlsplit(base_url) if isinstance(base_url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"base_url must be an absolute http(s) URL without query or fragment, got {base_url!r}")
    if isinstance(ttl_s, bool) or not isinstance(ttl_s, int) or ttl_s <= 0:
        raise ValueError(f"ttl_s must be a positive int (seconds), got {ttl_s!r}")
    if isinstance(now, bool) or not isinstance(now, (int, float)) or not math.isfinite(now):
        raise ValueError(f"now must be a finite number (unix seconds), got {now!r}")
    root = base_url.rstrip("/")
    expires_at = math.floor(now) + ttl_s

    def url(file_id: str) -> str:
        path = stream_path(file_id)
        return f"{root}{path}?{signer.sign_query(path, vin, expires_at)}"

    return {
        "stations": [{"id": sid, "name": name, "genre": genre, "stream_url": url(sid)}
                     for sid, name, genre in STATIONS],
        "playlists": [{"id": pid, "name": name, "tracks": [
            {"id": tid, "title": title, "artist": artist, "duration_s": duration_s(tid), "stream_url": url(tid)}
            for tid, title, artist in tracks]}
            for pid, name, tracks in PLAYLISTS],
        "podcasts": [{"id": cid, "title": title, "publisher": publisher, "episodes": [
            {"id": eid, "title": etitle, "duration_s": duration_s(eid), "published": published,
             "stream_url": url(eid)}
            for eid, etitle, published in episodes]}
            for cid, title, publisher, episodes in PODCASTS],
    }
