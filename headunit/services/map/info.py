"""What an installed map holds: `headunit map info` and the settings page read it from the meta table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .schema import MapSchemaError, open_map, read_meta

COUNT_KEYS = ("roads", "areas", "pois", "places", "graph_nodes", "graph_edges")


def _json_meta(meta: dict[str, str], key: str, path: Path) -> dict[str, int]:
    text = meta.get(key)
    if text is None:
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise MapSchemaError(f"{path}: the map's '{key}' entry is not valid JSON; import the extract again") from None
    if not isinstance(value, dict):
        raise MapSchemaError(f"{path}: the map's '{key}' entry is not a JSON object; import the extract again")
    return value


def _extra_pois(meta: dict[str, str], path: Path) -> list[dict[str, Any]]:
    """The extra POI files the map was imported with (extra_pois.meta_entry), [] when none."""
    try:
        value = json.loads(meta.get("extra_pois", "[]"))
    except json.JSONDecodeError:
        value = None
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise MapSchemaError(f"{path}: the map's 'extra_pois' entry is not a JSON list of objects; "
                             "import the extract again")
    return value


def _float(meta: dict[str, str], key: str) -> float | None:
    try:
        return float(meta[key])
    except (KeyError, ValueError):
        return None


def map_info(path: Path) -> dict[str, Any]:
    """Facts about the map database at `path`; MapSchemaError when it is missing or not a map."""
    path = Path(path)
    conn = open_map(path)
    try:
        meta = read_meta(conn)
    finally:
        conn.close()
    corners = [_float(meta, k) for k in ("min_lon", "min_lat", "max_lon", "max_lat")]
    extent = None if None in corners else dict(zip(("min_lon", "min_lat", "max_lon", "max_lat"), corners))
    source_bytes = meta.get("source_bytes")
    return {
        "path": str(path),
        "file_bytes": path.stat().st_size,
        "schema_version": meta.get("schema_version"),
        "map_id": meta.get("map_id"),
        "source_name": meta.get("source_name"),
        "source_sha256": meta.get("source_sha256"),
        "source_bytes": int(source_bytes) if source_bytes and source_bytes.isdigit() else None,
        "imported_at": meta.get("imported_at"),
        "osm_timestamp": meta.get("osm_timestamp"),
        "extent": extent,
        "counts": _json_meta(meta, "counts", path),
        "skipped": _json_meta(meta, "skipped", path),
        "extra_pois": _extra_pois(meta, path),
        "attribution": meta.get("attribution"),
    }


def _mb(size: int | None) -> str:
    return "?" if size is None else f"{size / 1e6:.1f} MB"


def format_info(info: dict[str, Any]) -> str:
    """`map_info` as aligned lines for a terminal."""
    counts = info["counts"]
    skipped = info["skipped"]
    lines = [("Map", f"{info['path']} ({_mb(info['file_bytes'])})")]
    source = info.get("source_name") or "unknown"
    sha = info.get("source_sha256")
    lines.append(("Source", f"{source} ({_mb(info.get('source_bytes'))}"
                            + (f", sha256 {sha[:16]}…)" if sha else ")")))
    lines.append(("OSM data of", info.get("osm_timestamp") or "unknown (no replication timestamp in the file)"))
    lines.append(("Imported", info.get("imported_at") or "unknown"))
    extent = info.get("extent")
    if extent:
        lines.append(("Extent", f"lon {extent['min_lon']:.5f} .. {extent['max_lon']:.5f}, "
                                f"lat {extent['min_lat']:.5f} .. {extent['max_lat']:.5f}"))
    if counts:
        lines.append(("Contents", ", ".join(f"{counts.get(k, 0):,} {k.replace('_', ' ')}" for k in COUNT_KEYS)))
    if skipped:
        lines.append(("Skipped", ", ".join(f"{v:,} {k.replace('_', ' ')}" for k, v in skipped.items())))
    for extra in info["extra_pois"]:
        lines.append(("Extra POIs", f"{extra.get('pois', '?')} from {extra.get('source_name') or 'unknown'} "
                                    f"(not from the extract; included in the {counts.get('pois', '?')} pois)"))
    lines.append(("Map id", info.get("map_id") or "none"))
    lines.append(("Attribution", info.get("attribution") or "none recorded"))
    width = max(len(label) for label, _ in lines)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in lines)
