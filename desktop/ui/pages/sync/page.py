"""동기화·충돌: placeholder until the sync engine exists (DESIGN §3)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.context import AppContext
from desktop.ui.pages.placeholder import PlaceholderPage


class SyncPage(PlaceholderPage):
    """Will show hubs, the last sync and the conflicts inbox."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("syncPage")
        self.set_text(
            self.tr("동기화·충돌"),
            self.tr(
                "노트북 사이의 동기화(USB·공유 폴더·PostgreSQL 허브)와 충돌 목록이 여기에 표시됩니다.\n"
                "아직 동기화 기능이 없으므로 모든 변경은 이 노트북에만 저장되어 있습니다."
            ),
        )
