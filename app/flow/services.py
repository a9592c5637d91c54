"""What the setup flow's steps work with: the settings and the driver of the device at hand.

One object per run, handed to the flow engine as its services. It opens the driver with the
timeouts of the settings and closes it when the run ends, so no socket outlives a run.
"""

from __future__ import annotations

import asyncio
import threading
import time

from app.config import Config
from app.printers.address import PrinterAddress
from app.printers.epson import profile
from app.printers.epson.driver import EpsonDriver
from app.printers.epson.transport import Timeouts
from app.trust import PinStore, TrustChoice


class PrinterSession:
    def __init__(self, config: Config, pins: PinStore | None = None) -> None:
        self.config = config
        self.pins = pins or PinStore()
        self.driver: EpsonDriver | None = None
        self._new_code = threading.Event()

    def timeouts(self) -> Timeouts:
        return Timeouts(
            first_contact=self.config["printer.first_contact_timeout"],
            connect=self.config["printer.connect_timeout"],
            read=self.config["printer.read_timeout"],
            commit=self.config["printer.commit_timeout"],
        )

    def open(self, address: PrinterAddress, trust: TrustChoice) -> EpsonDriver:
        self.close()
        self.driver = EpsonDriver(
            address,
            timeouts=self.timeouts(),
            pins=self.pins,
            trust=trust,
            profile=profile.load(self.config["printer.profile"]),
        )
        return self.driver

    def require_driver(self) -> EpsonDriver:
        if self.driver is None:
            raise RuntimeError("the printer step has not run")
        return self.driver

    def request_new_code(self) -> None:
        """The technician asked for a new sign-in code (the wizard's button); thread-safe."""
        self._new_code.set()

    def take_new_code_request(self) -> bool:
        requested = self._new_code.is_set()
        self._new_code.clear()
        return requested

    async def pause(self, seconds: float) -> None:
        """Wait between two reads of the sign-in state, ending early for a new-code request."""
        ends = time.monotonic() + seconds
        while time.monotonic() < ends and not self._new_code.is_set():
            await asyncio.sleep(min(0.1, max(0.0, ends - time.monotonic())))

    def close(self) -> None:
        if self.driver is not None:
            self.driver.close()
            self.driver = None
