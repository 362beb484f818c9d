"""Loading one reserve-and-pay panel offscreen, in a small QML wrapper that sizes it like the
card the flow view shows over the map at a screen size; list models are ListModel elements."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtQuick import QQuickView

from tests.qml.quick import find

QML_DIR = Path(__file__).resolve().parents[2] / "headunit" / "qml"
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


def panels_shown(qtbot, tmp_path: Path, default_size: str):
    """The body of a `show` fixture: show(spec, size, night, models=..., **overrides) -> (view, panel);
    overrides replace lines of the spec's body."""
    made = []

    def make(spec: tuple[str, str, str], size: str = default_size, night: bool = False, models: str | None = None,
             **overrides: str):
        panel, default_models, body = spec
        lines = [line for line in body.splitlines() if line.strip().split(":")[0] not in overrides]
        lines += [f"    {key}: {value}" for key, value in overrides.items()]
        source = tmp_path / f"{panel}_{len(made)}.qml"
        source.write_text(wrapper_qml(panel, default_models if models is None else models, "\n".join(lines),
                                      size, night))
        view = QQuickView()
        view.engine().addImportPath(str(QML_DIR))
        view.setSource(QUrl.fromLocalFile(str(source)))
        assert not view.errors(), view.errors()
        made.append(view)
        with qtbot.waitExposed(view):
            view.show()
        return view, find(view, "panel")

    yield make
    for view in made:
        view.close()
        shiboken6.delete(view)
