#!/usr/bin/env python3
"""Generate the sample music library bundled with the head unit (dev machine only).

    .venv/bin/python scripts/make_music_assets.py [--out headunit/assets/media/music]

Python synthesises every note (short melodies of this project's own, a plucked tone
over a soft bass line), ffmpeg encodes them (Ogg Vorbis, MP3, FLAC, low bitrates),
mutagen writes the tags (title, artist, album, track number) and embeds a cover that
this script draws itself (a 128x128 PNG written byte by byte with zlib). One album
has no cover, so the head unit's placeholder shows too.

The output is deterministic (no random numbers, ffmpeg's bitexact flags, fixed Ogg
serial numbers): a file whose bytes did not change is not rewritten, so running the
script again leaves git clean. The head unit never runs ffmpeg; it only reads the result.
"""

from __future__ import annotations

import argparse
import array
import base64
import math
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from mutagen.flac import FLAC, Picture
from mutagen.id3 import APIC, ID3, TALB, TIT2, TPE1, TRCK
from mutagen.oggvorbis import OggVorbis

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "headunit" / "assets" / "media" / "music"
MAX_BYTES = 400_000
RATE = 22_050
COVER_SIZE = 128

README = """These sample songs and their covers were made by the head-unit project itself with
scripts/make_music_assets.py: the melodies are our own notes, synthesised in Python and
encoded with ffmpeg; the covers are drawn by the same script. No third-party music,
recordings or artwork: they may be shipped and changed freely with the head unit.
The artists and albums are invented. Regenerate with
    .venv/bin/python scripts/make_music_assets.py
"""


@dataclass(frozen=True)
class Song:
    path: str  # relative to the music folder; the suffix picks the format
    title: str
    artist: str
    album: str
    track_no: int
    melody: tuple[int, ...]  # semitones above the key's root; -99 is a rest
    key_hz: float
    beat_s: float
    cover: str  # a name in COVERS, or "" for none


# Six songs, three artists, three albums; "Small Hours" has no cover.
SONGS = (
    Song("harbour-lights/northern-coast/01-tidewater.ogg", "Tidewater", "Harbour Lights", "Northern Coast", 1,
         (0, 4, 7, 12, 11, 7, 4, 5, 9, 12, 9, 5, 4, -99, 2, 4, 7, 4, 2, 0, -99, 7, 0, -99), 220.0, 0.34, "coast"),
    Song("harbour-lights/northern-coast/02-lighthouse-keeper.mp3", "Lighthouse Keeper", "Harbour Lights",
         "Northern Coast", 2,
         (7, 7, 9, 7, 12, 11, -99, 7, 7, 9, 7, 14, 12, -99, 7, 19, 16, 12, 11, 9, -99, 17, 16, 12), 196.0, 0.3,
         "coast"),
    Song("harbour-lights/northern-coast/03-salt-wind.flac", "Salt Wind", "Harbour Lights", "Northern Coast", 3,
         (0, 3, 7, 10, 7, 3, 5, 8, 12, 8, 5, 2, 7, 11, 14, 11, 7, 0), 174.6, 0.36, "coast"),
    Song("the-quiet-gears/night-drive/01-overpass.mp3", "Overpass", "The Quiet Gears", "Night Drive", 1,
         (0, 0, 3, 5, -99, 5, 7, 10, 7, 5, 3, 0, -2, 0, 3, -99, 0, 0, 3, 5, 7, 5, 3, 0), 146.8, 0.32, "night"),
    Song("the-quiet-gears/night-drive/02-sodium-lamps.ogg", "Sodium Lamps", "The Quiet Gears", "Night Drive", 2,
         (12, 10, 7, 10, 12, 15, 12, 10, 7, 5, 7, -99, 3, 5, 7, 10, 7, 5, 3, 0, -99, 0), 164.8, 0.38, "night"),
    Song("mira-sol/small-hours/01-kettle-song.ogg", "Kettle Song", "Mira Sol", "Small Hours", 1,
         (0, 2, 4, 0, 4, 5, 7, -99, 7, 9, 7, 5, 4, 0, 2, -99, -5, 0), 261.6, 0.42, ""),
)


# --- sound -----------------------------------------------------------------------------

def _pluck(freq: float, seconds: float, loud: float) -> list[float]:
    """A plucked note: a few harmonics under a fast attack and an exponential decay."""
    n = int(seconds * RATE)
    out = []
    for i in range(n):
        t = i / RATE
        env = min(1.0, t / 0.01) * math.exp(-3.2 * t / seconds)
        wave = (math.sin(2 * math.pi * freq * t) + 0.35 * math.sin(4 * math.pi * freq * t)
                + 0.12 * math.sin(6 * math.pi * freq * t))
        out.append(loud * env * wave)
    return out


def synthesise(song: Song) -> bytes:
    """The song as 16-bit mono PCM: the melody, and a bass note on the root every four beats."""
    total = int(len(song.melody) * song.beat_s * RATE) + RATE // 2
    mix = [0.0] * total
    for beat, step in enumerate(song.melody):
        start = int(beat * song.beat_s * RATE)
        if step != -99:
            note = _pluck(song.key_hz * 2 ** (step / 12), song.beat_s * 1.6, 0.32)
            for i, v in enumerate(note[: total - start]):
                mix[start + i] += v
        if beat % 4 == 0:
            bass = _pluck(song.key_hz / 2, song.beat_s * 4, 0.22)
            for i, v in enumerate(bass[: total - start]):
                mix[start + i] += v
    pcm = array.array("h", (max(-32767, min(32767, round(v * 32767))) for v in mix))
    if sys.byteorder != "little":
        pcm.byteswap()
    return pcm.tobytes()


_CODECS = {
    ".ogg": ["-c:a", "libvorbis", "-q:a", "0"],
    ".mp3": ["-c:a", "libmp3lame", "-b:a", "32k", "-id3v2_version", "0", "-write_id3v1", "0"],
    ".flac": ["-c:a", "flac", "-compression_level", "12", "-ar", "11025"],
}


def encode(ffmpeg: str, pcm: bytes, target: Path) -> None:
    command = [ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
               "-f", "s16le", "-ar", str(RATE), "-ac", "1", "-i", "pipe:0",
               *_CODECS[target.suffix], "-map_metadata", "-1",
               "-fflags", "+bitexact", "-flags:a", "+bitexact", str(target)]
    subprocess.run(command, input=pcm, check=True)


# --- covers ----------------------------------------------------------------------------

def _png(width: int, height: int, pixel) -> bytes:  # noqa: ANN001 - (x, y) -> (r, g, b)
    """An 8-bit RGB PNG, written by hand: signature, IHDR, one zlib IDAT, IEND."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(pixel(x, y))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
            + chunk(b"IEND", b""))


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(p + (q - p) * t) for p, q in zip(a, b, strict=True))  # type: ignore[return-value]


def _coast(x: int, y: int) -> tuple[int, int, int]:
    """A sun over the sea, the horizon at two thirds."""
    s = COVER_SIZE
    if y < s * 2 // 3:
        if (x - s * 0.68) ** 2 + (y - s * 0.4) ** 2 < (s * 0.16) ** 2:
            return (255, 214, 102)
        return _mix((247, 160, 114), (120, 180, 230), y / (s * 2 / 3))
    wave = (y + round(3 * math.sin(x / 6))) % 8 < 2
    return (196, 226, 245) if wave else _mix((38, 110, 170), (14, 52, 96), (y - s * 2 / 3) / (s / 3))


def _night(x: int, y: int) -> tuple[int, int, int]:
    """Street lamps along a road at night: orange discs over a dark gradient, a white centre line."""
    s = COVER_SIZE
    for i in range(4):
        cx, cy, r = s * (0.18 + 0.22 * i), s * (0.22 + 0.08 * i), s * (0.07 - 0.01 * i)
        if (x - cx) ** 2 + (y - cy) ** 2 < r**2:
            return (255, 170, 60)
    if y > s * 0.62:
        if abs(x - s / 2) < 2 + (y - s * 0.62) * 0.06 and (y // 6) % 2 == 0:
            return (235, 235, 220)
        return _mix((52, 52, 62), (28, 28, 34), (y - s * 0.62) / (s * 0.38))
    return _mix((12, 16, 40), (54, 36, 86), y / (s * 0.62))


COVERS = {"coast": _coast, "night": _night}


def _picture(data: bytes) -> Picture:
    picture = Picture()
    picture.type = 3  # front cover
    picture.mime = "image/png"
    picture.desc = "Cover"
    picture.width = picture.height = COVER_SIZE
    picture.depth = 24
    picture.data = data
    return picture


def tag(target: Path, song: Song, cover: bytes | None) -> None:
    if target.suffix == ".mp3":
        tags = ID3()
        tags.add(TIT2(encoding=3, text=song.title))
        tags.add(TPE1(encoding=3, text=song.artist))
        tags.add(TALB(encoding=3, text=song.album))
        tags.add(TRCK(encoding=3, text=str(song.track_no)))
        if cover is not None:
            tags.add(APIC(encoding=3, mime="image/png", type=3, desc="Cover", data=cover))
        tags.save(target, v2_version=4, padding=lambda info: 0)
        return
    audio = OggVorbis(target) if target.suffix == ".ogg" else FLAC(target)
    audio["title"], audio["artist"], audio["album"] = song.title, song.artist, song.album
    audio["tracknumber"] = str(song.track_no)
    if cover is not None:
        if isinstance(audio, FLAC):
            audio.add_picture(_picture(cover))
        else:
            audio["metadata_block_picture"] = base64.b64encode(_picture(cover).write()).decode("ascii")
    audio.save(padding=lambda info: 0)


# --- main ------------------------------------------------------------------------------

def build(ffmpeg: str, out: Path) -> list[tuple[Path, int, bool]]:
    """Write every song into out; returns (path, size, rewritten) per file."""
    covers = {name: _png(COVER_SIZE, COVER_SIZE, draw) for name, draw in COVERS.items()}
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for song in SONGS:
            fresh = Path(scratch) / Path(song.path).name
            encode(ffmpeg, synthesise(song), fresh)
            tag(fresh, song, covers.get(song.cover))
            target = out / song.path
            data = fresh.read_bytes()
            rewrite = not target.is_file() or target.read_bytes() != data
            if rewrite:
                target.parent.mkdir(parents=True, exist_ok=True)
                partial = target.with_name(target.name + ".part")
                partial.write_bytes(data)
                partial.replace(target)
            results.append((target, len(data), rewrite))
    readme = out / "README.txt"
    if not readme.is_file() or readme.read_text(encoding="utf-8") != README:
        readme.write_text(README, encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        print("make_music_assets: ffmpeg not found (a dev-machine tool: apt-get install ffmpeg)", file=sys.stderr)
        return 1
    results = build(ffmpeg, args.out)
    total = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    for path, size, rewritten in results:
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{shown}: {size} bytes{'' if rewritten else ' (unchanged)'}")
    print(f"{args.out}: {total} bytes in all")
    if total > MAX_BYTES:
        print(f"make_music_assets: {total} bytes is over the {MAX_BYTES}-byte budget", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
