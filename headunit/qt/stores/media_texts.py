"""What the player says when something cannot be played, translated ("MediaStore" context)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtMultimedia import QMediaPlayer

_C = "MediaStore"
STATION_FAILED = QT_TRANSLATE_NOOP("MediaStore", "The station could not be played: %1")
TRACK_FAILED = QT_TRANSLATE_NOOP("MediaStore", "This track could not be played: %1")
NONE_PLAYABLE = QT_TRANSLATE_NOOP("MediaStore", "None of these tracks could be played: %1")
BAD_QUEUE = QT_TRANSLATE_NOOP("MediaStore", "These tracks could not be queued: %1")
TIMED_OUT = QT_TRANSLATE_NOOP("MediaStore", "it did not start within %1 s")
_REASONS = {
    QMediaPlayer.Error.ResourceError: QT_TRANSLATE_NOOP("MediaStore", "it could not be opened"),
    QMediaPlayer.Error.FormatError: QT_TRANSLATE_NOOP("MediaStore", "its format is not supported or it is damaged"),
    QMediaPlayer.Error.NetworkError: QT_TRANSLATE_NOOP("MediaStore", "the network failed"),
    QMediaPlayer.Error.AccessDeniedError: QT_TRANSLATE_NOOP("MediaStore", "access was refused"),
}
_UNKNOWN = QT_TRANSLATE_NOOP("MediaStore", "an unknown error")


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def tr_arg(text: str, value: str) -> str:
    return tr(text).replace("%1", value)


def reason_text(error: QMediaPlayer.Error) -> str:
    """Why the player failed, in the driver's words (Qt's own error string goes to the log)."""
    return tr(_REASONS.get(error, _UNKNOWN))


def timeout_text(seconds: float) -> str:
    return tr_arg(TIMED_OUT, f"{seconds:g}")
