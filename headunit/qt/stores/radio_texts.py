"""What the radio lists and their message line say, translated ("RadioStore" context)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from headunit.core.radio import RadioItem

_C = "RadioStore"
GENRES = {
    "jazz": QT_TRANSLATE_NOOP("RadioStore", "Jazz"),
    "classical": QT_TRANSLATE_NOOP("RadioStore", "Classical"),
    "electronic": QT_TRANSLATE_NOOP("RadioStore", "Electronic"),
    "traditional": QT_TRANSLATE_NOOP("RadioStore", "Traditional"),
    "ambient": QT_TRANSLATE_NOOP("RadioStore", "Ambient"),
    "rock": QT_TRANSLATE_NOOP("RadioStore", "Rock"),
    "pop": QT_TRANSLATE_NOOP("RadioStore", "Pop"),
    "news": QT_TRANSLATE_NOOP("RadioStore", "News"),
}
OFFLINE = {
    "stations": QT_TRANSLATE_NOOP("RadioStore", "Offline – showing saved stations. Playing needs a connection."),
    "playlists": QT_TRANSLATE_NOOP("RadioStore", "Offline – showing saved playlists. Playing needs a connection."),
    "podcasts": QT_TRANSLATE_NOOP("RadioStore", "Offline – showing saved podcasts. Playing needs a connection."),
}
NONE_SAVED = {
    "stations": QT_TRANSLATE_NOOP("RadioStore", "No stations saved yet. Connect to the internet to load them."),
    "playlists": QT_TRANSLATE_NOOP("RadioStore", "No playlists saved yet. Connect to the internet to load them."),
    "podcasts": QT_TRANSLATE_NOOP("RadioStore", "No podcasts saved yet. Connect to the internet to load them."),
}
EMPTY = {
    "stations": QT_TRANSLATE_NOOP("RadioStore", "The media service offers no stations at the moment."),
    "playlists": QT_TRANSLATE_NOOP("RadioStore", "The media service offers no playlists at the moment."),
    "podcasts": QT_TRANSLATE_NOOP("RadioStore", "The media service offers no podcasts at the moment."),
}
LOAD_FAILED = QT_TRANSLATE_NOOP("RadioStore", "The media service did not answer. Try again later.")
NOT_UPDATED = QT_TRANSLATE_NOOP("RadioStore", "Could not update the list – showing the saved one.")
PLAY_OFFLINE = QT_TRANSLATE_NOOP("RadioStore", "Offline – “%1” can be played once the connection is back.")
PLAY_FAILED = QT_TRANSLATE_NOOP("RadioStore", "Could not get “%1” from the media service. Try again.")
PLAY_GONE = QT_TRANSLATE_NOOP("RadioStore", "“%1” is no longer offered.")
AS_OF = QT_TRANSLATE_NOOP("RadioStore", "as of %1")
_MINUTES = QT_TRANSLATE_NOOP("RadioStore", "%1 min")


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def tr_arg(text: str, value: str) -> str:
    return tr(text).replace("%1", value)


def genre_text(genre: str) -> str:
    """A known genre in the display language; another one as the backend sent it, capitalised."""
    known = GENRES.get(genre.lower())
    return tr(known) if known else genre[:1].upper() + genre[1:]


def clock_duration(seconds: float) -> str:
    """"3:05" (or "1:02:05")."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def subtitle(item: RadioItem, locale: QLocale) -> str:
    """The second line of a row: genre; artist and length; or date and length."""
    if item.kind == "station":
        return genre_text(item.genre)
    if item.kind == "track":
        parts = [item.artist, clock_duration(item.duration_s or 0)]
    else:
        seconds = item.duration_s or 0
        parts = [tr_arg(_MINUTES, locale.toString(round(seconds / 60))) if seconds >= 60 else clock_duration(seconds)]
        if item.published is not None:
            when = QDate(item.published.year, item.published.month, item.published.day)
            parts.insert(0, locale.toString(when, "d MMM yyyy"))
    return " · ".join(p for p in parts if p)
