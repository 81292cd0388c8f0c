"""Keeps ``None`` alive under PySide6 6.12.0 on Python 3.11 (a shiboken reference-count bug).

PySide6 6.12.0 drops one reference to ``None`` each time a Qt method that returns nothing is
called (``QTimer.start``, ``QWidget.setEnabled``, ``QLabel.setText`` …). On Python 3.11 ``None``
is an ordinary reference-counted object, so a few thousand such calls — minutes of normal use at
a clinic — bring its count to zero and the interpreter aborts with "Fatal Python error:
none_dealloc", losing whatever was on screen. Python 3.12 made ``None`` immortal (PEP 683), where
the bug is harmless. Reproduce: ``QTimer().start(300)`` 20,000 times in a fresh interpreter.

The guard gives ``None`` the kind of reference count PEP 683 gives it: one that no session can
use up (2**40 void calls, decades of typing), added once per process.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def keep_none_alive() -> None:
    """Give ``None`` a reference count no session exhausts (CPython before 3.12 only; idempotent)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    if sys.getrefcount(None) >= RESERVE:
        return
    # ob_refcnt is the first field of every CPython object, and id() is the object's address;
    # the GIL is held here, so no other thread changes the count in between.
    ctypes.c_ssize_t.from_address(id(None)).value += RESERVE
