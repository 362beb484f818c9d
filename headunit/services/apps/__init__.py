"""Apps on disk: discovering and checking app folders (registry.py) and the launcher's
saved order and last-used times in the store (launcher_state.py)."""

from .launcher_state import LauncherRecord, load_launcher, mark_used, save_order
from .registry import (
    BUILTIN_APPS_DIR, AppInfo, AppRefused, AppRoot, Discovery, Refusal, discover, load_app,
)

__all__ = [
    "BUILTIN_APPS_DIR", "AppInfo", "AppRefused", "AppRoot", "Discovery", "LauncherRecord", "Refusal",
    "discover", "load_app", "load_launcher", "mark_used", "save_order",
]
