"""Device text is shown as text: a printer whose model, serial and firmware are markup, driven
through every wizard page, and an mDNS announcement whose model and admin URL are markup, in the
printer page's list.

On each page every visible label, text view, list row and tooltip is read as Qt renders it (a
plain-text label as is, a rich or auto-detected one through QTextDocument); wherever a device
field's marker shows, its markup must show literally. A "markup render" is a marker shown
without its markup: the count must be 0, and each field must have been seen at least once.
"""

from __future__ import annotations

import socket
from collections import Counter
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtText
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QListWidget,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

from app.discovery import Advertiser
from tests.ui.conftest import (  # noqa: F401 (fixtures used by name)
    Technician,
    fast_polling,
    keep_running_after_close,
    make_wizard,
    past_fax,
    simulation,
    until,
)


def _markup(marker: str) -> str:
    """Bold, an image and a link around a marker: any of them rendered hides the tags."""
    return f"<b>{marker}</b><img src=x><a href=y>!</a>"


FIELDS = {
    "model_name": ("MDLq7", "<b>MDLq7</b>"),
    "serial": ("SERq7", "<b>SERq7</b>"),
    "firmware": ("FWq7", "<b>FWq7</b>"),
}


def _shown(text: str, text_format: Qt.TextFormat) -> str:
    """What Qt paints for `text` in this format: rich text (chosen or guessed) as rendered."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtText.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _screen(root: QWidget, *, visible_only: bool = True) -> list[str]:
    """Every text `root` shows: labels (the wizard's own title and subtitle included), text
    views, buttons, list rows, and the tooltips of each of them; only the visible ones unless
    told (a page left behind keeps what it showed)."""
    shown: list[str] = []
    for widget in root.findChildren(QWidget):
        if visible_only and not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            shown.append(_shown(widget.text(), widget.textFormat()))
        elif isinstance(widget, QTextEdit):
            shown.append(widget.toPlainText())
        elif isinstance(widget, QAbstractButton):
            shown.append(widget.text())
        elif isinstance(widget, QListWidget):
            for row in range(widget.count()):
                item = widget.item(row)
                shown += [item.text(), _shown(item.toolTip(), Qt.TextFormat.AutoText)]
        if widget.toolTip():
            shown.append(_shown(widget.toolTip(), Qt.TextFormat.AutoText))
    return shown


class Watch:
    """Counts, over the screens looked at, each field seen and each markup rendered."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()
        self.renders: list[str] = []

    def look(self, root: QWidget, where: str, *, visible_only: bool = True) -> None:
        for text in _screen(root, visible_only=visible_only):
            for field, (marker, literal) in FIELDS.items():
                if marker in text:
                    self.seen[field] += 1
                    if literal not in text:
                        self.renders.append(f"{where}: {field} in {text!r}")


@pytest.mark.asyncio
@pytest.mark.usefixtures("fast_polling")
async def test_device_text_shows_as_text_on_every_page(
    make_wizard: Any,  # noqa: F811 (tests/ui's fixture, imported above)
    simulation: Any,  # noqa: F811
) -> None:
    sim = simulation(
        model_name=_markup("MDLq7"),
        serial="<b>SERq7</b><img>",  # the admin password too: Web Config takes 20 characters
        firmware=_markup("FWq7"),
        auto_approve=1,
        poll_interval=1,
    )
    wizard = make_wizard()
    you = Technician(wizard)
    watch = Watch()
    pages: list[str] = []

    def on_page(_: int) -> None:
        pages.append(you.page_name())
        watch.look(wizard, you.page_name())

    wizard.currentIdChanged.connect(on_page)
    you.type_text("printerAddressEdit", sim.device.https_url)
    trust = you.find(QCheckBox, "trustCertificateCheck")
    await until(trust.isVisible, what="the certificate to trust")
    watch.look(wizard, "printerPage before trust")
    you.click("trustCertificateCheck")
    printer_page = wizard.currentPage()
    you.next()
    await you.reach("loginPage")
    # The printer page showed the model and firmware once contact was made, then moved on.
    watch.look(printer_page, "printerPage as it was left", visible_only=False)
    you.type_text("adminPasswordEdit", sim.device.admin_password)
    you.next()
    await you.reach("methodPage")
    you.next()
    await you.reach("pushPage")
    you.click("saveToPrinterButton")
    await past_fax(you)
    view = you.find(QTextBrowser, "statusView")
    await until(lambda: "Signed in" in view.toPlainText(), what="the status")
    watch.look(wizard, "statusPage")
    assert {"loginPage", "methodPage", "pushPage", "statusPage"} <= set(pages), pages
    assert watch.renders == [], watch.renders
    assert watch.seen["model_name"] and watch.seen["firmware"], watch.seen
    assert watch.seen["serial"] == 0  # the serial is the default admin password: never shown


class _HostileAdvertiser(Advertiser):
    """The simulator's announcement with markup in its model and admin URL, as anyone on the
    network may send."""

    def records(self) -> list[Any]:
        from zeroconf import ServiceInfo

        made = []
        for info in super().records():
            properties = {k.decode(): (v or b"").decode() for k, v in info.properties.items()}
            properties["usb_MDL"] = "<b>MDLq7</b><img src=x>"
            properties["adminurl"] = (
                f"{_markup('URLq7')}https://127.0.0.1:{self.printer.https_port}/"
            )
            made.append(
                ServiceInfo(
                    info.type,
                    info.name,
                    addresses=[socket.inet_aton(self.interface)],
                    port=info.port,
                    properties=properties,
                    server=info.server,
                )
            )
        return made


@pytest.mark.asyncio
async def test_announced_text_shows_as_text_in_the_list(
    make_wizard: Any,  # noqa: F811 (tests/ui's fixture, imported above)
    simulation: Any,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PRINTER_OAUTH_DISCOVERY_INTERFACE", "127.0.0.1")
    sim = simulation()
    wizard = make_wizard()
    you = Technician(wizard)
    page = wizard.currentPage()
    page.discovery_timeout = 5.0
    you.click("discoverButton")
    await until(lambda: page.searching, 5, "the search to start")
    advertiser = _HostileAdvertiser(sim.device).start()
    try:
        listing = you.find(QListWidget, "printerList")

        def row() -> Any:
            rows = [listing.item(i) for i in range(listing.count())]
            return next((r for r in rows if "URLq7" in r.toolTip()), None)

        await until(row, 15, "the hostile announcement in printerList")
        item = row()
        shown = _shown(item.toolTip(), Qt.TextFormat.AutoText)
        renders = [
            text
            for text in (shown, item.text())
            if ("URLq7" in text or "MDLq7" in text) and "<b>" not in text
        ]
        assert renders == [], renders
        assert "<b>MDLq7</b><img src=x>" in item.text()
        assert item.data(Qt.ItemDataRole.UserRole) == "127.0.0.1"  # the announced URL is not a host
    finally:
        advertiser.stop()
