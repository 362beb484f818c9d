from __future__ import annotations

import pytest

from headunit.core.config import FeaturesConfig
from headunit.qt.stores import AreaListModel, ShellStore
from headunit.core.areas import enabled_areas


@pytest.fixture
def shell(qapp) -> ShellStore:
    return ShellStore(AreaListModel(enabled_areas(FeaturesConfig(apps=False))))


def test_open_area_switches_and_notifies_once(shell, qtbot):
    with qtbot.waitSignal(shell.currentAreaChanged, timeout=1000):
        shell.openArea("map")
    assert shell.currentArea == "map"
    with qtbot.assertNotEmitted(shell.currentAreaChanged):
        shell.openArea("map")


@pytest.mark.parametrize("key", ["apps", "settings", ""])
def test_an_unknown_or_switched_off_area_is_ignored(shell, qtbot, key, caplog):
    with qtbot.assertNotEmitted(shell.currentAreaChanged):
        shell.openArea(key)
    assert shell.currentArea == "home"
    assert f"no such area {key!r}" in caplog.text


def test_theme_toggles_and_setter_emits_only_on_change(shell, qtbot):
    with qtbot.waitSignal(shell.nightChanged, timeout=1000):
        shell.toggleTheme()
    assert shell.night is True
    with qtbot.assertNotEmitted(shell.nightChanged):
        shell.set_night(True)


def test_notice_shows_and_dismisses(shell, qtbot):
    with qtbot.waitSignal(shell.noticeChanged, timeout=1000):
        shell.show_notice("Saved data could not be opened.")
    assert shell.notice == "Saved data could not be opened."
    shell.dismissNotice()
    assert shell.notice == ""


def test_storage_state_rejects_unknown_states(shell):
    shell.set_storage_state("ready")
    assert shell.storageState == "ready"
    with pytest.raises(ValueError, match="storage state must be starting, ready or unavailable, got 'odd'"):
        shell.set_storage_state("odd")
    assert shell.storageState == "ready"


def test_started_is_set_once(shell, qtbot):
    with qtbot.waitSignal(shell.startedChanged, timeout=1000):
        shell.mark_started()
    with qtbot.assertNotEmitted(shell.startedChanged):
        shell.mark_started()
    assert shell.started is True
