"""Extra POIs for a map import: OSM XML files of POI nodes added to an extract's POIs.

The bundled demo-pois.osm (demo fuel stations and chargers for the simulator) is one; the
first start adds it to the bundled extract, and `headunit map import --extra-pois FILE`
adds any such file to a user's extract. A file holds only <node> elements, each a POI of
a map category, with ids from ID_MIN up: far above OpenStreetMap's own ids, so they never
clash with the extract's, and still positive, so each has an OSM ref ('n9000000000000001')
the backend accepts as a POI id.

Every file is read and checked whole before the import writes anything; each fault is a
MapImportError naming the file and the node.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from headunit.core.map import osm_tags
from headunit.core.map.geo import BBox

from .pbf_file import MapImportError, file_sha256
from .writer import MapWriter

ID_MIN = 9_000_000_000_000_000
ID_MAX = 2**53 - 1  # still exact as a JSON (JavaScript) number


@dataclass(frozen=True)
class ExtraPoi:
    osm_id: int
    lon: float
    lat: float
    tags: osm_tags.PoiTags


@dataclass(frozen=True)
class ExtraPoiFile:
    path: Path
    sha256: str
    pois: tuple[ExtraPoi, ...]


def _elements(path: Path) -> Iterator[ET.Element]:
    """The file's <node> elements, complete; MapImportError for anything but nodes (and <bounds>) under <osm>."""
    depth = 0
    try:
        for event, elem in ET.iterparse(path, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 1 and elem.tag != "osm":
                    raise MapImportError(f"{path}: not an OSM XML file (its root element is <{elem.tag}>, not <osm>)")
                if depth == 2 and elem.tag not in ("node", "bounds"):
                    raise MapImportError(f"{path}: holds a <{elem.tag}>; an extra-POI file holds only POI nodes")
                continue
            depth -= 1
            if depth == 1 and elem.tag == "node":
                yield elem
    except ET.ParseError as exc:
        raise MapImportError(f"{path}: not a well-formed OSM XML file ({exc})") from None
    except FileNotFoundError:
        raise MapImportError(f"{path}: no such file") from None
    except OSError as exc:
        raise MapImportError(f"{path}: cannot read it ({exc.strerror})") from None


def _node_id(path: Path, node: ET.Element) -> int:
    text = node.get("id")
    try:
        value = int(text or "")
    except ValueError:
        raise MapImportError(f"{path}: a node has no valid id (id={text!r})") from None
    if not ID_MIN <= value <= ID_MAX:
        raise MapImportError(f"{path}: node {value}: extra POI ids must be from {ID_MIN} to {ID_MAX}, "
                             "so they never clash with OpenStreetMap's own ids")
    return value


def _coordinate(path: Path, osm_id: int, node: ET.Element, key: str, limit: float) -> float:
    text = node.get(key)
    try:
        value = float(text or "")
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and -limit <= value <= limit):
        raise MapImportError(f"{path}: node {osm_id}: {key} {text!r} is not a coordinate")
    return value


def _tags(path: Path, osm_id: int, node: ET.Element) -> dict[str, str]:
    tags: dict[str, str] = {}
    for tag in node.iter("tag"):
        key, value = tag.get("k"), tag.get("v")
        if key is None or value is None:
            raise MapImportError(f"{path}: node {osm_id}: a <tag> without k or v")
        if key in tags:
            raise MapImportError(f"{path}: node {osm_id}: tag {key!r} appears twice")
        tags[key] = value
    return tags


def _poi(path: Path, node: ET.Element) -> ExtraPoi:
    osm_id = _node_id(path, node)
    lat = _coordinate(path, osm_id, node, "lat", 90.0)
    lon = _coordinate(path, osm_id, node, "lon", 180.0)
    try:
        tags = osm_tags.poi_tags(_tags(path, osm_id, node))
    except osm_tags.BrokenTags as exc:
        raise MapImportError(f"{path}: node {osm_id}: {exc}") from None
    if tags is None:
        raise MapImportError(f"{path}: node {osm_id}: its tags make no POI the map shows "
                             "(for example amenity=fuel or amenity=charging_station)")
    return ExtraPoi(osm_id, lon, lat, tags)


def read_extra_pois(path: Path) -> ExtraPoiFile:
    """The POIs of one extra-POI file; MapImportError naming the file and node when any is unusable."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise MapImportError(f"{path}: not a file")
    pois: dict[int, ExtraPoi] = {}
    for node in _elements(path):
        poi = _poi(path, node)
        if poi.osm_id in pois:
            raise MapImportError(f"{path}: node {poi.osm_id} appears twice")
        pois[poi.osm_id] = poi
    if not pois:
        raise MapImportError(f"{path}: the file holds no POI nodes")
    return ExtraPoiFile(path, file_sha256(path), tuple(pois.values()))


def read_all(paths: Sequence[Path]) -> list[ExtraPoiFile]:
    """Every file of `paths` read; MapImportError also when two files share a node id."""
    files = [read_extra_pois(Path(p)) for p in paths]
    owner: dict[int, Path] = {}
    for f in files:
        for poi in f.pois:
            if poi.osm_id in owner:
                raise MapImportError(f"{f.path}: node {poi.osm_id} is also in {owner[poi.osm_id]}")
            owner[poi.osm_id] = f.path
    return files


def add_to_map(writer: MapWriter, files: Sequence[ExtraPoiFile], extent: BBox, extract: str) -> int:
    """Add the files' POIs to the map being written; how many. MapImportError (nothing added)
    when one lies outside the extract's extent: such a file belongs to another region."""
    for f in files:
        for poi in f.pois:
            if not (extent.min_lon <= poi.lon <= extent.max_lon and extent.min_lat <= poi.lat <= extent.max_lat):
                raise MapImportError(
                    f"{f.path}: node {poi.osm_id} at lat {poi.lat}, lon {poi.lon} lies outside the extract {extract} "
                    f"(lat {extent.min_lat:.5f} .. {extent.max_lat:.5f}, lon {extent.min_lon:.5f} .. "
                    f"{extent.max_lon:.5f}); nothing was imported")
    for f in files:
        for poi in f.pois:
            t = poi.tags
            writer.add_poi("node", poi.osm_id, t.category.key, poi.lon, poi.lat, name=t.name, address=t.address,
                           opening_hours=t.opening_hours, phone=t.phone, website=t.website)
    return sum(len(f.pois) for f in files)


def meta_entry(files: Sequence[ExtraPoiFile]) -> str:
    """The map's 'extra_pois' meta value: each file's name, hash and POI count, as JSON."""
    return json.dumps([{"source_name": f.path.name, "source_sha256": f.sha256, "pois": len(f.pois)} for f in files])
