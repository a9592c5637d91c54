"""What the simulated printer stores for one email-server page, language-neutral.

The same record serves the Email Server page and the fax server's one; the firmware holds
the OAuth tokens next to it, and `snapshot()` gives tests the "field by field" view without
any secret in it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from app.simulator.models import Model


@dataclass
class MailSettings:
    auth_method: str = "smtp_auth"
    service: str = "exchange"
    """The Email Service field; meaningful only with OAuth2 (the snapshot says None otherwise)."""
    auth_account: str = ""
    password: str = field(default="", repr=False)
    sender: str = ""
    smtp_server: str = ""
    smtp_port: int = 587
    security: str = "starttls"
    cert_validation: bool = True
    pop3_server: str = ""
    pop3_port: int = 110
    signed_in: bool = False
    oauth_account: str | None = None
    access_token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)

    def copy(self) -> MailSettings:
        return dataclasses.replace(self)

    def signed_out(self) -> MailSettings:
        return dataclasses.replace(
            self, signed_in=False, oauth_account=None, access_token=None, refresh_token=None
        )

    def snapshot(self) -> dict[str, Any]:
        """The stored values a status would report; `account` is the one mail is sent as."""
        oauth2 = self.auth_method == "oauth2"
        return {
            "auth_method": self.auth_method,
            "service": self.service if oauth2 else None,
            "signed_in": oauth2 and self.signed_in,
            "account": self.oauth_account if oauth2 else self.auth_account,
            "auth_account": self.auth_account,
            "has_password": bool(self.password),
            "smtp_server": self.smtp_server,
            "smtp_port": self.smtp_port,
            "security": self.security,
            "cert_validation": self.cert_validation,
            "sender": self.sender,
            "pop3_server": self.pop3_server,
            "pop3_port": self.pop3_port,
        }


def factory_email(model: Model) -> MailSettings:
    """What technicians find: SMTP AUTH with an old account and its password stored."""
    if model.consumer_login:
        return MailSettings(
            auth_method="smtp_auth",
            service="outlook",
            auth_account="rossi.family@outlook.com",
            password="Estate2019!",  # noqa: S106 - the simulated device's stored password
            sender="rossi.family@outlook.com",
            smtp_server="smtp-mail.outlook.com",
        )
    return MailSettings(
        auth_method="smtp_auth",
        auth_account="scanner@contoso.com",
        password="Scanner2021",  # noqa: S106 - the simulated device's stored password
        sender="scanner@contoso.com",
        smtp_server="smtp.office365.com",
        pop3_server="outlook.office365.com",
        pop3_port=995,
    )


def factory_fax() -> MailSettings:
    """The fax server's own mail settings, also on SMTP AUTH with a password."""
    return MailSettings(
        auth_method="smtp_auth",
        auth_account="fax@contoso.com",
        password="FaxSend2020",  # noqa: S106 - the simulated device's stored password
        sender="fax@contoso.com",
        smtp_server="smtp.office365.com",
    )
