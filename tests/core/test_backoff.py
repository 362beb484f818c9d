import pytest

from headunit.core.backoff import backoff_ceiling, backoff_delay


def test_ceiling_doubles_from_the_base_up_to_the_cap() -> None:
    assert [backoff_ceiling(n, 0.5, 5.0) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 5.0, 5.0]


def test_ceiling_of_a_huge_attempt_is_the_cap_not_an_overflow() -> None:
    assert backoff_ceiling(10_000, 1.0, 30.0) == 30.0


@pytest.mark.parametrize("draw", [0.0, 0.25, 0.999])
def test_delay_is_the_draw_share_of_the_ceiling(draw: float) -> None:
    assert backoff_delay(3, 0.5, 60.0, draw) == pytest.approx(draw * 4.0)


@pytest.mark.parametrize(("attempt", "draw", "message"), [
    (-1, 0.5, "attempt must be >= 0, got -1"),
    (0, 1.0, r"draw must be in \[0, 1\), got 1.0"),
    (0, -0.1, r"draw must be in \[0, 1\), got -0.1"),
])
def test_bad_arguments_are_refused_by_name(attempt: int, draw: float, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        backoff_delay(attempt, 1.0, 10.0, draw)
