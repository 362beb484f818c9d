"""A head-unit process for `headunit bench pay`: the real store, backend client, sync worker
and PaymentService, without the screen, driven the way a driver would drive them.

On start it does what the app does after a restart: reconcile with the backend, deliver
the outbox, and continue what the ledger shows unfinished (a held reservation whose
order is not paid: a new order and pay; a payment whose outcome is unknown: ask).
Then ``--flows`` new flows: a random parking, charging or fuel POI from ``--pois``, a
quote from the core quote functions, submit, and pay by wallet (PIN 1234) or by QR,
where this process also plays the phone: it confirms the order's QR URL straight at
the backend (``--direct-url``), not through the fault proxy, since the phone is
another device. Now and then the driver gives up on a QR payment (sometimes just as
the phone pays) or cancels a paid reservation. ``--final`` finishes everything instead (reconcile until it works,
drain the outbox, resolve every unknown, pay what is held) for the bench's last look.

Lines on stdout (the benchmark SIGKILLs the process after a random number of them):
``ready``; ``flow <n>``; ``confirmed <local id>`` (a reservation, or an order without
one, right after submit returned); ``paid <order local id>``; ``unknown <order local id>``
(a payment's outcome had to be asked for); ``queued <reservation local id>`` (left to the
outbox: the backend did not answer); ``gave_up <order local id>``; ``cancelled <reservation
local id> <state>``; ``skipped <why>`` (a flow that ended without a
payment); ``settled`` or ``unsettled`` (``--final``); ``done``.

    python -m headunit.bench.pay_agent --data-dir D --url PROXY --direct-url URL --credential FILE
        --pois FILE --flows N --seed S [--read-timeout 0.4] [--final]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from headunit.core.backend.models import PoiLive, Slot
from headunit.core.config import Config, with_overrides
from headunit.core.pay.quote import Quote, VehicleEnergy, charging_quote, fuel_quote, parking_quote
from headunit.services.backend.cache import BackendCache
from headunit.services.backend.client import build_client
from headunit.services.backend.errors import BackendError
from headunit.services.backend.live_data import (
    POI_KIND,
    SLOTS_KIND,
    cached_poi,
    cached_slots,
    refresh_poi,
    refresh_slots,
)
from headunit.services.backend.sync import SyncWorker
from headunit.services.pay import payments as p
from headunit.services.pay.ledger import entries
from headunit.services.store import Store

PIN = "1234"  # the demo wallet's PIN
ENERGY = VehicleEnergy(fuel_percent=30.0, soc_percent=40.0)
QR_SHARE = 0.4  # flows paid by QR (the rest by wallet)
CHECK_TRIES = 6  # asks per unknown outcome (or per QR payment) before leaving it for later
ORDER_TRIES = 2  # new orders for a held reservation whose order closed, per pass
GIVE_UP_SHARE = 0.05  # QR payments the phone never makes: the driver gives up
CANCEL_RACE_SHARE = 0.05  # QR payments the driver cancels just as the phone pays
CANCEL_SHARE = 0.05  # paid reservations the driver cancels (refunded)
GAVE_UP = "gave_up"  # the agent's own outcome: the driver stopped paying
FINAL_DEADLINE_S = 30.0


def say(line: str) -> None:
    print(line, flush=True)


class Driver:
    def __init__(self, store: Store, client: Any, direct_url: str, rng: random.Random) -> None:
        self.store, self.client, self.rng = store, client, rng
        self.direct_url = direct_url.rstrip("/")
        self.worker = SyncWorker(store, client, base_s=0.01, cap_s=0.05, rng=rng)
        self.service = p.PaymentService(store, client, self.worker)
        self.cache = BackendCache(store)

    # -- after a restart

    def reconcile(self, tries: int) -> bool:
        for attempt in range(tries):
            try:
                self.service.reconcile()
                return True
            except BackendError:
                time.sleep(0.05 * 2 ** attempt)
        return False

    def deliver(self, tries: int) -> bool:
        """Deliver the outbox as the app's timer would (its back-off); whether it is empty."""
        for _ in range(tries):
            report = self.worker.deliver()
            if not report.pending:
                return True
            time.sleep(min(report.retry_in or 0.05, 0.5))
        return False

    def unfinished(self) -> bool:
        """Continue what "My reservations" shows unfinished; whether anything is left unfinished."""
        left = False
        for entry in entries(self.store):
            if entry.pending or "queued" in (entry.status, entry.order_status):
                left = True  # the outbox still has to send it
            elif entry.pay_unknown:
                say(f"unknown {entry.order_id}")
                left |= not self.settle(entry.order_id, self.service.check(entry.order_id), entry.local_id
                                        if entry.is_reservation else None)
            elif entry.is_reservation and entry.status == "held" and entry.order_status != "paid":
                left |= not self.finish_reservation(entry.local_id, entry.order_id, entry.order_status)
            elif not entry.is_reservation and entry.status == "pending":
                left |= not self.settle(entry.order_id, self.service.check(entry.order_id), None)
        return left

    def finish_reservation(self, reservation_id: str, order_id: str | None, order_status: str | None) -> bool:
        if order_id is not None and order_status == "pending":
            return self.settle(order_id, self.service.check(order_id), reservation_id)
        return self.settle(None, self.service.open_order(None, reservation_id), reservation_id)

    # -- a new flow

    def flow(self, number: int, pois: dict[str, list[str]]) -> None:
        say(f"flow {number}")
        quote = self.quote(pois)
        if not quote.ok:
            say(f"skipped {quote.problem}")
            return
        result = self.service.submit(quote)
        confirmed = self.confirmed_id(result)
        if confirmed is not None:
            say(f"confirmed {confirmed}")
        if result.state == p.REFUSED:
            say(f"skipped {result.code}")
        elif result.state == p.QUEUED:
            say(f"queued {result.reservation_id}")
        elif result.state in (p.READY, p.PAID, p.CLOSED, p.PENDING):
            self.settle(result.order_id, result, result.reservation_id)
            if result.reservation_id is not None and self.rng.random() < CANCEL_SHARE:
                self.cancel(result.reservation_id)
        # QUEUED: the outbox sends it, and the reservation is paid once held. FAILED: the order never
        # got there; its reservation is held and is paid at the end of this run or after a restart.

    def cancel(self, reservation_id: str) -> None:
        """The driver cancels a paid reservation (the backend refunds it)."""
        with self.store.atomic() as db:
            paid = db.execute("SELECT 1 FROM orders WHERE reservation_local_id = ? AND status = 'paid'",
                              [reservation_id]).fetchone()
        if not paid:
            return
        try:
            state = self.service.cancel_reservation(reservation_id).state
        except BackendError:  # delivered, but the look-up after it failed (see the bench's report)
            state = "unconfirmed"
        say(f"cancelled {reservation_id} {state}")

    def confirmed_id(self, result: p.StepResult) -> str | None:
        """What the driver is told is booked: a reservation that was not refused, or a fuel order
        that reached the backend."""
        if result.reservation_id is not None:
            with self.store.atomic() as db:
                status = db.execute("SELECT status FROM reservations WHERE local_id = ?",
                                    [result.reservation_id]).fetchone()[0]
            return None if status == "rejected" else result.reservation_id
        if result.order_id is not None and result.state in (p.READY, p.PAID, p.PENDING):
            return result.order_id
        return None

    def quote(self, pois: dict[str, list[str]]) -> Quote:
        category = self.rng.choice([c for c in ("parking", "charging", "fuel") if pois.get(c)])
        now = datetime.now(UTC)
        chosen = self.live(self.rng.choice(pois[category]), now.date() + timedelta(days=self.rng.randint(1, 5)),
                           category) or self.looked_at_before(category, now)
        if chosen is None:
            return Quote(category, "", "", "EUR", problem="no_data")
        poi, slots = chosen
        if category == "fuel":
            free = [pump.number for pump in poi.pumps if pump.free]
            pump = self.rng.choice(free or [pump.number for pump in poi.pumps] or [1])
            return fuel_quote(poi, pump, self.rng.randrange(10, 45, 5), self.rng.random() < 0.3, ENERGY)
        if category == "parking":
            free = [s.slot_id for s in slots if s.free > 0]
            slot_id = self.rng.choice(free) if free else None
            return parking_quote(poi, slots, slot_id, self.rng.randint(1, 3), now)
        connector = self.rng.choice(poi.connectors).type if poi.connectors else None
        later = slots[self.rng.randrange(len(slots)):] if slots else slots  # the time the driver picks
        return charging_quote(poi, later, connector, self.rng.choice((60, 80, 100)), ENERGY, now)

    def live(self, poi_id: str, day: date, category: str) -> tuple[PoiLive, tuple[Slot, ...]] | None:
        """The POI's live data and the day's slots (none for fuel): fresh, or the cached copy offline,
        as the POI details would show them."""
        try:
            poi = refresh_poi(self.client, self.cache, poi_id, time.time())
            return poi, () if category == "fuel" else refresh_slots(self.client, self.cache, poi_id, day, time.time())
        except BackendError:
            poi_copy = cached_poi(self.cache, poi_id, time.time(), float("inf"))
            slots_copy = cached_slots(self.cache, poi_id, day, time.time(), float("inf"))
            if poi_copy is None or (slots_copy is None and category != "fuel"):
                return None
            return poi_copy.value, slots_copy.value if slots_copy else ()

    def looked_at_before(self, category: str, now: datetime) -> tuple[PoiLive, tuple[Slot, ...]] | None:
        """Offline, the driver picks a place whose details she saw before (its live data is cached)."""
        kind = POI_KIND if category == "fuel" else SLOTS_KIND
        with self.store.atomic() as db:
            keys = [row[0] for row in db.execute("SELECT key FROM backend_cache WHERE kind = ?", [kind])]
        self.rng.shuffle(keys)
        for key in keys:
            poi_id, _, day = key.partition("/")
            if day and date.fromisoformat(day) <= now.date():
                continue
            poi = cached_poi(self.cache, poi_id, now.timestamp(), float("inf"))
            if poi is None or poi.value.category != category:
                continue
            if not day:
                return poi.value, ()
            slots = cached_slots(self.cache, poi_id, date.fromisoformat(day), now.timestamp(), float("inf"))
            if slots is not None:
                return poi.value, slots.value
        return None

    # -- paying

    def settle(self, order_id: str | None, result: p.StepResult, reservation_id: str | None) -> bool:
        """Take a step's result to its end as the app would; whether the flow is finished
        (paid, or refused for good). Pays only an order the backend just said is pending."""
        new_orders = ORDER_TRIES
        for _ in range(2 * CHECK_TRIES):
            order_id = result.order_id or order_id
            state = result.state
            if state == p.PAID:
                say(f"paid {order_id}")
                return True
            if state in (p.READY, p.PENDING) and result.order is not None and result.order.status == "pending":
                result = self.pay(order_id, result)
            elif state == p.UNKNOWN:
                say(f"unknown {order_id}")
                result = self.ask_again(order_id)
                if result.state == p.UNKNOWN:
                    return False  # asked again after the next restart
            elif state == p.CLOSED and reservation_id is not None and new_orders > 0:
                new_orders -= 1
                result = self.service.open_order(None, reservation_id)
            elif state == GAVE_UP:
                say(f"gave_up {order_id}")
                return True  # a held reservation is paid later, from "My reservations"
            elif state in (p.REFUSED, p.CLOSED, "refunded"):
                return True
            else:  # QUEUED or FAILED: left to the outbox and to later passes
                return False
        return False

    def pay(self, order_id: str, ready: p.StepResult) -> p.StepResult:
        roll = self.rng.random()
        if roll >= QR_SHARE:
            return self.service.pay_wallet(order_id, PIN)
        assert ready.order is not None and ready.order.qr_url
        if roll < GIVE_UP_SHARE:  # the phone never pays: the driver stops waiting
            return self.give_up(order_id)
        self.phone_confirms(ready.order.qr_url)
        if roll < GIVE_UP_SHARE + CANCEL_RACE_SHARE:  # she pressed cancel just as the phone paid
            return self.give_up(order_id)
        result = ready
        for attempt in range(CHECK_TRIES):  # the pay screen polls until the phone's payment shows
            result = self.service.check(order_id)
            if result.state != p.PENDING and result.state != p.FAILED:
                return result
            time.sleep(0.02 * 2 ** attempt)
        return result if result.state != p.PENDING else p.StepResult(p.FAILED, order_id=order_id)

    def give_up(self, order_id: str) -> p.StepResult:
        """Cancel the order; a payment that got there first stands and is shown."""
        result = self.service.give_up(order_id)
        return result if result.state == p.PAID else p.StepResult(GAVE_UP, order_id=order_id)

    def phone_confirms(self, qr_url: str) -> None:
        """The phone scans the QR code and pays, straight at the backend (it is another device)."""
        try:
            requests.post(f"{self.direct_url}{urlsplit(qr_url).path}/confirm", timeout=5)
        except requests.RequestException:
            pass  # the pay screen finds out from the backend

    def ask_again(self, order_id: str) -> p.StepResult:
        result = p.StepResult(p.UNKNOWN, order_id=order_id)
        for attempt in range(CHECK_TRIES):
            time.sleep(0.02 * 2 ** attempt)
            result = self.service.check(order_id)
            if result.state != p.UNKNOWN:
                return result
        return result


def finish(driver: Driver) -> bool:
    """The bench's last run, without faults: whether everything settled (the figures say what did not)."""
    deadline = time.monotonic() + FINAL_DEADLINE_S
    while time.monotonic() < deadline:
        if driver.reconcile(1) and driver.deliver(20) and not driver.unfinished() and driver.deliver(20) \
                and driver.reconcile(1):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pay_agent")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--url", required=True, help="the backend as the head unit reaches it (the fault proxy)")
    parser.add_argument("--direct-url", required=True, help="the backend as the driver's phone reaches it")
    parser.add_argument("--credential", type=Path, required=True)
    parser.add_argument("--pois", type=Path, required=True, help="JSON {category: [poi_id, ...]}")
    parser.add_argument("--flows", type=int, default=3)
    parser.add_argument("--first", type=int, default=1, help="number of the first flow (for the output)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--read-timeout", type=float, default=0.4)
    parser.add_argument("--final", action="store_true", help="settle everything, then exit")
    args = parser.parse_args(argv)
    pois = json.loads(args.pois.read_text())
    vin = json.loads(args.credential.read_text())["vin"]
    config = with_overrides(Config(), {"paths.data_dir": str(args.data_dir), "backend.vin": vin,
                                       "backend.read_timeout_s": args.read_timeout,
                                       "backend.connect_timeout_s": args.read_timeout})
    client = build_client(config.backend, args.url, args.credential)
    try:
        with Store.open(args.data_dir) as store:
            driver = Driver(store, client, args.direct_url, random.Random(args.seed))
            say("ready")
            if args.final:
                say("settled" if finish(driver) else "unsettled")
            else:
                driver.reconcile(3)
                driver.deliver(3)
                driver.unfinished()
                for number in range(args.first, args.first + args.flows):
                    driver.flow(number, pois)
                driver.deliver(3)
                driver.unfinished()
    finally:
        client.close()
    say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
