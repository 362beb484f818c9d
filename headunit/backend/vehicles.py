"""Vehicles, their credentials, access tokens and wallet PINs (SQLite only, no web framework).

The backend keeps a SHA-256 of each secret and token (both are 32 random bytes, so a
fast hash is enough and the token check stays cheap), and an scrypt hash of the
wallet PIN with a per-vehicle salt (a PIN is short and guessable).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .db import Database, init_database

VIN_PATTERN = r"^[A-HJ-NPR-Z0-9]{17}$"
PIN_PATTERN = r"^[0-9]{4,12}$"
DEMO_WALLET_PIN = "1234"
DEMO_WALLET_MINOR = 50_000  # 500.00 EUR of demo money
_SCRYPT = {"n": 2**13, "r": 8, "p": 1, "dklen": 32}


@dataclass(frozen=True)
class Credential:
    vin: str
    secret: str

    def as_json(self) -> dict[str, str]:
        return {"vin": self.vin, "secret": self.secret}


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_vin(vin: str) -> str:
    if not re.fullmatch(VIN_PATTERN, vin):
        raise ValueError(f"{vin!r} is not a VIN: 17 characters from A-Z (no I, O, Q) and 0-9")
    return vin


def check_pin(pin: str) -> str:
    if not re.fullmatch(PIN_PATTERN, pin):
        raise ValueError("a wallet PIN is 4 to 12 digits")
    return pin


def hash_pin(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, **_SCRYPT)


def pin_matches(pin: str, salt: bytes, expected: bytes) -> bool:
    return hmac.compare_digest(hash_pin(pin, salt), expected)


def provision(conn: sqlite3.Connection, vin: str, now: float, wallet_pin: str | None = None,
              with_wallet: bool = True) -> Credential:
    """Create the vehicle or give it a new secret (ending its tokens). Call inside a write transaction.

    A new vehicle gets the demo wallet with `wallet_pin` (default 1234) unless
    with_wallet is False; an existing one keeps its wallet, and its PIN changes only
    when wallet_pin is given.
    """
    check_vin(vin)
    if wallet_pin is not None:
        check_pin(wallet_pin)
    secret = secrets.token_urlsafe(32)
    exists = conn.execute("SELECT 1 FROM vehicles WHERE vin = ?", (vin,)).fetchone() is not None
    if exists:
        conn.execute("UPDATE vehicles SET secret_sha256 = ? WHERE vin = ?", (sha256_hex(secret), vin))
        conn.execute("DELETE FROM tokens WHERE vin = ?", (vin,))
    else:
        conn.execute("INSERT INTO vehicles(vin, secret_sha256, wallet_minor, created_at) VALUES (?, ?, ?, ?)",
                     (vin, sha256_hex(secret), DEMO_WALLET_MINOR, now))
    pin = wallet_pin if wallet_pin is not None else (DEMO_WALLET_PIN if with_wallet and not exists else None)
    if pin is not None:
        salt = secrets.token_bytes(16)
        conn.execute("UPDATE vehicles SET pin_salt = ?, pin_hash = ?, wrong_pins = 0, locked_until = NULL "
                     "WHERE vin = ?", (salt, hash_pin(pin, salt), vin))
    return Credential(vin, secret)


def provision_vehicle(db_path: Path, vin: str, now: float, wallet_pin: str | None = None,
                      with_wallet: bool = True) -> Credential:
    """provision() on the database file at db_path (created when missing)."""
    init_database(db_path)
    db = Database(db_path)
    try:
        with db.write() as conn:
            return provision(conn, vin, now, wallet_pin, with_wallet)
    finally:
        db.close()


def credential_valid(conn: sqlite3.Connection, vin: str, secret: str) -> bool:
    row = conn.execute("SELECT secret_sha256 FROM vehicles WHERE vin = ?", (vin,)).fetchone()
    return row is not None and hmac.compare_digest(row[0], sha256_hex(secret))


def issue_token(conn: sqlite3.Connection, vin: str, now: float, ttl_s: int) -> str:
    """A new bearer token for vin; also forgets the vehicle's expired tokens. Call inside a write transaction."""
    token = secrets.token_urlsafe(32)
    conn.execute("DELETE FROM tokens WHERE vin = ? AND expires_at <= ?", (vin, now))
    conn.execute("INSERT INTO tokens(token_sha256, vin, expires_at) VALUES (?, ?, ?)",
                 (sha256_hex(token), vin, now + ttl_s))
    return token


def vin_for_token(conn: sqlite3.Connection, token: str, now: float) -> str | None:
    row = conn.execute("SELECT vin, expires_at FROM tokens WHERE token_sha256 = ?", (sha256_hex(token),)).fetchone()
    if row is None or row[1] <= now:
        return None
    return row[0]
