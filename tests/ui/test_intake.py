"""Logging a difficulty at the desk, through the real widgets and the keyboard only."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot
from ui_helpers import Keyboard, commit_text

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core import deadlines
from desktop.core.ids import format_brn
from desktop.store import cases, firms, queries, sessions
from desktop.store.calendar import work_calendar
from desktop.store.db import Database
from desktop.store.firm_pages import page_firms
from desktop.ui.context import AppContext
from desktop.ui.i18n import Translations
from desktop.ui.main_window import MainWindow
from desktop.ui.pages.intake.panel import IntakePanel
from desktop.ui.pages.today.page import TodayPage

TYPICAL_KEYSTROKE_BUDGET = 15
NEW_BRN = "1248100998"


def _active(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _open_session(window: MainWindow) -> str:
    ctx = window.ctx
    session_id, _ = sessions.add_session(
        ctx.db,
        name="2026 순천 원스톱 현장지원단 1차",
        day=ctx.today(),
        place="순천 해룡산단 기업지원센터",
        actor=ctx.actor(),
        region_code="46",
        agencies=("NTS", "KOSMES", "JNEPA"),
    )
    ctx.update_settings(ctx.settings.with_changes(current_session_id=session_id))
    return session_id


def _intake(window: MainWindow) -> IntakePanel:
    page = window.page("today")
    assert isinstance(page, TodayPage)
    return page.intake


def _firm_with_a_routed_difficulty(
    window: MainWindow, qtbot: QtBot, demo_db: Database, text: str = "수출 바우처 지원사업 신청 자격 문의"
) -> IntakePanel:
    """The intake with a picked firm and an export question (its agency has alternatives), field accepted."""
    firm_id, _ = firms.add_firm(
        demo_db, firms.NewFirm(brn=NEW_BRN, name="순천정밀", region_code="49"), window.ctx.actor()
    )
    _active(window, qtbot)
    window.new_case()
    intake = _intake(window)
    intake._firm_picked(firms.get_firm(demo_db, firm_id))
    commit_text(intake.text, text)
    intake.accept_field_suggestion()
    return intake


def test_typical_case_takes_at_most_15_keystrokes_and_lands_in_the_store(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    session_id = _open_session(window)
    firm = page_firms(demo_db, None, 1)[0][0]
    before = queries.count_cases(demo_db, queries.CaseFilter(session_id=session_id))
    _active(window, qtbot)
    window.show_page("cases")
    keys = Keyboard(qtbot)

    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new case
    assert keys.focused().objectName() == "firmLookupBox"
    keys.type_ascii(format_brn(firm.brn))  # BRN with dashes
    keys.press(Qt.Key.Key_Return)  # pick the firm
    intake = _intake(window)
    assert intake.firm is not None and intake.firm.id == firm.id
    assert keys.focused() is intake.text
    keys.type_hangul("법인세 납부기한 연장이 가능한지 문의합니다. 부가세 신고도 함께 상담 요청.")
    keys.press(Qt.Key.Key_Tab)  # leave the text
    assert keys.focused() is intake.field
    assert "세무" in intake.field.placeholderText()
    keys.press(Qt.Key.Key_Return)  # accept the suggested field
    assert intake.field.currentData() == "F01"
    keys.press(Qt.Key.Key_Return)  # keep the kind (제도·절차 질의)
    assert keys.focused() is intake.agency
    suggested = intake.suggested_agency
    assert suggested and intake.agency.currentData() == suggested
    keys.press(Qt.Key.Key_Return)  # accept the suggested agency
    assert keys.focused() is intake.consents[0]
    keys.press(Qt.Key.Key_Space)  # the firm consents to that agency
    keys.press(Qt.Key.Key_Return)  # save

    print(f"\nkeystrokes for a typical intake: {keys.count}: {keys.log}")
    assert keys.count <= TYPICAL_KEYSTROKE_BUDGET
    assert keys.count == 8
    assert intake.error.text() == "" or not intake.error.isVisible()
    after = queries.page_after(demo_db, queries.CaseFilter(session_id=session_id), queries.Sort(), None, 1)
    assert queries.count_cases(demo_db, queries.CaseFilter(session_id=session_id)) == before + 1
    case = cases.get_case(demo_db, after[0].id)
    assert case.firm_id == firm.id
    assert case.session_id == session_id
    assert case.field_code == "F01"
    assert case.kind == "procedure"
    assert case.agency_id == suggested
    assert case.status == "assigned"
    assert case.number.startswith(f"{case.received_at.year}-순천-")
    assert [c.agency_id for c in cases.consents(demo_db, case.id)] == [suggested]
    expected_due = deadlines.compute_deadline(
        case.received_at, deadlines.Period(7, "days"), work_calendar(demo_db)
    )
    assert case.deadline_at == expected_due
    assert case.number in intake.saved_label.text()
    # Ready for the same firm's next difficulty.
    assert intake.firm is not None and intake.text.toPlainText() == ""
    assert keys.focused() is intake.text


def test_unknown_brn_opens_the_inline_form_with_a_live_check_digit(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    _active(window, qtbot)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = _intake(window)
    keys.type_ascii("124-81-00999")  # wrong check digit
    intake.lookup.search_now()
    assert "검증번호" in intake.lookup.hint.text()
    keys.press(Qt.Key.Key_Return)
    assert not intake.new_firm.isVisible()  # an invalid BRN is not offered for registration
    intake.lookup.box.clear()
    keys.type_ascii(NEW_BRN)
    keys.press(Qt.Key.Key_Return)
    form = intake.new_firm
    assert form.isVisible()
    assert keys.focused() is form.name
    assert form.brn.text() == "124-81-00998"
    assert form.brn_status.text().startswith("✓")
    form.brn.setText("124-81-0099")
    assert "9/10" in form.brn_status.text() or "10" in form.brn_status.text()
    form.brn.setText("124-81-00999")
    assert form.brn_status.text().startswith("✗")
    form.brn.setText("1248100998")
    assert form.brn_status.text().startswith("✓")
    form.name.setFocus()
    keys.type_hangul("(주)순천정밀")
    form.region.setCurrentIndex(form.region.findData("46"))
    keys.press(Qt.Key.Key_Return)  # register
    assert not form.isVisible()
    assert intake.firm is not None and intake.firm.brn == NEW_BRN and intake.firm.name == "(주)순천정밀"
    assert [f.name for f in firms.firms_by_brn(demo_db, NEW_BRN)] == ["(주)순천정밀"]
    assert keys.focused() is intake.text


@pytest.mark.parametrize("query", ["순천", "ㅅㅊ"])
def test_lookup_finds_by_two_syllables_and_chosung(
    window: MainWindow, qtbot: QtBot, demo_db: Database, query: str
) -> None:
    firm_id, _ = firms.add_firm(demo_db, firms.NewFirm(brn=NEW_BRN, name="순천정밀"), window.ctx.actor())
    _active(window, qtbot)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = _intake(window)
    commit_text(intake.lookup.box, query)
    intake.lookup.search_now()
    names = [intake.lookup.model.firm_at(r).name for r in range(intake.lookup.model.rowCount())]  # type: ignore[union-attr]
    assert "순천정밀" in names
    row = names.index("순천정밀")
    for _ in range(row):
        keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    assert intake.firm is not None and intake.firm.id == firm_id


def test_overriding_the_agency_needs_a_reason_and_consent(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    intake = _firm_with_a_routed_difficulty(window, qtbot, demo_db, "수출 원산지증명서 발급 절차 문의")
    assert intake.field.currentData() == "F06"
    other = intake.agency.findData("KITA")
    intake.agency.setCurrentIndex(other)
    assert intake.overridden and intake.reason.isEnabled()
    assert intake.save() is None
    assert "이유" in intake.error.text()
    commit_text(intake.reason, "무역협회 수출 바우처 상담 연계")
    assert intake.save() is None  # no consent yet
    assert "동의" in intake.error.text()
    # The reason only: the form shows where; the field's code ("consent: …") is not for people.
    assert not re.match(r"[a-z_]+:", intake.error.text()), intake.error.text()
    intake.consents[0].setChecked(True)
    case_id = intake.save()
    assert case_id is not None
    case = cases.get_case(demo_db, case_id)
    assert case.agency_id == "KITA" and case.status == "assigned"
    routed = [e for e in cases.timeline(demo_db, case_id) if e.kind == "status"][-1]
    assert routed.payload["reason"] == "무역협회 수출 바우처 상담 연계"


def test_kind_key_sets_the_legal_deadline_and_onsite_resolution_closes_nothing_open(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    firm_id, _ = firms.add_firm(demo_db, firms.NewFirm(brn=NEW_BRN, name="순천정밀"), window.ctx.actor())
    _active(window, qtbot)
    window.new_case()
    intake = _intake(window)
    intake._firm_picked(firms.get_firm(demo_db, firm_id))
    commit_text(intake.text, "세무조사 유예 요건에 대한 법령 해석 질의")
    intake.field.setFocus()
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_1)  # 1 = 법령 질의 (14 days)
    assert intake.kind.currentData() == "law"
    assert keys.focused() is intake.agency
    intake.onsite_radio.setChecked(True)
    assert intake.answer.isVisible() and not intake.agency.isVisible()
    commit_text(intake.answer, "국세청 126 상담센터 안내, 유예 신청서 양식 전달")
    case_id = intake.save()
    assert case_id is not None
    case = cases.get_case(demo_db, case_id)
    assert case.kind == "law" and case.status == "onsite_resolved" and case.onsite and not case.agency_id
    assert case.received_at <= datetime.now()


def test_unsaved_intake_survives_a_crash(
    window: MainWindow, qtbot: QtBot, demo_db: Database, make_ctx: object
) -> None:
    firm_id, _ = firms.add_firm(demo_db, firms.NewFirm(brn=NEW_BRN, name="순천정밀"), window.ctx.actor())
    window.new_case()
    intake = _intake(window)
    intake._firm_picked(firms.get_firm(demo_db, firm_id))
    commit_text(intake.text, "정책자금 상환유예 문의")
    qtbot.waitUntil(lambda: window.ctx.drafts.get("intake") is not None, timeout=3000)
    # "Kill" the program: no close, no save; a new window over the same store and folder.
    fresh = IntakePanel(make_ctx(demo_db))  # type: ignore[operator]
    qtbot.addWidget(fresh)
    assert fresh.draft_bar.isVisibleTo(fresh)
    qtbot.mouseClick(fresh.draft_bar.accept_button, Qt.MouseButton.LeftButton)
    assert fresh.text.toPlainText() == "정책자금 상환유예 문의"
    assert fresh.firm is not None and fresh.firm.id == firm_id


def test_typing_in_the_lookup_box_searches_by_itself(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    lookup = _intake(window).lookup
    name = page_firms(demo_db, None, 1)[0][0].name
    commit_text(lookup.box, name[-2:])
    qtbot.waitUntil(lambda: lookup.model.query == name[-2:], timeout=1_000)
    assert lookup.model.rowCount() > 0
    commit_text(lookup.box, "없는말")
    qtbot.waitUntil(lambda: lookup.model.rowCount() == 0, timeout=1_000)


def test_the_next_difficulty_offers_no_consent_left_from_the_last_one(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    intake = _firm_with_a_routed_difficulty(window, qtbot, demo_db)
    assert len(intake.consents) > 1  # the suggested agency and its alternatives
    intake.consents[0].setChecked(True)
    assert intake.save() is not None
    assert intake.agency.currentData() == ""
    assert intake.consents == []


def test_tab_follows_the_intake_from_the_agency_to_save(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    intake = _firm_with_a_routed_difficulty(window, qtbot, demo_db)
    intake.agency.setFocus()
    keys = Keyboard(qtbot)
    reached = []
    while keys.focused() is not intake.save_button and len(reached) < 10:
        keys.press(Qt.Key.Key_Tab)
        reached.append(keys.focused())
    assert reached == [*intake.consents, intake.save_button]
    intake.agency.setCurrentIndex(intake.agency.findData("KITA"))  # overridden: the reason comes first
    intake.agency.setFocus()
    keys.press(Qt.Key.Key_Tab)
    assert keys.focused() is intake.reason


def test_tab_from_the_onsite_answer_reaches_save(window: MainWindow, qtbot: QtBot, demo_db: Database) -> None:
    intake = _firm_with_a_routed_difficulty(window, qtbot, demo_db)
    intake.onsite_radio.setChecked(True)
    intake.answer.setFocus()
    Keyboard(qtbot).press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is intake.save_button


def test_the_saved_message_does_not_widen_the_form(
    window: MainWindow, qtbot: QtBot, demo_db: Database
) -> None:
    intake = _firm_with_a_routed_difficulty(window, qtbot, demo_db)
    intake.consents[0].setChecked(True)
    assert intake.save() is not None
    assert intake.saved_label.text()
    QApplication.processEvents()
    pane = intake.parentWidget()  # the scroll area's viewport (it never scrolls sideways)
    assert pane is not None and intake.minimumSizeHint().width() <= pane.width()


def test_the_english_form_keeps_its_labels_in_view(
    demo_db: Database, make_ctx: object, translations: Translations, qtbot: QtBot
) -> None:
    """English agency and region names are long; the form still fits its pane (it never scrolls sideways)."""
    translations.install("en")
    ctx: AppContext = make_ctx(demo_db, language="en")  # type: ignore[operator]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    _active(window, qtbot)
    window.new_case()
    intake = _intake(window)
    pane = intake.parentWidget()
    assert pane is not None
    QApplication.processEvents()
    assert intake.minimumSizeHint().width() <= pane.width()  # the agency box lists every agency
    firm_id, _ = firms.add_firm(
        demo_db, firms.NewFirm(brn=NEW_BRN, name="Suncheon Precision", region_code="49"), ctx.actor()
    )
    intake._firm_picked(firms.get_firm(demo_db, firm_id))
    QApplication.processEvents()
    assert "Jeonnam-Gwangju Integrated Special City" in intake.firm_label.text()
    assert intake.minimumSizeHint().width() <= pane.width()


@pytest.mark.parametrize("pasted", ["900101-1234567", "9001011234567"])
def test_a_pasted_resident_number_is_flagged_not_taken_for_a_brn(
    window: MainWindow, qtbot: QtBot, pasted: str
) -> None:
    _active(window, qtbot)
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    intake = _intake(window)
    keys.type_ascii(pasted)
    intake.lookup.search_now()
    assert "주민등록번호" in intake.lookup.hint.text()
    keys.press(Qt.Key.Key_Return)
    assert not intake.new_firm.isVisible()
