"""Qt item models: well-behaved (qtmodeltester) and lazy — keyset pages, jumps, sorting, flat memory."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import Qt

from desktop.core.records import CaseEvent, CaseId, EventId
from desktop.store import firms, queries
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.store.queries import CaseFilter, Sort
from desktop.ui.context import AppContext
from desktop.ui.labels import Labels
from desktop.ui.models.ageing_table_model import AgeingTableModel, compute_ageing
from desktop.ui.models.case_table_model import OVERDUE, CaseTableModel
from desktop.ui.models.firm_table_model import FirmTableModel
from desktop.ui.models.timeline_table_model import TimelineTableModel


@pytest.fixture
def demo_ctx(demo_db: Database, make_ctx: object) -> AppContext:
    return make_ctx(demo_db)  # type: ignore[operator, no-any-return]


@pytest.fixture
def big_db(big_db_path: Path) -> Iterator[Database]:
    db = open_store(big_db_path)
    yield db
    db.close()


def _all_ids(db: Database, filt: CaseFilter, sort: Sort) -> list[str]:
    ids: list[str] = []
    after = None
    while True:
        page = queries.page_after(db, filt, sort, after, 5000)
        if not page:
            return ids
        ids += [r.id for r in page]
        after = page[-1].sort_values


def test_case_model_is_well_behaved(qtmodeltester: object, demo_ctx: AppContext) -> None:
    model = CaseTableModel(demo_ctx.db, demo_ctx.labels())
    model.PAGE_SIZE = 50  # several pages even in a small store
    assert model.rowCount() == 300
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_firm_model_is_well_behaved_in_both_modes(qtmodeltester: object, demo_ctx: AppContext) -> None:
    model = FirmTableModel(demo_ctx.db, demo_ctx.labels())
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    model.set_query("ㄱ")
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_firm_list_counts_all_firms_when_the_data_changes_not_per_keystroke(
    demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted: list[int] = []
    count_firms = firms.count_firms
    monkeypatch.setattr(firms, "count_firms", lambda db: counted.append(1) or count_firms(db))
    model = FirmTableModel(demo_ctx.db, demo_ctx.labels())
    total = model.total
    assert total == count_firms(demo_ctx.db) > 0 and len(counted) == 1
    for query in ("ㄱ", "ㄱㅇ", "광양", ""):
        model.set_query(query)
    assert len(counted) == 1 and model.total == total
    firms.add_firm(demo_ctx.db, firms.NewFirm(brn="2208162517", name="새 기업"), demo_ctx.actor())
    model.refresh()
    assert len(counted) == 2 and model.total == total + 1
    lookup = FirmTableModel(demo_ctx.db, demo_ctx.labels(), empty_lists_all=False)
    lookup.set_query("광양")
    lookup.refresh()
    assert len(counted) == 2  # a lookup box shows no total


def test_timeline_and_ageing_models_are_well_behaved(qtmodeltester: object, demo_ctx: AppContext) -> None:
    timeline = TimelineTableModel(demo_ctx.labels())
    at = datetime(2026, 3, 3, 10)
    timeline.set_events(
        [
            CaseEvent(EventId("e1"), CaseId("c"), at, "김상담", "created", {"field": "F01", "kind": "law"}),
            CaseEvent(
                EventId("e2"),
                CaseId("c"),
                at,
                "김상담",
                "status",
                {"from": "received", "to": "assigned", "agency": "NTS"},
            ),
            CaseEvent(EventId("e3"), CaseId("c"), at, "김상담", "note", {"text": "전화 안내"}),
        ]
    )
    qtmodeltester.check(timeline, force_py=True)  # type: ignore[attr-defined]
    assert timeline.data(timeline.index(1, TimelineTableModel.COL_WHAT)) == "접수 → 배정 (국세청)"
    ageing = AgeingTableModel(demo_ctx.labels())
    ageing.set_rows(compute_ageing(demo_ctx.db, datetime.now()))
    assert ageing.rowCount() > 0
    qtmodeltester.check(ageing, force_py=True)  # type: ignore[attr-defined]


def test_ageing_buckets_add_up_to_the_open_cases(demo_db: Database) -> None:
    rows = compute_ageing(demo_db, datetime.now())
    assert sum(r.open for r in rows) == queries.count_cases(demo_db, CaseFilter(open_only=True))
    for row in rows:
        assert sum(row.buckets) == row.open


def test_overdue_case_turns_red(demo_ctx: AppContext) -> None:
    model = CaseTableModel(demo_ctx.db, demo_ctx.labels(), filt=CaseFilter(overdue=True))
    assert model.rowCount() > 0
    index = model.index(0, CaseTableModel.COL_DEADLINE)
    assert model.data(index, CaseTableModel.DeadlineStateRole) == OVERDUE
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "기한 경과"


def test_a_case_turns_red_once_the_list_is_judged_against_the_clock_again(demo_ctx: AppContext) -> None:
    model = CaseTableModel(demo_ctx.db, demo_ctx.labels())
    rows = [model.list_row(r) for r in range(model.rowCount())]
    late = next(r for r, row in enumerate(rows) if row and row.is_overdue(datetime.now()))
    index = model.index(late, CaseTableModel.COL_DEADLINE)
    model.now = datetime(2000, 1, 1)  # judged long ago (a list built ahead and shown later)
    assert model.data(index, CaseTableModel.DeadlineStateRole) != OVERDUE
    model.rejudge()
    assert model.data(index, CaseTableModel.DeadlineStateRole) == OVERDUE
    assert model.rowCount() == 300 and not model.counting


def test_masked_firm_names(demo_ctx: AppContext) -> None:
    model = CaseTableModel(demo_ctx.db, demo_ctx.labels())
    index = model.index(0, CaseTableModel.COL_FIRM)
    plain = model.data(index)
    model.set_mask_names(True)
    masked = model.data(index)
    assert "*" in masked and masked != plain


def test_row_texts_follow_a_language_switch(demo_ctx: AppContext) -> None:
    model = CaseTableModel(demo_ctx.db, demo_ctx.labels())
    index = model.index(0, CaseTableModel.COL_FIELD)
    korean = model.data(index)
    code = model.list_row(0).field_code  # type: ignore[union-attr]
    english = Labels(demo_ctx.labels().ref, "en")
    model.set_labels(english)
    assert model.data(index) == english.field(code) != korean


def test_pages_follow_the_keyset_order_across_boundaries_and_jumps(
    big_db: Database, make_ctx: object
) -> None:
    ctx: AppContext = make_ctx(big_db)  # type: ignore[operator]
    for key, descending in (
        ("received_at", True),
        ("firm_name", False),
        ("deadline_at", False),
        ("status", True),
        ("days_open", False),
    ):
        sort = Sort(key, descending)
        expected = _all_ids(big_db, CaseFilter(), sort)
        model = CaseTableModel(big_db, ctx.labels(), sort=sort)
        assert model.rowCount() == len(expected) == 20_000
        size = model.PAGE_SIZE
        # Sequential: pages 0, 1, 2 use page_after from the previous page's last row.
        for row in (0, size - 1, size, 2 * size + 7):
            assert model.case_id(row) == expected[row], (key, row)
        # Jumps: into the first half (page_at), the second half and the very end (page_from_end).
        for row in (7_777, 12_345, 19_999, 19_801, 15_000):
            assert model.case_id(row) == expected[row], (key, row)


def test_scrolling_everywhere_keeps_memory_flat(big_db: Database, make_ctx: object) -> None:
    ctx: AppContext = make_ctx(big_db)  # type: ignore[operator]
    model = CaseTableModel(big_db, ctx.labels())
    for row in range(0, model.rowCount(), 97):
        assert model.data(model.index(row, CaseTableModel.COL_NUMBER))
    assert model.cached_pages <= model.MAX_PAGES


def test_sorting_and_filtering_20k_cases_stay_instant(big_db: Database, make_ctx: object) -> None:
    ctx: AppContext = make_ctx(big_db)  # type: ignore[operator]
    model = CaseTableModel(big_db, ctx.labels())
    worst = 0.0
    for column in range(CaseTableModel.COLUMN_COUNT):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            started = time.perf_counter()
            model.sort(column, order)
            for row in (0, 10_000, model.rowCount() - 1):
                model.data(model.index(row, column))
            worst = max(worst, time.perf_counter() - started)
    filters = [
        CaseFilter(statuses=("assigned",)),
        CaseFilter(field_code="F03"),
        CaseFilter(agency_id="NTS"),
        CaseFilter(overdue=True),
        CaseFilter(search="정책자금"),
        CaseFilter(open_only=True, field_code="F01"),
    ]
    for filt in filters:
        started = time.perf_counter()
        model.set_filter(filt)
        model.data(model.index(0, 0))
        worst = max(worst, time.perf_counter() - started)
        assert model.rowCount() == queries.count_cases(big_db, filt, model.now)
    assert worst < 1.0, f"slowest sort/filter took {worst:.3f} s"


def test_count_is_cached_per_filter_until_refresh(demo_ctx: AppContext) -> None:
    model = CaseTableModel(demo_ctx.db, demo_ctx.labels())
    model.set_filter(CaseFilter(field_code="F01"))
    f01 = model.rowCount()
    model.set_filter(CaseFilter())
    model.set_filter(CaseFilter(field_code="F01"))
    assert model.rowCount() == f01
    model.refresh()
    assert model.rowCount() == f01
    assert model.now <= datetime.now() + timedelta(seconds=1)


def test_with_workers_the_first_page_shows_at_once_and_the_count_follows(
    demo_ctx: AppContext, qtbot: object
) -> None:
    model = CaseTableModel(demo_ctx.db, demo_ctx.labels(), workers=demo_ctx.workers)
    assert model.counting and model.rowCount() == model.PAGE_SIZE  # first page, count on its way
    assert model.data(model.index(0, CaseTableModel.COL_NUMBER))
    with qtbot.waitSignal(model.rowsInserted, timeout=10_000):  # type: ignore[attr-defined]
        pass
    assert not model.counting and model.rowCount() == 300
    model.set_filter(CaseFilter(field_code="F99"))  # fewer than a page: exact at once
    f99 = queries.count_cases(demo_ctx.db, CaseFilter(field_code="F99"))
    assert not model.counting and model.rowCount() == f99
    model.set_filter(CaseFilter())  # counted before: cached
    assert not model.counting and model.rowCount() == 300
