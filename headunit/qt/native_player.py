"""Media players made by Qt, not by Python: the way around a PySide deadlock.

Qt Multimedia's decoder threads connect to the player and its QAudioOutput, and
disconnect from them on their own threads with Qt's signal lock held. On an object
Python constructed, PySide's wrapper then takes the GIL to look for a Python override of
disconnectNotify, while the GUI thread, holding the GIL, waits in a Qt call for that same
lock: both stop for good (seen in QMediaPlayer.stop() within a few dozen plays of a
video). Objects that Qt constructs have no Python wrapper class and take no GIL there, so
the player and its audio output are made through QML's factory.

The player owns the small engine that made it, so the engine is destroyed after the player
(a QML-made object must not outlive its engine), whoever deletes the player and whenever.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtQml import QQmlComponent, QQmlEngine

_PLAYER_QML = b"import QtMultimedia\nMediaPlayer { audioOutput: AudioOutput {} }"


def native_player(parent: QObject) -> QMediaPlayer:
    """A QMediaPlayer, child of `parent`, with a QAudioOutput (player.audioOutput()) as its child."""
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(_PLAYER_QML, QUrl())
    player = component.create()
    if not isinstance(player, QMediaPlayer):
        message = component.errorString().strip()
        shiboken6.delete(engine)
        raise RuntimeError(f"cannot make a media player: {message}")
    player.setParent(parent)
    engine.setParent(player)
    return player
