"""Map data benchmarks: importing the shipped extract, and POI queries on a million POIs.

bench_import() imports assets/maps/helsinki.osm.pbf into a temporary folder a few times.
bench_pois() builds a synthetic store through MapWriter (positions over ~300 x 300 km around
Helsinki, categories weighted the way a city has them, names from a generated vocabulary with
some Chinese ones) and times nearest() and search() against their targets. Both return dicts.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from headunit.core.map.features import NEAREST_CATEGORIES
from headunit.services.map import pois
from headunit.services.map.importer import import_extract
from headunit.services.map.schema import open_map
from headunit.services.map.writer import MapWriter

EXTRACT = Path(__file__).resolve().parents[1] / "assets" / "maps" / "helsinki.osm.pbf"
TARGET_NEAREST_MS = 5.0
TARGET_SEARCH_MS = 10.0
CENTRE = (60.17, 24.94)  # lat, lon
HALF_LAT = 1.35  # ~150 km
HALF_LON = 2.7  # ~150 km at 60 N

# share of POIs per category (parking, fuel and charging a few percent each)
CATEGORY_WEIGHTS = {
    "restaurant": 17, "cafe": 10, "fast_food": 8, "bar": 6, "shop": 16, "bank": 5, "toilets": 4,
    "sight": 5, "hotel": 4, "pharmacy": 3, "hospital": 3, "police": 1, "car_service": 4,
    "parking": 6, "fuel": 3, "charging": 3,
}
KIND_WORDS = {
    "restaurant": "Ravintola", "cafe": "Kahvila", "fast_food": "Grilli", "bar": "Baari", "shop": "Market",
    "bank": "Pankki", "toilets": "WC", "sight": "Museo", "hotel": "Hotelli", "pharmacy": "Apteekki",
    "hospital": "Terveysasema", "police": "Poliisi", "car_service": "Autohuolto", "parking": "Pysäköinti",
    "fuel": "Neste", "charging": "Lataus",
}
SYLLABLES = ("ka", "la", "ri", "mi", "sa", "to", "ne", "va", "lo", "ki", "pu", "hel", "sin", "tam", "per",
             "jy", "vä", "mä", "ou", "lu", "ar", "ho", "kos", "kel", "tu", "ra", "ni", "e", "il", "yl")
CHINESE = ("北京", "上海", "烤鸭", "饭店", "咖啡", "小吃", "面馆", "酒店", "火锅", "川菜", "广州", "茶馆",
           "饺子", "龙门", "长城", "东方", "明珠", "金龙", "好运", "人民")


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(words)


def _name(rng: random.Random, category: str, words: list[str]) -> str:
    roll = rng.random()
    if roll < 0.05:
        return "".join(rng.sample(CHINESE, rng.randint(2, 3)))
    if roll < 0.12 and category == "parking":
        return ""
    if roll < 0.6:
        return f"{KIND_WORDS[category]} {rng.choice(words)}"
    return f"{rng.choice(words)} {rng.choice(words)}"


def build_poi_store(dest: Path, count: int, seed: int = 4) -> list[str]:
    """Write a map database of `count` synthetic POIs at dest; returns the names used."""
    rng = random.Random(seed)
    words = _vocabulary(rng, 3000)
    keys = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    names = []
    with MapWriter(dest) as writer:
        for i, category in enumerate(rng.choices(keys, weights, k=count)):
            lat = CENTRE[0] + rng.uniform(-HALF_LAT, HALF_LAT)
            lon = CENTRE[1] + rng.uniform(-HALF_LON, HALF_LON)
            name = _name(rng, category, words)
            address = f"{rng.choice(words)}katu {rng.randint(1, 120)}, {rng.randint(0, 990):03d}00 Helsinki"
            writer.add_poi("node", i + 1, category, lon, lat, name=name, address=address)
            if name:
                names.append(name)
        writer.set_meta("source_name", "synthetic")
        writer.finish()
    return names


def _query_texts(rng: random.Random, names: list[str], count: int) -> list[str]:
    texts = []
    chinese = [n for n in names if not n.isascii()]
    for i in range(count):
        if chinese and i % 10 == 0:
            texts.append(rng.choice(chinese)[:2])
            continue
        name = rng.choice(names)
        length = rng.randint(3, min(8, len(name))) if len(name) >= 3 else len(name)
        start = 0 if rng.random() < 0.5 else rng.randint(0, len(name) - length)
        texts.append(name[start:start + length])
    return texts


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_pois(count: int = 1_000_000, queries: int = 200, seed: int = 4) -> dict:
    rng = random.Random(seed + 1)
    with tempfile.TemporaryDirectory(prefix="headunit-bench-") as tmp:
        dest = Path(tmp) / "pois.db"
        started = time.perf_counter()
        names = build_poi_store(dest, count, seed)
        build_s = time.perf_counter() - started
        conn = open_map(dest)
        try:
            nearest_ms, search_ms = [], []
            choices = [*NEAREST_CATEGORIES, None]
            for i in range(queries):
                lat = CENTRE[0] + rng.uniform(-HALF_LAT, HALF_LAT) * 0.9
                lon = CENTRE[1] + rng.uniform(-HALF_LON, HALF_LON) * 0.9
                t0 = time.perf_counter()
                pois.nearest(conn, choices[i % len(choices)], lat, lon, 10)
                nearest_ms.append((time.perf_counter() - t0) * 1000)
            for text in _query_texts(rng, names, queries):
                lat = CENTRE[0] + rng.uniform(-HALF_LAT, HALF_LAT) * 0.9
                lon = CENTRE[1] + rng.uniform(-HALF_LON, HALF_LON) * 0.9
                t0 = time.perf_counter()
                pois.search(conn, text, lat, lon, limit=20)
                search_ms.append((time.perf_counter() - t0) * 1000)
        finally:
            conn.close()
        size_mb = dest.stat().st_size / 1e6 if dest.exists() else None
    return {
        "pois": count,
        "queries": queries,
        "poi_build_s": round(build_s, 2),
        "poi_store_mb": round(size_mb, 1) if size_mb is not None else None,
        "poi_nearest_ms_p95": round(_p95(nearest_ms), 3),
        "poi_nearest_ms_median": round(statistics.median(nearest_ms), 3),
        "poi_nearest_target_ms": TARGET_NEAREST_MS,
        "poi_search_ms_p95": round(_p95(search_ms), 3),
        "poi_search_ms_median": round(statistics.median(search_ms), 3),
        "poi_search_target_ms": TARGET_SEARCH_MS,
    }


def bench_import(runs: int = 3, extract: Path = EXTRACT) -> dict:
    seconds = []
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="headunit-bench-") as tmp:
        for _ in range(runs):
            report = import_extract(extract, Path(tmp) / "map.db")
            seconds.append(report.seconds)
            counts = report.counts
    source_mb = extract.stat().st_size / 1e6
    median = statistics.median(seconds)
    return {
        "source": extract.name,
        "source_mb": round(source_mb, 3),
        "runs": runs,
        "import_s": round(median, 3),
        "import_s_per_mb": round(median / source_mb, 3),
        **counts,
    }
