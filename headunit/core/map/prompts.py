"""When guidance speaks: a prompt before each manoeuvre and one at it, each at most once.

Pure: the route tracker's progress goes in (which manoeuvre is next and how far away it
is), and the planner answers whether a prompt is due now. The Qt layer plays the prompt
and, while it plays, holds the navigation audio focus so music is lowered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class PromptStage(StrEnum):
    PREPARE = "prepare"  # "In 300 m, turn right"
    NOW = "now"  # "Turn right"


@dataclass(frozen=True)
class PromptDistances:
    prepare_m: float = 300.0
    now_m: float = 40.0


@dataclass
class PromptPlanner:
    """Remembers which (manoeuvre, stage) prompts were given, so none repeats.

    A manoeuvre first seen already inside a stage's distance gets only the closest stage:
    starting a route 20 m before a turn says "turn right", not "in 300 m" as well.
    """

    distances: PromptDistances = field(default_factory=PromptDistances)
    _given: set[tuple[int, PromptStage]] = field(default_factory=set)

    def reset(self) -> None:
        """A new route: manoeuvre indices start again."""
        self._given.clear()

    def update(self, maneuver_index: int | None, to_next_m: float) -> PromptStage | None:
        """The prompt due now for the next manoeuvre, or None."""
        if maneuver_index is None or to_next_m < 0:
            return None
        stage = (PromptStage.NOW if to_next_m <= self.distances.now_m
                 else PromptStage.PREPARE if to_next_m <= self.distances.prepare_m else None)
        if stage is None or (maneuver_index, stage) in self._given:
            return None
        self._given.add((maneuver_index, stage))
        if stage is PromptStage.NOW:
            self._given.add((maneuver_index, PromptStage.PREPARE))
        return stage
