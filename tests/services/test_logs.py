"""headunit.services.logs: file and stream handlers, one-line UTC format, redaction."""

from __future__ import annotations

import io
import logging
import os
import re
import stat
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from headunit.services.logs import (
    LOGGER_NAME,
    OneLineFormatter,
    redact,
    setup_logging,
    shutdown_logging,
)

LINE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO|WARNING|ERROR) [\w.]+: .*")


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    yield
    shutdown_logging()


@pytest.fixture
def stream() -> io.StringIO:
    return io.StringIO()


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_log_file_lives_in_data_dir_logs_with_private_modes(tmp_path: Path) -> None:
    old_umask = os.umask(0)  # even a permissive umask must not widen the modes
    try:
        log_file = setup_logging(tmp_path / "data", stream=None)
    finally:
        os.umask(old_umask)
    assert log_file == tmp_path / "data" / "logs" / "headunit.log"
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_existing_wider_modes_are_narrowed(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir(mode=0o755)
    (tmp_path / "logs" / "headunit.log").write_text("")
    (tmp_path / "logs" / "headunit.log").chmod(0o644)
    log_file = setup_logging(tmp_path, stream=None)
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_events_go_to_the_file_and_the_stream_in_one_line_format(
    tmp_path: Path, stream: io.StringIO
) -> None:
    log_file = setup_logging(tmp_path, stream=stream)
    logging.getLogger("headunit.store").info("saved %d rows", 3)
    [file_line] = lines_of(log_file)
    assert LINE.fullmatch(file_line)
    assert file_line.endswith(" INFO headunit.store: saved 3 rows")
    assert stream.getvalue() == file_line + "\n"


def test_timestamp_is_utc_iso8601_with_milliseconds() -> None:
    created = datetime(2026, 11, 21, 7, 10, 0, tzinfo=timezone.utc).timestamp()
    record = logging.LogRecord("headunit.store", logging.INFO, __file__, 1, "message", None, None)
    record.created, record.msecs = created + 0.123, 123.0
    text = OneLineFormatter().format(record)
    assert text == "2026-11-21T07:10:00.123Z INFO headunit.store: message"


def test_multi_line_messages_and_tracebacks_stay_on_one_line(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path, stream=None)
    log = logging.getLogger("headunit.sync")
    log.warning("first\nsecond\r\nthird")
    try:
        raise ValueError("boom\nagain")
    except ValueError:
        log.exception("delivery failed")
    first, second = lines_of(log_file)
    assert first.endswith("WARNING headunit.sync: first\\nsecond\\nthird")
    assert "ERROR headunit.sync: delivery failed\\nTraceback (most recent call last):" in second
    assert second.endswith("ValueError: boom\\nagain")


def test_calling_setup_twice_does_not_duplicate_handlers(
    tmp_path: Path, stream: io.StringIO
) -> None:
    setup_logging(tmp_path, stream=stream)
    log_file = setup_logging(tmp_path, stream=stream)
    logging.getLogger("headunit").info("once")
    assert len(logging.getLogger(LOGGER_NAME).handlers) == 2
    assert len(lines_of(log_file)) == 1
    assert stream.getvalue().count("once") == 1


def test_root_logger_is_left_alone(tmp_path: Path, stream: io.StringIO) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    setup_logging(tmp_path, stream=stream)
    assert root.handlers == handlers and root.level == level
    assert logging.getLogger(LOGGER_NAME).propagate is False
    logging.getLogger("somebody.else").error("not ours")
    assert stream.getvalue() == ""


def test_level_filters_events(tmp_path: Path, stream: io.StringIO) -> None:
    setup_logging(tmp_path, "warning", stream=stream)
    log = logging.getLogger("headunit.map")
    log.info("hidden")
    log.warning("shown")
    assert "hidden" not in stream.getvalue() and "shown" in stream.getvalue()


def test_unknown_level_is_an_error(tmp_path: Path) -> None:
    expected = "expected one of debug, info, warning, error, got 'loud'"
    with pytest.raises(ValueError, match=expected):
        setup_logging(tmp_path, "loud", stream=None)


def test_file_rotates_and_keeps_the_configured_backups(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path, max_bytes=300, backups=2, stream=None)
    log = logging.getLogger("headunit.bench")
    for number in range(40):
        log.info("event %02d %s", number, "x" * 40)
    names = sorted(p.name for p in log_file.parent.iterdir())
    assert names == ["headunit.log", "headunit.log.1", "headunit.log.2"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in log_file.parent.iterdir())
    assert lines_of(log_file)[-1].endswith("event 39 " + "x" * 40)


def test_shutdown_removes_the_handlers(tmp_path: Path, stream: io.StringIO) -> None:
    setup_logging(tmp_path, stream=stream)
    shutdown_logging()
    logger = logging.getLogger(LOGGER_NAME)
    assert logger.handlers == [] and logger.propagate is True


# --- redaction ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Authorization: Bearer abc.def-ghi", "Authorization: ***"),
        ("{'Authorization': 'Basic dXNlcg==', 'Accept': 'json'}",
         "{'Authorization': '***', 'Accept': 'json'}"),
        ('{"authorization":"Bearer t0k"}', '{"authorization":"***"}'),
        ("retrying with bearer eyJhbGciOi.x_y-z== now", "retrying with bearer *** now"),
        ('{"access_token": "a\\"b", "pin": 1234, "name": "ok"}',
         '{"access_token": "***", "pin": ***, "name": "ok"}'),
        ("{'refresh_token': 'r1', 'ttl': 60}", "{'refresh_token': '***', 'ttl': 60}"),
        ("GET /pois?access_token=abc&page=2", "GET /pois?access_token=***&page=2"),
        ('login password="a b" user=bob', 'login password="***" user=bob'),
        ("TOKEN=xyz Secret=s Api_Key=k credential=c",
         "TOKEN=*** Secret=*** Api_Key=*** credential=***"),
        ("client_secret=s3 x-api-key=q card_pin = 1234",
         "client_secret=*** x-api-key=*** card_pin = ***"),
    ],
)
def test_redact_masks_secrets(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Authorization failed: bad signature", "spin=3 shipping=2", "the token is missing",
     "tokenizer ready", "pinned=true"],
)
def test_redact_leaves_ordinary_text_alone(text: str) -> None:
    assert redact(text) == text


def test_secrets_in_messages_args_and_tracebacks_never_reach_a_log(
    tmp_path: Path, stream: io.StringIO
) -> None:
    log_file = setup_logging(tmp_path, stream=stream)
    log = logging.getLogger("headunit.backend")
    log.info("token=%s", "s3cr3t-1")
    log.info("headers: %s", {"Authorization": "Bearer s3cr3t-2"})
    log.info("answer: %r", {"access_token": "s3cr3t-3", "expires_in": 60})
    log.info("password=s3cr3t-4 and %d%% done", 50)
    try:
        raise PermissionError("refused for pin=s3cr3t-5")
    except PermissionError:
        log.exception("payment")
    for text in (log_file.read_text(encoding="utf-8"), stream.getvalue()):
        assert "s3cr3t" not in text
        assert text.count("***") == 6  # the traceback quotes the raising line as well
        assert 'PermissionError("refused for pin=***")' in text
        assert "expires_in': 60" in text and "and 50% done" in text


def test_a_bad_format_string_does_not_raise(tmp_path: Path, stream: io.StringIO) -> None:
    setup_logging(tmp_path, stream=stream)
    logging.getLogger("headunit.x").info("%d items, token=%s", "not a number")
    assert "token=***" in stream.getvalue() and "not a number" in stream.getvalue()
