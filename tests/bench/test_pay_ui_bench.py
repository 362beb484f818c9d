"""`headunit bench pay`, the UI part: a short run taps through a QR flow and a wallet flow of the
whole head unit and reports every transition with its floor. No figure is asserted against a
time: benchmarks measure, tests check behaviour."""

from __future__ import annotations

from collections import Counter

import pytest

from headunit.bench import pay_ui


def test_two_flows_time_every_screen_changing_tap_and_a_floor_of_as_many_taps() -> None:
    result = pay_ui.measure(flows=2)
    expected = Counter(pay_ui.QR_FLOW) + Counter(pay_ui.WALLET_FLOW)  # flow 1 by QR, flow 2 fuel by wallet
    assert result["flows"] == 2 and result["size"] == "1280x720"
    qr_kind = "parking/qr" if "parking/qr" in result["flow_kinds"] else "fuel/qr"  # parking in daytime (UTC)
    assert result["flow_kinds"] == {qr_kind: 1, "fuel/wallet": 1}
    assert result["per_transition_taps"] == dict(expected)
    assert result["taps"] == sum(expected.values()) == result["floor_taps"]
    assert 0 < result["ms_p50"] <= result["ms_p95"] <= result["ms_max"]
    assert 0 < result["floor_ms_p50"] <= result["floor_ms_p95"] <= result["floor_ms_max"]
    assert result["ratio_p95"] == pytest.approx(result["ms_p95"] / result["floor_ms_p95"], rel=0.01)
    per_transition = result["per_transition_ms_p95"]
    assert set(per_transition) == set(expected) and all(ms > 0 for ms in per_transition.values())
    assert result["slowest_transition"] == max(per_transition, key=per_transition.get)
    assert result["ms_max"] == max(per_transition.values())
    assert result["elapsed_s"] > 0


def test_figures_name_the_slowest_transition_and_compare_with_the_floor() -> None:
    samples = [("row->details", 10.0), ("book->choose", 30.0), ("row->details", 12.0), ("book->choose", 50.0)]
    result = pay_ui.figures(samples, [5.0, 5.0, 5.0, 10.0], {"parking/qr": 1})
    assert (result["flows"], result["flow_kinds"]) == (1, {"parking/qr": 1})
    assert result["per_transition_ms_p95"] == {"row->details": 12.0, "book->choose": 50.0}
    assert result["per_transition_taps"] == {"row->details": 2, "book->choose": 2}
    assert result["slowest_transition"] == "book->choose"
    assert (result["taps"], result["floor_taps"], result["ms_max"], result["floor_ms_p95"]) == (4, 4, 50.0, 10.0)
    assert result["ratio_p95"] == 5.0


def test_a_run_without_flows_is_refused() -> None:
    with pytest.raises(ValueError, match="flows must be at least 1"):
        pay_ui.measure(flows=0)
