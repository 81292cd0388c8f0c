"""Checking coordinator tables: every bad cell is named (file/sheet, row, column); numbers like △3.5%."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core import coord_tables as ct
from desktop.core.clusters import Cluster
from desktop.core.errors import RejectedInput
from desktop.core.reference_csv import load_reference

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"
CLUSTERS = (
    Cluster("JN-GY-STEEL", "광양국가산단 철강", "Gwangyang steel", "산업단지", "46", "광양시", ("24",)),
    Cluster("JN-YS-PETRO", "여수국가산단 석유화학", "", "산업단지", "46", "여수시", ("20",)),
)


def row(n: int, **values: object) -> ct.TableRow:
    return ct.TableRow("지표.xlsx:2025", n, dict(values), {k: f"[{k}]" for k in values})


def test_indicator_rows_accept_ids_names_and_korean_number_notation() -> None:
    found, problems = ct.parse_indicators(
        [
            row(
                2,
                cluster="JN-GY-STEEL",
                period="2025 상반기",
                sales_change_pct="△12.5%",
                closures_growth_pct=16,
            ),
            row(3, cluster="여수국가산단 석유화학", period="2025-H1", sales_change_pct="▲3", firms=120.0),
            row(
                4, cluster="gwangyang steel", period="2025-H2", employment_change_pct="-1,5".replace(",", "")
            ),
        ],
        CLUSTERS,
    )
    assert problems == []
    assert [(i.cluster_id, i.period, i.sales_change_pct) for i in found] == [
        ("JN-GY-STEEL", "2025-H1", -12.5),
        ("JN-YS-PETRO", "2025-H1", 3.0),
        ("JN-GY-STEEL", "2025-H2", None),
    ]
    assert found[1].firms == 120 and found[2].employment_change_pct == -15.0


def test_every_bad_indicator_row_is_listed_with_row_and_column() -> None:
    _, problems = ct.parse_indicators(
        [
            row(2, cluster="JN-GY-STEEL", period="2025-H1", sales_change_pct="x"),
            row(3, cluster="NOPE", period="2025-H3", sales_change_pct=1),
            row(4, cluster="JN-GY-STEEL", period="2025-H1", closures_growth_pct=1),
            row(5, cluster="JN-YS-PETRO", period="2025-H1"),
            row(6, cluster="JN-YS-PETRO", period="2025-H2", sales_change_pct=-150),
        ],
        CLUSTERS,
    )
    where = [(p.source, p.row, p.field) for p in problems]
    assert where == [
        ("지표.xlsx:2025", 2, "[sales_change_pct]"),
        ("지표.xlsx:2025", 3, "[cluster]"),
        ("지표.xlsx:2025", 3, "[period]"),
        ("지표.xlsx:2025", 4, "[period]"),  # the same cluster and half-year twice
        ("지표.xlsx:2025", 5, "sales_change_pct"),  # no indicator (nor its column) at all
        ("지표.xlsx:2025", 6, "[sales_change_pct]"),  # below -100%
    ]
    assert "2행" in problems[3].ko


def test_threshold_csv_problems_name_file_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "cluster_thresholds.csv"
    path.write_text(
        "level,group,indicator,op,value,note\n"
        "주의,C1,sales_change_pct,<=,-5,\n"
        "양호,G1,sales_change_pct,<=,-1,\n"
        "주의,C2,profit,<,abc,\n",
        encoding="utf-8",
    )
    with pytest.raises(RejectedInput) as info:
        ct.load_thresholds(path)
    where = [(p.row, p.field) for p in info.value.problems]
    assert where == [(3, "level"), (4, "indicator"), (4, "op"), (4, "value")]
    assert all(p.source == "cluster_thresholds.csv" for p in info.value.problems)


def test_a_threshold_file_without_a_severe_rule_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("level,group,indicator,op,value\n주의,C1,sales_change_pct,<=,-5\n", encoding="utf-8")
    with pytest.raises(RejectedInput) as info:
        ct.load_thresholds(path)
    assert info.value.problems[0].row is None and "심각" in info.value.problems[0].ko


def test_program_rows_resolve_names_and_report_every_problem() -> None:
    ref = load_reference(REFERENCE)
    on = date(2026, 5, 1)
    rows = [
        ct.TableRow(
            "p.xlsx:사업",
            2,
            {
                "name": "수출바우처",
                "agency": "KOTRA",
                "field": "수출",
                "track": "핀셋",
                "regions": "전국",
                "sizes": "중소, 소기업",
                "ksic": "C;J",
                "apply_from": "2026.1.5",
                "apply_to": "2026-02-06",
                "keywords": "바우처; 해외 마케팅",
            },
        ),
        ct.TableRow(
            "p.xlsx:사업",
            3,
            {
                "name": "",
                "agency": "없는기관",
                "field": "세무",
                "regions": "전남, 달나라",
                "sizes": "대기업",
                "min_years": 8,
                "max_years": 3,
                "apply_from": "2026-03-01",
                "apply_to": "2026-02-01",
                "ksic": "C1X",
            },
        ),
    ]
    found, problems = ct.parse_programs(rows, ref, on)
    assert len(found) == 1
    p = found[0]
    assert (p.agency_id, p.field_code, p.track, p.regions, p.sizes, p.ksic) == (
        "KOTRA",
        "F06",
        "pinpoint",
        ("*",),
        ("중소", "소기업"),
        ("C", "J"),
    )
    assert p.apply_from == date(2026, 1, 5) and p.keywords == ("바우처", "해외 마케팅")
    assert p.id.startswith("KOTRA-")
    assert sorted({(q.row, q.field) for q in problems}) == [
        (3, "agency"),
        (3, "apply_from"),
        (3, "ksic"),
        (3, "min_years"),
        (3, "name"),
        (3, "regions"),
        (3, "sizes"),
    ]


def test_the_shipped_program_catalog_loads() -> None:
    ref = load_reference(REFERENCE)
    programs = ct.load_programs(REFERENCE / "programs.csv", ref, date(2026, 11, 26))
    assert len(programs) >= 20 and len({p.id for p in programs}) == len(programs)
    assert {p.track for p in programs} >= {"standup", "pinpoint", ""}


def test_csv_reading_reports_a_missing_column_once(tmp_path: Path) -> None:
    path = tmp_path / "clusters.csv"
    path.write_text("id,name_ko,region_code\nA,가,46\n", encoding="utf-8-sig")
    with pytest.raises(RejectedInput) as info:
        ct.load_clusters(path, {"46"})
    assert [(p.row, p.field) for p in info.value.problems] == [(1, "ksic")]
