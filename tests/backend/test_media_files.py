"""Demo audio files: valid WAVs of the catalogue's lengths, written once, repaired when damaged."""

from __future__ import annotations

import hashlib
import math
import re
import shutil
import stat
import wave
from array import array
from pathlib import Path

import pytest

from headunit.backend.media_catalogue import MEDIA_IDS, build_catalogue
from headunit.backend.media_files import AUDIO, FILE_IDS, MANIFEST, RATE, duration_s, ensure_media_files
from headunit.backend.signing import UrlSigner


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """All files, generated once for this module (read-only for the tests)."""
    return ensure_media_files(tmp_path_factory.mktemp("backend") / "media")


@pytest.fixture
def media_copy(media: dict[str, Path], tmp_path: Path) -> Path:
    """A private copy of the generated directory, metadata included, to damage."""
    target = tmp_path / "media"
    shutil.copytree(next(iter(media.values())).parent, target)
    return target


def samples(path: Path) -> array:
    with wave.open(str(path), "rb") as w:
        return array("h", w.readframes(w.getnframes()))  # wave hands out native byte order


def catalogue_durations() -> dict[str, float]:
    cat = build_catalogue("http://127.0.0.1:8080", "WHU5MULATR0000001", UrlSigner(bytes(32)), 1_795_250_000.0)
    items = ([t for p in cat["playlists"] for t in p["tracks"]] + [e for p in cat["podcasts"] for e in p["episodes"]])
    return {item["id"]: item["duration_s"] for item in items}


def snapshot(directory: Path) -> dict[str, tuple[int, int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns, p.stat().st_size) for p in directory.iterdir()}


def test_one_file_per_catalogue_id_under_safe_names(media):
    assert list(media) == list(FILE_IDS)
    assert sorted(FILE_IDS) == sorted(MEDIA_IDS)
    directory = next(iter(media.values())).parent
    for file_id, path in media.items():
        assert re.fullmatch(r"[a-z0-9-]{1,40}", file_id)
        assert path == directory / f"{file_id}.wav"
    assert {p.name for p in directory.iterdir()} == {f"{i}.wav" for i in FILE_IDS} | {MANIFEST}


def test_private_permissions(media):
    directory = next(iter(media.values())).parent
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    for path in [*media.values(), directory / MANIFEST]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_files_are_16_bit_mono_wavs_as_long_as_the_catalogue_says(media):
    listed = catalogue_durations()
    for file_id, path in media.items():
        with wave.open(str(path), "rb") as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getcomptype()) == (1, 2, RATE, "NONE")
            frames = w.getnframes()
            assert len(w.readframes(frames + 1)) == 2 * frames  # the header does not promise more than is there
        assert frames / RATE == duration_s(file_id)
        if file_id in listed:
            assert frames / RATE == listed[file_id]
        assert path.stat().st_size == 44 + 2 * frames


def test_lengths_follow_the_brief(media):
    seconds = {file_id: duration_s(file_id) for file_id in media}
    assert all(s == 20.0 for i, s in seconds.items() if i.startswith("st-"))
    assert all(15.0 <= s <= 30.0 for i, s in seconds.items() if i.startswith("tr-"))
    assert all(30.0 <= s <= 60.0 for i, s in seconds.items() if i.startswith("ep-"))
    assert sum(p.stat().st_size for p in media.values()) < 18_000_000


def test_audio_is_audible_unclipped_and_starts_and_ends_silent(media):
    for file_id, path in media.items():
        data = samples(path)
        peak = max(max(data), -min(data))
        rms = math.sqrt(sum(x * x for x in data[::50]) / len(data[::50]))
        assert 8_000 < peak < 32_767, (file_id, peak)  # loud enough, never at full scale
        assert rms > 1_000, (file_id, rms)
        assert abs(data[0]) < 200 and abs(data[-1]) < 200, file_id  # loops and track ends do not click


def test_every_file_sounds_different(media):
    digests = {hashlib.sha256(samples(path).tobytes()).hexdigest() for path in media.values()}
    assert len(digests) == len(media)


def test_podcasts_pause_between_words_and_music_does_not(media):
    def silent_share(file_id: str) -> float:
        data = samples(media[file_id])
        return data.count(0) / len(data)

    for file_id in AUDIO:
        share = silent_share(file_id)
        if file_id.startswith("ep-"):
            assert 0.1 < share < 0.6, (file_id, share)
        else:
            assert share < 0.05, (file_id, share)


def test_a_second_call_writes_nothing(media_copy):
    before = snapshot(media_copy)
    paths = ensure_media_files(media_copy)
    assert snapshot(media_copy) == before
    assert set(paths) == set(FILE_IDS)


def test_damaged_or_missing_files_are_written_again_and_others_kept(media, media_copy):
    truncated, corrupted, deleted = media_copy / "tr-1.wav", media_copy / "st-3.wav", media_copy / "ep-2.wav"
    with truncated.open("r+b") as f:
        f.truncate(truncated.stat().st_size // 2)
    with corrupted.open("r+b") as f:  # same size, bytes flipped in the middle
        f.seek(corrupted.stat().st_size // 2)
        f.write(b"\x7f\x7f\x80\x80" * 16)
    deleted.unlink()
    before = snapshot(media_copy)

    ensure_media_files(media_copy)

    after = snapshot(media_copy)
    for path in (truncated, corrupted, deleted):
        assert path.read_bytes() == media[path.stem].read_bytes(), path.name
        assert after[path.name] != before.get(path.name)
    untouched = set(before) - {truncated.name, corrupted.name, deleted.name, MANIFEST}
    assert {name: after[name] for name in untouched} == {name: before[name] for name in untouched}
    assert not [p for p in media_copy.iterdir() if p.name.endswith(".tmp")]


def test_a_broken_manifest_means_everything_is_written_again_identically(media, media_copy):
    (media_copy / MANIFEST).write_text("{not json", encoding="utf-8")
    ensure_media_files(media_copy)
    for file_id, path in media.items():
        assert (media_copy / path.name).read_bytes() == path.read_bytes(), file_id
    before = snapshot(media_copy)
    ensure_media_files(media_copy)  # the manifest written above is good again
    assert snapshot(media_copy) == before


def test_a_manifest_from_another_recipe_rewrites_that_file(media_copy):
    manifest = (media_copy / MANIFEST).read_text(encoding="utf-8")
    key = re.search(r'"st-2": \{\s*"recipe": "([0-9a-f]+)"', manifest).group(1)
    (media_copy / MANIFEST).write_text(manifest.replace(key, "0" * len(key)), encoding="utf-8")
    before = snapshot(media_copy)
    ensure_media_files(media_copy)
    after = snapshot(media_copy)
    assert after["st-2.wav"] != before["st-2.wav"]
    assert after["st-1.wav"] == before["st-1.wav"]
    assert (media_copy / MANIFEST).read_text(encoding="utf-8") == manifest


def test_a_file_where_the_directory_should_be_is_an_error(tmp_path):
    blocker = tmp_path / "media"
    blocker.write_text("not a directory")
    with pytest.raises(FileExistsError):
        ensure_media_files(blocker)
    assert blocker.read_text() == "not a directory"
