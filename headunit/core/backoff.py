"""Exponential back-off with full jitter (AWS architecture blog's "full jitter"):
the n-th retry waits a uniform random time in [0, min(cap, base * 2**n)], so many
head units coming back online at once do not hammer the backend in step.

Pure: the random draw is passed in (a number in [0, 1)).
"""

from __future__ import annotations


def backoff_ceiling(attempt: int, base_s: float, cap_s: float) -> float:
    """The longest wait before retry number ``attempt`` (0 = the first retry)."""
    if attempt < 0:
        raise ValueError(f"attempt must be >= 0, got {attempt}")
    return min(cap_s, base_s * 2 ** min(attempt, 62))


def backoff_delay(attempt: int, base_s: float, cap_s: float, draw: float) -> float:
    """A full-jitter wait: ``draw`` (uniform in [0, 1)) times the ceiling."""
    if not 0.0 <= draw < 1.0:
        raise ValueError(f"draw must be in [0, 1), got {draw}")
    return draw * backoff_ceiling(attempt, base_s, cap_s)
