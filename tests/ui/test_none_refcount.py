"""A long session of Qt calls does not abort the interpreter (PySide6 6.12.0 drops ``None`` references)."""

from __future__ import annotations

import subprocess
import sys

LONG_SESSION = """
from PySide6.QtCore import QCoreApplication, QTimer
import desktop.ui  # noqa: F401  (the guard)
app = QCoreApplication([])
timer = QTimer()
for _ in range(50_000):
    timer.start(300)  # a Qt method returning nothing: each call costs None one reference
print("alive")
"""


def test_fifty_thousand_void_qt_calls_leave_the_program_running() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LONG_SESSION], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "alive"


def test_the_guard_is_applied_once() -> None:
    from desktop.ui.none_refcount import RESERVE, keep_none_alive

    before = sys.getrefcount(None)
    keep_none_alive()
    if sys.version_info < (3, 12):
        assert RESERVE <= sys.getrefcount(None) < 2 * RESERVE
    assert abs(sys.getrefcount(None) - before) < RESERVE
