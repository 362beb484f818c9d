"""What one backend instance is configured with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BackendSettings:
    """db_path is the backend's own SQLite file; everything else has a default.

    public_base_url (e.g. "https://backend.example:8765") is used for QR and stream
    URLs; None means the base URL of the request being answered. media_dir None means
    `<db dir>/media`. The signing secret for media URLs is random per database and
    stored in it, never in the configuration. package_key_path None means
    `<db dir>/package-signing.key`, the Ed25519 key partner app packages are signed with
    (created on first start; see package_key.py).
    """

    db_path: Path
    map_path: Path | None = None
    public_base_url: str | None = None
    hold_seconds: int = 600
    order_timeout_s: int = 180
    token_ttl_s: int = 900
    media_dir: Path | None = None
    map_check_interval_s: float = 2.0  # how often POI requests look whether the map file changed
    package_key_path: Path | None = None

    @property
    def media_path(self) -> Path:
        return Path(self.media_dir) if self.media_dir is not None else Path(self.db_path).parent / "media"

    @property
    def package_key_file(self) -> Path:
        if self.package_key_path is not None:
            return Path(self.package_key_path)
        return Path(self.db_path).parent / "package-signing.key"
