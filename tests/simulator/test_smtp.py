"""The Exchange SMTP stand-in, driven by the real smtplib over STARTTLS with the CA file only,
with tokens from the identity stand-in (one of them obtained through the real MSAL)."""

from __future__ import annotations

import base64
import smtplib
import ssl
import time

import certifi
import msal
import pytest

from app.simulator import scenarios
from app.simulator.certs import LocalCA
from app.simulator.identity import IdentityService
from app.simulator.smtp import SmtpService
from tests.simulator.conftest import SEND_SCOPE, TIMEOUT, https_session, issue_token

_TENANT_DISABLED = (
    "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. "
    "Visit https://aka.ms/smtp_auth_disabled for more information."
)
_EXPECTED_AUTH = {
    "smtp-auth-disabled-tenant": (535, _TENANT_DISABLED),
    "smtp-auth-disabled-mailbox": (535, _TENANT_DISABLED.replace("Tenant", "Mailbox")),
    "security-defaults": (
        535,
        "5.7.139 Authentication unsuccessful, user is locked by your organization's security "
        "defaults policy. Contact your administrator.",
    ),
    "mfa-or-policy": (
        535,
        "5.7.139 Authentication unsuccessful, the request did not meet the criteria to be "
        "authenticated successfully. Contact your administrator.",
    ),
    "token-rejected": (535, "5.7.3 Authentication unsuccessful"),
    "send-as-denied": (235, "2.7.0 Authentication successful"),
    "ok": (235, "2.7.0 Authentication successful"),
}


def _connect(smtp: SmtpService, ca_file: str) -> smtplib.SMTP:
    client = smtplib.SMTP(smtp.host, smtp.port, timeout=TIMEOUT)
    client.starttls(context=ssl.create_default_context(cafile=ca_file))
    client.ehlo()
    return client


def _xoauth2(user: str, token: str) -> str:
    return base64.b64encode(f"user={user}\x01auth=Bearer {token}\x01\x01".encode()).decode()


def _auth(client: smtplib.SMTP, user: str, token: str) -> tuple[int, str]:
    code, text = client.docmd("AUTH", "XOAUTH2 " + _xoauth2(user, token))
    return code, text.decode()


def test_every_smtp_scenario_is_covered() -> None:
    names = {s.name for s in scenarios.SCENARIOS.values() if s.side == scenarios.Side.SMTP}
    assert names | {"ok"} == set(_EXPECTED_AUTH)


def test_msal_token_authenticates_with_smtplib(identity_service, smtp_service) -> None:
    with https_session(identity_service.ca_file) as session:
        app = msal.PublicClientApplication(
            "0badc0de-0000-4000-8000-000000000002",
            authority=identity_service.authority,
            instance_discovery=False,
            http_client=session,
        )
        flow = app.initiate_device_flow([SEND_SCOPE])
        identity_service.approve(flow["user_code"])
        result = app.acquire_token_by_device_flow(flow)
    account = result["id_token_claims"]["preferred_username"]
    with _connect(smtp_service, identity_service.ca_file) as client:
        client.auth(
            "XOAUTH2",
            lambda challenge=None: (
                f"user={account}\x01auth=Bearer {result['access_token']}\x01\x01"
            ),
            initial_response_ok=True,
        )
        client.sendmail(account, ["someone@example.com"], b"Subject: test\r\n\r\nhello\r\n")
    assert smtp_service.messages_received == 1


@pytest.mark.parametrize("scenario", sorted(_EXPECTED_AUTH))
def test_auth_answers_per_scenario(scenario, identity_service, start_smtp) -> None:
    smtp = start_smtp(identity_service, scenario)
    tokens = issue_token(identity_service)
    with _connect(smtp, identity_service.ca_file) as client:
        answer = _auth(client, identity_service.account, tokens["access_token"])
        assert answer == _EXPECTED_AUTH[scenario]
        if answer[0] == 235:
            mail_from = client.docmd("MAIL", f"FROM:<{identity_service.account}>")
            expected = (
                (550, b"5.7.60 SMTP; Client does not have permissions to send as this sender")
                if scenario == "send-as-denied"
                else (250, b"2.1.0 Sender OK")
            )
            assert mail_from == expected


def test_other_sides_scenarios_authenticate(identity_service, start_smtp) -> None:
    smtp = start_smtp(identity_service, "sign-in-blocked")
    tokens = issue_token(identity_service)
    with _connect(smtp, identity_service.ca_file) as client:
        assert _auth(client, identity_service.account, tokens["access_token"])[0] == 235


@pytest.mark.parametrize("case", ["wrong-user", "unknown-token", "graph-audience", "garbage"])
def test_invalid_tokens_are_rejected_with_5_7_3(case, identity_service, smtp_service) -> None:
    scope = "User.Read offline_access" if case == "graph-audience" else SEND_SCOPE
    token = issue_token(identity_service, scope=scope)["access_token"]
    user = identity_service.account
    if case == "wrong-user":
        user = "reception@contoso.com"
    elif case == "unknown-token":
        token = "not-a-token-this-service-issued"
    with _connect(smtp_service, identity_service.ca_file) as client:
        if case == "garbage":
            code, text = client.docmd("AUTH", "XOAUTH2 " + base64.b64encode(b"\xff\x01").decode())
            answer = (code, text.decode())
        else:
            answer = _auth(client, user, token)
    assert answer == (535, "5.7.3 Authentication unsuccessful")


def test_expired_token_is_rejected(start_identity, start_smtp) -> None:
    identity = start_identity(token_lifetime=1)
    smtp = start_smtp(identity)
    token = issue_token(identity)["access_token"]
    time.sleep(1.1)
    with _connect(smtp, identity.ca_file) as client:
        assert _auth(client, identity.account, token) == (535, "5.7.3 Authentication unsuccessful")


def test_user_is_compared_without_case(identity_service, smtp_service) -> None:
    token = issue_token(identity_service)["access_token"]
    with _connect(smtp_service, identity_service.ca_file) as client:
        assert _auth(client, identity_service.account.upper(), token)[0] == 235


def test_xoauth2_without_initial_response_gets_a_challenge(identity_service, smtp_service) -> None:
    token = issue_token(identity_service)["access_token"]
    with _connect(smtp_service, identity_service.ca_file) as client:
        assert client.docmd("AUTH", "XOAUTH2") == (334, b"")
        code, _ = client.docmd(_xoauth2(identity_service.account, token))
    assert code == 235


def test_auth_only_after_starttls(identity_service, smtp_service) -> None:
    with smtplib.SMTP(smtp_service.host, smtp_service.port, timeout=TIMEOUT) as client:
        client.ehlo()
        assert client.has_extn("starttls")
        assert not client.has_extn("auth")
        assert client.docmd("AUTH", "XOAUTH2 " + _xoauth2("a@b.c", "t"))[0] == 530
        client.starttls(context=ssl.create_default_context(cafile=identity_service.ca_file))
        client.ehlo()
        assert client.esmtp_features["auth"].split() == ["LOGIN", "XOAUTH2"]


def test_certificate_is_trusted_only_through_the_ca_file(identity_service, smtp_service) -> None:
    with smtplib.SMTP(smtp_service.host, smtp_service.port, timeout=TIMEOUT) as client:
        with pytest.raises(ssl.SSLCertVerificationError):
            client.starttls(context=ssl.create_default_context(cafile=certifi.where()))
        client.close()


def test_basic_auth_is_refused(identity_service, smtp_service) -> None:
    with _connect(smtp_service, identity_service.ca_file) as client:
        with pytest.raises(smtplib.SMTPAuthenticationError) as refused:
            client.login(identity_service.account, "password")
        assert refused.value.smtp_code == 550
        assert refused.value.smtp_error == (
            b"5.7.30 Basic authentication is not supported for Client Submission"
        )
        assert client.docmd("AUTH", "PLAIN AHVzZXIAcGFzcw==") == (
            504,
            b"5.7.4 Unrecognized authentication type",
        )


def test_mail_without_auth_is_refused(identity_service, smtp_service) -> None:
    with _connect(smtp_service, identity_service.ca_file) as client:
        assert client.docmd("MAIL", "FROM:<scanner@contoso.com>") == (
            530,
            b"5.7.57 Client not authenticated to send mail",
        )
    assert smtp_service.messages_received == 0


def test_stop_with_a_client_still_connected(identity_service, start_smtp) -> None:
    smtp = start_smtp(identity_service)
    client = _connect(smtp, identity_service.ca_file)
    try:
        smtp.stop()
        with pytest.raises((smtplib.SMTPServerDisconnected, OSError)):
            client.noop()
    finally:
        client.close()


@pytest.mark.parametrize("host", ["0.0.0.0", "10.0.0.1"])
def test_listens_on_loopback_only(local_ca, identity_service, host) -> None:
    with pytest.raises(ValueError, match="loopback"):
        SmtpService(local_ca, identity_service, host=host)


def test_both_services_start_and_stop_quickly_on_free_ports(tmp_path) -> None:
    ca = LocalCA(tmp_path)
    started = time.perf_counter()
    identity = IdentityService(ca).start()
    smtp = SmtpService(ca, identity).start()
    second = SmtpService(ca, identity).start()
    ports = {identity.port, smtp.port, second.port}
    second.stop()
    smtp.stop()
    identity.stop()
    assert time.perf_counter() - started < 3
    assert len(ports) == 3
    assert 0 not in ports
