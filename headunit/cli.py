"""Command line: `headunit [run] ...`, `headunit bench startup`, `headunit config show`.

Nothing heavy is imported here: `--help` and bad arguments answer at once, and Qt
is imported only by the command that needs it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from headunit.core.areas import AREA_KEYS
from headunit.core.config import THEMES, Config, ConfigError, parse_size

COMMANDS = ("run", "simulate", "record", "map", "bench", "config", "backend")


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one clear line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _size(text: str) -> tuple[int, int]:
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, got {value}")
    return value


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="FILE",
                        help="configuration file (default: $XDG_CONFIG_HOME/headunit/config.toml)")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="where the database and logs live (default: $XDG_DATA_HOME/headunit)")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("headunit")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds like 60 or 12.5, got {text!r}") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected seconds >= 0, got {text!r}")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {value}")
    return value


def _add_backend_parser(commands: argparse._SubParsersAction) -> None:
    backend = commands.add_parser("backend", help="the reference backend: serve it, provision a vehicle, "
                                                  "confirm a QR payment")
    actions = backend.add_subparsers(dest="backend_action", metavar="ACTION", required=True, parser_class=_Parser)
    serve = actions.add_parser("serve", help="serve the v1 API (docs/backend-api.md); prints "
                                             "'headunit backend listening on URL' once listening")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8765, help="port (default 8765; 0 picks a free one)")
    serve.add_argument("--db", type=Path, metavar="FILE",
                       help="backend database (default: DATA_DIR/backend/backend.db)")
    serve.add_argument("--map", type=Path, metavar="FILE", help="map database to take parking, fuel and charging "
                                                                "POIs from (default: the installed map, if any)")
    serve.add_argument("--cert", type=Path, metavar="FILE", help="TLS certificate chain (PEM), with --key")
    serve.add_argument("--key", type=Path, metavar="FILE", help="TLS private key (PEM)")
    serve.add_argument("--public-url", metavar="URL",
                       help="base URL for QR and media links (default: the URL each request came to)")
    serve.add_argument("--provision", metavar="VIN", help="before listening, make sure this vehicle exists and "
                                                          "--credential-out holds a credential it accepts")
    serve.add_argument("--credential-out", type=Path, metavar="FILE",
                       help="with --provision (default: DATA_DIR/backend/credential.json or backend.credential_file)")
    serve.add_argument("--wallet-pin", metavar="PIN",
                       help="with --provision: a new vehicle's demo wallet PIN (default 1234)")
    serve.add_argument("--exit-with-parent", action="store_true",
                       help="stop when stdin reaches end of file (how the head unit runs its backend)")
    serve.add_argument("--package-key", type=Path, metavar="FILE",
                       help="Ed25519 key (PKCS#8 PEM) partner app packages are signed with, created 0600 if "
                            "missing; its public key is written beside it as .pub (default: beside --db, "
                            "package-signing.key)")
    _add_config_options(serve)
    provision = actions.add_parser("provision", help="create a vehicle (or give it a new secret, ending its tokens) "
                                                     "and write its credential JSON (0600)")
    provision.add_argument("vin", metavar="VIN", help="17 characters: A-Z without I, O, Q, and 0-9")
    provision.add_argument("--db", type=Path, metavar="FILE",
                           help="backend database (default: DATA_DIR/backend/backend.db)")
    provision.add_argument("--out", type=Path, metavar="FILE",
                           help="credential file (default: DATA_DIR/backend/credential.json or "
                                "backend.credential_file)")
    provision.add_argument("--wallet-pin", metavar="PIN",
                           help="demo wallet PIN, 4 to 12 digits (a new vehicle gets 1234)")
    _add_config_options(provision)
    confirm = actions.add_parser("confirm-qr", help="pay a QR order as the driver's phone would")
    confirm.add_argument("url", metavar="URL|ORDER", help="the URL the QR code shows (http(s)://HOST/v1/qr/TOKEN), "
                                                          "or an order id (ord_...) to confirm in the database")
    confirm.add_argument("--ca-bundle", type=Path, metavar="FILE", help="with a URL: CA certificates to trust (PEM)")
    confirm.add_argument("--db", type=Path, metavar="FILE",
                         help="with an ORDER: the backend database (default: DATA_DIR/backend/backend.db)")
    _add_config_options(confirm)
    package_key = actions.add_parser("package-key", help="print the public key (base64, 32 bytes) partner app "
                                                         "packages are signed with, for apps.package_public_key")
    package_key.add_argument("--db", type=Path, metavar="FILE",
                             help="backend database (default: DATA_DIR/backend/backend.db)")
    package_key.add_argument("--package-key", type=Path, metavar="FILE",
                             help="the private key file (default: beside --db, package-signing.key; "
                                  "created 0600 if missing)")
    _add_config_options(package_key)


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--size", type=_size, metavar="WxH",
                        help="window size, e.g. 800x480, 1280x720 (default), 1920x720")
    parser.add_argument("--theme", choices=THEMES, help="day or night palette")
    parser.add_argument("--platform", metavar="NAME", help="Qt platform plugin: xcb, wayland, eglfs, offscreen, ...")
    parser.add_argument("--lang", metavar="CODE", help="user interface language, e.g. en, de, zh_CN")
    parser.add_argument("--area", choices=AREA_KEYS, help="area to show first (default home)")
    parser.add_argument("--backend", metavar="URL",
                        help="backend base URL (default: backend.url; none starts the local reference backend)")
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="render the first settled frame to a PNG file and exit")
    parser.add_argument("--bench-report", nargs="?", const="started", choices=("started", "online"),
                        help=argparse.SUPPRESS)
    _add_config_options(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="headunit",
        description="In-vehicle infotainment head unit. With no command, 'run' starts "
                    "the head unit (desktop simulator with local defaults).",
        epilog="Run 'headunit COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"headunit {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    run = commands.add_parser("run", help="start the head unit (the default command)")
    _add_run_options(run)

    simulate = commands.add_parser("simulate", help="the head unit driven by a scenario (QA)")
    simulate.add_argument("scenario", metavar="SCENARIO", nargs="?",
                          help="a scenario name from assets/scenarios (e.g. city-drive) or a scenario file; "
                               "with --route, where the drive starts and what else the car reports (default: vehicle.scenario)")
    simulate.add_argument("--route", type=_positive_int, metavar="POI_ID",
                          help="drive the car along the route to this POI of the map (ids: 'headunit map info')")
    simulate.add_argument("--headless", action="store_true", help="no window: run the scenario alone")
    simulate.add_argument("--until", type=_seconds, metavar="T",
                          help="with --headless: scenario time to stop at, in seconds")
    simulate.add_argument("--dump", action="store_true",
                          help="with --headless: print the signal values at --until as JSON")
    simulate.add_argument("--at", type=_seconds, default=0.0, metavar="T",
                          help="with a window: start the scenario at time T (no looping), e.g. for screenshots")
    _add_run_options(simulate)

    record = commands.add_parser("record", help="record the live vehicle source's CAN frames to a log file")
    record.add_argument("file", type=Path, metavar="FILE", help="log to write (.log candump format, .asc, .blf)")
    record.add_argument("--duration", type=_seconds, metavar="S", help="stop after S seconds (default: until Ctrl-C)")
    _add_config_options(record)

    map_parser = commands.add_parser("map", help="import or describe the offline map")
    map_actions = map_parser.add_subparsers(dest="map_action", metavar="ACTION", required=True,
                                            parser_class=_Parser)
    map_import = map_actions.add_parser("import", help="import an OpenStreetMap extract (.osm.pbf); "
                                                       "replaces the installed map atomically")
    map_import.add_argument("file", type=Path, metavar="FILE", help="an OpenStreetMap PBF extract")
    map_import.add_argument("--extra-pois", type=Path, action="append", default=[], metavar="FILE",
                            help="also add the POI nodes of this OSM XML file (repeatable), e.g. the demo fuel "
                                 "stations and chargers headunit/assets/maps/demo-pois.osm")
    _add_config_options(map_import)
    map_info = map_actions.add_parser("info", help="extent, counts and source of the installed map")
    map_info.add_argument("--json", action="store_true", help="print one JSON object")
    _add_config_options(map_info)

    bench = commands.add_parser("bench", help="measure performance; prints JSON")
    bench_kinds = bench.add_subparsers(dest="bench", metavar="BENCHMARK", required=True, parser_class=_Parser)
    startup = bench_kinds.add_parser("startup", help="first frame and memory against a bare QML window")
    startup.add_argument("--runs", type=_positive_int, default=5, help="runs of each program (default 5)")
    startup.add_argument("--json", action="store_true", help="print one JSON object (the default output)")

    signals = bench_kinds.add_parser("signals", help="CAN frames to QML: latency, GUI load, drops")
    signals.add_argument("--seconds", type=_seconds, default=10.0, help="how long to send (default 10)")
    signals.add_argument("--rate", type=_positive_int, default=1000, help="frames per second (default 1000)")
    signals.add_argument("--json", action="store_true", help="print one JSON object (the default output)")

    bench_map = bench_kinds.add_parser("map", help="map import, frame times, routing and POI look-ups")
    bench_map.add_argument("--pairs", type=_positive_int, default=200, help="route pairs on the default map")
    bench_map.add_argument("--big-nodes", type=_positive_int, default=250_000,
                           help="nodes of the synthetic road network (default 250000)")
    bench_map.add_argument("--pois", type=_positive_int, default=1_000_000,
                           help="POIs of the synthetic POI store (default 1000000)")
    bench_map.add_argument("--seconds", type=_seconds, default=5.0, help="scripted pan and zoom time (default 5)")
    bench_map.add_argument("--json", action="store_true", help="print one JSON object (the default output)")

    bench_sync = bench_kinds.add_parser("sync", help="outbox delivery to the reference backend, and SIGKILL at random")
    bench_sync.add_argument("--ops", type=_positive_int, default=1000, help="operations queued offline (default 1000)")
    bench_sync.add_argument("--kills", type=_positive_int, default=200, help="kill-and-restart runs (default 200)")
    bench_sync.add_argument("--seed", type=int, help="random seed (default: a fresh one)")
    bench_sync.add_argument("--json", action="store_true", help="print one JSON object (the default output)")

    bench_pay = bench_kinds.add_parser("pay", help="reserve and pay through injected network faults and SIGKILL")
    bench_pay.add_argument("--flows", type=_positive_int, default=200, help="reserve-and-pay flows (default 200)")
    bench_pay.add_argument("--ui-flows", type=_positive_int, default=10,
                           help="flows tapped through the real QML screens for flow_ui_ms_p95 (default 10)")
    bench_pay.add_argument("--seed", type=int, help="random seed (default: a fresh one)")
    bench_pay.add_argument("--json", action="store_true", help="print one JSON object (the default output)")

    bench_media = bench_kinds.add_parser("media", help="library scan, launcher and app switch, track start")
    bench_media.add_argument("--files", type=_positive_int, default=2000, help="generated library size (default 2000)")
    bench_media.add_argument("--rounds", type=_positive_int, default=20,
                             help="launcher opens, app switches and track starts each (default 20)")
    bench_media.add_argument("--json", action="store_true", help="print one JSON object (the default output)")

    config = commands.add_parser("config", help="inspect the configuration")
    config_actions = config.add_subparsers(dest="config_action", metavar="ACTION", required=True, parser_class=_Parser)
    show = config_actions.add_parser("show", help="print the effective configuration as TOML")
    _add_config_options(show)
    config_actions.add_parser("defaults", help="print the default configuration as TOML")
    _add_backend_parser(commands)
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    args = list(argv)
    if not args or (args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version")):
        args.insert(0, "run")
    return build_parser().parse_args(args)


def _load(args: argparse.Namespace) -> Config:
    from headunit.core.config import with_overrides
    from headunit.services.config_file import load_config

    config = load_config(args.config)
    overrides: dict[str, object] = {}
    if getattr(args, "size", None):
        overrides["display.size"] = "{}x{}".format(*args.size)
    for option, key in (("theme", "display.theme"), ("lang", "display.language"),
                        ("platform", "display.platform"), ("backend", "backend.url")):
        if getattr(args, option, None) is not None:
            overrides[key] = getattr(args, option)
    if args.data_dir is not None:
        overrides["paths.data_dir"] = str(args.data_dir.expanduser().resolve())
    return with_overrides(config, overrides) if overrides else config


def _start_time_problem(scenario: str, at: float) -> str | None:
    """--at must fall within the scenario, or the vehicle source cannot start."""
    from headunit.services.vehicle.scenario import load_scenario
    from headunit.services.vehicle.source import SourceError

    try:
        duration = load_scenario(scenario).duration
    except SourceError:
        return None  # the head unit reports a broken scenario itself, with file and line
    return None if at <= duration else f"{at:g} s is after the end of {scenario} ({duration:g} s long)"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command == "bench" and args.bench == "signals":
        from headunit.bench.signals import main as bench_signals

        return bench_signals(seconds=args.seconds, rate=args.rate)
    if args.command == "bench" and args.bench == "sync":
        from headunit.bench.sync import main as bench_sync

        return bench_sync(ops=args.ops, kills=args.kills, seed=args.seed)
    if args.command == "bench" and args.bench == "pay":
        from headunit.bench.pay import main as bench_pay

        return bench_pay(flows=args.flows, seed=args.seed, ui_flows=args.ui_flows)
    if args.command == "bench" and args.bench == "media":
        from headunit.bench.media import main as bench_media

        return bench_media(files=args.files, rounds=args.rounds)
    if args.command == "bench" and args.bench == "map":
        from headunit.bench.map import main as bench_map

        return bench_map(pairs=args.pairs, big_nodes=args.big_nodes, pois=args.pois, seconds=args.seconds)
    if args.command == "bench":
        from headunit.bench.startup import main as bench_startup

        return bench_startup(runs=args.runs)
    if args.command == "backend" and args.backend_action == "confirm-qr":
        from headunit.backend.cli import confirm_qr

        return confirm_qr(args, lambda: _load(args))
    if args.command == "config" and args.config_action == "defaults":
        from headunit.core.config import config_to_toml

        sys.stdout.write(config_to_toml(Config()))
        return 0
    if args.command == "simulate" and args.headless and args.route is None:
        from headunit.services.vehicle.headless import run_headless

        return run_headless(args.scenario, until=args.until, dump=args.dump)
    if args.command == "simulate" and args.scenario is None and args.route is None:
        print("headunit: error: simulate needs a SCENARIO or --route POI_ID (see 'headunit simulate --help')",
              file=sys.stderr)
        return 2
    if args.command == "simulate" and not args.headless and (args.until is not None or args.dump):
        print("headunit: error: --until and --dump go with --headless (see 'headunit simulate --help')",
              file=sys.stderr)
        return 2
    try:
        config = _load(args)
        if args.command == "simulate" and args.route is None:
            from headunit.core.config import with_overrides

            config = with_overrides(config, {"vehicle.source": "simulator", "vehicle.scenario": args.scenario})
    except ConfigError as exc:
        print(f"headunit: {exc}", file=sys.stderr)
        return 2
    if args.command == "backend":
        from headunit.backend.cli import package_key, provision, serve

        commands = {"provision": provision, "package-key": package_key}
        return commands.get(args.backend_action, serve)(args, config)
    if args.command == "map":
        from headunit.services.map.commands import import_command, info_command
        from headunit.services.map.service import map_database_path

        dest = map_database_path(config)
        if args.map_action == "import":
            return import_command(args.file, dest, args.extra_pois)
        return info_command(dest, args.json)
    if args.command == "simulate" and args.route is not None:
        from headunit.services.vehicle.route_simulation import prepare_route_drive

        try:
            config = prepare_route_drive(config, args.route, args.scenario)
        except (ValueError, OSError) as exc:
            print(f"headunit: simulate --route: {exc}", file=sys.stderr)
            return 1
        if args.headless:
            from headunit.services.vehicle.headless import run_headless

            return run_headless(config.vehicle.scenario, until=args.until, dump=args.dump)
    if args.command == "simulate" and args.at > 0:
        problem = _start_time_problem(config.vehicle.scenario, args.at)
        if problem:
            print(f"headunit: simulate --at: {problem}", file=sys.stderr)
            return 2
    if args.command == "record":
        from headunit.services.vehicle.recorder import record

        return record(config, args.file, args.duration)
    if args.command == "config":
        from headunit.core.config import config_to_toml

        sys.stdout.write(config_to_toml(config))
        return 0
    from headunit.app import run_app

    return run_app(config, screenshot=args.screenshot, bench_report=args.bench_report,
                   area=args.area or ("map" if getattr(args, "route", None) else "home"), scenario_start=getattr(args, "at", 0.0),
                   route_poi=getattr(args, "route", None))
