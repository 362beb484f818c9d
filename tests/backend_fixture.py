"""The reference backend on 127.0.0.1 for tests: real HTTP, a fresh SQLite file, a ManualClock.

Registered in tests/conftest.py, so any test may ask for `backend` (plain HTTP) or
`tls_backend` (HTTPS with a trustme CA; `handle.ca_bundle` is the CA file to trust).
Other helpers: `running_backend(tmp_path, ...)` as a context manager, for other
scopes or settings. Heavy imports (fastapi, uvicorn) happen on first use only.
"""

from __future__ import annotations

import calendar
import contextlib
import json
import os
import itertools
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

START = float(calendar.timegm((2026, 11, 21, 8, 30, 0)))  # 2026-11-21T08:30:00Z, a Saturday morning
DEFAULT_VIN = "WHU5MULATR0000001"
_poi_numbers = itertools.count(9_000_000_001)


@dataclass
class BackendHandle:
    url: str
    clock: Any  # headunit.backend.clock.ManualClock
    db_path: Path
    settings: Any  # headunit.backend.settings.BackendSettings
    ca_bundle: Path | None = None
    credentials: dict[str, dict[str, str]] = field(default_factory=dict)

    def provision(self, vin: str = DEFAULT_VIN, wallet_pin: str | None = None) -> dict[str, str]:
        """Create the vehicle (or rotate its secret) in the backend's database; the credential JSON."""
        from headunit.backend.vehicles import provision_vehicle

        credential = provision_vehicle(self.db_path, vin, self.clock.now(), wallet_pin).as_json()
        self.credentials[vin] = credential
        return credential

    def token(self, vin: str = DEFAULT_VIN) -> str:
        """A fresh access token over HTTP (the vehicle is provisioned first if this handle has not)."""
        import requests

        credential = self.credentials.get(vin) or self.provision(vin)
        answer = requests.post(f"{self.url}/v1/auth/token", json=credential, timeout=10, verify=self.verify)
        answer.raise_for_status()
        return answer.json()["access_token"]

    def session(self, vin: str = DEFAULT_VIN) -> Any:
        """A requests.Session that sends this vehicle's token (and trusts the test CA for HTTPS).

        trust_env is off: REQUESTS_CA_BUNDLE would otherwise override session.verify, and
        a proxy from the environment has no business with 127.0.0.1.
        """
        import requests

        session = requests.Session()
        session.trust_env = False
        session.verify = self.verify
        session.headers["Authorization"] = f"Bearer {self.token(vin)}"
        return session

    def seed_poi(self, poi_id: str | None = None, category: str = "parking", *, name: str = "Test POI",
                 lat: float = 60.17, lon: float = 24.94, **fields: Any) -> str:
        """Add a POI (capacity, price_minor, connectors optional: demo data otherwise); its poi_id."""
        from headunit.backend.pois import seed_pois

        poi_id = poi_id or f"n{next(_poi_numbers)}"
        seed_pois(self.db_path, [{"poi_id": poi_id, "category": category, "name": name, "lat": lat, "lon": lon,
                                  **fields}])
        return poi_id

    def configure(self, config: Any, vin: str = DEFAULT_VIN) -> Any:
        """``config`` (a head-unit Config) pointed at this backend, with the vehicle's credential
        written where the head unit looks for it: tests of the whole head unit use this
        instead of starting a local backend process each."""
        from headunit.core.config import with_overrides
        from headunit.services.backend.credentials import default_credential_path

        config = with_overrides(config, {"backend.url": self.url, "backend.vin": vin})
        self.credential_file(default_credential_path(config), vin)
        return config

    def credential_file(self, path: Path, vin: str = DEFAULT_VIN) -> Path:
        """The vehicle's credential (provisioned once per handle, so earlier files stay valid)
        written to ``path`` with mode 0600, as `headunit backend provision` writes it."""
        credential = self.credentials.get(vin) or self.provision(vin)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(json.dumps(credential))
        os.chmod(path, 0o600)
        return path

    def client(self, directory: Path, vin: str = DEFAULT_VIN, url: str | None = None) -> Any:
        """A head-unit BackendClient of ``vin`` for this backend (or for ``url``, e.g. a closed
        port), its credential file kept in ``directory``. The caller closes it."""
        from headunit.core.config import BackendConfig
        from headunit.services.backend.client import build_client

        path = self.credential_file(Path(directory) / f"credential-{vin}.json", vin)
        return build_client(BackendConfig(vin=vin), url or self.url, path)

    @property
    def verify(self) -> str | bool:
        return str(self.ca_bundle) if self.ca_bundle else True


@contextlib.contextmanager
def running_backend(tmp_path: Path, *, start: float = START, tls_ca: Any = None,
                    **settings: Any) -> Iterator[BackendHandle]:
    """Serve a fresh backend in a thread until the block ends. settings: BackendSettings fields.

    tls_ca: a trustme.CA; the server then speaks HTTPS with a certificate for 127.0.0.1.
    """
    import requests

    from headunit.backend.app import create_app
    from headunit.backend.clock import ManualClock
    from headunit.backend.server import BackendServer, bind_socket, server_config
    from headunit.backend.settings import BackendSettings

    tmp_path.mkdir(parents=True, exist_ok=True)
    clock = ManualClock(start)
    backend_settings = BackendSettings(db_path=settings.pop("db_path", tmp_path / "backend.db"), **settings)
    cert = key = ca_bundle = None
    if tls_ca is not None:
        issued = tls_ca.issue_cert("127.0.0.1", "localhost")
        cert, key, ca_bundle = tmp_path / "server.pem", tmp_path / "server.key", tmp_path / "ca.pem"
        issued.cert_chain_pems[0].write_to_path(str(cert))
        for extra in issued.cert_chain_pems[1:]:
            extra.write_to_path(str(cert), append=True)
        issued.private_key_pem.write_to_path(str(key))
        tls_ca.cert_pem.write_to_path(str(ca_bundle))
    sock = bind_socket("127.0.0.1", 0)
    server = BackendServer(server_config(create_app(backend_settings, clock), cert, key))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="backend", daemon=True)
    thread.start()
    try:
        if not server.ready.wait(timeout=15):
            raise RuntimeError("the test backend did not start")
        scheme = "https" if tls_ca is not None else "http"
        handle = BackendHandle(f"{scheme}://127.0.0.1:{sock.getsockname()[1]}", clock, backend_settings.db_path,
                               backend_settings, ca_bundle)
        requests.get(f"{handle.url}/v1/health", timeout=10, verify=handle.verify).raise_for_status()
        yield handle
    finally:
        server.stop()
        thread.join(timeout=15)
        sock.close()


@pytest.fixture
def backend(tmp_path: Path) -> Iterator[BackendHandle]:
    """A fresh reference backend over HTTP on 127.0.0.1, clock at START (a ManualClock)."""
    with running_backend(tmp_path) as handle:
        yield handle


@pytest.fixture(scope="session")
def backend_tls_ca() -> Any:
    """A throwaway certificate authority (trustme) for HTTPS test servers."""
    import trustme

    return trustme.CA()


@pytest.fixture
def tls_backend(tmp_path: Path, backend_tls_ca: Any) -> Iterator[BackendHandle]:
    """The reference backend over HTTPS; trust `handle.ca_bundle` (requests: verify=handle.ca_bundle)."""
    with running_backend(tmp_path, tls_ca=backend_tls_ca) as handle:
        yield handle
