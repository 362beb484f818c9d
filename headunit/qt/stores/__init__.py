"""Stores: the QObjects QML sees. Only stores talk to services (DESIGN.md)."""

from headunit.qt.stores.area_model import AreaListModel
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.qt.stores.shell_store import ShellStore
from headunit.qt.stores.status_store import StatusStore
from headunit.qt.stores.vehicle_store import VehicleStore
from headunit.qt.stores.warning_model import WarningListModel

__all__ = ["AreaListModel", "RestrictionsStore", "ShellStore", "StatusStore", "VehicleStore", "WarningListModel"]
