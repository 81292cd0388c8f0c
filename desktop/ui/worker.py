"""The one background-work helper: runs a store function on QThreadPool with progress and cancel.

The function runs in a worker thread with its own :class:`Database` (``db.reopen()``) and
must never touch widgets; it returns a value, and ``on_success`` / ``on_failure`` /
``on_progress`` are called in the GUI thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.store.db import Database

T = TypeVar("T")


class Cancelled(Exception):
    """Raised inside a job by :meth:`JobControl.check` after the user pressed cancel."""


class JobControl:
    """What a running job may use: report progress and ask whether it should stop."""

    def __init__(
        self,
        emit_progress: Callable[[int, int], None],
        stop: threading.Event,
        emit_stage: Callable[[str], None] | None = None,
    ) -> None:
        self._emit = emit_progress
        self._emit_stage = emit_stage or (lambda stage: None)
        self._stop = stop

    def progress(self, done: int, total: int) -> None:
        self._emit(done, total)

    def stage(self, name: str) -> None:
        """Say which step the job is in (a sync: fetch, apply, bundle); arrives before its progress."""
        self._emit_stage(name)

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when cancel was requested (call between units of work)."""
        if self._stop.is_set():
            raise Cancelled()


JobFn = Callable[[Database, JobControl], T]


class _Bridge(QObject):
    """Lives in the GUI thread; signals emitted by the worker arrive here queued, in the GUI thread."""

    progressed = Signal(int, int)
    staged = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.on_success: list[Callable[[Any], None]] = []
        self.on_failure: list[Callable[[BaseException], None]] = []
        self.on_progress: list[Callable[[int, int], None]] = []
        self.on_stage: list[Callable[[str], None]] = []
        self.on_finished: list[Callable[[], None]] = []
        self.context: QObject | None = None
        self.progressed.connect(self._progressed)
        self.staged.connect(self._staged)
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)

    def _alive(self) -> bool:
        return self.context is None or shiboken6.isValid(self.context)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if not self._alive():
            return
        for callback in self.on_progress:
            callback(done, total)

    @Slot(str)
    def _staged(self, stage: str) -> None:
        if not self._alive():
            return
        for callback in self.on_stage:
            callback(stage)

    @Slot(object)
    def _succeeded(self, value: Any) -> None:
        if not self._alive():
            self._finish()
            return
        for callback in self.on_success:
            callback(value)
        self._finish()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        if not self._alive():
            self._finish()
            return
        for failure in self.on_failure:
            failure(error)
        self._finish()

    def _finish(self) -> None:
        for callback in self.on_finished:
            callback()


class Job(QRunnable, Generic[T]):
    """One background run of ``fn(db, control)``; keep the handle to cancel it or wait for it.

    State: the bridge (GUI-thread QObject relaying signals), the cancel event, the done event
    (set in the worker) and ``reported`` (set in the GUI thread after the callbacks ran).
    """

    def __init__(self, db: Database, fn: JobFn[T]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.bridge = _Bridge()
        self._db = db
        self._fn = fn
        self._stop = threading.Event()
        self._done = threading.Event()
        self.result: T | None = None
        self.error: BaseException | None = None
        self.trace = ""
        self.reported = False
        self.bridge.on_finished.append(self._mark_reported)

    def _mark_reported(self) -> None:
        self.reported = True

    def cancel(self) -> None:
        self._stop.set()

    @property
    def is_done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def run(self) -> None:  # noqa: D401 - QRunnable API, runs in the worker thread
        db = self._db.reopen()
        control = JobControl(self.bridge.progressed.emit, self._stop, self.bridge.staged.emit)
        try:
            self.result = self._fn(db, control)
        except BaseException as exc:  # reported to the GUI thread, never raised in the pool
            self.error = exc
            self.trace = traceback.format_exc()
        finally:
            db.close()
            self._done.set()
        if self.error is None:
            self.bridge.succeeded.emit(self.result)
        else:
            self.bridge.failed.emit(self.error)


class Workers:
    """Starts jobs on a thread pool and keeps them alive until they finish."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool()
        self._running: set[Job[Any]] = set()

    def start(
        self,
        db: Database,
        fn: JobFn[T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_stage: Callable[[str], None] | None = None,
        context: QObject | None = None,
    ) -> Job[T]:
        """Run ``fn(own_db, control)`` in the pool; callbacks run in the GUI thread.

        ``context`` is the widget or model the callbacks belong to: once it is destroyed
        (a closed window) the callbacks are skipped.
        """
        job: Job[T] = Job(db, fn)
        job.bridge.context = context
        if on_success is not None:
            job.bridge.on_success.append(on_success)
        if on_failure is not None:
            job.bridge.on_failure.append(on_failure)
        if on_progress is not None:
            job.bridge.on_progress.append(on_progress)
        if on_stage is not None:
            job.bridge.on_stage.append(on_stage)
        self._running.add(job)
        job.bridge.on_finished.append(lambda: self._running.discard(job))
        self.pool.start(job)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait_all(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
