"""The launcher's order of apps, its pages and the recently used row, without I/O.

The saved order is a position per app id. Apps installed since keep no position and go
after the saved ones, in the default order; positions of apps that are gone are dropped,
so an uninstalled app leaves no hole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def arrange(known_ids: Sequence[str], positions: Mapping[str, int]) -> list[str]:
    """The launcher order: saved apps by saved position, then new apps in ``known_ids`` order.

    Ties between saved positions (a hand-edited database) keep the default order; ids in
    ``positions`` that are not known are dropped, and a repeated known id counts once.
    """
    default = list(dict.fromkeys(known_ids))
    rank = {app_id: index for index, app_id in enumerate(default)}
    saved = sorted((app_id for app_id in default if app_id in positions),
                   key=lambda app_id: (positions[app_id], rank[app_id]))
    fresh = [app_id for app_id in default if app_id not in positions]
    return saved + fresh


def move(order: Sequence[str], from_index: int, to_index: int) -> list[str]:
    """``order`` with the app at ``from_index`` moved to ``to_index``.

    Both indexes are clamped to the list (a drag past either end lands at that end), so a
    move never raises; an empty order stays empty.
    """
    moved = list(order)
    if not moved:
        return moved
    last = len(moved) - 1
    from_index, to_index = _clamp(from_index, last), _clamp(to_index, last)
    moved.insert(to_index, moved.pop(from_index))
    return moved


def recent(order: Sequence[str], last_used: Mapping[str, float], limit: int) -> list[str]:
    """Up to ``limit`` apps of ``order``, most recently used first; never-used apps are left
    out, and equal times keep the launcher order."""
    if limit <= 0:
        return []
    rank = {app_id: index for index, app_id in enumerate(order)}
    used = [app_id for app_id in rank if app_id in last_used]
    used.sort(key=lambda app_id: (-last_used[app_id], rank[app_id]))
    return used[:limit]


def pages(order: Sequence[str], per_page: int) -> list[list[str]]:
    """``order`` cut into pages of ``per_page`` apps (the last may be shorter; none when empty)."""
    if per_page < 1:
        raise ValueError(f"per_page: expected at least 1 app per page, got {per_page}")
    return [list(order[start:start + per_page]) for start in range(0, len(order), per_page)]


def _clamp(index: int, last: int) -> int:
    return min(max(index, 0), last)
