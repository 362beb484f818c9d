"""Signed media URLs: only an unexpired, untouched URL for the same path verifies."""

from __future__ import annotations

import re
from urllib.parse import parse_qs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headunit.backend import signing
from headunit.backend.signing import UrlSigner

SECRET = bytes(range(32))
VIN = "WHU5MULATR0000001"
OTHER_VIN = "WHU5MULATR0000002"
PATH = "/v1/media/files/st-1"
NOW = 1_795_250_000.0
EXP = 1_795_260_000


@pytest.fixture
def signer() -> UrlSigner:
    return UrlSigner(SECRET)


def signed(signer: UrlSigner, path: str = PATH, vin: str = VIN, exp: int = EXP) -> tuple[str, str]:
    query = parse_qs(signer.sign_query(path, vin, exp), strict_parsing=True)
    assert sorted(query) == ["exp", "sig"]
    return query["exp"][0], query["sig"][0]


def test_query_has_exp_and_a_sig_carrying_the_vin(signer):
    query = signer.sign_query(PATH, VIN, EXP)
    assert re.fullmatch(rf"exp={EXP}&sig={VIN}\.[A-Za-z0-9_-]{{43}}", query)


def test_a_fresh_signature_verifies(signer):
    exp, sig = signed(signer)
    assert signer.verify(PATH, exp, sig, NOW)


def test_signing_is_deterministic_and_another_signer_with_the_same_secret_agrees(signer):
    exp, sig = signed(signer)
    assert signed(UrlSigner(bytes(SECRET))) == (exp, sig)
    assert UrlSigner(bytearray(SECRET)).verify(PATH, exp, sig, NOW)


def test_expired_at_and_after_exp(signer):
    exp, sig = signed(signer)
    assert signer.verify(PATH, exp, sig, EXP - 0.001)
    assert not signer.verify(PATH, exp, sig, EXP)
    assert not signer.verify(PATH, exp, sig, EXP + 3600)


def test_another_path_fails(signer):
    exp, sig = signed(signer)
    for path in ("/v1/media/files/st-2", "/v1/media/files/st-1/", "/v1/media/files/st-10", "", "/"):
        assert not signer.verify(path, exp, sig, NOW), path


def test_another_vin_fails(signer):
    exp, sig = signed(signer)
    assert not signer.verify(PATH, exp, sig.replace(VIN, OTHER_VIN), NOW)
    other_exp, other_sig = signed(signer, vin=OTHER_VIN)
    assert signer.verify(PATH, other_exp, other_sig, NOW)
    assert other_sig != sig


def test_a_moved_expiry_fails(signer):
    exp, sig = signed(signer)
    assert not signer.verify(PATH, str(EXP + 86_400), sig, NOW)
    assert not signer.verify(PATH, str(EXP - 1), sig, NOW)


def test_every_changed_character_of_the_mac_fails(signer):
    exp, sig = signed(signer)
    vin, mac = sig.split(".")
    for i in range(len(mac)):
        changed = mac[:i] + ("A" if mac[i] != "A" else "B") + mac[i + 1:]
        assert not signer.verify(PATH, exp, f"{vin}.{changed}", NOW), i


def test_another_secret_fails(signer):
    exp, sig = signed(signer)
    assert not UrlSigner(bytes(reversed(SECRET))).verify(PATH, exp, sig, NOW)


@pytest.mark.parametrize("exp", [
    "", "0", "-1", "+1795260000", " 1795260000", "1795260000 ", "01795260000", "1795260000.0", "1e10",
    "١٧٩٥٢٦٠٠٠٠", "９", "9" * 11, "9" * 400, "1795260000\n",
])
def test_malformed_exp_is_false(signer, exp):
    _, sig = signed(signer)
    assert signer.verify(PATH, exp, sig, NOW) is False


@pytest.mark.parametrize("mangle", [
    lambda s: "", lambda s: ".", lambda s: s[:-1], lambda s: s + "A", lambda s: s + "=",
    lambda s: s.split(".")[1], lambda s: s.split(".")[0], lambda s: s.replace(".", ":"),
    lambda s: s.lower(), lambda s: s.replace("W", "Ｗ", 1), lambda s: s + "\x00",
    lambda s: "I" + s[1:], lambda s: s * 2,
])
def test_malformed_sig_is_false(signer, mangle):
    exp, sig = signed(signer)
    assert signer.verify(PATH, exp, mangle(sig), NOW) is False


@pytest.mark.parametrize("changes", [
    {"path": None}, {"path": b"/v1/media/files/st-1"}, {"exp": None}, {"exp": EXP}, {"exp": float(EXP)},
    {"sig": None}, {"sig": b"x"}, {"now": None}, {"now": "now"}, {"now": True},
])
def test_wrong_types_are_false_not_exceptions(signer, changes):
    exp, sig = signed(signer)
    args = {"path": PATH, "exp": exp, "sig": sig, "now": NOW} | changes
    assert signer.verify(**args) is False


def test_nan_now_never_verifies(signer):
    exp, sig = signed(signer)
    assert signer.verify(PATH, exp, sig, float("nan")) is False


@settings(max_examples=300, deadline=None)
@given(path=st.text(max_size=80), exp=st.text(max_size=30), sig=st.text(max_size=100),
       now=st.one_of(st.floats(allow_nan=True), st.integers(min_value=-2**70, max_value=2**70)))
def test_any_strings_give_false_without_raising(path, exp, sig, now):
    assert UrlSigner(SECRET).verify(path, exp, sig, now) is False


@settings(max_examples=100, deadline=None)
@given(path=st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E,
                                           blacklist_characters="?#"), max_size=60))
def test_any_signed_path_verifies_only_for_itself(path):
    signer = UrlSigner(SECRET)
    exp, sig = signed(signer, "/" + path)
    assert signer.verify("/" + path, exp, sig, NOW)
    assert not signer.verify("/" + path + "x", exp, sig, NOW)


def test_the_mac_is_compared_in_constant_time(signer, monkeypatch):
    calls = []
    real = signing.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(signing.hmac, "compare_digest", spy)
    exp, sig = signed(signer)
    assert signer.verify(PATH, exp, sig, NOW)
    assert not signer.verify("/v1/media/files/st-2", exp, sig, NOW)
    assert len(calls) == 2


@pytest.mark.parametrize("secret, error", [
    (b"short", ValueError), (b"", ValueError), ("a string secret of enough length", TypeError), (None, TypeError),
])
def test_a_weak_or_wrong_secret_is_refused(secret, error):
    with pytest.raises(error, match="secret"):
        UrlSigner(secret)


@pytest.mark.parametrize("path, vin, expires_at, field", [
    ("v1/media/files/st-1", VIN, EXP, "path"),
    ("/v1/media/files/st 1", VIN, EXP, "path"),
    ("/v1/media/files/st-1?x=1", VIN, EXP, "path"),
    ("/v1/media/files/ü", VIN, EXP, "path"),
    (PATH, "WHU5MULATR000000I", EXP, "vin"),
    (PATH, VIN.lower(), EXP, "vin"),
    (PATH, VIN[:-1], EXP, "vin"),
    (PATH, VIN, 0, "expires_at"),
    (PATH, VIN, 10**10, "expires_at"),
    (PATH, VIN, float(EXP), "expires_at"),
    (PATH, VIN, True, "expires_at"),
    (PATH, VIN, str(EXP), "expires_at"),
])
def test_sign_query_names_the_bad_argument(signer, path, vin, expires_at, field):
    with pytest.raises(ValueError, match=field):
        signer.sign_query(path, vin, expires_at)
