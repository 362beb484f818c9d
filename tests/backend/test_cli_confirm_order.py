"""`headunit backend confirm-qr ORDER`: confirms an order in the backend database with the
phone route's own checks, next to a running backend (real clock: the CLI reads time.time())."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from headunit.cli import main
from tests.backend.conftest import Api
from tests.backend.test_cli import isolated_env
from tests.backend_fixture import running_backend


def fuel_order(backend, name: str = "Neste Ruoholahti") -> dict:
    poi = backend.seed_poi(category="fuel", name=name, price_minor=189)
    answer = Api(backend).post("/v1/orders", {"merchant_order_id": f"HU-{uuid.uuid4().hex[:8]}", "kind": "fuel",
                                              "poi_id": poi, "quantity": 10})
    assert answer.status_code == 201
    return answer.json()


def confirm(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """The command in a child process that also reports whether it imported a web framework."""
    code = ("import sys; from headunit.cli import main; status = main(sys.argv[1:]); "
            "print(sorted(m for m in ('fastapi', 'uvicorn', 'pydantic') if m in sys.modules), file=sys.stderr); "
            "sys.exit(status)")
    return subprocess.run([sys.executable, "-c", code, "backend", "confirm-qr", *args], capture_output=True,
                          text=True, timeout=60, env=isolated_env(tmp_path))


def test_an_order_id_is_confirmed_in_the_database_once(tmp_path):
    with running_backend(tmp_path / "backend", start=time.time()) as backend:
        order = fuel_order(backend)
        done = confirm(tmp_path, order["id"], "--db", str(backend.db_path))
        assert (done.returncode, done.stdout) == (0, "paid: 18.90 EUR to Neste Ruoholahti\n"), done.stderr
        assert done.stderr == "[]\n"  # no web framework for a database confirm
        paid = Api(backend).get(f"/v1/orders/{order['id']}").json()
        assert (paid["status"], paid["method"], paid["receipt"]["number"]) == ("paid", "qr", "R-000001")
        again = confirm(tmp_path, order["id"], "--db", str(backend.db_path))
    assert again.returncode == 1 and again.stdout == ""
    first_line = again.stderr.splitlines()[0]
    assert first_line == f"headunit backend confirm-qr: order {order['id']} is paid"


def test_the_default_database_is_the_one_serve_uses(tmp_path):
    db_path = tmp_path / "data" / "headunit" / "backend" / "backend.db"  # DATA_DIR under XDG_DATA_HOME
    with running_backend(tmp_path / "backend", start=time.time(), db_path=db_path) as backend:
        order = fuel_order(backend, "Teboil")
        done = confirm(tmp_path, order["id"])
        assert (done.returncode, done.stdout) == (0, "paid: 18.90 EUR to Teboil\n"), done.stderr
        assert Api(backend).get(f"/v1/orders/{order['id']}").json()["status"] == "paid"


def test_a_closed_or_unknown_order_and_a_missing_database_fail_with_one_line(tmp_path, capsys):
    with running_backend(tmp_path / "backend", start=time.time() - 1000) as backend:  # the order closed long ago
        order = fuel_order(backend)
        db = str(backend.db_path)
        assert main(["backend", "confirm-qr", order["id"], "--db", db]) == 1
        assert "the order is closed" in capsys.readouterr().err
        unknown = "ord_" + "0" * 24
        assert main(["backend", "confirm-qr", unknown, "--db", db]) == 1
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and f"no order {unknown} in {db}" in err
        unpaid = Api(backend).get(f"/v1/orders/{order['id']}").json()
        assert (unpaid["paid_at"], unpaid["method"], unpaid["receipt"]) == (None, None, None)
    missing = tmp_path / "nowhere.db"
    assert main(["backend", "confirm-qr", order["id"], "--db", str(missing)]) == 1
    assert f"no backend database at {missing}" in capsys.readouterr().err
    assert not missing.exists()


@pytest.mark.parametrize("args, expected", [
    (["http://127.0.0.1:1/v1/qr/" + "A" * 43, "--db", "x.db"], "--db goes with an ORDER id"),
    (["ord_short"], "not a QR payment URL (http(s)://HOST/v1/qr/TOKEN) or an order id"),
])
def test_bad_arguments_exit_2(capsys, args, expected):
    assert main(["backend", "confirm-qr", *args]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and expected in err
