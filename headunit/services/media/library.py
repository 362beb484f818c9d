"""The local media library: scanning music and video folders into the store's media_files.

``scan_library`` walks the configured folders, compares each file's (size, mtime_ns)
with its row so an unchanged file is never opened again, reads tags, duration and the
embedded cover of new or changed files with mutagen, copies each distinct cover once
into the covers folder (named by its SHA-1), forgets the rows of files that are gone,
and writes in batched transactions. A file that cannot be read (unreadable, empty,
truncated, corrupt, not audio at all) is skipped, named with its reason and logged;
it never stops the scan. Runs on a worker thread, never on the GUI thread.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import math
import os
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mutagen
from mutagen.flac import FLAC, Picture
from mutagen.id3 import ID3
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4Tags

from headunit.services.store import Store

log = logging.getLogger("headunit.media")

AUDIO_EXTENSIONS = frozenset({".mp3", ".ogg", ".oga", ".opus", ".flac", ".m4a", ".aac", ".wav"})
VIDEO_EXTENSIONS = frozenset({".mp4", ".webm", ".mkv", ".mov"})
_MP4_VIDEO = frozenset({".mp4", ".mov"})  # video containers mutagen reads (title, duration)
BATCH = 500
_TRUNCATED_SHARE = 0.5  # an MP3 with less than half the bytes its header promises is cut off
_COVER_NAME = re.compile(r"[0-9a-f]{40}\.(?:jpg|png)")
_ASSETS = Path(__file__).resolve().parents[2] / "assets" / "media"


def bundled_music_dir() -> Path:
    """The sample songs shipped with the head unit."""
    return _ASSETS / "music"


def bundled_video_dir() -> Path:
    """The sample video clip shipped with the head unit."""
    return _ASSETS / "video"


@dataclass(frozen=True)
class ScanReport:
    scanned: int  # media files found (added + updated + unchanged + skipped)
    added: int
    updated: int
    removed: int  # rows of files that are gone
    unchanged: int
    skipped: int
    skipped_files: tuple[tuple[str, str], ...]  # (path, reason)
    seconds: float


class SkippedFile(Exception):
    """The file cannot be part of the library; the message says why."""


@dataclass(frozen=True)
class _Found:
    path: str
    kind: str  # "audio" | "video"
    size: int
    mtime_ns: int


def _folders(roots: Sequence[Path], visited: set[tuple[int, int]],
             warn: bool) -> Iterator[tuple[str, list[os.DirEntry[str]]]]:
    """Every folder under ``roots`` (themselves included), depth first in name order, with the
    entries in it that are not folders. Symlinked folders are followed once each (``visited``
    holds (device, inode) of every folder seen, so a link loop ends); hidden entries (".Trash",
    "._song.mp3" from macOS) are left out. With ``warn``, what cannot be read is logged."""
    stack = [str(root) for root in reversed(roots)]
    while stack:
        current = stack.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(current) as listing:
                entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            if warn:
                log.warning("media scan: cannot list %s: %s", current, exc.strerror or exc)
            continue
        subfolders, others = [], []
        for entry in entries:
            try:
                (subfolders if entry.is_dir() else others).append(entry)
            except OSError as exc:
                if warn:
                    log.warning("media scan: cannot look at %s: %s", entry.path, exc.strerror or exc)
        yield current, others
        stack.extend(entry.path for entry in reversed(subfolders))


def _walk(folder: Path, extensions: frozenset[str], kind: str, visited: set[tuple[int, int]]) -> Iterator[_Found]:
    """Media files under folder, in name order (see _folders)."""
    for _current, entries in _folders([folder], visited, warn=True):
        for entry in entries:
            try:
                if os.path.splitext(entry.name)[1].lower() in extensions and entry.is_file():
                    stat = entry.stat()
                    yield _Found(entry.path, kind, stat.st_size, stat.st_mtime_ns)
            except OSError as exc:
                log.warning("media scan: cannot look at %s: %s", entry.path, exc.strerror or exc)


def media_folders(folders: Sequence[Path]) -> list[Path]:
    """Every existing folder under ``folders`` (themselves included): what to watch for changes."""
    return [Path(current) for current, _entries in _folders(folders, set(), warn=False)]


def written_lately(store: Store, report: ScanReport, now_ns: int, window_ns: int) -> bool:
    """Whether a file of the library, or one the scan skipped, was modified in the last
    ``window_ns`` before ``now_ns``: it may still be being copied, so scan again soon.
    (A modification time in the future, as clocks on USB sticks have, does not count.)"""
    since = now_ns - window_ns
    with store.atomic() as db:
        if db.execute("SELECT 1 FROM media_files WHERE mtime_ns > ? AND mtime_ns <= ? LIMIT 1",
                      (since, now_ns)).fetchone():
            return True
    for path, _reason in report.skipped_files:
        try:
            if since < os.stat(path).st_mtime_ns <= now_ns:
                return True
        except OSError:
            continue
    return False


# --- reading one file ----------------------------------------------------------------------

def _first(value: Any) -> str:
    """The first text of a tag value (mutagen gives lists, frames or strings)."""
    if value is None:
        return ""
    if hasattr(value, "text"):  # an ID3 frame
        value = value.text
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return str(value).replace("\x00", "").strip()


def _track_no(value: Any) -> int | None:
    """3, from "3", "3/12" or MP4's [(3, 12)]; None when absent or not a number."""
    if isinstance(value, list) and value and isinstance(value[0], tuple):
        number = value[0][0]
        return number if isinstance(number, int) and number > 0 else None
    match = re.match(r"\s*(\d+)", _first(value))
    return int(match[1]) if match and int(match[1]) > 0 else None


def _front_first(pictures: Sequence[Any]) -> bytes | None:
    """The front cover (picture type 3) if there is one, else the first picture."""
    ordered = sorted(pictures, key=lambda p: getattr(p, "type", 0) != 3)
    return bytes(ordered[0].data) if ordered else None


def _vorbis_pictures(tags: Any) -> list[Picture]:
    pictures = []
    for encoded in tags.get("metadata_block_picture", []):
        try:
            pictures.append(Picture(base64.b64decode(encoded)))
        except (binascii.Error, ValueError, mutagen.MutagenError) as exc:
            log.info("media scan: ignoring a malformed embedded picture: %s", exc)
    return pictures


def _tags(audio: mutagen.FileType) -> tuple[str, str, str, int | None, bytes | None]:
    """(title, artist, album, track number, cover bytes) from whichever tag format the file has."""
    tags = audio.tags
    if tags is None:
        pictures = getattr(audio, "pictures", [])
        return "", "", "", None, _front_first(pictures)
    if isinstance(tags, ID3):
        return (_first(tags.get("TIT2")), _first(tags.get("TPE1") or tags.get("TPE2")), _first(tags.get("TALB")),
                _track_no(tags.get("TRCK")), _front_first(tags.getall("APIC")))
    if isinstance(tags, MP4Tags):
        covers = tags.get("covr", [])
        return (_first(tags.get("\xa9nam")), _first(tags.get("\xa9ART") or tags.get("aART")),
                _first(tags.get("\xa9alb")), _track_no(tags.get("trkn")), bytes(covers[0]) if covers else None)
    if hasattr(tags, "get"):  # Vorbis comments: Ogg Vorbis, Opus, FLAC
        pictures = list(getattr(audio, "pictures", [])) + _vorbis_pictures(tags)
        return (_first(tags.get("title")), _first(tags.get("artist") or tags.get("albumartist")),
                _first(tags.get("album")), _track_no(tags.get("tracknumber")), _front_first(pictures))
    return "", "", "", None, None


def _open(path: str) -> mutagen.FileType | None:
    try:
        return mutagen.File(path)
    except Exception as exc:  # mutagen raises its own errors and, on odd bytes, plain ones
        cause = exc if isinstance(exc, OSError) else exc.__cause__
        if isinstance(cause, OSError):  # mutagen wraps the I/O errors of open() and read()
            raise SkippedFile(f"cannot read: {cause.strerror or cause}") from exc
        raise SkippedFile(f"corrupt: {exc or type(exc).__name__}") from exc


def _promised_bytes(audio: mutagen.FileType, length: float) -> float:
    """A lower bound of the file's size from what its header says (0 when it says too little):
    an MP3 has about bitrate x length (half is allowed for), a FLAC at least frames x smallest frame."""
    info = audio.info
    if isinstance(audio, MP3) and info.bitrate > 0:
        return info.bitrate * length / 8 * _TRUNCATED_SHARE
    if isinstance(audio, FLAC) and info.min_framesize > 0 and info.max_blocksize > 0:
        return math.ceil(info.total_samples / info.max_blocksize) * info.min_framesize
    return 0


def read_audio(path: str, size: int) -> tuple[dict[str, Any], bytes | None]:
    """The row fields of an audio file and its cover bytes; raises SkippedFile."""
    if size == 0:
        raise SkippedFile("empty file")
    audio = _open(path)
    if audio is None:
        raise SkippedFile("not a known audio format")
    length = getattr(audio.info, "length", 0) or 0
    if length <= 0:
        raise SkippedFile("no audio stream")
    promised = _promised_bytes(audio, length)
    if size < promised:
        raise SkippedFile(f"truncated: {size} bytes where its header promises at least {round(promised)}")
    title, artist, album, track_no, cover = _tags(audio)
    fields = {"title": title or Path(path).stem, "artist": artist, "album": album, "track_no": track_no,
              "duration_ms": round(length * 1000)}
    return fields, cover


def read_video(path: str, size: int) -> dict[str, Any]:
    """The row fields of a video file: title and duration from MP4/MOV tags, else the file name and 0."""
    if size == 0:
        raise SkippedFile("empty file")
    title, duration_ms = "", 0
    if os.path.splitext(path)[1].lower() in _MP4_VIDEO:
        video = _open(path)
        if video is None:
            raise SkippedFile("not a readable MP4/MOV file")
        duration_ms = round((getattr(video.info, "length", 0) or 0) * 1000)
        title = _tags(video)[0]
    elif not os.access(path, os.R_OK):
        raise SkippedFile("cannot read: Permission denied")
    return {"title": title or Path(path).stem, "artist": "", "album": "", "track_no": None,
            "duration_ms": duration_ms}


class _Covers:
    """Writes each distinct cover once, as <sha1>.jpg or .png; remembers what exists."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._known: dict[str, bool] = {}

    def exists(self, path: str) -> bool:
        if path not in self._known:
            self._known[path] = os.path.isfile(path)
        return self._known[path]

    def save(self, data: bytes | None) -> str:
        if not data:
            return ""
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            suffix = ".png"
        elif data.startswith(b"\xff\xd8\xff"):
            suffix = ".jpg"
        else:
            return ""  # neither PNG nor JPEG: shown with the placeholder
        target = self._folder / f"{hashlib.sha1(data).hexdigest()}{suffix}"
        path = str(target)
        if self.exists(path):
            return path
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f"{target.name}.{os.getpid()}.part")
            partial.write_bytes(data)
            partial.replace(target)
        except OSError as exc:
            log.warning("media scan: cannot write cover %s: %s", target, exc.strerror or exc)
            return ""
        self._known[path] = True
        return path

    def remove_unused(self, used: set[str]) -> None:
        try:
            names = os.listdir(self._folder)
        except OSError:
            return
        for name in names:
            path = str(self._folder / name)
            if _COVER_NAME.fullmatch(name) and path not in used:
                try:
                    os.remove(path)
                except OSError as exc:
                    log.warning("media scan: cannot remove unused cover %s: %s", path, exc.strerror or exc)


# --- the scan ------------------------------------------------------------------------------

_UPSERT = """
    INSERT INTO media_files (path, kind, size, mtime_ns, title, artist, album, track_no, duration_ms, cover)
    VALUES (:path, :kind, :size, :mtime_ns, :title, :artist, :album, :track_no, :duration_ms, :cover)
    ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, size = excluded.size, mtime_ns = excluded.mtime_ns,
        title = excluded.title, artist = excluded.artist, album = excluded.album, track_no = excluded.track_no,
        duration_ms = excluded.duration_ms, cover = excluded.cover
"""


def _write(store: Store, rows: list[dict[str, Any]], gone: Sequence[str] = ()) -> None:
    with store.atomic() as db:
        if rows:
            db.conn.executemany(_UPSERT, rows)
        if gone:
            db.conn.executemany("DELETE FROM media_files WHERE path = ?", [(p,) for p in gone])


def _found_files(music_dirs: Sequence[Path], video_dirs: Sequence[Path]) -> list[_Found]:
    found: dict[str, _Found] = {}
    for folders, extensions, kind in ((music_dirs, AUDIO_EXTENSIONS, "audio"),
                                      (video_dirs, VIDEO_EXTENSIONS, "video")):
        visited: set[tuple[int, int]] = set()
        for folder in folders:
            if not Path(folder).is_dir():
                log.warning("media scan: %s folder %s does not exist; skipped", kind, folder)
                continue
            for item in _walk(Path(folder), extensions, kind, visited):
                found.setdefault(item.path, item)
    return list(found.values())


def scan_library(store: Store, music_dirs: Sequence[Path], video_dirs: Sequence[Path],
                 covers_dir: Path) -> ScanReport:
    """Bring media_files in line with the folders; see the module's docstring."""
    started = time.perf_counter()
    with store.atomic() as db:
        known = {row[0]: (row[1], row[2], row[3], row[4])
                 for row in db.execute("SELECT path, kind, size, mtime_ns, cover FROM media_files")}
    covers = _Covers(Path(covers_dir))
    found = _found_files(music_dirs, video_dirs)
    added = updated = unchanged = 0
    skipped: list[tuple[str, str]] = []
    batch: list[dict[str, Any]] = []
    broken: list[str] = []  # rows of files that changed into something unreadable
    for item in found:
        before = known.get(item.path)
        if before is not None and before[:3] == (item.kind, item.size, item.mtime_ns) and (
                not before[3] or covers.exists(before[3])):
            unchanged += 1
            continue
        try:
            if item.kind == "audio":
                fields, cover_bytes = read_audio(item.path, item.size)
                fields["cover"] = covers.save(cover_bytes)
            else:
                fields = read_video(item.path, item.size)
                fields["cover"] = ""
        except SkippedFile as exc:
            log.warning("media scan: skipped %s: %s", item.path, exc)
            skipped.append((item.path, str(exc)))
            if before is not None:
                broken.append(item.path)
            continue
        batch.append({"path": item.path, "kind": item.kind, "size": item.size, "mtime_ns": item.mtime_ns, **fields})
        if before is None:
            added += 1
        else:
            updated += 1
        if len(batch) >= BATCH:
            _write(store, batch)
            batch = []
    seen = {item.path for item in found}
    gone = [path for path in known if path not in seen]
    _write(store, batch, gone + broken)
    with store.atomic() as db:
        used = {row[0] for row in db.execute("SELECT DISTINCT cover FROM media_files WHERE cover != ''")}
    covers.remove_unused(used)
    report = ScanReport(scanned=len(found), added=added, updated=updated, removed=len(gone), unchanged=unchanged,
                        skipped=len(skipped), skipped_files=tuple(skipped),
                        seconds=time.perf_counter() - started)
    log.info("media scan: %d files (%d added, %d updated, %d unchanged, %d skipped), %d removed in %.2f s",
             report.scanned, added, updated, unchanged, report.skipped, report.removed, report.seconds)
    return report

