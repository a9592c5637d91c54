"""The baseline of bench_first_paint: a bare PySide6 QWizard with one page, shown and timed to
its page's first paint exactly as ui/app.py's probe does (one JSON line, then exit). Run as a
script, never imported by the benchmark registry (its name has no `bench_` prefix)."""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWizard, QWizardPage


class _PaintWatch(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            print(json.dumps({"first_paint": True, "cpu_s": time.process_time()}), flush=True)
            QApplication.exit(0)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Printer")
    wizard.addPage(page)
    watch = _PaintWatch()
    page.installEventFilter(watch)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
