"""The SMTP probe of the mailbox check: can this account send through Microsoft with OAuth2?

Exactly what a printer will do, short of sending: connect to the submission port, STARTTLS
(certificate and host name verified, against the given CA file or the system's trust), EHLO,
`AUTH XOAUTH2` with the access token — success is `235` — then `MAIL FROM:<account>` to meet
a send-as refusal (5.7.60), `RSET` and `QUIT`. No mail is sent unless the caller passes a
recipient the user typed; only then `RCPT TO` that one address and `DATA` a short text.

Every socket operation has the timeout given; every failure is a registry error
(`app.microsoft.catalogue`). `cancel()`, from any thread, shuts the socket down so a blocked
read returns at once. The token is only ever sent inside TLS and never appears in errors.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import email.utils
import smtplib
import socket
import ssl
import threading
from dataclasses import dataclass
from email.message import EmailMessage

from app import errors
from app.microsoft import catalogue

DEFAULT_TIMEOUT = 20.0
TEST_SUBJECT = "Printer OAuth Wizard: test message"


@dataclass(frozen=True)
class ProbeResult:
    account: str
    auth_reply: str
    """The server's answer to AUTH (`235 2.7.0 Authentication successful`)."""
    test_message_to: str | None = None
    """The recipient of the test message, when one was sent."""


def xoauth2(account: str, access_token: str) -> str:
    """The XOAUTH2 initial response: base64 of `user=…^Aauth=Bearer …^A^A`."""
    raw = f"user={account}\x01auth=Bearer {access_token}\x01\x01"
    return base64.b64encode(raw.encode("utf-8")).decode("ascii")


def tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """Verifying context: the CA file when given, else the system's trust (certifi if the
    system store is empty, as in some frozen builds)."""
    context = ssl.create_default_context(cafile=ca_file or None)
    if not ca_file and not context.get_ca_certs():
        with contextlib.suppress(ImportError):
            import certifi

            context.load_verify_locations(cafile=certifi.where())
    return context


def parse_server(text: str, default_port: int = 587) -> tuple[str, int]:
    """`host:port`, `host` or `[v6]:port` → (host, port); ValueError when malformed."""
    text = text.strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        has_port, port_text = rest.startswith(":"), rest[1:]
        if rest and not has_port:
            raise ValueError(f"not a server address: {text!r}")
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
        has_port = True
    else:
        host, port_text, has_port = text, "", False
    if not host or any(ch.isspace() for ch in host):
        raise ValueError(f"not a server address: {text!r}")
    port = int(port_text) if has_port else default_port
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return host, port


class _SMTP(smtplib.SMTP):
    """Made without connecting, so that `cancel()` can reach it from the start; STARTTLS
    verifies the certificate against `_host`, which smtplib sets only when the constructor
    connects."""

    def __init__(self, host: str, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self._host = host


class SmtpProbe:
    """One probe; `run` blocks (worker thread), `cancel` may come from any thread."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        ca_file: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.host = host
        self.port = port
        self.ca_file = ca_file
        self.timeout = timeout
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._smtp: smtplib.SMTP | None = None
        self._stage = ""

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"

    def cancel(self) -> None:
        self._stop.set()
        with self._lock:
            sock = self._smtp.sock if self._smtp is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                # The plain socket's shutdown, also under TLS: SSLSocket.shutdown would drop
                # its SSL object under the feet of a thread reading from it.
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def run(
        self, account: str, access_token: str, *, test_recipient: str | None = None
    ) -> ProbeResult:
        """The conversation (module docstring); blocks, each step within `timeout`."""
        secrets = (access_token, xoauth2(account, access_token))
        smtp = _SMTP(self.host, timeout=self.timeout)
        with self._lock:
            self._smtp = smtp
        self._stage = "connect"
        try:
            return self._converse(smtp, account, secrets, test_recipient)
        except errors.WizardError:
            if self._stop.is_set():
                raise errors.Cancelled() from None
            raise
        except smtplib.SMTPResponseException as exc:
            if self._stop.is_set():
                raise errors.Cancelled() from None
            raise catalogue.smtp_error(exc.smtp_code, exc.smtp_error, secrets) from None
        except (smtplib.SMTPException, OSError, ValueError) as exc:
            # OSError covers refused, unreachable, timeouts and ssl.SSLError (verification).
            if self._stop.is_set():
                raise errors.Cancelled() from None
            raise catalogue.smtp_unreachable(f"{self.server} {self._stage}", exc) from None
        finally:
            with self._lock:
                self._smtp = None
            smtp.close()

    def _converse(
        self,
        smtp: smtplib.SMTP,
        account: str,
        secrets: tuple[str, str],
        test_recipient: str | None,
    ) -> ProbeResult:
        self._check_stop()
        smtp.connect(self.host, self.port)
        self._step("EHLO")
        smtp.ehlo()
        if not smtp.has_extn("starttls"):
            raise errors.MailboxCheckFailed(
                f"{self.server} offers no STARTTLS; the token is never sent unencrypted"
            )
        self._step("STARTTLS")
        smtp.starttls(context=tls_context(self.ca_file))
        self._step("EHLO")
        smtp.ehlo()
        mechanisms = smtp.esmtp_features.get("auth", "").upper().split()
        if "XOAUTH2" not in mechanisms:
            offered = " ".join(mechanisms) or "no AUTH"
            raise errors.MailboxCheckFailed(
                f"{self.server} does not offer AUTH XOAUTH2 (offers: {offered})"
            )
        self._step("AUTH")
        code, reply = smtp.docmd("AUTH", "XOAUTH2 " + secrets[1])
        if code == 334:  # an error challenge: answer empty to get the final reply
            code, reply = smtp.docmd("")
        if code != 235:
            raise catalogue.smtp_error(code, reply, secrets)
        auth_reply = _text(code, reply)
        self._step("MAIL FROM")
        code, reply = smtp.mail(account)
        if code != 250:
            raise catalogue.smtp_error(code, reply, secrets)
        if test_recipient:
            self._step("RCPT TO")
            self._send_test(smtp, account, test_recipient, secrets)
        else:
            self._step("RSET")
            smtp.rset()
        self._stage = "QUIT"
        with contextlib.suppress(smtplib.SMTPException, OSError):
            smtp.quit()
        return ProbeResult(account, auth_reply, test_recipient or None)

    def _step(self, stage: str) -> None:
        self._check_stop()
        self._stage = stage

    def _send_test(
        self, smtp: smtplib.SMTP, account: str, recipient: str, secrets: tuple[str, ...]
    ) -> None:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            raise catalogue.smtp_error(code, reply, secrets)
        message = EmailMessage()
        message["From"] = account
        message["To"] = recipient
        message["Subject"] = TEST_SUBJECT
        message["Date"] = email.utils.format_datetime(datetime.datetime.now(datetime.UTC))
        message["Message-ID"] = email.utils.make_msgid(domain=account.rpartition("@")[2] or None)
        message.set_content(
            f"This test message was sent by Printer OAuth Wizard as {account}, with OAuth 2.0, "
            "to check that this mailbox can send through Microsoft.\n"
        )
        self._stage = "DATA"
        code, reply = smtp.data(message.as_bytes())
        if code != 250:
            raise catalogue.smtp_error(code, reply, secrets)

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise errors.Cancelled()


def _text(code: int, reply: bytes) -> str:
    return f"{code} {reply.decode('utf-8', 'replace')}".strip()
