from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtQml import QQmlEngine

from headunit.qt.native_player import native_player


def test_the_player_and_its_audio_output_are_made_by_qt_and_owned_by_the_parent(qapp):
    parent = QObject()
    player = native_player(parent)
    audio = player.audioOutput()
    assert isinstance(player, QMediaPlayer) and isinstance(audio, QAudioOutput)
    # made by Qt: no Python wrapper class, so Qt's threads never need the GIL on them
    assert not shiboken6.createdByPython(player) and not shiboken6.createdByPython(audio)
    assert player.parent() is parent
    shiboken6.delete(parent)
    assert not shiboken6.isValid(player) and not shiboken6.isValid(audio)


def test_a_python_made_player_would_be_a_wrapper(qapp):
    """The check above can fail: this is what it tells apart."""
    made_here = QMediaPlayer()
    assert shiboken6.createdByPython(made_here)


def test_the_engine_that_made_the_player_is_destroyed_after_it(qapp):
    """A QML-made object must not outlive its engine, whoever deletes the parent."""
    parent = QObject()
    player = native_player(parent)
    [engine] = [child for child in player.children() if isinstance(child, QQmlEngine)]
    gone: list[str] = []
    player.destroyed.connect(lambda: gone.append("player"))
    engine.destroyed.connect(lambda: gone.append("engine"))
    shiboken6.delete(parent)
    assert gone == ["player", "engine"]
