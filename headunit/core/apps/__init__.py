"""Apps, without I/O: the manifest format and its rules (manifest.py) and the launcher's
order, pages and recently used row (launcher.py)."""

from .launcher import arrange, move, pages, recent
from .manifest import CATEGORIES, AppManifest, ManifestError, parse_manifest, path_problem

__all__ = [
    "CATEGORIES", "AppManifest", "ManifestError", "arrange", "move", "pages", "parse_manifest",
    "path_problem", "recent",
]
