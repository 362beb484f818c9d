"""AudioFocus: music is lowered while any prompt or call holds the focus."""

from __future__ import annotations

import pytest

from headunit.core.media.audio_focus import AudioFocus


def test_a_prompt_lowers_the_music_until_it_is_released() -> None:
    focus = AudioFocus(25)
    assert (focus.volume_factor, focus.ducked) == (1.0, False)
    token = focus.request("navigation")
    assert (focus.volume_factor, focus.ducked, focus.holders) == (0.25, True, ("navigation",))
    assert focus.release(token)
    assert (focus.volume_factor, focus.ducked) == (1.0, False)


def test_a_prompt_during_a_call_keeps_the_music_low_until_both_are_gone() -> None:
    focus = AudioFocus(40)
    call = focus.request("call")
    prompt = focus.request("navigation")
    assert prompt != call
    focus.release(prompt)
    assert focus.volume_factor == 0.4 and focus.holders == ("call",)
    focus.release(call)
    assert focus.volume_factor == 1.0


def test_releasing_twice_or_an_unknown_token_changes_nothing() -> None:
    focus = AudioFocus(25)
    call = focus.request("call")
    prompt = focus.request("navigation")
    assert focus.release(prompt)
    assert not focus.release(prompt)
    assert not focus.release(999)
    assert focus.ducked


def test_zero_percent_silences_the_music() -> None:
    focus = AudioFocus(0)
    focus.request("call")
    assert focus.volume_factor == 0.0


@pytest.mark.parametrize("percent", [-1, 101, 2.5, True])
def test_a_bad_duck_percent_is_refused(percent) -> None:
    with pytest.raises(ValueError, match="duck_percent"):
        AudioFocus(percent)


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        AudioFocus(25).request("music")
