"""The firm list model: search results, or all firms by name fetched page by page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core.ids import format_brn, mask_person_name, mask_phone
from desktop.core.records import Firm
from desktop.store import firms
from desktop.store.db import Database
from desktop.store.firm_pages import FirmKey, page_firms
from desktop.ui.labels import Labels

AnyIndex = QModelIndex | QPersistentModelIndex


class FirmTableModel(QAbstractTableModel):
    """Firms, either those matching a query (BRN, name substring, 초성) or all of them.

    State:
        query: the search text; empty lists every live firm by name (or nothing, for a
            lookup box: ``empty_lists_all=False``).
        firms: the rows loaded so far. With a query these are the best ``SEARCH_LIMIT``
            matches; without one, pages of ``PAGE_SIZE`` are appended by ``fetchMore`` as
            the view scrolls (keyset on name), up to ``total``.
        next_key: where the next page starts, None when everything is loaded.
        total: every live firm, whatever the query: counted when the model is made and on
            :meth:`refresh` (the data changed), never per keystroke, and only by a listing
            (``empty_lists_all``) — a lookup box shows no total.
    Contacts are always shown masked here; the firm card unmasks them with a reason.
    """

    COL_BRN = 0
    COL_NAME = 1
    COL_REGION = 2
    COL_SIZE = 3
    COL_KSIC = 4
    COL_REPRESENTATIVE = 5
    COL_PHONE = 6
    COLUMN_COUNT = 7

    FirmIdRole = Qt.ItemDataRole.UserRole + 1
    FirmRole = Qt.ItemDataRole.UserRole + 2

    PAGE_SIZE = 200
    SEARCH_LIMIT = 200

    def __init__(
        self, db: Database, labels: Labels, parent: QObject | None = None, *, empty_lists_all: bool = True
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.empty_lists_all = empty_lists_all
        self._labels = labels
        self.query = ""
        self.firms: list[Firm] = []
        self.next_key: FirmKey | None = None
        self._more = False
        self.total = 0
        self._count()
        self._load()

    # --- well-behaved model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else len(self.firms)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        headers = [
            self.tr("사업자등록번호"),
            self.tr("기업명"),
            self.tr("지역"),
            self.tr("규모"),
            self.tr("업종(KSIC)"),
            self.tr("대표자"),
            self.tr("전화"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.firms):
            return None
        firm = self.firms[index.row()]
        if role == self.FirmIdRole:
            return firm.id
        if role == self.FirmRole:
            return firm
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        values = {
            self.COL_BRN: format_brn(firm.brn),
            self.COL_NAME: firm.name,
            self.COL_REGION: self._labels.region(firm.region_code) if firm.region_code else "",
            self.COL_SIZE: self._labels.size(firm.size),
            self.COL_KSIC: firm.ksic,
            self.COL_REPRESENTATIVE: mask_person_name(firm.representative),
            self.COL_PHONE: mask_phone(firm.phone),
        }
        return values.get(column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        page = page_firms(self._db, self.next_key, self.PAGE_SIZE)
        self._more = len(page) == self.PAGE_SIZE
        if not page:
            return
        self.next_key = page[-1][1]
        first = len(self.firms)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.firms.extend(f for f, _ in page)
        self.endInsertRows()

    # --- domain interface ------------------------------------------------------------------------

    def set_query(self, query: str) -> None:
        self.query = query.strip()
        self._reload()

    def refresh(self) -> None:
        """Re-read the rows and the total after the data changed."""
        self._count()
        self._reload()

    def _reload(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def firm_at(self, row: int) -> Firm | None:
        return self.firms[row] if 0 <= row < len(self.firms) else None

    def row_of(self, firm_id: str) -> int:
        return next((i for i, f in enumerate(self.firms) if f.id == firm_id), -1)

    def _count(self) -> None:
        if self.empty_lists_all:
            self.total = firms.count_firms(self._db)

    def _load(self) -> None:
        self.next_key = None
        if self.query:
            self.firms = firms.find_firms(self._db, self.query, limit=self.SEARCH_LIMIT)
            self._more = False
            return
        if not self.empty_lists_all:
            self.firms = []
            self._more = False
            return
        page = page_firms(self._db, None, self.PAGE_SIZE)
        self.firms = [f for f, _ in page]
        self.next_key = page[-1][1] if page else None
        self._more = len(page) == self.PAGE_SIZE
