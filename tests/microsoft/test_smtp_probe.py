"""The SMTP probe on its own: real smtplib, STARTTLS verified (CA and host name), XOAUTH2,
no mail unless asked, timeouts, cancel, and no token in any error."""

from __future__ import annotations

import base64
import contextlib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from app.errors import Cancelled, WizardError
from app.microsoft.smtp_probe import SmtpProbe, parse_server, tls_context, xoauth2
from app.simulator.certs import LocalCA
from tests.simulator.conftest import SEND_SCOPE, issue_token

SERVER_TIMEOUT = 10


def _token(identity, account: str | None = None) -> str:
    return issue_token(identity, scope=f"{SEND_SCOPE} offline_access", account=account)[
        "access_token"
    ]


def test_xoauth2_initial_response() -> None:
    decoded = base64.b64decode(xoauth2("a@contoso.com", "tok"))
    assert decoded == b"user=a@contoso.com\x01auth=Bearer tok\x01\x01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("smtp.office365.com:587", ("smtp.office365.com", 587)),
        ("smtp.office365.com", ("smtp.office365.com", 587)),
        ("[::1]:2525", ("::1", 2525)),
        ("127.0.0.1:25", ("127.0.0.1", 25)),
    ],
)
def test_parse_server(text, expected) -> None:
    assert parse_server(text) == expected


@pytest.mark.parametrize("text", ["", "host:", "host:0", "host:99999", "a b:1", "h:x"])
def test_parse_server_refuses(text) -> None:
    with pytest.raises(ValueError):
        parse_server(text)


def test_tls_context_verifies_certificate_and_name() -> None:
    context = tls_context()
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert context.get_ca_certs()


def test_authenticates_and_sends_nothing(start_identity, start_smtp) -> None:
    identity = start_identity()
    smtp = start_smtp(identity)
    result = SmtpProbe(smtp.host, smtp.port, ca_file=identity.ca_file, timeout=5).run(
        identity.account, _token(identity)
    )
    assert result.auth_reply.startswith("235 2.7.0")
    assert result.test_message_to is None
    assert smtp.messages_received == 0


def test_a_test_message_only_to_the_typed_recipient(start_identity, start_smtp) -> None:
    identity = start_identity()
    smtp = start_smtp(identity)
    result = SmtpProbe(smtp.host, smtp.port, ca_file=identity.ca_file, timeout=5).run(
        identity.account, _token(identity), test_recipient="tech@example.com"
    )
    assert result.test_message_to == "tech@example.com"
    assert smtp.messages_received == 1


def test_a_refused_token_never_appears_in_the_error(start_identity, start_smtp) -> None:
    identity = start_identity()
    smtp = start_smtp(identity)
    token = "not-a-token-" + "x" * 40
    with pytest.raises(WizardError) as caught:
        SmtpProbe(smtp.host, smtp.port, ca_file=identity.ca_file, timeout=5).run(
            identity.account, token
        )
    assert caught.value.code == "token_rejected"
    assert "535 5.7.3" in caught.value.detail
    assert token not in caught.value.text
    assert xoauth2(identity.account, token) not in caught.value.text


def test_the_system_trust_does_not_trust_the_simulator(start_identity, start_smtp) -> None:
    identity = start_identity()
    smtp = start_smtp(identity)
    with pytest.raises(WizardError) as caught:
        SmtpProbe(smtp.host, smtp.port, timeout=5).run(identity.account, "unused-token")
    assert caught.value.code == "smtp_unreachable"
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.detail


@pytest.fixture
def fake_server() -> Iterator[Callable[..., int]]:
    """Loopback servers speaking just enough SMTP: `silent` (accepts, never answers) or
    `starttls` with a certificate for `names` from `ca`."""
    sockets: list[socket.socket] = []
    threads: list[threading.Thread] = []
    done = threading.Event()

    def serve(server: socket.socket, mode: str, ca: LocalCA | None, names: list[str]) -> None:
        with contextlib.suppress(OSError, ssl.SSLError):
            connection, _ = server.accept()
            sockets.append(connection)
            if mode == "silent":
                done.wait(SERVER_TIMEOUT)
                return
            connection.settimeout(SERVER_TIMEOUT)
            reader = connection.makefile("rb")
            connection.sendall(b"220 fake ESMTP\r\n")
            reader.readline()  # EHLO
            connection.sendall(b"250-fake\r\n250 STARTTLS\r\n")
            reader.readline()  # STARTTLS
            connection.sendall(b"220 2.0.0 go ahead\r\n")
            assert ca is not None
            context = ca.issue("fake", names).server_context()
            with context.wrap_socket(connection, server_side=True):
                pass

    def start(mode: str, ca: LocalCA | None = None, names: list[str] | None = None) -> int:
        server = socket.create_server(("127.0.0.1", 0))
        sockets.append(server)
        thread = threading.Thread(target=serve, args=(server, mode, ca, names or []))
        thread.start()
        threads.append(thread)
        return server.getsockname()[1]

    yield start
    done.set()
    for sock in sockets:
        sock.close()
    for thread in threads:
        thread.join(SERVER_TIMEOUT)


def test_a_certificate_for_another_name_is_refused(fake_server, local_ca) -> None:
    port = fake_server("starttls", local_ca, ["smtp.other.invalid"])
    with pytest.raises(WizardError) as caught:
        SmtpProbe("127.0.0.1", port, ca_file=str(local_ca.ca_file), timeout=5).run(
            "a@contoso.com", "unused-token"
        )
    assert caught.value.code == "smtp_unreachable"
    assert "STARTTLS" in caught.value.detail
    assert "mismatch" in caught.value.detail.lower() or "match" in caught.value.detail.lower()


def test_a_silent_server_times_out(fake_server) -> None:
    port = fake_server("silent")
    began = time.perf_counter()
    with pytest.raises(WizardError) as caught:
        SmtpProbe("127.0.0.1", port, timeout=1).run("a@contoso.com", "unused-token")
    assert caught.value.code == "smtp_unreachable"
    assert time.perf_counter() - began < 5


def test_a_closed_port_is_unreachable() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
    with pytest.raises(WizardError) as caught:
        SmtpProbe("127.0.0.1", port, timeout=2).run("a@contoso.com", "unused-token")
    assert caught.value.code == "smtp_unreachable"


def test_cancel_unblocks_a_waiting_probe(fake_server) -> None:
    port = fake_server("silent")
    probe = SmtpProbe("127.0.0.1", port, timeout=30)
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            probe.run("a@contoso.com", "unused-token")
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    time.sleep(0.5)
    began = time.perf_counter()
    probe.cancel()
    worker.join(5)
    assert not worker.is_alive()
    assert time.perf_counter() - began < 1.5
    assert isinstance(outcome[0], Cancelled)
