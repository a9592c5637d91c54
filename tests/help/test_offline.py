"""With no network at all, the help opens and shows every page in every language.

A child process runs in its own network namespace (`unshare -rn`: a user namespace mapping
the current user to root, plus an empty network namespace with only a down loopback), opens
the help window offscreen and shows every topic. Skipped, saying why, where unshare is missing
or not permitted.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, os, socket, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
# PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a void method and
# to True/False on every bool signal argument (they are immortal only from Python 3.12):
# showing 120 pages exhausts them and aborts the child at exit ("none_dealloc",
# "bool_dealloc"). Until that is fixed upstream or 3.11 is dropped, hold references here.
RESERVE = [None, True, False] * 1_000_000 if sys.version_info < (3, 12) else []

interfaces = [name for _, name in socket.if_nameindex()]
try:
    socket.create_connection(("192.0.2.1", 443), timeout=2).close()
    reachable = True
except OSError:
    reachable = False
try:
    socket.getaddrinfo("login.microsoftonline.com", 443)
    resolves = True
except OSError:
    resolves = False

from PySide6.QtWidgets import QApplication
from app import help_topics
from ui.help_window import HelpWindow

app = QApplication([])
window = HelpWindow("en")
window.show()
app.processEvents()
shown, wrong = 0, []
for language in help_topics.languages():
    window.set_language(language)
    for topic, title in help_topics.topics(language):
        window.show_topic(topic)
        app.processEvents()
        ok = (
            window.current_topic == topic
            and window.browser.documentTitle() == title
            and len(window.browser.toPlainText()) > 300
        )
        shown += ok
        if not ok:
            wrong.append([language, topic])
print(json.dumps({"interfaces": interfaces, "reachable": reachable, "resolves": resolves,
                  "shown": shown, "wrong": wrong}), flush=True)
sys.stderr.flush()
os._exit(0)  # see RESERVE: finalizing would release it first and then abort
"""


def _unshare_works() -> str | None:
    """None if `unshare -rn` can run here, else the reason it cannot."""
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    try:
        probe = subprocess.run(
            ["unshare", "-rn", "true"], capture_output=True, text=True, timeout=20, check=False
        )
    except OSError as error:
        return f"unshare cannot start: {error}"
    if probe.returncode != 0:
        return f"unshare -rn is not permitted here: {probe.stderr.strip()}"
    return None


def test_help_shows_every_page_with_no_network_at_all(isolated_home: Path) -> None:
    reason = _unshare_works()
    if reason:
        pytest.skip(reason)
    from app import help_topics

    expected = sum(len(help_topics.topics(language)) for language in help_topics.languages())
    result = subprocess.run(
        ["unshare", "-rn", sys.executable, "-c", CHILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["interfaces"] == ["lo"], report  # really no network interface but loopback
    assert report["reachable"] is False
    assert report["resolves"] is False
    assert report["wrong"] == []
    assert report["shown"] == expected
    noise = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and "propagateSizeHints" not in line
    ]
    assert noise == []
