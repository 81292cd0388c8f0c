"""PySide6 user interface: main window, pages, Qt item models, dialogs (the only Qt code)."""

from desktop.ui.none_refcount import keep_none_alive

# Every process that drives Qt imports this package first, and the shiboken bug described in
# none_refcount.py would abort any of them after enough Qt calls: guard once, here.
keep_none_alive()
