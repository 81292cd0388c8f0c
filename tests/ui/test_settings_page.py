"""The settings page: what it refuses to save."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.settings import load_settings
from desktop.ui.context import AppContext
from desktop.ui.pages.settings.page import SettingsPage


@pytest.mark.parametrize("field", ["user_name", "device_name"])
def test_a_blank_name_or_device_name_is_not_saved(field: str, ctx: AppContext, qtbot: QtBot) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    before = ctx.settings
    getattr(page, field).setText("   ")
    page.number_prefix.setText("광양")
    page.save()
    assert ctx.settings == before and load_settings(ctx.settings_file) == before
    assert "비워 둘 수 없습니다" in page.error.text() and page.saved_label.text() == ""
    getattr(page, field).setText("박코디")
    page.save()
    assert getattr(ctx.settings, field) == "박코디" and ctx.settings.number_prefix == "광양"
    assert page.error.text() == ""
