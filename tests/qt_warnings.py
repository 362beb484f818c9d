"""Any Qt warning fails the test during which it was written (DESIGN.md: tests).

Qt writes its messages to standard error with its own handler, as in the head unit
(headunit/qt/qt_messages.py); pytest captures that per test phase, and this plugin fails
the phase whose capture holds a message at `qt_log_level_fail` or above that matches none
of the `qt_log_ignore` patterns (pyproject.toml, and the test's `qt_log_ignore` markers).
pytest-qt's own capture is switched off (--no-qt-log): it installs a Python message handler,
which Qt calls on its own threads, where it needs the GIL and can deadlock against the GUI
thread waiting in a player call.
"""

from __future__ import annotations

import re

import pytest

from headunit.qt.qt_messages import MESSAGE_LINE

_RANKS = {"debug": 0, "info": 1, "warning": 2, "critical": 3, "fatal": 4}
_FAIL_AT = {"NO": None, "DEBUG": 0, "INFO": 1, "WARNING": 2, "CRITICAL": 3}


def _ignored(item: pytest.Item) -> list[re.Pattern[str]]:
    patterns = list(item.config.getini("qt_log_ignore"))
    for mark in item.iter_markers("qt_log_ignore"):
        patterns += list(mark.args)
    return [re.compile(pattern) for pattern in patterns]


def qt_failures(text: str, fail_at: int, ignored: list[re.Pattern[str]]) -> list[str]:
    """The lines of captured standard error that are Qt messages bad enough to fail a test."""
    bad = []
    for line in text.splitlines():
        match = MESSAGE_LINE.match(line)
        if match and _RANKS[match[1]] >= fail_at and not any(p.search(match[3]) for p in ignored):
            bad.append(line)
    return bad


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> pytest.TestReport:
    report = yield
    level = item.config.getini("qt_log_level_fail") or "NO"
    fail_at = _FAIL_AT[level.upper()]
    if fail_at is None or report.failed:
        return report
    captured = "".join(text for name, text in report.sections if name == f"Captured stderr {report.when}")
    bad = qt_failures(captured, fail_at, _ignored(item))
    if bad:
        report.outcome = "failed"
        report.longrepr = (f"Qt wrote {len(bad)} message(s) at {level} or above during {report.when}:\n"
                           + "\n".join(bad))
    return report
