"""The play queue: what plays now, what comes next, shuffle and repeat. Pure: the shuffle's
seed is passed in, so the same seed gives the same order.

Positions and indexes: `items` keep the order they were queued in (`index` is the current
item's place there); `order` is the play order (identity, or a permutation while shuffling),
and `position` is the current item's place in it. A queue list shown to the driver follows the
play order, so `select(position)` takes a place in that order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

KINDS = ("library", "stream")
REPEAT_MODES = ("off", "all", "one")
RESTART_AFTER_MS = 3000
"""`previous` restarts the current track once it has played longer than this."""


def _fail(where: str, expected: str, value: object) -> ValueError:
    return ValueError(f"{where}: expected {expected}, got {value!r}")


@dataclass(frozen=True)
class QueueItem:
    """One track or stream. `uri` is a file URL or path (library) or an http(s) URL (stream)."""

    uri: str
    title: str
    artist: str = ""
    album: str = ""
    cover: str = ""
    duration_ms: int = 0
    kind: str = "library"

    def __post_init__(self) -> None:
        for name in ("uri", "title", "artist", "album", "cover"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise _fail(name, "a string", value)
        if not self.uri:
            raise _fail("uri", "a non-empty string", self.uri)
        if isinstance(self.duration_ms, bool) or not isinstance(self.duration_ms, int) or self.duration_ms < 0:
            raise _fail("duration_ms", "an integer >= 0", self.duration_ms)
        if self.kind not in KINDS:
            raise _fail("kind", f"one of {', '.join(KINDS)}", self.kind)

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: object, where: str = "item") -> QueueItem:
        """An item from its JSON object; a ValueError names the bad field (`where.field`)."""
        if not isinstance(data, dict):
            raise _fail(where, "an object", data)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{where}.{unknown[0]}: unknown field")
        if "uri" not in data:
            raise ValueError(f"{where}.uri: missing")
        if "title" not in data:
            raise ValueError(f"{where}.title: missing")
        try:
            return cls(**data)
        except ValueError as exc:
            raise ValueError(f"{where}.{exc}") from None


class PlayQueue:
    """The queue of one playback session. Empty queues have index -1 and no current item."""

    def __init__(self, items: Sequence[QueueItem] = (), index: int = 0, repeat: str = "off") -> None:
        self._items = tuple(items)
        for i, item in enumerate(self._items):
            if not isinstance(item, QueueItem):
                raise _fail(f"items[{i}]", "a QueueItem", item)
        if repeat not in REPEAT_MODES:
            raise _fail("repeat", f"one of {', '.join(REPEAT_MODES)}", repeat)
        if self._items and not 0 <= index < len(self._items):
            raise _fail("index", f"0..{len(self._items) - 1}", index)
        self._order = list(range(len(self._items)))
        self._position = index if self._items else -1
        self._shuffle = False
        self._repeat = repeat

    # what the queue holds -------------------------------------------------------------------

    @property
    def items(self) -> tuple[QueueItem, ...]:
        return self._items

    @property
    def order(self) -> tuple[int, ...]:
        return tuple(self._order)

    @property
    def position(self) -> int:
        """The current item's place in the play order (-1 when empty)."""
        return self._position

    @property
    def index(self) -> int:
        """The current item's place in `items` (-1 when empty)."""
        return self._order[self._position] if self._items else -1

    @property
    def current(self) -> QueueItem | None:
        return self._items[self.index] if self._items else None

    def in_play_order(self) -> list[QueueItem]:
        return [self._items[i] for i in self._order]

    @property
    def shuffle(self) -> bool:
        return self._shuffle

    @property
    def repeat(self) -> str:
        return self._repeat

    def __len__(self) -> int:
        return len(self._items)

    # settings ---------------------------------------------------------------------------------

    def set_shuffle(self, on: bool, seed: int = 0) -> None:
        """Shuffle on: the current item stays current and first, the others follow in an order
        drawn from `seed`. Off: back to the queued order, still on the same item."""
        current = self.index
        self._shuffle = bool(on)
        if not self._items:
            return
        if on:
            rest = [i for i in range(len(self._items)) if i != current]
            random.Random(seed).shuffle(rest)
            self._order = [current, *rest]
            self._position = 0
        else:
            self._order = list(range(len(self._items)))
            self._position = current

    def set_repeat(self, mode: str) -> None:
        if mode not in REPEAT_MODES:
            raise _fail("repeat", f"one of {', '.join(REPEAT_MODES)}", mode)
        self._repeat = mode

    def cycle_repeat(self) -> str:
        """off -> all -> one -> off; returns the new mode."""
        self._repeat = REPEAT_MODES[(REPEAT_MODES.index(self._repeat) + 1) % len(REPEAT_MODES)]
        return self._repeat

    # moving -----------------------------------------------------------------------------------

    def select(self, position: int) -> QueueItem:
        """Make the item at `position` in the play order current."""
        if not 0 <= position < len(self._items):
            raise _fail("position", f"0..{len(self._items) - 1}", position)
        self._position = position
        return self._items[self.index]

    @property
    def has_next(self) -> bool:
        """Whether `next()` moves (a single item never does: there is nothing else to go to)."""
        if len(self._items) < 2:
            return False
        return self._repeat == "all" or self._position < len(self._items) - 1

    @property
    def has_previous(self) -> bool:
        """Whether `previous()` can go back to another item (it can always restart this one)."""
        if len(self._items) < 2:
            return False
        return self._repeat == "all" or self._position > 0

    def next(self) -> QueueItem | None:
        """The driver's next: the following item in play order. Repeat "all" wraps round; at the
        end otherwise it returns None and stays. Repeat "one" does not hold the driver back."""
        if not self.has_next:
            return None
        self._position = (self._position + 1) % len(self._items)
        return self._items[self.index]

    def previous(self, position_ms: int) -> QueueItem | None:
        """The driver's previous: past RESTART_AFTER_MS into the track it restarts the track
        (returns the current item); otherwise the item before, wrapping round with repeat "all";
        on the first item without a wrap it restarts it. The caller plays the result from 0."""
        if not self._items:
            return None
        if position_ms <= RESTART_AFTER_MS and self.has_previous:
            self._position = (self._position - 1) % len(self._items)
        return self._items[self.index]

    def after_end(self) -> QueueItem | None:
        """What plays when the current item ends by itself: the same one with repeat "one", the
        next one, the first again with repeat "all". None when the queue has finished: it is
        then rewound to its first item, which the caller shows paused."""
        if not self._items:
            return None
        if self._repeat == "one":
            return self._items[self.index]
        if self._position < len(self._items) - 1:
            self._position += 1
            return self._items[self.index]
        self._position = 0
        return self._items[self.index] if self._repeat == "all" else None

    # saving -----------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "items": [item.to_json() for item in self._items],
            "order": list(self._order),
            "position": self._position,
            "shuffle": self._shuffle,
            "repeat": self._repeat,
        }

    @classmethod
    def from_json(cls, data: object) -> PlayQueue:
        """A queue from `to_json()`'s output; a corrupt one raises a ValueError naming the field."""
        if not isinstance(data, dict):
            raise _fail("queue", "an object", data)
        unknown = sorted(set(data) - {"items", "order", "position", "shuffle", "repeat"})
        if unknown:
            raise ValueError(f"queue.{unknown[0]}: unknown field")
        raw_items = data.get("items")
        if not isinstance(raw_items, list):
            raise _fail("queue.items", "a list", raw_items)
        items = [QueueItem.from_json(raw, f"queue.items[{i}]") for i, raw in enumerate(raw_items)]
        order = data.get("order")
        if not isinstance(order, list) or sorted(order) != list(range(len(items))) or any(
                isinstance(i, bool) for i in order):
            raise _fail("queue.order", f"a permutation of 0..{len(items) - 1}", order)
        position = data.get("position")
        valid = range(len(items)) if items else range(-1, 0)
        if isinstance(position, bool) or not isinstance(position, int) or position not in valid:
            raise _fail("queue.position", f"an integer in {valid.start}..{valid.stop - 1}", position)
        shuffle = data.get("shuffle")
        if not isinstance(shuffle, bool):
            raise _fail("queue.shuffle", "true or false", shuffle)
        if not shuffle and order != list(range(len(items))):
            raise _fail("queue.order", "the queued order when shuffle is off", order)
        repeat = data.get("repeat")
        if repeat not in REPEAT_MODES:
            raise _fail("queue.repeat", f"one of {', '.join(REPEAT_MODES)}", repeat)
        queue = cls(items, 0, repeat)
        queue._order, queue._position, queue._shuffle = list(order), position, shuffle
        return queue
