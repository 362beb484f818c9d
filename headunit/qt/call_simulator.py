"""A simulated phone call for QA on the desktop simulator: holds the call audio focus.

The head unit has no telephony yet (Bluetooth hands-free needs its own work); QA still has to
check that a call lowers the music and that it comes back afterwards. Ctrl+Shift+C in the
simulator starts or ends a simulated call (Main.qml).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot


class FocusHolder(Protocol):
    def request_focus(self, kind: str) -> int: ...

    def release_focus(self, token: int) -> object: ...


class CallSimulator(QObject):
    inCallChanged = Signal()

    def __init__(self, focus: FocusHolder, show_notice, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._focus = focus
        self._show_notice = show_notice
        self._token: int | None = None

    inCall = Property(bool, lambda self: self._token is not None, notify=inCallChanged)

    @Slot()
    def toggleCall(self) -> None:  # noqa: N802 - QML name
        if self._token is None:
            self._token = self._focus.request_focus("call")
            self._show_notice(QCoreApplication.translate("CallSimulator", "Simulated call in progress"))
        else:
            self._focus.release_focus(self._token)
            self._token = None
            self._show_notice(QCoreApplication.translate("CallSimulator", "Simulated call ended"))
        self.inCallChanged.emit()
