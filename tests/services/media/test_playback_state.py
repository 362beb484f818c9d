"""The persisted playback state: saved and read back from a real store; a row that does not
read back is ignored with a warning, never an exception."""

from __future__ import annotations

import json
import logging

import pytest

from headunit.core.media.queue import PlayQueue, QueueItem
from headunit.services.media.playback_state import load_playback, save_playback
from headunit.services.store import Store


def state(position_ms: int = 61_000) -> dict:
    queue = PlayQueue([QueueItem(f"/music/{i}.flac", f"Song {i}", duration_ms=200_000) for i in range(4)], index=2,
                      repeat="all")
    queue.set_shuffle(True, seed=5)
    return {"queue": queue.to_json(), "position_ms": position_ms}


def test_nothing_saved_reads_as_none(store) -> None:
    assert load_playback(store) is None


def test_saved_state_reads_back_after_reopening(store, tmp_path) -> None:
    save_playback(store, state(1_000), now=100.0)
    save_playback(store, state(61_000), now=105.0)
    store.close()
    with Store.open(tmp_path / "unit") as reopened:
        assert load_playback(reopened) == state(61_000)
        rows = list(reopened.db.query("SELECT id, updated_at FROM media_playback"))
    assert rows == [{"id": 1, "updated_at": 105.0}]


@pytest.mark.parametrize("bad", [
    {"queue": state()["queue"]},
    {"queue": state()["queue"], "position_ms": -1},
    {"queue": {**state()["queue"], "position": 9}, "position_ms": 0},
    {"queue": state()["queue"], "position_ms": 0, "volume": 3},
])
def test_a_malformed_state_is_refused_and_nothing_is_written(store, bad) -> None:
    save_playback(store, state(5_000), now=1.0)
    with pytest.raises(ValueError, match=r"^state\.|^queue\."):
        save_playback(store, bad, now=2.0)
    assert load_playback(store) == state(5_000)


def test_a_row_that_fails_validation_reads_as_none_with_a_warning(store, caplog) -> None:
    broken = state()
    broken["queue"]["items"][1]["kind"] = "cassette"
    store.db.execute("INSERT INTO media_playback (id, state, updated_at) VALUES (1, ?, 1.0)", [json.dumps(broken)])
    store.db.conn.commit()
    with caplog.at_level(logging.WARNING, logger="headunit.media.playback"):
        assert load_playback(store) is None
    assert "queue.items[1].kind" in caplog.text


def test_a_row_that_is_not_json_reads_as_none_with_a_warning(store, caplog) -> None:
    store.db.execute("PRAGMA ignore_check_constraints = ON")  # as a damaged file could hold it
    store.db.execute("INSERT INTO media_playback (id, state, updated_at) VALUES (1, '{\"queue\": [', 1.0)")
    store.db.conn.commit()
    with caplog.at_level(logging.WARNING, logger="headunit.media.playback"):
        assert load_playback(store) is None
    assert "ignored the saved playback state" in caplog.text
