"""An .osm.pbf file for the importer: checked before it is read, read with osmium, hashed for the meta rows.

The check reads only the first block's header: an OSM PBF file starts with a 4-byte
big-endian length, then a BlobHeader message whose type is "OSMHeader". That tells apart
XML, text and random bytes with a clear message; damage further in is found by osmium.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import osmium

_MAX_BLOB_HEADER = 64 * 1024


class MapImportError(Exception):
    """The extract cannot be imported; the message names the file and what is wrong."""


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ValueError("bad varint")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def _blob_header(data: bytes) -> tuple[str, int]:
    """(type, datasize) of a PBF BlobHeader message (fields 1: string type, 3: int32 datasize)."""
    kind, size, pos = None, None, 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            if number == 3:
                size = value
        elif wire == 2:
            length, pos = _varint(data, pos)
            if pos + length > len(data):
                raise ValueError("field runs past the header")
            if number == 1:
                kind = data[pos:pos + length].decode("ascii")
            pos += length
        else:
            raise ValueError(f"unexpected wire type {wire}")
    if kind is None or size is None:
        raise ValueError("type or size missing")
    return kind, size


def check_pbf(pbf: Path) -> None:
    """Raise MapImportError unless `pbf` starts like an OSM PBF file whose first block is all there."""
    if not pbf.exists():
        raise MapImportError(f"{pbf}: no such file")
    if not pbf.is_file():
        raise MapImportError(f"{pbf}: not a file")
    size = pbf.stat().st_size
    if size == 0:
        raise MapImportError(f"{pbf}: the file is empty")
    try:
        with open(pbf, "rb") as f:
            head = f.read(4 + _MAX_BLOB_HEADER)
    except OSError as exc:
        raise MapImportError(f"{pbf}: cannot read it ({exc.strerror})") from exc
    stripped = head.lstrip()
    if stripped.startswith((b"<?xml", b"<osm")):
        raise MapImportError(f"{pbf}: this is OSM XML, not an .osm.pbf extract "
                             "(convert it with 'osmium cat FILE.osm -o FILE.osm.pbf')")
    not_pbf = f"{pbf}: not an OpenStreetMap PBF extract (it does not start with an OSMHeader block)"
    if len(head) < 4:
        raise MapImportError(not_pbf)
    length = int.from_bytes(head[:4], "big")
    if not 0 < length <= _MAX_BLOB_HEADER:
        raise MapImportError(not_pbf)
    if len(head) < 4 + length:
        raise MapImportError(f"{pbf}: the file is truncated (it ends inside its first block)")
    try:
        kind, datasize = _blob_header(head[4:4 + length])
    except (ValueError, UnicodeDecodeError):
        raise MapImportError(not_pbf) from None
    if kind != "OSMHeader":
        raise MapImportError(not_pbf)
    if 4 + length + datasize > size:
        raise MapImportError(f"{pbf}: the file is truncated (it ends inside its first block)")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_objects(pbf: Path) -> Iterator[osmium.osm.OSMObject]:
    """The file's tagged objects and assembled areas; osmium's read errors become MapImportError."""
    processor = (osmium.FileProcessor(str(pbf)).with_locations().with_areas()
                 .with_filter(osmium.filter.EmptyTagFilter()))
    it = iter(processor)
    while True:
        try:
            obj = next(it)
        except StopIteration:
            return
        except (RuntimeError, ValueError, OSError) as exc:
            raise MapImportError(f"{pbf}: the file is truncated or corrupt ({exc})") from exc
        yield obj


def header_timestamp(pbf: Path) -> str:
    """The extract's OSM replication timestamp, "" when its header has none."""
    try:
        header = osmium.io.Reader(str(pbf), osmium.osm.NOTHING).header()
    except (RuntimeError, ValueError, OSError) as exc:
        raise MapImportError(f"{pbf}: the file is truncated or corrupt ({exc})") from exc
    return header.get("osmosis_replication_timestamp", "")
