"""The areas of the head unit, in rail order. Home is always there; every other
area follows its feature switch in the configuration."""

from __future__ import annotations

from dataclasses import dataclass

from headunit.core.config import FeaturesConfig


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `text` for translation extraction; translated where it is shown."""
    return text


@dataclass(frozen=True)
class Area:
    key: str
    title: str  # untranslated source text, context "Areas"
    icon: str


AREAS: tuple[Area, ...] = (
    Area("home", QT_TRANSLATE_NOOP("Areas", "Home"), "home"),
    Area("map", QT_TRANSLATE_NOOP("Areas", "Map"), "map"),
    Area("media", QT_TRANSLATE_NOOP("Areas", "Media"), "media"),
    Area("vehicle", QT_TRANSLATE_NOOP("Areas", "Vehicle"), "vehicle"),
    Area("apps", QT_TRANSLATE_NOOP("Areas", "Apps"), "apps"),
)
AREA_KEYS: tuple[str, ...] = tuple(a.key for a in AREAS)


def enabled_areas(features: FeaturesConfig) -> tuple[Area, ...]:
    return tuple(a for a in AREAS if a.key == "home" or getattr(features, a.key))
