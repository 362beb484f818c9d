"""When a scheduled pre-heat runs. Pure: `now` is passed in (aware UTC datetimes)."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum

# A pre-heat due while the unit was off still runs if it is at most this late;
# later than that the driver has most likely left, and heating an empty car is waste.
LATE_GRACE = timedelta(minutes=30)


class PreheatAction(StrEnum):
    WAIT = "wait"
    RUN = "run"
    EXPIRED = "expired"


def next_occurrence(hour: int, minute: int, now: datetime, local: tzinfo) -> datetime:
    """The next time the local clock shows hour:minute (today or tomorrow), in UTC."""
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise ValueError(f"expected a time of day 00:00..23:59, got {hour:02d}:{minute:02d}")
    local_now = now.astimezone(local)
    candidate = datetime.combine(local_now.date(), time(hour, minute), tzinfo=local)
    if candidate <= local_now:
        candidate = datetime.combine(local_now.date() + timedelta(days=1), time(hour, minute), tzinfo=local)
    return candidate.astimezone(now.tzinfo)


def action_for(due_at: datetime, now: datetime, grace: timedelta = LATE_GRACE) -> PreheatAction:
    if now < due_at:
        return PreheatAction.WAIT
    return PreheatAction.RUN if now - due_at <= grace else PreheatAction.EXPIRED
