"""The report, Excel export and Excel import commands of ``onestop`` (DESIGN.md §4).

``desktop.cli.build_parser`` adds them with ``add_report_commands(sub, common, listing)``.
Command functions take ``(db, args, out)`` like the others; bad input raises
:class:`~desktop.core.errors.RejectedInput` (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli_support import Out, command_actor, optional_day
from desktop.core import workflow
from desktop.core.errors import reject
from desktop.store import reference, sessions
from desktop.store.db import Database

REPORT_KINDS = ("case", "session", "agency", "firm", "register")


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _progress(out: Out) -> Callable[[int, int], None] | None:
    if out.as_json or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{done:,} / {total:,}", end=end, file=sys.stderr, flush=True)

    return show


# --- report ---------------------------------------------------------------------------------------


def cmd_report(db: Database, args: argparse.Namespace, out: Out) -> None:
    from reports.data import parse_period
    from reports.pdf.agency_request import render_agency_request
    from reports.pdf.case_record import render_case_record
    from reports.pdf.firm_history import render_firm_history
    from reports.pdf.register import render_register

    kind: str = args.kind
    target = Path(args.out)
    actor = command_actor(db)
    unmask = {"unmask": args.unmask, "reason": args.reason or ""}
    common: dict[str, Any] = {"office": args.office, "approval": not args.no_approval}
    date_from, date_to = optional_day(args.date_from, "from"), optional_day(args.date_to, "to")
    if kind != "register" and not args.id:
        raise reject(
            "id",
            f"'{kind}' 보고서에는 ID가 필요합니다: onestop report {kind} ID --out OUT.pdf",
            f"The '{kind}' report needs an ID: onestop report {kind} ID --out OUT.pdf",
        )
    if kind == "case":
        result = render_case_record(db, args.id, target, actor, **unmask, **common)
    elif kind == "session":
        from reports.pdf.session_report import render_session_report

        result = render_session_report(db, args.id, target, actor, **unmask, **common)
    elif kind == "agency":
        result = render_agency_request(
            db,
            args.id,
            target,
            actor,
            date_from=date_from,
            date_to=date_to,
            session_id=args.session or "",
            include_answered=args.all,
            **unmask,
            **common,
        )
    elif kind == "firm":
        result = render_firm_history(db, args.id, target, actor, **unmask, **common)
    else:
        if args.unmask:
            raise reject(
                "unmask",
                "처리대장에는 개인정보(번호·대표자·연락처)가 없어 --unmask가 필요 없습니다.",
                "The register holds no personal data (numbers, people, phones): --unmask does not apply.",
            )
        if args.id:
            period_from, period_to = parse_period(args.id)
            date_from, date_to = date_from or period_from, date_to or period_to
        result = render_register(db, target, actor, date_from=date_from, date_to=date_to, **common)
    data = {"out": str(result.path), "pages": result.pages, **result.extra}
    text = out.t(f"{result.path} ({result.pages}쪽)", f"{result.path} ({result.pages} pages)")
    excluded = int(result.extra.get("excluded", 0))
    if excluded:
        text += "\n" + out.t(
            f"제3자 제공 동의가 없는 {excluded}건은 제외했습니다.",
            f"{excluded} cases without the firm's consent to this agency were left out.",
        )
    out.emit(data, text)


# --- export-excel ---------------------------------------------------------------------------------


def cmd_export_excel(db: Database, args: argparse.Namespace, out: Out) -> None:
    from reports.excel.export import ExportOptions, export_cases

    ref = reference.reference_data(db)
    today = date.today()
    if args.session:
        sessions.get_session(db, args.session)
    options = ExportOptions(
        date_from=optional_day(args.date_from, "from"),
        date_to=optional_day(args.date_to, "to"),
        agency_id=reference.find_agency(args.agency, today, ref).id if args.agency else "",
        field_code=reference.find_field(args.field, ref).code if args.field else "",
        session_id=args.session or "",
        statuses=tuple(workflow.status(s).code for s in _split(args.status)),
        per_agency=args.per_agency,
        unmask=args.unmask,
        reason=args.reason or "",
    )
    if options.date_from and options.date_to and options.date_to < options.date_from:
        raise reject("to", "기간의 끝이 시작보다 앞섭니다.", "The end of the period is before its start.")
    result = export_cases(
        db, Path(args.out), command_actor(db), options, progress=_progress(out), office=args.office
    )
    out.emit(
        {
            "out": str(result.path),
            "rows": result.rows,
            "sheets": list(result.sheets),
            "seconds": round(result.seconds, 1),
            "read_in_helper": result.read_in_helper,
        },
        out.t(
            f"{result.path}: 사례 {result.rows:,}건, 시트 {len(result.sheets)}개 ({result.seconds:.1f}초)",
            f"{result.path}: {result.rows:,} cases, {len(result.sheets)} sheets ({result.seconds:.1f} s)",
        ),
    )


# --- import-excel ---------------------------------------------------------------------------------


def cmd_import_excel(db: Database, args: argparse.Namespace, out: Out) -> None:
    from reports.excel.importer import describe, import_workbook

    result = import_workbook(
        db,
        Path(args.file),
        command_actor(db),
        session_id=args.session or None,
        dry_run=args.dry_run,
        progress=_progress(out),
    )
    preview = result.preview
    data = {
        "file": str(preview.source),
        "dry_run": result.dry_run,
        "added": result.added,
        "skipped_duplicates": result.skipped_duplicates,
        "firms_created": result.firms_created,
        "case_ids": list(result.case_ids),
        "batch": result.batch_id,
        "sheets": [
            {
                "name": s.name,
                "header_row": s.header_row,
                "rows": s.data_rows,
                "blank_rows": s.blank_rows,
                "total_rows": s.total_rows,
                "mapping": {m.header: m.target for m in s.mapping},
            }
            for s in preview.sheets
        ],
        "skipped_sheets": list(preview.skipped_sheets),
        "warnings": [w.text(out.lang) for w in preview.warnings],
    }
    lines = describe(preview, out.lang)
    if result.dry_run:
        lines.append(
            out.t(
                f"검사 완료: {result.added:,}건을 가져올 수 있습니다 "
                f"(이미 가져온 {result.skipped_duplicates:,}건 제외). 저장하지 않았습니다.",
                f"Checked: {result.added:,} rows can be imported ({result.skipped_duplicates:,} already "
                "imported). Nothing was stored.",
            )
        )
    else:
        lines.append(
            out.t(
                f"{result.added:,}건을 가져왔습니다 (신규 기업 {result.firms_created:,}개). "
                f"이미 가져온 {result.skipped_duplicates:,}건은 건너뛰었습니다.",
                f"Imported {result.added:,} rows ({result.firms_created:,} new firms). "
                f"Skipped {result.skipped_duplicates:,} rows imported before.",
            )
        )
    out.emit(data, "\n".join(lines))


# --- parser ---------------------------------------------------------------------------------------


def add_report_commands(sub: Any, common: argparse.ArgumentParser, listing: argparse.ArgumentParser) -> None:
    """Add ``report``, ``export-excel`` and ``import-excel`` to the ``onestop`` subcommands."""
    report = sub.add_parser(
        "report", parents=[common, listing], help="PDF reports (사례 기록지, 결과 보고, ...)"
    )
    report.add_argument("kind", choices=REPORT_KINDS)
    report.add_argument(
        "id",
        nargs="?",
        help="case id/number, session id, agency id or name, firm id or BRN; "
        "register: optional period (2026, 2026-03)",
    )
    report.add_argument("--out", required=True, help="PDF file to write")
    report.add_argument("--from", dest="date_from", help="register/agency: received from (YYYY-MM-DD)")
    report.add_argument("--to", dest="date_to", help="register/agency: received up to (YYYY-MM-DD)")
    report.add_argument("--session", help="agency: only cases of this session")
    report.add_argument("--all", action="store_true", help="agency: answered and closed cases too")
    report.add_argument("--office", help="issuing office printed on the report")
    report.add_argument("--no-approval", action="store_true", help="leave out the approval block (결재란)")
    report.add_argument("--unmask", action="store_true", help="show personal data in full (needs --reason)")
    report.add_argument("--reason", help="why personal data is unmasked (audited)")
    report.set_defaults(run=cmd_report)

    export = sub.add_parser("export-excel", parents=[common, listing], help="Excel export for managers")
    export.add_argument("out", help="xlsx file to write")
    export.add_argument("--from", dest="date_from")
    export.add_argument("--to", dest="date_to")
    export.add_argument("--agency")
    export.add_argument("--field")
    export.add_argument("--session")
    export.add_argument("--status", help="status codes or names, comma-separated")
    export.add_argument("--per-agency", action="store_true", help="one sheet per agency")
    export.add_argument("--office", help="issuing office shown on the summary sheet")
    export.add_argument("--unmask", action="store_true", help="personal data in full (needs --reason)")
    export.add_argument("--reason", help="why personal data is unmasked (audited)")
    export.set_defaults(run=cmd_export_excel)

    imp = sub.add_parser(
        "import-excel", parents=[common, listing], help="import a clinic spreadsheet (all or none)"
    )
    imp.add_argument("file", help="xlsx file")
    imp.add_argument("--session", help="session the rows belong to (also their date when a row has none)")
    imp.add_argument("--dry-run", action="store_true", help="check everything, store nothing")
    imp.set_defaults(run=cmd_import_excel)


__all__ = ["add_report_commands", "cmd_export_excel", "cmd_import_excel", "cmd_report"]
