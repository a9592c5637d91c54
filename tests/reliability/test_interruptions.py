"""Interruptions of a configure: a cancel at every step, a slow device, the simulator process
killed during the save, an identity outage while the sign-in is followed, and two configures
of the same device in a row. Each ends in its own code with the device as it was before, field
by field, or verified."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from app import config, paths
from app.errors import REGISTRY, Cancelled
from app.flow import FlowRunner
from app.flow.services import PrinterSession
from app.flow.setup import SETUP_FLOW
from app.simulator.device import NVRAM_SETTINGS, Printer
from app.simulator.hold import Hold
from app.simulator.run import Simulation
from app.simulator.settings import MailSettings
from tests.driver.conftest import cli, login_args  # noqa: F401 - `cli` is a fixture
from tests.reliability.matrix import quick_settings, snapshot  # noqa: F401 - a fixture
from tests.reliability.process import Child, configure
from tests.ui.conftest import until

pytestmark = pytest.mark.usefixtures("quick_settings")

HOLD_CEILING = 60.0
"""Seconds for a child to get to the held request on a loaded machine (a hang, not slow)."""
SETTLE = 1.5
"""Seconds at most the held request stays held after Ctrl+C (less once the command has
reported the cancel), so the cancel lands while it is held: a signal reaches asyncio's loop in
milliseconds, even on a loaded machine."""


@pytest.mark.asyncio
async def test_a_cancel_during_a_write_waits_for_it_then_restores(monkeypatch) -> None:
    """The cancel lands while the Sign In's page read is on the wire (a slow device): the
    restore must wait for the Sign In the worker thread still sends, then undo it. Before the
    driver ran its writes whole, the restore saw nothing written yet, did nothing, and the
    Sign In that followed left a sign-in pending on the device."""
    with Simulation(auto_approve=None, poll_interval=1, latency_ms=300) as sim:
        before = snapshot(sim)
        session = PrinterSession(config.load())
        runner = FlowRunner(SETUP_FLOW, services=session)
        try:
            await runner.advance(address=sim.device.https_url, trust_new=True)
            await runner.advance(user="", password=sim.device.admin_password)
            await runner.advance(service="exchange")
            reads = len(sim.device.requests(("settings",)))
            step = asyncio.ensure_future(runner.advance())
            # the backup's read is answered; the Sign In's own read is now under way
            await until(lambda: len(sim.device.requests(("settings",))) > reads, 10, "backup")
            await asyncio.sleep(0.05)
            assert sim.device.writes == 0
            await runner.cancel()
            with pytest.raises(Cancelled):
                await step
        finally:
            session.close()
        assert sim.device.writes >= 2, "the Sign In was sent, then put back"
        assert sim.device.sign_in_state() is None, "no sign-in left pending"
        assert snapshot(sim) == before


# --- the simulator killed during the OK --------------------------------------------------


def nvram_snapshot(folder: Path) -> dict[str, Any]:
    """Both mail pages as the device's NVRAM holds them, field by field, no secrets."""
    saved = json.loads((folder / NVRAM_SETTINGS).read_text(encoding="utf-8"))
    return {page: MailSettings(**saved[page]).snapshot() for page in ("email", "fax")}


def sim_args(nvram: Path, *extra: str) -> list[str]:
    return ["sim", "--nvram", str(nvram), "--auto-approve", "0", "--poll-interval", "1", *extra]


@pytest.mark.parametrize(
    ("comes_back", "code", "advice"),
    [
        (True, "commit_failed", "sign it in again and save"),
        (False, "unreachable", "Check that it is switched on"),
    ],
    ids=["back-within-the-commit-timeout", "down-past-the-commit-timeout"],
)
def test_the_simulator_killed_during_the_ok_then_a_rerun(
    monkeypatch, tmp_path: Path, comes_back: bool, code: str, advice: str
) -> None:
    """A power cut while the OK is on the wire: the simulator holds the OK (`--hold commit`)
    and says so, and is killed right then; started again on the same ports with the same
    NVRAM it is the same device, settings and certificate. Back while the command line still
    waits for it (the commit timeout, 30 s), nothing is found saved: `commit_failed`; back
    only after the command gave up (2 s): `unreachable`. Each message says what to do; the
    device is as before field by field (NVRAM: a state that is not the factory's, so a device
    that forgot it would show). Then a second configure ends verified."""
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_COMMIT_TIMEOUT", "30" if comes_back else "2")
    nvram = tmp_path / "nvram"
    seeded = Printer(nvram=nvram)
    seeded.stored["email"].sender = "front.desk@contoso.com"
    seeded.persist()
    before = nvram_snapshot(nvram)
    with Child(sim_args(nvram, "--hold", "commit")) as first:
        info = first.wait_for("")
        ports = urlsplit(info["printer_http"]).port, urlsplit(info["printer_https"]).port
        again = ["--http-port", str(ports[0]), "--https-port", str(ports[1])]
        with configure(info["printer_https"], info["admin_password"]) as run:
            assert first.wait_for("held") == {"event": "held", "point": "commit", "after": False}
            first.kill()
            status = None if comes_back else run.wait()
            with Child(sim_args(nvram, *again)) as second:
                assert second.wait_for("")["printer_https"] == info["printer_https"]
                status = run.wait() if status is None else status
                events = run.events()
                error = events[-1]
                assert (status, error["event"], error["code"]) == (
                    REGISTRY[code].exit_status,
                    "error",
                    code,
                ), events
                assert error["message"].startswith(REGISTRY[code]().text.split("{")[0])
                assert advice in error["message"] and error["help_topic"] == code
                assert not [event for event in events if event["event"] == "verified"]
                assert nvram_snapshot(nvram) == before
                monkeypatch.setenv("PRINTER_OAUTH_PRINTER_COMMIT_TIMEOUT", "30")
                with configure(info["printer_https"], info["admin_password"]) as rerun:
                    assert rerun.wait() == 0, rerun.stderr
                    assert rerun.events()[-1]["event"] == "status"
    after = nvram_snapshot(nvram)
    assert after["fax"] == before["fax"]
    assert (after["email"]["auth_method"], after["email"]["signed_in"]) == ("oauth2", True)
    assert after["email"]["account"] and after["email"]["service"] == "exchange"


# --- Ctrl+C at each step of configure ----------------------------------------------------

CANCEL_POINTS = ("reach", "login", "read", "sign_in", "code", "commit", "saved", "verify", "test")
"""Each step of a configure, by the request in flight when Ctrl+C comes (app/simulator/hold.py);
`code`: the code shown, the device waiting for the person; `saved`: the OK acted upon, its
answer held back."""
WRITES_WHEN_HELD = dict(zip(CANCEL_POINTS, (0, 0, 0, 0, 1, 1, 2, 2, 2), strict=True))
"""The device's writes (Sign In, OK) when Ctrl+C comes: the hold landed where it means to."""


def hold_for(point: str) -> Hold | None:
    if point == "code":
        return None
    return Hold("commit", after=True) if point == "saved" else Hold(point)


@pytest.mark.parametrize("point", CANCEL_POINTS)
def test_ctrl_c_at_each_step_of_configure(point: str) -> None:
    """DESIGN.md "Command line": Ctrl+C cancels through the flow — exit 8 and `cancelled`
    with its help topic, the device as it was field by field with no sign-in pending; or,
    once the save is verified (the connection test), `cancelled_after_save`, which says the
    verified settings stay, and they do."""
    hold = hold_for(point)
    signs_in = point in ("commit", "saved", "verify", "test")
    with Simulation(auto_approve=0 if signs_in else None, poll_interval=1, hold=hold) as sim:
        before = snapshot(sim)
        with configure(sim.device.https_url, sim.device.admin_password) as run:
            if hold is None:
                run.wait_for("device_code")
            else:
                assert hold.reached.wait(HOLD_CEILING), f"no request at {point}"
            assert sim.device.writes == WRITES_WHEN_HELD[point]
            run.interrupt()
            run.said("error", SETTLE)
            if hold is not None:
                hold.release()
            status = run.wait()
            events = run.events()
        error = events[-1]
        code = "cancelled_after_save" if point == "test" else "cancelled"
        assert (status, error["event"], error["code"]) == (8, "error", code), events
        assert error["help_topic"] == code
        assert error["message"] == REGISTRY[code]().text
        if point == "test":
            email = sim.device.settings()
            assert (email["auth_method"], email["signed_in"]) == ("oauth2", True)
            assert snapshot(sim)["fax"] == before["fax"]
            assert [event["event"] for event in events if event["event"] == "verified"]
        else:
            assert snapshot(sim) == before
            assert sim.device.sign_in_state() is None
        if point in ("reach", "login", "read"):
            assert sim.device.writes == 0


# --- a slow device, an identity outage, two configures in a row (in-process) -------------


def verified(sim: Simulation, before: dict[str, Any]) -> None:
    """OAuth2 with Exchange, signed in with an account; the fax page untouched; nothing
    pending and no page that failed inside the simulator."""
    after = snapshot(sim)
    email = after["email"]
    assert (email["auth_method"], email["service"], email["signed_in"]) == (
        "oauth2",
        "exchange",
        True,
    )
    assert email["account"]
    assert after["fax"] == before["fax"]
    assert sim.device.sign_in_state() is None
    assert sim.device.internal_errors == []


def test_a_slow_device_one_second_per_page_is_configured(cli) -> None:  # noqa: F811
    """DESIGN.md "Timeouts": a device answering within 1 s per page must work — every request
    at 1 s, first contact included (4 s in all), and the run ends verified."""
    with Simulation(auto_approve=0, poll_interval=1, latency_ms=1000) as sim:
        before = snapshot(sim)
        argv, password = login_args(sim)
        run = cli(["configure", *argv, "--service", "exchange"], password)
        assert run.status == 0, run.events
        assert run.one("verified")["account"]
        verified(sim, before)


def when_the_code_shows(sim: Simulation, act: Callable[[str], None]) -> threading.Thread:
    """`act(user_code)` in a thread, once the device shows its sign-in code and waits."""

    def watch() -> None:
        ends = time.monotonic() + HOLD_CEILING
        while (code := sim.device.pending_code()) is None and time.monotonic() < ends:
            time.sleep(0.05)
        if code is not None:
            act(code)

    thread = threading.Thread(target=watch, name="test-when-the-code-shows", daemon=True)
    thread.start()
    return thread


def test_a_short_loss_of_the_route_to_microsoft_while_polling_is_survived(cli) -> None:  # noqa: F811
    """The device's polls of the token endpoint fail unanswered for 2.5 s (2 polls at 1 s)
    while the person signs in: the device keeps polling, the run ends verified."""
    with Simulation(auto_approve=None, poll_interval=1) as sim:
        before = snapshot(sim)

        def outage_then_approve(code: str) -> None:
            sim.identity.outage("network", 2.5)
            sim.identity.approve(code)

        watcher = when_the_code_shows(sim, outage_then_approve)
        argv, password = login_args(sim)
        run = cli(["configure", *argv, "--service", "exchange"], password)
        watcher.join(HOLD_CEILING)
        assert run.status == 0, run.events
        assert sim.identity.outage_hits >= 1, "the outage met the device's polls"
        verified(sim, before)


@pytest.mark.parametrize(
    "mode", ["5xx", "network"], ids=["identity-5xx", "route-to-microsoft-lost"]
)
def test_an_identity_outage_while_polling_ends_in_a_sign_in_code(cli, mode: str) -> None:  # noqa: F811
    """The identity service goes down while the device waits for the person and stays down.
    5xx: the device's sign-in ends in an error at its next poll. Route lost: the device keeps
    trying until its code expires (4 s here), the next code cannot be had. Either way the
    command ends `sign_in_failed` (exit 5) with the device's own words, and the device is as
    before field by field, no sign-in pending."""
    with Simulation(auto_approve=None, poll_interval=1) as sim:
        sim.identity.code_lifetime = 4
        before = snapshot(sim)
        watcher = when_the_code_shows(sim, lambda _code: sim.identity.outage(mode))
        argv, password = login_args(sim)
        run = cli(["configure", *argv, "--service", "exchange"], password)
        watcher.join(HOLD_CEILING)
        assert (run.status, run.error_code) == (5, "sign_in_failed"), run.events
        error = run.one("error")
        assert error["help_topic"] == "sign_in_failed"
        assert error["message"].startswith(REGISTRY["sign_in_failed"]().text)
        assert sim.identity.outage_hits >= 1
        if mode == "5xx":
            assert "AADSTS90033" in error["message"]  # "temporarily unavailable"
        else:
            assert [w["code"] for w in run.named("warning")] == ["code_expired"]
            assert "authentication server" in error["message"]
        assert snapshot(sim) == before
        assert sim.device.sign_in_state() is None
        assert not run.named("verified")


def test_two_configures_of_the_same_device_in_a_row(cli) -> None:  # noqa: F811
    """The second configure is a clean re-run: the certificate pinned by the first is
    reused (no trust flag the second time, the same fingerprint, one pin), a new sign-in
    replaces the first one, and the device ends verified with nothing left over."""
    with Simulation(auto_approve=0, poll_interval=1) as sim:
        before = snapshot(sim)
        argv, password = login_args(sim)
        first = cli(["configure", *argv, "--service", "exchange"], password)
        assert first.status == 0, first.events
        verified(sim, before)
        requests = sim.device.request_count()
        plain = ["--printer", sim.device.https_url, "--password-stdin"]
        second = cli(["configure", *plain, "--service", "exchange"], password)
        assert second.status == 0, second.events
        verified(sim, before)
        assert second.one("connected")["fingerprint"] == first.one("connected")["fingerprint"]
        assert second.one("signed_in")["account"] == first.one("signed_in")["account"]
        assert [e["event"] for e in second.events] == [e["event"] for e in first.events]
        assert sim.device.request_count() - requests <= requests, "no more work the second time"
        assert list(json.loads(paths.current().pins_file.read_text())) == [
            f"127.0.0.1:{sim.device.https_port}"
        ]
