"""The command line (DESIGN.md "Command line"): argument parsing and dispatch.

Parsing stays free of heavy imports so that `python main.py` can paint the wizard first;
each sub-command imports what it needs when it runs. Sub-commands drive the same setup flow
as the wizard and never sequence steps themselves.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from app.errors import EXIT_CANCELLED, EXIT_INPUT, WizardError

PROG = "printer-oauth"

Handler = Callable[[argparse.Namespace], int]


def _fingerprint(text: str) -> str:
    from app.trust import normalize_fingerprint

    try:
        return normalize_fingerprint(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _add_trust_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("certificate trust")
    group.add_argument(
        "--trust-new-certificate",
        action="store_true",
        help="trust the printer's certificate on first use",
    )
    group.add_argument(
        "--fingerprint",
        type=_fingerprint,
        metavar="FP",
        help="trust only a certificate with this SHA-256",
    )
    group.add_argument(
        "--accept-changed-certificate",
        type=_fingerprint,
        metavar="FP",
        help="replace a trusted certificate that changed, if the new one has this SHA-256",
    )


def _add_login_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--printer", required=True, metavar="ADDR", help="IP address or name")
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the administrator password from the first line of standard input",
    )
    parser.add_argument("--user", default="", metavar="NAME", help="administrator user name")
    _add_trust_flags(parser)
    parser.add_argument("--json", action="store_true", help="print JSON events, one per line")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Switch a printer's scan-to-email to OAuth 2.0 with Microsoft 365.",
    )
    parser.add_argument("--demo", action="store_true", help="open the wizard on a simulator")
    parser.add_argument("--self-test", action="store_true", help="check this installation")
    parser.add_argument("--language", choices=("en", "it"), help="language of the wizard")
    parser.add_argument("--printer", metavar="ADDR", help="open the wizard at this printer")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sim = commands.add_parser("sim", help="run a simulated printer with Microsoft stand-ins")
    sim.add_argument("--model", metavar="ID")
    sim.add_argument("--variant", type=int, default=0, metavar="N")
    sim.add_argument("--scenario", default="ok", metavar="NAME")
    sim.add_argument("--language", choices=("en", "it"), default="en")
    sim.add_argument("--auto-approve", type=float, metavar="S")
    sim.add_argument("--latency", type=int, default=0, metavar="MS")
    sim.add_argument("--http-port", type=int, default=0, metavar="P")
    sim.add_argument("--https-port", type=int, default=0, metavar="P")
    sim.add_argument("--advertise", action="store_true")
    sim.add_argument("--poll-interval", type=int, default=5, metavar="S")
    sim.add_argument("--nvram", metavar="DIR", help="keep the printer's settings here")
    sim.add_argument("--hold", metavar="POINT", help="keep this request in flight")
    sim.add_argument("--hold-after", action="store_true", help="hold it once acted upon")
    sim.add_argument("--list-models", action="store_true")

    discover = commands.add_parser("discover", help="list the Epson devices on the network")
    discover.add_argument("--timeout", type=float, default=3.0, metavar="S")
    discover.add_argument("--interface", metavar="ADDR")
    discover.add_argument("--json", action="store_true")

    status = commands.add_parser("status", help="show a printer's email server status")
    _add_login_flags(status)

    configure = commands.add_parser("configure", help="switch a printer to OAuth2")
    _add_login_flags(configure)
    configure.add_argument("--service", required=True, choices=("exchange", "outlook"))
    configure.add_argument("--fax", choices=("exchange", "outlook", "keep"))

    resign = commands.add_parser("resign", help="sign a printer in to Microsoft again")
    _add_login_flags(resign)

    mailbox = commands.add_parser("check-mailbox", help="check that a mailbox may send with OAuth2")
    mailbox.add_argument("--service", required=True, choices=("exchange", "outlook"))
    mailbox.add_argument("--client-id", metavar="ID")
    mailbox.add_argument("--authority", metavar="URL")
    mailbox.add_argument("--smtp", metavar="HOST:PORT")
    mailbox.add_argument("--ca-file", metavar="PEM")
    mailbox.add_argument("--json", action="store_true")
    return parser


def _sim(args: argparse.Namespace) -> int:
    from app.simulator.run import run as run_sim

    return run_sim(args)


def _printer_answers(args: argparse.Namespace) -> dict[str, dict[str, object]]:
    """The inputs of the printer and login steps, from the arguments and standard input."""
    from app.headless import read_password

    return {
        "printer": {
            "address": args.printer,
            "trust_new": args.trust_new_certificate,
            "fingerprint": args.fingerprint,
            "accept_changed": args.accept_changed_certificate,
        },
        "login": {"user": args.user, "password": read_password(args.password_stdin)},
    }


def _run_printer_flow(args: argparse.Namespace, flow_name: str, extra: dict) -> int:
    import asyncio

    from app import config
    from app.events import emit_error, for_output
    from app.flow import setup
    from app.flow.services import PrinterSession
    from app.headless import UnreadableInput, drive

    events = for_output(args.json)
    try:
        session = PrinterSession(config.load())
    except WizardError as error:
        return emit_error(events, error)
    try:
        answers = _printer_answers(args)
    except UnreadableInput as unreadable:
        print(f"invalid input: {unreadable}", file=sys.stderr)
        return EXIT_INPUT
    flow = {"status": setup.STATUS_FLOW, "configure": setup.SETUP_FLOW}.get(
        flow_name, setup.RESIGN_FLOW
    )
    return asyncio.run(drive(flow, session, events, {**answers, **extra}))


def _status(args: argparse.Namespace) -> int:
    return _run_printer_flow(args, "status", {})


def _configure(args: argparse.Namespace) -> int:
    extra = {"method": {"service": args.service, "fax": args.fax}}
    return _run_printer_flow(args, "configure", extra)


def _resign(args: argparse.Namespace) -> int:
    return _run_printer_flow(args, "resign", {})


def _check_mailbox(args: argparse.Namespace) -> int:
    from app.microsoft.mailbox_check import command

    return command(
        args.service,
        client_id=args.client_id,
        authority=args.authority,
        smtp=args.smtp,
        ca_file=args.ca_file,
        json_mode=args.json,
    )


def _discover(args: argparse.Namespace) -> int:
    """`discover`: one `device` event per Epson device found by mDNS; exit 0 even if none."""
    import asyncio

    from app.discovery import browse
    from app.events import emit_error, for_output

    events = for_output(args.json)
    try:
        found = asyncio.run(
            browse(
                lambda device: events.emit("device", **device.to_event()),
                timeout=max(0.1, args.timeout),
                interface=args.interface,
            )
        )
    except WizardError as error:
        return emit_error(events, error)
    except KeyboardInterrupt:
        return EXIT_CANCELLED
    if not args.json and not found:
        print("No Epson device answered.", flush=True)
    return 0


HANDLERS: dict[str, Handler] = {
    "sim": _sim,
    "discover": _discover,
    "status": _status,
    "configure": _configure,
    "resign": _resign,
    "check-mailbox": _check_mailbox,
}


def run(args: argparse.Namespace) -> int:
    """Dispatch a sub-command, with the product's log open (secrets removed) while it runs."""
    from app import config, logs

    try:
        handler = logs.setup(config.load()["log.level"])
    except WizardError:
        return _dispatch(args)  # the command reports the bad setting itself
    try:
        return _dispatch(args)
    finally:
        logs.teardown(handler)


def _dispatch(args: argparse.Namespace) -> int:
    """Run the sub-command; an exception no code foresaw still ends as an `error` event with
    its code and help topic (the flow has undone its unverified writes by then), while the
    traceback goes to the log, whose handler removes secrets, rather than to the terminal.
    The message names only the exception's type: its text may hold anything a device sent."""
    try:
        return HANDLERS[args.command](args)
    except Exception as exc:
        from app.errors import InternalError
        from app.events import emit_error, for_output

        logging.getLogger(__name__).exception("%s failed unexpectedly", args.command)
        return emit_error(
            for_output(getattr(args, "json", False)), InternalError(reason=type(exc).__name__)
        )
