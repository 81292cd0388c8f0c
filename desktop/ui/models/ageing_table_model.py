"""Ageing of open cases by agency: how long they have been open, and how many are overdue."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.store import queries
from desktop.store.db import Database
from desktop.store.queries import CaseFilter
from desktop.ui.labels import Labels

AnyIndex = QModelIndex | QPersistentModelIndex

# (first day open, last day open or None) of each ageing bucket.
BUCKETS: tuple[tuple[int, int | None], ...] = ((0, 7), (8, 14), (15, 30), (31, None))


@dataclass(frozen=True, slots=True)
class AgeingRow:
    """Open cases of one agency ('' = not routed yet) by days open, and the overdue ones."""

    agency_id: str
    open: int
    buckets: tuple[int, ...]
    overdue: int


def compute_ageing(
    db: Database, now: datetime, agency_id: str | None = None, statuses: tuple[str, ...] = ()
) -> list[AgeingRow]:
    """Ageing rows of every agency with open cases (or of one agency), most overdue first.

    ``statuses`` narrows "open" to some statuses (an agency's pending work). Six grouped
    counts whatever the number of agencies; safe to run in a worker thread.
    """
    base = CaseFilter(open_only=True, agency_id=agency_id or "", statuses=statuses)
    today = now.date()
    open_counts = queries.counts_by(db, "agency_id", base)
    overdue = queries.counts_by(db, "agency_id", replace(base, overdue=True))
    per_bucket = []
    for first, last in BUCKETS:
        newest = today - timedelta(days=first)
        oldest: date | None = None if last is None else today - timedelta(days=last)
        per_bucket.append(
            queries.counts_by(db, "agency_id", replace(base, received_from=oldest, received_to=newest))
        )
    rows = [
        AgeingRow(a, n, tuple(b.get(a, 0) for b in per_bucket), overdue.get(a, 0))
        for a, n in open_counts.items()
    ]
    return sorted(rows, key=lambda r: (-r.overdue, -r.open, r.agency_id))


class AgeingTableModel(QAbstractTableModel):
    """One row per agency: open cases, ageing buckets, overdue count.

    State: the rows (replaced as a whole by :meth:`set_rows`, usually from a worker's result).
    """

    COL_AGENCY = 0
    COL_OPEN = 1
    COL_FIRST_BUCKET = 2
    COL_OVERDUE = COL_FIRST_BUCKET + len(BUCKETS)
    COLUMN_COUNT = COL_OVERDUE + 1

    AgencyIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, labels: Labels, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self.rows: list[AgeingRow] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = [
            self.tr("기관"),
            self.tr("처리중"),
            self.tr("0–7일"),
            self.tr("8–14일"),
            self.tr("15–30일"),
            self.tr("31일 이상"),
            self.tr("기한 경과"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == self.AgencyIdRole:
            return row.agency_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_AGENCY:
                return self._labels.agency(row.agency_id) if row.agency_id else self.tr("(미배정)")
            if column == self.COL_OPEN:
                return row.open
            if column == self.COL_OVERDUE:
                return row.overdue
            if self.COL_FIRST_BUCKET <= column < self.COL_OVERDUE:
                return row.buckets[column - self.COL_FIRST_BUCKET]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_AGENCY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_OVERDUE and row.overdue:
            return QColor("#842029")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def set_rows(self, rows: list[AgeingRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def agency_at(self, row: int) -> str | None:
        return self.rows[row].agency_id if 0 <= row < len(self.rows) else None
