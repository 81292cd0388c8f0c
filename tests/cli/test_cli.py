"""The `onestop` command line, run as a real console script (DESIGN.md §4 contract)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ONESTOP = shutil.which("onestop", path=str(Path(sys.executable).parent)) or "onestop"


def run(db: Path, *args: str, lang: str = "ko") -> subprocess.CompletedProcess[str]:
    env = os.environ | {"ONESTOP_USER": "김상담", "LANG": "C.UTF-8"}
    return subprocess.run(
        [ONESTOP, "--db", str(db), "--lang", lang, *args] if args and args[0] != "--db" else [ONESTOP, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture
def store(db_path: Path) -> Path:
    return db_path


def test_firm_add_prints_the_new_id_and_find_finds_it(store: Path) -> None:
    added = run(store, "firm", "add", "--brn", "124-81-00998", "--name", "(주)광양철강", "--region", "전남")
    assert added.returncode == 0, added.stderr
    firm_id = added.stdout.strip()
    assert len(firm_id) == 36
    for query in ("광양", "ㄱㅇㅊㄱ", "1248100998", "124-81-00998"):
        found = run(store, "firm", "find", query, "--json")
        assert found.returncode == 0
        assert [f["id"] for f in json.loads(found.stdout)] == [firm_id]


def test_json_create_output_is_an_object_with_the_id(store: Path) -> None:
    added = run(store, "firm", "add", "--brn", "2208162517", "--name", "순천식품", "--json")
    assert json.loads(added.stdout)["id"]


def test_a_bad_brn_exits_1_naming_the_field_in_korean_and_english(store: Path) -> None:
    ko = run(store, "firm", "add", "--brn", "124-81-00999", "--name", "광양철강")
    assert ko.returncode == 1
    assert "brn" in ko.stderr and "검증번호" in ko.stderr
    en = run(store, "firm", "add", "--brn", "124-81-00999", "--name", "광양철강", lang="en")
    assert en.returncode == 1
    assert "brn" in en.stderr and "check digit" in en.stderr.lower()


def test_usage_errors_exit_2(store: Path) -> None:
    assert run(store, "firm", "add", "--name", "이름만").returncode == 2
    assert run(store, "nonsense").returncode == 2
    assert run(store, "case", "list", "--limit", "many").returncode == 2


def test_a_case_goes_from_intake_to_closed_through_the_cli(store: Path) -> None:
    assert run(store, "firm", "add", "--brn", "1248100998", "--name", "광양철강").returncode == 0
    session = run(
        store,
        "session",
        "add",
        "--name",
        "2026 순천 현장지원단 1차",
        "--date",
        "2026-05-06",
        "--place",
        "순천 율촌산단",
        "--agencies",
        "NTS,JNEPA",
    )
    assert session.returncode == 0, session.stderr
    added = run(
        store,
        "case",
        "add",
        "--brn",
        "124-81-00998",
        "--field",
        "세무",
        "--text",
        "법인세 납부기한 연장",
        "--session",
        session.stdout.strip(),
        "--kind",
        "법령 질의",
        "--json",
    )
    assert added.returncode == 0, added.stderr
    case_id = json.loads(added.stdout)["id"]
    refused = run(store, "case", "route", case_id, "--agency", "NTS")
    assert refused.returncode == 1 and "동의" in refused.stderr
    steps = [
        ("case", "route", case_id, "--agency", "NTS", "--consent-given"),
        ("case", "assign", case_id, "--to", "박세무"),
        ("case", "reply", case_id, "--text", "연장 가능, 신청서 제출"),
        ("case", "resolve", case_id, "--result", "해결"),
    ]
    for step in steps:
        result = run(store, *step)
        assert result.returncode == 0, (step, result.stderr)
    shown = json.loads(run(store, "case", "show", case_id, "--json").stdout)
    assert shown["status"] == "closed"
    assert shown["result_code"] == "resolved"
    assert shown["consents"] == ["NTS"]
    assert [e["payload"].get("action") for e in shown["timeline"] if e["kind"] == "status"] == [
        "assign",
        "start",
        "reply",
        "close",
    ]
    reopened = run(store, "case", "reopen", case_id, "--reason", "추가 문의")
    assert reopened.returncode == 0
    listed = json.loads(run(store, "case", "list", "--status", "처리중", "--json").stdout)
    assert [c["id"] for c in listed] == [case_id]


def test_case_list_filters_and_limits(store: Path) -> None:
    assert run(store, "demo", "--firms", "30", "--cases", "400", "--seed", "3").returncode == 0
    all_rows = json.loads(run(store, "case", "list", "--json", "--limit", "1000").stdout)
    assert len(all_rows) == 400
    limited = json.loads(run(store, "case", "list", "--json", "--limit", "7").stdout)
    assert len(limited) == 7
    tax = json.loads(run(store, "case", "list", "--field", "F01", "--json", "--limit", "1000").stdout)
    assert tax and all(r["field"] == "F01" for r in tax)
    overdue = json.loads(run(store, "case", "list", "--overdue", "--json", "--limit", "1000").stdout)
    assert all(r["overdue"] for r in overdue)
    english = run(store, "case", "list", "--limit", "3", lang="en")
    assert english.returncode == 0


def test_check_and_backup(store: Path, tmp_path: Path) -> None:
    assert run(store, "demo", "--firms", "10", "--cases", "50").returncode == 0
    check = json.loads(run(store, "check", "--json").stdout)
    assert check["ok"] and check["cases"] == 50
    out = tmp_path / "backup.db"
    assert run(store, "backup", str(out)).returncode == 0
    assert json.loads(run(out, "check", "--json").stdout)["cases"] == 50


def test_database_from_the_environment(store: Path) -> None:
    env = os.environ | {"ONESTOP_DB": str(store)}
    result = subprocess.run(
        [ONESTOP, "firm", "add", "--brn", "1248100998", "--name", "환경변수"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0
    assert "환경변수" in run(store, "firm", "find", "환경").stdout


def test_demo_is_deterministic(tmp_path: Path) -> None:
    outputs = []
    for name in ("a.db", "b.db"):
        path = tmp_path / name
        assert run(path, "demo", "--firms", "20", "--cases", "100", "--seed", "9").returncode == 0
        rows = json.loads(run(path, "case", "list", "--json", "--limit", "100", "--sort", "number").stdout)
        outputs.append([(r["number"], r["firm"], r["field"], r["status"]) for r in rows])
    assert outputs[0] == outputs[1]
