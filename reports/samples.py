"""Writes docs/samples from demo data (seed 7): ``python -m reports.samples docs/samples``."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from pathlib import Path

from desktop.core.records import Actor
from desktop.store import queries
from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.opening import open_store
from reports import data
from reports.excel.export import export_cases
from reports.pdf.agency_request import render_agency_request
from reports.pdf.case_record import render_case_record
from reports.pdf.firm_history import render_firm_history
from reports.pdf.layout import BuildResult
from reports.pdf.register import render_register
from reports.pdf.session_report import render_session_report

SAMPLE_ACTOR = Actor(name="김상담", role="manager", device="samples")


def _rows(db: Database, now: datetime) -> list[queries.CaseListRow]:
    return [r for page in data.iter_case_pages(db, queries.CaseFilter(), now=now) for r in page]


def write_samples(db: Database, folder: Path, now: datetime) -> list[Path]:
    """Render the five PDFs (and a PNG of each first page when pdftoppm exists) and summary.xlsx."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = _rows(db, now)
    case = max((r for r in rows if r.status == "closed" and r.agency_id), key=lambda r: r.received_at)
    session = Counter(r.session_id for r in rows if r.session_id).most_common(1)[0][0]
    waiting = Counter(r.agency_id for r in rows if r.agency_id and r.status in data.AWAITING_REPLY)
    firm = Counter(r.firm_id for r in rows).most_common(1)[0][0]
    year = now.year
    pdfs: dict[str, Callable[[Path], BuildResult]] = {
        "case_record": lambda p: render_case_record(db, case.id, p, SAMPLE_ACTOR, now=now),
        "session_report": lambda p: render_session_report(db, session, p, SAMPLE_ACTOR, now=now),
        "agency_request": lambda p: render_agency_request(
            db, waiting.most_common(1)[0][0], p, SAMPLE_ACTOR, now=now
        ),
        "firm_history": lambda p: render_firm_history(db, firm, p, SAMPLE_ACTOR, now=now),
        "register": lambda p: render_register(
            db, p, SAMPLE_ACTOR, date_from=date(year, 1, 1), date_to=now.date(), now=now
        ),
    }
    written: list[Path] = []
    pdftoppm = shutil.which("pdftoppm")
    for name, render in pdfs.items():
        pdf = folder / f"{name}.pdf"
        render(pdf)
        written.append(pdf)
        if pdftoppm:
            first_page = ("-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile")
            subprocess.run([pdftoppm, *first_page, str(pdf), str(folder / name)], check=True)
            written.append(folder / f"{name}.png")
    written.append(export_cases(db, folder / "summary.xlsx", SAMPLE_ACTOR, now=now).path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cases", type=int, default=400)
    parser.add_argument("--firms", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_store(Path(tmp) / "samples.db")
        try:
            load_demo_data(db, firms=args.firms, cases=args.cases, seed=args.seed, today=args.today)
            for path in write_samples(db, args.folder, datetime.combine(args.today, time(17, 0))):
                print(path)
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
