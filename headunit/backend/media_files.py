"""The reference backend's demo audio files on disk (rendered by media_synth.py).

Files are written once, atomically, into the media directory (0700; files 0600) and
kept while a manifest records that they were made from the current recipe and their
SHA-256 still matches; a missing, truncated or stale file is rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .media_synth import AUDIO, FILE_IDS, GENERATOR_VERSION, RATE, clear_caches, duration_s, wav_bytes

__all__ = ["AUDIO", "FILE_IDS", "MANIFEST", "RATE", "duration_s", "ensure_media_files"]

MANIFEST = ".manifest.json"


def _recipe_key(file_id: str) -> str:
    audio = AUDIO[file_id]
    return hashlib.sha256(repr((GENERATOR_VERSION, RATE, audio.frames, audio.recipe)).encode()).hexdigest()


def _sha256(path: Path, size: int) -> str | None:
    """The file's SHA-256, or None if it is missing or has the wrong size."""
    try:
        with path.open("rb") as f:
            if os.fstat(f.fileno()).st_size != size:
                return None
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


def _read_manifest(media_dir: Path) -> dict[str, dict[str, str]]:
    """The record of what was written; unreadable counts as empty (everything is rewritten)."""
    try:
        data = json.loads((media_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_atomic(path: Path, data: bytes) -> None:
    """Temp file + rename: a reader sees the old file or the new one, never half of one.

    No fsync: after a power cut a damaged file fails its hash and is written again.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def ensure_media_files(media_dir: Path) -> dict[str, Path]:
    """file_id -> path of its WAV file, writing only files that are missing or damaged.

    A file is kept when the manifest says it was written from the current recipe and its
    SHA-256 still matches; otherwise it is generated again. The directory is made 0700.
    """
    media_dir = Path(media_dir)
    media_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    manifest = _read_manifest(media_dir)
    paths: dict[str, Path] = {}
    changed = False
    try:
        for file_id, audio in AUDIO.items():
            path = media_dir / f"{file_id}.wav"
            key = _recipe_key(file_id)
            entry = manifest.get(file_id)
            size = 44 + 2 * audio.frames
            if not (isinstance(entry, dict) and entry.get("recipe") == key
                    and _sha256(path, size) == entry.get("sha256")):
                data = wav_bytes(file_id)
                clear_caches(per_file_only=True)  # tens of MB of notes and chords: keep one file's at a time
                _write_atomic(path, data)
                manifest[file_id] = {"recipe": key, "sha256": hashlib.sha256(data).hexdigest()}
                changed = True
            paths[file_id] = path
    finally:
        clear_caches()
    if changed:
        _write_atomic(media_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
    return paths
