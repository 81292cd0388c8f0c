"""The main window: a thin router between the navigation, the pages, menus and the status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from desktop import __version__
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.pages.cases.page import CasesPage
from desktop.ui.pages.placeholder import PlaceholderPage
from desktop.ui.pages.settings.actions import needs_key_reminder
from desktop.ui.pages.sync.actions import count_unsynced
from desktop.ui.pages.today.page import TodayPage
from desktop.ui.widgets.common import debounce_timer

if TYPE_CHECKING:
    from desktop.ui.pages.case_detail.dialog import CaseDetailDialog
    from desktop.ui.pages.firms.page import FirmsPage

PageFactory = Callable[[AppContext, QWidget], QWidget]
SYNC_SHORTCUT = "Ctrl+Shift+S"
# The unsent-changes count waits this long after startup or an edit (a burst of edits counts once).
UNSYNCED_DELAY_MS = 400
PAGE_KEYS = (
    "today",
    "cases",
    "firms",
    "agency_queue",
    "overdue",
    "dashboard",
    "clusters",
    "sync",
    "reports",
    "settings",
)
# Each page's module and class, imported when the page is first built: importing them all made
# startup ~0.1 s slower. The first page (today) and the case list (built ahead) load at once anyway.
PAGE_CLASSES = {
    "today": ("desktop.ui.pages.today.page", "TodayPage"),
    "cases": ("desktop.ui.pages.cases.page", "CasesPage"),
    "firms": ("desktop.ui.pages.firms.page", "FirmsPage"),
    "agency_queue": ("desktop.ui.pages.agency_queue.page", "AgencyQueuePage"),
    "overdue": ("desktop.ui.pages.overdue.page", "OverduePage"),
    "dashboard": ("desktop.ui.pages.dashboard.page", "DashboardPage"),
    "clusters": ("desktop.ui.pages.clusters.page", "ClustersPage"),
    "sync": ("desktop.ui.pages.sync.page", "SyncPage"),
    "reports": ("desktop.ui.pages.reports.page", "ReportsPage"),
    "settings": ("desktop.ui.pages.settings.page", "SettingsPage"),
}


def page_shortcut(number: int) -> str:
    """Ctrl+1 … Ctrl+9 for the first nine pages, Ctrl+0 for the tenth (the digit row's order)."""
    return f"Ctrl+{number % 10}"


def _page_factory(key: str) -> PageFactory | None:
    """The page's class, its module imported now; None for the reports page until its module exists."""
    module_name, class_name = PAGE_CLASSES[key]
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        if key != "reports":
            raise
        return None
    factory: PageFactory | None = getattr(module, class_name, None)
    return factory


def _short_path(path: str, limit: int = 60) -> str:
    """A long path shortened from the left (the file name matters most); the tooltip has it all."""
    return path if len(path) <= limit else "…" + path[-(limit - 1) :]


class MainWindow(QMainWindow):
    """Navigation on the left, one page at a time on the right; pages are built when first shown.

    State: the context, the page widgets built so far (by key), the open case windows.
    """

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("원스톱 현장지원 데스크"))
        self.pages: dict[str, QWidget] = {}
        self.case_windows: dict[str, CaseDetailDialog] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        for n, key in enumerate(PAGE_KEYS, start=1):
            self.nav.addItem(self.page_title(key))
            self.nav.item(n - 1).setToolTip(page_shortcut(n))
            self.stack.addWidget(QWidget())
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self.nav.currentRowChanged.connect(self._nav_changed)
        events = ctx.events
        events.case_open_requested.connect(self.open_case)
        events.firm_open_requested.connect(self.open_firm)
        events.intake_requested.connect(self.new_case)
        events.settings_changed.connect(self._update_status)
        events.status_message.connect(self._show_message)
        if not ctx.ui_state.restore_window(self):
            self.resize(1280, 800)
        start = ctx.ui_state.value("window/page", "today")
        self.show_page(start if start in PAGE_KEYS else "today")

    def page_title(self, key: str) -> str:
        titles = {
            "today": self.tr("오늘의 현장"),
            "cases": self.tr("사례 목록"),
            "firms": self.tr("기업"),
            "agency_queue": self.tr("기관 업무함"),
            "overdue": self.tr("기한 경과"),
            "dashboard": self.tr("현황판"),
            "clusters": self.tr("밀집지역·지원사업"),
            "sync": self.tr("동기화·충돌"),
            "reports": self.tr("보고서"),
            "settings": self.tr("설정"),
        }
        return titles[key]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("파일(&F)"))
        self.new_case_action = self._action(file_menu, self.tr("새 사례 접수(&N)"), "Ctrl+N", self.new_case)
        self._action(file_menu, self.tr("기업 찾기(&F)"), "Ctrl+F", self.find_firm)
        self._action(file_menu, self.tr("사례 검색(&S)"), "Ctrl+Shift+F", self.find_case)
        self._action(file_menu, self.tr("새로 고침(&R)"), "F5", self.refresh_current)
        self.sync_action = self._action(file_menu, self.tr("지금 동기화(&Y)"), SYNC_SHORTCUT, self.sync_now)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("끝내기(&X)"), "Ctrl+Q", self.close)
        view_menu = bar.addMenu(self.tr("보기(&V)"))
        self.page_actions: dict[str, QAction] = {}
        for n, key in enumerate(PAGE_KEYS, start=1):
            self.page_actions[key] = self._action(
                view_menu, self.page_title(key), page_shortcut(n), lambda _=False, k=key: self.show_page(k)
            )
        help_menu = bar.addMenu(self.tr("도움말(&H)"))
        self._action(help_menu, self.tr("정보(&A)"), "", self._about)

    def _action(self, menu: QWidget, text: str, shortcut: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("statusUnsynced")
        self.sync_label.setToolTip(self.tr("아직 어느 허브에도 보내지 않은 이 노트북의 변경 수"))
        # Until the store's key is in a recovery-key file: losing the keyring loses every case.
        self.key_reminder = QPushButton(self.tr("⚠ 복구 키를 저장하세요"))
        self.key_reminder.setObjectName("statusKeyReminder")
        self.key_reminder.setFlat(True)
        self.key_reminder.setStyleSheet("color: #b02a37; font-weight: bold;")
        self.key_reminder.setToolTip(
            self.tr(
                "데이터베이스 키는 이 컴퓨터의 키 저장소에만 있습니다. 설정 → 데이터 암호화에서 복구 키 "
                "파일을 저장해 노트북과 다른 곳에 보관하세요."
            )
        )
        self.key_reminder.clicked.connect(lambda: self.show_page("settings"))
        self.ctx.events.settings_changed.connect(self._update_key_reminder)
        self._update_key_reminder()
        for widget in (self.key_reminder, self.db_label, self.user_label, self.sync_label):
            self.statusBar().addPermanentWidget(widget)
        self.unsynced: int | None = None
        self.unsynced_timer = debounce_timer(self, UNSYNCED_DELAY_MS, self.refresh_unsynced)
        for signal in self.ctx.events.data_signals():
            signal.connect(self.unsynced_timer.start)
        self._update_status()
        self.unsynced_timer.start()
        if self.ctx.demo_note:
            self.statusBar().showMessage(self.ctx.demo_note, 15_000)

    def _update_key_reminder(self) -> None:
        self.key_reminder.setVisible(needs_key_reminder(self.ctx))

    def _update_status(self) -> None:
        ctx = self.ctx
        self.db_label.setText(self.tr("데이터: {path}").format(path=_short_path(str(ctx.db_path))))
        self.db_label.setToolTip(str(ctx.db_path))
        actor = ctx.actor()
        agency = ctx.labels().agency(actor.agency_id) if actor.agency_id else ""
        self.user_label.setText(
            self.tr("사용자: {name}").format(name=f"{actor.name} ({agency})" if agency else actor.name)
        )
        self._show_unsynced(self.unsynced)

    def refresh_unsynced(self) -> None:
        """Count the unsent changes in the worker (never on the GUI thread: startup stays fast)."""
        self.ctx.workers.start(self.ctx.db, count_unsynced, on_success=self._show_unsynced, context=self)

    def _show_unsynced(self, count: int | None) -> None:
        """Only the label: the count may arrive after the window was closed and the store with it."""
        self.unsynced = count
        shown = "…" if count is None else f"{count:,}"
        self.sync_label.setText(self.tr("미동기화 변경: {n}").format(n=shown))

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # --- routing ---------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page widget, built the first time it is needed."""
        if key not in self.pages:
            index = PAGE_KEYS.index(key)
            widget = self._make_page(key)
            placeholder = self.stack.widget(index)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.stack.insertWidget(index, widget)
            self.pages[key] = widget
        return self.pages[key]

    def _make_page(self, key: str) -> QWidget:
        ctx = self.ctx
        factory = _page_factory(key)
        if factory is not None:
            return factory(ctx, self.stack)
        placeholder = PlaceholderPage(ctx, self.stack)
        placeholder.setObjectName("reportsPage")
        placeholder.set_text(
            self.tr("보고서"),
            self.tr(
                "현장지원단 결과표, 처리대장, 기관별 회신 요청서 등의 PDF·엑셀 보고서가 "
                "여기에 들어옵니다 (준비 중)."
            ),
        )
        return placeholder

    def show_page(self, key: str) -> QWidget:
        widget = self.page(key)
        index = PAGE_KEYS.index(key)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        self.stack.setCurrentIndex(index)
        return widget

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(PAGE_KEYS):
            self.show_page(PAGE_KEYS[row])
            self.ctx.ui_state.set_value("window/page", PAGE_KEYS[row])

    def current_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    def new_case(self) -> None:
        page = self.show_page("today")
        if isinstance(page, TodayPage):
            page.start_intake()

    def find_firm(self) -> None:
        cast("FirmsPage", self.show_page("firms")).focus_search()

    def find_case(self) -> None:
        page = self.show_page("cases")
        if isinstance(page, CasesPage):
            page.focus_search()

    def sync_now(self) -> None:
        """Show the sync page and sync with the hub last used."""
        self.show_page("sync")
        self.ctx.events.sync_requested.emit()

    def refresh_current(self) -> None:
        page = self.pages.get(self.current_key())
        if isinstance(page, Page):
            page.refresh()

    def open_case(self, case_id: str) -> CaseDetailDialog:
        """Open (or raise) the window of one case."""
        # Imported on the first opened case, like the pages (a large module startup need not load).
        from desktop.ui.pages.case_detail.dialog import CaseDetailDialog

        dialog = self.case_windows.get(case_id)
        if dialog is None:
            dialog = CaseDetailDialog(self.ctx, case_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.destroyed.connect(lambda *_: self.case_windows.pop(case_id, None))
            self.case_windows[case_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_firm(self, firm_id: str) -> None:
        cast("FirmsPage", self.show_page("firms")).show_firm(firm_id)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("정보"),
            self.tr("원스톱 현장지원 데스크 {version}\n데이터: {path}").format(
                version=__version__, path=self.ctx.db_path
            ),
        )

    def save_state(self) -> None:
        """Flush drafts and layout: called on close (and before the window is rebuilt)."""
        for dialog in list(self.case_windows.values()):
            dialog.save_draft()
        for page in self.pages.values():
            if isinstance(page, Page):
                page.save_state()
        self.ctx.ui_state.save_window(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.unsynced_timer.stop()
        self.save_state()
        for dialog in list(self.case_windows.values()):
            dialog.close()
        super().closeEvent(event)
