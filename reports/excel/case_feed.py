"""The export's reading side: the 사례 sheet's cell values page by page, then the summary's figures.

Reading and converting 100,000 cases costs about 2 s of a 15 s export; nearly all the rest is
xlsxwriter, which is pure Python and holds the interpreter lock. So a big export reads in a
helper process — this module run as a program (``python -m reports.excel.case_feed``; the
frozen build's ``onestop`` with :data:`HELPER_FLAG`) — which streams pages of ready cell values
through a pipe while the export writes the pages before: reading and writing share two cores.
The pipe holds less than a page, so the helper runs just ahead of the writer and memory stays
flat. Under :data:`PROCESS_FROM_ROWS` cases the feed reads in-process: starting the helper
would cost more than it saves.

Both feeds give the same pages: lists of values in ``CASE_COLUMNS`` order with dates and times
as Excel serial numbers (plain values cross the pipe with :mod:`marshal`, several times faster
than pickled datetimes), then a :class:`FeedSummary` with the summary counts of exactly those
rows and the figures that take more than the rows (``summary.query_figures``). The rows are
read in one snapshot. The in-process feed reads the figures in that snapshot too; the helper
reads them on a second connection opened at the same moment, in a thread, so they are ready
when the last page is written — a sync committing within those milliseconds is the only way they could differ.
"""

from __future__ import annotations

import marshal
import os
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from desktop.store import export_queries, queries
from desktop.store.calendar import work_calendar
from desktop.store.db import Database
from reports import data
from reports.excel.columns import CASE_COLUMNS, RowValues
from reports.excel.summary import QueriedFigures, SummaryCounts, query_figures
from reports.masking import Masker

PROCESS_FROM_ROWS = 20_000
"""Exports of at least this many cases read in the helper process (it starts in ~0.15 s and
saves ~18 µs a row)."""
HELPER_FLAG = "--export-case-feed"
"""First argument that makes the frozen program run the helper (:func:`helper_main`)."""
DATE_COLUMNS = tuple(i for i, c in enumerate(CASE_COLUMNS) if c.kind in ("date", "datetime"))
_EPOCH = datetime(1899, 12, 31)
_FRAME = struct.Struct("<cQ")
_PAGE, _SUMMARY, _ERROR = b"P", b"S", b"E"
Check = Callable[[], None]
Page = list[list[Any]]


def excel_serial(moment: date) -> float:
    """Excel's serial number of a date or naive datetime (1900 system), exactly as xlsxwriter
    computes it for ``write_datetime``, so a number cell with a date format is the same cell."""
    as_datetime = moment if isinstance(moment, datetime) else datetime(moment.year, moment.month, moment.day)
    delta = as_datetime - _EPOCH
    serial = delta.days + (float(delta.seconds) + float(delta.microseconds) / 1e6) / (60 * 60 * 24)
    if isinstance(moment, datetime) and delta.days <= 1 and moment.isocalendar() == (1900, 1, 1):
        serial -= 1  # Excel's time-only day is 1899-12-31 (xlsxwriter does the same)
    if serial > 59:
        serial += 1  # Excel counts a 29 February 1900 that never was
    return serial


@dataclass(frozen=True, slots=True)
class FeedRequest:
    """What to read: the store (its file and key), the cases, the moment, masked or not."""

    path: Path
    readonly: bool
    key: bytes | None
    filt: queries.CaseFilter
    moment: datetime
    unmask: bool
    page_size: int


@dataclass(frozen=True, slots=True)
class FeedSummary:
    """What the 요약 sheet needs once the rows are written."""

    counts: SummaryCounts
    figures: QueriedFigures


class CaseFeed(Protocol):
    in_helper: bool

    def pages(self) -> Iterator[Page]: ...

    def summary(self) -> FeedSummary:
        """After :meth:`pages` is exhausted."""
        ...

    def close(self) -> None:
        """Stop reading (a helper process is ended); safe to call more than once."""
        ...


def value_pages(reading: Database, request: FeedRequest, counts: SummaryCounts) -> Iterator[Page]:
    """The cases' cell values in export order, each row also added to ``counts``."""
    moment = request.moment
    values_of = RowValues(
        data.labels(reading, moment.date()), Masker(request.unmask), moment, work_calendar(reading)
    )
    for page in export_queries.export_pages(reading, request.filt, moment, page_size=request.page_size):
        values: Page = []
        for row in page:
            counts.add(row)
            cells = values_of(row)
            for i in DATE_COLUMNS:
                if cells[i] is not None:
                    cells[i] = excel_serial(cells[i])
            values.append(cells)
        yield values


def open_feed(reading: Database, request: FeedRequest, total: int, check: Check) -> CaseFeed:
    """The feed for ``total`` cases: in a helper process when it pays and the store is a file."""
    if total >= PROCESS_FROM_ROWS and Path(request.path).is_file():
        try:
            return HelperFeed(request)
        except OSError:
            pass  # no second process here (program missing, start refused): slower, not broken
    return InlineFeed(reading, request, check)


class InlineFeed:
    """Reads in this process on the export's own reading connection, figures last."""

    in_helper = False

    def __init__(self, reading: Database, request: FeedRequest, check: Check) -> None:
        self._reading = reading
        self._request = request
        self._check = check
        self._summary: FeedSummary | None = None
        self._pages = self._read()

    def _read(self) -> Generator[Page, None, None]:
        request = self._request
        counts = SummaryCounts(request.moment)
        with export_queries.snapshot(self._reading):
            yield from value_pages(self._reading, request, counts)
            figures = query_figures(self._reading, request.filt, request.moment, self._check)
        self._summary = FeedSummary(counts, figures)

    def pages(self) -> Iterator[Page]:
        return self._pages

    def summary(self) -> FeedSummary:
        if self._summary is None:
            raise RuntimeError("the summary comes after the last page")
        return self._summary

    def close(self) -> None:
        self._pages.close()


class HelperFailed(RuntimeError):
    """The helper process ended without finishing (crashed or killed from outside)."""


def helper_command() -> list[str]:
    """How to start the helper: this module with this interpreter, or the frozen program."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable)
        # The windowed onestop-gui of Windows/macOS has no standard streams: use the console
        # program beside it (started without a window).
        console = exe.with_name("onestop" + exe.suffix)
        return [str(console if console.is_file() else exe), HELPER_FLAG]
    return [sys.executable, "-m", __name__]


def _helper_env() -> dict[str, str]:
    """The environment with this source tree first on the path: the helper runs the same code."""
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


class HelperFeed:
    """Reads in a helper process; the figures are computed there while the pages stream."""

    in_helper = True

    def __init__(self, request: FeedRequest) -> None:
        self._summary: FeedSummary | None = None
        self._proc = subprocess.Popen(
            helper_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=_helper_env(),
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
        stdin = self._proc.stdin
        assert stdin is not None and self._proc.stdout is not None
        try:
            pickle.dump(request, stdin)
            stdin.close()
        except BrokenPipeError:
            pass  # the helper died at start: its exit shows when the first frame is read

    def _frame(self) -> tuple[bytes, bytes]:
        stdout = self._proc.stdout
        assert stdout is not None
        header = stdout.read(_FRAME.size)
        if len(header) == _FRAME.size:
            kind, size = _FRAME.unpack(header)
            payload = stdout.read(size)
            if len(payload) == size:
                return kind, payload
        code = self._proc.wait()
        raise HelperFailed(
            f"내보내기 도우미 프로세스가 중간에 끝났습니다 (종료 코드 {code}). "
            f"/ The export helper process stopped early (exit code {code})."
        )

    def pages(self) -> Iterator[Page]:
        while True:
            kind, payload = self._frame()
            if kind == _PAGE:
                yield marshal.loads(payload)
            elif kind == _SUMMARY:
                self._summary = pickle.loads(payload)
                return
            else:
                raise pickle.loads(payload)

    def summary(self) -> FeedSummary:
        if self._summary is None:
            raise RuntimeError("the summary comes after the last page")
        return self._summary

    def close(self) -> None:
        proc = self._proc
        if proc.poll() is None and self._summary is None:
            proc.kill()  # cancelled or failed: nothing the helper still does is wanted
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


# --- the helper process ---------------------------------------------------------------------------


def _send(sink: BinaryIO, kind: bytes, payload: bytes) -> None:
    sink.write(_FRAME.pack(kind, len(payload)))
    sink.write(payload)


def _figures_in_thread(request: FeedRequest) -> Callable[[], QueriedFigures]:
    """Start reading the queried figures on a connection of their own; returns the waiter."""
    found: dict[str, Any] = {}

    def read() -> None:
        db = export_queries.open_reader_at(request.path, readonly=request.readonly, key=request.key)
        try:
            with export_queries.snapshot(db):
                found["figures"] = query_figures(db, request.filt, request.moment)
        except BaseException as exc:  # handed to the main thread by the waiter
            found["error"] = exc
        finally:
            db.close()

    thread = threading.Thread(target=read, name="export-figures", daemon=True)
    thread.start()

    def wait() -> QueriedFigures:
        thread.join()
        if "error" in found:
            raise found["error"]
        figures: QueriedFigures = found["figures"]
        return figures

    return wait


def _serve(request: FeedRequest, sink: BinaryIO) -> None:
    figures = _figures_in_thread(request)
    reading = export_queries.open_reader_at(request.path, readonly=request.readonly, key=request.key)
    try:
        counts = SummaryCounts(request.moment)
        with export_queries.snapshot(reading):
            for page in value_pages(reading, request, counts):
                _send(sink, _PAGE, marshal.dumps(page))
        _send(sink, _SUMMARY, pickle.dumps(FeedSummary(counts, figures())))
    finally:
        reading.close()


def _error_payload(exc: BaseException) -> bytes:
    try:
        return pickle.dumps(exc)
    except Exception:  # an exception that does not pickle still gets its message across
        return pickle.dumps(HelperFailed(f"{type(exc).__name__}: {exc}"))


def helper_main() -> int:
    """The helper process: a pickled :class:`FeedRequest` on stdin, frames on stdout."""
    sink: BinaryIO = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    # Whatever a library prints must not land in the frame stream.
    elsewhere = sys.stderr.fileno() if sys.stderr is not None else os.open(os.devnull, os.O_WRONLY)
    os.dup2(elsewhere, sys.stdout.fileno())
    try:
        request: FeedRequest = pickle.load(sys.stdin.buffer)
        _serve(request, sink)
    except BrokenPipeError:
        return 1  # the export was cancelled or ended: nobody reads any more
    except BaseException as exc:
        try:
            _send(sink, _ERROR, _error_payload(exc))
        except OSError:
            pass  # nobody reads any more
        return 1
    finally:
        try:
            sink.close()
        except BrokenPipeError:
            pass
    return 0


if __name__ == "__main__":
    # Run the imported module's function, not this __main__ copy: the classes it pickles must
    # be the importable ones.
    from reports.excel.case_feed import helper_main as _main

    sys.exit(_main())
