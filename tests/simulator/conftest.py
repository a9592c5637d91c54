"""Fixtures for the Microsoft stand-ins: a CA, the services on free loopback ports, clients
that trust exactly the CA file (REQUESTS_CA_BUNDLE stays set on purpose, see tests/conftest.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

import pytest
import requests

from app.simulator.certs import LocalCA
from app.simulator.identity import IdentityService
from app.simulator.smtp import SmtpService

TIMEOUT = 5
SEND_SCOPE = "https://outlook.office.com/SMTP.Send"
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


def https_session(ca_file: str) -> requests.Session:
    """A client as the product builds it: only the CA file, no environment, a timeout."""
    session = requests.Session()
    session.trust_env = False
    session.verify = ca_file
    session.request = functools.partial(session.request, timeout=TIMEOUT)  # type: ignore[method-assign]
    return session


@pytest.fixture
def local_ca(tmp_path) -> LocalCA:
    return LocalCA(tmp_path)


@pytest.fixture
def start_identity(local_ca: LocalCA) -> Iterator[Callable[..., IdentityService]]:
    """Starts identity services with a 1 s poll interval; all are stopped after the test."""
    started: list[IdentityService] = []

    def start(**options: object) -> IdentityService:
        options.setdefault("interval", 1)
        service = IdentityService(local_ca, **options).start()  # type: ignore[arg-type]
        started.append(service)
        return service

    yield start
    for service in started:
        service.stop()


@pytest.fixture
def identity_service(start_identity: Callable[..., IdentityService]) -> IdentityService:
    return start_identity()


@pytest.fixture
def start_smtp(local_ca: LocalCA) -> Iterator[Callable[..., SmtpService]]:
    started: list[SmtpService] = []

    def start(identity: IdentityService, scenario: str = "ok") -> SmtpService:
        service = SmtpService(local_ca, identity, scenario=scenario).start()
        started.append(service)
        return service

    yield start
    for service in started:
        service.stop()


@pytest.fixture
def smtp_service(
    start_smtp: Callable[..., SmtpService], identity_service: IdentityService
) -> SmtpService:
    return start_smtp(identity_service)


@pytest.fixture
def client(identity_service: IdentityService) -> Iterator[requests.Session]:
    with https_session(identity_service.ca_file) as session:
        yield session


def issue_token(
    identity: IdentityService,
    *,
    scope: str = f"{SEND_SCOPE} offline_access",
    account: str | None = None,
) -> dict:
    """A token answer the way the printer firmware gets one: code, approval, one poll."""
    with https_session(identity.ca_file) as session:
        flow = session.post(
            f"{identity.authority}/oauth2/v2.0/devicecode",
            data={"client_id": identity.printer_client_id, "scope": scope},
        ).json()
        identity.approve(flow["user_code"], account=account)
        return session.post(
            f"{identity.authority}/oauth2/v2.0/token",
            data={
                "client_id": identity.printer_client_id,
                "grant_type": DEVICE_GRANT,
                "device_code": flow["device_code"],
            },
        ).json()
