"""headunit.core.restrictions: restriction sets, transitions, hysteresis, fail-safe."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headunit.core.config import RestrictionLimits
from headunit.core.restrictions import (
    INPUT_PATHS,
    DrivingInputs,
    DrivingState,
    RestrictionEngine,
    Restrictions,
    restrictions_for,
)
from headunit.core.signals import (
    CATALOGUE,
    GEAR_DRIVE,
    GEAR_NEUTRAL,
    GEAR_PARK,
    GEAR_REVERSE,
    SignalState,
    make_sample,
)

PARKED, STOPPED, MOVING = DrivingState.PARKED, DrivingState.STOPPED, DrivingState.MOVING
D, P = GEAR_DRIVE, GEAR_PARK


def drive(engine: RestrictionEngine, now: float, speed: float | None, gear: int | None = D,
          brake: bool | None = False, is_moving: bool | None = None) -> DrivingState:
    """One update; is_moving follows the speed unless given."""
    if is_moving is None and speed is not None:
        is_moving = speed != 0
    return engine.update(now, speed, is_moving, gear, brake).state


def moving_engine(limits: RestrictionLimits = RestrictionLimits()) -> RestrictionEngine:
    engine = RestrictionEngine(limits)
    assert drive(engine, 0.0, 50.0) is MOVING
    return engine


# --- restriction sets ----------------------------------------------------------------------


def test_parked_restricts_nothing() -> None:
    assert restrictions_for(PARKED) == Restrictions(PARKED, True, True, True, None, None, None)


def test_moving_applies_the_nhtsa_defaults() -> None:
    assert restrictions_for(MOVING) == Restrictions(MOVING, False, False, False, 21, 120, 5)


def test_stopped_in_gear_allows_keyboard_and_long_lists_but_not_video_or_payment() -> None:
    assert restrictions_for(STOPPED) == Restrictions(STOPPED, False, True, False, None, None, None)


def test_limits_and_switches_come_from_config() -> None:
    limits = RestrictionLimits(max_list_items=12, max_string_chars=80, max_task_screens=3,
                               video_while_moving=True, keyboard_while_moving=True)
    moving = restrictions_for(MOVING, limits)
    assert moving == Restrictions(MOVING, True, True, False, 12, 80, 3)
    assert restrictions_for(STOPPED, limits).video_allowed is True
    assert restrictions_for(STOPPED, limits).payment_confirmation_allowed is False
    payment = RestrictionLimits(payment_while_moving=True)
    assert restrictions_for(MOVING, payment).payment_confirmation_allowed is True
    assert restrictions_for(STOPPED, payment).payment_confirmation_allowed is True
    assert restrictions_for(PARKED, limits) == restrictions_for(PARKED)


def test_state_values_are_stable_strings() -> None:
    assert [s.value for s in DrivingState] == ["parked", "stopped", "moving"]


# --- transitions ---------------------------------------------------------------------------


def test_starts_moving_level_before_any_data() -> None:
    engine = RestrictionEngine()
    assert engine.state is MOVING and engine.restrictions == restrictions_for(MOVING)
    assert engine.changed is False and engine.next_deadline() is None
    assert engine.inputs == DrivingInputs()


def test_gear_p_at_standstill_parks_at_once() -> None:
    engine = RestrictionEngine()
    assert drive(engine, 0.0, 0.0, gear=P) is PARKED and engine.changed is True
    assert engine.restrictions == restrictions_for(PARKED)


def test_parking_brake_at_standstill_parks_at_once() -> None:
    engine = RestrictionEngine()
    assert drive(engine, 0.0, 0.0, gear=GEAR_NEUTRAL, brake=True) is PARKED


def test_parking_brake_or_gear_p_while_rolling_is_not_parked() -> None:
    engine = moving_engine()
    assert drive(engine, 1.0, 20.0, gear=P, brake=True) is MOVING
    assert drive(engine, 2.0, 1.5, gear=D, brake=True) is MOVING  # slowing: hold starts


def test_moving_then_stop_then_p_parks_at_once_without_waiting_for_the_hold() -> None:
    engine = moving_engine()
    assert drive(engine, 10.0, 0.0) is MOVING
    assert drive(engine, 10.5, 0.0, gear=P) is PARKED and engine.changed is True
    assert engine.next_deadline() is None


def test_parked_to_stopped_when_shifting_into_gear() -> None:
    engine = RestrictionEngine()
    drive(engine, 0.0, 0.0, gear=P)
    assert drive(engine, 1.0, 0.0, gear=D) is STOPPED and engine.changed is True
    assert drive(engine, 2.0, 5.0, gear=D) is STOPPED  # creeping inside the band
    assert drive(engine, 3.0, 8.5, gear=D) is MOVING and engine.changed is True


def test_parked_to_moving_at_once_when_driving_off_fast() -> None:
    engine = RestrictionEngine()
    drive(engine, 0.0, 0.0, gear=P)
    assert drive(engine, 0.1, 30.0, gear=D) is MOVING


def test_releasing_the_parking_brake_in_reverse_is_stopped() -> None:
    engine = RestrictionEngine()
    drive(engine, 0.0, 0.0, gear=GEAR_REVERSE, brake=True)
    assert drive(engine, 1.0, 0.0, gear=GEAR_REVERSE, brake=False) is STOPPED
    assert drive(engine, 2.0, -9.0, gear=GEAR_REVERSE) is MOVING  # reversing: negative speed


def test_a_stop_shorter_than_the_hold_stays_moving() -> None:
    engine = moving_engine()
    assert drive(engine, 10.0, 2.0) is MOVING
    assert engine.next_deadline() == 12.0
    assert drive(engine, 11.0, 0.0) is MOVING
    assert drive(engine, 11.9, 0.0) is MOVING
    assert drive(engine, 11.95, 9.0) is MOVING and engine.changed is False
    assert engine.next_deadline() is None


def test_a_stop_longer_than_the_hold_becomes_stopped_by_tick_alone() -> None:
    engine = moving_engine()
    assert drive(engine, 10.0, 0.0) is MOVING
    deadline = engine.next_deadline()
    assert deadline == 12.0
    assert engine.tick(11.99).state is MOVING and engine.changed is False
    assert engine.tick(deadline).state is STOPPED and engine.changed is True
    assert engine.next_deadline() is None
    assert engine.tick(13.0).state is STOPPED and engine.changed is False


def test_speed_inside_the_band_resets_the_hold() -> None:
    engine = moving_engine()
    drive(engine, 10.0, 2.0)
    drive(engine, 11.5, 4.0)  # back above stopped_below_kmh
    assert engine.next_deadline() is None
    drive(engine, 12.0, 2.0)
    assert engine.tick(13.9).state is MOVING
    assert engine.tick(14.0).state is STOPPED


def test_stopped_to_moving_at_once_above_the_threshold_only() -> None:
    engine = moving_engine()
    drive(engine, 10.0, 0.0)
    assert engine.tick(12.0).state is STOPPED
    assert drive(engine, 12.1, 8.0) is STOPPED  # not above 8 km/h
    assert drive(engine, 12.2, 8.01) is MOVING and engine.changed is True


def test_crawl_oscillating_between_2_and_7_kmh_never_flaps() -> None:
    engine = moving_engine()
    states = []
    now = 1.0
    for step in range(600):  # a minute of stop-and-go at 10 Hz, period 3 s
        now += 0.1
        speed = 4.5 - 2.5 * math.cos(2 * math.pi * step / 30)
        states.append(drive(engine, now, speed))
        states.append(engine.tick(now + 0.05).state)  # a timer firing between samples
    assert set(states) == {MOVING}


def test_crawl_after_a_real_stop_stays_stopped() -> None:
    engine = moving_engine()
    drive(engine, 10.0, 0.0)
    engine.tick(12.0)
    states = [drive(engine, 12.0 + i / 10, 2.0 + 5.0 * (i % 2)) for i in range(100)]
    assert set(states) == {STOPPED}


# --- fail-safe -----------------------------------------------------------------------------


def test_no_data_at_all_stays_moving_forever() -> None:
    engine = RestrictionEngine()
    for now in (0.0, 5.0, 3600.0):
        assert engine.update(now, None, None, None, None).state is MOVING
        assert engine.tick(now + 1).state is MOVING
    assert engine.next_deadline() is None


def test_gear_p_or_parking_brake_parks_even_with_the_speed_unknown() -> None:
    assert RestrictionEngine().update(0.0, None, None, P, None).state is PARKED
    assert RestrictionEngine().update(0.0, None, False, None, True).state is PARKED
    assert RestrictionEngine().update(0.0, None, True, P, True).state is MOVING  # IsMoving wins


def test_is_moving_decides_when_the_speed_is_unknown() -> None:
    engine = RestrictionEngine()
    drive(engine, 0.0, 0.0, gear=P)
    assert engine.update(1.0, None, True, D, False).state is MOVING
    assert engine.update(2.0, None, False, D, False).state is MOVING  # hold applies
    assert engine.tick(4.0).state is STOPPED


def test_speed_wins_over_is_moving_when_both_are_known() -> None:
    engine = RestrictionEngine()
    assert engine.update(0.0, 20.0, False, D, False).state is MOVING
    assert engine.update(1.0, 0.0, True, P, False).state is PARKED


def test_losing_the_speed_while_stopped_goes_moving_at_once() -> None:
    engine = moving_engine()
    drive(engine, 10.0, 0.0)
    engine.tick(12.0)
    assert engine.update(12.5, None, None, D, False).state is MOVING


def test_losing_every_input_while_parked_goes_moving_at_once() -> None:
    engine = RestrictionEngine()
    drive(engine, 0.0, 0.0, gear=P)
    assert engine.update(1.0, None, None, None, None).state is MOVING


@pytest.mark.parametrize("speed", [math.nan, math.inf, -math.inf])
def test_a_non_finite_speed_is_unknown(speed: float) -> None:
    engine = RestrictionEngine()
    drive(engine, 0.0, 0.0, gear=P)
    assert engine.update(0.5, 0.0, False, D, False).state is STOPPED
    assert engine.update(1.0, speed, None, D, False).state is MOVING
    assert engine.inputs.speed_kmh is None


def test_update_from_signals_treats_stale_and_out_of_range_as_unknown() -> None:
    assert INPUT_PATHS <= set(CATALOGUE)
    signals = SignalState()
    signals.apply_all([make_sample("Vehicle.Speed", 0, 1.0),
                       make_sample("Vehicle.Powertrain.Transmission.SelectedGear", P, 1.0)])
    engine = RestrictionEngine()
    assert engine.update_from_signals(1.0, signals).state is PARKED
    assert engine.inputs == DrivingInputs(0.0, None, P, None)
    signals.mark_all_stale()
    assert engine.update_from_signals(2.0, signals).state is MOVING
    assert engine.inputs == DrivingInputs()
    signals.apply(make_sample("Vehicle.Powertrain.Transmission.SelectedGear", P, 3.0))
    signals.apply(make_sample("Vehicle.Speed", 999, 3.0))  # out of range: unknown
    signals.apply(make_sample("Vehicle.IsMoving", True, 3.0))
    assert engine.update_from_signals(3.0, signals).state is MOVING
    signals.apply(make_sample("Vehicle.IsMoving", False, 4.0))
    assert engine.update_from_signals(4.0, signals).state is PARKED


# --- limits from config --------------------------------------------------------------------


def test_thresholds_and_hold_come_from_config() -> None:
    limits = RestrictionLimits(max_list_items=7, moving_above_kmh=15.0, stopped_below_kmh=5.0,
                               stop_hold_s=5.0)
    engine = RestrictionEngine(limits)
    drive(engine, 0.0, 0.0, gear=P)
    assert drive(engine, 1.0, 14.0) is STOPPED
    assert drive(engine, 2.0, 15.5) is MOVING
    assert engine.restrictions.max_list_items == 7
    assert drive(engine, 3.0, 4.9) is MOVING
    assert engine.next_deadline() == 8.0
    assert engine.tick(7.9).state is MOVING
    assert engine.tick(8.0).state is STOPPED


def test_zero_hold_stops_at_once_below_the_threshold() -> None:
    engine = moving_engine(RestrictionLimits(stop_hold_s=0.0))
    assert drive(engine, 1.0, 2.9) is STOPPED


# --- property: video and payment only when parked (unless configured) ---------------------

inputs = st.tuples(
    st.floats(0.0, 5.0),  # time step
    st.none() | st.floats(-20.0, 200.0) | st.sampled_from([0.0, 2.9, 3.0, 8.0, 8.1, math.nan]),
    st.none() | st.booleans(),
    st.none() | st.sampled_from([P, D, GEAR_NEUTRAL, GEAR_REVERSE, 1, 2]),
    st.none() | st.booleans(),
    st.booleans(),  # also tick at the deadline
)
limit_sets = st.builds(RestrictionLimits, video_while_moving=st.booleans(),
                       keyboard_while_moving=st.booleans(), payment_while_moving=st.booleans())


@given(limit_sets, st.lists(inputs, max_size=60))
def test_video_and_payment_only_when_parked_unless_configured(
    limits: RestrictionLimits, trace: list[tuple]
) -> None:
    engine = RestrictionEngine(limits)
    now = 0.0
    for step, speed, is_moving, gear, brake, tick in trace:
        now += step
        results = [engine.update(now, speed, is_moving, gear, brake)]
        deadline = engine.next_deadline()
        if tick and deadline is not None:
            now = max(now, deadline)
            results.append(engine.tick(now))
        for result in results:
            assert result == restrictions_for(result.state, limits)
            if result.video_allowed and not limits.video_while_moving:
                assert result.state is PARKED
            if result.payment_confirmation_allowed and not limits.payment_while_moving:
                assert result.state is PARKED
            if result.state is PARKED:
                assert gear == P or brake is True
            known = None if speed is None or not math.isfinite(speed) else speed
            unknown_motion = known is None and is_moving is None
            if (known is not None and abs(known) > 8.0) or (known is None and is_moving) or (
                    unknown_motion and gear != P and brake is not True):
                assert result.state is MOVING
