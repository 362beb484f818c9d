"""Hypothesis strategies for valid backend models (every rule parse.py checks holds)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import strategies as st

from headunit.core.backend.models import (
    CATEGORIES,
    ORDER_STATUSES,
    PAYMENT_METHODS,
    PRICE_UNITS,
    RESERVATION_STATUSES,
    Catalogue,
    Connector,
    Episode,
    Health,
    Order,
    PoiList,
    PoiLive,
    Playlist,
    Podcast,
    Pump,
    Receipt,
    Reservation,
    Slot,
    SlotDay,
    Station,
    Token,
    Track,
)

ids = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=100)
names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=200)
poi_ids = st.from_regex(r"\A[nwr][1-9][0-9]{0,18}\Z")
counts = st.integers(0, 2**53 - 1)
small_counts = st.integers(0, 10_000)
currencies = st.from_regex(r"\A[A-Z]{3}\Z")
times = st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC))
days = st.dates(min_value=date(1970, 1, 1), max_value=date(2200, 1, 1))
durations = st.timedeltas(min_value=timedelta(microseconds=1), max_value=timedelta(days=2))
urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["http", "https"]),
    st.from_regex(r"\A[a-z0-9]{1,20}(\.[a-z0-9]{1,10}){0,2}(:[1-9][0-9]{0,3})?\Z"),
    st.from_regex(r"\A[A-Za-z0-9_./?=&%-]{0,100}\Z"),
)
finite = {"allow_nan": False, "allow_infinity": False}

health = st.builds(Health, status=ids, version=ids, time=times)
tokens = st.builds(Token, access_token=st.text(min_size=1, max_size=300), expires_in=st.integers(1, 30 * 86_400))


@st.composite
def connectors(draw: st.DrawFn) -> Connector:
    count = draw(small_counts)
    return Connector(type=draw(names.map(lambda s: s[:100])), power_kw=draw(st.floats(0.001, 2000, **finite)),
                     count=count, free=draw(st.integers(0, count)))


@st.composite
def pumps(draw: st.DrawFn) -> tuple[Pump, ...]:
    numbers = draw(st.lists(st.integers(1, 999), max_size=8, unique=True))
    fuel_names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=100)
    return tuple(Pump(number=number, fuels=tuple(draw(st.lists(fuel_names, min_size=1, max_size=4))),
                      free=draw(st.booleans())) for number in numbers)


@st.composite
def pois(draw: st.DrawFn) -> PoiLive:
    category = draw(st.sampled_from(CATEGORIES))
    capacity = draw(small_counts)
    return PoiLive(
        poi_id=draw(poi_ids), category=category, name=draw(names),
        lat=draw(st.floats(-90, 90, **finite)), lon=draw(st.floats(-180, 180, **finite)),
        currency=draw(currencies), price_minor=draw(counts), price_unit=PRICE_UNITS[category],
        capacity=capacity, free=draw(st.integers(0, capacity)),
        connectors=tuple(draw(st.lists(connectors(), max_size=3))) if category == "charging" else (),
        pumps=draw(pumps()) if category == "fuel" else (),
        reservable=draw(st.booleans()), updated_at=draw(times),
    )


poi_lists = st.builds(PoiList, pois=st.lists(pois(), max_size=4).map(tuple), as_of=times)


@st.composite
def slots(draw: st.DrawFn) -> Slot:
    start = draw(times)
    capacity = draw(small_counts)
    return Slot(slot_id=draw(ids), start=start, end=start + draw(durations), capacity=capacity,
                free=draw(st.integers(0, capacity)), price_minor=draw(counts))


slot_days = st.builds(SlotDay, poi_id=poi_ids, date=days, slots=st.lists(slots(), max_size=4).map(tuple))


@st.composite
def reservations(draw: st.DrawFn) -> Reservation:
    start = draw(times)
    status = draw(st.sampled_from(RESERVATION_STATUSES))
    if status == "held":
        hold = draw(times)
    elif status == "confirmed":
        hold = None
    else:
        hold = draw(st.none() | times)
    minutes = draw(st.integers(1, 24 * 60))
    return Reservation(
        id=draw(ids), poi_id=draw(poi_ids), slot_id=draw(ids), start=start, end=start + timedelta(minutes=minutes),
        status=status, hold_expires_at=hold, price_minor=draw(counts), currency=draw(currencies),
        client_ref=draw(st.none() | st.text(min_size=1, max_size=64)), order_id=draw(st.none() | ids),
        created_at=draw(times), duration_min=minutes, connector=draw(st.none() | names.map(lambda s: s[:100])),
        energy_kwh=draw(st.none() | st.floats(0, 200, exclude_min=True, **finite)),
    )


@st.composite
def receipts(draw: st.DrawFn) -> Receipt:
    total = draw(counts)
    return Receipt(number=draw(ids), issued_at=draw(times), total_minor=total, vat_minor=draw(st.integers(0, total)),
                   vat_rate=draw(st.floats(0, 1, **finite)), merchant=draw(names))


@st.composite
def orders(draw: st.DrawFn) -> Order:
    kind = draw(st.sampled_from(["reservation", "fuel", "charging"]))
    status = draw(st.sampled_from(ORDER_STATUSES))
    paid = status == "paid"
    return Order(
        id=draw(ids), merchant_order_id=draw(names.map(lambda s: s[:64])), kind=kind,
        reservation_id=draw(ids) if kind == "reservation" else draw(st.none() | ids),
        poi_id=draw(st.none() | poi_ids) if kind == "reservation" else draw(poi_ids),
        quantity=None if kind == "reservation" else draw(st.floats(0, 200, exclude_min=True, **finite)),
        pump=draw(st.none() | st.integers(1, 999)) if kind == "fuel" else None,
        amount_minor=draw(counts), currency=draw(currencies), status=status,
        created_at=draw(times), expires_at=draw(times),
        paid_at=draw(times) if paid else draw(st.none() | times),
        method=draw(st.sampled_from(PAYMENT_METHODS)) if paid else draw(st.none() | st.sampled_from(PAYMENT_METHODS)),
        qr_url=draw(urls) if status == "pending" else None,
        receipt=draw(receipts()) if paid else draw(st.none() | receipts()),
    )


tracks = st.builds(Track, id=ids, title=names, artist=names, duration_s=st.floats(0, 1e6, **finite), stream_url=urls)
episodes = st.builds(Episode, id=ids, title=names, duration_s=st.floats(0, 1e6, **finite), published=days,
                     stream_url=urls)
catalogues = st.builds(
    Catalogue,
    stations=st.lists(st.builds(Station, id=ids, name=names, genre=names, stream_url=urls), max_size=3).map(tuple),
    playlists=st.lists(st.builds(Playlist, id=ids, name=names, tracks=st.lists(tracks, max_size=3).map(tuple)),
                       max_size=2).map(tuple),
    podcasts=st.lists(st.builds(Podcast, id=ids, title=names, publisher=names,
                                episodes=st.lists(episodes, max_size=3).map(tuple)), max_size=2).map(tuple),
)
