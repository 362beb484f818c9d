"""Qt's own messages go to standard error through Qt's own handler, never through Python.

Qt calls its message handler on the thread that logs. A handler written in Python needs the
GIL there, and Qt Multimedia's audio thread logs (on a machine with no audio device, at
every start of playback) while the GUI thread, holding the GIL, waits for that same thread
inside a player call: both stop for good (caught in test runs, and possible on a car whose
audio service starts late). Qt's default handler takes no Python lock, so it is kept, with
a pattern that makes each line say what it is: ``qt <type> [<category>] <message>``. Under
systemd, standard error goes to the journal.

QML warnings also reach the head unit's log file: the engine's ``warnings`` signal is
emitted on the GUI thread (``log_qml_warnings``).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import MutableMapping

from PySide6.QtQml import QQmlEngine, QQmlError

log = logging.getLogger("headunit.qt")

MESSAGE_PATTERN = "qt %{type} [%{category}] %{message}"
# One line written with MESSAGE_PATTERN: its type, category and message.
MESSAGE_LINE = re.compile(r"^qt (debug|info|warning|critical|fatal) \[([^\]]*)\] (.*)$")


def send_qt_messages_to_stderr(environ: MutableMapping[str, str] = os.environ) -> None:
    """Before the QGuiApplication is made: Qt's handler writes to standard error (not to
    journald directly), in MESSAGE_PATTERN unless the integrator set a pattern of their own."""
    environ.setdefault("QT_MESSAGE_PATTERN", MESSAGE_PATTERN)
    environ["QT_FORCE_STDERR_LOGGING"] = "1"


def log_qml_warnings(engine: QQmlEngine) -> None:
    """Log the engine's QML warnings and errors (on the GUI thread, where the signal comes)."""
    engine.warnings.connect(_log_warnings)


def _log_warnings(warnings: list[QQmlError]) -> None:
    for warning in warnings:
        log.warning("QML: %s", warning.toString())
