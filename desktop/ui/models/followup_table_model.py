"""The follow-up register: satisfaction call-backs due, late, done or flagged after cases close."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.store import followups
from desktop.store.followups import FollowUp
from desktop.ui.models.rows_model import RIGHT, RowsTableModel

STATE_COLOURS = {
    followups.OVERDUE: "#b02a37",
    followups.DUE: "#997404",
    followups.FLAGGED: "#b02a37",
    followups.DONE: "#146c43",
    followups.REOPENED: "#6c757d",
}


class FollowupTableModel(RowsTableModel[FollowUp]):
    """One row per case in the register (late first); late and flagged rows are red.

    State: the register lines from :func:`desktop.store.followups.register`, replaced by ``set_rows``.
    """

    COL_NUMBER = 0
    COL_FIRM = 1
    COL_FIELD = 2
    COL_AGENCY = 3
    COL_RESULT = 4
    COL_CLOSED = 5
    COL_DUE = 6
    COL_STATE = 7
    COL_ATTEMPTS = 8
    COL_SCORE = 9
    COL_NOTE = 10

    CaseIdRole = RowsTableModel.RowRole + 1

    def headers(self) -> list[str]:
        return [
            self.tr("접수번호"),
            self.tr("기업명"),
            self.tr("분야"),
            self.tr("담당 기관"),
            self.tr("결과"),
            self.tr("종결일"),
            self.tr("연락 예정일"),
            self.tr("상태"),
            self.tr("시도"),
            self.tr("만족도"),
            self.tr("메모"),
        ]

    def state_name(self, state: str) -> str:
        names = {
            followups.OVERDUE: self.tr("지연"),
            followups.DUE: self.tr("오늘 연락"),
            followups.SCHEDULED: self.tr("예정"),
            followups.FLAGGED: self.tr("불만족 조치 필요"),
            followups.DONE: self.tr("완료"),
            followups.REOPENED: self.tr("재개됨"),
        }
        return names.get(state, state)

    def cell(self, row: FollowUp, column: int, role: int) -> Any:
        labels = self._labels
        if role == self.CaseIdRole:
            return row.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                self.COL_NUMBER: row.number,
                self.COL_FIRM: row.firm_name,
                self.COL_FIELD: labels.field(row.field_code),
                self.COL_AGENCY: labels.agency(row.agency_id) if row.agency_id else "",
                self.COL_RESULT: labels.result(row.result_code) or labels.status(row.status),
                self.COL_CLOSED: row.closed_at.strftime("%Y-%m-%d") if row.closed_at else "",
                self.COL_DUE: row.due.isoformat() if row.due else "",
                self.COL_STATE: self.state_name(row.state),
                self.COL_ATTEMPTS: row.attempts or "",
                self.COL_SCORE: "" if row.score is None else row.score,
                self.COL_NOTE: row.note,
            }
            return values.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COL_ATTEMPTS, self.COL_SCORE):
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATE and row.state in STATE_COLOURS:
            return QColor(STATE_COLOURS[row.state])
        return None
