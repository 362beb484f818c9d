"""Fixtures shared by the service tests: a backend client of the default vehicle for the
`backend` fixture's reference backend (the `store` fixture is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def client(backend, tmp_path: Path):
    """(Test files that need another kind of client define their own `client`.)"""
    made = backend.client(tmp_path)
    yield made
    made.close()
