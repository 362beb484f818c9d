"""The music library scan benchmark (part of `headunit bench media`).

measure_scan() builds a library of ``files`` small audio files in a work folder (copies
of the bundled sample songs, each re-tagged with mutagen under its own title, artist,
album and track number, 20 songs to an album folder), with 1% broken files among them (at least one)
(empty, random bytes, cut off inside the header). It scans the library into a fresh
Store, then scans it again unchanged. The floor, measured in the same run over the same
files, is what any scanner has to do at least: list the folders, stat every file and
read its first 4 KB.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path
from typing import Any

import mutagen

from headunit.services.media.library import AUDIO_EXTENSIONS, bundled_music_dir, scan_library
from headunit.services.store import Store

TARGET_TRACKS_PER_S = 500
SONGS_PER_ALBUM = 20
ALBUMS_PER_ARTIST = 5
BROKEN_SHARE = 0.01
FLOOR_READ = 4096


def _samples() -> list[Path]:
    samples = sorted(p for p in bundled_music_dir().rglob("*") if p.suffix.lower() in AUDIO_EXTENSIONS)
    if not samples:
        raise RuntimeError(f"no sample songs in {bundled_music_dir()} (run scripts/make_music_assets.py)")
    return samples


def _broken(path: Path, sample: Path, which: int, rng: random.Random) -> None:
    """One of three kinds of broken file, in turn: empty, random bytes, a cut-off header."""
    if which % 3 == 0:
        path.write_bytes(b"")
    elif which % 3 == 1:
        path.write_bytes(rng.randbytes(3000))
    else:
        path.write_bytes(sample.read_bytes()[:120])


def build_library(root: Path, files: int, seed: int = 7) -> int:
    """Write ``files`` audio files under root; returns how many of them are broken."""
    rng = random.Random(seed)
    samples = _samples()
    to_break = max(1, round(files * BROKEN_SHARE))
    step = max(1, files // to_break)
    broken = 0
    for i in range(files):
        album_no, track_no = divmod(i, SONGS_PER_ALBUM)
        artist_no = album_no // ALBUMS_PER_ARTIST
        sample = samples[i % len(samples)]
        folder = root / f"artist-{artist_no:03d}" / f"album-{album_no:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{track_no + 1:02d}-song-{i:05d}{sample.suffix}"
        if i % step == step - 1 and broken < to_break:
            _broken(target, sample, broken, rng)
            broken += 1
            continue
        shutil.copyfile(sample, target)
        audio = mutagen.File(target, easy=True)
        audio["title"] = f"Song {i:05d}"
        audio["artist"] = f"Artist {artist_no:03d}"
        audio["album"] = f"Album {album_no:04d}"
        audio["tracknumber"] = str(track_no + 1)
        audio.save()
    return broken


def measure_floor(root: Path) -> tuple[int, float]:
    """(files, seconds) to list every folder, stat every file and read its first 4 KB."""
    started = time.perf_counter()
    count = 0
    stack = [str(root)]
    while stack:
        with os.scandir(stack.pop()) as listing:
            for entry in listing:
                if entry.is_dir():
                    stack.append(entry.path)
                    continue
                entry.stat()
                with open(entry.path, "rb") as f:
                    f.read(FLOOR_READ)
                count += 1
    return count, time.perf_counter() - started


def measure_scan(workdir: Path, files: int = 2000) -> dict[str, Any]:
    """Scan ``files`` generated files into a fresh store, then again unchanged; figures as a dict."""
    library = workdir / "library"
    broken = build_library(library, files)
    floor_files, floor_s = measure_floor(library)
    with Store.open(workdir / "store") as store:
        first = scan_library(store, [library], [], workdir / "covers")
        again = scan_library(store, [library], [], workdir / "covers")
    if first.skipped != broken or first.added != files - broken:
        raise RuntimeError(f"the scan found {first.added} songs and skipped {first.skipped}; "
                           f"the library has {files - broken} songs and {broken} broken files")
    per_s = first.scanned / first.seconds
    floor_per_s = floor_files / floor_s
    return {
        "scan_tracks_per_s": round(per_s, 1),
        "scan_target_per_s": TARGET_TRACKS_PER_S,
        "files": first.scanned,
        "added": first.added,
        "skipped": first.skipped,
        "seconds": round(first.seconds, 3),
        "floor_files_per_s": round(floor_per_s, 1),
        "ratio": round(per_s / floor_per_s, 4),
        "rescan_unchanged_files_per_s": round(again.scanned / again.seconds, 1),
        "rescan_unchanged": again.unchanged,
        "rescan_seconds": round(again.seconds, 3),
    }
