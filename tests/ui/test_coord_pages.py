"""Coordinator views: dashboard (figures, follow-up register), clusters (import, thresholds), programs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDoubleSpinBox

from desktop.core import clusters as cl
from desktop.core.dashboard import bucket_counts, satisfaction_figure
from desktop.core.programs import Program
from desktop.store import cases, firms, followups, queries, sessions
from desktop.store import clusters as store_clusters
from desktop.store import programs as store_programs
from desktop.store.db import Database
from desktop.ui.context import AppContext
from desktop.ui.models.cluster_table_model import ClusterTableModel
from desktop.ui.models.followup_table_model import FollowupTableModel
from desktop.ui.models.keyword_table_model import KeywordTableModel
from desktop.ui.models.match_table_model import MatchTableModel
from desktop.ui.models.program_table_model import ProgramTableModel
from desktop.ui.pages.case_detail.dialog import CaseDetailDialog
from desktop.ui.pages.clusters.dialogs import COL_VALUE, ThresholdDialog
from desktop.ui.pages.clusters.page import ClustersPage
from desktop.ui.pages.dashboard.page import DashboardPage
from desktop.ui.pages.dashboard.widgets import TOP_AGENCIES
from desktop.ui.widgets.bar_chart import Bar, BarChart
from desktop.ui.widgets.coord_dialogs import CallDialog, ProblemsDialog
from reports.excel import coord_import


@pytest.fixture
def demo_ctx(demo_db: Database, make_ctx: object) -> AppContext:
    return make_ctx(demo_db, role="coordinator")  # type: ignore[operator, no-any-return]


def _firm_case(ctx: AppContext) -> str:
    firm_id, _ = firms.add_firm(
        ctx.db,
        firms.NewFirm(
            brn="1248100998",
            name="(주)광양철강",
            region_code="46",
            size="소기업",
            ksic="24112",
            address="광양시 산단로 1",
        ),
        ctx.actor(),
    )
    new = cases.NewCase(firm_id=firm_id, field="F13", text="매출감소로 경영위기 컨설팅을 받고 싶습니다")
    return cases.add_case(ctx.db, new, ctx.actor())[0]


def test_new_models_are_well_behaved(qtmodeltester: object, demo_ctx: AppContext) -> None:
    labels = demo_ctx.labels()
    db = demo_ctx.db
    store_clusters.load_demo_indicators(db, demo_ctx.actor())
    clusters_model = ClusterTableModel(labels)
    clusters_model.set_rows(store_clusters.overview(db))
    programs_model = ProgramTableModel(labels)
    programs_model.set_rows(store_programs.list_programs(db))
    followup_model = FollowupTableModel(labels)
    followup_model.set_rows(followups.register(db))
    some_case = queries.page_after(db, queries.CaseFilter(field_code="F03"), queries.Sort(), None, 1)[0]
    match_model = MatchTableModel(labels)
    match_model.set_matches(store_programs.matches_for_case(db, some_case.id), frozenset())
    keyword_model = KeywordTableModel(labels)
    from desktop.store import dashboard_queries

    keyword_model.set_keywords(dashboard_queries.dashboard_figures(db).keywords)
    for model in (clusters_model, programs_model, followup_model, match_model, keyword_model):
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_the_bar_chart_draws_and_explains_each_bar(qtbot: QtBot) -> None:
    chart = BarChart("분야별")
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_data([Bar("세무", (5, 2)), Bar("수출", (3, 0))], ("전체", "현장해결"))
    chart.grab()  # paints
    assert "세무: 5, 2" in chart.accessibleDescription()
    box, text = chart.hit_boxes[0]
    assert text == "세무 — 전체: 5"
    assert chart.tooltip_at(box.center().toPoint()) == text
    assert chart.tooltip_at(QPoint(0, 0)) == ""
    empty = BarChart("빈 차트")
    qtbot.addWidget(empty)
    empty.set_data([])
    assert not empty.grab().isNull()


def test_the_dashboard_shows_the_figures_of_the_chosen_period(demo_ctx: AppContext, qtbot: QtBot) -> None:
    page = DashboardPage(demo_ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20_000)
    figures = page.figures
    assert figures is not None and figures.total == 300
    assert page.view.tiles["total"].value.text() == "300건"
    assert len(page.view.field_chart.bars) == len(figures.by_field)
    assert page.view.keyword_model.rowCount() == sum(len(k.keywords) for k in figures.keywords)
    page.figures = None
    page.period.setCurrentIndex(page.period.findData("90d"))
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20_000)
    assert page.figures is not None and page.figures.total < 300
    assert page.figures.date_from is not None


def test_the_agency_chart_ranks_agencies_by_open_cases_and_leaves_out_those_with_none(
    demo_ctx: AppContext, qtbot: QtBot
) -> None:
    page = DashboardPage(demo_ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20_000)
    figures = page.figures
    assert figures is not None
    assert any(g.key and not g.open for g in figures.by_agency)  # the demo has agencies with none
    waiting = sorted((g.open for g in figures.by_agency if g.key and g.open), reverse=True)
    shown = [bar.values[0] for bar in page.view.agency_chart.bars]
    assert shown == waiting[:TOP_AGENCIES] and 0 not in shown


def test_the_dashboard_writes_the_period_pdf(demo_ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    page = DashboardPage(demo_ctx)
    qtbot.addWidget(page)
    job = page.write_pdf(tmp_path / "현황.pdf")
    qtbot.waitUntil(lambda: job.reported, timeout=30_000)
    assert job.error is None and (tmp_path / "현황.pdf").read_bytes()[:4] == b"%PDF"


def test_the_open_session_period_says_when_none_is_open_and_its_pdf_counts_that_session(
    demo_ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page = DashboardPage(demo_ctx)
    qtbot.addWidget(page)
    page.show()
    page.period.setCurrentIndex(page.period.findData("session"))
    qtbot.waitUntil(lambda: page.figures is not None and not demo_ctx.workers.busy, timeout=20_000)
    assert "열린 현장지원단이 없습니다" in page.status.text()

    session = sessions.list_sessions(demo_ctx.db, limit=1)[0]
    page.figures = None
    demo_ctx.update_settings(demo_ctx.settings.with_changes(current_session_id=session.id))
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20_000)  # opening it refreshes
    figures = page.figures
    assert figures is not None and 0 < figures.total < 300
    assert "없습니다" not in page.status.text()
    job = page.write_pdf(tmp_path / "현황.pdf")
    qtbot.waitUntil(lambda: job.reported, timeout=30_000)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "현황.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert session.name in flat and f"{figures.total:,}건" in flat


def test_a_call_from_the_follow_up_register_flags_a_low_score(demo_ctx: AppContext, qtbot: QtBot) -> None:
    db = demo_ctx.db
    recent = queries.page_after(db, queries.CaseFilter(statuses=("closed",)), queries.Sort(), None, 1)[0]
    db.execute("UPDATE cases SET satisfaction = NULL WHERE id = ?", (recent.id,))
    page = DashboardPage(demo_ctx)
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.followups)
    qtbot.waitUntil(lambda: page.followups.model.rowCount() > 0, timeout=10_000)
    row = next(r for r in page.followups.model.rows if r.case_id == recent.id)
    dialog = CallDialog(demo_ctx, row.case_id, row.number)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.error.text() == "응답을 고르세요."
    dialog.points.button(2).setChecked(True)
    dialog.note.setText("답변이 늦었다고 함")
    with qtbot.waitSignal(demo_ctx.events.case_changed):
        dialog.save()
    assert dialog.outcome is not None and dialog.outcome.flagged
    assert cases.get_case(db, recent.id).satisfaction == 25
    assert followups.for_case(db, recent.id).state == followups.FLAGGED  # type: ignore[union-attr]


def test_the_cluster_view_imports_indicators_and_shows_the_track(
    demo_ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    page = ClustersPage(demo_ctx)
    qtbot.addWidget(page)
    assert page.period.currentData() == ""  # nothing rated yet
    sheet = coord_import.write_template(
        tmp_path / "지표.xlsx",
        "indicators",
        [
            ("JN-GY-STEEL", "", "2026 상반기", -25, 31, -3, 200, ""),
            ("JN-YS-PETRO", "", "2026 상반기", 1, 2, 0, 90, ""),
        ],
    )
    page.import_file(sheet)
    qtbot.waitUntil(lambda: page.period.currentData() == "2026-H1", timeout=10_000)
    page.select_cluster("JN-GY-STEEL")
    assert page.detail.cluster_id == "JN-GY-STEEL"
    assert "핀셋 지원" in page.detail.track.text()
    assert page.detail.history.rowCount() == 1
    page.level.setCurrentIndex(page.level.findData("severe"))
    assert page.proxy.rowCount() == 1


def test_a_bad_indicator_sheet_lists_the_problems_and_stores_nothing(
    demo_ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def record(dialog: ProblemsDialog) -> int:
        shown.append(dialog.text.toPlainText())
        return 0

    monkeypatch.setattr(ProblemsDialog, "exec", record)
    page = ClustersPage(demo_ctx)
    qtbot.addWidget(page)
    sheet = coord_import.write_template(
        tmp_path / "bad.xlsx", "indicators", [("없는곳", "", "2026-H1", 1, 1, 1, 1, "")]
    )
    page.import_file(sheet)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "bad.xlsx:지표 / 행 2 / 밀집지역코드" in shown[0]
    assert demo_ctx.db.scalar("SELECT count(*) FROM cluster_indicators") == 0


def test_editing_a_threshold_re_rates_the_latest_half_year(demo_ctx: AppContext, qtbot: QtBot) -> None:
    store_clusters.import_indicators(
        demo_ctx.db, [cl.Indicators("JN-GY-STEEL", "2026-H1", -7.0)], "t", demo_ctx.actor()
    )
    dialog = ThresholdDialog(demo_ctx)
    qtbot.addWidget(dialog)
    rules = dialog.rules()
    row = next(i for i, r in enumerate(rules) if r.level == "severe" and r.group == "S1")
    spin = dialog.table.cellWidget(row, COL_VALUE)
    assert isinstance(spin, QDoubleSpinBox)
    spin.setValue(-6.0)
    dialog.save()
    assert dialog.result() == 1
    assert store_clusters.ratings(demo_ctx.db, "2026-H1")["JN-GY-STEEL"].level is cl.SEVERE
    again = ThresholdDialog(demo_ctx)
    qtbot.addWidget(again)
    again.table.setRowCount(0)
    again.save()
    assert "단계의 기준이 없습니다" in again.error.text()


def test_the_case_window_lists_programs_and_attaches_one(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = _firm_case(ctx)
    dialog = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    tab = dialog.programs_tab
    assert tab.model.rowCount() > 0
    first = tab.model.row_at(0)
    assert first is not None and first.program.id == "JNTP-STANDUP-2026"
    assert "광양국가산단 철강" in tab.profile.text()
    tab.attach()
    assert tab.error.text() == "먼저 지원사업을 고르세요."
    tab.table.selectRow(0)
    tab.note.setText("신청서 양식 전달")
    with qtbot.waitSignal(ctx.events.case_changed):
        tab.attach()
    assert [a.program_id for a in store_programs.attached(ctx.db, case_id)] == ["JNTP-STANDUP-2026"]
    assert tab.model.data(tab.model.index(0, MatchTableModel.COL_ATTACHED)) == "✓"
    assert dialog.timeline_model.rowCount() >= 2
    texts = [dialog.timeline_model.describe(e) for e in cases.timeline(ctx.db, case_id)]
    assert any("연결" in t and "긴급처방" in t for t in texts)


def test_the_case_window_records_the_founding_day(ctx: AppContext, qtbot: QtBot) -> None:
    from PySide6.QtCore import QDate

    case_id = _firm_case(ctx)
    dialog = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    tab = dialog.programs_tab
    tab.founded.setDate(QDate(2015, 5, 1))
    tab.save_founded()
    founded = store_programs.founded_on(ctx.db, cases.get_case(ctx.db, case_id).firm_id)
    assert founded is not None and founded.isoformat() == "2015-05-01"
    assert "업력" in tab.profile.text()


def test_the_follow_up_tab_of_a_closed_case(ctx: AppContext, qtbot: QtBot) -> None:
    firm_id, _ = firms.add_firm(ctx.db, firms.NewFirm(brn="1248100998", name="(주)광양철강"), ctx.actor())
    new = cases.NewCase(firm_id=firm_id, field="F01", text="부가세 신고 문의", onsite_answer="신고 방법 안내")
    case_id = cases.add_case(ctx.db, new, ctx.actor())[0]
    dialog = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    assert "7일" in dialog.followup_tab.state.text()
    cases.act(ctx.db, case_id, "close", ctx.actor(), result_code="onsite")
    followups.record_call(ctx.db, case_id, ctx.actor(), points=5)
    ctx.events.case_changed.emit(case_id)
    assert "만족도 100점" in dialog.followup_tab.state.text()
    assert "만족도 5점 (100/100)" in dialog.followup_tab.history.text()


def test_program_catalog_tab_filters(demo_ctx: AppContext, qtbot: QtBot) -> None:
    page = ClustersPage(demo_ctx)
    qtbot.addWidget(page)
    panel = page.programs
    total = panel.proxy.rowCount()
    assert total == len(store_programs.list_programs(demo_ctx.db))
    panel.filter.setText("중진공")
    assert 0 < panel.proxy.rowCount() < total
    program = panel.model.row_at(0)
    assert isinstance(program, Program)


def test_small_helpers_used_by_the_views() -> None:
    assert [b.count for b in bucket_counts([(9, 2)])] == [0, 2, 0, 0, 0]
    assert satisfaction_figure({50: 1}).by_points == (0, 0, 1, 0, 0)
    assert Qt.ItemDataRole.UserRole < ClusterTableModel.ClusterIdRole
