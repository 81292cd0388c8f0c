"""판정 기준 편집: the editable threshold rules that turn indicators into 양호/주의/심각."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clusters as cl
from desktop.core import coord_tables
from desktop.core.errors import RejectedInput
from desktop.resources import reference_dir
from desktop.store import clusters as store_clusters
from desktop.ui.context import AppContext
from desktop.ui.widgets.common import ErrorLabel

COL_LEVEL, COL_GROUP, COL_INDICATOR, COL_OP, COL_VALUE, COL_NOTE = range(6)


class ThresholdDialog(QDialog):
    """One row per rule: level, group (rules of one group must all hold), indicator, <=/>=, value, note.

    Saving replaces the rules and re-rates the latest half-year (earlier ones keep their level).
    State: the table of widgets, and the ratings of the last save (``rated``).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.rated: tuple[cl.Rating, ...] = ()
        self.setObjectName("thresholdDialog")
        self.setWindowTitle(self.tr("위기 단계 판정 기준"))
        intro = QLabel(
            self.tr(
                "같은 단계·같은 묶음의 기준은 모두 맞아야 하고, 묶음 가운데 하나라도 맞으면 그 단계입니다. "
                "심각이 주의보다 먼저 판정되며, 어느 것도 맞지 않으면 양호입니다. 경계값은 포함합니다."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("thresholdTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("단계"),
                self.tr("묶음"),
                self.tr("지표"),
                self.tr("비교"),
                self.tr("값(%)"),
                self.tr("설명"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        add = QPushButton(self.tr("기준 추가"))
        remove = QPushButton(self.tr("선택 삭제"))
        defaults = QPushButton(self.tr("기본값 불러오기"))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(defaults)
        self.error = ErrorLabel()
        self.error.setObjectName("thresholdError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        add.clicked.connect(
            lambda: self.add_rule(cl.ThresholdRule(cl.CAUTION.code, "C9", "sales_change_pct", "<=", -5))
        )
        remove.clicked.connect(self.remove_selected)
        defaults.clicked.connect(self.load_defaults)
        for rule in store_clusters.thresholds(ctx.db):
            self.add_rule(rule)
        self.resize(860, 420)

    def add_rule(self, rule: cl.ThresholdRule) -> None:
        lang = self._ctx.lang
        n = self.table.rowCount()
        self.table.insertRow(n)
        level = QComboBox()
        for item in (cl.SEVERE, cl.CAUTION):
            level.addItem(item.name_en if lang == "en" else item.name_ko, item.code)
        level.setCurrentIndex(max(level.findData(rule.level), 0))
        indicator = QComboBox()
        for code, _ko, _en in cl.INDICATORS:
            indicator.addItem(cl.indicator_name(code, lang), code)
        indicator.setCurrentIndex(max(indicator.findData(rule.indicator), 0))
        op = QComboBox()
        op.addItems(list(cl.OPERATORS))
        op.setCurrentIndex(max(op.findText(rule.op), 0))
        value = QDoubleSpinBox()
        value.setRange(-100.0, 1000.0)
        value.setDecimals(1)
        value.setSingleStep(1.0)
        value.setValue(rule.value)
        self.table.setCellWidget(n, COL_LEVEL, level)
        self.table.setCellWidget(n, COL_GROUP, QLineEdit(rule.group))
        self.table.setCellWidget(n, COL_INDICATOR, indicator)
        self.table.setCellWidget(n, COL_OP, op)
        self.table.setCellWidget(n, COL_VALUE, value)
        self.table.setCellWidget(n, COL_NOTE, QLineEdit(rule.note))

    def remove_selected(self) -> None:
        rows = sorted(
            {i.row() for i in self.table.selectedIndexes()} | {self.table.currentRow()}, reverse=True
        )
        for row in rows:
            if row >= 0:
                self.table.removeRow(row)

    def load_defaults(self) -> None:
        try:
            rules = coord_tables.load_thresholds(reference_dir() / coord_tables.THRESHOLDS_CSV)
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self.table.setRowCount(0)
        for rule in rules:
            self.add_rule(rule)

    def rules(self) -> list[cl.ThresholdRule]:
        """The rules as the table shows them."""
        out = []
        for n in range(self.table.rowCount()):
            level, group, indicator = (
                self.table.cellWidget(n, c) for c in (COL_LEVEL, COL_GROUP, COL_INDICATOR)
            )
            op, value, note = (self.table.cellWidget(n, c) for c in (COL_OP, COL_VALUE, COL_NOTE))
            assert (
                isinstance(level, QComboBox)
                and isinstance(indicator, QComboBox)
                and isinstance(op, QComboBox)
            )
            assert isinstance(group, QLineEdit) and isinstance(note, QLineEdit)
            assert isinstance(value, QDoubleSpinBox)
            out.append(
                cl.ThresholdRule(
                    str(level.currentData()),
                    group.text().strip(),
                    str(indicator.currentData()),
                    op.currentText(),
                    float(value.value()),
                    note.text().strip(),
                )
            )
        return out

    def save(self) -> None:
        try:
            self.rated = store_clusters.save_thresholds(self._ctx.db, self.rules(), self._ctx.actor())
        except RejectedInput as exc:
            self.error.show_text(exc.message(self._ctx.lang))
            return
        self.accept()
