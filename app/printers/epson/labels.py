"""The words Epson Web Config shows, by meaning, in the languages we know them in.

Sources (../shared/facts/epson-web-config.md): Epson's manuals for English, Epson's Italian
guide (seed) for the Italian words it uses, guesses marked there for the rest. A device in a
language not listed here still works where labels are not the only clue: option texts such as
"OAuth2", "STARTTLS" and the service names are not translated, and "SMTP" appears in the
server and port labels in every language. A profile file can add phrases for a firmware.

Matching compares whole normalised phrases, never substrings: "Not signed in" contains
"Signed in" and "Accesso non effettuato" contains "Accesso effettuato".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

FIELDS: dict[str, tuple[str, ...]] = {
    "auth_method": ("Authentication Method", "Metodo autenticazione", "Metodo di autenticazione"),
    "service": ("Email Service", "Servizio e-mail", "Servizio email"),
    "account": ("Authenticated Account", "Account autenticato"),
    "password": ("Authenticated Password", "Password autenticata"),
    "sender": (
        "Sender's Email Address",
        "Sender Email Address",
        "Indirizzo e-mail mittente",
        "Indirizzo email mittente",
    ),
    "smtp_server": ("SMTP Server Address", "Indirizzo server SMTP"),
    "smtp_port": ("SMTP Server Port Number", "Numero porta server SMTP"),
    "security": ("Secure Connection", "Connessione protetta"),
    "cert_validation": ("Certificate Validation", "Convalida certificato"),
    "pop3_server": ("POP3 Server Address", "Indirizzo server POP3"),
    "pop3_port": ("POP3 Server Port Number", "Numero porta server POP3"),
    "state": ("Current Status", "Stato corrente"),
}

STATUS: dict[str, tuple[str, ...]] = {
    "model": ("Product Name", "Model", "Nome prodotto", "Modello"),
    "firmware": ("Firmware Version", "Firmware", "Versione firmware"),
    "serial": ("Serial Number", "Numero di serie"),
    "mac": ("MAC Address", "Indirizzo MAC"),
    "device_name": ("Device Name", "Printer Name", "Nome dispositivo", "Nome stampante"),
    "ip_address": ("IP Address", "IPv4 Address", "Indirizzo IP", "Indirizzo IPv4"),
    "gateway": ("Default Gateway", "Gateway", "Gateway predefinito"),
    "dns": (
        "DNS Server",
        "Primary DNS Server",
        "Secondary DNS Server",
        "Server DNS",
        "Server DNS primario",
        "Server DNS secondario",
    ),
    "interface": ("Network Interface", "Interface", "Interfaccia di rete", "Interfaccia"),
}

INTERFACES: dict[str, tuple[str, ...]] = {
    "standard": ("Standard Network", "Standard", "Rete standard"),
    "additional": ("Additional Network", "Additional", "Rete aggiuntiva"),
}

LOGIN: dict[str, tuple[str, ...]] = {
    "user": ("User Name", "Nome utente", "Administrator Name", "Nome amministratore"),
    "log_in": (
        "Log in",
        "Login",
        "Administrator Login",
        "Administrator Log in",
        "Accedi",
        "Accesso amministratore",
    ),
}

OPTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "auth_method": {
        "off": ("Off", "Disattiva", "Disattivato", "None", "Nessuno"),
        "smtp_auth": ("SMTP AUTH", "SMTP-AUTH"),
        "pop_before_smtp": ("POP before SMTP", "POP prima di SMTP"),
        "oauth2": ("OAuth2", "OAuth 2.0", "OAuth"),
    },
    "service": {
        "exchange": ("Microsoft Exchange Online", "Exchange Online"),
        "outlook": ("Outlook.com",),
    },
    "security": {
        "none": ("None", "Nessuna", "Nessuno", "Off"),
        "ssl_tls": ("SSL/TLS", "SSL", "TLS"),
        "starttls": ("STARTTLS",),
    },
}

MENU: dict[str, tuple[str, ...]] = {
    "network": ("Network", "Rete"),
    "email_server": ("Email Server", "Server e-mail", "Server email"),
    "basic": ("Basic", "Di base"),
    "connection_test": ("Connection Test", "Test di connessione", "Test connessione"),
    "fax": ("Fax",),
    "fax_server": ("Fax Server", "Server fax"),
    "fax_email": ("Email Server Settings", "Impostazioni server e-mail"),
}

BUTTONS: dict[str, tuple[str, ...]] = {
    "sign_in": ("Sign In", "Sign-In", "Accedi"),
    "sign_in_microsoft": ("Sign in with Microsoft", "Accedi con Microsoft"),
    "ok": ("OK", "Apply", "Applica"),
    "start": ("Start", "Test", "Avvia", "Esegui"),
}

STATES: dict[str, tuple[str, ...]] = {
    "not_signed_in": ("Not signed in", "Accesso non effettuato", "Signed out"),
    "signed_in": ("Signed in", "Accesso effettuato"),
    "declined": ("Sign-in declined", "Declined", "Accesso rifiutato"),
    "blocked": ("Sign-in blocked", "Blocked", "Accesso bloccato"),
    "expired": ("Expired", "Scaduto", "Sign-in expired", "Accesso scaduto"),
    "pending": ("Waiting for sign-in", "In attesa di accesso", "Signing in"),
    "error": ("Sign-in error", "Sign-in failed", "Error", "Errore di accesso", "Errore"),
}
"""Negative phrases first: the first whole-phrase match decides."""

ANSWERS: dict[str, tuple[str, ...]] = {
    "setup_complete": (
        "Setup complete.",
        "Impostazione completata.",
        "Einrichtung ist abgeschlossen.",
    ),
    "wrong_password": ("Incorrect user name or password", "Password errata"),
    "locked_out": ("Try again later.", "Riprovare più tardi."),
    "restarting": ("Shutting down", "Arresto in corso"),
    "refused": (
        "Setup failed",
        "not applied",
        "Error",
        "Impostazione non riuscita",
        "non sono state applicate",
        "Errore",
    ),
}


def normalize(text: str | None) -> str:
    """A label as compared: decorations (`&nbsp;:`, trailing colons, stars, spacing) removed."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    folded = re.sub(r"\s+", " ", folded).strip()
    # str.strip rather than anchored patterns: `[:*]+$` retries from every colon of a long
    # run that does not end the text, a stall on a hostile page.
    return folded.rstrip(" :：*").lstrip(" *").casefold()


def meaning_of(text: str | None, table: Mapping[str, Iterable[str]]) -> str | None:
    """The meaning whose phrase equals `text` (normalised); None if no phrase does."""
    wanted = normalize(text)
    if not wanted:
        return None
    return _index(table).get(wanted)


_INDEXES: dict[int, tuple[Mapping[str, Iterable[str]], dict[str, str]]] = {}
_MAX_INDEXES = 64


def _index(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Normalised phrase → meaning for `table`, built once per table: a page of thousands of
    labels would otherwise normalise every phrase of the table for each of them. The first
    meaning listed wins a phrase, as a search in table order would."""
    known = _INDEXES.get(id(table))
    if known is not None and known[0] is table:
        return known[1]
    index: dict[str, str] = {}
    for meaning, phrases in table.items():
        for phrase in phrases:
            index.setdefault(normalize(phrase), meaning)
    if len(_INDEXES) >= _MAX_INDEXES:
        _INDEXES.clear()  # profiles' tables are made per read; keep the cache small
    _INDEXES[id(table)] = (table, index)
    return index


def contains_phrase(text: str | None, phrases: Iterable[str]) -> bool:
    """Whether one of the phrases stands in `text` as whole words (for page answers)."""
    haystack = f" {normalize(text)} "
    for phrase in phrases:
        needle = normalize(phrase)
        if needle and re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack):
            return True
    return False
