"""Every message the technician reads about an error or a warning, in the UI language.

One place: for each code of `app.errors.REGISTRY` and `app.errors.WARNINGS` the registry's
English message as a literal `QCoreApplication.translate("Messages", "…")` call, so
pyside6-lupdate extracts it (a helper wrapping translate() would hide the strings:
../shared/facts/qt.md) and the Italian lives in resources/i18n/ui_it.ts. The English source
equals the registry's message (tests/ui/test_messages.py checks it), so the registry stays the
one source of meaning; the placeholders are the registry's, filled from the error's `details`
(a missing one stays visible), and the device's own words (`error.detail`) follow in brackets,
as `WizardError.text` does.

Warning events carry only their code and the English text (`app/flow/setup.py`), so the
details are read back out of that text with the registry's template; a text that does not fit
the template is shown as it came.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication


def error_templates() -> dict[str, str]:
    """code → the message of each registry error, translated into the UI language."""
    return {
        "invalid_address": QCoreApplication.translate(
            "Messages",
            "This is not a printer address. Type an IPv4 address (192.168.1.20), an IPv6 address "
            "or a host name, as shown on the printer's panel.",
        ),
        "config_invalid": QCoreApplication.translate(
            "Messages",
            "A setting could not be read ({setting}). Correct it in config.toml or the "
            "environment variable, or delete the line to use the default.",
        ),
        "unreachable": QCoreApplication.translate(
            "Messages",
            "The printer does not answer at {address}. Check that it is switched on, connected to "
            "this network, and that the address matches the one on its panel.",
        ),
        "tls_failed": QCoreApplication.translate(
            "Messages",
            "A secure connection to the printer could not be set up. Check the address, then "
            "restart the printer and try again.",
        ),
        "certificate_untrusted": QCoreApplication.translate(
            "Messages",
            "The printer's certificate is not trusted yet (fingerprint {fingerprint}). Compare it "
            "with the one on the printer's network status sheet, then trust it.",
        ),
        "certificate_changed": QCoreApplication.translate(
            "Messages",
            "The printer's certificate has changed since it was trusted (was {old}, now {new}). "
            "Stop unless you know the certificate was renewed; then trust the new one explicitly.",
        ),
        "wrong_password": QCoreApplication.translate(
            "Messages",
            "The printer refused the administrator password. Try the serial number on the "
            "printer's label, or the password the customer set.",
        ),
        "locked_out": QCoreApplication.translate(
            "Messages",
            "The printer is refusing logins for a while after several wrong passwords. Wait a few "
            "minutes, then try again with the right password.",
        ),
        "session_expired": QCoreApplication.translate(
            "Messages",
            "The printer ended the administrator session and logging in again did not help. Check "
            "that nobody else is using Web Config, then start again.",
        ),
        "oauth2_unsupported": QCoreApplication.translate(
            "Messages",
            "This printer's firmware does not offer OAuth2 for email. Update the firmware to the "
            "latest version, then run the wizard again.",
        ),
        "additional_network": QCoreApplication.translate(
            "Messages",
            "The printer is reached through its additional network interface, which does not "
            "support OAuth2. Connect to the printer's standard network interface instead.",
        ),
        "unsupported_page": QCoreApplication.translate(
            "Messages",
            "A page of the printer's Web Config could not be understood ({page}). Try once more; "
            "if it happens again, set OAuth2 up by hand in Web Config and send the log folder to "
            "support.",
        ),
        "not_configured": QCoreApplication.translate(
            "Messages",
            "This printer does not use OAuth2 yet, so there is no sign-in to renew. Run the full "
            "setup instead.",
        ),
        "fax_unsupported": QCoreApplication.translate(
            "Messages",
            "This printer has no fax-server email settings; its email settings were configured "
            "and verified. Nothing else needs doing for fax.",
        ),
        "commit_failed": QCoreApplication.translate(
            "Messages",
            "The printer did not save the settings; its previous settings were put back. Wait "
            "until the printer is ready, then sign it in again and save.",
        ),
        "verify_mismatch": QCoreApplication.translate(
            "Messages",
            "After saving, the printer shows other settings than those written ({field}); the "
            "previous settings were put back. Update the firmware, then try again.",
        ),
        "connection_test_failed": QCoreApplication.translate(
            "Messages",
            "The settings are saved and correct, but the printer's connection test to Microsoft "
            "failed. Check the printer's DNS, gateway and internet access (port 587).",
        ),
        "sign_in_declined": QCoreApplication.translate(
            "Messages",
            "The sign-in was declined in the browser. Get a new code and sign in again, accepting "
            "the permissions.",
        ),
        "sign_in_blocked": QCoreApplication.translate(
            "Messages",
            "Microsoft blocked the sign-in, most likely a Conditional Access policy on device "
            "code sign-ins (AADSTS53003). Ask the tenant administrator to allow it for this "
            "account.",
        ),
        "consent_required": QCoreApplication.translate(
            "Messages",
            "The organisation has not consented to Epson's app yet. Sign in as a Global "
            "Administrator or Cloud Application Administrator and tick 'Consent on behalf of your "
            "organization'.",
        ),
        "code_expired": QCoreApplication.translate(
            "Messages",
            "The sign-in code expired before it was used. Get a new code and sign in promptly.",
        ),
        "sign_in_failed": QCoreApplication.translate(
            "Messages",
            "The printer reports that the sign-in did not succeed. Read the printer's message "
            "below, then get a new code and try again.",
        ),
        "cancelled": QCoreApplication.translate(
            "Messages",
            "Cancelled. The printer's settings are as they were before.",
        ),
        "cancelled_after_save": QCoreApplication.translate(
            "Messages",
            "Cancelled after the new settings were saved and verified: the printer keeps them, "
            "and nothing after them was left half-done. Send a test scan to check that email "
            "works.",
        ),
        "no_client_id": QCoreApplication.translate(
            "Messages",
            "The mailbox check needs an application (client) ID registered in the customer's "
            "tenant. The help explains how to register one; the printer setup works without it.",
        ),
        "app_not_found": QCoreApplication.translate(
            "Messages",
            "Microsoft does not know the configured application ID in this directory "
            "(AADSTS700016). Check the client ID and the authority.",
        ),
        "public_client_disabled": QCoreApplication.translate(
            "Messages",
            "The app registration does not allow public client flows (AADSTS7000218). Turn on "
            "'Allow public client flows' in its Authentication settings.",
        ),
        "account_type_mismatch": QCoreApplication.translate(
            "Messages",
            "The account type does not fit the chosen service (a personal account for Exchange "
            "Online, or a work account for Outlook.com). Choose the other service or account.",
        ),
        "mfa_required": QCoreApplication.translate(
            "Messages",
            "The account must complete multi-factor authentication, or register for it, before it "
            "can sign in. Finish that in the browser, then check again.",
        ),
        "user_not_assigned": QCoreApplication.translate(
            "Messages",
            "The account is not assigned to the application (AADSTS50105). Assign it in "
            "Enterprise applications, or turn off 'Assignment required'.",
        ),
        "smtp_auth_disabled_tenant": QCoreApplication.translate(
            "Messages",
            "SMTP AUTH is turned off for the whole organisation. Turn on 'Authenticated SMTP' for "
            "this mailbox (preferred) or for the tenant, then check again.",
        ),
        "smtp_auth_disabled_mailbox": QCoreApplication.translate(
            "Messages",
            "SMTP AUTH is turned off for this mailbox. Turn on 'Authenticated SMTP' in the "
            "mailbox's email apps, then check again.",
        ),
        "security_defaults": QCoreApplication.translate(
            "Messages",
            "The tenant's security defaults block SMTP AUTH. Turn security defaults off (or move "
            "to Conditional Access) in the Entra admin center, then check again.",
        ),
        "mfa_or_policy": QCoreApplication.translate(
            "Messages",
            "Microsoft refused SMTP authentication for this account because of multi-factor or "
            "Conditional Access rules. Ask the tenant administrator to exclude it.",
        ),
        "token_rejected": QCoreApplication.translate(
            "Messages",
            "Microsoft's mail server refused the sign-in (5.7.3). Sign in as a licensed user "
            "mailbox, not a shared one, and with the same address as the sender.",
        ),
        "send_as_denied": QCoreApplication.translate(
            "Messages",
            "The signed-in account may not send as the sender address (5.7.60). Give it 'Send As' "
            "permission on that mailbox, or use its own address as sender.",
        ),
        "token_expired_idle": QCoreApplication.translate(
            "Messages",
            "The sign-in expired because it was not used for 90 days (AADSTS700082). Sign in "
            "again.",
        ),
        "identity_unavailable": QCoreApplication.translate(
            "Messages",
            "Microsoft's sign-in service could not be reached or answered with an error. Check "
            "this laptop's internet connection, then try again.",
        ),
        "smtp_unreachable": QCoreApplication.translate(
            "Messages",
            "Microsoft's mail server could not be reached from this laptop, or the secure "
            "connection to it failed. Check that this network lets connections out on port 587, "
            "then check again.",
        ),
        "mailbox_check_failed": QCoreApplication.translate(
            "Messages",
            "Microsoft answered the mailbox check in a way this wizard does not recognise. Show "
            "Microsoft's answer below to the tenant administrator.",
        ),
        "internal_error": QCoreApplication.translate(
            "Messages",
            "Something unexpected went wrong ({reason}). The wizard undid the printer changes "
            "it had not verified. Check the printer's status, start again, and if it happens "
            "again send the wizard's log file to support.",
        ),
    }


def warning_templates() -> dict[str, str]:
    """code → the message of each warning, translated into the UI language."""
    return {
        "no_dns": QCoreApplication.translate(
            "Messages",
            "The printer has no DNS server set, so it cannot find Microsoft's servers. Set one in "
            "its network settings (the office router's address usually works).",
        ),
        "no_gateway": QCoreApplication.translate(
            "Messages",
            "The printer has no default gateway, so it cannot reach the internet. Set the gateway "
            "in its network settings.",
        ),
        "connection_test_unknown": QCoreApplication.translate(
            "Messages",
            "The printer's connection test is not available or its result was not recognised. "
            "Send a test scan to email to be sure.",
        ),
        "sender_needs_send_as": QCoreApplication.translate(
            "Messages",
            "The sender address {sender} differs from the signed-in account {account}: that "
            "account needs 'Send As' permission on the sender's mailbox.",
        ),
        "mailbox_differs": QCoreApplication.translate(
            "Messages",
            "The mailbox check signed in as {checked}, but the printer signed in as {account}: "
            "the check says nothing about {account}. Check that mailbox too, or sign the printer "
            "in as {checked}.",
        ),
    }


class _Missing(dict[str, Any]):
    """Leaves a placeholder visible instead of raising when a detail was not supplied."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, details: Mapping[str, Any], detail: str = "") -> str:
    """`template` with `details` filled in and the device's own words in brackets."""
    base = template.format_map(_Missing(details))
    return f"{base} ({detail})" if detail else base


def error_text(error: Any) -> str:
    """The message for `error` (a `WizardError`) in the UI language."""
    template = error_templates().get(error.code)
    if template is None:
        return str(error.text)
    details = dict(getattr(error, "details", None) or {})
    return fill(template, details, str(getattr(error, "detail", "") or ""))


def warning_text(fields: Mapping[str, Any]) -> str:
    """The message of a `warning` event in the UI language, from its code and details; the
    event's English message when the code is unknown here."""
    code = str(fields.get("code", ""))
    template = warning_templates().get(code) or error_templates().get(code)
    if template is None:
        return str(fields.get("message", ""))
    return fill(template, fields.get("details") or {}, str(fields.get("detail") or ""))
