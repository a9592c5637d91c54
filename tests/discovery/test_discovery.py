"""Discovery (issue 12): mDNS on loopback only, merging, the range probe and its limit.

Every mDNS test binds 127.0.0.1 only (facts/epson-web-config.md "Testing discovery here");
the range probe only touches 127.0.0.x addresses. Async code runs under `asyncio.run` in the
test's own thread, away from the qasync loop of the UI tests.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import discovery
from app.discovery import Device, Merger, device_from_txt, parse_range, probe_range
from app.errors import InvalidAddress
from app.simulator.run import Simulation

ROOT = Path(__file__).resolve().parents[2]
EPSON_TXT = {
    b"usb_MFG": b"EPSON",
    b"usb_MDL": b"WF-C5890 Series",
    b"ty": b"EPSON WF-C5890 Series",
    b"product": b"(EPSON WF-C5890 Series)",
    b"UUID": b"cfe92100-67c4-11d4-a45f-64c6d23b9197",
    b"adminurl": b"https://192.168.1.20/PRESENTATION/BONJOUR",
}


@pytest.fixture(scope="module")
def advertised():
    with Simulation(advertise=True) as sim:
        yield sim


def _admin_url(sim: Simulation) -> str:
    return sim.device.https_url + "/PRESENTATION/BONJOUR"


def test_discover_command_finds_the_advertised_simulator_over_mdns(advertised) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "discover", "--json", "--interface", "127.0.0.1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(event["event"] == "device" for event in events)
    mine = [e for e in events if e["admin_url"] == _admin_url(advertised)]
    assert len(mine) == 1, events  # advertised on _ipp._tcp and _printer._tcp: once
    device = mine[0]
    assert device["model"] == "WF-C5890 Series"
    assert device["address"] == "127.0.0.1"
    assert device["firmware"] is None
    assert device["source"] == "mdns"
    assert device["uuid"].upper().endswith("64C6D23B9197")


def test_browse_streams_each_device_once_and_fills_the_contact_address(advertised) -> None:
    seen: list[tuple[float, Device]] = []
    started = time.monotonic()
    found = asyncio.run(
        discovery.browse(
            lambda d: seen.append((time.monotonic() - started, d)),
            timeout=3,
            interface="127.0.0.1",
        )
    )
    mine = [d for _, d in seen if d.admin_url == _admin_url(advertised)]
    assert len(mine) == 1
    assert mine[0] in found
    assert mine[0].contact_address == advertised.device.https_url
    assert len(mine[0].services) >= 1


def test_browse_can_be_cancelled_at_once() -> None:
    async def main() -> float:
        task = asyncio.create_task(discovery.browse(timeout=30, interface="127.0.0.1"))
        await asyncio.sleep(0.3)
        started = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return time.monotonic() - started

    assert asyncio.run(main()) < 1.0


def test_background_discovery_cancels_from_another_thread() -> None:
    done: list[bool] = []
    runner = discovery.BackgroundDiscovery(
        lambda _d: None, lambda: done.append(True), timeout=30, interface="127.0.0.1"
    ).start()
    time.sleep(0.3)
    runner.cancel()
    runner.join(5)
    assert not runner.running
    assert done == [True]


def test_an_interface_that_is_not_an_address_is_refused() -> None:
    with pytest.raises(InvalidAddress):
        asyncio.run(discovery.browse(timeout=0.1, interface="eth0"))


# --- records and merging ----------------------------------------------------------------------


def test_epson_records_are_kept_and_others_ignored() -> None:
    device = device_from_txt(EPSON_TXT, ["fe80::1", "192.168.1.20"], "_ipp._tcp.local.")
    assert device is not None
    assert device.address == "192.168.1.20"  # IPv4 preferred
    assert device.model == "WF-C5890 Series"
    assert device.mac == "64C6D23B9197"
    assert device.admin_url == "https://192.168.1.20/PRESENTATION/BONJOUR"
    assert device.contact_address == "192.168.1.20"
    other = {b"usb_MFG": b"HP", b"ty": b"HP LaserJet", b"product": b"(HP LaserJet)"}
    assert device_from_txt(other, ["192.168.1.30"]) is None
    by_name = device_from_txt({b"ty": b"EPSON ET-2850 Series"}, ["192.168.1.31"])
    assert by_name is not None
    assert by_name.model == "ET-2850 Series"


def test_one_device_through_two_services_is_merged() -> None:
    merger = Merger()
    first, new = merger.add(device_from_txt(EPSON_TXT, ["192.168.1.20"], "_ipp._tcp.local."))
    assert new
    same, new = merger.add(device_from_txt(EPSON_TXT, ["192.168.1.20"], "_printer._tcp.local."))
    assert not new
    assert same is first
    assert first.services == {"_ipp._tcp.local.", "_printer._tcp.local."}
    # no UUID on the raw-port service: merged by address
    bare = {b"usb_MFG": b"EPSON", b"usb_MDL": b"WF-C5890 Series"}
    _, new = merger.add(device_from_txt(bare, ["192.168.1.20"], "_pdl-datastream._tcp.local."))
    assert not new
    assert len(merger.devices) == 1


def test_two_devices_behind_one_address_stay_two() -> None:
    merger = Merger()
    other = {**EPSON_TXT, b"UUID": b"cfe92100-67c4-11d4-a45f-381a520c44e1"}
    merger.add(device_from_txt(EPSON_TXT, ["127.0.0.1"]))
    _, new = merger.add(device_from_txt(other, ["127.0.0.1"]))
    assert new
    assert len(merger.devices) == 2


# --- the range probe --------------------------------------------------------------------------


def test_ranges_are_parsed_and_larger_than_a_slash_24_refused() -> None:
    assert len(parse_range("192.168.5.0/24")) == 254
    assert parse_range("192.168.5.10-12") == ["192.168.5.10", "192.168.5.11", "192.168.5.12"]
    assert len(parse_range("10.0.0.0-10.0.0.255")) == 256
    for bad in ("192.168.4.0/23", "10.0.0.0-10.0.1.0", "10.0.0.9-3", "nonsense", "10.0.0.1-x"):
        with pytest.raises(InvalidAddress):
            parse_range(bad)


def test_the_probe_never_exceeds_its_concurrency_limit() -> None:
    active = peak = 0

    async def counting(address: str, **_options: object) -> Device | None:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.01)
        active -= 1
        return None

    asyncio.run(probe_range("127.0.0.0/24", probe=counting, concurrency=8))
    assert peak == 8


def test_the_probe_finds_web_config_among_closed_loopback_ports(simulation_http_port) -> None:
    """127.0.0.1 serves the simulator; 127.0.0.2-64 have nothing on that port (refused)."""
    real = discovery.probe_address
    active = peak = 0

    async def counting(address: str, **options: object) -> Device | None:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        try:
            return await real(address, **options)
        finally:
            active -= 1

    started = time.monotonic()
    found = asyncio.run(
        probe_range(
            "127.0.0.1-64", http_port=simulation_http_port[0], concurrency=16, probe=counting
        )
    )
    assert time.monotonic() - started < 10
    assert peak <= 16
    assert [d.address for d in found] == ["127.0.0.1"]
    assert found[0].model == "WF-C5890 Series"
    assert found[0].firmware == "20.72.TA04Q7"  # read from the status page
    assert found[0].source == "probe"
    assert found[0].contact_address == simulation_http_port[1]


@pytest.fixture
def simulation_http_port():
    with Simulation() as sim:
        yield sim.device.http_port, sim.device.https_url


def test_sim_advertise_is_found_and_says_goodbye_when_stopped() -> None:
    """`sim --advertise` in its own process: found by a loopback browse; after SIGINT it has
    unregistered, so a new browse no longer finds it."""
    import signal

    process = subprocess.Popen(
        [sys.executable, "main.py", "sim", "--advertise"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        info = json.loads(process.stdout.readline())
        admin_url = info["printer_https"] + "/PRESENTATION/BONJOUR"
        found = asyncio.run(discovery.browse(timeout=3, interface="127.0.0.1"))
        mine = [d for d in found if d.admin_url == admin_url]
        assert len(mine) == 1
        assert mine[0].model == info["model"]
    finally:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=20)
    assert process.returncode == 0, stderr
    after = asyncio.run(discovery.browse(timeout=1.5, interface="127.0.0.1"))
    assert admin_url not in {d.admin_url for d in after}
