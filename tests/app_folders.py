"""App folders written by tests: a manifest, a small SVG icon and an entry QML file."""

from __future__ import annotations

import json
from pathlib import Path

# An app whose state is a counter the driver taps up: kept state is a kept count.
COUNTER_QML = """import QtQuick
import HeadUnit

Rectangle {
    id: root
    property QtObject host
    property int taps: 0
    color: Theme.surface
    Text {
        anchors.centerIn: parent
        text: root.taps
        color: Theme.text
        font.pixelSize: Sizes.fontDisplay
    }
    MouseArea {
        objectName: "counterArea"
        anchors.fill: parent
        onClicked: root.taps += 1
    }
}
"""

# Passes the registry's checks (imports, files) but does not compile: no such type.
BROKEN_QML = """import QtQuick

Item {
    property QtObject host
    NoSuchElement {}
}
"""

ICON_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">'
            '<rect x="6" y="6" width="36" height="36" rx="8" fill="{colour}"/></svg>')


def write_app(root: Path, app_id: str, name: str, *, permissions: tuple[str, ...] = (),
              category: str = "services", usable_while_moving: bool = True, qml: str = COUNTER_QML,
              colour: str = "#3C8CE8", extra: dict | None = None) -> Path:
    """The folder ``root/<last part of app_id>`` holding a complete app; its path."""
    folder = root / app_id.rsplit(".", 1)[-1]
    folder.mkdir(parents=True)
    manifest = {"id": app_id, "version": "1.0.0", "names": {"en": name, "de": f"{name} (de)"},
                "icon": "icon.svg", "category": category, "entry": "App.qml",
                "permissions": list(permissions), "usable_while_moving": usable_while_moving, **(extra or {})}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "icon.svg").write_text(ICON_SVG.format(colour=colour), encoding="utf-8")
    (folder / "App.qml").write_text(qml, encoding="utf-8")
    return folder
