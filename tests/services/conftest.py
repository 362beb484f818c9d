"""Fixtures shared by the service tests: a head-unit store in a fresh directory, and a
backend client of the default vehicle for the `backend` fixture's reference backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from headunit.services.store import Store


@pytest.fixture
def store(tmp_path: Path):
    """The head unit's store in `tmp_path / "unit"` (credentials and other files go beside it)."""
    with Store.open(tmp_path / "unit") as opened:
        yield opened


@pytest.fixture
def client(backend, tmp_path: Path):
    """(Test files that need another kind of client define their own `client`.)"""
    made = backend.client(tmp_path)
    yield made
    made.close()
