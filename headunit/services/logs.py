"""Logging for the `headunit` logger: one line per event, UTC timestamps, no secrets.

One line per event keeps a log greppable and lets a field engineer hand over a file
whose lines can be sorted and merged with other logs. Secrets are redacted by a
handler filter (a filter on the logger would miss records from child loggers such as
`headunit.store`) and once more by the formatter, which also sees tracebacks.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

LOGGER_NAME = "headunit"
LEVELS = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
REDACTED = "***"

_SECRET_KEY = (
    r"(?:[\w-]*[_-])?"  # any prefix: client_secret, x-api-key, card_pin
    r"(?:access_token|refresh_token|api[_-]?key|token|password|secret|pin|credential)s?"
)
_VALUE = r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s&,;)}\]"']+)"""
_REDACTIONS = [
    # Authorization: Bearer abc / {'Authorization': 'Basic abc'} / authorization=abc
    re.compile(
        r"""(\bauthorization\b["']?\s*[:=]\s*)("[^"\r\n]*"|'[^'\r\n]*'|[^"'\r\n,;}&]+)""", re.I
    ),
    re.compile(r"(\bbearer\s+)([\w\-.~+/]+=*)", re.I),
    # "token": "abc", 'pin': 1234 (JSON and Python reprs)
    re.compile(rf"""(["']{_SECRET_KEY}["']\s*:\s*){_VALUE}""", re.I),
    # token=abc, password="a b", ?access_token=abc&x=1
    re.compile(rf"(\b{_SECRET_KEY}\s*=\s*){_VALUE}", re.I),
]


def _mask(match: re.Match[str]) -> str:
    """Keep the key and the quotes around the value, mask the value."""
    prefix, value = match.group(1), match.group(2)
    quote = value[0] if value[0] in "\"'" else ""
    return f"{prefix}{quote}{REDACTED}{quote}"


def redact(text: str) -> str:
    """text with Authorization values, Bearer tokens and secret key=value pairs masked."""
    for pattern in _REDACTIONS:
        text = pattern.sub(_mask, text)
    return text


class RedactingFilter(logging.Filter):
    """Replaces a record's message (args already merged in) with its redacted form."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not turn logging into a crash
            message = f"{record.msg!r} % {record.args!r}"
        record.msg, record.args = redact(message), None
        return True


class OneLineFormatter(logging.Formatter):
    """`2026-11-21T07:10:00.123Z INFO headunit.store: message`, newlines escaped as \\n."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        moment = datetime.fromtimestamp(record.created, tz=timezone.utc)
        return f"{moment:%Y-%m-%dT%H:%M:%S}.{int(record.msecs):03d}Z"

    def format(self, record: logging.LogRecord) -> str:
        text = redact(super().format(record))
        return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r")


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files (the current one and after rotation) are 0600."""

    def _open(self) -> io.TextIOWrapper:
        stream = open(
            self.baseFilename,
            self.mode,
            encoding=self.encoding,
            errors=self.errors,
            opener=lambda path, flags: os.open(path, flags, 0o600),
        )
        os.chmod(self.baseFilename, 0o600)  # an older file may have been created wider
        return stream


_OURS = "_headunit_handler"


def shutdown_logging() -> None:
    """Remove and close the handlers setup_logging installed (tests, app exit)."""
    logger = logging.getLogger(LOGGER_NAME)
    for handler in [h for h in logger.handlers if getattr(h, _OURS, False)]:
        logger.removeHandler(handler)
        handler.close()
    logger.propagate = True
    logger.setLevel(logging.NOTSET)


def setup_logging(
    data_dir: Path,
    level: str = "info",
    *,
    max_bytes: int = 1_000_000,
    backups: int = 5,
    stream: TextIO | None = sys.stderr,
) -> Path:
    """Log `headunit.*` to data_dir/logs/headunit.log (rotated) and to stream (if given).

    Calling it again replaces the handlers it installed before. The root logger is left
    alone and records do not propagate to it, so nothing is printed twice.
    """
    if level not in LEVELS:
        raise ValueError(f"log level: expected one of {', '.join(LEVELS)}, got {level!r}")
    log_dir = Path(data_dir) / "logs"
    log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(log_dir, 0o700)
    log_file = log_dir / "headunit.log"

    shutdown_logging()
    handlers: list[logging.Handler] = [
        _PrivateRotatingFileHandler(
            log_file, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    ]
    if stream is not None:
        handlers.append(logging.StreamHandler(stream))
    logger = logging.getLogger(LOGGER_NAME)
    for handler in handlers:
        setattr(handler, _OURS, True)
        handler.addFilter(RedactingFilter())
        handler.setFormatter(OneLineFormatter())
        logger.addHandler(handler)
    logger.setLevel(LEVELS[level])
    logger.propagate = False
    return log_file
