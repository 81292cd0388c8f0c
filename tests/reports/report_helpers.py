"""Helpers shared by report tests: picking demo records through store functions, building cases."""

from __future__ import annotations

import re
import subprocess
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.core.ids import brn_check_digit
from desktop.core.records import Actor
from desktop.store import cases, firms, queries, report_queries, sessions
from desktop.store.db import Database
from reports.data import AWAITING_REPLY, iter_case_pages
from reports.scratch import LOCK_NAME

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 17, 0)
SEED = 7
# A coordinator: the one role that may register firms, log cases and unmask (desktop.core.roles).
ACTOR = Actor(name="김상담", agency_id="JNEPA", role="coordinator", device="laptop-1")


def brn_with_leading_zero() -> str:
    first9 = "012345678"
    return first9 + str(brn_check_digit(first9))


def all_rows(db: Database) -> list[queries.CaseListRow]:
    return [row for page in iter_case_pages(db, queries.CaseFilter(), now=NOW) for row in page]


def busiest_session(db: Database) -> str:
    counts = Counter(r.session_id for r in all_rows(db) if r.session_id)
    return counts.most_common(1)[0][0]


def busiest_firm(db: Database) -> str:
    return Counter(r.firm_id for r in all_rows(db)).most_common(1)[0][0]


def busiest_waiting_agency(db: Database) -> str:
    groups = report_queries.group_counts(db, "agency_id", queries.CaseFilter(statuses=AWAITING_REPLY), NOW)
    return max((g for g in groups if g.key), key=lambda g: g.total).key


def replied_case(db: Database) -> queries.CaseListRow:
    return next(r for r in all_rows(db) if r.status == "closed" and r.agency_id)


def add_firm(db: Database, name: str = "(주)가나철강", brn: str | None = None) -> str:
    firm_id, _ = firms.add_firm(
        db,
        firms.NewFirm(
            brn=brn or brn_with_leading_zero(),
            name=name,
            representative="홍길동",
            phone="010-1234-5678",
            email="hong@example.com",
            address="전라남도 순천시 산단로 12",
        ),
        ACTOR,
        now=lambda: datetime(2026, 10, 1, 9, 0),
    )
    return firm_id


def add_case(
    db: Database,
    firm_id: str,
    text: str,
    *,
    received: datetime,
    agency: str = "",
    session_id: str | None = None,
    field: str = "F06",
    onsite: str = "",
) -> str:
    case_id, _ = cases.add_case(
        db,
        cases.NewCase(
            firm_id=firm_id,
            field=field,
            text=text,
            agency=agency,
            session_id=session_id,
            consent_agencies=(agency,) if agency else (),
            onsite_answer=onsite,
            received_at=received,
            number_prefix="순천",
        ),
        ACTOR,
        now=lambda: received,
    )
    return case_id


def first_session(db: Database) -> str:
    return sessions.list_sessions(db, limit=1)[0].id


# --- PDF inspection (poppler-utils) ---------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    page: int
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    text: str


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    page_width: float
    page_height: float
    fonts: list[dict[str, str]]
    text: str
    words: list[Word]


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_facts(path: Path) -> PdfFacts:
    """Pages, fonts (``pdffonts``), text (``pdftotext``) and word boxes (``pdftotext -bbox``)."""
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the three yes/no columns come before the id.
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    text = _run("pdftotext", "-layout", str(path), "-")
    html = _run("pdftotext", "-bbox", str(path), "-")
    words: list[Word] = []
    page = 0
    width = height = 0.0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
            m = re.search(r'width="([\d.]+)" height="([\d.]+)"', line)
            assert m
            width, height = float(m[1]), float(m[2])
        m = re.search(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line
        )
        if m:
            words.append(Word(page, float(m[1]), float(m[3]), float(m[2]), float(m[4]), m[5]))
    return PdfFacts(page, width, height, fonts, text, words)


def first_page_png(pdf: Path, out_prefix: Path) -> Path:
    _run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(out_prefix))
    found = sorted(out_prefix.parent.glob(out_prefix.name + "*.png"))
    assert found, "pdftoppm wrote no image"
    return found[0]


# --- Excel inspection (openpyxl) ------------------------------------------------------------------


def sheet_tables(path: Path, sheet: str = "요약") -> dict[str, list[tuple[Any, ...]]]:
    """The titled tables of a summary-style sheet: {title: [header row, data rows...]}.

    A table is a title cell, a header row and data rows, ended by a blank row; notes (``※``)
    are left out, and so is the block above the first blank row (title, office, conditions).
    Data rows are as wide as their header (empty cells are None).
    """
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    rows = [_trimmed(tuple(r)) for r in wb[sheet].iter_rows(values_only=True)]
    wb.close()
    tables: dict[str, list[tuple[Any, ...]]] = {}
    block: list[tuple[Any, ...]] = []
    for row in [*rows, ()]:
        if any(v is not None for v in row):
            block.append(row)
            continue
        if len(block) >= 2 and len(block[0]) == 1:
            width = len(block[1])
            body = [r + (None,) * (width - len(r)) for r in block[1:] if not str(r[0] or "").startswith("※")]
            tables[str(block[0][0])] = body
        block = []
    return tables


def _trimmed(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """The row without the empty cells after its last value (a sheet is as wide as its widest row)."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def killed_writers_folder(folder: Path, target: str) -> Path:
    """What a run killed mid-write leaves: its scratch folder with a half file and a row file."""
    scratch = folder / f".{target}.{uuid.uuid4().hex}.export"
    scratch.mkdir()
    (scratch / LOCK_NAME).write_bytes(b"")
    (scratch / f"{target}.part").write_bytes(b"PK\x03\x04 half")
    (scratch / "tmpab12cd").write_text("<row r='1'><c t='inlineStr'><is><t>광양철강</t></is></c></row>")
    return scratch
