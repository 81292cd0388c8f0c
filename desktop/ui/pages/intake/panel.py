"""Keyboard-first intake of a difficulty: firm → text → field → kind → routing with consent → save.

Typical case, keys beyond the typed texts: Enter (pick firm), Tab (leave the text), Enter
(accept the suggested field), Enter (keep the kind), Enter (accept the suggested agency),
Space (the firm consents), Enter (save). Ctrl+Enter saves from anywhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QWidget,
)

from desktop.core import deadlines, routing
from desktop.core.errors import RejectedInput
from desktop.core.field_suggest import suggest_fields
from desktop.core.records import Firm
from desktop.store import cases, firms, reference, sessions
from desktop.store.calendar import work_calendar
from desktop.ui.context import AppContext
from desktop.ui.pages.intake.form import IntakeForm
from desktop.ui.pages.intake.widgets import firm_summary
from desktop.ui.widgets.common import debounce_timer

DRAFT_KEY = "intake"
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 6)}


class IntakePanel(IntakeForm):
    """The intake form. Logs a case with ``cases.add_case`` (like ``onestop case add``).

    State: the chosen firm, the suggested field and agency (what Enter accepts), whether
    the field was confirmed, and a debounced draft of everything typed (restored after a
    crash or a closed window).
    """

    case_saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("intakePanel")
        self.firm: Firm | None = None
        self.suggested_field = ""
        self.suggested_agency = ""
        self._restoring = False
        self._set_firm(None)
        self._connect()
        self._draft_timer = debounce_timer(self, 400, self.save_draft)
        self._suggest_timer = debounce_timer(self, 250, self.update_field_suggestion)
        self._kind_changed()
        self._offer_draft()
        self._update_mode()

    def _connect(self) -> None:
        self.lookup.firm_picked.connect(self._firm_picked)
        self.lookup.new_firm_requested.connect(self._new_firm)
        self.new_firm.registered.connect(self._firm_picked)
        self.new_firm.cancelled.connect(lambda: self.lookup.box.setFocus())
        self.change_firm.clicked.connect(self.start_new)
        self.text.textChanged.connect(self._text_changed)
        self.field.activated.connect(lambda _: self._field_chosen())
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.route_radio.toggled.connect(lambda _: self._update_mode())
        self.agency.currentIndexChanged.connect(lambda _: self._agency_changed())
        self.reason.textChanged.connect(lambda _: self._changed())
        self.answer.textChanged.connect(self._changed)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.start_new)
        self.draft_bar.accepted.connect(self._restore_draft)
        self.draft_bar.rejected.connect(self._discard_draft)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        for widget in (self.field, self.kind, self.agency, self.reason, self.route_radio, self.onsite_radio):
            widget.installEventFilter(self)

    # --- flow ------------------------------------------------------------------------------------

    def start_new(self) -> None:
        """Clear everything (a new firm) and put the cursor in the firm lookup."""
        self._set_firm(None)
        self.clear_case_fields()
        self.lookup.clear()
        self.new_firm.hide()
        self.saved_label.clear()
        self.lookup.box.setFocus()

    def clear_case_fields(self) -> None:
        """Clear the difficulty but keep the firm (it often has several)."""
        self._restoring = True
        try:
            self.text.clear()
            self.field.setCurrentIndex(-1)
            self.suggested_field = ""
            self.field_hint.clear()
            self.field.setPlaceholderText(self.tr("분야 선택"))
            self.kind.setCurrentIndex(self.kind.findData("procedure"))
            self.route_radio.setChecked(True)
            self.agency.setCurrentIndex(0)
            self.suggested_agency = ""
            self.route_hint.clear()
            self.reason.clear()
            self.answer.clear()
            self._rebuild_consents([])  # the last case's alternative agencies are not this one's
            self.error.show_text("")
        finally:
            self._restoring = False
        self._kind_changed()
        self._update_mode()

    def _set_firm(self, firm: Firm | None) -> None:
        self.firm = firm
        if firm is None:
            self.firm_label.setText(self.tr("선택된 기업 없음"))
            self.change_firm.setEnabled(False)
        else:
            self.firm_label.setText(firm_summary(firm, self._ctx.labels()))
            self.change_firm.setEnabled(True)

    def _firm_picked(self, firm: Firm) -> None:
        self._set_firm(firm)
        self.new_firm.hide()
        self.lookup.results.hide()
        self.lookup.hint.clear()
        self._refresh_routing()
        self._changed()
        self.text.setFocus()

    def _new_firm(self, brn: str, name: str) -> None:
        region = ""
        session_id = self._ctx.settings.current_session_id
        if session_id:
            try:
                region = sessions.get_session(self._ctx.db, session_id).region_code
            except RejectedInput:
                region = ""
        self.new_firm.start(brn, name, region)

    def _text_changed(self) -> None:
        self._suggest_timer.start()
        self._changed()

    def update_field_suggestion(self) -> None:
        """Suggest the field from keywords in the text; Enter in the field box accepts it."""
        self._suggest_timer.stop()
        labels = self._ctx.labels()
        text = self.text.toPlainText().strip()
        if not text:
            self.suggested_field = ""
            self.field_hint.clear()
            if self.field.currentIndex() < 0:
                self.field.setPlaceholderText(self.tr("분야 선택"))
            return
        found = suggest_fields(text, labels.fields(), limit=3)
        self.suggested_field = found[0].field.code if found else ""
        if not found:
            return
        best = found[0]
        others = ", ".join(labels.field(s.field.code) for s in found[1:])
        hint = self.tr("제안: {field}").format(field=labels.field(best.field.code))
        if best.matched:
            hint += f" ({', '.join(best.matched[:3])})"
        if others:
            hint += " · " + self.tr("다른 후보: {others}").format(others=others)
        self.field_hint.setText(hint)
        self.field.setPlaceholderText(
            self.tr("제안: {field} — Enter로 수락").format(field=labels.field_with_code(best.field.code))
        )

    def accept_field_suggestion(self) -> None:
        if self._suggest_timer.isActive():
            self.update_field_suggestion()
        if self.field.currentIndex() < 0 and self.suggested_field:
            self.field.setCurrentIndex(self.field.findData(self.suggested_field))
            self._field_chosen()

    def _field_chosen(self) -> None:
        self._refresh_routing()
        self._changed()

    def _kind_changed(self) -> None:
        code = self.kind.currentData()
        if code:
            kind = deadlines.case_kind(str(code))
            due = deadlines.compute_deadline(self._ctx.now(), kind.period, work_calendar(self._ctx.db))
            self.deadline_hint.setText(self.tr("처리기한 {due}").format(due=due.strftime("%Y-%m-%d %H:%M")))
        self._changed()

    def _refresh_routing(self) -> None:
        """Suggest the agency for (field, the firm's region and size) from the routing table."""
        code = self.field.currentData()
        self.suggested_agency = ""
        if not code or self.firm is None:
            self.route_hint.clear()
            return
        ref = reference.reference_data(self._ctx.db)
        try:
            suggestion = routing.suggest_agency(
                str(code), self.firm.region_code, self.firm.size, self._ctx.today(), ref
            )
        except RejectedInput:
            suggestion = None
        if suggestion is None:
            self.route_hint.setText(self.tr("라우팅 표에 맞는 기관이 없습니다. 직접 고르세요."))
            self._update_override()
            return
        self.suggested_agency = suggestion.agency.id
        index = self.agency.findData(suggestion.agency.id)
        if index >= 0:
            self.agency.setCurrentIndex(index)
        self.route_hint.setText(suggestion.reason_en if self._ctx.lang == "en" else suggestion.reason_ko)
        self._rebuild_consents([a.id for a in suggestion.alternatives[:2]])
        self._update_override()

    def _agency_changed(self) -> None:
        self._rebuild_consents()
        self._update_override()
        self._changed()

    @property
    def overridden(self) -> bool:
        chosen = self.agency.currentData() or ""
        return bool(chosen) and bool(self.suggested_agency) and chosen != self.suggested_agency

    def _update_override(self) -> None:
        self.reason.setEnabled(self.route_radio.isChecked() and self.overridden)
        self.reason_label.setEnabled(self.reason.isEnabled())

    def _rebuild_consents(self, extra: list[str] | None = None) -> None:
        """One consent checkbox per recipient agency: the chosen one first, then alternatives."""
        checked = {c.property("agency_id") for c in self.consents if c.isChecked()}
        previous_extra = [c.property("agency_id") for c in self.consents[1:]]
        for box in self.consents:
            self.consent_layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.consents = []
        chosen = self.agency.currentData() or ""
        recipients = [chosen] if chosen else []
        for agency_id in extra if extra is not None else previous_extra:
            if agency_id and agency_id not in recipients:
                recipients.append(agency_id)
        labels = self._ctx.labels()
        previous: QWidget = self.reason
        for agency_id in recipients:
            box = QCheckBox(
                self.tr("기업이 {agency}에 정보 제공을 동의함").format(agency=labels.agency_full(agency_id))
            )
            box.setProperty("agency_id", agency_id)
            box.setObjectName(f"consent_{agency_id}")
            box.setChecked(agency_id in checked)
            box.toggled.connect(lambda _: self._changed())
            box.installEventFilter(self)
            self.consent_layout.addWidget(box)
            box.show()  # now, not queued: Enter on the agency moves the focus here at once
            self.consents.append(box)
            self.setTabOrder(previous, box)
            previous = box
        self.setTabOrder(previous, self.answer)
        self.setTabOrder(self.answer, self.save_button)

    def _update_mode(self) -> None:
        route = self.route_radio.isChecked()
        for widget in (self.agency, self.route_hint, self.consent_box, self.consent_label):
            widget.setVisible(route)
        self.reason.setVisible(route)
        self.reason_label.setVisible(route)
        self.answer.setVisible(not route)
        self.answer_label.setVisible(not route)
        self._update_override()
        self._changed()

    def _next_after_kind(self) -> None:
        if self.onsite_radio.isChecked():
            self.answer.setFocus()
        else:
            self.agency.setFocus()

    def _next_after_agency(self) -> None:
        if self.overridden:
            self.reason.setFocus()
        elif self.consents:
            self.consents[0].setFocus()
        else:
            self.save_button.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched is self.field and self._suggest_timer.isActive():
            self.update_field_suggestion()  # the suggestion must be there when the field is reached
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return super().eventFilter(watched, event)
        if key in _ENTER_KEYS:
            if watched is self.field:
                self.accept_field_suggestion()
                if self.field.currentIndex() >= 0:
                    self.kind.setFocus()
                return True
            if watched is self.kind:
                self._next_after_kind()
                return True
            if watched in (self.route_radio, self.onsite_radio):
                self._next_after_kind()
                return True
            if watched is self.agency:
                self._next_after_agency()
                return True
            if watched is self.reason:
                (self.consents[0] if self.consents else self.save_button).setFocus()
                return True
            if watched in self.consents:
                self.save()
                return True
        if watched is self.kind and key in _DIGIT_KEYS:
            self.kind.setCurrentIndex(_DIGIT_KEYS[key] - 1)
            self._next_after_kind()
            return True
        return super().eventFilter(watched, event)

    # --- saving ----------------------------------------------------------------------------------

    def consented_agencies(self) -> tuple[str, ...]:
        return tuple(str(c.property("agency_id")) for c in self.consents if c.isChecked())

    def save(self) -> str | None:
        """Log the case; on success keep the firm for its next difficulty and return the case id."""
        ctx = self._ctx
        if self._suggest_timer.isActive():
            self.update_field_suggestion()
        problems = []
        if self.firm is None:
            problems.append(self.tr("기업을 먼저 찾거나 등록하세요."))
        if self.field.currentIndex() < 0:
            problems.append(self.tr("분야를 고르세요 (분야 칸에서 Enter를 누르면 제안을 받아들입니다)."))
        route = self.route_radio.isChecked()
        agency = str(self.agency.currentData() or "") if route else ""
        if route and self.overridden and not self.reason.text().strip():
            problems.append(self.tr("제안과 다른 기관을 고른 이유를 입력하세요."))
        if not route and not self.answer.toPlainText().strip():
            problems.append(self.tr("현장에서 안내한 답변을 입력하세요."))
        if problems:
            self.error.show_text("\n".join(problems))
            return None
        assert self.firm is not None
        session_id = ctx.settings.current_session_id or None
        new = cases.NewCase(
            firm_id=self.firm.id,
            field=str(self.field.currentData()),
            text=self.text.toPlainText(),
            kind=str(self.kind.currentData()),
            session_id=session_id,
            agency=agency,
            route_reason=self.reason.text().strip() if self.overridden else "",
            onsite_answer="" if route else self.answer.toPlainText(),
            consent_agencies=self.consented_agencies() if route else (),
            number_prefix=ctx.settings.number_prefix,
        )
        try:
            case_id, _ = cases.add_case(ctx.db, new, ctx.actor())
        except RejectedInput as exc:
            self.error.show_text(exc.message(ctx.lang))
            return None
        case = cases.get_case(ctx.db, case_id)
        self.clear_case_fields()
        ctx.drafts.drop(DRAFT_KEY)
        due = case.deadline_at.strftime("%Y-%m-%d %H:%M") if case.deadline_at else "—"
        self.saved_label.setText(
            self.tr("접수됨: {number} · {status} · 기한 {due}").format(
                number=case.number, status=ctx.labels().status(case.status), due=due
            )
        )
        ctx.events.case_added.emit(case_id)
        self.case_saved.emit(case_id)
        self.text.setFocus()
        return case_id

    # --- drafts ----------------------------------------------------------------------------------

    def _changed(self) -> None:
        if not self._restoring:
            self._draft_timer.start()

    def draft_values(self) -> dict[str, Any]:
        return {
            "firm_id": self.firm.id if self.firm else "",
            "text": self.text.toPlainText(),
            "field": self.field.currentData() or "",
            "kind": self.kind.currentData() or "",
            "onsite": self.onsite_radio.isChecked(),
            "agency": self.agency.currentData() or "",
            "reason": self.reason.text(),
            "answer": self.answer.toPlainText(),
            "consents": list(self.consented_agencies()),
        }

    def save_draft(self) -> None:
        """Write what is typed to the drafts file (debounced; also on close).

        While an older draft is offered back (the bar is showing) it is kept untouched until
        the user restores or discards it.
        """
        self._draft_timer.stop()
        if self.draft_bar.isVisibleTo(self):
            return
        values = self.draft_values()
        if values["text"].strip() or values["answer"].strip() or values["reason"].strip():
            self._ctx.drafts.put(DRAFT_KEY, values)
        else:
            self._ctx.drafts.drop(DRAFT_KEY)

    def _offer_draft(self) -> None:
        draft = self._ctx.drafts.get(DRAFT_KEY)
        if not draft:
            return
        saved_at = str(draft.get("saved_at", ""))[:16].replace("T", " ")
        self.draft_bar.ask(
            self.tr("저장하지 않은 접수 내용이 있습니다 ({at}). 복원할까요?").format(at=saved_at),
            self.tr("복원"),
            self.tr("버리기"),
        )

    def _discard_draft(self) -> None:
        self._ctx.drafts.drop(DRAFT_KEY)
        self.save_draft()  # what was typed meanwhile

    def _restore_draft(self) -> None:
        draft = self._ctx.drafts.get(DRAFT_KEY) or {}
        self._restoring = True
        try:
            if draft.get("firm_id"):
                try:
                    self._set_firm(firms.get_firm(self._ctx.db, str(draft["firm_id"])))
                except RejectedInput:
                    self._set_firm(None)
            self.text.setPlainText(str(draft.get("text", "")))
            self.update_field_suggestion()
            field_index = self.field.findData(draft.get("field", ""))
            self.field.setCurrentIndex(field_index)
            if field_index >= 0:
                self._refresh_routing()
            self.kind.setCurrentIndex(max(self.kind.findData(draft.get("kind", "procedure")), 0))
            self.onsite_radio.setChecked(bool(draft.get("onsite")))
            self.route_radio.setChecked(not draft.get("onsite"))
            self.agency.setCurrentIndex(max(self.agency.findData(draft.get("agency", "")), 0))
            self.reason.setText(str(draft.get("reason", "")))
            self.answer.setPlainText(str(draft.get("answer", "")))
            wanted = set(draft.get("consents", []))
            for box in self.consents:
                box.setChecked(box.property("agency_id") in wanted)
        finally:
            self._restoring = False
        self._update_mode()
        self.text.setFocus()
