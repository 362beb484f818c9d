"""The launcher order: saved positions first, new apps after, forgotten ones dropped;
moves clamp; the recently used row; pages."""

from __future__ import annotations

import pytest

from headunit.core.apps.launcher import arrange, move, pages, recent

DEFAULT = ["headunit.music", "headunit.radio", "headunit.video", "headunit.trip"]


def test_without_a_saved_order_the_default_order_is_kept():
    assert arrange(DEFAULT, {}) == DEFAULT


def test_saved_apps_come_first_by_position_and_new_apps_follow_in_default_order():
    positions = {"headunit.trip": 0, "headunit.music": 1}
    assert arrange(DEFAULT, positions) == ["headunit.trip", "headunit.music", "headunit.radio", "headunit.video"]


def test_positions_need_not_be_contiguous_and_ties_keep_the_default_order():
    positions = {"headunit.video": 7, "headunit.radio": 3, "headunit.trip": 3}
    assert arrange(DEFAULT, positions) == ["headunit.radio", "headunit.trip", "headunit.video", "headunit.music"]


def test_forgotten_apps_are_dropped_and_repeated_ids_count_once():
    positions = {"com.example.gone": 0, "headunit.radio": 1}
    assert arrange(["headunit.music", "headunit.radio", "headunit.music"], positions) == [
        "headunit.radio", "headunit.music"]


@pytest.mark.parametrize("from_index, to_index, expected", [
    (0, 2, ["b", "c", "a", "d"]),
    (3, 0, ["d", "a", "b", "c"]),
    (1, 1, ["a", "b", "c", "d"]),
    (0, 99, ["b", "c", "d", "a"]),   # past the end lands at the end
    (2, -5, ["c", "a", "b", "d"]),   # before the start lands at the start
    (99, 0, ["d", "a", "b", "c"]),   # a from index past the end takes the last app
])
def test_move_reorders_and_clamps(from_index, to_index, expected):
    order = ["a", "b", "c", "d"]
    assert move(order, from_index, to_index) == expected
    assert order == ["a", "b", "c", "d"]  # the input is not changed


def test_moving_in_an_empty_order_is_harmless():
    assert move([], 0, 3) == []


def test_recent_lists_used_apps_most_recent_first_and_leaves_out_the_rest():
    last_used = {"b": 100.0, "d": 300.0, "a": 200.0, "gone": 999.0}
    assert recent(["a", "b", "c", "d"], last_used, 10) == ["d", "a", "b"]
    assert recent(["a", "b", "c", "d"], last_used, 2) == ["d", "a"]
    assert recent(["a", "b", "c", "d"], last_used, 0) == []
    assert recent(["a", "b", "c", "d"], {}, 5) == []


def test_recent_breaks_equal_times_by_the_launcher_order():
    assert recent(["c", "a", "b"], {"a": 5.0, "b": 5.0, "c": 5.0}, 3) == ["c", "a", "b"]


def test_pages_cut_the_order_and_the_last_page_may_be_short():
    order = [f"app{i}" for i in range(7)]
    assert pages(order, 3) == [["app0", "app1", "app2"], ["app3", "app4", "app5"], ["app6"]]
    assert pages(order, 7) == [order]
    assert pages([], 4) == []


@pytest.mark.parametrize("per_page", [0, -1])
def test_a_page_must_hold_at_least_one_app(per_page):
    with pytest.raises(ValueError, match=f"per_page: expected at least 1 app per page, got {per_page}"):
        pages(["a"], per_page)
