"""The identity stand-in, driven by the real MSAL library and by a second HTTP client that
fills in the sign-in page as a person would, over HTTPS with the simulator's CA only."""

from __future__ import annotations

import base64
import html
import json
import re
import threading
import time

import msal
import pytest
import requests
from msal.exceptions import MsalServiceError

from app.simulator import scenarios
from app.simulator.identity import (
    CONSUMER_TENANT_ID,
    PERSONAL_ACCOUNTS,
    WORK_ACCOUNTS,
    CodeRefusedError,
    IdentityService,
)
from tests.simulator.conftest import DEVICE_GRANT, SEND_SCOPE, https_session, issue_token

MAILBOX_CHECK_CLIENT = "0badc0de-0000-4000-8000-000000000001"


def _msal_app(
    identity: IdentityService, session: requests.Session, authority: str | None = None
) -> msal.PublicClientApplication:
    return msal.PublicClientApplication(
        MAILBOX_CHECK_CLIENT,
        authority=authority or identity.authority,
        instance_discovery=False,
        http_client=session,
    )


def _page_text(response: requests.Response) -> str:
    body = response.text.split("</style>", 1)[1]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def _fill_in_page(
    ca_file: str,
    page_url: str,
    code: str,
    *,
    account: str = "",
    other_account: str = "",
    action: str = "approve",
    consent: bool = True,
) -> str:
    """A person's browser: opens the page, types the code, picks, submits; returns the text."""
    with https_session(ca_file) as browser:
        form_page = browser.get(page_url)
        assert form_page.status_code == 200
        assert 'name="code"' in form_page.text
        form = {"code": code, "account": account, "other_account": other_account}
        form["action"] = action
        if consent:
            form["consent"] = "on"
        answer = browser.post(page_url, data=form)
        assert answer.status_code == 200
        return _page_text(answer)


def _sign_in_later(
    identity: IdentityService, page_url: str, code: str, account: str, delay: float
) -> tuple[threading.Thread, list[str]]:
    seen: list[str] = []

    def act() -> None:
        time.sleep(delay)
        seen.append(_fill_in_page(identity.ca_file, page_url, code, account=account))

    thread = threading.Thread(target=act)
    thread.start()
    return thread, seen


def _claims(id_token: str) -> dict:
    payload = id_token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def test_msal_device_flow_completed_in_the_browser_page(identity_service) -> None:
    with https_session(identity_service.ca_file) as session:
        app = _msal_app(identity_service, session)
        flow = app.initiate_device_flow([SEND_SCOPE])
        assert re.fullmatch(r"[A-Z0-9]{8,9}", flow["user_code"])
        assert flow["verification_uri"] == identity_service.signin_url
        assert flow["expires_in"] == 900
        assert flow["interval"] == 1
        assert flow["user_code"] in flow["message"]
        account = WORK_ACCOUNTS[1]
        thread, seen = _sign_in_later(
            identity_service, identity_service.signin_url, flow["user_code"], account, 1.2
        )
        result = app.acquire_token_by_device_flow(flow, exit_condition=lambda f: False)
        thread.join()

    assert "You have signed in to" in seen[0]
    assert "You may now close this window" in seen[0]
    assert "You consented on behalf of your organization" in seen[0]
    assert result["token_type"] == "Bearer"
    assert result["scope"] == SEND_SCOPE
    assert result["id_token_claims"]["preferred_username"] == account
    assert result["id_token_claims"]["aud"] == MAILBOX_CHECK_CLIENT
    assert [a["username"] for a in app.get_accounts()] == [account]
    info = identity_service.token_info(result["access_token"])
    assert info is not None
    assert (info.account, info.audience) == (account, "https://outlook.office.com")
    assert SEND_SCOPE in info.scopes
    assert info.expires_at > time.time() + 3000


def test_msal_refreshes_with_the_refresh_token(identity_service) -> None:
    with https_session(identity_service.ca_file) as session:
        app = _msal_app(identity_service, session)
        flow = app.initiate_device_flow([SEND_SCOPE])
        identity_service.approve(flow["user_code"])
        first = app.acquire_token_by_device_flow(flow)
        again = app.acquire_token_silent(
            [SEND_SCOPE], account=app.get_accounts()[0], force_refresh=True
        )
    assert again is not None
    assert again["access_token"] != first["access_token"]
    assert identity_service.token_info(again["access_token"]).account == identity_service.account


def test_consumers_authority_signs_in_a_personal_account(start_identity) -> None:
    identity = start_identity()
    with https_session(identity.ca_file) as session:
        app = _msal_app(identity, session, identity.authority_consumers)
        flow = app.initiate_device_flow([SEND_SCOPE])
        assert flow["verification_uri"] == identity.signin_url_consumers
        assert flow["expires_in"] == 900
        text = _fill_in_page(
            identity.ca_file,
            flow["verification_uri"],
            flow["user_code"],
            account=identity.account_consumers,
            consent=False,
        )
        result = app.acquire_token_by_device_flow(flow)
    assert "You have signed in to" in text
    assert result["id_token_claims"]["preferred_username"] == identity.account_consumers
    assert result["id_token_claims"]["tid"] == CONSUMER_TENANT_ID


def test_personal_codes_die_early_whatever_expires_in_says(start_identity, client) -> None:
    identity = start_identity(consumers_code_lifetime=0.3)
    flow = client.post(
        f"{identity.authority_consumers}/oauth2/v2.0/devicecode",
        data={"client_id": MAILBOX_CHECK_CLIENT, "scope": SEND_SCOPE},
    ).json()
    assert flow["expires_in"] == 900
    time.sleep(0.4)
    answer = _poll(client, identity.authority_consumers, flow["device_code"])
    assert answer["error"] == "expired_token"


_EXPECTED_AT_TOKEN = {
    "sign-in-declined": ("authorization_declined", None),
    "sign-in-blocked": ("invalid_grant", 53003),
    "consent-required": ("invalid_grant", 65001),
    "account-type-mismatch": ("invalid_grant", 50020),
    "mfa-required": ("invalid_grant", 50076),
    "user-not-assigned": ("invalid_grant", 50105),
    "public-client-disabled": ("invalid_client", 7000218),
}


def test_every_identity_scenario_is_covered() -> None:
    names = {s.name for s in scenarios.SCENARIOS.values() if s.side == scenarios.Side.IDENTITY}
    covered = set(_EXPECTED_AT_TOKEN) | {
        "app-not-found",
        "code-expired",
        "token-expired-idle",
        "identity-unavailable",
    }
    assert names == covered


@pytest.mark.parametrize("scenario", sorted(_EXPECTED_AT_TOKEN))
def test_msal_gets_the_scenario_answer_after_the_page_is_completed(
    scenario, start_identity
) -> None:
    identity = start_identity(scenario=scenario)
    error, code = _EXPECTED_AT_TOKEN[scenario]
    with https_session(identity.ca_file) as session:
        app = _msal_app(identity, session)
        flow = app.initiate_device_flow([SEND_SCOPE])
        thread, seen = _sign_in_later(
            identity, identity.signin_url, flow["user_code"], identity.account, 1.2
        )
        started = time.monotonic()
        result = app.acquire_token_by_device_flow(flow)
        thread.join()
    assert result["error"] == error
    assert "access_token" not in result
    if code is not None:
        assert result["error_codes"] == [code]
        assert result["error_description"].startswith(f"AADSTS{code}: ")
    if scenario != "public-client-disabled":
        assert time.monotonic() - started >= 1.0, "pending until the person acted"
        assert "You have signed in" not in seen[0]


def test_app_not_found_at_the_device_code_endpoint(start_identity) -> None:
    identity = start_identity(scenario="app-not-found")
    with https_session(identity.ca_file) as session:
        flow = _msal_app(identity, session).initiate_device_flow([SEND_SCOPE])
    assert "user_code" not in flow
    assert flow["error"] == "unauthorized_client"
    assert flow["error_codes"] == [700016]
    assert MAILBOX_CHECK_CLIENT in flow["error_description"]


def test_code_expired_kills_the_first_code_only(start_identity) -> None:
    identity = start_identity(scenario="code-expired")
    with https_session(identity.ca_file) as session:
        app = _msal_app(identity, session)
        first = app.initiate_device_flow([SEND_SCOPE])
        text = _fill_in_page(identity.ca_file, identity.signin_url, first["user_code"])
        assert "That code has expired" in text
        expired = app.acquire_token_by_device_flow(first)
        second = app.initiate_device_flow([SEND_SCOPE])
        _fill_in_page(
            identity.ca_file, identity.signin_url, second["user_code"], account=identity.account
        )
        signed_in = app.acquire_token_by_device_flow(second)
    assert expired["error"] == "expired_token"
    assert expired["error_codes"] == [70019]
    assert signed_in["id_token_claims"]["preferred_username"] == identity.account


def test_token_expired_idle_refuses_refresh_only(start_identity) -> None:
    identity = start_identity(scenario="token-expired-idle")
    with https_session(identity.ca_file) as session:
        app = _msal_app(identity, session)
        flow = app.initiate_device_flow([SEND_SCOPE])
        identity.approve(flow["user_code"])
        assert "access_token" in app.acquire_token_by_device_flow(flow)
        refreshed = app.acquire_token_silent_with_error(
            [SEND_SCOPE], account=app.get_accounts()[0], force_refresh=True
        )
    assert refreshed["error"] == "invalid_grant"
    assert refreshed["error_codes"] == [700082]


def test_identity_unavailable_makes_msal_raise_when_built(start_identity, client) -> None:
    identity = start_identity(scenario="identity-unavailable")
    with pytest.raises(MsalServiceError):
        _msal_app(identity, client)
    answer = client.post(
        f"{identity.authority}/oauth2/v2.0/devicecode",
        data={"client_id": identity.printer_client_id, "scope": SEND_SCOPE},
    )
    assert answer.status_code == 503
    assert answer.json()["error"] == "temporarily_unavailable"
    assert client.get(identity.signin_url).status_code == 503


def test_other_sides_scenarios_behave_as_ok(start_identity) -> None:
    for scenario in ("smtp-auth-disabled-tenant", "wrong-password"):
        assert "access_token" in issue_token(start_identity(scenario=scenario))


def test_printer_polls_raw_and_auto_approve_signs_in(start_identity, client) -> None:
    identity = start_identity(auto_approve=0.5)
    flow = client.post(
        f"{identity.authority}/oauth2/v2.0/devicecode",
        data={
            "client_id": identity.printer_client_id,
            "scope": f"{SEND_SCOPE} offline_access",
        },
    ).json()
    assert _poll(client, identity.authority, flow["device_code"], identity.printer_client_id)[
        "error"
    ] == ("authorization_pending")
    time.sleep(1.0)
    tokens = _poll(client, identity.authority, flow["device_code"], identity.printer_client_id)
    assert _claims(tokens["id_token"])["preferred_username"] == identity.account
    assert tokens["refresh_token"]
    client_info = json.loads(base64.urlsafe_b64decode(tokens["client_info"] + "=="))
    assert set(client_info) == {"uid", "utid"}
    again = _poll(client, identity.authority, flow["device_code"], identity.printer_client_id)
    assert again["error"] == "invalid_grant"


def test_polling_faster_than_the_interval_slows_down(start_identity, client) -> None:
    identity = start_identity(interval=5)
    flow = _device_code(client, identity)
    assert _poll(client, identity.authority, flow["device_code"])["error"] == (
        "authorization_pending"
    )
    answer = _poll(client, identity.authority, flow["device_code"])
    assert answer["error"] == "slow_down"


def test_the_page_says_when_a_code_is_wrong_or_used(identity_service, client) -> None:
    flow = _device_code(client, identity_service)
    wrong = _fill_in_page(identity_service.ca_file, identity_service.signin_url, "ABCD-EFGH")
    assert "That code didn't work" in wrong
    spaced = " ".join(flow["user_code"].lower())
    text = _fill_in_page(
        identity_service.ca_file, identity_service.signin_url, spaced, account=WORK_ACCOUNTS[0]
    )
    assert "You have signed in to" in text
    used = _fill_in_page(identity_service.ca_file, identity_service.signin_url, flow["user_code"])
    assert "already been used" in used


def test_decline_on_the_page(identity_service, client) -> None:
    flow = _device_code(client, identity_service)
    text = _fill_in_page(
        identity_service.ca_file,
        identity_service.signin_url,
        flow["user_code"],
        action="decline",
    )
    assert "You declined the sign-in" in text
    answer = _poll(client, identity_service.authority, flow["device_code"])
    assert answer["error"] == "authorization_declined"


def test_a_personal_account_typed_for_a_work_sign_in_is_refused(identity_service, client) -> None:
    flow = _device_code(client, identity_service)
    text = _fill_in_page(
        identity_service.ca_file,
        identity_service.signin_url,
        flow["user_code"],
        other_account=PERSONAL_ACCOUNTS[1],
    )
    assert "AADSTS50020" in text
    assert _poll(client, identity_service.authority, flow["device_code"])["error_codes"] == [50020]


def test_errors_have_entra_shape(identity_service, client) -> None:
    answer = client.post(
        f"{identity_service.authority}/oauth2/v2.0/token",
        data={"client_id": MAILBOX_CHECK_CLIENT, "grant_type": DEVICE_GRANT, "device_code": "x"},
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["error"] == "bad_verification_code"
    assert body["error_codes"] == [70018]
    assert body["error_description"].startswith("AADSTS70018: ")
    assert {"timestamp", "trace_id", "correlation_id"} <= set(body)


def test_metadata_points_at_the_service_and_unknown_tenants_fail(identity_service, client) -> None:
    config = client.get(
        f"{identity_service.authority}/v2.0/.well-known/openid-configuration"
    ).json()
    assert config["device_authorization_endpoint"] == (
        f"{identity_service.authority}/oauth2/v2.0/devicecode"
    )
    assert config["token_endpoint"].startswith(identity_service.url)
    unknown = client.get(
        f"{identity_service.url}/fabrikam.com/v2.0/.well-known/openid-configuration"
    )
    assert unknown.status_code == 400
    assert unknown.json()["error_codes"] == [90002]


def test_nonce_is_returned_when_asked(identity_service, client) -> None:
    flow = _device_code(client, identity_service)
    identity_service.approve(flow["user_code"])
    tokens = _poll(client, identity_service.authority, flow["device_code"], extra={"nonce": "n1"})
    assert "nonce" not in _claims(tokens["id_token"])
    flow = client.post(
        f"{identity_service.authority}/oauth2/v2.0/devicecode",
        data={"client_id": MAILBOX_CHECK_CLIENT, "scope": SEND_SCOPE, "nonce": "n2"},
    ).json()
    identity_service.approve(flow["user_code"])
    tokens = _poll(client, identity_service.authority, flow["device_code"])
    assert _claims(tokens["id_token"])["nonce"] == "n2"


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.1", "example.com"])
def test_listens_on_loopback_only(local_ca, host) -> None:
    with pytest.raises(ValueError, match="loopback"):
        IdentityService(local_ca, host=host)


def test_in_process_approval_refuses_unknown_codes(identity_service: IdentityService) -> None:
    with pytest.raises(CodeRefusedError):
        identity_service.approve("NOSUCHCODE")


def _device_code(client: requests.Session, identity: IdentityService) -> dict:
    return client.post(
        f"{identity.authority}/oauth2/v2.0/devicecode",
        data={"client_id": MAILBOX_CHECK_CLIENT, "scope": SEND_SCOPE},
    ).json()


def _poll(
    client: requests.Session,
    authority: str,
    device_code: str,
    client_id: str = MAILBOX_CHECK_CLIENT,
    extra: dict | None = None,
) -> dict:
    form = {"client_id": client_id, "grant_type": DEVICE_GRANT, "device_code": device_code}
    return client.post(f"{authority}/oauth2/v2.0/token", data=form | (extra or {})).json()


def test_page_is_plain_html_with_consent_for_work_accounts_only(start_identity, client) -> None:
    identity = start_identity(interval=None)
    work = client.get(identity.signin_url).text
    personal = client.get(identity.signin_url_consumers).text
    assert "<script" not in work + personal
    assert "Consent on behalf of your organization" in work
    assert "Consent on behalf" not in personal
    assert all(account in work for account in WORK_ACCOUNTS)
    assert all(account in personal for account in PERSONAL_ACCOUNTS)
    assert _device_code(client, identity)["interval"] == 5
