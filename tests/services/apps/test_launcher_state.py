"""The launcher's saved order and last-used times in a real store: saved in one
transaction, last use kept across reorders, bad input refused before anything is written."""

from __future__ import annotations

import math

import pytest

from headunit.core.apps.launcher import arrange, recent
from headunit.services.apps.launcher_state import LauncherRecord, load_launcher, mark_used, save_order
from headunit.services.store import Store


def rows(store: Store) -> list[tuple]:
    return store.db.execute("SELECT app_id, position, last_used FROM launcher_apps ORDER BY app_id").fetchall()


def test_a_fresh_store_has_no_saved_launcher(store):
    assert load_launcher(store) == LauncherRecord({}, {})


def test_the_saved_order_reads_back_as_positions(store):
    save_order(store, ["b.app", "a.app", "c.app"])
    assert load_launcher(store).positions == {"b.app": 0, "a.app": 1, "c.app": 2}


def test_a_new_order_replaces_the_old_one_and_apps_left_out_lose_their_position(store):
    save_order(store, ["a.app", "b.app", "c.app"])
    save_order(store, ["c.app", "a.app"])
    assert load_launcher(store).positions == {"c.app": 0, "a.app": 1}
    assert rows(store) == [("a.app", 1, None), ("c.app", 0, None)]  # no empty row left behind


def test_mark_used_records_the_time_and_keeps_the_position(store):
    save_order(store, ["a.app", "b.app"])
    mark_used(store, "b.app", 1_700_000_000.5)
    mark_used(store, "new.app", 1_700_000_100.0)
    mark_used(store, "b.app", 1_700_000_200.0)
    record = load_launcher(store)
    assert record.positions == {"a.app": 0, "b.app": 1}
    assert record.last_used == {"b.app": 1_700_000_200.0, "new.app": 1_700_000_100.0}


def test_reordering_keeps_the_last_use_of_every_app(store):
    mark_used(store, "a.app", 10.0)
    mark_used(store, "gone.app", 20.0)
    save_order(store, ["b.app", "a.app"])
    save_order(store, ["b.app"])
    record = load_launcher(store)
    assert record.positions == {"b.app": 0}
    assert record.last_used == {"a.app": 10.0, "gone.app": 20.0}


def test_the_state_survives_reopening_the_store(tmp_path):
    with Store.open(tmp_path / "unit") as first:
        save_order(first, ["trip.app", "music.app"])
        mark_used(first, "music.app", 50.0)
    with Store.open(tmp_path / "unit") as again:
        record = load_launcher(again)
    order = arrange(["music.app", "radio.app", "trip.app"], record.positions)
    assert order == ["trip.app", "music.app", "radio.app"]
    assert recent(order, record.last_used, 5) == ["music.app"]


@pytest.mark.parametrize("ids, message", [
    (["a.app", "b.app", "a.app"], "ids[2]: 'a.app' appears twice in the order"),
    (["a.app", ""], "ids[1]: expected an app id, got ''"),
    (["a.app", None], "ids[1]: expected an app id, got None"),
])
def test_a_bad_order_is_refused_and_the_saved_one_is_untouched(store, ids, message):
    save_order(store, ["x.app", "y.app"])
    before = rows(store)
    with pytest.raises(ValueError) as caught:
        save_order(store, ids)
    assert str(caught.value) == message
    assert rows(store) == before


def test_a_failure_inside_the_transaction_leaves_the_previous_order(store):
    save_order(store, ["x.app", "y.app"])
    before = rows(store)
    store.db.execute("CREATE TRIGGER refuse_z BEFORE INSERT ON launcher_apps WHEN NEW.app_id = 'z.app' "
                     "BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(Exception, match="refused"):
        save_order(store, ["y.app", "x.app", "z.app"])
    assert rows(store) == before


@pytest.mark.parametrize("app_id, now, message", [
    ("", 1.0, "app_id: expected an app id, got ''"),
    ("a.app", math.nan, "now: expected a finite time in epoch seconds, got nan"),
    ("a.app", math.inf, "now: expected a finite time in epoch seconds, got inf"),
    ("a.app", True, "now: expected a finite time in epoch seconds, got True"),
])
def test_mark_used_refuses_bad_input(store, app_id, now, message):
    with pytest.raises(ValueError) as caught:
        mark_used(store, app_id, now)
    assert str(caught.value) == message
    assert rows(store) == []


def test_rows_of_another_type_are_skipped_when_loading(store):
    store.db.execute("INSERT INTO launcher_apps VALUES ('a.app', 'top', 'yesterday'), ('b.app', 2, 5)")
    assert load_launcher(store) == LauncherRecord({"b.app": 2}, {"b.app": 5.0})
