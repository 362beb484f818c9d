"""`headunit backend serve | provision | confirm-qr`: real processes, files and HTTP."""

from __future__ import annotations

import json
import os
import re
import selectors
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from headunit.backend.cli import ensure_credential
from headunit.backend.db import Database
from headunit.backend.vehicles import credential_valid, provision_vehicle
from headunit.cli import main
from tests.backend.conftest import Api, error_code
from tests.backend_fixture import DEFAULT_VIN

LISTENING = re.compile(r"headunit backend listening on (https?)://127\.0\.0\.1:(\d+)\n")


def isolated_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}


def start_serve(tmp_path: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "headunit", "backend", "serve", "--port", "0", *args],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=isolated_env(tmp_path))


def first_line(process: subprocess.Popen, timeout: float = 30.0) -> str:
    """The first stdout line, or "" if the process ends (or the time runs out) before writing one."""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            return ""
    return process.stdout.readline()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_serve_prints_one_line_when_listening_and_stops_when_stdin_closes(tmp_path):
    credential_file = tmp_path / "data" / "headunit" / "backend" / "credential.json"
    process = start_serve(tmp_path, "--provision", DEFAULT_VIN, "--exit-with-parent")
    try:
        line = first_line(process)
        match = LISTENING.fullmatch(line)
        assert match, line + process.stderr.read() if not line else line
        url = f"http://127.0.0.1:{match.group(2)}"
        assert requests.get(f"{url}/v1/health", timeout=10).json()["status"] == "ok"
        credential = json.loads(credential_file.read_text())
        assert (mode(credential_file), mode(credential_file.parent)) == (0o600, 0o700)
        assert requests.post(f"{url}/v1/auth/token", json=credential, timeout=10).status_code == 200
        process.stdin.close()
        assert process.wait(timeout=15) == 0
    finally:
        process.kill()
        process.wait()
    assert process.stdout.read() == ""
    assert "Traceback" not in process.stderr.read()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_cleanly_on_sigterm_and_sigint(tmp_path, sig):
    process = start_serve(tmp_path, "--db", str(tmp_path / "b.db"))
    try:
        assert LISTENING.fullmatch(first_line(process))
        process.send_signal(sig)
        assert process.wait(timeout=15) == 0
    finally:
        process.kill()
        process.wait()
    assert "Traceback" not in process.stderr.read()


def test_serve_speaks_https_with_cert_and_key(tmp_path, backend_tls_ca):
    issued = backend_tls_ca.issue_cert("127.0.0.1")
    cert, key, ca = tmp_path / "cert.pem", tmp_path / "key.pem", tmp_path / "ca.pem"
    issued.cert_chain_pems[0].write_to_path(str(cert))
    issued.private_key_pem.write_to_path(str(key))
    backend_tls_ca.cert_pem.write_to_path(str(ca))
    process = start_serve(tmp_path, "--db", str(tmp_path / "b.db"), "--cert", str(cert), "--key", str(key))
    try:
        match = LISTENING.fullmatch(first_line(process))
        assert match and match.group(1) == "https"
        assert requests.get(f"https://127.0.0.1:{match.group(2)}/v1/health", verify=str(ca), timeout=10).ok
        process.terminate()
        assert process.wait(timeout=15) == 0
    finally:
        process.kill()
        process.wait()


@pytest.mark.parametrize("args, expected", [
    (["--cert", "/nonexistent/cert.pem", "--key", "/nonexistent/key.pem"], "--cert: file not found"),
    (["--cert", __file__], "--cert and --key go together"),
    (["--map", "/nonexistent/map.db"], "--map: no such directory: /nonexistent"),
    (["--provision", "NOT-A-VIN"], "'NOT-A-VIN' is not a VIN"),
    (["--public-url", "ftp://x"], "--public-url"),
    (["--credential-out", "x.json"], "--credential-out goes with --provision"),
])
def test_bad_serve_options_exit_2_with_one_line(tmp_path, capsys, args, expected):
    assert main(["backend", "serve", "--data-dir", str(tmp_path), *args]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and expected in err, err


def test_bad_tls_files_exit_2(tmp_path, capsys):
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    assert main(["backend", "serve", "--data-dir", str(tmp_path), "--cert", str(junk), "--key", str(junk)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "cannot use --cert" in err


def test_a_port_in_use_exits_1_with_one_line(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["backend", "serve", "--data-dir", str(tmp_path), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and f"cannot listen on 127.0.0.1:{port}" in err


def test_a_broken_database_exits_1_with_one_line(tmp_path, capsys):
    db = tmp_path / "b.db"
    db.write_bytes(b"this is not sqlite" * 100)
    assert main(["backend", "serve", "--db", str(db), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(db) in err


def test_provision_writes_a_private_credential_and_prints_no_secret(tmp_path, capsys):
    assert main(["backend", "provision", DEFAULT_VIN, "--data-dir", str(tmp_path), "--wallet-pin", "4321"]) == 0
    out = capsys.readouterr().out
    credential_file = tmp_path / "backend" / "credential.json"
    credential = json.loads(credential_file.read_text())
    assert set(credential) == {"vin", "secret"} and credential["vin"] == DEFAULT_VIN
    assert len(out.splitlines()) == 1 and str(credential_file) in out
    assert credential["secret"] not in out
    assert (mode(credential_file), mode(credential_file.parent)) == (0o600, 0o700)
    assert [p.name for p in credential_file.parent.iterdir() if p.name.startswith(".credential")] == []
    db = Database(tmp_path / "backend" / "backend.db")
    try:
        assert credential_valid(db.connection(), DEFAULT_VIN, credential["secret"])
    finally:
        db.close()


@pytest.mark.parametrize("args, expected", [
    (["WHU5MULATR000000O"], "is not a VIN"),
    ([DEFAULT_VIN, "--wallet-pin", "12"], "a wallet PIN is 4 to 12 digits"),
])
def test_bad_provision_arguments_exit_2(tmp_path, capsys, args, expected):
    assert main(["backend", "provision", *args, "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and expected in err
    assert not (tmp_path / "backend" / "credential.json").exists()


def test_ensure_credential_keeps_a_valid_file_and_replaces_a_stale_or_broken_one(tmp_path):
    db, out = tmp_path / "b.db", tmp_path / "hu" / "credential.json"
    assert ensure_credential(db, DEFAULT_VIN, out, None) is True
    written = out.read_text()
    assert ensure_credential(db, DEFAULT_VIN, out, None) is False
    assert out.read_text() == written
    provision_vehicle(db, DEFAULT_VIN, time.time())  # rotated elsewhere: the file no longer works
    assert ensure_credential(db, DEFAULT_VIN, out, None) is True
    out.write_text("{garbage")
    assert ensure_credential(db, DEFAULT_VIN, out, None) is True
    assert json.loads(out.read_text())["vin"] == DEFAULT_VIN and mode(out) == 0o600


def qr_order(backend) -> dict:
    api = Api(backend)
    poi = backend.seed_poi(category="parking", name="Kamppi P-Center", capacity=1, price_minor=250)
    return api.order_for(api.reserve(poi).json()["id"]).json()


def test_confirm_qr_pays_once_as_the_phone(backend, capsys):
    order = qr_order(backend)
    assert main(["backend", "confirm-qr", order["qr_url"]]) == 0
    assert capsys.readouterr().out == "paid: 2.50 EUR to Kamppi P-Center\n"
    assert Api(backend).get(f"/v1/orders/{order['id']}").json()["method"] == "qr"
    assert main(["backend", "confirm-qr", order["qr_url"]]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "unknown or already used QR code" in err


def test_confirm_qr_of_a_closed_order(backend, capsys):
    order = qr_order(backend)
    backend.clock.advance(180)
    assert main(["backend", "confirm-qr", order["qr_url"]]) == 1
    assert "the order is closed" in capsys.readouterr().err


def test_confirm_qr_when_the_backend_is_down_or_the_url_is_wrong(capsys):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens once the probe closes
    assert main(["backend", "confirm-qr", f"http://127.0.0.1:{port}/v1/qr/{'A' * 43}"]) == 1
    assert f"backend not reachable at http://127.0.0.1:{port}" in capsys.readouterr().err
    assert main(["backend", "confirm-qr", "http://127.0.0.1:1/v1/orders/x"]) == 2
    assert "not a QR payment URL" in capsys.readouterr().err


def test_confirm_qr_over_tls_needs_the_ca(tls_backend, capsys):
    order = qr_order(tls_backend)
    assert main(["backend", "confirm-qr", order["qr_url"]]) == 1
    assert "TLS verification failed" in capsys.readouterr().err
    assert main(["backend", "confirm-qr", order["qr_url"], "--ca-bundle", str(tls_backend.ca_bundle)]) == 0
    assert error_code(requests.get(order["qr_url"], verify=str(tls_backend.ca_bundle), timeout=10)) == "not_found"


def test_backend_help_imports_no_web_framework(tmp_path):
    code = ("import sys; from headunit.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('fastapi', 'uvicorn', 'pydantic', 'headunit.backend') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "[]"
