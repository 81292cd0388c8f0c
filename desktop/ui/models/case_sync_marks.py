"""The case list's sync marks: a dot in the number column for edits not sent yet or a conflict."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop.store import sync_meta
from desktop.store.db import Database
from desktop.sync.status import CONFLICT, PENDING, SYNCED, case_sync_states

# Synced cases get a blank mark so every number in the column starts at the same place.
MARK_COLOURS = {PENDING: "#e0a800", CONFLICT: "#dc3545", SYNCED: "transparent"}
_MARK_SIZE = 10


class CaseSyncMarks(QObject):
    """Looks up the sync state of a fetched page of cases at once (never per ``data()`` call).

    State: whether this laptop is in a team (checked again at each list refresh; without a
    team nothing is marked, since nothing can be sent) and the dot icons, made on first use.
    """

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._icons: dict[str, QIcon] = {}
        self.active = False
        self.check()

    def check(self) -> None:
        self.active = sync_meta.get_team(self._db) is not None

    def states(self, case_ids: Sequence[str]) -> dict[str, str]:
        """case id -> synced/pending/conflict for one page; empty when not in a team."""
        return case_sync_states(self._db, case_ids) if self.active and case_ids else {}

    def icon(self, state: str) -> QIcon | None:
        colour = MARK_COLOURS.get(state)
        if colour is None:
            return None
        icon = self._icons.get(state)
        if icon is None:
            pixmap = QPixmap(_MARK_SIZE, _MARK_SIZE)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(colour))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(1, 1, _MARK_SIZE - 2, _MARK_SIZE - 2)
            painter.end()
            icon = self._icons[state] = QIcon(pixmap)
        return icon

    def text(self, state: str) -> str | None:
        return {
            PENDING: self.tr("아직 보내지 않은 변경이 있습니다 (다음 동기화 때 전달)"),
            CONFLICT: self.tr("충돌: 동기화·충돌 화면에서 남길 값을 고르세요"),
        }.get(state)
