"""Clinic session dialogs: set up a new session, or open an existing one on this laptop."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.core.records import ClinicSession
from desktop.store import sessions
from desktop.ui.context import AppContext
from desktop.ui.widgets.common import ErrorLabel


class SessionDialog(QDialog):
    """A new clinic session (date, name, place, region, participating agencies, consultants).

    Saved with ``sessions.add_session`` (as ``onestop session add``); ``session_id`` holds the
    new id after ``accept``.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.session_id = ""
        self.setWindowTitle(self.tr("새 현장지원단"))
        self.setObjectName("sessionDialog")
        labels = ctx.labels()
        self.day = QDateEdit(QDate(ctx.today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.name = QLineEdit()
        self.name.setObjectName("sessionName")
        self.name.setPlaceholderText(self.tr("예: 2026 순천 원스톱 현장지원단 1차"))
        self.place = QLineEdit()
        self.place.setObjectName("sessionPlace")
        self.place.setPlaceholderText(self.tr("예: 순천시 해룡산단 기업지원센터"))
        self.region = QComboBox()
        self.region.setObjectName("sessionRegion")
        self.region.addItem(self.tr("— 지역 —"), "")
        for region in labels.regions():
            self.region.addItem(labels.region(region.code), region.code)
        self.agencies = QListWidget()
        self.agencies.setObjectName("sessionAgencies")
        for agency in labels.agencies():
            item = QListWidgetItem(labels.agency_full(agency.id))
            item.setData(Qt.ItemDataRole.UserRole, agency.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.agencies.addItem(item)
        self.consultants = QLineEdit(ctx.actor().name)
        self.consultants.setObjectName("sessionConsultants")
        self.consultants.setPlaceholderText(self.tr("쉼표로 구분 (예: 김상담, 이지원)"))
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("날짜"), self.day)
        form.addRow(self.tr("이름"), self.name)
        form.addRow(self.tr("장소"), self.place)
        form.addRow(self.tr("지역"), self.region)
        form.addRow(self.tr("참여 기관"), self.agencies)
        form.addRow(self.tr("상담원"), self.consultants)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def chosen_agencies(self) -> tuple[str, ...]:
        items = (self.agencies.item(i) for i in range(self.agencies.count()))
        return tuple(
            str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i.checkState() == Qt.CheckState.Checked
        )

    def set_agencies(self, agency_ids: tuple[str, ...]) -> None:
        for i in range(self.agencies.count()):
            item = self.agencies.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in agency_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def accept(self) -> None:
        qd = self.day.date()
        consultants = tuple(c.strip() for c in self.consultants.text().split(",") if c.strip())
        try:
            self.session_id, _ = sessions.add_session(
                self._ctx.db,
                name=self.name.text(),
                day=date(qd.year(), qd.month(), qd.day()),
                place=self.place.text(),
                actor=self._ctx.actor(),
                region_code=self.region.currentData() or "",
                agencies=self.chosen_agencies(),
                consultants=consultants,
            )
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self._ctx.events.session_added.emit(self.session_id)
        super().accept()


class OpenSessionDialog(QDialog):
    """Pick one of the recent sessions to open on this laptop; ``session_id`` after ``accept``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_id = ""
        self.setWindowTitle(self.tr("현장지원단 열기"))
        self.list = QListWidget()
        self.list.setObjectName("sessionList")
        for session in sessions.list_sessions(ctx.db, limit=200):
            item = QListWidgetItem(session_line(session, ctx))
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.session_id = str(item.data(Qt.ItemDataRole.UserRole))
        super().accept()


def session_line(session: ClinicSession, ctx: AppContext) -> str:
    region = ctx.labels().region(session.region_code) if session.region_code else ""
    return " · ".join(x for x in (session.date.isoformat(), session.name, session.place, region) if x)
