"""Audio focus: navigation prompts and calls lower the music while they last.

Each holder gets a token and gives it back when done; the music stays lowered while any
token is out, so a prompt during a call does not bring the music back when the prompt ends.
"""

from __future__ import annotations

import itertools

FOCUS_KINDS = ("navigation", "call")


class AudioFocus:
    def __init__(self, duck_percent: int) -> None:
        if isinstance(duck_percent, bool) or not isinstance(duck_percent, int) or not 0 <= duck_percent <= 100:
            raise ValueError(f"duck_percent: expected an integer 0..100, got {duck_percent!r}")
        self._duck = duck_percent / 100
        self._holders: dict[int, str] = {}
        self._tokens = itertools.count(1)

    def request(self, kind: str) -> int:
        """Take the focus for a prompt or a call; returns the token to release it with."""
        if kind not in FOCUS_KINDS:
            raise ValueError(f"kind: expected one of {', '.join(FOCUS_KINDS)}, got {kind!r}")
        token = next(self._tokens)
        self._holders[token] = kind
        return token

    def release(self, token: int) -> bool:
        """Give the focus back; False for a token that is not held (already released, or never given)."""
        return self._holders.pop(token, None) is not None

    @property
    def holders(self) -> tuple[str, ...]:
        """The kinds holding the focus, oldest first."""
        return tuple(self._holders.values())

    @property
    def ducked(self) -> bool:
        return bool(self._holders)

    @property
    def volume_factor(self) -> float:
        """What the music's volume is multiplied by: 1.0, or duck_percent/100 while anyone holds the focus."""
        return self._duck if self._holders else 1.0
