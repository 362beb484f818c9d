"""Route Qt's own messages (QML warnings included) into the head unit's log."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("headunit.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

# What Qt Multimedia says on a machine without sound or video hardware (CI, a container, a
# board whose audio service starts later): a fact about the machine, not a fault of the unit.
# Playback still runs, so these are logged as information rather than warnings.
_NO_DEVICE = re.compile(r'^(PulseAudioService: pa_context_connect\(\) failed|No audio device detected'
                        r'|Couldn\'t (load|resolve) pipewire-0\.3|"?No HW decoder found)')


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.file}:{context.line})" if context.file else ""
    level = _LEVELS.get(kind, logging.WARNING)
    if level == logging.WARNING and _NO_DEVICE.match(message):
        level = logging.INFO
    log.log(level, "%s%s", message, where)


def route_qt_messages() -> None:
    qInstallMessageHandler(_handler)
