"""scan_library: the bundled sample songs (and broken copies of them) in a temporary folder,
scanned into a real store; tags, covers, rescans, broken files and odd folders."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from pathlib import Path

import mutagen
import pytest
from mutagen.mp4 import MP4, MP4Cover

from headunit.services.media.library import (SkippedFile, bundled_music_dir, bundled_video_dir, read_audio,
                                             scan_library, written_lately)

COAST = Path("harbour-lights/northern-coast")
NIGHT = Path("the-quiet-gears/night-drive")
KETTLE = Path("mira-sol/small-hours/01-kettle-song.ogg")
SONGS = {
    COAST / "01-tidewater.ogg": ("Tidewater", "Harbour Lights", "Northern Coast", 1, 8660),
    COAST / "02-lighthouse-keeper.mp3": ("Lighthouse Keeper", "Harbour Lights", "Northern Coast", 2, 7758),
    COAST / "03-salt-wind.flac": ("Salt Wind", "Harbour Lights", "Northern Coast", 3, 6980),
    NIGHT / "01-overpass.mp3": ("Overpass", "The Quiet Gears", "Night Drive", 1, 8255),
    NIGHT / "02-sodium-lamps.ogg": ("Sodium Lamps", "The Quiet Gears", "Night Drive", 2, 8860),
    KETTLE: ("Kettle Song", "Mira Sol", "Small Hours", 1, 8060),
}


@pytest.fixture
def music(tmp_path: Path) -> Path:
    folder = tmp_path / "music"
    shutil.copytree(bundled_music_dir(), folder)
    return folder


@pytest.fixture
def covers(tmp_path: Path) -> Path:
    return tmp_path / "covers"


def rows(store) -> dict[str, dict]:
    with store.atomic() as db:
        return {r["path"]: r for r in db["media_files"].rows}


def scan(store, music: Path | list[Path], covers: Path, videos: list[Path] | None = None):
    return scan_library(store, music if isinstance(music, list) else [music], videos or [], covers)


def embedded_cover(path: Path) -> bytes:
    audio = mutagen.File(path)
    if path.suffix == ".mp3":
        return audio.tags.getall("APIC")[0].data
    if path.suffix == ".flac":
        return audio.pictures[0].data
    import base64

    from mutagen.flac import Picture
    return Picture(base64.b64decode(audio["metadata_block_picture"][0])).data


def test_tags_durations_and_kinds_are_read(store, music, covers):
    report = scan(store, music, covers)
    assert (report.scanned, report.added, report.updated, report.unchanged, report.skipped, report.removed) == (
        6, 6, 0, 0, 0, 0)
    assert report.skipped_files == () and report.seconds > 0
    found = rows(store)
    assert {(r["title"], r["artist"], r["album"], r["track_no"], r["duration_ms"]) for r in found.values()} == set(
        SONGS.values())
    assert {r["kind"] for r in found.values()} == {"audio"}
    tidewater = found[str(music / COAST / "01-tidewater.ogg")]
    stat = (music / COAST / "01-tidewater.ogg").stat()
    assert (tidewater["size"], tidewater["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns)


def test_covers_are_extracted_once_per_image_from_each_tag_format(store, music, covers):
    scan(store, music, covers)
    found = rows(store)
    assert found[str(music / KETTLE)]["cover"] == ""
    assert sorted(p.name for p in covers.iterdir()) == sorted(
        f"{hashlib.sha1(embedded_cover(music / p)).hexdigest()}.png" for p in (COAST / "01-tidewater.ogg",
                                                                              NIGHT / "01-overpass.mp3"))
    for relative in SONGS:
        if relative == KETTLE:
            continue
        cover = Path(found[str(music / relative)]["cover"])  # Vorbis, ID3 and FLAC pictures alike
        assert cover.parent == covers and cover.read_bytes() == embedded_cover(music / relative)
    assert len({found[str(music / p)]["cover"] for p in SONGS if p.parts[0] == "harbour-lights"}) == 1


def test_mp4_tags_and_a_jpeg_cover(store, tmp_path, covers):
    folder = tmp_path / "m4a"
    folder.mkdir()
    song = folder / "song.m4a"
    shutil.copyfile(bundled_video_dir() / "sample-clip.mp4", song)
    jpeg = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4
    audio = MP4(song)
    audio.tags["\xa9nam"], audio.tags["\xa9ART"], audio.tags["\xa9alb"] = "Clip Song", "Clip Band", "Clips"
    audio.tags["trkn"] = [(4, 9)]
    audio.tags["covr"] = [MP4Cover(jpeg, imageformat=MP4Cover.FORMAT_JPEG)]
    audio.save()
    scan(store, folder, covers)
    (row,) = rows(store).values()
    assert (row["title"], row["artist"], row["album"], row["track_no"]) == ("Clip Song", "Clip Band", "Clips", 4)
    assert row["cover"] == str(covers / f"{hashlib.sha1(jpeg).hexdigest()}.jpg")
    assert Path(row["cover"]).read_bytes() == jpeg


def test_an_untagged_file_is_titled_by_its_file_name(store, music, covers):
    song = music / COAST / "02-lighthouse-keeper.mp3"
    mutagen.File(song).delete()
    scan(store, music, covers)
    row = rows(store)[str(song)]
    assert (row["title"], row["artist"], row["album"], row["track_no"], row["cover"]) == (
        "02-lighthouse-keeper", "", "", None, "")
    assert row["duration_ms"] == 7758


def test_a_rescan_does_not_read_unchanged_files_again(store, music, covers):
    scan(store, music, covers)
    song = music / COAST / "01-tidewater.ogg"
    before = song.stat()
    # Same size and modification time, but bytes no reader could parse: only a re-read would notice.
    song.write_bytes(b"\x00" * before.st_size)
    os.utime(song, ns=(before.st_atime_ns, before.st_mtime_ns))
    report = scan(store, music, covers)
    assert (report.unchanged, report.added, report.updated, report.skipped) == (6, 0, 0, 0)
    assert rows(store)[str(song)]["title"] == "Tidewater"
    os.utime(song, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))  # now it changed: read again
    report = scan(store, music, covers)
    assert (report.unchanged, report.skipped, report.skipped_files) == (
        5, 1, ((str(song), "not a known audio format"),))
    assert str(song) not in rows(store)  # a file that turned unreadable leaves the library


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unchanged_file_that_became_unreadable_is_not_opened(store, music, covers):
    scan(store, music, covers)
    song = music / KETTLE
    song.chmod(0)
    try:
        report = scan(store, music, covers)
        assert (report.unchanged, report.skipped) == (6, 0)
    finally:
        song.chmod(0o644)


def test_a_changed_file_is_read_again_and_a_vanished_one_removed(store, music, covers):
    scan(store, music, covers)
    song = music / NIGHT / "02-sodium-lamps.ogg"
    audio = mutagen.File(song)
    audio["title"] = "Sodium Lamps (Live)"
    audio.save()
    for relative in SONGS:
        if relative.parts[0] == "harbour-lights":
            (music / relative).unlink()
    report = scan(store, music, covers)
    assert (report.scanned, report.updated, report.removed, report.unchanged) == (3, 1, 3, 2)
    found = rows(store)
    assert found[str(song)]["title"] == "Sodium Lamps (Live)"
    assert sorted(Path(p).name for p in found) == ["01-kettle-song.ogg", "01-overpass.mp3", "02-sodium-lamps.ogg"]
    # the coast cover is used by no song any more: it is gone, the night one stays
    assert [p.name for p in covers.iterdir()] == [Path(found[str(song)]["cover"]).name]


def test_broken_files_are_skipped_counted_and_named_while_the_rest_is_scanned(store, music, covers, caplog):
    caplog.set_level(logging.WARNING, logger="headunit.media")
    broken = music / "broken"
    broken.mkdir()
    mp3 = (music / COAST / "02-lighthouse-keeper.mp3").read_bytes()
    flac = (music / COAST / "03-salt-wind.flac").read_bytes()
    (broken / "empty.ogg").write_bytes(b"")
    (broken / "header-cut.ogg").write_bytes((music / KETTLE).read_bytes()[:100])
    (broken / "half.mp3").write_bytes(mp3[: len(mp3) // 3])
    (broken / "cut.flac").write_bytes(flac[:6000])
    (broken / "text.flac").write_text("these are not the bytes of a song\n" * 20)
    (broken / "noise.mp3").write_bytes(bytes((i * 37 + 11) % 251 for i in range(4000)))
    report = scan(store, music, covers)
    assert (report.scanned, report.added, report.skipped) == (12, 6, 6)
    reasons = {Path(path).name: reason for path, reason in report.skipped_files}
    assert reasons["empty.ogg"] == "empty file"
    assert reasons["half.mp3"].startswith("truncated: ") and reasons["cut.flac"].startswith("truncated: ")
    assert reasons["header-cut.ogg"].startswith("corrupt: ")
    assert reasons["text.flac"].startswith("corrupt: ") and reasons["noise.mp3"].startswith("corrupt: ")
    for name in reasons:
        assert any(name in r.getMessage() and "skipped" in r.getMessage() for r in caplog.records)
    assert all(Path(p).parent.name != "broken" for p in rows(store))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_skipped_with_its_reason(store, music, covers):
    song = music / KETTLE
    song.chmod(0)
    try:
        report = scan(store, music, covers)
    finally:
        song.chmod(0o644)
    assert (report.added, report.skipped) == (5, 1)
    assert report.skipped_files == ((str(song), "cannot read: Permission denied"),)


def test_a_file_that_cannot_be_opened_is_skipped_as_unreadable_not_corrupt(tmp_path):
    with pytest.raises(SkippedFile, match=r"^cannot read: Is a directory$"):
        read_audio(str(tmp_path), 1)  # the error open() gives root too


def test_a_missing_folder_is_skipped_not_a_crash(store, music, covers, tmp_path, caplog):
    report = scan(store, [tmp_path / "not-there", music], covers, videos=[tmp_path / "no-videos"])
    assert (report.scanned, report.added, report.skipped) == (6, 6, 0)
    assert any("not-there" in r.getMessage() and "does not exist" in r.getMessage() for r in caplog.records)


def test_symlinked_folders_are_followed_once_and_a_loop_ends(store, music, covers, tmp_path):
    (music / "loop").symlink_to(music, target_is_directory=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copyfile(music / KETTLE, elsewhere / "linked.ogg")
    (music / "linked").symlink_to(elsewhere, target_is_directory=True)
    (music / "dangling.mp3").symlink_to(tmp_path / "nothing.mp3")
    report = scan(store, music, covers)
    assert (report.scanned, report.added) == (7, 7)
    assert str(music / "linked" / "linked.ogg") in rows(store)


def test_hidden_files_and_other_extensions_are_not_media(store, music, covers):
    shutil.copyfile(music / KETTLE, music / "._01-kettle-song.ogg")  # macOS resource fork on a USB stick
    (music / "notes.txt").write_text("liner notes")
    (music / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    report = scan(store, music, covers)
    assert (report.scanned, report.added, report.skipped) == (6, 6, 0)


def test_videos_take_title_and_duration_from_mp4_tags_or_the_file_name(store, covers, tmp_path):
    videos = tmp_path / "videos"
    shutil.copytree(bundled_video_dir(), videos)
    (videos / "holiday.mkv").write_bytes(b"\x1aE\xdf\xa3" + b"\x00" * 500)
    (videos / "empty.webm").write_bytes(b"")
    (videos / "song.ogg").write_bytes(b"in a video folder only videos count")
    report = scan(store, [], covers, videos=[videos])
    assert (report.scanned, report.added, report.skipped) == (3, 2, 1)
    assert report.skipped_files == ((str(videos / "empty.webm"), "empty file"),)
    found = rows(store)
    clip = found[str(videos / "sample-clip.mp4")]
    assert (clip["kind"], clip["title"], clip["duration_ms"]) == ("video", "Sample clip", 8023)
    other = found[str(videos / "holiday.mkv")]
    assert (other["kind"], other["title"], other["duration_ms"]) == ("video", "holiday", 0)


def test_covers_deleted_from_their_folder_are_extracted_again(store, music, covers):
    scan(store, music, covers)
    shutil.rmtree(covers)
    report = scan(store, music, covers)
    # one song per missing cover is read again to restore it; the others then find it in place
    assert (report.updated, report.unchanged) == (2, 4)
    assert all(Path(r["cover"]).is_file() for r in rows(store).values() if r["cover"])
    assert len(list(covers.iterdir())) == 2


def test_written_lately_sees_files_modified_just_now_but_not_in_the_future(store, music, covers):
    (music / "broken.ogg").write_bytes(b"")
    song = music / KETTLE
    for path in (song, music / "broken.ogg"):
        os.utime(path, ns=(0, time.time_ns() - 60_000_000_000))
    report = scan(store, music, covers)
    now = time.time_ns()
    assert not written_lately(store, report, now, 3_000_000_000)
    os.utime(music / "broken.ogg", ns=(0, now - 1_000_000_000))  # a skipped file counts too
    assert written_lately(store, report, now, 3_000_000_000)
    os.utime(music / "broken.ogg", ns=(0, now + 3_600_000_000_000))  # a stick's clock an hour ahead
    assert not written_lately(store, report, now, 3_000_000_000)
    os.utime(song, ns=(0, now - 1_000_000_000))
    report = scan(store, music, covers)
    assert written_lately(store, report, now, 3_000_000_000)
