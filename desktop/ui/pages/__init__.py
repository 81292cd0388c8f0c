"""Pages of the main window, one package per feature (page.py, widgets.py, dialogs.py, actions.py)."""
