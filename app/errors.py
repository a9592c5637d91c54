"""The one registry of error codes.

Every failure the technician can meet is a subclass of `WizardError` with a stable `code`
(used in JSON events, help topic file names and tests), the exit status of the command line,
a help topic and a one-line English message that says what happened and what to do. The GUI
turns codes into translated text in one place; nothing else invents error wording.

New codes go here first: a class with its code, exit status and message.
"""

from __future__ import annotations

from typing import Any, ClassVar

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2
EXIT_UNREACHABLE = 3
EXIT_LOGIN = 4
EXIT_SIGN_IN = 5
EXIT_DEVICE = 6
EXIT_MAILBOX = 7
EXIT_CANCELLED = 8

REGISTRY: dict[str, type[WizardError]] = {}


class _Missing(dict[str, Any]):
    """Leaves a placeholder visible instead of raising when a detail was not supplied."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class WizardError(Exception):
    """Base of every error the product reports; subclasses register themselves by code.

    `details` carries the facts a message needs (the device's own text, a fingerprint). They
    must never hold a secret: errors end up in logs and reports.
    """

    code: ClassVar[str] = ""
    exit_status: ClassVar[int] = EXIT_DEVICE
    message: ClassVar[str] = ""
    restores: ClassVar[bool] = True
    """Whether this failure, after the first write, makes the flow restore the device."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.code:
            raise TypeError(f"{cls.__name__} needs a code")
        if cls.code in REGISTRY:
            raise TypeError(f"error code {cls.code!r} registered twice")
        REGISTRY[cls.code] = cls

    def __init__(self, detail: str = "", **details: Any) -> None:
        self.detail = detail
        self.details = details
        self.rollback_errors: list[BaseException] = []
        super().__init__(self.text)

    @property
    def message_key(self) -> str:
        """Key of the translated one-line message; the GUI looks texts up by it."""
        return f"error.{self.code}"

    @property
    def help_topic(self) -> str:
        """Every code has a help page of the same name in every language."""
        return self.code

    @property
    def text(self) -> str:
        """The English message with its details filled in, and the device's own words if any."""
        base = self.message.format_map(_Missing(self.details))
        return f"{base} ({self.detail})" if self.detail else base

    def as_warning(self) -> dict[str, Any]:
        """The fields of a `warning` event for a failure the run gets over by itself (an expired
        code, a new one follows): shaped like `WarningCode.event`, plus the device's words."""
        fields = {
            "code": self.code,
            "message": self.text,
            "help_topic": self.help_topic,
            "details": dict(self.details),
        }
        return {**fields, "detail": self.detail} if self.detail else fields


def lookup(code: str) -> type[WizardError]:
    """The class registered for `code`; KeyError for an unknown one."""
    return REGISTRY[code]


# --- bad input (exit 2) -------------------------------------------------------------------


class InvalidAddress(WizardError):
    code = "invalid_address"
    exit_status = EXIT_INPUT
    message = (
        "This is not a printer address. Type an IPv4 address (192.168.1.20), an IPv6 address "
        "or a host name, as shown on the printer's panel."
    )


class ConfigInvalid(WizardError):
    code = "config_invalid"
    exit_status = EXIT_INPUT
    message = (
        "A setting could not be read ({setting}). Correct it in config.toml or the environment "
        "variable, or delete the line to use the default."
    )


# --- reaching the device and trusting it (exit 3) -----------------------------------------


class Unreachable(WizardError):
    code = "unreachable"
    exit_status = EXIT_UNREACHABLE
    message = (
        "The printer does not answer at {address}. Check that it is switched on, connected to "
        "this network, and that the address matches the one on its panel."
    )


class TlsFailed(WizardError):
    code = "tls_failed"
    exit_status = EXIT_UNREACHABLE
    message = (
        "A secure connection to the printer could not be set up. Check the address, then "
        "restart the printer and try again."
    )


class CertificateUntrusted(WizardError):
    code = "certificate_untrusted"
    exit_status = EXIT_UNREACHABLE
    message = (
        "The printer's certificate is not trusted yet (fingerprint {fingerprint}). Compare it "
        "with the one on the printer's network status sheet, then trust it."
    )


class CertificateChanged(WizardError):
    code = "certificate_changed"
    exit_status = EXIT_UNREACHABLE
    message = (
        "The printer's certificate has changed since it was trusted (was {old}, now {new}). "
        "Stop unless you know the certificate was renewed; then trust the new one explicitly."
    )


# --- logging in (exit 4) ------------------------------------------------------------------


class WrongPassword(WizardError):
    code = "wrong_password"
    exit_status = EXIT_LOGIN
    message = (
        "The printer refused the administrator password. Try the serial number on the "
        "printer's label, or the password the customer set."
    )


class LockedOut(WizardError):
    code = "locked_out"
    exit_status = EXIT_LOGIN
    message = (
        "The printer is refusing logins for a while after several wrong passwords. Wait a few "
        "minutes, then try again with the right password."
    )


class SessionExpired(WizardError):
    code = "session_expired"
    exit_status = EXIT_LOGIN
    message = (
        "The printer ended the administrator session and logging in again did not help. "
        "Check that nobody else is using Web Config, then start again."
    )


# --- the device's features and pages (exit 6) ---------------------------------------------


class OAuth2Unsupported(WizardError):
    code = "oauth2_unsupported"
    exit_status = EXIT_DEVICE
    message = (
        "This printer's firmware does not offer OAuth2 for email. Update the firmware to the "
        "latest version, then run the wizard again."
    )


class AdditionalNetwork(WizardError):
    code = "additional_network"
    exit_status = EXIT_DEVICE
    message = (
        "The printer is reached through its additional network interface, which does not "
        "support OAuth2. Connect to the printer's standard network interface instead."
    )


class UnsupportedPage(WizardError):
    code = "unsupported_page"
    exit_status = EXIT_DEVICE
    message = (
        "A page of the printer's Web Config could not be understood ({page}). Try once more; if "
        "it happens again, set OAuth2 up by hand in Web Config and send the log folder to support."
    )


class NotConfigured(WizardError):
    code = "not_configured"
    exit_status = EXIT_DEVICE
    message = (
        "This printer does not use OAuth2 yet, so there is no sign-in to renew. Run the full "
        "setup instead."
    )


class FaxUnsupported(WizardError):
    code = "fax_unsupported"
    exit_status = EXIT_DEVICE
    message = (
        "This printer has no fax-server email settings; its email settings were configured "
        "and verified. Nothing else needs doing for fax."
    )


class CommitFailed(WizardError):
    code = "commit_failed"
    exit_status = EXIT_DEVICE
    message = (
        "The printer did not save the settings; its previous settings were put back. Wait "
        "until the printer is ready, then sign it in again and save."
    )


class VerifyMismatch(WizardError):
    code = "verify_mismatch"
    exit_status = EXIT_DEVICE
    message = (
        "After saving, the printer shows other settings than those written ({field}); the "
        "previous settings were put back. Update the firmware, then try again."
    )


class ConnectionTestFailed(WizardError):
    code = "connection_test_failed"
    exit_status = EXIT_DEVICE
    restores = False
    message = (
        "The settings are saved and correct, but the printer's connection test to Microsoft "
        "failed. Check the printer's DNS, gateway and internet access (port 587)."
    )


# --- the device's sign-in with Microsoft (exit 5) -----------------------------------------


class SignInDeclined(WizardError):
    code = "sign_in_declined"
    exit_status = EXIT_SIGN_IN
    message = (
        "The sign-in was declined in the browser. Get a new code and sign in again, accepting "
        "the permissions."
    )


class SignInBlocked(WizardError):
    code = "sign_in_blocked"
    exit_status = EXIT_SIGN_IN
    message = (
        "Microsoft blocked the sign-in, most likely a Conditional Access policy on device code "
        "sign-ins (AADSTS53003). Ask the tenant administrator to allow it for this account."
    )


class ConsentRequired(WizardError):
    code = "consent_required"
    exit_status = EXIT_SIGN_IN
    message = (
        "The organisation has not consented to Epson's app yet. Sign in as a Global "
        "Administrator or Cloud Application Administrator and tick 'Consent on behalf of your "
        "organization'."
    )


class CodeExpired(WizardError):
    code = "code_expired"
    exit_status = EXIT_SIGN_IN
    message = "The sign-in code expired before it was used. Get a new code and sign in promptly."


class SignInFailed(WizardError):
    code = "sign_in_failed"
    exit_status = EXIT_SIGN_IN
    message = (
        "The printer reports that the sign-in did not succeed. Read the printer's message "
        "below, then get a new code and try again."
    )


# --- the user (exit 8) --------------------------------------------------------------------


class Cancelled(WizardError):
    code = "cancelled"
    exit_status = EXIT_CANCELLED
    message = "Cancelled. The printer's settings are as they were before."


class CancelledAfterSave(Cancelled):
    """A cancel once the new settings were saved and verified (during the connection test,
    or the fax server's own transaction): those settings stay, only what came after them is
    put back."""

    code = "cancelled_after_save"
    message = (
        "Cancelled after the new settings were saved and verified: the printer keeps them, and "
        "nothing after them was left half-done. Send a test scan to check that email works."
    )


class InternalError(WizardError):
    """A failure no code foresaw (a bug, or a device answering in a way nothing checks for).
    The flow has already undone its unverified writes, as for any other failure; the full
    traceback goes to the product log only (redacted), never to the screen or standard error.
    """

    code = "internal_error"
    exit_status = EXIT_INTERNAL
    message = (
        "Something unexpected went wrong ({reason}). The wizard undid the printer changes it "
        "had not verified. Check the printer's status, start again, and if it happens again "
        "send the wizard's log file to support."
    )


# --- the mailbox check (exit 7) -----------------------------------------------------------


class NoClientId(WizardError):
    code = "no_client_id"
    exit_status = EXIT_MAILBOX
    message = (
        "The mailbox check needs an application (client) ID registered in the customer's "
        "tenant. The help explains how to register one; the printer setup works without it."
    )


class AppNotFound(WizardError):
    code = "app_not_found"
    exit_status = EXIT_MAILBOX
    message = (
        "Microsoft does not know the configured application ID in this directory "
        "(AADSTS700016). Check the client ID and the authority."
    )


class PublicClientDisabled(WizardError):
    code = "public_client_disabled"
    exit_status = EXIT_MAILBOX
    message = (
        "The app registration does not allow public client flows (AADSTS7000218). Turn on "
        "'Allow public client flows' in its Authentication settings."
    )


class AccountTypeMismatch(WizardError):
    code = "account_type_mismatch"
    exit_status = EXIT_MAILBOX
    message = (
        "The account type does not fit the chosen service (a personal account for Exchange "
        "Online, or a work account for Outlook.com). Choose the other service or account."
    )


class MfaRequired(WizardError):
    code = "mfa_required"
    exit_status = EXIT_MAILBOX
    message = (
        "The account must complete multi-factor authentication, or register for it, before it "
        "can sign in. Finish that in the browser, then check again."
    )


class UserNotAssigned(WizardError):
    code = "user_not_assigned"
    exit_status = EXIT_MAILBOX
    message = (
        "The account is not assigned to the application (AADSTS50105). Assign it in Enterprise "
        "applications, or turn off 'Assignment required'."
    )


class SmtpAuthDisabledTenant(WizardError):
    code = "smtp_auth_disabled_tenant"
    exit_status = EXIT_MAILBOX
    message = (
        "SMTP AUTH is turned off for the whole organisation. Turn on 'Authenticated SMTP' for "
        "this mailbox (preferred) or for the tenant, then check again."
    )


class SmtpAuthDisabledMailbox(WizardError):
    code = "smtp_auth_disabled_mailbox"
    exit_status = EXIT_MAILBOX
    message = (
        "SMTP AUTH is turned off for this mailbox. Turn on 'Authenticated SMTP' in the "
        "mailbox's email apps, then check again."
    )


class SecurityDefaults(WizardError):
    code = "security_defaults"
    exit_status = EXIT_MAILBOX
    message = (
        "The tenant's security defaults block SMTP AUTH. Turn security defaults off (or move "
        "to Conditional Access) in the Entra admin center, then check again."
    )


class MfaOrPolicy(WizardError):
    code = "mfa_or_policy"
    exit_status = EXIT_MAILBOX
    message = (
        "Microsoft refused SMTP authentication for this account because of multi-factor or "
        "Conditional Access rules. Ask the tenant administrator to exclude it."
    )


class TokenRejected(WizardError):
    code = "token_rejected"
    exit_status = EXIT_MAILBOX
    message = (
        "Microsoft's mail server refused the sign-in (5.7.3). Sign in as a licensed user "
        "mailbox, not a shared one, and with the same address as the sender."
    )


class SendAsDenied(WizardError):
    code = "send_as_denied"
    exit_status = EXIT_MAILBOX
    message = (
        "The signed-in account may not send as the sender address (5.7.60). Give it 'Send As' "
        "permission on that mailbox, or use its own address as sender."
    )


class TokenExpiredIdle(WizardError):
    code = "token_expired_idle"
    exit_status = EXIT_MAILBOX
    message = (
        "The sign-in expired because it was not used for 90 days (AADSTS700082). Sign in again."
    )


class IdentityUnavailable(WizardError):
    code = "identity_unavailable"
    exit_status = EXIT_MAILBOX
    message = (
        "Microsoft's sign-in service could not be reached or answered with an error. Check "
        "this laptop's internet connection, then try again."
    )


class SmtpUnreachable(WizardError):
    code = "smtp_unreachable"
    exit_status = EXIT_MAILBOX
    message = (
        "Microsoft's mail server could not be reached from this laptop, or the secure "
        "connection to it failed. Check that this network lets connections out on port 587, "
        "then check again."
    )


class MailboxCheckFailed(WizardError):
    code = "mailbox_check_failed"
    exit_status = EXIT_MAILBOX
    message = (
        "Microsoft answered the mailbox check in a way this wizard does not recognise. Show "
        "Microsoft's answer below to the tenant administrator."
    )


# --- warnings: reported, never a stop -----------------------------------------------------


class WarningCode:
    """A condition worth telling the technician that does not stop the run (exit status 0)."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        WARNINGS[code] = self

    @property
    def help_topic(self) -> str:
        return self.code

    def text(self, **details: Any) -> str:
        return self.message.format_map(_Missing(details))

    def event(self, **details: Any) -> dict[str, Any]:
        """The fields of a `warning` event: the English message for the command line, and the
        details themselves, so that the wizard fills its own language's template."""
        return {
            "code": self.code,
            "message": self.text(**details),
            "help_topic": self.help_topic,
            "details": details,
        }


WARNINGS: dict[str, WarningCode] = {}

NO_DNS = WarningCode(
    "no_dns",
    "The printer has no DNS server set, so it cannot find Microsoft's servers. Set one in its "
    "network settings (the office router's address usually works).",
)
NO_GATEWAY = WarningCode(
    "no_gateway",
    "The printer has no default gateway, so it cannot reach the internet. Set the gateway in "
    "its network settings.",
)
CONNECTION_TEST_UNKNOWN = WarningCode(
    "connection_test_unknown",
    "The printer's connection test is not available or its result was not recognised. Send a "
    "test scan to email to be sure.",
)
SENDER_NEEDS_SEND_AS = WarningCode(
    "sender_needs_send_as",
    "The sender address {sender} differs from the signed-in account {account}: that account "
    "needs 'Send As' permission on the sender's mailbox.",
)
MAILBOX_DIFFERS = WarningCode(
    "mailbox_differs",
    "The mailbox check signed in as {checked}, but the printer signed in as {account}: the "
    "check says nothing about {account}. Check that mailbox too, or sign the printer in as "
    "{checked}.",
)
