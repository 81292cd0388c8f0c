"""Writing a file so it appears only when complete: a private scratch folder beside it, then a rename.

Every file the program writes for the user — Excel exports, PDF reports, the audit CSV, the
GUI's "save as" copies, coordinator templates — is written through :func:`atomic_target` (or,
for the export, :class:`Scratch` directly). Everything written before the final rename lives in
one hidden folder beside the target, ``.<name>.<hex>.export`` (mode 0700): the half-written
file and any temp files of the writer (xlsxwriter's row files in ``constant_memory`` mode hold
personal data when unmasked, and would otherwise go to the system temp folder for good). The
finished file is fsynced and moved onto the target with ``os.replace`` (a rename: the folder
is on the same file system), and the folder is removed when the write ends either way.

A run killed half-way leaves its folder and nothing else; the next write into the same folder
sweeps it. A folder is stale when nobody holds its ``owner.lock``: the writer keeps an exclusive
lock on it while it runs (``flock``; ``msvcrt.locking`` on Windows), which the operating system
drops when the process dies, so two writers into one folder never sweep each other. The name
pattern is the one the first exports used, so folders they left are swept too.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

SUFFIX = ".export"
LOCK_NAME = "owner.lock"
PART_SUFFIX = ".part"
_SCRATCH = re.compile(r"^\..+\.[0-9a-f]{32}\.export$")


class Scratch:
    """One write's scratch folder, held (locked) from :meth:`create` until :meth:`remove`.

    Attributes:
        path: the folder (beside ``target``).
        target: the file the write produces.
        part: the file being written; :meth:`publish` moves it onto ``target``.
    """

    def __init__(self, path: Path, target: Path, lock: IO[bytes]) -> None:
        self.path = path
        self.target = target
        self.part = path / (target.name + PART_SUFFIX)
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
        return cls(path, target, lock)

    def publish(self) -> Path:
        """Flush the finished :attr:`part` to disk and move it onto the target in one rename."""
        with open(self.part, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.part, self.target)
        return self.target

    def remove(self) -> None:
        """Delete the folder and everything in it (call in ``finally``)."""
        self._lock.close()
        shutil.rmtree(self.path, ignore_errors=True)


@contextlib.contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Write ``target`` whole or not at all: ``with atomic_target(out) as tmp: write(tmp)``.

    ``tmp`` is a path in a fresh scratch folder beside ``target`` (its parent is created when
    missing); other temp files of the write belong in ``tmp.parent``. When the block ends
    normally ``tmp`` is fsynced and renamed onto ``target``; either way the folder is removed.
    An exception leaves ``target`` as it was (absent, or the previous complete file).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Scratch.create(target)
    try:
        yield scratch.part
        scratch.publish()
    finally:
        scratch.remove()


def sweep_stale(folder: Path) -> list[Path]:
    """Remove scratch folders in ``folder`` whose writer is no longer running; returns them."""
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
