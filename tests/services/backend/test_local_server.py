"""The local reference backend as a child process: it listens on a free port, provisions
the vehicle, and never outlives the head unit - not even one killed with SIGKILL."""

from __future__ import annotations

import os
import select
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from headunit.services.backend.local_server import LocalBackendError, start_local_backend

VIN = "WHU5MULATR0000001"


def exits_within(pid: int, timeout_s: float) -> bool:
    """Wait on the process's pidfd (no polling); True once it has exited."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([fd], [], [], timeout_s)[0])
    finally:
        os.close(fd)


def test_it_listens_on_a_free_port_with_the_vehicle_provisioned_and_stops_when_asked(tmp_path: Path) -> None:
    credential = tmp_path / "unit" / "backend" / "credential.json"
    backend = start_local_backend(tmp_path / "unit", VIN, credential, tmp_path / "unit" / "maps" / "map.db")
    try:
        assert backend.url.startswith("http://127.0.0.1:")
        assert requests.get(f"{backend.url}/v1/health", timeout=10).json()["status"] == "ok"
        assert stat.S_IMODE(credential.stat().st_mode) == 0o600
        token = requests.post(f"{backend.url}/v1/auth/token", data=credential.read_text(), timeout=10,
                              headers={"Content-Type": "application/json"})
        assert token.status_code == 200
    finally:
        backend.stop()
    assert backend.process.returncode == 0


def test_a_child_that_cannot_start_is_an_error_naming_its_log(tmp_path: Path) -> None:
    with pytest.raises(LocalBackendError, match=r"exited with status 2 before listening; see .*backend\.log"):
        start_local_backend(tmp_path, "NOT-A-VIN", tmp_path / "credential.json", tmp_path / "map.db")
    assert "is not a VIN" in (tmp_path / "logs" / "backend.log").read_text()


PARENT = """
import sys
from pathlib import Path
from headunit.services.backend.local_server import start_local_backend
root = Path(sys.argv[1])
backend = start_local_backend(root, sys.argv[2], root / "credential.json", root / "maps" / "map.db")
print(backend.process.pid, flush=True)
sys.stdin.read()
"""


def test_the_child_stops_when_the_head_unit_is_killed(tmp_path: Path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path), VIN],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    assert not exits_within(child, 0.0)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert exits_within(child, 15.0)
