"""Loading one reserve-and-pay panel offscreen, in a small QML wrapper that sizes it like the
card the flow view shows over the map at a screen size; list models are ListModel elements."""

from __future__ import annotations

from pathlib import Path

from tests.qml.quick import Views, find
SHOTS = Path("/tmp/pay_panels")
# the flow card at each screen size (width, height)
CARDS = {"800x480": (660, 400), "1280x720": (560, 600), "1920x720": (560, 640)}


def wrapper_qml(panel: str, models: str, body: str, size: str, night: bool) -> str:
    width, height = (int(v) for v in size.split("x"))
    card_w, card_h = CARDS[size]
    return f"""import QtQuick
import HeadUnit

Rectangle {{
    id: root
    readonly property color goodColour: Theme.good
    readonly property color warningColour: Theme.warning
    readonly property color criticalColour: Theme.critical
    readonly property color mutedColour: Theme.textMuted
    readonly property color accentColour: Theme.accent
    readonly property int touchTarget: Sizes.touchTarget
    readonly property int margin: Sizes.margin
    readonly property int spacing: Sizes.spacing
    width: {card_w} + 40
    height: {card_h} + 40
    color: Theme.background
    Binding {{ target: Theme; property: "night"; value: {str(night).lower()} }}
    Binding {{ target: Sizes; property: "windowWidth"; value: {width} }}
    Binding {{ target: Sizes; property: "windowHeight"; value: {height} }}
{models}
    {panel} {{
        objectName: "panel"
        anchors.centerIn: parent
        width: {card_w}
        height: {card_h}
{body}
    }}
}}
"""


def panels_shown(views: Views, default_size: str):
    """A `show` function: show(spec, size, night, models=..., **overrides) -> (view, panel);
    overrides replace lines of the spec's body."""

    def make(spec: tuple[str, str, str], size: str = default_size, night: bool = False, models: str | None = None,
             **overrides: str):
        panel, default_models, body = spec
        lines = [line for line in body.splitlines() if line.strip().split(":")[0] not in overrides]
        lines += [f"    {key}: {value}" for key, value in overrides.items()]
        view = views.open(wrapper_qml(panel, default_models if models is None else models, "\n".join(lines),
                                      size, night), panel)
        return view, find(view, "panel")

    return make
