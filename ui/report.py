"""The customer's report: what the printer reports now, as a small self-contained HTML page.

Built from the flow's `status` event and warnings only, which never carry a secret (no
password, token or code). Texts are translated here with the literal context "Report".
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from ui import messages


def rows(status: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(caption, value) lines of the status, translated, in reading order."""
    yes, no = (
        QCoreApplication.translate("Report", "Yes"),
        QCoreApplication.translate("Report", "No"),
    )
    methods = {
        "oauth2": QCoreApplication.translate("Report", "OAuth 2.0"),
        "smtp_auth": QCoreApplication.translate("Report", "SMTP authentication (password)"),
        "pop_before_smtp": QCoreApplication.translate("Report", "POP before SMTP"),
        "off": QCoreApplication.translate("Report", "Off"),
    }
    services = {
        "exchange": QCoreApplication.translate("Report", "Microsoft Exchange Online"),
        "outlook": QCoreApplication.translate("Report", "Outlook.com"),
    }
    security = {
        "none": QCoreApplication.translate("Report", "None"),
        "ssl_tls": QCoreApplication.translate("Report", "SSL/TLS"),
        "starttls": QCoreApplication.translate("Report", "STARTTLS"),
    }
    tests = {
        "ok": QCoreApplication.translate("Report", "Passed"),
        "failed": QCoreApplication.translate("Report", "Failed"),
    }
    unknown = QCoreApplication.translate("Report", "—")

    def pick(table: Mapping[str, str], key: Any) -> str:
        return table.get(key, str(key)) if key else unknown

    signed_in = yes if status.get("signed_in") else no
    if status.get("signed_in") and status.get("account"):
        signed_in = QCoreApplication.translate("Report", "Yes, as %1").replace(
            "%1", str(status["account"])
        )
    port = status.get("smtp_port")
    server = str(status.get("smtp_server") or unknown)
    if port:
        server = f"{server}:{port}"
    return [
        (QCoreApplication.translate("Report", "Printer"), str(status.get("model") or unknown)),
        (QCoreApplication.translate("Report", "Firmware"), str(status.get("firmware") or unknown)),
        (
            QCoreApplication.translate("Report", "Authentication"),
            pick(methods, status.get("auth_method")),
        ),
        (
            QCoreApplication.translate("Report", "Email service"),
            pick(services, status.get("service")),
        ),
        (QCoreApplication.translate("Report", "Signed in"), signed_in),
        (QCoreApplication.translate("Report", "Mail server"), server),
        (QCoreApplication.translate("Report", "Security"), pick(security, status.get("security"))),
        (
            QCoreApplication.translate("Report", "Sender address"),
            str(status.get("sender") or unknown),
        ),
        (
            QCoreApplication.translate("Report", "Connection test"),
            tests.get(
                status.get("connection_test") or "",
                QCoreApplication.translate("Report", "Not available"),
            ),
        ),
    ]


def table_html(status: Mapping[str, Any], warnings: Sequence[Mapping[str, Any]] = ()) -> str:
    """The status as an HTML table (no colours: the reader's palette applies)."""
    lines = "".join(
        f"<tr><th align='left' style='padding-right:16px'>{html.escape(caption)}</th>"
        f"<td>{html.escape(value)}</td></tr>"
        for caption, value in rows(status)
    )
    out = f"<table cellspacing='0' cellpadding='3'>{lines}</table>"
    if warnings:
        title = QCoreApplication.translate("Report", "Warnings")
        items = "".join(f"<li>{html.escape(messages.warning_text(w))}</li>" for w in warnings)
        out += f"<h4>{html.escape(title)}</h4><ul>{items}</ul>"
    return out


def document(
    status: Mapping[str, Any],
    warnings: Sequence[Mapping[str, Any]] = (),
    when: datetime | None = None,
) -> str:
    """A standalone HTML page for the customer."""
    moment = (when or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M %Z").strip()
    title = QCoreApplication.translate("Report", "Printer email settings report")
    intro = QCoreApplication.translate("Report", "What the printer reported on %1.").replace(
        "%1", moment
    )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(intro)}</p>"
        f"{table_html(status, warnings)}</body></html>\n"
    )
