"""``onestop dashboard|clusters|programs|followups`` (desktop.cli_coord), run in-process.

Until ``desktop.cli.build_parser`` calls ``add_coord_commands`` itself, the tests add the
commands to the parser the same way.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from desktop import cli
from desktop.cli_coord import add_coord_commands
from reports.excel import coord_import


@pytest.fixture(autouse=True)
def coord_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    original = cli.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "dashboard" not in sub.choices:
            common = cli._Parser(add_help=False)
            common.add_argument("--db", default=argparse.SUPPRESS)
            common.add_argument("--lang", choices=("ko", "en"), default=argparse.SUPPRESS)
            listing = cli._Parser(add_help=False)
            listing.add_argument("--json", action="store_true")
            listing.add_argument("--limit", type=int, default=50)
            add_coord_commands(sub, common, listing)
        return parser

    monkeypatch.setattr(cli, "build_parser", build)
    monkeypatch.setenv("ONESTOP_USER", "박코디")


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--db", str(db), "--lang", "ko", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def add_case(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    assert (
        run(
            capsys,
            db,
            "firm",
            "add",
            "--brn",
            "124-81-00998",
            "--name",
            "(주)광양철강",
            "--region",
            "전남",
            "--size",
            "소기업",
            "--ksic",
            "24112",
            "--address",
            "광양시 산단로 1",
        )[0]
        == 0
    )
    code, out, err = run(
        capsys,
        db,
        "case",
        "add",
        "--brn",
        "1248100998",
        "--field",
        "F13",
        "--text",
        "매출감소로 경영위기 컨설팅 요청",
        "--onsite",
        "위기대응센터 컨설팅 안내",
        "--json",
    )
    assert code == 0, err
    return str(json.loads(out)["number"])


def test_dashboard_json_has_every_figure(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    add_case(capsys, db_path)
    code, out, err = run(
        capsys,
        db_path,
        "dashboard",
        "--json",
        "--pdf",
        str(tmp_path / "d.pdf"),
        "--xlsx",
        str(tmp_path / "d.xlsx"),
    )
    assert code == 0, err
    data = json.loads(out)
    assert (data["total"], data["onsite"], data["onsite_rate"]) == (1, 1, 1.0)
    assert {
        "by_field",
        "by_agency",
        "by_status",
        "by_month",
        "reply_days",
        "overdue_buckets",
        "keywords",
        "satisfaction",
        "clusters",
    } <= set(data)
    assert (tmp_path / "d.pdf").read_bytes()[:4] == b"%PDF" and (tmp_path / "d.xlsx").exists()
    assert run(capsys, db_path, "dashboard", "--from", "2026-05-01", "--to", "2026-04-01")[0] == 1


def test_clusters_import_list_show_and_thresholds(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    sheet = coord_import.write_template(
        tmp_path / "지표.xlsx", "indicators", [("JN-GY-STEEL", "", "2026 상반기", -25, 10, -1, 100, "")]
    )
    code, out, err = run(capsys, db_path, "clusters", "import", str(sheet), "--json")
    assert code == 0, err
    assert json.loads(out)["levels"] == {"2026-H1": {"severe": 1}}
    code, out, _ = run(capsys, db_path, "clusters", "list", "--level", "심각", "--json")
    assert [c["id"] for c in json.loads(out)] == ["JN-GY-STEEL"]
    code, out, _ = run(capsys, db_path, "clusters", "show", "JN-GY-STEEL")
    assert "핀셋 지원" in out and "2026-H1: 심각" in out
    bad = coord_import.write_template(
        tmp_path / "bad.xlsx", "indicators", [("JN-GY-STEEL", "", "2026-H9", 1, 1, 1, 1, "")]
    )
    code, _, err = run(capsys, db_path, "clusters", "import", str(bad))
    assert code == 1 and "bad.xlsx:지표 / 행 2 / 반기" in err
    rules = tmp_path / "rules.csv"
    rules.write_text(
        "level,group,indicator,op,value\n심각,S1,sales_change_pct,<=,-30\n주의,C1,sales_change_pct,<=,-20\n",
        encoding="utf-8",
    )
    assert run(capsys, db_path, "clusters", "thresholds", "--load", str(rules))[0] == 0
    code, out, _ = run(capsys, db_path, "clusters", "list", "--json")
    assert next(c for c in json.loads(out) if c["id"] == "JN-GY-STEEL")["level"] == "caution"


def test_programs_match_attach_and_followups(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    number = add_case(capsys, db_path)
    code, out, err = run(capsys, db_path, "programs", "match", number, "--json", "--founded", "2018-04-01")
    assert code == 0, err
    matches = json.loads(out)
    assert matches[0]["id"] == "JNTP-STANDUP-2026" and matches[0]["eligibility"] in ("eligible", "check")
    assert (
        run(capsys, db_path, "programs", "attach", number, "JNTP-STANDUP-2026", "--note", "신청 안내")[0] == 0
    )
    code, out, _ = run(capsys, db_path, "programs", "match", number, "--json")
    assert json.loads(out)[0]["attached"] is True
    code, out, err = run(capsys, db_path, "report", "case", number, "--out", str(tmp_path / "case.pdf"))
    assert code == 0, err
    code, out, err = run(capsys, db_path, "followups", "call", number, "--points", "2", "--json")
    assert code == 0, err
    assert json.loads(out) == {"score": 25, "low": True, "reopened": False, "flagged": True}
    code, out, _ = run(capsys, db_path, "followups", "list", "--state", "flagged", "--json")
    assert [f["number"] for f in json.loads(out)] == [number]
    code, out, err = run(capsys, db_path, "followups", "register", "--out", str(tmp_path / "f.pdf"))
    assert code == 0, err
    assert run(capsys, db_path, "followups", "list", "--state", "nope")[0] == 1
    assert run(capsys, db_path, "followups", "call", number)[0] == 1
