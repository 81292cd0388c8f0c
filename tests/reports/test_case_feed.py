"""The export's case feed: the helper process writes the very workbook the in-process feed writes,
hands its errors over, and never outlives the export (done, cancelled, failed or killed)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from report_helpers import ACTOR, NOW
from xlsxwriter.utility import _datetime_to_excel_datetime

from benchmarks.export_probe import child_pids
from desktop import frozen_main
from desktop.store import dbkey, encryption, export_queries, queries
from desktop.store.db import Database
from desktop.store.opening import open_store
from reports.excel import case_feed
from reports.excel import export as export_module
from reports.excel.export import ExportCancelled, ExportOptions, export_cases

needs_proc = pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc to find the helper")


class Started:
    """Records the helper feeds the export starts (their processes stay reachable)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.feeds: list[case_feed.HelperFeed] = []
        original = case_feed.HelperFeed

        def start(request: case_feed.FeedRequest) -> case_feed.HelperFeed:
            feed = original(request)
            self.feeds.append(feed)
            return feed

        monkeypatch.setattr(case_feed, "HelperFeed", start)
        monkeypatch.setattr(case_feed, "PROCESS_FROM_ROWS", 0)

    @property
    def processes(self) -> list[subprocess.Popen[bytes]]:
        return [feed._proc for feed in self.feeds]


def sheet_parts(path: Path) -> dict[str, bytes]:
    """The worksheets, charts and drawings of a workbook (no timestamps in them)."""
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if name.startswith(("xl/worksheets/", "xl/charts/", "xl/drawings/"))
        }


@given(
    st.one_of(
        st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59)),
        st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31)),
    )
)
def test_excel_serial_is_the_number_xlsxwriter_writes_for_a_date(moment: date) -> None:
    assert case_feed.excel_serial(moment) == _datetime_to_excel_datetime(moment, False, False)


def test_excel_serial_of_known_days() -> None:
    assert case_feed.excel_serial(date(1900, 3, 1)) == 61  # after Excel's 29 February 1900
    assert case_feed.excel_serial(datetime(2026, 11, 26, 18, 0)) == 46352.75


def test_the_helper_writes_the_same_workbook_as_the_in_process_feed(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = ExportOptions(per_agency=True)
    inline = export_cases(demo_db, tmp_path / "inline.xlsx", ACTOR, options, now=NOW)
    started = Started(monkeypatch)
    helped = export_cases(demo_db, tmp_path / "helped.xlsx", ACTOR, options, now=NOW)
    assert len(started.feeds) == 1 and started.processes[0].returncode == 0
    assert helped.read_in_helper and not inline.read_in_helper
    assert helped.rows == inline.rows == 400 and helped.sheets == inline.sheets
    inline_parts, helped_parts = sheet_parts(inline.path), sheet_parts(helped.path)
    assert len(inline_parts) >= 2 + len(inline.sheets)  # the sheets and the summary's charts
    assert helped_parts == inline_parts
    # And the dates are the stored moments (a number cell with a date format, as Excel keeps it).
    first = export_queries.export_pages(demo_db, queries.CaseFilter(), NOW, page_size=1)
    stored = next(iter(first))[0]
    sheet = load_workbook(helped.path, read_only=True)["사례"]
    row = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert row[0] == stored.id and row[2] == stored.received_at


def test_the_helper_reads_an_encrypted_store_with_its_key(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.db"
    shutil.copyfile(demo_path, path)
    key = dbkey.new_key()
    encryption.encrypt_store(path, key)
    db = open_store(path, key=key)
    try:
        started = Started(monkeypatch)
        result = export_cases(db, tmp_path / "locked.xlsx", ACTOR, now=NOW)
    finally:
        db.close()
    assert len(started.feeds) == 1 and result.rows == 400


def test_a_small_export_reads_in_process_and_a_big_one_in_the_helper(demo_db: Database) -> None:
    request = case_feed.FeedRequest(demo_db.path, False, None, queries.CaseFilter(), NOW, False, 100)
    small = case_feed.open_feed(demo_db, request, case_feed.PROCESS_FROM_ROWS - 1, lambda: None)
    big = case_feed.open_feed(demo_db, request, case_feed.PROCESS_FROM_ROWS, lambda: None)
    try:
        assert isinstance(small, case_feed.InlineFeed) and isinstance(big, case_feed.HelperFeed)
    finally:
        small.close()
        big.close()
    assert big._proc.returncode is not None  # closing a feed nobody read ends its helper


def test_an_export_that_cannot_start_its_helper_reads_in_process(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_feed, "PROCESS_FROM_ROWS", 0)
    monkeypatch.setattr(case_feed, "helper_command", lambda: [str(tmp_path / "no-such-program")])
    result = export_cases(demo_db, tmp_path / "slow.xlsx", ACTOR, now=NOW)
    assert result.rows == 400 and not result.read_in_helper


def test_an_error_in_the_helper_arrives_as_the_same_exception(tmp_path: Path, db: Database) -> None:
    # A key for a plain store: SQLCipher cannot read page 1 ("file is not a database").
    request = case_feed.FeedRequest(db.path, False, dbkey.new_key(), queries.CaseFilter(), NOW, False, 100)
    feed = case_feed.HelperFeed(request)
    try:
        with pytest.raises(Exception, match="not a database") as raised:
            list(feed.pages())
    finally:
        feed.close()
    assert type(raised.value).__module__.startswith("sqlcipher3")


def test_a_cancelled_export_ends_its_helper(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "PAGE", 20)
    started = Started(monkeypatch)
    asked: list[int] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(ExportCancelled):
        export_cases(demo_db, tmp_path / "c.xlsx", ACTOR, now=NOW, cancelled=cancel)
    assert started.processes[0].returncode is not None
    assert list(tmp_path.iterdir()) == []


def test_a_helper_killed_from_outside_fails_the_export_and_leaves_nothing(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_module, "PAGE", 20)
    started = Started(monkeypatch)
    pages: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        pages.append((done, total))
        if done == 40:
            started.processes[0].kill()

    with pytest.raises(case_feed.HelperFailed, match="export helper process stopped early"):
        export_cases(demo_db, tmp_path / "k.xlsx", ACTOR, now=NOW, progress=progress)
    assert pages[-1][0] < 400
    assert list(tmp_path.iterdir()) == []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


EXPORT_SCRIPT = """
import sys
from datetime import datetime
from pathlib import Path
sys.path.insert(0, {tests!r})
from report_helpers import ACTOR
from desktop.store.opening import open_store
from reports.excel import case_feed, export
case_feed.PROCESS_FROM_ROWS = 0
export.PAGE = 5
original = export.CaseSheet.append
def slow(self, values):
    import time
    time.sleep(0.002)  # keep the export going long enough to be killed in the middle
    original(self, values)
export.CaseSheet.append = slow
db = open_store(Path({db!r}))
export.export_cases(db, Path({out!r}), ACTOR, now=datetime(2026, 11, 26, 17, 0))
"""


@needs_proc
def test_a_helper_does_not_outlive_an_export_killed_with_sigkill(demo_path: Path, tmp_path: Path) -> None:
    script = EXPORT_SCRIPT.format(
        tests=str(Path(__file__).parent), db=str(demo_path), out=str(tmp_path / "x.xlsx")
    )
    export = subprocess.Popen([sys.executable, "-c", script], env=case_feed._helper_env())
    try:
        deadline = time.monotonic() + 30
        helpers: list[int] = []
        while not helpers and time.monotonic() < deadline and export.poll() is None:
            time.sleep(0.05)
            helpers = child_pids(export.pid)
        assert helpers, "the export started no helper"
        time.sleep(0.3)
        assert export.poll() is None, "the export ended before it could be killed"
        os.kill(export.pid, signal.SIGKILL)
        export.wait()
        give_up = time.monotonic() + 10
        while any(_alive(pid) for pid in helpers) and time.monotonic() < give_up:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in helpers), "the helper outlived its export"
    finally:
        if export.poll() is None:
            export.kill()
            export.wait()


def test_the_frozen_program_runs_the_helper_by_the_same_flag() -> None:
    assert frozen_main.EXPORT_HELPER_FLAG == case_feed.HELPER_FLAG


def test_the_helper_runs_this_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    path = case_feed._helper_env()["PYTHONPATH"].split(os.pathsep)
    assert Path(path[0]) == Path(case_feed.__file__).resolve().parents[2] and path[1] == "/elsewhere"
    assert case_feed.helper_command()[1:] == ["-m", "reports.excel.case_feed"]
