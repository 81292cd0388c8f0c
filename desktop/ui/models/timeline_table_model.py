"""The timeline of one case: who did what, when (append-only case events)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core.records import CaseEvent
from desktop.ui.labels import Labels

AnyIndex = QModelIndex | QPersistentModelIndex


class TimelineTableModel(QAbstractTableModel):
    """Events of one case, oldest first.

    State: the events (replaced as a whole by :meth:`set_events`) and the labels used to
    describe them in the interface language.
    """

    COL_AT = 0
    COL_ACTOR = 1
    COL_KIND = 2
    COL_WHAT = 3
    COLUMN_COUNT = 4

    EventRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, labels: Labels, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self.events: list[CaseEvent] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = [self.tr("일시"), self.tr("처리자"), self.tr("구분"), self.tr("내용")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.events):
            return None
        event = self.events[index.row()]
        if role == self.EventRole:
            return event
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.COL_AT:
            return event.at.strftime("%Y-%m-%d %H:%M")
        if column == self.COL_ACTOR:
            return event.actor
        if column == self.COL_KIND:
            return self.kind_text(event.kind)
        if column == self.COL_WHAT:
            return self.describe(event)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def set_events(self, events: list[CaseEvent]) -> None:
        self.beginResetModel()
        self.events = list(events)
        self.endResetModel()

    def kind_text(self, kind: str) -> str:
        names = {
            "created": self.tr("접수"),
            "status": self.tr("상태 변경"),
            "note": self.tr("메모"),
            "edit": self.tr("수정"),
            "consent": self.tr("동의"),
            "merge": self.tr("기업 병합"),
            "program": self.tr("지원사업"),
            "followup": self.tr("사후관리"),
        }
        return names.get(kind, kind)

    def describe(self, event: CaseEvent) -> str:
        p = event.payload
        labels = self._labels
        if event.kind == "created":
            parts = [labels.field(str(p.get("field", ""))), labels.kind(str(p.get("kind", "")))]
            return " · ".join(x for x in parts if x)
        if event.kind == "status":
            text = f"{labels.status(str(p.get('from', '')))} → {labels.status(str(p.get('to', '')))}"
            extra = []
            if p.get("agency"):
                extra.append(labels.agency(str(p["agency"])))
            if p.get("result"):
                extra.append(labels.result(str(p["result"])))
            if p.get("days"):
                extra.append(self.tr("{n}일 연장").format(n=p["days"]))
            if p.get("reason"):
                extra.append(self.tr("사유: {reason}").format(reason=p["reason"]))
            if p.get("text"):
                extra.append(str(p["text"]))
            return text + (f" ({', '.join(extra)})" if extra else "")
        if event.kind == "note":
            return str(p.get("text", ""))
        if event.kind == "edit":
            field = str(p.get("field", ""))
            old, new = str(p.get("old", "")), str(p.get("new", ""))
            if field == "field_code":
                old, new = labels.field(old), labels.field(new)
            elif field == "kind":
                old, new = labels.kind(old), labels.kind(new)
            names = {
                "text": self.tr("내용"),
                "field_code": self.tr("분야"),
                "kind": self.tr("민원 유형"),
                "assignee": self.tr("담당자"),
            }
            if field == "text":
                return self.tr("내용 수정")
            return f"{names.get(field, field)}: {old or '—'} → {new or '—'}"
        if event.kind == "consent":
            return self.tr("{agency}에 제3자 제공 동의").format(
                agency=labels.agency(str(p.get("agency", "")))
            )
        if event.kind == "merge":
            return self.tr("중복 기업 '{name}'에서 옮겨옴").format(name=p.get("from_name", ""))
        if event.kind == "program":
            text = (
                self.tr("'{name}' 연결").format(name=p.get("name", ""))
                if p.get("action") == "attach"
                else self.tr("'{name}' 연결 해제").format(name=p.get("name", ""))
            )
            comment = p.get("note") or p.get("reason")
            return f"{text} — {comment}" if comment else text
        if event.kind == "followup":
            return self.followup_text(p)
        return ", ".join(f"{k}={v}" for k, v in p.items())

    def followup_text(self, p: dict[str, Any]) -> str:
        """A satisfaction call-back event in words."""
        action = str(p.get("action", ""))
        if action == "schedule":
            text = self.tr("만족도 조사 예약: {day}").format(day=p.get("due", ""))
        elif action == "no_answer":
            text = self.tr("만족도 조사 — 연락 안 됨")
        elif action == "done":
            points, score = p.get("points"), p.get("score")
            text = self.tr("만족도 {points}점 ({score}/100)").format(points=points, score=score)
        elif action == "flag":
            text = self.tr("낮은 만족도 — 조치 필요")
        elif action == "flag_cleared":
            text = self.tr("낮은 만족도 조치 완료")
        elif action == "reopened":
            text = self.tr("낮은 만족도로 재개")
        else:
            text = action
        return f"{text} — {p['note']}" if p.get("note") else text
