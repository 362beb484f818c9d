"""Stores: the QObjects QML sees. Only stores talk to services (DESIGN.md).

The shell's stores load before the first frame; the vehicle's (restrictions,
warnings) only after it, so import those from their modules, not from here.
"""

from headunit.qt.stores.area_model import AreaListModel
from headunit.qt.stores.shell_store import ShellStore
from headunit.qt.stores.status_store import StatusStore

__all__ = ["AreaListModel", "ShellStore", "StatusStore"]
