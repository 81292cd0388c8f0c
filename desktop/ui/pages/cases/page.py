"""사례 목록: every case, filtered and sorted in the store, listed page by page."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.store.queries import CaseFilter
from desktop.ui.context import AppContext
from desktop.ui.models.case_table_model import CaseTableModel
from desktop.ui.pages.base import Page
from desktop.ui.pages.cases.widgets import CaseFilterBar
from desktop.ui.widgets.case_table_view import CaseTableView

# The page is usually built ahead (desktop.ui.ahead), minutes before it is first shown; deadline
# colours and days open judged that long ago are judged again then (same rows, same count).
STALE_ON_FIRST_SHOW = timedelta(minutes=1)


class CasesPage(Page):
    """The filter bar over the lazily paged case table; Enter opens a case."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("casesPage")
        self._shown_before = False
        self.filters = CaseFilterBar(ctx, self)
        self.model = CaseTableModel(
            ctx.db,
            ctx.labels(),
            self,
            filt=self.filters.current_filter(),
            mask_names=ctx.settings.mask_names_in_list,
            workers=ctx.workers,
        )
        self.table = CaseTableView(ctx, self.model, "caseList")
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.model.count_changed.connect(self._count_arrived)
        self.filters.filter_edited.connect(self.set_filter)
        self.filters.search.returnPressed.connect(self._search_entered)
        self.filters.mask_names.toggled.connect(self._mask_toggled)
        ctx.events.case_added.connect(self.data_changed)
        ctx.events.case_changed.connect(self.data_changed)
        ctx.events.cases_changed.connect(self.data_changed)
        ctx.events.settings_changed.connect(self._settings_changed)
        self._show_count(0.0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_before:
            self._shown_before = True
            if datetime.now() - self.model.now > STALE_ON_FIRST_SHOW:
                self.model.rejudge()

    def set_filter(self, filt: CaseFilter) -> None:
        started = time.perf_counter()
        self.model.set_filter(filt)
        self._show_count(time.perf_counter() - started)
        self._ctx.events.filter_changed.emit()

    def refresh(self) -> None:
        started = time.perf_counter()
        self.model.refresh()
        self._show_count(time.perf_counter() - started)

    def _count_arrived(self, _count: int) -> None:
        self._show_count(0.0)

    def _show_count(self, seconds: float) -> None:
        text = self.tr("{n}건").format(n=f"{self.model.count:,}")
        if self.model.counting:
            text = self.tr("{n}건 이상 (세는 중…)").format(n=f"{self.model.count:,}")
        if seconds >= 0.001:
            text += f"  ({seconds * 1000:.0f} ms)"
        self.count_label.setText(text)

    def _mask_toggled(self, mask: bool) -> None:
        if mask != self._ctx.settings.mask_names_in_list:
            self._ctx.update_settings(self._ctx.settings.with_changes(mask_names_in_list=mask))

    def _settings_changed(self) -> None:
        mask = self._ctx.settings.mask_names_in_list
        self.model.set_mask_names(mask)
        if self.filters.mask_names.isChecked() != mask:
            self.filters.mask_names.setChecked(mask)

    def _search_entered(self) -> None:
        """Enter in the search box filters at once and goes to the first case (like the firm search)."""
        self.filters.apply_now()
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setFocus()

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def save_state(self) -> None:
        self.table.save_state()
