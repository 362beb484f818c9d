"""Map fixtures (helsinki_map, the imported shipped extract, is in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from headunit.services.map.importer import import_extract

from .extracts import write_town


@pytest.fixture(scope="session")
def town_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made town of extracts.write_town, imported once (read-only)."""
    folder = tmp_path_factory.mktemp("town-map")
    dest = folder / "map.db"
    import_extract(write_town(folder / "town.osm.pbf"), dest)
    return dest
