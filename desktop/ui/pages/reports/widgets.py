"""Building blocks of the reports page: a period picker, a progress bar with cancel, the PDF preview."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QPointF, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import ClinicSession
from desktop.ui.labels import Labels
from desktop.ui.worker import Job


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodEdit(QWidget):
    """A receipt period: a preset (this year, this month, ...) or two dates; optionally "all time".

    State: the preset key shown (``custom`` once a date is edited by hand) and today's date.
    """

    changed = Signal()

    def __init__(self, today: date, *, allow_all: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.preset = QComboBox()
        self.preset.setObjectName("periodPreset")
        presets = [
            ("year", self.tr("올해")),
            ("month", self.tr("이번 달")),
            ("last_month", self.tr("지난달")),
            ("30days", self.tr("최근 30일")),
        ]
        if allow_all:
            presets.insert(0, ("all", self.tr("전체 기간")))
        presets.append(("custom", self.tr("직접 입력")))
        for key, text in presets:
            self.preset.addItem(text, key)
        self.start = self._date_edit("periodFrom")
        self.end = self._date_edit("periodTo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preset)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("~"))
        layout.addWidget(self.end)
        layout.addStretch(1)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.start.userDateChanged.connect(self._edited)
        self.end.userDateChanged.connect(self._edited)
        self._setting = False
        self.set_preset("all" if allow_all else "year")

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDateRange(QDate(2000, 1, 1), QDate(2100, 12, 31))
        return edit

    def set_preset(self, key: str) -> None:
        index = self.preset.findData(key)
        if index >= 0:
            self.preset.setCurrentIndex(index)
            self._preset_changed()

    def set_period(self, start: date, end: date) -> None:
        """Show a period of one's own (the preset turns to "custom")."""
        self._setting = True
        try:
            self.start.setDate(_qdate(start))
            self.end.setDate(_qdate(end))
        finally:
            self._setting = False
        self._edited()

    def _preset_changed(self, *_: object) -> None:
        key = self.preset.currentData()
        today = self._today
        ranges = {
            "year": (date(today.year, 1, 1), today),
            "month": (today.replace(day=1), today),
            "last_month": (
                (today.replace(day=1) - timedelta(days=1)).replace(day=1),
                today.replace(day=1) - timedelta(days=1),
            ),
            "30days": (today - timedelta(days=29), today),
            "all": (date(today.year, 1, 1), today),
        }
        if key in ranges:
            start, end = ranges[key]
            self._setting = True
            try:
                self.start.setDate(_qdate(start))
                self.end.setDate(_qdate(end))
            finally:
                self._setting = False
        whole = key == "all"
        self.start.setEnabled(not whole)
        self.end.setEnabled(not whole)
        self.changed.emit()

    def _edited(self, *_: object) -> None:
        if self._setting:
            return
        custom = self.preset.findData("custom")
        if self.preset.currentIndex() != custom:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(custom)
            self.preset.blockSignals(False)
            self.start.setEnabled(True)
            self.end.setEnabled(True)
        self.changed.emit()

    def period(self) -> tuple[date | None, date | None]:
        """(from, to), both None for "all time"."""
        if self.preset.currentData() == "all":
            return None, None
        return _pydate(self.start.date()), _pydate(self.end.date())


class JobBar(QWidget):
    """A progress bar, a status line and a cancel button for the one job a panel runs at a time.

    State: the running job (None when idle).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Job[Any] | None = None
        self.bar = QProgressBar()
        self.bar.setObjectName("jobProgress")
        self.bar.setTextVisible(True)
        self.label = QLabel()
        self.label.setObjectName("jobStatus")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cancel_button = QPushButton(self.tr("취소"))
        self.cancel_button.setObjectName("jobCancel")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.label)
        self.cancel_button.clicked.connect(self.cancel)
        self.bar.hide()
        self.cancel_button.hide()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def started(self, job: Job[Any], text: str, *, steps: bool = True) -> None:
        """Show a running job; ``steps=False`` for work without progress (a busy indicator)."""
        self.job = job
        self.bar.setRange(0, 0 if not steps else 1)
        self.bar.setValue(0)
        self.bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.label.setText(text)

    def progressed(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))
        self.bar.setFormat(f"{done:,} / {total:,}")

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("취소하는 중…"))

    def finished(self, text: str) -> None:
        self.job = None
        self.bar.hide()
        self.bar.setFormat("%p%")
        self.cancel_button.hide()
        self.label.setText(text)


class PdfPreview(QWidget):
    """A report shown in the program (QtPdf), with page count, zoom, print and save buttons.

    State: the loaded document (empty until :meth:`show_file`) and the file it was read from.
    """

    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.path: Path | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(8)
        self.title = QLabel(self.tr("미리보기"))
        self.title.setObjectName("previewTitle")
        self.pages = QLabel()
        self.pages.setObjectName("previewPages")
        self.zoom = QComboBox()
        self.zoom.setObjectName("previewZoom")
        self.zoom.addItem(self.tr("폭 맞춤"), "width")
        self.zoom.addItem(self.tr("쪽 맞춤"), "page")
        for percent in (50, 75, 100, 150):
            self.zoom.addItem(f"{percent}%", percent)
        self.previous_button = self._tool("◀", self.tr("이전 쪽"))
        self.next_button = self._tool("▶", self.tr("다음 쪽"))
        self.print_button = QPushButton(self.tr("인쇄…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(self.tr("PDF로 저장…"))
        self.save_button.setObjectName("savePdfButton")
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.pages)
        bar.addWidget(self.next_button)
        bar.addWidget(self.zoom)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.print_button.clicked.connect(self.print_requested)
        self.save_button.clicked.connect(self.save_requested)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self._set_enabled(False)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.print_button,
            self.save_button,
            self.zoom,
            self.previous_button,
            self.next_button,
        ):
            widget.setEnabled(enabled)

    def show_file(self, path: Path, title: str) -> int:
        """Load a PDF file into the preview; returns its page count (0 when it cannot be read)."""
        self.document.close()
        error = self.document.load(str(path))
        ok = error == QPdfDocument.Error.None_ and self.document.pageCount() > 0
        self.path = path if ok else None
        self.title.setText(title if ok else self.tr("미리보기"))
        self._set_enabled(ok)
        self._show_page_number(0)
        if ok:
            self.view.pageNavigator().jump(0, QPointF(), self.view.pageNavigator().currentZoom())
        return self.document.pageCount() if ok else 0

    def clear(self) -> None:
        self.document.close()
        self.path = None
        self.title.setText(self.tr("미리보기"))
        self.pages.clear()
        self._set_enabled(False)

    def _show_page_number(self, page: int) -> None:
        count = self.document.pageCount()
        self.pages.setText(f"{page + 1} / {count}" if count else "")

    def _step(self, delta: int) -> None:
        navigator = self.view.pageNavigator()
        page = max(0, min(self.document.pageCount() - 1, navigator.currentPage() + delta))
        navigator.jump(page, QPointF(), navigator.currentZoom())

    def _zoom_changed(self, *_: object) -> None:
        value = self.zoom.currentData()
        if value == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(int(value) / 100)


def combo(name: str, min_chars: int = 24) -> QComboBox:
    """A combo box that does not grow to its longest item (session names are long)."""
    box = QComboBox()
    box.setObjectName(name)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(min_chars)
    return box


def fill_sessions(box: QComboBox, sessions: list[ClinicSession], first: str | None) -> None:
    """Sessions, most recent first, as "date name (place)" with the id as item data.

    ``first`` is an extra first item meaning "none"/"all" (data ''), or None for no such item.
    """
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    if first is not None:
        box.addItem(first, "")
    for s in sessions:
        text = f"{s.date.isoformat()}  {s.name}" + (f" ({s.place})" if s.place else "")
        box.addItem(text, s.id)
    index = box.findData(current) if current is not None else -1
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)


def fill_agencies(box: QComboBox, labels: Labels, first: str | None) -> None:
    """Agencies valid today by full name, id as item data; ``first`` as in :func:`fill_sessions`."""
    if first is not None:
        box.addItem(first, "")
    for agency in labels.agencies():
        box.addItem(labels.agency_full(agency.id), agency.id)
