"""Which key partner app packages must be signed with: configured, the local backend's, or none."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from headunit.core.config import AppsConfig
from headunit.services.apps.partner_key import package_public_key
from headunit.services.backend.local_server import start_local_backend

RAW = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
OTHER = Ed25519PrivateKey.generate().public_key().public_bytes_raw()


def local_key_file(data_dir: Path, text: str) -> Path:
    path = data_dir / "backend" / "package-signing.pub"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    return path


def test_the_configured_key_wins_over_the_local_backends(tmp_path):
    local_key_file(tmp_path, base64.b64encode(OTHER).decode())
    config = AppsConfig(package_public_key=f" {base64.b64encode(RAW).decode()}\n")
    assert package_public_key(config, tmp_path, local_backend=True) == RAW
    assert package_public_key(config, tmp_path, local_backend=False) == RAW


@pytest.mark.parametrize(("text", "problem"), [
    ("not base64!", "got text that is not base64"),
    (base64.b64encode(RAW[:31]).decode(), "got 31 bytes"),
    (base64.b64encode(RAW + b"x").decode(), "got 33 bytes"),
])
def test_a_configured_key_that_is_not_one_is_an_error_naming_the_setting(tmp_path, text, problem):
    with pytest.raises(ValueError, match=rf"^apps.package_public_key: expected the base64 of a 32-byte Ed25519 "
                                         rf"public key, {problem}$"):
        package_public_key(AppsConfig(package_public_key=text), tmp_path, local_backend=True)


def test_without_a_configured_key_the_local_backends_key_is_trusted_only_while_it_is_in_use(tmp_path):
    assert package_public_key(AppsConfig(), tmp_path, local_backend=True) is None  # not started yet
    local_key_file(tmp_path, base64.b64encode(RAW).decode() + "\n")
    assert package_public_key(AppsConfig(), tmp_path, local_backend=True) == RAW
    assert package_public_key(AppsConfig(), tmp_path, local_backend=False) is None


def test_a_broken_local_key_file_is_an_error_naming_the_file(tmp_path):
    path = local_key_file(tmp_path, "AAAA\n")
    with pytest.raises(ValueError, match=rf"^{path}: expected the base64 of a 32-byte Ed25519 public key, got 3 bytes"):
        package_public_key(AppsConfig(), tmp_path, local_backend=True)


def test_the_local_backend_child_writes_its_public_key_where_the_head_unit_reads_it(tmp_path):
    data_dir = tmp_path / "unit"
    backend = start_local_backend(data_dir, "WHU5MULATR0000001", data_dir / "backend" / "credential.json",
                                  data_dir / "maps" / "map.db")
    try:
        key = package_public_key(AppsConfig(), data_dir, local_backend=True)
    finally:
        backend.stop()
    assert key is not None and len(key) == 32
    assert stat.S_IMODE((data_dir / "backend" / "package-signing.key").stat().st_mode) == 0o600
    assert stat.S_IMODE((data_dir / "backend" / "package-signing.pub").stat().st_mode) == 0o644
