"""Fixtures for the QML tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.qml.quick import Views


@pytest.fixture
def views(qtbot, tmp_path) -> Iterator[Views]:
    """QML scenes shown offscreen for this test, closed after it."""
    shown = Views(qtbot, tmp_path)
    yield shown
    shown.close_all()
