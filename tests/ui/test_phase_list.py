"""The phase list of the push and fax pages: where a long change of the printer stands."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from ui.widgets.phase_list import PhaseList


def marks(phases: PhaseList) -> list[str]:
    return [label.text().split()[0] for label in phases.labels]


@pytest.fixture
def phases(qtbot) -> PhaseList:
    widget = PhaseList(("write", "commit", "verify"), progress_name="p", label_prefix="x_")
    qtbot.addWidget(widget)
    widget.set_texts(("Write", "Save", "Check"))
    return widget


def test_a_phase_reached_is_current_and_those_before_are_done(phases: PhaseList) -> None:
    assert marks(phases) == ["○", "○", "○"] and phases.progress.value() == 0
    phases.reach("commit")
    assert marks(phases) == ["✔", "▶", "○"] and phases.progress.value() == 1
    phases.reach("write")  # a late event does not take the progress back
    assert marks(phases) == ["✔", "▶", "○"]


def test_finish_ticks_every_phase_and_clear_starts_again(phases: PhaseList) -> None:
    phases.finish()
    assert marks(phases) == ["✔", "✔", "✔"] and phases.progress.value() == 3
    phases.clear()
    assert marks(phases) == ["○", "○", "○"] and phases.progress.value() == 0


def test_texts_keep_their_names_and_must_match_the_phases(phases: PhaseList) -> None:
    assert phases.findChild(QLabel, "x_verify").text().endswith("Check")
    phases.set_texts(("Scrivi", "Salva", "Controlla"))
    assert phases.findChild(QLabel, "x_write").text() == "○  Scrivi"
    with pytest.raises(ValueError):
        phases.set_texts(("one", "two"))
