"""The 'maptiles' image provider: tiles load off the GUI thread, come from the caches, follow the map."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickView

from headunit.core.map.geo import lonlat_to_world
from headunit.qt.map.tile_provider import MapTiles, TileRequest, TileRequestError, install_tile_provider
from headunit.qt.map.tile_style import tile_style
from headunit.services.map.tile_cache import TileCache
from tests.services.map.sample_map import CENTER, write_sample_map

QML_DIR = Path(__file__).resolve().parents[3] / "headunit" / "qml"

# Sources are set from a Timer, i.e. from the event loop: the provider's first request must
# never start inside Python code (see tile_provider's docstring).
IMAGES_QML = """
import QtQuick
Item {
    id: root
    property var tiles: []
    property bool go: false
    property int ready: 0
    width: 600; height: 300
    Timer { interval: 0; running: true; onTriggered: root.go = true }
    Repeater {
        model: root.tiles
        Image {
            required property string modelData
            required property int index
            objectName: "tile" + index
            x: index * 10
            asynchronous: true
            cache: false
            sourceSize.width: 256
            sourceSize.height: 256
            source: root.go ? "image://maptiles/" + modelData : ""
            onStatusChanged: if (status === Image.Ready) root.ready += 1
        }
    }
}
"""


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_map(tmp_path_factory.mktemp("provider") / "sample.db", map_id="sample")


def centre_tile(z: int) -> tuple[int, int]:
    wx, wy = lonlat_to_world(*CENTER, z)
    return int(wx // 256), int(wy // 256)


@pytest.fixture
def show_tiles(qtbot, tmp_path, sample_path):
    made = []

    def show(tile_ids: list[str]):
        view = QQuickView()
        view.engine().addImportPath(str(QML_DIR))
        provider = install_tile_provider(view.engine(), sample_path, tmp_path / "cache" / "tiles.db")
        qml = tmp_path / "Images.qml"
        qml.write_text(IMAGES_QML)
        view.setInitialProperties({"tiles": tile_ids})
        view.setSource(QUrl.fromLocalFile(str(qml)))
        assert not view.errors(), view.errors()
        made.append((view, provider))
        view.show()
        qtbot.waitUntil(lambda: view.rootObject().property("ready") == len(tile_ids), timeout=10_000)
        return view, provider

    yield show
    for view, provider in made:
        assert provider.shutdown()
        view.close()
        shiboken6.delete(view)  # now, not at some later test's event processing


def test_tiles_are_rendered_off_the_gui_thread_and_served_to_qml(show_tiles):
    x, y = centre_tile(16)
    view, provider = show_tiles([f"sample/day/16/{x}/{y}", f"sample/night/16/{x}/{y}"])
    stats = provider.tiles.stats
    assert stats.rendered == 2
    assert stats.threads and threading.main_thread().name not in stats.threads
    image = next(i for i in view.rootObject().childItems() if i.objectName() == "tile0")
    assert (image.property("implicitWidth"), image.property("implicitHeight")) == (256, 256)


def test_a_tile_asked_for_again_comes_from_memory_and_then_from_the_cache_file(show_tiles, tmp_path, sample_path):
    x, y = centre_tile(16)
    tile = f"sample/day/16/{x}/{y}"
    _, provider = show_tiles([tile, tile])
    stats = provider.tiles.stats
    assert (stats.rendered, stats.memory_hits) == (1, 1)
    assert stats.hit_ratio == 0.5
    # a fresh process would find it in the SQLite cache
    assert provider.shutdown()
    again = MapTiles(sample_path, tmp_path / "cache" / "tiles.db")
    image = again.image(TileRequest.parse(tile), 256)
    assert (again.stats.disk_hits, again.stats.rendered) == (1, 0)
    assert image.width() == 256
    again.close()


def test_a_tile_outside_the_map_is_plain_and_not_stored(qapp, tmp_path, sample_path):
    tiles = MapTiles(sample_path, tmp_path / "tiles.db")
    x, y = centre_tile(14)
    image = tiles.image(TileRequest.parse(f"sample/night/14/{x + 40}/{y}"), 256)
    assert QColor(image.pixel(128, 128)) == QColor(tile_style("night").palette.background)
    assert (tiles.stats.plain, tiles.stats.rendered) == (1, 0)
    tiles.close()
    assert TileCache(tmp_path / "tiles.db").count() == 0


def test_after_a_reimport_tiles_come_from_the_new_map_and_old_tiles_go(qapp, tmp_path):
    first = write_sample_map(tmp_path / "first.db", map_id="first")
    second = write_sample_map(tmp_path / "second.db", map_id="second")
    tiles = MapTiles(first, tmp_path / "tiles.db")
    x, y = centre_tile(16)
    request = TileRequest.parse(f"any/day/16/{x}/{y}")
    tiles.image(request, 256)
    tiles.set_map(second)
    tiles.image(request, 256)
    assert tiles.stats.rendered == 2  # not the first map's tile from memory
    tiles.close()
    cache = TileCache(tmp_path / "tiles.db")
    assert cache.count() == 1
    assert cache.get(cache_key("second", x, y)) is not None and cache.get(cache_key("first", x, y)) is None


def cache_key(map_id: str, x: int, y: int):
    from headunit.services.map.tile_cache import TileKey

    return TileKey(map_id, f"{tile_style('day').cache_key}@256", 16, x, y)


def test_without_a_readable_map_tiles_are_plain(qapp, tmp_path, caplog):
    missing = MapTiles(tmp_path / "no-map.db", tmp_path / "tiles.db")
    x, y = centre_tile(16)
    image = missing.image(TileRequest.parse(f"m/day/16/{x}/{y}"), 256)
    assert QColor(image.pixel(5, 5)) == QColor(tile_style("day").palette.background)
    assert "no map database" in caplog.text
    missing.close()


@pytest.mark.parametrize("tile_id, problem", [
    ("sample/day/16/1", "expected <map_id>/<style>/<z>/<x>/<y>"),
    ("sample/day/16/a/2", "must be integers"),
    ("sample/dusk/16/1/2", "unknown map style 'dusk'"),
    ("sample/day/40/1/2", "zoom 40 outside"),
])
def test_a_malformed_tile_id_is_refused_with_what_is_wrong(tile_id, problem):
    with pytest.raises(TileRequestError, match=problem):
        TileRequest.parse(tile_id)


def test_columns_wrap_around_the_world():
    assert TileRequest.parse("m/day/2/5/1").x == 1


POKE_FROM_PYTHON = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickView
from headunit.qt.map.tile_provider import install_tile_provider

app = QGuiApplication([])
view = QQuickView()
view.engine().addImportPath(sys.argv[3])
provider = install_tile_provider(view.engine(), Path(sys.argv[1]), Path(sys.argv[2]))
view.loadFromModule("HeadUnit", "MapCanvas")
view.resize(800, 480)
canvas = view.rootObject()
# everything below happens in Python, holding the GIL, while the reader thread renders
canvas.setProperty("tileSource", "image://maptiles/sample")
canvas.setProperty("zoom", 16)
view.show()
for step in range(120):
    canvas.setProperty("centerLon", 24.930 + step * 0.0002)
    canvas.setProperty("zoom", 14 + (step % 40) / 10)
    loop = QEventLoop()
    QTimer.singleShot(5, loop.quit)
    loop.exec()
assert provider.shutdown()
print("rendered", provider.tiles.stats.rendered)
"""


def test_map_changes_made_from_python_while_tiles_render_never_deadlock(tmp_path, sample_path):
    script = tmp_path / "poke.py"
    script.write_text(textwrap.dedent(POKE_FROM_PYTHON))
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, str(script), str(sample_path), str(tmp_path / "tiles.db"), str(QML_DIR)],
                            capture_output=True, text=True, timeout=120, cwd=root)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) > 10


def test_installing_the_provider_does_no_file_work_on_the_gui_thread(qapp, tmp_path, sample_path):
    from PySide6.QtQml import QQmlEngine

    engine = QQmlEngine()
    provider = install_tile_provider(engine, sample_path, tmp_path / "cache" / "tiles.db", max_bytes=1_000_000)
    assert not (tmp_path / "cache").exists()  # the cache opens with the first tile, on the reader thread
    x, y = centre_tile(16)
    provider.tiles.image(TileRequest.parse(f"sample/day/16/{x}/{y}"), 256)
    assert (tmp_path / "cache" / "tiles.db").exists()
    assert provider.shutdown()
    with pytest.raises(ValueError, match="max_bytes"):
        MapTiles(sample_path, tmp_path / "t.db", max_bytes=0)
    del engine


def test_memory_keeps_only_its_budget_of_decoded_tiles(qapp, tmp_path, sample_path):
    tiles = MapTiles(sample_path, tmp_path / "tiles.db", memory_bytes=2 * 256 * 256 * 4)  # two 256-px tiles
    x, y = centre_tile(17)
    requests = [TileRequest.parse(f"sample/day/17/{x + dx}/{y}") for dx in range(3)]
    for request in requests:
        tiles.image(request, 256)
    tiles.image(requests[2], 256)
    assert tiles.stats.memory_hits == 1
    tiles.image(requests[0], 256)  # pushed out of memory by the third: read back from the cache file
    assert (tiles.stats.memory_hits, tiles.stats.disk_hits) == (1, 1)
    tiles.close()
