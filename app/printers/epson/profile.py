"""Profile files: what a technician or support can pin for a firmware the driver misreads.

The driver finds pages and fields by their labels; a firmware that words them differently, or
a language the label table lacks, can be described in a small TOML file named by the setting
`printer.profile` (environment: PRINTER_OAUTH_PRINTER_PROFILE). Everything is optional:

    [match]
    model = "WF-C5890 Series"        # apply only to this model (as the status page names it)

    [pages]                          # paths of the pages, as in the browser's address bar
    email = "/PRESENTATION/ADVANCED/EMAIL_SERVER/TOP"
    fax = "/PRESENTATION/ADVANCED/FAX_EMAIL_SERVER/TOP"
    connection_test = "/PRESENTATION/ADVANCED/EMAIL_SERVER_TEST/TOP"

    [fields]                         # form field names, by meaning
    auth_method = "INPUTD_AUTHMETHOD"
    service = "INPUTR_SERVICE"       # also: account, password, sender, smtp_server,
                                     # smtp_port, security, cert_validation, pop3_server, pop3_port

    [states]                         # extra state-line phrases, by meaning
    signed_in = ["Angemeldet"]       # also: not_signed_in, pending, declined, blocked,
                                     # expired, error
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import small_files
from app.errors import ConfigInvalid
from app.printers.epson import labels

PAGES = ("email", "fax", "connection_test")


@dataclass(frozen=True)
class Profile:
    model: str | None = None
    pages: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)
    states: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def applies_to(self, model: str | None) -> bool:
        return self.model is None or labels.normalize(self.model) == labels.normalize(model)

    def state_table(self) -> dict[str, tuple[str, ...]]:
        """The label table's state phrases with this profile's added in front."""
        merged = {meaning: tuple(self.states.get(meaning, ())) for meaning in labels.STATES}
        return {meaning: merged[meaning] + phrases for meaning, phrases in labels.STATES.items()}


NONE = Profile()


def load(path: str | Path | None) -> Profile:
    """The profile at `path` (empty: no profile); ConfigInvalid naming what is wrong."""
    if not path:
        return NONE
    source = Path(path).expanduser()
    fix = (
        "correct the profile (its format: app/printers/epson/profile.py), or unset printer.profile"
    )
    try:
        data = small_files.read_toml(source, what_to_do=fix)
    except FileNotFoundError as exc:
        raise ConfigInvalid(f"{source} does not exist: {fix}", setting="printer.profile") from exc
    except ConfigInvalid as exc:
        raise ConfigInvalid(exc.detail, setting="printer.profile") from exc
    return _parse(data, str(source))


def _parse(data: Mapping[str, Any], where: str) -> Profile:
    unknown = set(data) - {"match", "pages", "fields", "states"}
    if unknown:
        raise ConfigInvalid(
            f"{where}: unknown section {sorted(unknown)}", setting="printer.profile"
        )
    pages = _strings(data.get("pages", {}), PAGES, where, "pages")
    fields = _strings(data.get("fields", {}), tuple(labels.FIELDS), where, "fields")
    states_raw = data.get("states", {})
    if not isinstance(states_raw, Mapping) or not set(states_raw) <= set(labels.STATES):
        raise ConfigInvalid(
            f"{where}: [states] keys are {sorted(labels.STATES)}", setting="printer.profile"
        )
    states: dict[str, tuple[str, ...]] = {}
    for meaning, phrases in states_raw.items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise ConfigInvalid(
                f"{where}: [states] {meaning} is a list of texts", setting="printer.profile"
            )
        states[meaning] = tuple(phrases)
    match = data.get("match", {})
    model = match.get("model") if isinstance(match, Mapping) else None
    if model is not None and not isinstance(model, str):
        raise ConfigInvalid(f"{where}: [match] model is a text", setting="printer.profile")
    return Profile(model, pages, fields, states)


def _strings(table: Any, allowed: tuple[str, ...], where: str, section: str) -> dict[str, str]:
    if not isinstance(table, Mapping) or not set(table) <= set(allowed):
        raise ConfigInvalid(
            f"{where}: [{section}] keys are {list(allowed)}", setting="printer.profile"
        )
    if not all(isinstance(value, str) and value for value in table.values()):
        raise ConfigInvalid(f"{where}: [{section}] values are texts", setting="printer.profile")
    return dict(table)
