"""PlayQueue: next/previous/after_end with shuffle and repeat, and its saved form."""

from __future__ import annotations

import json

import pytest

from headunit.core.media.queue import RESTART_AFTER_MS, PlayQueue, QueueItem


def items(n: int) -> list[QueueItem]:
    return [QueueItem(f"file:///music/{i}.mp3", f"Song {i}", "Artist", "Album", "", 1000 * (i + 1)) for i in range(n)]


def titles(queue: PlayQueue) -> list[str]:
    return [item.title for item in queue.in_play_order()]


def test_next_walks_the_queue_and_stops_at_the_end_without_repeat() -> None:
    queue = PlayQueue(items(3))
    assert queue.current.title == "Song 0" and queue.has_next and not queue.has_previous
    assert [queue.next().title, queue.next().title] == ["Song 1", "Song 2"]
    assert not queue.has_next
    assert queue.next() is None
    assert queue.index == 2


def test_repeat_all_wraps_both_ways() -> None:
    queue = PlayQueue(items(3), index=2, repeat="all")
    assert queue.next().title == "Song 0"
    assert queue.previous(0).title == "Song 2"


def test_repeat_one_does_not_hold_the_drivers_next_back() -> None:
    queue = PlayQueue(items(3), repeat="one")
    assert queue.next().title == "Song 1"
    assert queue.after_end().title == "Song 1"


def test_previous_restarts_the_track_after_three_seconds() -> None:
    queue = PlayQueue(items(3), index=1)
    assert queue.previous(RESTART_AFTER_MS + 1).title == "Song 1"
    assert queue.previous(RESTART_AFTER_MS).title == "Song 0"
    assert queue.previous(0).title == "Song 0"  # the first item: restarted, no wrap without repeat all
    assert queue.index == 0


def test_after_end_moves_on_and_rewinds_when_the_queue_is_done() -> None:
    queue = PlayQueue(items(2))
    assert queue.after_end().title == "Song 1"
    assert queue.after_end() is None
    assert queue.current.title == "Song 0"  # rewound, for the caller to show paused


def test_after_end_with_repeat_all_starts_over() -> None:
    queue = PlayQueue(items(2), index=1, repeat="all")
    assert queue.after_end().title == "Song 0"


def test_shuffle_keeps_the_current_item_and_is_a_permutation_from_the_seed() -> None:
    queue = PlayQueue(items(10), index=4)
    queue.set_shuffle(True, seed=7)
    assert queue.current.title == "Song 4" and queue.position == 0
    assert sorted(queue.order) == list(range(10)) and queue.order != tuple(range(10))
    again = PlayQueue(items(10), index=4)
    again.set_shuffle(True, seed=7)
    assert again.order == queue.order
    other = PlayQueue(items(10), index=4)
    other.set_shuffle(True, seed=8)
    assert other.order != queue.order
    following = [queue.next().title for _ in range(9)]
    assert sorted(following) == sorted(f"Song {i}" for i in range(10) if i != 4)
    assert queue.next() is None


def test_shuffle_off_returns_to_the_queued_order_on_the_same_item() -> None:
    queue = PlayQueue(items(5), index=1)
    queue.set_shuffle(True, seed=3)
    queue.next()
    playing = queue.current
    queue.set_shuffle(False)
    assert queue.current == playing and queue.position == queue.index
    assert titles(queue) == [f"Song {i}" for i in range(5)]


def test_select_takes_a_place_in_the_play_order() -> None:
    queue = PlayQueue(items(5))
    queue.set_shuffle(True, seed=1)
    chosen = queue.in_play_order()[3]
    assert queue.select(3) == chosen and queue.position == 3
    with pytest.raises(ValueError, match="position"):
        queue.select(5)


def test_repeat_cycles_off_all_one() -> None:
    queue = PlayQueue(items(1))
    assert [queue.cycle_repeat() for _ in range(3)] == ["all", "one", "off"]
    with pytest.raises(ValueError, match="repeat"):
        queue.set_repeat("sometimes")


def test_a_single_item_has_no_next_or_previous_but_restarts() -> None:
    queue = PlayQueue(items(1), repeat="all")
    assert not queue.has_next and not queue.has_previous
    assert queue.previous(0).title == "Song 0"
    assert queue.after_end().title == "Song 0"  # repeat all of one track plays it again


def test_an_empty_queue_has_nothing() -> None:
    queue = PlayQueue()
    assert (queue.current, queue.index, queue.next(), queue.previous(0), queue.after_end()) == (None, -1, None, None, None)
    queue.set_shuffle(True, seed=1)
    assert queue.shuffle and queue.order == ()


def test_to_json_round_trips_through_json_text() -> None:
    queue = PlayQueue(items(6), index=2, repeat="one")
    queue.set_shuffle(True, seed=11)
    queue.next()
    again = PlayQueue.from_json(json.loads(json.dumps(queue.to_json())))
    assert (again.items, again.order, again.position, again.shuffle, again.repeat) == (
        queue.items, queue.order, queue.position, True, "one")
    assert PlayQueue.from_json(PlayQueue().to_json()).current is None


def saved(**changes) -> dict:
    data = PlayQueue(items(3), index=1).to_json()
    data.update(changes)
    return data


@pytest.mark.parametrize(("data", "field"), [
    ([], "queue"),
    (saved(items="abc"), "queue.items"),
    (saved(items=[{"title": "x"}, {}, {}]), r"queue.items\[0\].uri"),
    (saved(items=[*saved()["items"][:2], {**saved()["items"][2], "duration_ms": -5}]), r"queue.items\[2\].duration_ms"),
    (saved(items=[*saved()["items"][:2], {**saved()["items"][2], "kind": "tape"}]), r"queue.items\[2\].kind"),
    (saved(items=[*saved()["items"][:2], {**saved()["items"][2], "title": 3}]), r"queue.items\[2\].title"),
    (saved(items=[*saved()["items"][:2], {**saved()["items"][2], "colour": "red"}]), r"queue.items\[2\].colour"),
    (saved(order=[0, 0, 1]), "queue.order"),
    (saved(order=[0, 2, 1]), "queue.order"),  # shuffled order while shuffle is off
    (saved(position=3), "queue.position"),
    (saved(position="1"), "queue.position"),
    (saved(shuffle="yes"), "queue.shuffle"),
    (saved(repeat="twice"), "queue.repeat"),
    (saved(extra=1), "queue.extra"),
])
def test_a_corrupt_saved_queue_names_the_field(data, field) -> None:
    with pytest.raises(ValueError, match=f"^{field}"):
        PlayQueue.from_json(data)


def test_a_bad_item_is_refused() -> None:
    with pytest.raises(ValueError, match="uri"):
        QueueItem("", "Title")
    with pytest.raises(ValueError, match="index"):
        PlayQueue(items(2), index=2)
