"""Say in one line why the head unit cannot show a window here, before Qt tries."""

from __future__ import annotations

from collections.abc import Mapping

HOW_TO_SEE_IT = (
    "run it under a virtual screen ('xvfb-run -a make run') or render a picture "
    "('headunit --platform offscreen --screenshot out.png')"
)


def display_problem(platform: str, env: Mapping[str, str]) -> str | None:
    """The reason no window can be shown on `platform` ("" = Qt's choice), or None."""
    name = platform.split(":", 1)[0]
    has_x, has_wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if name == "" and not (has_x or has_wayland):
        missing = "DISPLAY and WAYLAND_DISPLAY are unset"
    elif name == "xcb" and not has_x:
        missing = "DISPLAY is unset"
    elif name.startswith("wayland") and not has_wayland:
        missing = "WAYLAND_DISPLAY is unset"
    else:
        return None
    return f"headunit: no display ({missing}); {HOW_TO_SEE_IT}"
