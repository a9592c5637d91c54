"""The simulator's knobs for the fault suite (tests/reliability): NVRAM that outlives the
process, and identity outages that start and end at any moment of a run."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests

from app.simulator.device import NVRAM_SETTINGS, Printer
from tests.simulator.conftest import SEND_SCOPE


def test_nvram_keeps_settings_and_certificate_for_the_next_process(tmp_path: Path) -> None:
    """A device built on the same NVRAM folder is the same device: settings as last saved,
    the same certificate; the file is whole (no partial write left beside it)."""
    first = Printer(nvram=tmp_path)
    first.stored["email"].sender = "front.desk@contoso.com"
    first.persist()
    again = Printer(nvram=tmp_path)
    assert again.settings() == first.settings()
    assert again.settings()["sender"] == "front.desk@contoso.com"
    assert again.settings("fax") == first.settings("fax")
    assert again.fingerprint == first.fingerprint
    assert sorted(path.name for path in tmp_path.glob("settings*")) == [NVRAM_SETTINGS]
    factory = Printer(folder=tmp_path / "factory").settings()
    assert Printer(nvram=tmp_path / "new").settings() == factory


def _device_code(client: requests.Session, identity) -> requests.Response:
    return client.post(
        f"{identity.authority}/oauth2/v2.0/devicecode",
        data={"client_id": identity.printer_client_id, "scope": SEND_SCOPE},
    )


def test_a_5xx_outage_answers_503_for_a_while_then_ends(identity_service, client) -> None:
    identity_service.outage("5xx", 0.5)
    answer = _device_code(client, identity_service)
    assert answer.status_code == 503
    assert answer.json()["error"] == "temporarily_unavailable"
    assert client.get(identity_service.signin_url).status_code == 503
    time.sleep(0.6)  # the outage's own length
    assert _device_code(client, identity_service).status_code == 200
    assert identity_service.outage_hits == 2


def test_a_lost_route_resets_every_request_until_ended(identity_service, client) -> None:
    identity_service.outage("network")
    with pytest.raises(requests.ConnectionError):
        _device_code(client, identity_service)
    identity_service.outage(None)
    assert _device_code(client, identity_service).status_code == 200
    assert identity_service.outage_hits == 1
