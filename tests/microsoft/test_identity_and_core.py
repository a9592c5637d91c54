"""The sign-in's HTTP plumbing (trust, timeouts, proxies), the core's import weight and the
account comparison the wizard will use."""

from __future__ import annotations

import logging
import subprocess
import sys
import time

import pytest
import requests

from app.microsoft.identity import (
    http_session,
    is_loopback_host,
    is_personal_authority,
    msal_options,
    system_proxies,
)
from app.microsoft.mailbox_check import compare_accounts
from tests.microsoft.conftest import CLIENT_ID, ROOT, check_mailbox, sim_args

MICROSOFT = "https://login.microsoftonline.com/organizations"
PROXY = "http://proxy.example.invalid:3128"


@pytest.fixture
def proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", PROXY)
    monkeypatch.setenv("HTTP_PROXY", PROXY)
    monkeypatch.delenv("https_proxy", raising=False)
    return monkeypatch


def test_system_proxy_is_used_for_microsoft(proxy_env) -> None:
    assert system_proxies(MICROSOFT) == {"https": PROXY, "http": PROXY}
    with http_session(MICROSOFT) as session:
        assert session.proxies == {"https": PROXY, "http": PROXY}
        assert session.trust_env is False
        assert session.verify is True


def test_no_proxy_is_honoured(proxy_env) -> None:
    proxy_env.setenv("NO_PROXY", ".microsoftonline.com")
    assert system_proxies(MICROSOFT) == {}


@pytest.mark.parametrize(
    "url",
    ["https://127.0.0.1:4443/organizations", "https://[::1]:4443/x", "https://localhost:1/x"],
)
def test_never_a_proxy_for_loopback(proxy_env, url) -> None:
    assert system_proxies(url) == {}


def test_loopback_names() -> None:
    assert is_loopback_host("127.0.0.5")
    assert is_loopback_host("::1")
    assert is_loopback_host("localhost")
    assert not is_loopback_host("login.microsoftonline.com")
    assert not is_loopback_host("10.0.0.1")


def test_the_check_ignores_a_proxy_for_the_local_simulator(start_identity, start_smtp) -> None:
    identity = start_identity(auto_approve=0)
    smtp = start_smtp(identity)
    dead = "http://127.0.0.1:9"
    env = {"HTTPS_PROXY": dead, "HTTP_PROXY": dead, "https_proxy": dead, "http_proxy": dead}
    run = check_mailbox(*sim_args(identity, smtp), env=env)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_session_trusts_only_the_given_ca_and_times_out(listener, local_ca) -> None:
    port = listener.getsockname()[1]
    url = f"https://127.0.0.1:{port}/organizations"
    with http_session(url, str(local_ca.ca_file), timeout=(1.0, 1.0)) as session:
        assert session.verify == str(local_ca.ca_file)
        assert session.proxies == {}
        began = time.perf_counter()
        with pytest.raises(requests.exceptions.Timeout):
            session.get(url)
        assert time.perf_counter() - began < 5


def test_instance_discovery_only_for_microsoft() -> None:
    assert msal_options(MICROSOFT) == {}
    assert msal_options("https://127.0.0.1:4443/organizations") == {"instance_discovery": False}


def test_personal_authorities() -> None:
    assert is_personal_authority("https://login.microsoftonline.com/consumers")
    assert is_personal_authority(
        "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/"
    )
    assert not is_personal_authority(MICROSOFT)


def test_the_command_line_and_the_core_stay_import_light() -> None:
    """`python main.py` paints first; the mailbox page module loads msal only when it runs."""
    script = (
        "import sys, app.cli, app.microsoft.mailbox_check\n"
        "print(sorted(m for m in ('msal', 'requests', 'smtplib') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_compare_accounts() -> None:
    assert compare_accounts("scanner@contoso.com", "Scanner@Contoso.com ") is None
    assert compare_accounts("scanner@contoso.com", None) is None
    assert compare_accounts(None, "scanner@contoso.com") is None
    warning = compare_accounts("scanner@contoso.com", "reception@contoso.com")
    assert warning is not None
    assert warning["code"] == "mailbox_differs"
    assert "scanner@contoso.com" in warning["message"]
    assert "reception@contoso.com" in warning["message"]
    assert "{" not in warning["message"]
    assert warning["details"] == {
        "checked": "scanner@contoso.com",
        "account": "reception@contoso.com",
    }


def test_no_token_or_device_code_in_logs_even_at_debug(start_identity, caplog) -> None:
    from app.microsoft.identity import DeviceSignIn

    caplog.set_level(logging.DEBUG)
    identity = start_identity(auto_approve=0)
    with DeviceSignIn(CLIENT_ID, identity.authority, ca_file=identity.ca_file) as sign_in:
        sign_in.start()
        sign_in.follow()
        sign_in.refresh()
    secrets = [*identity._access, *identity._refresh, *identity._codes]
    assert len(secrets) >= 5
    assert caplog.records, "DEBUG logging really was on"
    for secret in secrets:
        assert secret not in caplog.text


def test_an_unknown_tenant_and_an_untrusted_service(start_identity) -> None:
    from app.errors import WizardError
    from app.microsoft.identity import DeviceSignIn

    identity = start_identity()
    unknown = f"{identity.url}/nosuchtenant"
    with (
        pytest.raises(WizardError) as wrong_tenant,
        DeviceSignIn(CLIENT_ID, unknown, ca_file=identity.ca_file) as sign_in,
    ):
        sign_in.start()
    assert wrong_tenant.value.code == "app_not_found"
    with (
        pytest.raises(WizardError) as untrusted,
        DeviceSignIn(CLIENT_ID, identity.authority) as sign_in,
    ):
        sign_in.start()
    assert untrusted.value.code == "identity_unavailable"
    assert "SSLError" in untrusted.value.detail
    assert identity._issued == 0
