"""Reaching the backend: the configured one, or the local reference backend started as a
child process (desktop simulator); then the client with this vehicle's credential.

``connect_backend`` is blocking (it may wait for the child to listen): it runs on the
worker executor, after the first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from headunit.core.config import Config


@dataclass
class BackendLink:
    url: str
    client: Any  # services.backend.client.BackendClient
    local: Any = None  # services.backend.local_server.LocalBackend when started here

    def close(self) -> None:
        if self.local is not None:
            self.local.stop()
            self.local = None


def connect_backend(config: Config) -> BackendLink:
    from headunit.services.backend.client import build_client
    from headunit.services.backend.credentials import default_credential_path

    credential = default_credential_path(config)
    local = None
    url = config.backend.url
    if not url:
        from headunit.services.backend.local_server import start_local_backend
        from headunit.services.map.service import map_database_path

        local = start_local_backend(Path(config.paths.data_dir), config.backend.vin, credential,
                                    map_database_path(config))
        url = local.url
    try:
        client = build_client(config.backend, url, credential)
    except BaseException:
        if local is not None:
            local.stop()
        raise
    return BackendLink(url, client, local)
