"""The private scratch folder of one export: its half-written workbook and xlsxwriter's row files.

xlsxwriter in ``constant_memory`` mode keeps each sheet's rows in a temp file, by default in the
system temp folder, and a killed export would leave those rows (personal data, when unmasked)
there for good. Here everything an export writes before the final rename lives in one hidden
folder beside the target, ``.<name>.<hex>.export`` (mode 0700), removed when the export ends
either way. A run killed half-way leaves its folder; the next export into the same folder sweeps
it. A folder is stale when nobody holds its ``owner.lock``: the exporter keeps an exclusive lock
on it while it runs (``flock``; ``msvcrt.locking`` on Windows), which the operating system drops
when the process dies, so two exports into one folder never sweep each other.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import uuid
from pathlib import Path
from typing import IO

SUFFIX = ".export"
LOCK_NAME = "owner.lock"
_SCRATCH = re.compile(r"^\..+\.[0-9a-f]{32}\.export$")


class Scratch:
    """One export's scratch folder, held (locked) from :meth:`create` until :meth:`remove`."""

    def __init__(self, path: Path, lock: IO[bytes]) -> None:
        self.path = path
        self._lock = lock

    @classmethod
    def create(cls, target: Path) -> Scratch:
        """Sweep stale scratch folders beside ``target``, then make and lock a new one."""
        sweep_stale(target.parent)
        path = target.with_name(f".{target.name}.{uuid.uuid4().hex}{SUFFIX}")
        path.mkdir(mode=0o700)
        lock = open(path / LOCK_NAME, "wb")  # held open until remove()
        if not _try_lock(lock):  # pragma: no cover - a brand-new folder nobody else knows
            lock.close()
            raise OSError(f"cannot lock {path}")
        return cls(path, lock)

    def file(self, name: str) -> Path:
        return self.path / name

    def remove(self) -> None:
        """Delete the folder and everything in it (call in ``finally``)."""
        self._lock.close()
        shutil.rmtree(self.path, ignore_errors=True)


def sweep_stale(folder: Path) -> list[Path]:
    """Remove scratch folders in ``folder`` whose export is no longer running; returns them."""
    removed: list[Path] = []
    try:
        entries = [e for e in os.scandir(folder) if _SCRATCH.match(e.name) and e.is_dir()]
    except FileNotFoundError:
        return removed
    for entry in entries:
        path = Path(entry.path)
        if _owner_alive(path):
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            removed.append(path)
    return removed


def _owner_alive(path: Path) -> bool:
    try:
        lock = open(path / LOCK_NAME, "rb")
    except FileNotFoundError:
        return False  # killed between mkdir and creating the lock
    except OSError:
        return True  # cannot tell: leave it
    with contextlib.closing(lock):
        return not _try_lock(lock)


def _try_lock(handle: IO[bytes]) -> bool:
    """An exclusive, non-blocking lock on ``handle`` (released when it is closed or the process dies)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
