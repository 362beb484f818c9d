from __future__ import annotations

import pytest

from headunit.qt.platform_check import display_problem


@pytest.mark.parametrize("platform, env", [
    ("", {"DISPLAY": ":0"}),
    ("", {"WAYLAND_DISPLAY": "wayland-0"}),
    ("xcb", {"DISPLAY": ":1"}),
    ("wayland", {"WAYLAND_DISPLAY": "wayland-0"}),
    ("offscreen", {}),
    ("eglfs", {}),
    ("linuxfb:fb=/dev/fb0", {}),
])
def test_platforms_that_can_show_a_window(platform, env):
    assert display_problem(platform, env) is None


@pytest.mark.parametrize("platform, env, missing", [
    ("", {}, "DISPLAY and WAYLAND_DISPLAY are unset"),
    ("xcb", {"WAYLAND_DISPLAY": "wayland-0"}, "DISPLAY is unset"),
    ("wayland-egl", {"DISPLAY": ":0"}, "WAYLAND_DISPLAY is unset"),
])
def test_no_display_is_one_line_saying_how_to_see_it(platform, env, missing):
    message = display_problem(platform, env)
    assert message is not None and "\n" not in message
    assert missing in message and "xvfb-run" in message and "--screenshot" in message
