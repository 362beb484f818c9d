from headunit.core.areas import AREA_KEYS, AREAS, enabled_areas
from headunit.core.config import FeaturesConfig


def test_home_comes_first_and_every_feature_area_follows():
    assert AREA_KEYS == ("home", "map", "media", "vehicle", "apps")
    assert [a.key for a in enabled_areas(FeaturesConfig())] == list(AREA_KEYS)


def test_switched_off_features_drop_their_area_but_home_stays():
    keys = [a.key for a in enabled_areas(FeaturesConfig(map=False, apps=False))]
    assert keys == ["home", "media", "vehicle"]


def test_every_area_has_a_title_and_an_icon():
    assert all(a.title and a.icon for a in AREAS)
