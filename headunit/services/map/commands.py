"""`headunit map import FILE` and `headunit map info`: the command-line side of the offline map.

Each returns the process exit status; errors are one line on stderr naming what is wrong.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .importer import MapImportError, import_extract
from .info import format_info, map_info
from .schema import MapSchemaError


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def import_command(pbf: Path, dest: Path, extra_pois: Sequence[Path] = ()) -> int:
    """Import `pbf` (plus the POIs of the `extra_pois` OSM XML files) into the map at `dest`;
    progress on stderr, the new map's facts on stdout."""
    def progress(message: str) -> None:
        print(f"headunit: map import: {message}", file=sys.stderr, flush=True)

    try:
        report = import_extract(Path(pbf), Path(dest), extra=[Path(p) for p in extra_pois], progress=progress)
    except MapImportError as exc:
        print(f"headunit: map import: {_one_line(exc)}", file=sys.stderr)
        return 1
    print(format_info(map_info(report.dest)))
    print(f"{'Took':<11}  {report.seconds:.1f} s")
    return 0


def info_command(dest: Path, as_json: bool) -> int:
    """Describe the map at `dest`, as text or (as_json) one JSON object."""
    try:
        info = map_info(Path(dest))
    except MapSchemaError as exc:
        print(f"headunit: map info: {_one_line(exc)}", file=sys.stderr)
        return 1
    print(json.dumps(info, indent=2, ensure_ascii=False) if as_json else format_info(info))
    return 0
