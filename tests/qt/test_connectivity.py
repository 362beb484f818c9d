from __future__ import annotations

import pytest
from PySide6.QtNetwork import QNetworkInformation

from headunit.qt.connectivity import ConnectivityMonitor, reachability_to_state
from headunit.qt.stores import StatusStore

R = QNetworkInformation.Reachability


@pytest.mark.parametrize("reachability, state", [
    (R.Online, "online"),
    (R.Site, "offline"),
    (R.Local, "offline"),
    (R.Disconnected, "offline"),
    (R.Unknown, "unknown"),
])
def test_reachability_maps_to_what_the_driver_needs(reachability, state):
    assert reachability_to_state(reachability) == state


def test_monitor_shows_the_platform_backends_reachability(qapp):
    status = StatusStore()
    monitor = ConnectivityMonitor(status)
    if monitor.start():
        expected = reachability_to_state(QNetworkInformation.instance().reachability())
    else:
        expected = "unknown"
    assert status.connectivity == expected
