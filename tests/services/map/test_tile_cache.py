"""The SQLite tile cache: keys, least-recently-used eviction, map changes, file mode, bad files."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from headunit.services.map.tile_cache import TileCache, TileKey


def key(x: int = 10, y: int = 20, z: int = 5, map_id: str = "map-a", style: str = "day-v1@256") -> TileKey:
    return TileKey(map_id, style, z, x, y)


@pytest.fixture
def cache(tmp_path: Path):
    c = TileCache(tmp_path / "tiles.db")
    yield c
    c.close()


def test_a_tile_comes_back_only_under_its_own_key(cache):
    cache.put(key(), b"png-1")
    assert cache.get(key()) == b"png-1"
    assert cache.get(key(x=11)) is None
    assert cache.get(key(z=6)) is None
    assert cache.get(key(style="night-v1@256")) is None
    assert cache.get(key(style="day-v2@256")) is None  # a new style version never sees old tiles
    assert cache.get(key(map_id="map-b")) is None
    cache.put(key(), b"png-2")
    assert cache.get(key()) == b"png-2" and cache.count() == 1


def test_rows_are_stored_mbtiles_style_with_the_row_counted_from_the_south(cache, tmp_path):
    cache.put(TileKey("m", "day-v1@256", 3, 2, 1), b"png")
    row = sqlite3.connect(tmp_path / "tiles.db").execute(
        "SELECT map_id, style, zoom_level, tile_column, tile_row, tile_data FROM tiles").fetchone()
    assert row == ("m", "day-v1@256", 3, 2, 6, b"png")  # 2^3 - 1 - 1


def test_past_its_size_the_cache_drops_the_least_recently_used_tiles(tmp_path):
    cache = TileCache(tmp_path / "tiles.db", max_bytes=1000, low_water=0.5)
    for x in range(4):
        cache.put(key(x=x), bytes(200))  # 800 bytes
    assert cache.get(key(x=0)) is not None  # tile 0 is now the most recent
    cache.put(key(x=4), bytes(300))  # 1100 > 1000: evict down to 500
    kept = {x for x in range(5) if cache.get(key(x=x)) is not None}
    assert kept == {0, 4}
    assert cache.size_bytes == 500
    cache.close()


def test_a_new_map_drops_the_tiles_of_the_old_one(cache):
    cache.put(key(map_id="old"), b"old tile")
    cache.put(key(map_id="new"), b"new tile")
    assert cache.keep_only("new") == 1
    assert cache.get(key(map_id="old")) is None
    assert cache.get(key(map_id="new")) == b"new tile"
    assert cache.size_bytes == len(b"new tile")


def test_the_cache_file_is_private(tmp_path):
    cache = TileCache(tmp_path / "sub" / "tiles.db")
    cache.put(key(), b"png")
    for name in ("tiles.db", "tiles.db-wal"):
        path = tmp_path / "sub" / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, name
    assert (tmp_path / "sub" / "tiles.db").exists()
    cache.close()


def test_a_file_that_is_not_a_cache_is_replaced_by_an_empty_cache(tmp_path, caplog):
    path = tmp_path / "tiles.db"
    path.write_bytes(b"this is not a database, just some bytes " * 100)
    cache = TileCache(path)
    assert cache.count() == 0
    cache.put(key(), b"png")
    assert cache.get(key()) == b"png"
    assert "unreadable" in caplog.text
    cache.close()


def test_a_cache_of_another_version_is_started_again(tmp_path):
    path = tmp_path / "tiles.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE tiles (whatever TEXT)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    cache = TileCache(path)
    cache.put(key(), b"png")
    assert cache.get(key()) == b"png"
    cache.close()


def test_tiles_survive_reopening(tmp_path):
    first = TileCache(tmp_path / "tiles.db")
    first.put(key(), b"kept")
    first.close()
    again = TileCache(tmp_path / "tiles.db")
    assert again.get(key()) == b"kept"
    assert again.size_bytes == 4
    again.close()


def test_bad_arguments_are_refused_with_what_is_wrong(tmp_path, cache):
    with pytest.raises(ValueError, match="max_bytes"):
        TileCache(tmp_path / "other.db", max_bytes=0)
    with pytest.raises(ValueError, match="empty tile"):
        cache.put(key(), b"")
