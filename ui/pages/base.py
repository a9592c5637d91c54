"""What every page of the wizard shares: its step, progress, the error with its help link.

A page renders and collects; it never decides what comes next. Pressing Next on a page whose
step does I/O starts the step (`validatePage` starts it and answers False); the page shows
progress; when the step succeeds the page asks the wizard to go on (`QWizard.next`, which
calls `validatePage` again — the flow has moved past this step, so it answers True). When the
step fails the page stays, with the registry's message in `errorLabel` and a link to the help
topic named after the error code.

The first page paints before anything touches PySide's `Qt` namespace or QStyle: the first use
of each builds all their enum types (about 25 and 7 ms, a third of what the wizard may add to a
bare QWizard's start, DESIGN.md). What needs them — the labels' text formats and flags, the
error icon — is set by `finish_widgets`, which the wizard calls as it adds each page and for the
first page right after the first paint, and which the page calls itself before it shows any
text it did not write. Hence `Qt` and `QStyle` are imported where they are used.

Strings of this base class use `QCoreApplication.translate` with the literal context
"StepPage" so lupdate and the runtime agree on the context whatever the subclass
(../shared/facts/qt.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import Cancelled
from ui import messages

if TYPE_CHECKING:
    from ui.flow_bridge import FlowController


class StepPage(QWizardPage):
    step_name: ClassVar[str] = ""
    """The flow step this page attaches to (the page's objectName is `<camelCase>Page`)."""
    page_help_topic: ClassVar[str] = "index"

    def __init__(self, controller: FlowController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._working = False
        self._error: Any = None
        self._warnings: list[dict[str, Any]] = []
        self._widgets_finished = False

        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        outer.addLayout(self.body)
        outer.addStretch(1)
        self._build_progress(outer)
        self._build_error(outer)
        self._show_error_widgets(False)

    def _build_progress(self, outer: QVBoxLayout) -> None:
        progress_row = QHBoxLayout()
        self.busyBar = QProgressBar(self)
        self.busyBar.setObjectName("busyIndicator")
        self.busyBar.setRange(0, 0)
        self.busyBar.setTextVisible(False)
        self.busyBar.setMaximumWidth(120)
        self.busyLabel = QLabel(self)
        self.busyLabel.setObjectName("busyLabel")
        progress_row.addWidget(self.busyBar)
        progress_row.addWidget(self.busyLabel, 1)
        outer.addLayout(progress_row)
        self.busyBar.hide()
        self.busyLabel.hide()

        self.warningLabel = QLabel(self)
        self.warningLabel.setObjectName("warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.hide()
        outer.addWidget(self.warningLabel)

    def _build_error(self, outer: QVBoxLayout) -> None:
        error_row = QHBoxLayout()
        self.errorIcon = QLabel(self)
        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bold = QFont(self.errorLabel.font())
        bold.setBold(True)
        self.errorLabel.setFont(bold)
        error_row.addWidget(self.errorIcon)
        error_row.addWidget(self.errorLabel, 1)
        outer.addLayout(error_row)

        help_row = QHBoxLayout()
        self.errorHelpLabel = QLabel(self)
        self.errorHelpLabel.setObjectName("errorHelpLabel")
        self.errorHelpLabel.linkActivated.connect(self._open_help_link)
        self.helpButton = QPushButton(self)
        self.helpButton.setObjectName("helpButton")
        self.helpButton.clicked.connect(lambda: self.open_help(self.help_topic()))
        help_row.addWidget(self.errorHelpLabel)
        help_row.addStretch(1)
        help_row.addWidget(self.helpButton)
        outer.addLayout(help_row)

    def finish_widgets(self) -> None:
        """Set what the first paint does without (module docstring); once."""
        if self._widgets_finished:
            return
        self._widgets_finished = True
        self.widgets_to_finish()

    def widgets_to_finish(self) -> None:
        """Text shown here comes from the device and the flow: it is never read as markup."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QStyle

        for label in (self.warningLabel, self.errorLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.make_help_link(self.errorHelpLabel)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.errorIcon.setPixmap(icon.pixmap(size, size))
        self.errorIcon.setAlignment(Qt.AlignmentFlag.AlignTop)

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text; called at construction and on each language change."""
        self.helpButton.setText(QCoreApplication.translate("StepPage", "Help (F1)"))
        self.helpButton.setAccessibleName(
            QCoreApplication.translate("StepPage", "Help for this page")
        )
        self.helpButton.setToolTip(
            QCoreApplication.translate("StepPage", "Opens the help for this page or its error")
        )
        self.errorLabel.setAccessibleName(QCoreApplication.translate("StepPage", "Error"))
        self.warningLabel.setAccessibleName(QCoreApplication.translate("StepPage", "Warning"))
        self.busyBar.setAccessibleName(QCoreApplication.translate("StepPage", "Working"))
        if self._error is not None:
            self._render_error()
        self._render_warnings()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- help ------------------------------------------------------------------------------

    def help_topic(self) -> str:
        """The error's topic while an error shows, else this page's own."""
        return self._error.help_topic if self._error is not None else self.page_help_topic

    def open_help(self, topic: str) -> None:
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "show_help"):
            wizard.show_help(topic)

    def help_link_label(
        self, object_name: str, parent: QWidget | None = None, *, wrap: bool = True
    ) -> QLabel:
        """A rich-text label whose `help:topic` links open the help, by mouse or keyboard."""
        label = QLabel(parent or self)
        label.setObjectName(object_name)
        label.setWordWrap(wrap)
        label.linkActivated.connect(self._open_help_link)
        self.make_help_link(label)
        return label

    @staticmethod
    def make_help_link(label: QLabel) -> None:
        from PySide6.QtCore import Qt

        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )

    @staticmethod
    def with_help_link(text: str, link_text: str, topic: str) -> str:
        """`text` followed by a link to help `topic`, as rich text for `help_link_label`."""
        from html import escape  # with html.entities, 2 ms the first paint does without

        link = escape(link_text, quote=False)
        return f'{escape(text, quote=False)} <a href="help:{topic}">{link}</a>'

    def _open_help_link(self, link: str) -> None:
        self.open_help(link.removeprefix("help:"))

    # --- errors and warnings -----------------------------------------------------------

    def show_error(self, error: Any) -> None:
        self.finish_widgets()
        self._error = error
        self._render_error()

    def clear_error(self) -> None:
        self._error = None
        self.errorLabel.clear()
        self.errorHelpLabel.clear()
        self.errorHelpLabel.setProperty("helpTopic", "")
        self._show_error_widgets(False)

    @property
    def error_code(self) -> str | None:
        return None if self._error is None else self._error.code

    def _render_error(self) -> None:
        error = self._error
        self.errorLabel.setText(self.error_text(error))
        link = QCoreApplication.translate("StepPage", "What does this mean?")
        self.errorHelpLabel.setText(f'<a href="help:{error.help_topic}">{link}</a>')
        self.errorHelpLabel.setProperty("helpTopic", error.help_topic)
        self.errorHelpLabel.setAccessibleName(link)
        self._show_error_widgets(True)

    def error_text(self, error: Any) -> str:
        """The registry's message for `error` in the UI language (ui/messages.py), with what
        the device said."""
        return messages.error_text(error)

    def _show_error_widgets(self, visible: bool) -> None:
        for widget in (self.errorIcon, self.errorLabel, self.errorHelpLabel):
            widget.setVisible(visible)

    def add_warning(self, fields: dict[str, Any]) -> None:
        self.finish_widgets()
        self._warnings.append(fields)
        self._render_warnings()

    def _render_warnings(self) -> None:
        lines = [messages.warning_text(w) for w in self._warnings]
        self.warningLabel.setText("\n".join(lines))
        self.warningLabel.setVisible(bool(lines))

    # --- running the step ------------------------------------------------------------------

    @property
    def working(self) -> bool:
        return self._working

    def set_working(self, working: bool, text: str = "") -> None:
        self._working = working
        self.busyBar.setVisible(working)
        self.busyLabel.setVisible(working and bool(text))
        self.busyLabel.setText(text)
        self.completeChanged.emit()

    def busy_text(self) -> str:
        return QCoreApplication.translate("StepPage", "Working…")

    def step_inputs(self) -> dict[str, Any]:
        """The inputs this page collected for its step."""
        return {}

    def start_step(self, **inputs: Any) -> None:
        self.clear_error()
        self.set_working(True, self.busy_text())
        self.controller.advance(self._step_done, self._step_failed, **inputs)

    def _step_done(self, next_step: str | None) -> None:
        self.set_working(False)
        self.step_succeeded(next_step)

    def _step_failed(self, error: Any) -> None:
        self.set_working(False)
        if isinstance(error, Cancelled):
            return  # the technician went back or closed: nothing to report on this page
        self.show_error(error)
        self.step_failed(error)

    def step_succeeded(self, next_step: str | None) -> None:
        """Default: the wizard moves on by itself, if it still shows this page."""
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self and next_step is not None:
            wizard.next()

    def step_failed(self, error: Any) -> None:
        """Hook for pages that show more than the message (a fingerprint to trust)."""

    def on_event(self, event: str, fields: dict[str, Any]) -> None:
        """An event of this page's step (DESIGN.md event names)."""
        if event == "warning":
            self.add_warning(fields)

    def flow_is_here(self) -> bool:
        return self.controller.current == self.step_name

    # --- QWizardPage -------------------------------------------------------------------------

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        if self._working:
            return False
        if not self.flow_is_here():
            return True  # the step is done: Next only moves the page
        self.start_step(**self.step_inputs())
        return False

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return not self._working and self.can_go_on()

    def can_go_on(self) -> bool:
        return True

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        wizard = self.wizard()
        if wizard is None or not hasattr(wizard, "page_id_after"):
            return super().nextId()
        return wizard.page_id_after(self.step_name)

    def cleanupPage(self) -> None:  # noqa: N802 (Qt override)
        """Back was pressed on this page (or the wizard restarts)."""
        wizard = self.wizard()
        if wizard is not None and not getattr(wizard, "restarting", False):
            self.controller.back()
        self.clear_error()
        self.set_working(False)

    def reset(self) -> None:
        """Forget everything shown or typed (another printer)."""
        self.clear_error()
        self._warnings.clear()
        self._render_warnings()
        self.set_working(False)
