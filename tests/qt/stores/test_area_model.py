from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QTranslator

from headunit.core.config import FeaturesConfig
from headunit.qt.stores import AreaListModel
from headunit.core.areas import AREAS, enabled_areas


def rows(model: AreaListModel, role: int) -> list:
    return [model.data(model.index(r), role) for r in range(model.rowCount())]


def test_every_area_is_listed_with_home_first(qapp):
    model = AreaListModel(enabled_areas(FeaturesConfig()))
    assert rows(model, AreaListModel.KeyRole) == ["home", "map", "media", "vehicle", "apps"]
    assert rows(model, AreaListModel.TitleRole) == ["Home", "Map", "Media", "Vehicle", "Apps"]
    assert rows(model, AreaListModel.IconRole) == [a.icon for a in AREAS]
    assert {bytes(v) for v in model.roleNames().values()} == {b"key", b"title", b"icon"}


def test_feature_switches_remove_areas_but_never_home(qapp):
    model = AreaListModel(enabled_areas(FeaturesConfig(map=False, media=False, vehicle=False, apps=False)))
    assert model.keys() == ["home"]


def test_out_of_range_rows_and_child_rows_are_empty(qapp):
    model = AreaListModel(enabled_areas(FeaturesConfig()))
    assert model.data(model.index(99), AreaListModel.KeyRole) is None
    assert model.rowCount(model.index(0)) == 0
    assert model.rowCount(QModelIndex()) == 5


def test_titles_are_translated_when_read(qapp):
    from headunit.app import I18N_DIR

    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "headunit_de.qm"))
    model = AreaListModel(enabled_areas(FeaturesConfig()))
    QCoreApplication.installTranslator(translator)
    try:
        assert rows(model, AreaListModel.TitleRole)[:2] == ["Start", "Karte"]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert rows(model, AreaListModel.TitleRole)[:2] == ["Home", "Map"]
