"""The frozen build's entry script, run from the source tree (no build needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import frozen_main

ROOT = Path(__file__).resolve().parents[2]


def test_main_runs_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert frozen_main.main(["check", "--db", str(tmp_path / "onestop.db"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_main_reports_usage_errors_like_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert frozen_main.main(["no-such-command"]) == 2
    assert "onestop" in capsys.readouterr().err


def test_a_windowed_program_prints_to_the_log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "logs" / "onestop-gui.log"
    monkeypatch.setattr(frozen_main, "log_path", lambda: log)
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    frozen_main.redirect_missing_streams()
    print("보이지 않는 출력")
    print("error output", file=sys.stderr)
    sys.stdout.flush()
    text = log.read_text(encoding="utf-8")
    assert "보이지 않는 출력" in text and "error output" in text
    sys.stdout.close()


def test_the_log_file_is_rotated_when_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "onestop-gui.log"
    log.write_text("x" * (frozen_main.LOG_MAX_BYTES + 1), encoding="utf-8")
    monkeypatch.setattr(frozen_main, "log_path", lambda: log)
    monkeypatch.setattr(sys, "stderr", None)
    frozen_main.redirect_missing_streams()
    sys.stderr.close()
    assert log.with_name("onestop-gui.log.1").stat().st_size > frozen_main.LOG_MAX_BYTES
    assert log.stat().st_size < 1000


def test_streams_of_a_console_program_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frozen_main, "log_path", lambda: pytest.fail("no log for a console program"))
    before = sys.stdout, sys.stderr
    frozen_main.redirect_missing_streams()
    assert (sys.stdout, sys.stderr) == before


def test_startup_probe_reports_the_shown_window_and_quits(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ONESTOP_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ONESTOP_DB=str(tmp_path / "onestop.db"),
        ONESTOP_CONFIG_DIR=str(tmp_path / "config"),
        ONESTOP_STARTUP_PROBE="1",
    )
    done = subprocess.run(
        [sys.executable, "-m", "desktop.frozen_main", "--lang", "en"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    assert probe["visible"] is True
    assert probe["frozen"] is False
    assert probe["title"] == "OneStop Field Desk"
    assert probe["startup_ms"] > 0
    assert (tmp_path / "onestop.db").is_file()
