"""No client ID configured: `no_client_id` (exit 7) with its help topic, before any traffic."""

from __future__ import annotations

import pytest

from app.errors import NoClientId
from app.microsoft.mailbox_check import MailboxCheck, MailboxSettings
from tests.microsoft.conftest import check_mailbox, nothing_connected


def test_no_client_id_is_reported_without_any_traffic(listener) -> None:
    port = listener.getsockname()[1]
    run = check_mailbox(
        "--service",
        "exchange",
        "--authority",
        f"https://127.0.0.1:{port}/organizations",
        "--smtp",
        f"127.0.0.1:{port}",
    )
    assert run.returncode == 7
    assert run.events == [
        {
            "event": "error",
            "code": "no_client_id",
            "message": NoClientId().text,
            "help_topic": "no_client_id",
        }
    ]
    assert nothing_connected(listener)


def test_the_shipped_defaults_have_no_client_id() -> None:
    """Nothing is contacted either with the shipped Microsoft defaults: the check stops first."""
    run = check_mailbox("--service", "outlook")
    assert run.returncode == 7
    assert run.last["code"] == "no_client_id"


def test_the_core_raises_before_building_anything(listener) -> None:
    port = listener.getsockname()[1]
    settings = MailboxSettings(
        service="exchange",
        client_id="",
        authority=f"https://127.0.0.1:{port}/organizations",
        smtp_host="127.0.0.1",
        smtp_port=port,
    )
    with pytest.raises(NoClientId):
        MailboxCheck(settings).start()
    assert nothing_connected(listener)


@pytest.mark.parametrize(
    ("option", "value"),
    [("--authority", "http://127.0.0.1:1/organizations"), ("--smtp", "host:notaport")],
)
def test_unusable_settings_are_bad_input(option, value) -> None:
    run = check_mailbox("--service", "exchange", "--client-id", "x", option, value)
    assert run.returncode == 2
    assert run.last["code"] == "config_invalid"
