"""PySide6 user interface: main window, pages, Qt item models, dialogs (the only Qt code)."""
