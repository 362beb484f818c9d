"""The credential file: read when private and well-formed, refused clearly otherwise."""

from __future__ import annotations

import os

import pytest

from headunit.services.backend.credentials import Credential, load_credential
from headunit.services.backend.errors import AuthError

from .credential_file import SECRET, VIN, write_credential


def test_a_private_credential_is_read(tmp_path):
    credential = load_credential(write_credential(tmp_path / "credential.json"))
    assert credential == Credential(VIN, SECRET)
    assert credential.token_request() == {"vin": VIN, "secret": SECRET}


def test_the_secret_never_shows_in_repr_or_str():
    credential = Credential(VIN, SECRET)
    assert SECRET not in repr(credential) and SECRET not in str(credential)
    assert VIN in repr(credential)


def test_a_missing_file_says_how_to_make_one(tmp_path):
    path = tmp_path / "credential.json"
    with pytest.raises(AuthError) as caught:
        load_credential(path)
    assert caught.value.message == f"no backend credential at {path}: run `headunit backend provision VIN` to make one"
    assert caught.value.retryable is False


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660, 0o666])
def test_a_file_others_may_read_is_refused(tmp_path, mode):
    path = write_credential(tmp_path / "credential.json", mode=mode)
    with pytest.raises(AuthError) as caught:
        load_credential(path)
    assert caught.value.message == (
        f"refusing the backend credential {path}: group or others may access it (mode {mode:04o}); "
        f"run `chmod 600 {path}`"
    )


def test_an_unreadable_file_is_refused(tmp_path):
    path = write_credential(tmp_path / "credential.json", mode=0o000)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: file modes do not stop reading")
    with pytest.raises(AuthError, match=rf"^cannot read the backend credential {path}: Permission denied$"):
        load_credential(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"vin": "WHU0000000000001X", "secret": ', "is not valid JSON (line 1 column 40)"),
        ("\xff", "is not valid JSON"),
        ("[]", "must be a JSON object with vin and secret"),
        (f'{{"secret": "{SECRET}"}}', "has no vin"),
        (f'{{"vin": "WHU0000000000001I", "secret": "{SECRET}"}}', "has a vin that is not 17 characters"),
        (f'{{"vin": "{VIN}"}}', "has no secret"),
        (f'{{"vin": "{VIN}", "secret": "short"}}', "has a malformed secret (not shown)"),
        (f'{{"vin": "{VIN}", "secret": 12345678901234567890}}', "has a malformed secret (not shown)"),
    ],
)
def test_a_malformed_file_is_refused_without_showing_the_secret(tmp_path, content, message):
    path = tmp_path / "credential.json"
    path.write_text(content, encoding="latin-1")
    os.chmod(path, 0o600)
    with pytest.raises(AuthError) as caught:
        load_credential(path)
    assert caught.value.message.startswith(f"the backend credential {path} {message}")
    assert "short" not in caught.value.message and "1234567890" not in caught.value.message


def test_a_directory_is_not_a_credential(tmp_path):
    path = tmp_path / "credential.json"
    path.mkdir(mode=0o700)
    with pytest.raises(AuthError, match=rf"^the backend credential {path} is not a regular file$"):
        load_credential(path)
