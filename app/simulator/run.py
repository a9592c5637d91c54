"""The whole simulation — local CA, identity, SMTP and one printer — and the `sim` command.

`Simulation` is what tests, demo mode and later issues start in-process; `sim` prints its
description as one JSON line (DESIGN.md "Simulator contract") and serves until SIGINT or
SIGTERM. A scenario goes to the stand-in that plays it (app/simulator/scenarios.py); the
others run `ok`. The printer's "DNS" sends Microsoft's SMTP host names to the SMTP stand-in.

Beyond the contract, for fault tests run against a simulator in a process of its own:
`--nvram DIR` keeps the printer's settings and certificate in DIR across processes (a sim
killed and started again on the same ports with the same DIR is the same device after a
power loss); `--hold POINT` keeps the first request at that point in flight and prints a
second JSON line, `{"event": "held", "point": POINT, "after": bool}`, once it arrived
(`--hold-after`: once it was acted upon, its answer held back), so the caller can kill the
process at that moment; `--poll-interval S` is the device-code poll interval announced.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from app.simulator import models, scenarios
from app.simulator.certs import LocalCA
from app.simulator.device import Printer
from app.simulator.firmware import Microsoft
from app.simulator.hold import POINTS, Hold
from app.simulator.identity import IdentityService
from app.simulator.smtp import SmtpService

MICROSOFT_SMTP_HOSTS = ("smtp.office365.com", "smtp-mail.outlook.com")
SUBMISSION_PORT = 587


class Simulation:
    """CA + identity + SMTP + printer, started and stopped together.

    `printer_options` go to `Printer` (fault timing, restart time, lock-out, interface…);
    `poll_interval` is the device-code poll interval the identity service announces.
    """

    def __init__(
        self,
        *,
        model: str = models.DEFAULT_MODEL,
        variant: int = 0,
        scenario: str = "ok",
        language: str = "en",
        auto_approve: float | None = None,
        latency_ms: int = 0,
        http_port: int = 0,
        https_port: int = 0,
        poll_interval: int = 5,
        folder: Path | None = None,
        advertise: bool = False,
        **printer_options: Any,
    ) -> None:
        self.advertise = advertise
        """Announce the printer over mDNS on loopback only (app/discovery.py `Advertiser`)."""
        self.advertiser: Any = None
        self.scenario = scenarios.get(scenario)
        models.get(model)
        self._own_folder = folder is None
        self.folder = folder or Path(tempfile.mkdtemp(prefix="printer-oauth-sim-"))
        (self.folder / "ca").mkdir(parents=True, exist_ok=True)
        self.ca = LocalCA(self.folder / "ca")
        self.identity = IdentityService(
            self.ca, scenario=scenario, auto_approve=auto_approve, interval=poll_interval
        )
        self.smtp = SmtpService(self.ca, self.identity, scenario=scenario)
        self._printer_args: dict[str, Any] = {
            "model": model,
            "variant": variant,
            "scenario": scenario if self.scenario.side == scenarios.Side.PRINTER else "ok",
            "language": language,
            "latency_ms": latency_ms,
            "http_port": http_port,
            "https_port": https_port,
            "folder": self.folder / "device",
            **printer_options,
        }
        self.printer: Printer | None = None

    def start(self) -> Simulation:
        self.identity.start()
        try:
            self.smtp.start()
            microsoft = Microsoft(
                authority=self.identity.authority,
                authority_consumers=self.identity.authority_consumers,
                client_id=self.identity.printer_client_id,
                ca_file=Path(self.identity.ca_file),
                dns={
                    (name, SUBMISSION_PORT): (self.smtp.host, self.smtp.port)
                    for name in MICROSOFT_SMTP_HOSTS
                },
                smtp_tls_name=self.smtp.host,
            )
            self.printer = Printer(microsoft=microsoft, **self._printer_args).start()
            if self.advertise:
                from app.discovery import Advertiser

                self.advertiser = Advertiser(self.printer).start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.advertiser is not None:
            self.advertiser.stop()
            self.advertiser = None
        if self.printer is not None:
            self.printer.stop()
        for service in (self.smtp, self.identity):
            try:
                service.stop()
            except RuntimeError:
                continue  # never started: start() failed half-way
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Simulation:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def device(self) -> Printer:
        if self.printer is None:
            raise RuntimeError("the simulation is not started")
        return self.printer

    def info(self) -> dict[str, Any]:
        """The `sim` command's first line: every key of DESIGN.md "Simulator contract", plus
        the printer's certificate fingerprint and file, for clients that pin it."""
        printer = self.device
        return {
            "printer_http": printer.http_url,
            "printer_https": printer.https_url,
            "admin_password": printer.admin_password,
            "model": printer.model,
            "model_id": printer.model_id,
            "variant": printer.variant,
            "scenario": self.scenario.name,
            "language": printer.language,
            "signin_url": self.identity.signin_url,
            "authority": self.identity.authority,
            "authority_consumers": self.identity.authority_consumers,
            "account": self.identity.account,
            "smtp_host": self.smtp.host,
            "smtp_port": int(self.smtp.port),
            "ca_file": str(self.identity.ca_file),
            "fingerprint": printer.fingerprint,
            "device_cert": str(printer.cert_file),
        }


def run(args: argparse.Namespace) -> int:
    """`sim`: print the JSON line, serve until SIGINT/SIGTERM, exit 0."""
    if args.list_models:
        for model_id in models.MODELS:
            print(model_id)
        return 0
    problem = _check(args)
    if problem:
        print(f"printer-oauth sim: error: {problem}", file=sys.stderr)
        return 2
    stop = threading.Event()
    previous = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    simulation = Simulation(
        model=args.model or models.DEFAULT_MODEL,
        variant=args.variant,
        scenario=args.scenario,
        language=args.language,
        auto_approve=args.auto_approve,
        latency_ms=args.latency,
        http_port=args.http_port,
        https_port=args.https_port,
        advertise=args.advertise,
        poll_interval=args.poll_interval,
        nvram=Path(args.nvram) if args.nvram else None,
        hold=Hold(args.hold, after=args.hold_after, announce=_announce) if args.hold else None,
    )
    try:
        simulation.start()
        print(json.dumps(simulation.info()), flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        simulation.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def _announce(hold: Hold) -> None:
    print(json.dumps({"event": "held", "point": hold.point, "after": hold.after}), flush=True)


def _check(args: argparse.Namespace) -> str:
    problems = [
        f"unknown model {args.model!r}; valid: {', '.join(models.MODELS)}"
        if args.model and args.model not in models.MODELS
        else "",
        f"unknown scenario {args.scenario!r}; valid: {', '.join(scenarios.SCENARIOS)}"
        if args.scenario not in scenarios.SCENARIOS
        else "",
        "--variant must be 0 or more" if args.variant < 0 else "",
        "--latency must be 0 or more" if args.latency < 0 else "",
        f"unknown hold point {args.hold!r}; valid: {', '.join(POINTS)}"
        if args.hold and args.hold not in POINTS
        else "",
        "--poll-interval must be 1 to 60 seconds" if not 1 <= args.poll_interval <= 60 else "",
    ]
    return next((problem for problem in problems if problem), "")
