"""`headunit backend serve | provision | confirm-qr | package-key`: the reference backend's commands.

Imported by headunit/cli.py only when a backend command runs; FastAPI and uvicorn
are imported by `serve` alone. Errors are one line on stderr: status 2 for a bad
option, 1 for a failure at run time, never a traceback.

`confirm-qr URL` plays the phone over HTTP; `confirm-qr ORDER` confirms the order in
the backend database with the function the phone's route uses (records.py).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from headunit.core.config import Config, ConfigError

from headunit.services.backend.credentials import default_credential_path

from .vehicles import Credential, check_pin, check_vin

log = logging.getLogger("headunit.backend")
QR_URL = re.compile(r"^https?://[^/?#]+(/[^?#]*)?/v1/qr/[A-Za-z0-9_-]{43}$")
ORDER_ID = re.compile(r"^ord_[0-9a-f]{24}$")
_REFUSALS = {
    "not_found": "unknown or already used QR code",
    "order_closed": "the order is closed (cancelled, or not paid in time); ask the vehicle for a new QR code",
    "hold_expired": "the reservation's hold has expired; make a new reservation",
}


class UsageError(Exception):
    """A bad option: exit status 2."""


def default_db_path(config: Config) -> Path:
    return Path(config.paths.data_dir) / "backend" / "backend.db"


def _fail(command: str, message: str, status: int) -> int:
    print(f"headunit backend {command}: {message}", file=sys.stderr)
    return status


def write_credential(path: Path, credential: Credential) -> None:
    """Write the credential JSON atomically (temp file, fsync, rename), mode 0600 in a 0700 folder."""
    path = Path(path)
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    fd, temp = tempfile.mkstemp(prefix=".credential-", dir=path.parent)  # mkstemp makes it 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(credential.as_json(), file)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def ensure_credential(db_path: Path, vin: str, out: Path, wallet_pin: str | None) -> bool:
    """Make `out` hold a credential of `vin` that the database accepts; True when a new one was written."""
    from .db import Database, init_database
    from .vehicles import credential_valid, provision_vehicle

    init_database(db_path)
    try:
        stored = json.loads(Path(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stored = None
    if isinstance(stored, dict) and stored.get("vin") == vin and isinstance(stored.get("secret"), str):
        db = Database(db_path)
        try:
            if credential_valid(db.connection(), vin, stored["secret"]):
                return False
        finally:
            db.close()
    write_credential(out, provision_vehicle(db_path, vin, time.time(), wallet_pin))
    return True


def _setup_logging() -> None:
    """Log to stderr, our own records from INFO; left alone when the process already logs somewhere."""
    if logging.getLogger().handlers:
        return
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="headunit backend: %(levelname)s %(name)s: %(message)s")
    logging.getLogger("headunit").setLevel(logging.INFO)


def _watch_stdin(stop: Callable[[], None]) -> None:
    """Stop when stdin reaches EOF: the parent (the head unit) has gone, however it ended."""
    def watch() -> None:
        try:
            while os.read(0, 4096):
                pass
        except OSError:
            pass
        stop()

    threading.Thread(target=watch, name="stdin-eof", daemon=True).start()


def _check_serve_options(args: argparse.Namespace, config: Config) -> tuple[Path | None, Path | None]:
    """(map path, credential path); raises UsageError."""
    if (args.cert is None) != (args.key is None):
        raise UsageError("--cert and --key go together")
    for option, value in (("--cert", args.cert), ("--key", args.key)):
        if value is not None and not Path(value).is_file():
            raise UsageError(f"{option}: file not found: {value}")
    if args.public_url is not None and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", args.public_url):
        raise UsageError(f"--public-url: expected http(s)://host[:port][/path], got {args.public_url!r}")
    credential_out = None
    if args.provision is not None:
        check_vin(args.provision)
        credential_out = args.credential_out or default_credential_path(config)
    elif args.credential_out is not None:
        raise UsageError("--credential-out goes with --provision VIN")
    if args.wallet_pin is not None:
        check_pin(args.wallet_pin)
    map_path = args.map
    if map_path is None:
        from headunit.services.map.service import map_database_path

        map_path = map_database_path(config)
    elif not Path(map_path).parent.is_dir():
        raise UsageError(f"--map: no such directory: {Path(map_path).parent}")
    return map_path, credential_out


def serve(args: argparse.Namespace, config: Config) -> int:
    try:
        map_path, credential_out = _check_serve_options(args, config)
    except (UsageError, ValueError) as exc:
        return _fail("serve", str(exc), 2)
    _setup_logging()
    import ssl

    try:
        from .app import BackendStartError, create_app
        from .server import BackendServer, bind_socket, server_config
    except ImportError as exc:
        return _fail("serve", f"the reference backend needs FastAPI and uvicorn ({exc}); "
                              "install the 'backend' extra: pip install -e '.[backend]'", 1)
    from .settings import BackendSettings

    db_path = args.db or default_db_path(config)
    settings = BackendSettings(db_path=db_path, map_path=map_path, public_base_url=args.public_url,
                               package_key_path=args.package_key)
    try:
        app = create_app(settings)
        if credential_out is not None and ensure_credential(db_path, args.provision, credential_out, args.wallet_pin):
            log.info("provisioned %s: credential written to %s", args.provision, credential_out)
    except (BackendStartError, OSError) as exc:
        return _fail("serve", str(exc), 1)
    try:
        config_uvicorn = server_config(app, args.cert, args.key)
    except (ssl.SSLError, OSError) as exc:
        return _fail("serve", f"cannot use --cert {args.cert} / --key {args.key}: {exc}", 2)
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        return _fail("serve", f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", 1)
    host, port = sock.getsockname()[:2]
    shown_host = f"[{host}]" if ":" in host else host
    url = f"{'https' if args.cert else 'http'}://{shown_host}:{port}"

    def announce() -> None:
        sys.stdout.write(f"headunit backend listening on {url}\n")
        sys.stdout.flush()

    server = BackendServer(config_uvicorn, on_started=announce)
    if args.exit_with_parent:
        _watch_stdin(server.stop)
    log.info("database %s, %s", db_path, f"POIs from {map_path}" if map_path else "no map: no POIs")
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return 0 if server.started else 1


def provision(args: argparse.Namespace, config: Config) -> int:
    from .db import BackendDbError
    from .vehicles import provision_vehicle

    try:
        check_vin(args.vin)
        if args.wallet_pin is not None:
            check_pin(args.wallet_pin)
    except ValueError as exc:
        return _fail("provision", str(exc), 2)
    db_path = args.db or default_db_path(config)
    out = args.out or default_credential_path(config)
    try:
        write_credential(out, provision_vehicle(db_path, args.vin, time.time(), args.wallet_pin))
    except (BackendDbError, OSError) as exc:
        return _fail("provision", str(exc), 1)
    print(f"provisioned {args.vin} in {db_path}; credential written to {out} (mode 0600)")
    return 0


def package_key(args: argparse.Namespace, config: Config) -> int:
    """Print the base64 public key of the package signing key (made when missing)."""
    from .package_key import PackageKeyError, load_or_create_key, public_key_text, write_public_key
    from .settings import BackendSettings

    settings = BackendSettings(db_path=args.db or default_db_path(config), package_key_path=args.package_key)
    try:
        key = load_or_create_key(settings.package_key_file)
        write_public_key(key, settings.package_key_file)
    except (PackageKeyError, OSError) as exc:
        return _fail("package-key", str(exc), 1)
    print(public_key_text(key))
    return 0


def _paid_line(summary: dict) -> str:
    from .qr_page import format_amount

    return f"{summary.get('status', 'paid')}: {format_amount(summary['amount_minor'], summary['currency'])} " \
           f"to {summary['merchant']}"


def confirm_qr(args: argparse.Namespace, load_config: Callable[[], Config] | None = None) -> int:
    """`confirm-qr URL` over HTTP, or `confirm-qr ORDER [--db FILE]` in the database.
    load_config gives the configuration (for the default --db) when it is needed."""
    target = args.url.strip()
    db_option = getattr(args, "db", None)
    if ORDER_ID.fullmatch(target):
        if db_option is None:
            try:
                db_option = default_db_path(load_config()) if load_config else None
            except ConfigError as exc:
                return _fail("confirm-qr", str(exc), 2)
            if db_option is None:
                return _fail("confirm-qr", "--db FILE: which backend database holds the order", 2)
        return _confirm_order(target, Path(db_option))
    if db_option is not None:
        return _fail("confirm-qr", "--db goes with an ORDER id (ord_...), not with a QR URL", 2)
    return _confirm_url(args)


def _confirm_order(order_id: str, db_path: Path) -> int:
    import sqlite3

    from .api_error import ApiError, not_found
    from .db import BackendDbError, Database, init_database
    from .records import confirm_qr_payment, expire_due, qr_summary

    if not db_path.is_file():
        return _fail("confirm-qr", f"no backend database at {db_path} (--db FILE names it)", 1)
    try:
        init_database(db_path)
        db = Database(db_path)
        try:
            now = time.time()
            with db.write() as conn:
                expire_due(conn, now)
                order = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
                if order is None:
                    raise not_found(f"order {order_id}")
                summary = qr_summary(confirm_qr_payment(conn, order, now), now)
        finally:
            db.close()
    except ApiError as exc:
        reason = ({"not_found": f"no order {order_id} in {db_path}", "order_not_pending": exc.message}.get(exc.code)
                  or _REFUSALS.get(exc.code))
        return _fail("confirm-qr", reason or f"{exc.code}: {exc.message}", 1)
    except (BackendDbError, sqlite3.Error, OSError) as exc:
        return _fail("confirm-qr", f"{db_path}: {exc}", 1)
    print(_paid_line(summary))
    return 0


def _confirm_url(args: argparse.Namespace) -> int:
    import requests

    url = args.url.strip().rstrip("/")
    if not QR_URL.fullmatch(url):
        return _fail("confirm-qr", f"not a QR payment URL (http(s)://HOST/v1/qr/TOKEN) or an order id (ord_...): "
                                   f"{args.url!r}", 2)
    if args.ca_bundle is not None and not Path(args.ca_bundle).is_file():
        return _fail("confirm-qr", f"--ca-bundle: file not found: {args.ca_bundle}", 2)
    try:
        verify = str(args.ca_bundle) if args.ca_bundle else True
        answer = requests.post(f"{url}/confirm", timeout=(3, 10), verify=verify, headers={"Accept": "application/json"})
    except requests.exceptions.SSLError as exc:
        return _fail("confirm-qr", f"TLS verification failed for {url.split('/v1/')[0]} "
                                   f"(--ca-bundle FILE trusts a private CA): {exc}", 1)
    except requests.RequestException as exc:
        return _fail("confirm-qr", f"backend not reachable at {url.split('/v1/')[0]}: {type(exc).__name__}", 1)
    try:
        body = answer.json()
    except ValueError:
        body = None
    if answer.status_code == 200 and isinstance(body, dict) and {"merchant", "amount_minor", "currency"} <= set(body):
        print(_paid_line(body))
        return 0
    error = body.get("error", {}) if isinstance(body, dict) and isinstance(body.get("error"), dict) else {}
    code = error.get("code", "")
    return _fail("confirm-qr", _REFUSALS.get(code) or f"the backend answered {answer.status_code}"
                 + (f" {code}: {error.get('message', '')}" if code else ""), 1)
