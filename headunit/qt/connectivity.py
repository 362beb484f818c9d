"""Network reachability from Qt's QNetworkInformation (glib, NetworkManager or
connman backends) into the status bar. The backend's own health check replaces
"online" with "backend reachable" once the backend clients exist."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QNetworkInformation

from headunit.qt.stores import StatusStore

log = logging.getLogger("headunit.connectivity")

Reachability = QNetworkInformation.Reachability


def reachability_to_state(reachability: Reachability) -> str:
    """Online means the internet is reachable; a local network alone is offline."""
    if reachability == Reachability.Online:
        return "online"
    if reachability in (Reachability.Disconnected, Reachability.Local, Reachability.Site):
        return "offline"
    return "unknown"


class ConnectivityMonitor(QObject):
    def __init__(self, status: StatusStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self._info: QNetworkInformation | None = None

    def start(self) -> bool:
        """Load the platform's reachability backend; False (state stays unknown) if none."""
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            log.warning("no network reachability backend (tried %s); connectivity shown as unknown",
                        ", ".join(QNetworkInformation.availableBackends()) or "none")
            return False
        self._info = QNetworkInformation.instance()
        self._info.reachabilityChanged.connect(self._apply)
        log.info("network reachability from the %s backend", self._info.backendName())
        self._apply(self._info.reachability())
        return True

    def _apply(self, reachability: Reachability) -> None:
        self._status.set_connectivity(reachability_to_state(reachability))
