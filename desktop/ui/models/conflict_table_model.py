"""The conflicts inbox table: one row per conflicting field with its first two values side by side."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.core.ids import format_brn
from desktop.sync.conflicts import PERSONAL_MASKS, Conflict, ConflictValue
from desktop.ui.models.rows_model import RowsTableModel

SHOWN_COLOUR = "#146c43"


class ConflictTableModel(RowsTableModel[Conflict]):
    """Conflicts from :func:`desktop.sync.conflicts.list_conflicts` (the same order on every laptop).

    State: the conflicts, replaced by ``set_rows``. Values are shown in the interface language
    (field and agency names, not codes); the value the program shows meanwhile is green.
    """

    COL_RECORD = 0
    COL_FIELD = 1
    COL_VALUE_1 = 2
    COL_WHO_1 = 3
    COL_VALUE_2 = 4
    COL_WHO_2 = 5

    ConflictIdRole = RowsTableModel.RowRole + 1

    def headers(self) -> list[str]:
        return [
            self.tr("대상"),
            self.tr("항목"),
            self.tr("값 1"),
            self.tr("누가·언제 1"),
            self.tr("값 2"),
            self.tr("누가·언제 2"),
        ]

    def field_name(self, table: str, column: str) -> str:
        """The Korean (or English) name of a synced column."""
        names = {
            "text": self.tr("내용"),
            "field_code": self.tr("분야"),
            "kind": self.tr("민원 유형"),
            "assignee": self.tr("담당자"),
            "agency_id": self.tr("담당 기관"),
            "status": self.tr("상태"),
            "result_code": self.tr("결과"),
            "result_reason": self.tr("결과 사유"),
            "satisfaction": self.tr("만족도"),
            "session_id": self.tr("현장지원단 회차"),
            "firm_id": self.tr("기업"),
            "brn": self.tr("사업자등록번호"),
            "region_code": self.tr("지역"),
            "size": self.tr("기업 규모"),
            "ksic": self.tr("업종"),
            "corp_no": self.tr("법인등록번호"),
            "representative": self.tr("대표자"),
            "phone": self.tr("전화"),
            "email": self.tr("이메일"),
            "address": self.tr("주소"),
            "place": self.tr("장소"),
            "day": self.tr("날짜"),
            "deleted": self.tr("삭제 여부"),
        }
        if column == "name":
            return self.tr("기업명") if table == "firms" else self.tr("이름")
        return names.get(column, column)

    def value_text(self, conflict: Conflict, value: object) -> str:
        """One conflicting value as people read it: names for codes, masked personal data."""
        if value is None or value == "":
            return "—"
        labels, text = self._labels, str(value)
        column = conflict.column
        if column == "deleted":
            return self.tr("삭제됨") if text not in ("0", "False") else self.tr("있음")
        named = {
            "field_code": labels.field,
            "kind": labels.kind,
            "agency_id": labels.agency,
            "status": labels.status,
            "region_code": labels.region,
            "size": labels.size,
            "result_code": labels.result,
            "brn": format_brn,
            **PERSONAL_MASKS,
        }
        show = named.get(column)
        return show(text) if show is not None else text

    def who_text(self, value: ConflictValue) -> str:
        return f"{value.who} · {value.at:%Y-%m-%d %H:%M}"

    def cell(self, row: Conflict, column: int, role: int) -> Any:
        if role == self.ConflictIdRole:
            return row.id
        first = row.values[0]
        second = row.values[1] if len(row.values) > 1 else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_RECORD:
                return row.label
            if column == self.COL_FIELD:
                return self.field_name(row.table, row.column)
            if column == self.COL_VALUE_1:
                return _one_line(self.value_text(row, first.value), role)
            if column == self.COL_WHO_1:
                return self.who_text(first)
            if second is None:
                return ""
            if column == self.COL_VALUE_2:
                more = len(row.values) - 2
                text = _one_line(self.value_text(row, second.value), role)
                return text + (self.tr(" (외 {n}개)").format(n=more) if more else "")
            if column == self.COL_WHO_2:
                return self.who_text(second)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.COL_VALUE_1, self.COL_WHO_1):
            return QColor(SHOWN_COLOUR)
        return None


def _one_line(text: str, role: int) -> str:
    """A long text on one line in the cell; the tooltip keeps it whole."""
    return text if role == Qt.ItemDataRole.ToolTipRole else " ".join(text.split())
