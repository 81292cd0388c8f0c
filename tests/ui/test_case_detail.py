"""The case window: edits, workflow buttons, notes, timeline, and drafts that survive a crash."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from ui_helpers import commit_text

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core import workflow
from desktop.store import cases, firms
from desktop.store.db import Database
from desktop.ui.context import AppContext
from desktop.ui.pages.case_detail.actions import ActionDialog
from desktop.ui.pages.case_detail.dialog import CaseDetailDialog, draft_key


def _new_case(ctx: AppContext, **extra: object) -> str:
    firm_id, _ = firms.add_firm(
        ctx.db, firms.NewFirm(brn="1248100998", name="(주)광양철강", region_code="46"), ctx.actor()
    )
    values: dict[str, object] = {
        "firm_id": firm_id,
        "field": "F01",
        "text": "법인세 납부기한 연장 문의",
    } | extra
    case_id, _ = cases.add_case(ctx.db, cases.NewCase(**values), ctx.actor())  # type: ignore[arg-type]
    return case_id


def test_only_allowed_transitions_have_buttons(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = CaseDetailDialog(ctx, _new_case(ctx))
    qtbot.addWidget(dialog)
    allowed = {a.code for a in workflow.allowed_actions("received")}
    assert set(dialog.action_buttons) == allowed
    assert "reply" not in dialog.action_buttons
    assert dialog.action_buttons["assign"].text() == "배정"


def test_editing_fields_is_saved_with_a_timeline_entry(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = _new_case(ctx)
    dialog = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(dialog)
    dialog.text.clear()
    commit_text(dialog.text, "법인세 분할납부 가능 여부 문의")
    dialog.kind.setCurrentIndex(dialog.kind.findData("law"))
    dialog.assignee.setText("이지원")
    with qtbot.waitSignal(ctx.events.case_changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    case = cases.get_case(ctx.db, case_id)
    assert (case.text, case.kind, case.assignee) == ("법인세 분할납부 가능 여부 문의", "law", "이지원")
    edits = [e.payload["field"] for e in cases.timeline(ctx.db, case_id) if e.kind == "edit"]
    assert sorted(edits) == ["assignee", "kind", "text"]
    assert dialog.timeline_model.rowCount() == len(cases.timeline(ctx.db, case_id))
    assert ctx.drafts.get(draft_key(case_id)) is None


def test_assigning_through_the_action_dialog_records_consent_then_reply_and_close(
    ctx: AppContext, qtbot: QtBot
) -> None:
    case_id = _new_case(ctx)
    detail = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(detail)
    action = ActionDialog(ctx, detail.case, "assign", detail)
    qtbot.addWidget(action)
    action.agency.setCurrentIndex(action.agency.findData("NTS"))
    assert not action.run()  # no consent yet: refused, nothing changed
    assert "동의" in action.error.text()
    assert cases.get_case(ctx.db, case_id).status == "received"
    action.consent.setChecked(True)
    assert action.run()
    assert cases.get_case(ctx.db, case_id).status == "assigned"
    assert set(detail.action_buttons) == {a.code for a in workflow.allowed_actions("assigned")}
    assert "국세청" in detail.consents_label.text()
    reply = ActionDialog(ctx, detail.case, "reply", detail)
    qtbot.addWidget(reply)
    commit_text(reply.text, "분할납부 신청 요건 안내 회신")
    assert reply.run()
    close = ActionDialog(ctx, detail.case, "close", detail)
    qtbot.addWidget(close)
    close.result_box.setCurrentIndex(close.result_box.findData("resolved"))
    assert close.run()
    case = cases.get_case(ctx.db, case_id)
    assert case.status == "closed" and case.result_code == "resolved"
    assert set(detail.action_buttons) == {"reopen"}
    assert "종결" in detail.deadline_label.text()


def test_clicking_a_button_opens_its_dialog(ctx: AppContext, qtbot: QtBot) -> None:
    detail = CaseDetailDialog(ctx, _new_case(ctx))
    qtbot.addWidget(detail)
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ActionDialog)
        seen.append(dialog.action_code)
        dialog.reject()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(detail.action_buttons["assign"], Qt.MouseButton.LeftButton)
    assert seen == ["assign"]


def test_supplement_pause_and_extension_show_in_the_deadline_history(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = _new_case(ctx, agency="NTS", consent_agencies=("NTS",))
    cases.act(ctx.db, case_id, "start", ctx.actor())
    cases.act(ctx.db, case_id, "extend", ctx.actor(), reason="관계기관 협의", extension_days=7)
    cases.act(ctx.db, case_id, "request_supplement", ctx.actor(), reason="재무제표 보완")
    detail = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(detail)
    assert "정지" in detail.deadline_label.text()
    # The days in brackets are the legal period, named as such (not how late the case is).
    assert "처리기간" in detail.deadline_label.text()
    history = detail.clock_history.text()
    assert "재무제표 보완" in history and "관계기관 협의" in history
    assert "receive_supplement" in detail.action_buttons


def test_notes_are_added_to_the_timeline(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = _new_case(ctx)
    detail = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(detail)
    commit_text(detail.note, "대표자와 통화, 서류 안내")
    detail.add_note()
    last = cases.timeline(ctx.db, case_id)[-1]
    assert last.kind == "note" and last.payload["text"] == "대표자와 통화, 서류 안내"
    assert detail.note.text() == ""


def test_unsaved_edits_survive_a_simulated_crash(db: Database, make_ctx: object, qtbot: QtBot) -> None:
    ctx: AppContext = make_ctx(db)  # type: ignore[operator]
    case_id = _new_case(ctx)
    first = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(first)
    first.text.clear()
    commit_text(first.text, "법인세 납부기한 연장 및 분납 문의 (수정 중)")
    commit_text(first.note, "오후에 다시 전화하기로 함")
    qtbot.waitUntil(lambda: (ctx.drafts.get(draft_key(case_id)) or {}).get("note") is not None, timeout=3000)
    # Simulated kill: the first window never closes or saves; a new program instance starts.
    second_ctx: AppContext = make_ctx(db)  # type: ignore[operator]
    second = CaseDetailDialog(second_ctx, case_id)
    qtbot.addWidget(second)
    assert second.draft_bar.isVisibleTo(second)
    assert cases.get_case(db, case_id).text == "법인세 납부기한 연장 문의"  # nothing saved behind our back
    qtbot.mouseClick(second.draft_bar.accept_button, Qt.MouseButton.LeftButton)
    assert second.text.toPlainText() == "법인세 납부기한 연장 및 분납 문의 (수정 중)"
    assert second.note.text() == "오후에 다시 전화하기로 함"
    assert second.save()
    assert cases.get_case(db, case_id).text == "법인세 납부기한 연장 및 분납 문의 (수정 중)"


def test_closing_the_window_keeps_the_draft(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = _new_case(ctx)
    detail = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(detail)
    detail.show()
    detail.assignee.setText("박담당")
    detail.close()  # before the debounce fired
    assert (ctx.drafts.get(draft_key(case_id)) or {}).get("assignee") == "박담당"
    again = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(again)
    qtbot.mouseClick(again.draft_bar.reject_button, Qt.MouseButton.LeftButton)
    assert ctx.drafts.get(draft_key(case_id)) is None


def test_an_offered_draft_is_kept_until_restored_or_discarded(ctx: AppContext, qtbot: QtBot) -> None:
    case_id = _new_case(ctx)
    ctx.drafts.put(draft_key(case_id), {"assignee": "박담당"})
    detail = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.wait(600)  # longer than the autosave debounce
    detail.close()  # closed without deciding
    assert (ctx.drafts.get(draft_key(case_id)) or {}).get("assignee") == "박담당"


def test_a_case_opens_ready_for_a_note_and_enter_does_not_leave_it(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = CaseDetailDialog(ctx, _new_case(ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is dialog.note
    firm_requests: list[str] = []
    ctx.events.firm_open_requested.connect(firm_requests.append)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert firm_requests == []
    assert dialog.isVisible()
