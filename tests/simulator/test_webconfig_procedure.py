"""Epson's procedure (seed steps 1–12) by a client that knows no page id or field name, on
every model with OAuth2, variants 0–9, English and Italian; the old firmware offers no OAuth2."""

from __future__ import annotations

import pytest

from app.simulator import models
from app.simulator.run import Simulation
from tests.simulator.procedure import approver, logged_in, run_procedure

OAUTH_MODELS = [m.id for m in models.MODELS.values() if m.oauth2]
LANGUAGES = ("en", "it")
# Every variant in both languages, models rotating so each meets both languages; and every
# model in both languages on the plainest variant.
CASES = sorted(
    {
        (OAUTH_MODELS[(variant + index) % len(OAUTH_MODELS)], variant, language)
        for variant in range(10)
        for index, language in enumerate(LANGUAGES)
    }
    | {(model, 0, language) for model in OAUTH_MODELS for language in LANGUAGES}
)


def _service(model_id: str) -> str:
    return "outlook" if models.get(model_id).consumer_login else "exchange"


@pytest.mark.parametrize(("model_id", "variant", "language"), CASES)
def test_procedure_signs_the_printer_in(model_id: str, variant: int, language: str) -> None:
    service = _service(model_id)
    with Simulation(model=model_id, variant=variant, language=language, poll_interval=1) as sim:
        printer = sim.device
        outcome = run_procedure(
            printer.http_url,
            printer.cert_file,
            printer.fingerprint,
            printer.admin_password,
            service=service,
            approve=approver(sim.identity, service),
        )
        stored = printer.settings()
        assert outcome.oauth2
        assert outcome.language == language
        expected = sim.identity.account_consumers if service == "outlook" else sim.identity.account
        assert outcome.account == expected
        assert stored["auth_method"] == "oauth2"
        assert stored["service"] == service
        assert stored["signed_in"] is True
        assert stored["account"] == expected
        assert stored["smtp_server"] in ("smtp.office365.com", "smtp-mail.outlook.com")
        assert printer.request_count() <= 20
        assert printer.language == language
        assert printer.internal_errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_old_firmware_offers_no_oauth2(language: str) -> None:
    with Simulation(model="wf-c5790-old", language=language, poll_interval=1) as sim:
        printer = sim.device
        outcome = run_procedure(
            printer.http_url,
            printer.cert_file,
            printer.fingerprint,
            printer.admin_password,
            service="exchange",
            approve=approver(sim.identity, "exchange"),
        )
        assert not outcome.oauth2
        assert printer.settings()["auth_method"] == "smtp_auth"
        procedure, url = logged_in(printer)
        with procedure.session:
            page = procedure.get(url).text
        assert "SMTP-AUTH" in page
        assert "OAuth2" not in page
        assert "INPUTT_SETUPTOKEN" not in page
