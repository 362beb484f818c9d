from datetime import UTC, datetime, timedelta, timezone

import pytest

from headunit.core.preheat import LATE_GRACE, PreheatAction, action_for, next_occurrence

HELSINKI_WINTER = timezone(timedelta(hours=2))


def test_next_occurrence_is_today_when_still_ahead_else_tomorrow():
    now = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)  # 07:00 in Helsinki
    assert next_occurrence(7, 30, now, HELSINKI_WINTER) == datetime(2026, 11, 21, 5, 30, tzinfo=UTC)
    assert next_occurrence(6, 45, now, HELSINKI_WINTER) == datetime(2026, 11, 22, 4, 45, tzinfo=UTC)
    assert next_occurrence(7, 0, now, HELSINKI_WINTER) == datetime(2026, 11, 22, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize("hour, minute", [(24, 0), (-1, 0), (7, 60)])
def test_a_time_that_is_not_a_time_of_day_is_refused(hour, minute):
    with pytest.raises(ValueError, match="expected a time of day 00:00..23:59"):
        next_occurrence(hour, minute, datetime(2026, 11, 21, tzinfo=UTC), UTC)


def test_due_runs_within_the_grace_and_expires_after_it():
    due = datetime(2026, 11, 21, 5, 30, tzinfo=UTC)
    assert action_for(due, due - timedelta(seconds=1)) is PreheatAction.WAIT
    assert action_for(due, due) is PreheatAction.RUN
    assert action_for(due, due + LATE_GRACE) is PreheatAction.RUN
    assert action_for(due, due + LATE_GRACE + timedelta(seconds=1)) is PreheatAction.EXPIRED
