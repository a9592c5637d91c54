"""Discovery (issue 12): advertisement → row in the wizard's printerList (goal 1 s), and the
range probe's time for a /24 of closed loopback ports.

mDNS on loopback only (127.0.0.1 on both sides). Each round starts the page's search, then
advertises the simulator (`Advertiser`, probing and announcing included) and times the moment
its row appears in `printerList`; the Qt events are processed as a running wizard would.
"""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import time

ROUNDS = 5
GOAL_S = 1.0


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _advert_to_row() -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QListWidget, QWizardPage

    from app.discovery import Advertiser
    from app.simulator.run import Simulation
    from ui.wizard import build_wizard

    app = QApplication.instance() or QApplication([])
    wizard = build_wizard()
    wizard.show()
    page = wizard.findChild(QWizardPage, "printerPage")
    page.discovery_interface = "127.0.0.1"
    page.discovery_timeout = 6.0
    listing = page.findChild(QListWidget, "printerList")
    times: list[float] = []
    with Simulation() as sim:
        url = sim.device.https_url

        def listed() -> bool:
            return any(
                listing.item(i).data(Qt.ItemDataRole.UserRole) == url
                for i in range(listing.count())
            )

        for _ in range(ROUNDS):
            page.start_discovery()
            pause_until = time.perf_counter() + 0.3
            while time.perf_counter() < pause_until:
                app.processEvents()
                time.sleep(0.005)
            advertiser = Advertiser(sim.device)
            started = time.perf_counter()
            advertiser.start()
            while not listed() and time.perf_counter() - started < 10:
                app.processEvents()
                time.sleep(0.002)
            times.append(time.perf_counter() - started)
            page.stop_discovery()
            advertiser.stop()
            app.processEvents()
    wizard.close()
    wizard.deleteLater()
    app.processEvents()
    return times


def _probe_slash_24() -> tuple[float, int, int]:
    from app import discovery

    active = peak = 0

    async def counting(address: str, **options: object) -> discovery.Device | None:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        try:
            return await discovery.probe_address(address, **options)
        finally:
            active -= 1

    addresses = discovery.parse_range("127.0.0.0/24")
    started = time.perf_counter()
    asyncio.run(discovery.probe_range(addresses, http_port=_closed_port(), probe=counting))
    return time.perf_counter() - started, peak, len(addresses)


def run() -> dict:
    times = _advert_to_row()
    probe_s, peak, count = _probe_slash_24()
    median = statistics.median(times)
    return {
        "advert_to_row_median_s": round(median, 3),
        "advert_to_row_max_s": round(max(times), 3),
        "rounds": len(times),
        "goal_s": GOAL_S,
        "meets_goal": median <= GOAL_S,
        "probe_slash24_closed_s": round(probe_s, 3),
        "probe_addresses": count,
        "probe_peak_concurrency": peak,
        "probe_limit": 32,
    }
