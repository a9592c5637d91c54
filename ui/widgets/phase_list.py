"""The phases of a piece of work that changes the printer, ticked off as they pass, with a bar.

When something fails half-way the technician sees where it stopped (the save, the read-back, the
connection test) before reading the message. Shared by the push and fax pages; the page names the
phases, translates their texts and decides when one is reached."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

DONE, CURRENT, WAITING = "✔", "▶", "○"


class PhaseList(QWidget):
    def __init__(
        self,
        phases: Sequence[str],
        *,
        progress_name: str,
        label_prefix: str,
        in_a_row: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.phases = tuple(phases)
        self.reached = -1
        self.done = False
        self._texts: tuple[str, ...] = self.phases
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar(self)
        self.progress.setObjectName(progress_name)
        self.progress.setRange(0, len(self.phases))
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        row: QBoxLayout = QHBoxLayout() if in_a_row else QVBoxLayout()
        self.labels: list[QLabel] = []
        for phase in self.phases:
            label = QLabel(self)
            label.setObjectName(f"{label_prefix}{phase}")
            row.addWidget(label)
            self.labels.append(label)
        if in_a_row:
            row.addStretch(1)
        layout.addLayout(row)

    def set_texts(self, texts: Sequence[str]) -> None:
        """Called on every retranslation: the phase names are the page's, in the UI language."""
        if len(texts) != len(self.phases):
            raise ValueError(f"{len(texts)} texts for {len(self.phases)} phases")
        self._texts = tuple(texts)
        self._render()

    def reach(self, phase: str) -> None:
        """Events can arrive late or twice; a phase once reached is never taken back."""
        self.reached = max(self.reached, self.phases.index(phase))
        self._render()

    def finish(self) -> None:
        self.done = True
        self.reached = len(self.phases) - 1
        self._render()

    def clear(self) -> None:
        self.reached = -1
        self.done = False
        self._render()

    def _render(self) -> None:
        for index, (label, text) in enumerate(zip(self.labels, self._texts, strict=True)):
            if index < self.reached or (self.done and index <= self.reached):
                mark = DONE
            elif index == self.reached:
                mark = CURRENT
            else:
                mark = WAITING
            label.setText(f"{mark}  {text}")
        self.progress.setValue(len(self.phases) if self.done else max(self.reached, 0))
