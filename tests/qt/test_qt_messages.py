"""Qt's messages: Qt's own handler on standard error, recognisable lines, QML warnings logged."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine

from headunit.qt.qt_messages import MESSAGE_LINE, MESSAGE_PATTERN, log_qml_warnings, send_qt_messages_to_stderr
from tests.qt_warnings import qt_failures


def test_the_environment_keeps_an_integrators_own_pattern():
    environ: dict[str, str] = {}
    send_qt_messages_to_stderr(environ)
    assert environ == {"QT_MESSAGE_PATTERN": MESSAGE_PATTERN, "QT_FORCE_STDERR_LOGGING": "1"}
    own = {"QT_MESSAGE_PATTERN": "%{message}"}
    send_qt_messages_to_stderr(own)
    assert own["QT_MESSAGE_PATTERN"] == "%{message}"


def test_a_message_from_a_qt_thread_is_one_recognisable_line_on_stderr():
    """In a child process: Qt's own handler writes it; no Python runs on the logging thread."""
    script = (
        "from headunit.qt.qt_messages import send_qt_messages_to_stderr\n"
        "send_qt_messages_to_stderr()\n"
        "from PySide6.QtCore import QThread, qWarning\n"
        "class Worker(QThread):\n"
        "    def run(self): qWarning('from a thread')\n"
        "w = Worker(); w.start(); w.wait()\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_MESSAGE_PATTERN"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    [line] = [line for line in done.stderr.splitlines() if "from a thread" in line]
    assert MESSAGE_LINE.match(line).groups() == ("warning", "default", "from a thread")


@pytest.mark.qt_log_ignore("undefinedName")  # Qt also writes it to standard error, as it should
def test_qml_warnings_reach_the_head_units_log(qapp, caplog):
    engine = QQmlEngine()
    log_qml_warnings(engine)
    component = QQmlComponent(engine)
    component.setData(b"import QtQuick\nItem { width: undefinedName }", QUrl("file:///warns.qml"))
    with caplog.at_level(logging.WARNING, logger="headunit.qt"):
        made = component.create()
    assert made is not None
    assert any("undefinedName" in record.getMessage() for record in caplog.records)


def test_only_qt_lines_at_the_failing_level_and_not_ignored_fail_a_test():
    captured = "\n".join([
        "qt warning [qt.multimedia] No audio device detected",
        "qt info [default] all good",
        "qt critical [qt.qml] Main.qml:3: TypeError",
        "a line of our own that mentions qt warning",
        "qt warning [default] boom",
    ])
    ignored = [re.compile(r"^No audio device")]
    assert qt_failures(captured, 2, ignored) == ["qt critical [qt.qml] Main.qml:3: TypeError",
                                                 "qt warning [default] boom"]
    assert qt_failures(captured, 3, ignored) == ["qt critical [qt.qml] Main.qml:3: TypeError"]
