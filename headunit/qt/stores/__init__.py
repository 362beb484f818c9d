"""Stores: the QObjects QML sees. Only stores talk to services (DESIGN.md)."""

from headunit.qt.stores.area_model import AreaListModel
from headunit.qt.stores.shell_store import ShellStore
from headunit.qt.stores.status_store import StatusStore

__all__ = ["AreaListModel", "ShellStore", "StatusStore"]
