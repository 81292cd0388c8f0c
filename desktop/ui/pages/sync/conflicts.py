"""The conflicts inbox panel: the list of conflicting fields, and the selected one's values side by side.

Each value has a one-click "keep this value"; "edit" types a new value (a merged text). Both go
through ``desktop.sync.conflicts.resolve_conflict`` like ``onestop conflicts resolve``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import RejectedInput
from desktop.store import cases, firms
from desktop.sync.conflicts import PERSONAL_MASKS, Conflict, ConflictValue, resolve_conflict
from desktop.ui.context import AppContext
from desktop.ui.models.conflict_table_model import SHOWN_COLOUR, ConflictTableModel
from desktop.ui.pages.sync.widgets import inbox_table
from desktop.ui.widgets.common import ErrorLabel

# Fields whose conflict may be resolved with a typed value (the others: keep one of the values).
EDITABLE = {"cases": frozenset(cases.EDITABLE), "firms": frozenset(firms.EDITABLE)}


class ConflictsPanel(QWidget):
    """The inbox table above, the chosen conflict's values as cards below.

    State: the table model (the inbox as last loaded by the page) and the cards of the
    selected conflict. Emits :attr:`resolved` (conflict id) after a resolution was saved.
    """

    resolved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setObjectName("conflictsPanel")
        self.model = ConflictTableModel(ctx.labels(), self)
        self.table = inbox_table(self.model, "conflictsTable")
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The values get the room; who/when and the record keep their whole text (an inbox is short).
        for column in range(self.model.columnCount()):
            values = (ConflictTableModel.COL_VALUE_1, ConflictTableModel.COL_VALUE_2)
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in values
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.empty = QLabel(self.tr("충돌이 없습니다. 모든 노트북의 변경이 자동으로 합쳐졌습니다."))
        self.empty.setObjectName("conflictsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cards_box = QGroupBox(self.tr("선택한 충돌의 값"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.cards = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("직접 수정…"))
        self.edit_button.setObjectName("conflictEdit")
        self.edit_button.setToolTip(self.tr("두 값을 합친 새 값을 입력해 충돌을 해결합니다"))
        self.edit_button.clicked.connect(self.request_edit)
        self.error = ErrorLabel()
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        box_layout = QVBoxLayout(self.cards_box)
        box_layout.addWidget(self.hint)
        box_layout.addLayout(self.cards)
        box_layout.addLayout(actions)
        box_layout.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.cards_box)
        self.keep_buttons: list[QPushButton] = []
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.set_conflicts([])

    # --- showing ---------------------------------------------------------------------------------

    def set_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        """Show a freshly loaded inbox; the selection stays on the same conflict if it is still there."""
        chosen = self.current()
        self.model.set_rows(conflicts)
        self.empty.setVisible(not conflicts)
        self.table.setVisible(bool(conflicts))
        row = next((i for i, c in enumerate(conflicts) if chosen and c.id == chosen.id), 0)
        if conflicts:
            self.table.selectRow(row)
        self._show_values(self.current())

    def current(self) -> Conflict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_values(self.current())

    def _show_values(self, conflict: Conflict | None) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            card = item.widget() if item is not None else None
            if card is not None:
                card.deleteLater()
        self.keep_buttons = []
        self.error.show_text("")
        self.cards_box.setVisible(conflict is not None)
        if conflict is None:
            return
        self.cards_box.setTitle(
            self.tr("{record} — {field}").format(
                record=conflict.label, field=self.model.field_name(conflict.table, conflict.column)
            )
        )
        for n, value in enumerate(conflict.values):
            self.cards.addWidget(self._card(conflict, n, value), 1)
        editable = conflict.column in EDITABLE.get(conflict.table, frozenset())
        self.edit_button.setEnabled(editable)
        self.hint.setText(
            self.tr(
                "두 노트북이 서로의 변경을 보기 전에 같은 항목을 바꿨습니다. 남길 값을 고르면 "
                "다음 동기화 때 모든 노트북에서 해결됩니다. 녹색 값이 지금 표시되는 값입니다."
            )
            if editable
            else self.tr("이 항목은 값 중 하나를 골라 해결합니다. 녹색 값이 지금 표시되는 값입니다.")
        )

    def _card(self, conflict: Conflict, n: int, value: ConflictValue) -> QFrame:
        card = QFrame()
        card.setObjectName(f"conflictValue{n}")
        colour = SHOWN_COLOUR if value.shown else "#6c757d"
        card.setStyleSheet(f"#conflictValue{n} {{ border: 1px solid {colour}; border-radius: 4px; }}")
        who = QLabel(self.model.who_text(value) + (self.tr(" (지금 표시됨)") if value.shown else ""))
        who.setStyleSheet(f"color: {colour};")
        text = QLabel(self.model.value_text(conflict, value.value))
        text.setObjectName(f"conflictValueText{n}")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        keep = QPushButton(self.tr("이 값 유지"))
        keep.setObjectName(f"conflictKeep{n}")
        keep.clicked.connect(lambda _=False, c=conflict, v=value: self.keep(c, v))
        self.keep_buttons.append(keep)
        layout = QVBoxLayout(card)
        layout.addWidget(who)
        layout.addWidget(text, 1)
        layout.addWidget(keep, 0, Qt.AlignmentFlag.AlignRight)
        return card

    # --- resolving -------------------------------------------------------------------------------

    def keep(self, conflict: Conflict, value: ConflictValue) -> bool:
        """Resolve by keeping one value (by its stamp: two values may print alike)."""
        return self._resolve(conflict, keep=value.stamp)

    def edit(self, conflict: Conflict, new_value: str) -> bool:
        """Resolve with a typed value (validated like an ordinary edit of that field)."""
        return self._resolve(conflict, value=new_value)

    def request_edit(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        # Personal data is typed afresh rather than shown in full outside the firm card's unmask.
        personal = conflict.column in PERSONAL_MASKS
        shown = "" if conflict.values[0].value is None or personal else str(conflict.values[0].value)
        title = self.tr("충돌 해결: 새 값")
        label = self.model.field_name(conflict.table, conflict.column)
        if conflict.column == "text":
            merged = "\n\n".join(str(v.value) for v in conflict.values if v.value)
            text, ok = QInputDialog.getMultiLineText(self, title, label, merged)
        else:
            text, ok = QInputDialog.getText(self, title, label, text=shown)
        if ok and text.strip():
            self.edit(conflict, text.strip())

    def _resolve(self, conflict: Conflict, *, keep: str | None = None, value: str | None = None) -> bool:
        ctx = self._ctx
        try:
            resolve_conflict(ctx.db, conflict.id, keep=keep, value=value, actor=ctx.actor())
        except RejectedInput as exc:
            self.error.show_text(exc.message(ctx.lang))
            return False
        if conflict.table == "cases":
            ctx.events.case_changed.emit(conflict.row_id)
        elif conflict.table == "firms":
            ctx.events.firm_changed.emit(conflict.row_id)
        ctx.events.conflict_resolved.emit(conflict.id)
        self.resolved.emit(conflict.id)
        return True
