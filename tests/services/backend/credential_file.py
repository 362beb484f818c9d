"""A test vehicle's credential, and writing it as `headunit backend provision` would."""

from __future__ import annotations

import json
import os
from pathlib import Path

VIN = "WHU0000000000001X"
SECRET = "s3cr3t-" + "A" * 36


def write_credential(path: Path, vin: str = VIN, secret: str = SECRET, mode: int = 0o600) -> Path:
    path.write_text(json.dumps({"vin": vin, "secret": secret}))
    os.chmod(path, mode)
    return path
