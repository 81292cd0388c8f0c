"""The case list model: a million cases, read from the store one small page at a time."""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from desktop.core import deadlines
from desktop.core.ids import mask_firm_name
from desktop.store import queries
from desktop.store.calendar import work_calendar
from desktop.store.db import Database
from desktop.store.queries import CaseFilter, CaseListRow, Sort
from desktop.ui.labels import Labels
from desktop.ui.models.case_sync_marks import CaseSyncMarks
from desktop.ui.worker import JobControl, Workers

AnyIndex = QModelIndex | QPersistentModelIndex

OVERDUE = "overdue"
DUE_SOON = "due_soon"
ON_TIME = "on_time"
NO_DEADLINE = ""
OVERDUE_BACKGROUND = QColor("#f8d7da")
OVERDUE_FOREGROUND = QColor("#842029")
DUE_SOON_BACKGROUND = QColor("#fff3cd")
DUE_SOON_FOREGROUND = QColor("#664d03")
# data() runs for every visible cell and role on each paint: compare plain ints, not Qt enums.
DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT: Final = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND: Final = int(Qt.ItemDataRole.BackgroundRole)
FOREGROUND: Final = int(Qt.ItemDataRole.ForegroundRole)
FONT: Final = int(Qt.ItemDataRole.FontRole)
DECORATION: Final = int(Qt.ItemDataRole.DecorationRole)
RIGHT_ALIGNED: Final = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ROW_FLAGS: Final = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
NO_FLAGS: Final = Qt.ItemFlag.NoItemFlags


class _Entry:
    """One cached row: the store's row plus what the view asks for, worked out on first use."""

    __slots__ = ("row", "state", "texts", "sync")

    def __init__(self, row: CaseListRow) -> None:
        self.row = row
        self.state: str | None = None
        self.texts: tuple[Any, ...] | None = None
        self.sync = ""  # synced/pending/conflict, looked up per page; "" when not in a team


class CaseTableModel(QAbstractTableModel):
    """Cases matching a filter, in a sort order, fetched lazily by keyset pages.

    State:
        filter, sort: what is listed and in which order (``CaseFilter``, ``Sort``).
        now: the moment "overdue" is judged against; fixed at each reset so the count and
            the pages agree.
        count: the number of rows, from ``count_cases`` and cached per filter in
            ``_counts`` until the data changes (:meth:`refresh`). With ``workers`` the
            count runs in the background (``counting`` is True meanwhile) and the first
            page shows at once.
        pages: an LRU cache of at most ``MAX_PAGES`` pages of ``PAGE_SIZE`` rows. Each row
            keeps its deadline state and display texts once worked out, so repaints only
            look them up. A page after a cached page is read with ``page_after`` (keyset); a
            jump uses ``page_at`` in the first half of the list and ``page_from_end`` in the
            second half. The page used last is kept at hand (``_hot``): a paint reads one
            page for dozens of cells.
        mask_names: show firm names masked.
        labels: display names in the interface language.
        sync marks: each page's sync state (pending, conflict) looked up when the page is
            fetched, shown as a dot in the number column (``_sync_marks``).
    Memory stays flat: only the cached pages are held, whatever the row count.
    """

    COL_NUMBER = 0
    COL_DATE = 1
    COL_FIRM = 2
    COL_FIELD = 3
    COL_AGENCY = 4
    COL_STATUS = 5
    COL_DEADLINE = 6
    COL_DAYS = 7
    COLUMN_COUNT = 8

    CaseIdRole = Qt.ItemDataRole.UserRole + 1
    FirmIdRole = Qt.ItemDataRole.UserRole + 2
    DeadlineStateRole = Qt.ItemDataRole.UserRole + 3
    StatusCodeRole = Qt.ItemDataRole.UserRole + 4
    RowRole = Qt.ItemDataRole.UserRole + 5
    SyncStateRole = Qt.ItemDataRole.UserRole + 6

    count_changed = Signal(int)
    """The exact row count arrived from the background count."""

    PAGE_SIZE = 200
    MAX_PAGES = 40

    SORT_KEYS: dict[int, str] = {
        COL_NUMBER: "number",
        COL_DATE: "received_at",
        COL_FIRM: "firm_name",
        COL_FIELD: "field_code",
        COL_AGENCY: "agency_id",
        COL_STATUS: "status",
        COL_DEADLINE: "deadline_at",
        COL_DAYS: "days_open",
    }

    def __init__(
        self,
        db: Database,
        labels: Labels,
        parent: QObject | None = None,
        *,
        filt: CaseFilter | None = None,
        sort: Sort | None = None,
        mask_names: bool = False,
        workers: Workers | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._workers = workers
        self.counting = False
        self._generation = 0
        self._labels = labels
        self.filter = filt or CaseFilter()
        self.sort_order = sort or Sort("received_at", True)
        self.mask_names = mask_names
        self.now = datetime.now()
        self._counts: dict[CaseFilter, int] = {}
        self._pages: OrderedDict[int, list[_Entry]] = OrderedDict()
        self._hot: tuple[int, list[_Entry]] | None = None
        self._overdue_font = QFont()
        self._overdue_font.setBold(True)
        self._sync_marks = CaseSyncMarks(db, self)
        self._answered = self._roles_answered()
        self.fetches = 0
        self.count = self._start_count(None)
        self._headers = self._header_texts()

    # --- well-behaved model ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt API default
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section == self.COL_DAYS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    # Roles for which data() may return something; the view also asks for others on every cell.
    _ANSWERED_ROLES: Final = frozenset(
        {DISPLAY, TOOLTIP, ALIGNMENT, BACKGROUND, FOREGROUND, FONT, DECORATION}
        | set(range(CaseIdRole, SyncStateRole + 1))
    )

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if role not in self._answered:
            return None
        row_no, column = index.row(), index.column()  # -1, -1 for an invalid index
        if not (0 <= row_no < self.count and 0 <= column < self.COLUMN_COUNT):
            return None
        entry = self._entry(row_no)
        if entry is None:
            return None
        if role == DISPLAY:
            return (entry.texts or self._format(entry))[column]
        if role == ALIGNMENT:
            return RIGHT_ALIGNED if column == self.COL_DAYS else None
        row = entry.row
        if role == TOOLTIP:
            if column == self.COL_DEADLINE:
                return self._state_text(self._state(entry))
            if column == self.COL_NUMBER:
                return self._sync_marks.text(entry.sync)
            return row.firm_name if column == self.COL_FIRM and not self.mask_names else None
        if role in (BACKGROUND, FOREGROUND, FONT):
            return self._deadline_look(self._state(entry), role) if column == self.COL_DEADLINE else None
        if role == self.CaseIdRole:
            return row.id
        if role == self.FirmIdRole:
            return row.firm_id
        if role == self.DeadlineStateRole:
            return self._state(entry)
        if role == self.StatusCodeRole:
            return row.status
        if role == DECORATION:
            return self._sync_marks.icon(entry.sync) if column == self.COL_NUMBER else None
        if role == self.SyncStateRole:
            return entry.sync
        return row  # RowRole

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        new = Sort(key, order == Qt.SortOrder.DescendingOrder)
        if new == self.sort_order:
            return
        self.beginResetModel()
        self.sort_order = new
        self._clear_pages()
        self.endResetModel()

    # --- slots / domain interface ----------------------------------------------------------------

    def set_filter(self, filt: CaseFilter) -> None:
        """Show another selection of cases (the count is reused if this filter was counted)."""
        if filt == self.filter:
            return
        self.beginResetModel()
        self.filter = filt
        self._clear_pages()
        self.count = self._start_count(None)
        self.endResetModel()

    def refresh(self, filt: CaseFilter | None = None) -> None:
        """Re-read everything (cases were added or changed): new counts, new pages, new "now"."""
        self.beginResetModel()
        same_filter = filt is None or filt == self.filter
        if filt is not None:
            self.filter = filt
        self.now = datetime.now()
        self._sync_marks.check()
        self._answered = self._roles_answered()
        self._counts.clear()
        self._clear_pages()
        self.count = self._start_count(self.count if same_filter else None)
        self._headers = self._header_texts()
        self.endResetModel()

    def rejudge(self) -> None:
        """Judge deadlines and days open against the clock again, keeping the rows and the count.

        Only the overdue filter's rows depend on the clock; that list is read again.
        """
        if self.filter.overdue:
            self.refresh()
            return
        self.now = datetime.now()
        self._forget_texts(states=True)
        if self.count:
            self.dataChanged.emit(self.index(0, 0), self.index(self.count - 1, self.COLUMN_COUNT - 1))

    def set_mask_names(self, mask: bool) -> None:
        if mask != self.mask_names:
            self.mask_names = mask
            self._forget_texts()
            self._changed_column(self.COL_FIRM)

    def set_labels(self, labels: Labels) -> None:
        self._labels = labels
        self._headers = self._header_texts()
        self._forget_texts()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self.count:
            self.dataChanged.emit(self.index(0, 0), self.index(self.count - 1, self.COLUMN_COUNT - 1))

    def case_id(self, row: int) -> str | None:
        entry = self._entry(row) if 0 <= row < self.count else None
        return entry.row.id if entry else None

    def list_row(self, row: int) -> CaseListRow | None:
        entry = self._entry(row) if 0 <= row < self.count else None
        return entry.row if entry else None

    def column_for_sort_key(self, key: str) -> int:
        return next((c for c, k in self.SORT_KEYS.items() if k == key), self.COL_DATE)

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    # --- internals -------------------------------------------------------------------------------

    def _start_count(self, provisional: int | None) -> int:
        """The row count to show now; an exact count may follow from a worker.

        A cached count is exact. Without workers the store counts here. With workers the
        first page is read at once: fewer rows than a page is the exact count; otherwise
        the rows of that page (or ``provisional``, the count before a refresh) are shown
        while ``count_cases`` runs in the background, and rows are inserted or removed
        when it arrives (:attr:`count_changed`).
        """
        self._generation += 1
        self.counting = False
        cached = self._counts.get(self.filter)
        if cached is not None:
            return cached
        if self._workers is None:
            return self._remember(self.filter, queries.count_cases(self._db, self.filter, self.now))
        first = self._page(0)
        if len(first) < self.PAGE_SIZE:
            return self._remember(self.filter, len(first))
        self.counting = True
        generation, filt, now = self._generation, self.filter, self.now

        def count(db: Database, _control: JobControl) -> int:
            return queries.count_cases(db, filt, now)

        self._workers.start(
            self._db, count, on_success=lambda n: self._count_arrived(generation, n), context=self
        )
        return max(provisional or 0, len(first))

    def _remember(self, filt: CaseFilter, count: int) -> int:
        self._counts[filt] = count
        if len(self._counts) > 64:
            self._counts.pop(next(iter(self._counts)))
        return count

    def _count_arrived(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return  # the filter or the data changed meanwhile; a newer count is on its way
        self._remember(self.filter, count)
        self.counting = False
        old = self.count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self.count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self.count = count
            self.endRemoveRows()
        self.count_changed.emit(count)

    def _changed_column(self, column: int) -> None:
        if self.count:
            self.dataChanged.emit(self.index(0, column), self.index(self.count - 1, column))

    def _entry(self, row: int) -> _Entry | None:
        page_no, offset = divmod(row, self.PAGE_SIZE)
        hot = self._hot
        page = hot[1] if hot is not None and hot[0] == page_no else self._page(page_no)
        return page[offset] if offset < len(page) else None

    def _page(self, page_no: int) -> list[_Entry]:
        page = self._pages.get(page_no)
        if page is not None:
            self._pages.move_to_end(page_no)
        else:
            page = [_Entry(r) for r in self._fetch(page_no)]
            states = self._sync_marks.states([e.row.id for e in page])
            for entry in page if states else ():
                entry.sync = states.get(entry.row.id, "")
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        self._hot = (page_no, page)
        return page

    def _clear_pages(self) -> None:
        self._pages.clear()
        self._hot = None

    def _forget_texts(self, *, states: bool = False) -> None:
        """Texts depend on the language, masking and clock, states on the clock: redo them when asked."""
        for page in self._pages.values():
            for entry in page:
                entry.texts = None
                if states:
                    entry.state = None

    def _fetch(self, page_no: int) -> list[CaseListRow]:
        self.fetches += 1
        size = self.PAGE_SIZE
        start = page_no * size
        previous = self._pages.get(page_no - 1)
        if page_no == 0:
            return queries.page_after(self._db, self.filter, self.sort_order, None, size, self.now)
        if previous is not None and len(previous) == size:
            after = previous[-1].row.sort_values
            return queries.page_after(self._db, self.filter, self.sort_order, after, size, self.now)
        if start <= self.count // 2 or self.counting:  # from the end needs the exact count
            return queries.page_at(self._db, self.filter, self.sort_order, start, size, self.now)
        last = min(start + size, self.count) - 1
        return queries.page_from_end(
            self._db, self.filter, self.sort_order, self.count - 1 - last, last - start + 1, self.now
        )

    def _roles_answered(self) -> frozenset[int]:
        """Out of a team there are no sync marks: decorations are not even looked up."""
        return self._ANSWERED_ROLES if self._sync_marks.active else self._ANSWERED_ROLES - {DECORATION}

    def _state(self, entry: _Entry) -> str:
        if entry.state is None:
            entry.state = self._deadline_state(entry.row)
        return entry.state

    def _deadline_state(self, row: CaseListRow) -> str:
        if not row.is_open or row.deadline_at is None:
            return NO_DEADLINE
        if row.deadline_at < self.now:
            return OVERDUE
        if row.deadline_at - self.now > timedelta(days=4):
            return ON_TIME
        hours = work_calendar(self._db).working_hours_between(self.now, row.deadline_at)
        return DUE_SOON if hours <= deadlines.DUE_SOON_HOURS else ON_TIME

    def _deadline_look(self, state: str, role: int) -> QColor | QFont | None:
        if role == BACKGROUND:
            return {OVERDUE: OVERDUE_BACKGROUND, DUE_SOON: DUE_SOON_BACKGROUND}.get(state)
        if role == FOREGROUND:
            return {OVERDUE: OVERDUE_FOREGROUND, DUE_SOON: DUE_SOON_FOREGROUND}.get(state)
        return self._overdue_font if state == OVERDUE else None

    def _format(self, entry: _Entry) -> tuple[Any, ...]:
        """The row's texts in column order, worked out once (a page is painted many times)."""
        row, labels = entry.row, self._labels
        entry.texts = (
            row.number,
            row.received_at.strftime("%Y-%m-%d %H:%M"),
            mask_firm_name(row.firm_name) if self.mask_names else row.firm_name,
            labels.field(row.field_code),
            labels.agency(row.agency_id) if row.agency_id else "",
            labels.status(row.status),
            row.deadline_at.strftime("%Y-%m-%d %H:%M") if row.deadline_at and row.is_open else "",
            row.days_open(self.now.date()),
        )
        return entry.texts

    def _state_text(self, state: str) -> str | None:
        return {
            OVERDUE: self.tr("기한 경과"),
            DUE_SOON: self.tr("기한 임박"),
            ON_TIME: self.tr("기한 내"),
        }.get(state)

    def _header_texts(self) -> list[str]:
        return [
            self.tr("번호"),
            self.tr("접수일시"),
            self.tr("기업"),
            self.tr("분야"),
            self.tr("기관"),
            self.tr("상태"),
            self.tr("처리기한"),
            self.tr("경과일"),
        ]
