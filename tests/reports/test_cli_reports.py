"""`onestop report | export-excel | import-excel`: exit codes, messages and files (DESIGN.md §4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from report_helpers import busiest_session, busiest_waiting_agency, replied_case

from desktop.cli import main
from desktop.store import audit
from desktop.store.db import Database
from desktop.store.opening import open_store, set_meta


@pytest.fixture
def store(demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ONESTOP_USER", "김상담")
    path = tmp_path / "cli.db"
    shutil.copyfile(demo_path, path)
    return path


def run(store: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(store), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_report_commands_write_each_pdf(
    store: Path, demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    targets = {
        "case": replied_case(demo_db).number,
        "session": busiest_session(demo_db),
        "agency": busiest_waiting_agency(demo_db),
    }
    for kind, ident in targets.items():
        out = tmp_path / f"{kind}.pdf"
        code, stdout, stderr = run(store, capsys, "report", kind, ident, "--out", str(out), "--json")
        assert code == 0, stderr
        data = json.loads(stdout)
        assert data["out"] == str(out) and data["pages"] >= 1 and out.read_bytes().startswith(b"%PDF")
    code, stdout, _ = run(store, capsys, "report", "register", "2025", "--out", str(tmp_path / "r.pdf"))
    assert code == 0 and "r.pdf" in stdout and "쪽" in stdout


def test_register_takes_a_period_and_refuses_a_backwards_one(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(
        store,
        capsys,
        "report",
        "register",
        "--from",
        "2025-01-01",
        "--to",
        "2025-03-31",
        "--out",
        str(tmp_path / "q1.pdf"),
    )
    assert code == 0 and (tmp_path / "q1.pdf").exists()
    code, _, err = run(
        store,
        capsys,
        "report",
        "register",
        "--from",
        "2025-05-01",
        "--to",
        "2025-04-01",
        "--out",
        str(tmp_path / "bad.pdf"),
    )
    assert code == 1 and "기간" in err and not (tmp_path / "bad.pdf").exists()


def test_bad_report_input_exits_1_with_a_message(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "x.pdf")
    assert run(store, capsys, "report", "case", "없는-사례", "--out", out)[:1] == (1,)
    code, _, err = run(store, capsys, "report", "firm", "--out", out)
    assert code == 1 and "ID" in err
    code, _, err = run(store, capsys, "--lang", "en", "report", "agency", "Nowhere Agency", "--out", out)
    assert code == 1 and "agency" in err
    code, _, err = run(store, capsys, "report", "case", "x", "--out", out, "--unmask")
    assert code == 1
    code, _, err = run(store, capsys, "report", "register", "--out", out, "--unmask", "--reason", "r")
    assert code == 1 and "--unmask" in err
    assert run(store, capsys, "report", "nonsense", "x", "--out", out)[0] == 2
    assert not Path(out).exists()


def test_export_excel_with_filters_and_audited_unmasking(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "e.xlsx"
    code, stdout, stderr = run(
        store,
        capsys,
        "export-excel",
        str(out),
        "--from",
        "2025-01-01",
        "--to",
        "2026-11-26",
        "--field",
        "세무",
        "--status",
        "종결,처리중",
        "--per-agency",
        "--json",
    )
    assert code == 0, stderr
    data = json.loads(stdout)
    rows = list(load_workbook(out, read_only=True)["사례"].iter_rows(values_only=True))[1:]
    assert data["rows"] == len(rows) > 0 and {r[17] for r in rows} == {"세무"}
    assert data["sheets"][:2] == ["요약", "사례"] and len(data["sheets"]) > 2
    # Only a coordinator may unmask (desktop.core.roles); the store's user is a consultant.
    code, _, err = run(store, capsys, "export-excel", str(tmp_path / "u.xlsx"), "--unmask", "--reason", "x")
    assert code == 1 and "총괄" in err and not (tmp_path / "u.xlsx").exists()
    db = open_store(store)
    set_meta(db, "user_role", "coordinator")
    db.close()
    code, _, err = run(store, capsys, "export-excel", str(tmp_path / "u.xlsx"), "--unmask")
    assert code == 1 and "사유" in err and not (tmp_path / "u.xlsx").exists()
    code, _, _ = run(
        store, capsys, "export-excel", str(tmp_path / "u.xlsx"), "--unmask", "--reason", "감사 제출"
    )
    assert code == 0
    db = open_store(store)
    assert audit.entries(db, action_prefix="export.unmask")[0].reason == "감사 제출"
    db.close()
    code, _, err = run(store, capsys, "export-excel", str(tmp_path / "z.xlsx"), "--agency", "없는기관")
    assert code == 1 and "없는기관" in err


def test_import_excel_all_or_nothing_then_skips_what_it_already_has(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "접수"
    ws.append(["접수일", "기업명", "사업자번호", "애로사항", "분야"])
    ws.append(["2024.5.3", "(주)순천정밀", "124-81-00998", "법인세 문의드립니다", "세무"])
    ws.append(["2024.5.3", "(주)오류", "124-81-00990", "검증번호가 틀린 행", "세무"])
    ws.append(["모름", "(주)오류2", "124-81-00998", "날짜가 틀린 행", "세무"])
    path = tmp_path / "log.xlsx"
    wb.save(path)
    code, _, err = run(store, capsys, "import-excel", str(path))
    assert code == 1
    assert "log.xlsx:접수 / 행 3 / 사업자번호" in err and "log.xlsx:접수 / 행 4 / 접수일" in err
    ws.delete_rows(3, 2)
    wb.save(path)
    code, stdout, _ = run(store, capsys, "import-excel", str(path), "--dry-run")
    assert code == 0 and "1건" in stdout and "저장하지 않았습니다" in stdout
    code, stdout, _ = run(store, capsys, "import-excel", str(path), "--json")
    assert code == 0 and json.loads(stdout)["added"] == 1
    code, stdout, _ = run(store, capsys, "--lang", "en", "import-excel", str(path))
    assert code == 0 and "Imported 0 rows" in stdout and "Skipped 1 rows" in stdout
    not_xlsx = tmp_path / "log.csv"
    not_xlsx.write_text("a,b")
    code, _, err = run(store, capsys, "import-excel", str(not_xlsx))
    assert code == 1 and ".csv" in err
