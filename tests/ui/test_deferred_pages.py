"""The pages after the first are built after the first paint (ui/wizard.py `deferred`): the
wizard must look and go on exactly as one built whole, whenever the technician presses Next."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QCheckBox, QLabel, QWizard

from tests.ui.conftest import Technician, until

pytestmark = pytest.mark.usefixtures("fast_polling")


def _pages(wizard: QWizard) -> list[tuple[int, str]]:
    return [(page_id, wizard.page(page_id).objectName()) for page_id in wizard.pageIds()]


def _labels(wizard: QWizard) -> list[tuple[str, Qt.TextFormat, Qt.TextInteractionFlag, bool]]:
    """How each label of each page reads its text: what the first paint set later."""
    return [
        (
            f"{wizard.page(page_id).objectName()}/{label.objectName()}",
            label.textFormat(),
            label.textInteractionFlags(),
            label.pixmap().isNull(),
        )
        for page_id in wizard.pageIds()
        for label in wizard.page(page_id).findChildren(QLabel)
    ]


@pytest.mark.asyncio
async def test_deferred_wizard_starts_with_one_page_and_ends_as_the_whole_one(
    make_wizard,
) -> None:
    whole = make_wizard(language="en")
    deferred = make_wizard(language="en", deferred=True)

    assert _pages(deferred) == [(10, "printerPage")]
    next_button = deferred.button(QWizard.WizardButton.NextButton)
    assert next_button.isVisible()  # not Finish: the pages to come are counted already
    assert not deferred.button(QWizard.WizardButton.FinishButton).isVisible()

    assert deferred.help_shortcut is None  # F1 comes just after the first paint

    await deferred.build_rest()

    assert _pages(deferred) == _pages(whole)
    assert _labels(deferred) == _labels(whole)
    assert deferred.help_shortcut is not None
    assert deferred.help_shortcut.key() == whole.help_shortcut.key()
    assert len(_pages(whole)) == 8
    assert deferred.mailbox_page is not None
    assert [label.text() for label in deferred.stepLabels.values()] == [
        label.text() for label in whole.stepLabels.values()
    ]


@pytest.mark.asyncio
async def test_next_before_the_rest_is_built_builds_it_and_goes_on(make_wizard, simulation) -> None:
    sim = simulation()
    wizard = make_wizard(language="en", deferred=True)
    you = Technician(wizard)

    you.type_text("printerAddressEdit", sim.device.https_url)
    trust = you.find(QCheckBox, "trustCertificateCheck")
    await until(trust.isVisible, what="the certificate to trust")
    assert len(wizard.pageIds()) == 1  # nobody ran build_rest
    # The device's text came before the first page was finished: it finished itself first.
    fingerprint = you.find(QLabel, "fingerprintLabel")
    assert fingerprint.textFormat() == Qt.TextFormat.PlainText
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert fingerprint.font().family() == fixed.family() != QLabel().font().family()
    you.click("trustCertificateCheck")
    you.next()

    await you.reach("loginPage")
    assert len(wizard.pageIds()) == 8
