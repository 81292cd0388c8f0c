"""Intake of a difficulty: the form (form.py), its behaviour (panel.py), firm lookup (widgets.py)."""
