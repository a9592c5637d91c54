"""`check-mailbox` end to end: the command as a subprocess (real MSAL, real smtplib, real TLS)
against the identity and SMTP stand-ins started in this process with a 1 s poll interval and
immediate approval, one run per identity/SMTP scenario of DESIGN.md's table.

The same runs against `python main.py sim` (a second subprocess, 5 s poll interval) are in
test_against_sim_command.py for a representative subset."""

from __future__ import annotations

import datetime

import pytest

from app.errors import EXIT_MAILBOX, REGISTRY
from app.simulator import scenarios
from tests.microsoft.conftest import check_mailbox, sim_args

MAILBOX_SCENARIOS = sorted(
    name
    for name, scenario in scenarios.SCENARIOS.items()
    if scenario.side in (scenarios.Side.IDENTITY, scenarios.Side.SMTP)
)


def test_the_scenario_list_is_the_one_of_the_issue() -> None:
    named_in_issue = {
        "sign-in-declined",
        "sign-in-blocked",
        "consent-required",
        "account-type-mismatch",
        "mfa-required",
        "user-not-assigned",
        "smtp-auth-disabled-tenant",
        "smtp-auth-disabled-mailbox",
        "security-defaults",
        "mfa-or-policy",
        "token-rejected",
        "send-as-denied",
        "app-not-found",
        "public-client-disabled",
        "token-expired-idle",
        "identity-unavailable",
    }
    assert named_in_issue <= set(MAILBOX_SCENARIOS)


@pytest.mark.parametrize("scenario", [s for s in MAILBOX_SCENARIOS if s != "code-expired"])
def test_each_scenario_ends_with_its_own_code(scenario, start_identity, start_smtp) -> None:
    identity = start_identity(scenario=scenario, auto_approve=0)
    smtp = start_smtp(identity, scenario=scenario)
    run = check_mailbox(*sim_args(identity, smtp))
    expected = scenario.replace("-", "_")
    assert run.last["event"] == "error", run.stdout + run.stderr
    assert run.last["code"] == expected
    assert run.last["help_topic"] == expected
    assert run.last["message"].startswith(REGISTRY[expected]().text)
    assert run.returncode == REGISTRY[expected].exit_status
    assert run.returncode in (5, EXIT_MAILBOX)
    assert smtp.messages_received == 0
    if scenario not in ("identity-unavailable", "app-not-found"):
        assert run.names()[0] == "device_code"


def test_ok_ends_with_mailbox_ok_and_sends_nothing(start_identity, start_smtp) -> None:
    identity = start_identity(auto_approve=0)
    smtp = start_smtp(identity)
    run = check_mailbox(*sim_args(identity, smtp))
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.names() == ["device_code", "signed_in", "mailbox_ok"]
    code = run.events[0]
    assert set(code) == {"event", "user_code", "verification_uri", "expires_at"}
    assert code["verification_uri"] == identity.signin_url
    expires = datetime.datetime.fromisoformat(code["expires_at"].replace("Z", "+00:00"))
    left = (expires - datetime.datetime.now(datetime.UTC)).total_seconds()
    assert 800 < left <= 900
    assert run.events[1] == {"event": "signed_in", "account": identity.account}
    assert run.events[2] == {"event": "mailbox_ok", "account": identity.account}
    assert smtp.messages_received == 0


def test_an_expired_code_is_reported_and_a_new_one_follows(start_identity, start_smtp) -> None:
    identity = start_identity(scenario="code-expired", auto_approve=0)
    smtp = start_smtp(identity)
    run = check_mailbox(*sim_args(identity, smtp))
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.names() == ["device_code", "warning", "device_code", "signed_in", "mailbox_ok"]
    assert run.events[1]["code"] == "code_expired"
    assert run.events[0]["user_code"] != run.events[2]["user_code"]


def test_codes_that_keep_expiring_end_with_code_expired(start_identity, start_smtp) -> None:
    identity = start_identity(code_lifetime=0)
    smtp = start_smtp(identity)
    run = check_mailbox(*sim_args(identity, smtp))
    assert run.returncode == 5
    assert run.names() == ["device_code", "warning"] * 2 + ["device_code", "error"]
    assert run.last["code"] == "code_expired"


def test_outlook_personal_account_code_is_capped_to_five_minutes(
    start_identity, start_smtp
) -> None:
    """Personal accounts: the URL is /link and the code dies after ~5 minutes whatever
    `expires_in` (900 here) says."""
    identity = start_identity(auto_approve=0)
    smtp = start_smtp(identity)
    run = check_mailbox(*sim_args(identity, smtp, service="outlook"))
    assert run.returncode == 0, run.stdout + run.stderr
    code = run.events[0]
    assert code["verification_uri"] == identity.signin_url_consumers
    expires = datetime.datetime.fromisoformat(code["expires_at"].replace("Z", "+00:00"))
    left = (expires - datetime.datetime.now(datetime.UTC)).total_seconds()
    assert 250 < left <= 300
    assert run.last == {"event": "mailbox_ok", "account": identity.account_consumers}


def test_client_id_and_servers_from_the_environment(start_identity, start_smtp) -> None:
    identity = start_identity(auto_approve=0)
    smtp = start_smtp(identity)
    env = {
        "PRINTER_OAUTH_MAILBOX_CLIENT_ID": "from-environment",
        "PRINTER_OAUTH_MAILBOX_AUTHORITY_EXCHANGE": identity.authority,
        "PRINTER_OAUTH_MAILBOX_SMTP_EXCHANGE": f"{smtp.host}:{smtp.port}",
    }
    run = check_mailbox("--service", "exchange", "--ca-file", identity.ca_file, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.last["event"] == "mailbox_ok"


def test_no_token_or_device_code_reaches_output_or_disk(
    start_identity, start_smtp, isolated_home
) -> None:
    identity = start_identity(auto_approve=0)
    smtp = start_smtp(identity)
    run = check_mailbox(*sim_args(identity, smtp))
    assert run.returncode == 0
    secrets = [*identity._access, *identity._refresh, *identity._codes]
    assert len(secrets) >= 4  # two access and refresh tokens (sign-in, refresh), one code
    written = [p.read_bytes() for p in isolated_home.rglob("*") if p.is_file()]
    for secret in secrets:
        assert secret not in run.stdout
        assert secret not in run.stderr
        assert all(secret.encode() not in data for data in written)


def test_text_output_without_json(start_identity, start_smtp) -> None:
    import subprocess
    import sys

    from tests.microsoft.conftest import ROOT

    identity = start_identity(auto_approve=0)
    smtp = start_smtp(identity)
    result = subprocess.run(
        [sys.executable, "main.py", "check-mailbox", *sim_args(identity, smtp)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "mailbox_ok" in result.stdout
    assert not result.stdout.lstrip().startswith("{")
