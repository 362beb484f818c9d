"""Guard against a PySide6 regression that crashes the head unit.

PySide6 6.12.0 on Python 3.11 drops a reference to True on every Signal.emit();
after a few hundred emits Python aborts ("bool_dealloc: deallocating True or
False"). A head unit emits that many in seconds, so such a release must not be
installed (pyproject.toml pins below it).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    with_text = Signal(str)


def test_emitting_signals_keeps_the_reference_counts_of_true_and_false(qapp):
    emitter = _Emitter()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):
        emitter.plain.emit()
        emitter.with_text.emit("x")
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert after == before, f"PySide6 leaks references to True/False on emit: {before} -> {after}"
