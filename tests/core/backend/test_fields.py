"""The field readers behind the parsers: times, values in messages, paths."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from headunit.core.backend.fields import MalformedResponse, Node, describe, format_time, parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-21T09:30:00Z", datetime(2026, 11, 21, 9, 30, tzinfo=UTC)),
        ("2026-11-21T09:30:00.5Z", datetime(2026, 11, 21, 9, 30, 0, 500000, tzinfo=UTC)),
        ("2026-11-21T09:30:00.123456789Z", datetime(2026, 11, 21, 9, 30, 0, 123456, tzinfo=UTC)),
    ],
)
def test_rfc3339_utc_times_are_read(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["2026-11-21T09:30:00", "2026-11-21T09:30:00+00:00", "2026-11-21t09:30:00z", "2026-11-21 09:30:00Z",
     "2026-11-21T09:30Z", "2026-11-21T24:00:00Z", "2026-11-21T09:30:60Z", "0000-01-01T00:00:00Z",
     "2026-11-21T09:30:00.Z", " 2026-11-21T09:30:00Z", "２０２６-11-21T09:30:00Z", 1795000000, None],
)
def test_anything_else_is_not_a_time(text):
    assert parse_time(text) is None


def test_times_are_written_in_utc_with_a_z():
    helsinki = timezone(timedelta(hours=2))
    assert format_time(datetime(2026, 11, 21, 11, 30, tzinfo=helsinki)) == "2026-11-21T09:30:00Z"
    assert format_time(datetime(5, 1, 2, 3, 4, 5, 6, tzinfo=UTC)) == "0005-01-02T03:04:05.000006Z"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(None, "null"), (True, "true"), (0, "0"), (2.5, "2.5"), (float("nan"), "nan"), ("x", '"x"'),
     ("y" * 50, '"' + "y" * 40 + '…"'), ({"a": 1}, "an object"), ([1, 2], "a list of 2"), (b"x", "bytes")],
)
def test_bad_values_are_shown_briefly(value, shown):
    assert describe(value) == shown


def test_paths_join_objects_and_list_items():
    node = Node({"pois": [{"connectors": [{"free": "x"}]}]}, "")
    poi = next(node.objects("pois"))
    connector = next(poi.objects("connectors"))
    with pytest.raises(MalformedResponse) as caught:
        connector.integer("free")
    assert str(caught.value) == 'pois[0].connectors[0].free: expected an integer >= 0, got "x"'


def test_hidden_strings_are_described_by_length_only():
    with pytest.raises(MalformedResponse) as caught:
        Node({"secret": "hunter2" * 10}, "cred").string("secret", max_len=10, hidden=True)
    assert "hunter2" not in str(caught.value)
    assert str(caught.value) == "cred.secret: expected a string of 1 to 10 characters, got a string of 70 characters"
