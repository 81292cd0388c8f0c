"""The GUI on an encrypted store it has no key for: a clear message, exit code 1, the file untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app
from desktop.store import dbkey
from desktop.store.opening import open_store


def test_the_gui_refuses_an_encrypted_store_without_its_key_with_a_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "onestop.db"
    open_store(path, key=dbkey.new_key()).close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.delenv(dbkey.KEY_ENV, raising=False)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    # Korean, the source language: no translator is left installed for the tests that follow.
    assert app.run(["--db", str(path), "--config-dir", str(tmp_path / "config"), "--lang", "ko"]) == 1
    assert len(shown) == 1 and "ONESTOP_DB_KEY" in shown[0] and "변경하지 않았습니다" in shown[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
