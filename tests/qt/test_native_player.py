from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

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
