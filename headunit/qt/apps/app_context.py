"""The `host` object an app's QML is given: the head unit's stores its permissions grant.

An app reaches the head unit only through this object (core.apps.qml_rules keeps
``import HeadUnit.Stores`` out of app QML), and every property is CONSTANT: a store the
app may not use is None for its whole life, it cannot be swapped in later.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject
from PySide6.QtQml import QmlElement, QmlUncreatable

if TYPE_CHECKING:
    from headunit.services.apps.registry import AppInfo

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

# store name -> the permissions that must all be granted for an app to get it
STORE_PERMISSIONS: Mapping[str, tuple[str, ...]] = {
    "restrictions": (),
    "media": ("media.audio",),
    "library": ("media.audio",),
    "radio": ("network", "media.audio"),
    "video": ("media.video",),
    "vehicle": ("vehicle.read",),
    "pay": ("payments",),
    "network": ("network",),
}


def granted_store_names(permissions: Collection[str]) -> tuple[str, ...]:
    """The stores (STORE_PERMISSIONS' names) an app with ``permissions`` may use."""
    return tuple(name for name, needed in STORE_PERMISSIONS.items() if all(p in permissions for p in needed))


def _store(name: str):  # noqa: ANN202 - a Property getter
    return lambda self: self._stores.get(name)


@QmlElement
@QmlUncreatable("AppContext is created by AppsStore")
class AppContext(QObject):
    """What one running app sees as `host`."""

    def __init__(self, app_id: str, language: str, stores: Mapping[str, QObject | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app_id = app_id
        self._language = language
        self._stores = {name: stores.get(name) for name in STORE_PERMISSIONS}

    appId = Property(str, lambda self: self._app_id, constant=True)
    language = Property(str, lambda self: self._language, constant=True)
    restrictions = Property(QObject, _store("restrictions"), constant=True)
    media = Property(QObject, _store("media"), constant=True)
    library = Property(QObject, _store("library"), constant=True)
    radio = Property(QObject, _store("radio"), constant=True)
    video = Property(QObject, _store("video"), constant=True)
    vehicle = Property(QObject, _store("vehicle"), constant=True)
    pay = Property(QObject, _store("pay"), constant=True)
    network = Property(QObject, _store("network"), constant=True)


def context_for(app: AppInfo, stores: Mapping[str, QObject | None], language: str,
                parent: QObject | None = None) -> AppContext:
    """The host for ``app``: of ``stores`` (name -> store), only those its manifest's
    permissions grant; the others are None."""
    allowed = granted_store_names(app.manifest.permissions)
    return AppContext(app.id, language, {name: stores.get(name) for name in allowed}, parent)
