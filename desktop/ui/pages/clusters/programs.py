"""지원사업 목록: the agencies' support programs kept as reference data, imported from a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.store import programs as store_programs
from desktop.store.db import Database
from desktop.ui.context import AppContext
from desktop.ui.models.program_table_model import ProgramTableModel
from desktop.ui.widgets.common import show_error
from desktop.ui.widgets.coord_dialogs import ProblemsDialog
from desktop.ui.worker import JobControl


class ProgramsPanel(QWidget):
    """The catalog with a text filter, and the spreadsheet import (all rows or none).

    State: the model (all programs, inactive ones when asked) behind a filter proxy.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("programsPanel")
        self.model = ProgramTableModel(ctx.labels(), self, today=ctx.today())
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setObjectName("programFilter")
        self.filter.setPlaceholderText(self.tr("사업명·기관·분야로 거르기"))
        self.show_inactive = QCheckBox(self.tr("비활성 사업 포함"))
        self.count = QLabel()
        self.import_button = QPushButton(self.tr("엑셀에서 가져오기…"))
        self.import_button.setObjectName("programImport")
        self.template_button = QPushButton(self.tr("빈 양식 저장…"))
        self.table = QTableView()
        self.table.setObjectName("programTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(
            ProgramTableModel.COL_NAME, QHeaderView.ResizeMode.Stretch
        )
        note = QLabel(
            self.tr(
                "지원사업 목록은 참고 자료입니다. 엑셀 파일을 가져오면 그 파일이 목록 전체가 되고, "
                "파일에 없는 사업은 비활성으로 바뀝니다 (사례에 연결된 기록은 남습니다). "
                "잘못된 행이 하나라도 있으면 아무것도 저장하지 않습니다."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #495057;")
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.show_inactive)
        top.addWidget(self.count)
        top.addWidget(self.template_button)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_inactive.toggled.connect(lambda _: self.refresh())
        self.import_button.clicked.connect(self.choose_import)
        self.template_button.clicked.connect(self.save_template)
        self.refresh()

    def refresh(self) -> None:
        items = store_programs.list_programs(self._ctx.db, active_only=not self.show_inactive.isChecked())
        self.model.set_labels(self._ctx.labels())
        self.model.set_rows(items)
        self.count.setText(self.tr("{n}개 사업").format(n=len(items)))

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("지원사업 목록 가져오기"), "", "Excel (*.xlsx)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Import in the background; problems are listed in a dialog, nothing is stored then."""
        actor = self._ctx.actor()

        def run(db: Database, _control: JobControl) -> store_programs.CatalogImport | None:
            from reports.excel.coord_import import import_programs

            return import_programs(db, path, actor)[1]

        self._ctx.workers.start(
            self._ctx.db, run, on_success=self._imported, on_failure=self._import_failed, context=self
        )

    def _imported(self, result: store_programs.CatalogImport | None) -> None:
        self.refresh()
        if result is not None:
            self._ctx.events.status_message.emit(
                self.tr("지원사업 {added}건 추가, {updated}건 갱신, {off}건 비활성화").format(
                    added=result.added, updated=result.updated, off=result.deactivated
                )
            )

    def _import_failed(self, error: BaseException) -> None:
        if isinstance(error, RejectedInput):
            ProblemsDialog(
                self.tr("가져오지 못했습니다"),
                self.tr("아래 {n}개 문제를 고친 뒤 다시 가져오세요. 아무것도 저장하지 않았습니다.").format(
                    n=len(error.problems)
                ),
                error.message(self._ctx.lang),
                self,
            ).exec()
        else:
            show_error(self, self.tr("지원사업"), error, self._ctx.lang)

    def save_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("빈 양식 저장"), "지원사업_양식.xlsx", "Excel (*.xlsx)"
        )
        if name:
            from reports.excel.coord_import import write_template

            write_template(Path(name), "programs")
