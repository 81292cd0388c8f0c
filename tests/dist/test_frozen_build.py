"""Smoke test of the frozen build (``make dist`` → dist/onestop): GUI start, CLI, resources, no stray writes.

Skipped unless the build exists and is newer than the sources, or ``ONESTOP_TEST_DIST=1``
asks for it (then the build is made here when missing or out of date, and never skipped):
``make smoke-dist`` does that, and ``.ci/run`` runs it after ``make test``.

Every run gets fresh per-user folders (HOME and the XDG folders on Linux; ``ONESTOP_DB`` and
``ONESTOP_CONFIG_DIR`` elsewhere) and an empty working directory. The GUI runs offscreen with
``ONESTOP_STARTUP_PROBE=1`` (desktop/frozen_main.py): it prints one JSON line once the main
window is shown and idle, then quits.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from reports.excel.case_feed import PROCESS_FROM_ROWS

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "onestop"
EXE = DIST / ("onestop.exe" if sys.platform.startswith("win") else "onestop")
INTERNAL = DIST / "_internal"
BUILD_ENV = "ONESTOP_TEST_DIST"
# The acceptance limit; a slow shared CI runner may raise it with ONESTOP_STARTUP_LIMIT_MS.
STARTUP_LIMIT_MS = float(os.environ.get("ONESTOP_STARTUP_LIMIT_MS", "2000"))
IS_LINUX = sys.platform.startswith("linux")
# Sources the build is made from: a build older than any of them is out of date.
SOURCES = ("desktop", "reports", "resources", "build_installer.spec", "pyproject.toml")
BIG_EXPORT = PROCESS_FROM_ROWS
"""Cases in the store of the big export: enough for it to read them in the helper process."""


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for f in files:
            if "__pycache__" not in f.parts:
                newest = max(newest, f.stat().st_mtime)
    return newest


def _build_is_current() -> bool:
    return EXE.exists() and EXE.stat().st_mtime >= _newest_source()


def _build() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail(f"{BUILD_ENV}=1 needs PyInstaller: .venv/bin/pip install -e '.[dist]' (or run make dist)")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
        + ["build_installer.spec"],
        cwd=ROOT,
        check=True,
        timeout=1200,
    )


@functools.cache
def _build_problem() -> str:
    """Why the tests must skip ('' when the build is ready); decided once per test run.

    With ``ONESTOP_TEST_DIST=1`` a missing or out-of-date build is made here, once.
    """
    if os.environ.get(BUILD_ENV) == "1":
        if not _build_is_current():
            _build()
        assert EXE.exists(), f"the build made no {EXE}"
        return ""
    if not EXE.exists():
        return (
            f"no frozen build at {EXE.relative_to(ROOT)}: run `make dist` (then `make smoke-dist`), "
            f"or set {BUILD_ENV}=1 to build it here"
        )
    if not _build_is_current():
        return f"the frozen build in dist/onestop is older than the sources: run `make dist` or {BUILD_ENV}=1"
    return ""


def _require_build() -> None:
    problem = _build_problem()
    if problem:
        pytest.skip(problem)


def _tree_state(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@dataclass
class Runs:
    """What the frozen program did in one fresh per-user setup."""

    home: Path
    db_path: Path
    config_dir: Path
    cwd: Path
    pdf: Path
    first: dict[str, Any] = field(default_factory=dict)
    probes: list[dict[str, Any]] = field(default_factory=list)
    walls_ms: list[float] = field(default_factory=list)
    english: dict[str, Any] = field(default_factory=dict)
    checks: list[dict[str, Any]] = field(default_factory=list)
    demo: dict[str, Any] = field(default_factory=dict)
    register: dict[str, Any] = field(default_factory=dict)
    team: dict[str, Any] = field(default_factory=dict)
    joined: dict[str, Any] = field(default_factory=dict)
    synced: list[dict[str, Any]] = field(default_factory=list)
    big_export: dict[str, Any] = field(default_factory=dict)
    gui_outputs: list[subprocess.CompletedProcess[str]] = field(default_factory=list)
    leftovers_after_gui: list[str] = field(default_factory=list)
    dist_before: dict[str, tuple[int, int]] = field(default_factory=dict)
    dist_after: dict[str, tuple[int, int]] = field(default_factory=dict)


class Frozen:
    """Runs the frozen executable with fresh per-user folders."""

    def __init__(self, base: Path) -> None:
        self.home = base / "home"
        self.cwd = base / "cwd"
        for folder in (self.home, self.cwd):
            folder.mkdir(parents=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("ONESTOP_", "QT_", "XDG_"))}
        env.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            LANG="C.UTF-8",
            QT_QPA_PLATFORM="offscreen",
            ONESTOP_NO_WELCOME="1",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            ONESTOP_PASSPHRASE="smoke test passphrase",
        )
        if IS_LINUX:
            # The default per-user folders (platformdirs), inside this test's HOME.
            env.update(
                XDG_DATA_HOME=str(self.home / ".local" / "share"),
                XDG_CONFIG_HOME=str(self.home / ".config"),
                XDG_CACHE_HOME=str(self.home / ".cache"),
                XDG_STATE_HOME=str(self.home / ".local" / "state"),
                XDG_RUNTIME_DIR=str(base / "runtime"),
            )
            (base / "runtime").mkdir(mode=0o700)
            self.db_path = self.home / ".local" / "share" / "onestop" / "onestop.db"
            self.config_dir = self.home / ".config" / "onestop"
        else:
            self.db_path = base / "data" / "onestop.db"
            self.config_dir = base / "config"
            env.update(ONESTOP_DB=str(self.db_path), ONESTOP_CONFIG_DIR=str(self.config_dir))
        self.env = env

    def run(
        self, *args: str, extra_env: dict[str, str] | None = None, timeout: float = 180
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(EXE), *args],
            cwd=self.cwd,
            env={**self.env, **(extra_env or {})},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
        )

    def cli_json(self, *args: str) -> dict[str, Any]:
        done = self.run(*args, "--json")
        assert done.returncode == 0, f"onestop {' '.join(args)}: {done.stderr}"
        data: dict[str, Any] = json.loads(done.stdout)
        return data

    def gui(
        self, *args: str, **extra_env: str
    ) -> tuple[dict[str, Any], float, subprocess.CompletedProcess[str]]:
        """Start the GUI with the startup probe: (its JSON line, wall ms until exit, the process)."""
        started = time.time()
        probe_env = {"ONESTOP_STARTUP_PROBE": "1", "ONESTOP_PROBE_T0": repr(started), **extra_env}
        done = self.run(*args, extra_env=probe_env)
        wall = (time.time() - started) * 1000
        assert done.returncode == 0, done.stderr
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        assert lines, f"no probe line; stdout={done.stdout!r} stderr={done.stderr!r}"
        return json.loads(lines[-1]), wall, done


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    _require_build()
    frozen = Frozen(tmp_path_factory.mktemp("frozen"))
    r = Runs(frozen.home, frozen.db_path, frozen.config_dir, frozen.cwd, frozen.cwd.parent / "register.pdf")
    r.dist_before = _tree_state(DIST)

    # 1. First start: creates the store in the per-user data folder and fills it with the demo.
    r.first, _wall, done = frozen.gui()
    r.gui_outputs.append(done)
    r.leftovers_after_gui = sorted(p.name for p in r.db_path.parent.glob("onestop.db-*"))
    r.checks.append(frozen.cli_json("check"))
    # 2. The command line through the same executable.
    r.demo = frozen.cli_json("demo", "--firms", "20", "--cases", "50", "--seed", "7")
    r.checks.append(frozen.cli_json("check"))
    r.register = frozen.cli_json("report", "register", "--out", str(r.pdf))
    # Sync (cryptography, bundles): a team on a folder hub, a second laptop joins and receives.
    hub, other = frozen.cwd.parent / "hub", frozen.cwd.parent / "laptop2" / "onestop.db"
    r.team = frozen.cli_json("team", "create", "--hub", str(hub), "--name", "순천 현장지원단")
    r.synced.append(frozen.cli_json("sync", "--hub", str(hub)))
    code = str(r.team["join_code"])
    r.joined = frozen.cli_json(
        "team", "join", "--db", str(other), "--hub", str(hub), "--code", code, "--device", "노트북2"
    )
    r.synced.append(frozen.cli_json("sync", "--db", str(other), "--hub", str(hub)))
    # A big Excel export reads its cases in a helper process: the frozen program started again.
    big = frozen.cwd.parent / "big" / "onestop.db"
    frozen.cli_json("demo", "--db", str(big), "--firms", "2000", "--cases", str(BIG_EXPORT), "--seed", "7")
    big_xlsx = frozen.cwd.parent / "big.xlsx"
    r.big_export = frozen.cli_json("export-excel", str(big_xlsx), "--db", str(big))
    # 3. Later starts over the existing store: the startup time; one in English that opens the PDF.
    for _ in range(3):
        probe, wall, done = frozen.gui()
        r.probes.append(probe)
        r.walls_ms.append(wall)
        r.gui_outputs.append(done)
    r.english, _wall, done = frozen.gui("--lang", "en", ONESTOP_PROBE_PDF=str(r.pdf))
    r.gui_outputs.append(done)
    r.dist_after = _tree_state(DIST)
    return r


def test_first_start_creates_and_seeds_the_store_in_the_user_data_folder(runs: Runs) -> None:
    assert runs.first["frozen"] is True
    assert runs.first["visible"] is True
    assert Path(runs.first["meipass"]) == INTERNAL
    assert runs.db_path.is_file()
    if IS_LINUX:
        assert runs.db_path.is_relative_to(runs.home / ".local" / "share")
    first_check = runs.checks[0]
    assert first_check["ok"] is True
    assert first_check["firms"] > 0 and first_check["cases"] > 0
    assert (runs.config_dir / "window.ini").is_file() or runs.config_dir.is_dir()


def test_the_gui_quits_cleanly(runs: Runs) -> None:
    for done in runs.gui_outputs:
        assert done.returncode == 0
        assert "Traceback" not in done.stderr, done.stderr
    # The store was closed: SQLite removed its WAL and shared-memory files.
    assert runs.leftovers_after_gui == []


def test_startup_to_a_usable_window_is_under_two_seconds(runs: Runs) -> None:
    startups = [float(p["startup_ms"]) for p in runs.probes]
    print(
        f"\nfrozen startup to usable window (launch → shown, ms): {startups}, "
        f"median {statistics.median(startups):.0f}; wall until exit: {[round(w) for w in runs.walls_ms]}; "
        f"first start (creates and seeds the store): {runs.first['startup_ms']:.0f}"
    )
    # Best of three: a busy CI machine may slow any single start.
    assert min(startups) < STARTUP_LIMIT_MS


def test_demo_command_runs_through_the_frozen_executable(runs: Runs) -> None:
    assert runs.demo["cases"] == 50
    before, after = runs.checks
    assert after["ok"] is True
    assert after["cases"] == before["cases"] + 50
    assert after["firms"] == before["firms"] + 20


def test_register_report_is_a_pdf_with_korean_text(runs: Runs) -> None:
    assert Path(runs.register["out"]) == runs.pdf
    assert runs.register["pages"] >= 1
    assert runs.pdf.read_bytes().startswith(b"%PDF-")
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run(
            [pdftotext, str(runs.pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "처리대장" in text


def test_team_sync_runs_through_the_frozen_executable(runs: Runs) -> None:
    assert runs.team["join_code"]
    assert runs.joined["team"] == "순천 현장지원단"
    assert runs.joined["device"] == "노트북2"
    sent, received = runs.synced
    assert sent["sent_ops"] > 0
    assert received["received_ops"] == sent["sent_ops"]


def test_a_big_export_reads_its_cases_in_the_frozen_programs_helper(runs: Runs) -> None:
    from openpyxl import load_workbook

    assert runs.big_export["read_in_helper"] is True
    assert runs.big_export["rows"] == BIG_EXPORT
    wb = load_workbook(runs.big_export["out"], read_only=True)
    try:
        rows = sum(1 for _ in wb["사례"].iter_rows(values_only=True))
    finally:
        wb.close()
    assert rows == BIG_EXPORT + 1
    print(f"\nfrozen export of {BIG_EXPORT:,} cases through the helper: {runs.big_export['seconds']} s")


def test_qtpdf_in_the_build_opens_and_renders_the_report(runs: Runs) -> None:
    assert runs.english["pdf_pages"] == runs.register["pages"]
    assert runs.english["pdf_rendered"] is True


def test_translations_and_the_korean_font_are_bundled(runs: Runs) -> None:
    assert runs.first["title"] == "원스톱 현장지원 데스크"
    assert runs.english["title"] == "OneStop Field Desk"
    assert runs.first["font"] == "NanumGothic"
    assert runs.first["platform"] == "offscreen"


def test_nothing_is_written_next_to_the_executable(runs: Runs) -> None:
    assert runs.dist_after == runs.dist_before
    assert list(runs.cwd.iterdir()) == []


def test_every_resource_is_bundled() -> None:
    _require_build()
    wanted = {
        str(p.relative_to(ROOT / "resources"))
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and p.suffix not in (".ts", ".py") and "__pycache__" not in p.parts
    }
    bundled = {
        str(p.relative_to(INTERNAL / "resources")) for p in (INTERNAL / "resources").rglob("*") if p.is_file()
    }
    assert wanted <= bundled
    assert not any(name.endswith(".ts") for name in bundled)  # never recompiled next to the executable


def test_only_the_qt_modules_we_use_are_bundled() -> None:
    _require_build()
    names = [str(p.relative_to(INTERNAL)) for p in INTERNAL.rglob("*") if p.is_file()]
    assert any("QtPdf" in n for n in names)
    assert any("QtWidgets" in n for n in names)
    for unwanted in ("WebEngine", "Qt6Quick", "Qt6Qml", "Qt63D", "Multimedia", "QtQuick", "QtQml", "Qt3D"):
        assert not [n for n in names if unwanted in n], unwanted
    platforms = {p.name for p in (INTERNAL / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert any("offscreen" in p for p in platforms)
    qt_translations = INTERNAL / "PySide6" / "Qt" / "translations"
    if qt_translations.is_dir():
        assert {p.name for p in qt_translations.iterdir()} <= {
            "qt_ko.qm",
            "qt_en.qm",
            "qtbase_ko.qm",
            "qtbase_en.qm",
        }
