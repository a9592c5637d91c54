"""The command line skeleton: parsing, JSON events, exit statuses."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from app.cli import HANDLERS, build_parser
from app.errors import CertificateChanged
from app.events import JsonEvents, TextEvents, emit_error

ROOT = Path(__file__).resolve().parents[2]


def test_every_design_subcommand_parses() -> None:
    parser = build_parser()
    cases = [
        ["sim", "--model", "x", "--variant", "3", "--scenario", "silent", "--auto-approve", "2"],
        ["discover", "--timeout", "1", "--interface", "127.0.0.1", "--json"],
        ["status", "--printer", "10.0.0.5", "--password-stdin", "--json"],
        ["configure", "--printer", "p", "--service", "exchange", "--fax", "keep"],
        ["resign", "--printer", "p", "--trust-new-certificate"],
        ["check-mailbox", "--service", "outlook", "--client-id", "c", "--smtp", "h:587"],
    ]
    for argv in cases:
        assert build_parser().parse_args(argv).command == argv[0]
    assert set(HANDLERS) == {case[0] for case in cases}
    assert parser.parse_args([]).command is None


def test_no_option_takes_a_password_on_the_command_line() -> None:
    """Secrets never reach the process list: the password only comes on standard input."""
    parser = build_parser()
    subcommands = next(a for a in parser._actions if a.dest == "command").choices
    options = {
        option for sub in [parser, *subcommands.values()] for option in sub._option_string_actions
    }
    assert "--password-stdin" in options
    assert {option for option in options if "password" in option} == {"--password-stdin"}


def test_json_events_are_single_flushed_lines_with_an_event_key() -> None:
    stream = io.StringIO()
    events = JsonEvents(stream)
    events.emit("connected", model="WF-C5890 Series", firmware="1.0", fingerprint="AA")
    status = emit_error(events, CertificateChanged(old="AA", new="BB"))
    lines = stream.getvalue().splitlines()
    assert [json.loads(line)["event"] for line in lines] == ["connected", "error"]
    error = json.loads(lines[1])
    assert error == {
        "event": "error",
        "code": "certificate_changed",
        "message": CertificateChanged(old="AA", new="BB").text,
        "help_topic": "certificate_changed",
    }
    assert status == 3


def test_text_events_read_as_sentences() -> None:
    stream = io.StringIO()
    emit_error(TextEvents(stream), CertificateChanged(old="AA", new="BB"))
    assert stream.getvalue().startswith("Error [certificate_changed]:")


DISCOVER_LOOPBACK = (
    *(sys.executable, "main.py", "discover", "--json"),
    *("--interface", "127.0.0.1", "--timeout", "0.5"),
)


def test_discover_on_loopback_exits_0_with_json_only() -> None:
    """Loopback only (tests never browse other interfaces); none found is still success."""
    result = subprocess.run(
        DISCOVER_LOOPBACK,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        assert json.loads(line)["event"] == "device"


def test_bad_usage_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "configure", "--printer", "p", "--service", "gmail"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
