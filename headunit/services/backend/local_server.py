"""The local reference backend as a child process, for the desktop simulator.

When no backend URL is configured, ``headunit run`` starts ``headunit backend serve``
on 127.0.0.1 with a free port. It is a separate process so the head unit's start-up
and memory stay its own (FastAPI and uvicorn are never imported by the head unit).
The child's stdin is a pipe the head unit never writes to: when the head unit exits,
even by SIGKILL, the pipe closes and the child stops (``--exit-with-parent``).

Blocking (it waits for the child's "listening" line): call it on the worker executor.
"""

from __future__ import annotations

import logging
import os
import re
import selectors
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("headunit.backend.local")

_LISTENING = re.compile(r"headunit backend listening on (https?://\S+)")
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 5.0


class LocalBackendError(RuntimeError):
    """The local backend did not start; the message says why (and where its log is)."""


@dataclass
class LocalBackend:
    url: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        """Close its stdin (it exits by itself), then SIGTERM, then SIGKILL."""
        if self.process.stdout is not None:
            self.process.stdout.close()
        if self.process.poll() is not None:
            return
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(STOP_TIMEOUT_S)
            return
        except subprocess.TimeoutExpired:
            self.process.terminate()
        try:
            self.process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            log.warning("local backend (pid %d) ignored SIGTERM; killing it", self.process.pid)
            self.process.kill()
            self.process.wait()


def package_key_path(data_dir: Path) -> Path:
    """The local backend's package signing key; it writes the public key beside it as
    package-signing.pub, which the head unit trusts while this backend is the one in use."""
    return data_dir / "backend" / "package-signing.key"


def serve_command(data_dir: Path, vin: str, credential_path: Path, map_path: Path, port: int = 0) -> list[str]:
    return [
        sys.executable, "-m", "headunit", "backend", "serve",
        "--host", "127.0.0.1", "--port", str(port),
        "--db", str(data_dir / "backend" / "backend.db"),
        "--map", str(map_path),
        "--provision", vin, "--credential-out", str(credential_path),
        "--package-key", str(package_key_path(data_dir)),
        "--exit-with-parent",
    ]


def start_local_backend(data_dir: Path, vin: str, credential_path: Path, map_path: Path,
                        port: int = 0, timeout_s: float = START_TIMEOUT_S) -> LocalBackend:
    """Start the child (on a free port unless ``port`` is given) and return once it
    listens; raise LocalBackendError otherwise."""
    log_dir = data_dir / "logs"
    for folder in (log_dir, map_path.parent):  # the map may be imported after the backend starts
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    log_path = log_dir / "backend.log"
    argv = serve_command(data_dir, vin, credential_path, map_path, port)
    with open(log_path, "ab") as log_file:
        os.chmod(log_path, 0o600)
        process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file,
                                   start_new_session=True)
    try:
        url = _wait_for_url(process, timeout_s)
    except LocalBackendError as error:
        LocalBackend("", process).stop()
        raise LocalBackendError(f"{error}; see {log_path}") from None
    log.info("local backend (pid %d) listening on %s", process.pid, url)
    return LocalBackend(url, process)


def _wait_for_url(process: subprocess.Popen[bytes], timeout_s: float) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + timeout_s
    buffered = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(left):
                continue
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                code = process.wait()
                raise LocalBackendError(f"the local backend exited with status {code} before listening")
            buffered += chunk
            match = _LISTENING.search(buffered.decode(errors="replace"))
            if match:
                return match[1]
    raise LocalBackendError(f"the local backend did not listen within {timeout_s:g} s")
