"""BackendCache on a real store: upsert, read back, staleness, refusal of bad rows."""

from __future__ import annotations

import pytest

from headunit.services.backend.cache import BackendCache, Cached, is_stale
from headunit.services.store import Store


@pytest.fixture
def cache(store) -> BackendCache:
    return BackendCache(store)


def test_put_then_get(cache):
    cache.put("poi_live", "n1", {"name": "Kamppi", "free": 3, "é": [1.5, None]}, 1000.5)
    assert cache.get("poi_live", "n1") == Cached({"name": "Kamppi", "free": 3, "é": [1.5, None]}, 1000.5)
    assert cache.get("poi_live", "n2") is None
    assert cache.get("slots", "n1") is None


def test_put_replaces_the_row(cache, store):
    cache.put("poi_live", "n1", {"free": 3}, 1000.0)
    cache.put("poi_live", "n1", {"free": 1}, 1060.0)
    assert cache.get("poi_live", "n1") == Cached({"free": 1}, 1060.0)
    assert store.db.execute("SELECT count(*) FROM backend_cache").fetchone()[0] == 1


def test_rows_survive_reopening(tmp_path):
    with Store.open(tmp_path) as store:
        BackendCache(store).put("catalogue", "default", {"stations": []}, 5.0)
    with Store.open(tmp_path) as store:
        assert BackendCache(store).get("catalogue", "default") == Cached({"stations": []}, 5.0)


@pytest.mark.parametrize(
    ("kind", "body", "fetched_at", "message"),
    [
        ("", {}, 1.0, "cache kind and key must be strings"),
        ("poi_live", [], 1.0, "a cached body must be a JSON object, got list"),
        ("poi_live", {"x": float("nan")}, 1.0, "Out of range float values are not JSON compliant"),
        ("poi_live", {}, float("inf"), "fetched_at must be a finite number"),
        ("poi_live", {}, True, "fetched_at must be a finite number"),
    ],
)
def test_bad_rows_are_refused_and_nothing_is_written(cache, store, kind, body, fetched_at, message):
    cache.put("poi_live", "n1", {"free": 3}, 1.0)
    with pytest.raises(ValueError, match=message):
        cache.put(kind, "n1", body, fetched_at)
    assert store.db.execute("SELECT kind, key, body, fetched_at FROM backend_cache").fetchall() == [
        ("poi_live", "n1", '{"free":3}', 1.0)]


@pytest.mark.parametrize(
    ("now", "stale"), [(1000.0, False), (1300.0, False), (1300.001, True), (999.0, True)],
)
def test_staleness_by_age(now, stale):
    assert is_stale(Cached({}, 1000.0), now, 300) is stale
    assert BackendCache.is_stale(Cached({}, 1000.0), now, 300) is stale
