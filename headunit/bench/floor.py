"""The floor program of `headunit bench startup`: a bare PySide6 QML window that
reports its first frame the way `headunit run --bench-report` does, then exits."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow  # noqa: F401 - gives rootObjects() their QQuickWindow type


def main() -> int:
    app = QGuiApplication(sys.argv)
    engine = QQmlApplicationEngine()
    engine.load(str(Path(__file__).with_name("floor.qml")))
    if not engine.rootObjects():
        return 1
    window = engine.rootObjects()[0]

    def first_frame() -> None:
        print(json.dumps({"first_frame_epoch": time.time()}), flush=True)
        app.quit()

    window.frameSwapped.connect(first_frame, Qt.ConnectionType.SingleShotConnection)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
