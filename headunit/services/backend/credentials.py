"""This vehicle's backend credential: ``{"vin": ..., "secret": ...}`` in a 0600 file.

Made by ``headunit backend provision VIN``. A file that group or others can read is
refused rather than used, and no message or repr ever shows the secret.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from headunit.core.config import Config

from .errors import AuthError

VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{16,512}")  # url-safe base64, as provision writes it
_MAX_FILE_BYTES = 64 * 1024
_PROVISION = "run `headunit backend provision VIN` to make one"


@dataclass(frozen=True)
class Credential:
    vin: str
    secret: str = field(repr=False)

    def token_request(self) -> dict[str, str]:
        """The body of ``POST /v1/auth/token``."""
        return {"vin": self.vin, "secret": self.secret}


def load_credential(path: Path) -> Credential:
    """Read and check the credential file; AuthError says what is wrong and how to fix it."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise AuthError(f"no backend credential at {path}: {_PROVISION}") from None
    except OSError as exc:
        raise AuthError(f"cannot read the backend credential {path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise AuthError(f"the backend credential {path} is not a regular file")
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077:
            raise AuthError(
                f"refusing the backend credential {path}: group or others may access it "
                f"(mode {mode:04o}); run `chmod 600 {path}`"
            )
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(_MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise AuthError(f"cannot read the backend credential {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > _MAX_FILE_BYTES:
        raise AuthError(f"the backend credential {path} is too large to be one; {_PROVISION}")
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        where = f" (line {exc.lineno} column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise AuthError(f"the backend credential {path} is not valid JSON{where}; {_PROVISION}") from None
    if not isinstance(obj, dict):
        raise AuthError(f"the backend credential {path} must be a JSON object with vin and secret")
    vin, secret = obj.get("vin"), obj.get("secret")
    if not isinstance(vin, str) or not VIN.fullmatch(vin):
        what = "has no vin" if vin is None else "has a vin that is not 17 characters of A-H J-N P R-Z 0-9"
        raise AuthError(f"the backend credential {path} {what}; {_PROVISION}")
    if not isinstance(secret, str) or not _SECRET.fullmatch(secret):
        what = "has no secret" if secret is None else "has a malformed secret (not shown)"
        raise AuthError(f"the backend credential {path} {what}; {_PROVISION}")
    return Credential(vin, secret)


def default_credential_path(config: Config) -> Path:
    """``backend.credential_file``, or ``<data_dir>/backend/credential.json``."""
    if config.backend.credential_file:
        return Path(config.backend.credential_file)
    return Path(config.paths.data_dir) / "backend" / "credential.json"
