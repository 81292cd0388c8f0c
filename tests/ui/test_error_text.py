"""Failures shown in the GUI: rejected input and a full disk in the interface language."""

from __future__ import annotations

import errno

import pytest

from desktop.core.errors import reject
from desktop.store import driver
from desktop.ui.widgets.common import error_text


@pytest.mark.parametrize(
    "exc",
    [
        driver.OperationalError("database or disk is full"),
        OSError(errno.ENOSPC, "No space left on device", "/media/usb/사례.xlsx"),
    ],
)
def test_a_full_disk_is_explained_in_korean_and_english(exc: BaseException) -> None:
    assert "가득 찼습니다" in error_text(exc, "ko")
    assert "Free some space" in error_text(exc, "en")


def test_rejected_input_is_shown_in_the_interface_language() -> None:
    refused = reject("brn", "사업자등록번호가 틀렸습니다.", "Invalid business number.")
    assert error_text(refused, "en").endswith("Invalid business number.")


def test_other_errors_keep_their_own_text() -> None:
    assert error_text(ValueError("boom"), "ko") == "ValueError: boom"
