"""The firm, session and case commands of ``onestop``: register firms and sessions, take and work cases.

``desktop.cli.build_parser`` adds them with ``add_case_commands(sub, common, listing)``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from desktop.cli import Output, UsageError, actor_for
from desktop.core import deadlines, workflow
from desktop.core.errors import reject
from desktop.core.ids import format_brn, mask_brn, mask_person_name, mask_phone
from desktop.store import cases, firms, queries, reference, sessions
from desktop.store.db import Database


def _labels(db: Database, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    ref = reference.reference_data(db)
    today = date.today()
    fields: dict[str, str] = {f.code: (f.name_en if lang == "en" else f.name_ko) for f in ref.fields}
    agencies: dict[str, str] = {}
    for a in ref.agencies:
        if a.id not in agencies or a.valid_on(today):
            agencies[a.id] = a.name_en if lang == "en" else (a.short_name or a.name_ko)
    return fields, agencies


def _status_label(code: str, lang: str) -> str:
    s = workflow.status(code)
    return s.name_en if lang == "en" else s.name_ko


def cmd_firm_add(db: Database, args: argparse.Namespace, out: Output) -> None:
    new = firms.NewFirm(
        brn=args.brn,
        name=args.name,
        region_code=_region(db, args.region),
        size=args.size or "",
        ksic=args.ksic or "",
        corp_no=args.corp_no or "",
        representative=args.representative or "",
        phone=args.phone or "",
        email=args.email or "",
        address=args.address or "",
    )
    firm_id, _ = firms.add_firm(db, new, actor_for(db))
    existing = [f for f in firms.firms_by_brn(db, firms.get_firm(db, firm_id).brn) if f.id != firm_id]
    out.emit({"id": firm_id, "duplicates": [f.id for f in existing]}, firm_id)
    if existing and not out.as_json:
        print(
            out.t(
                f"주의: 같은 사업자등록번호의 기업이 {len(existing)}건 있습니다 (병합 대기열에서 확인).",
                f"Note: {len(existing)} firm(s) with the same BRN exist (see the merge queue).",
            ),
            file=sys.stderr,
        )


def _region(db: Database, value: str | None) -> str:
    if not value:
        return ""
    return str(reference.find_region(value, date.today(), reference.reference_data(db)).code)


def cmd_firm_find(db: Database, args: argparse.Namespace, out: Output) -> None:
    found = firms.find_firms(db, args.query, limit=args.limit)
    data = [
        {
            "id": f.id,
            "brn": format_brn(f.brn),
            "name": f.name,
            "region": f.region_code,
            "size": f.size,
            "ksic": f.ksic,
            "representative": mask_person_name(f.representative),
            "phone": mask_phone(f.phone),
        }
        for f in found
    ]
    lines = [
        f"{d['brn']}  {d['name']}  {d['region']}  {d['size']}  {d['representative']}  {d['id']}" for d in data
    ]
    out.emit(data, "\n".join(lines) if lines else out.t("찾은 기업이 없습니다.", "No firms found."))


def cmd_session_add(db: Database, args: argparse.Namespace, out: Output) -> None:
    ref = reference.reference_data(db)
    day = sessions.parse_day(args.date)
    agencies = tuple(reference.find_agency(a, day, ref).id for a in _split(args.agencies))
    session_id, _ = sessions.add_session(
        db,
        name=args.name,
        day=day,
        place=args.place,
        actor=actor_for(db),
        region_code=_region(db, args.region),
        agencies=agencies,
        consultants=tuple(_split(args.consultants)),
    )
    out.emit({"id": session_id}, session_id)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _firm_for_brn(db: Database, brn: str) -> str:
    from desktop.core.ids import validate_brn

    found = firms.firms_by_brn(db, validate_brn(brn))
    if not found:
        raise reject(
            "brn",
            f"등록되지 않은 사업자등록번호입니다: {format_brn(validate_brn(brn))} (먼저 'onestop firm add')",
            f"No firm with BRN {format_brn(validate_brn(brn))} (run 'onestop firm add' first)",
        )
    return found[0].id


def cmd_case_add(db: Database, args: argparse.Namespace, out: Output) -> None:
    new = cases.NewCase(
        firm_id=_firm_for_brn(db, args.brn),
        field=args.field,
        text=args.text,
        kind=args.kind,
        session_id=args.session,
        agency=args.agency or "",
        route_reason=args.reason or "",
        onsite_answer=args.onsite or "",
        consent_agencies=tuple(_split(args.consent))
        + ((args.agency,) if args.agency and args.consent_given else ()),
        number_prefix=args.prefix or "",
    )
    case_id, _ = cases.add_case(db, new, actor_for(db))
    case = cases.get_case(db, case_id)
    out.emit({"id": case_id, "number": case.number}, case_id)


def _list_row(
    row: queries.CaseListRow, fields: dict[str, str], agencies: dict[str, str], lang: str, now: datetime
) -> dict[str, Any]:
    return {
        "id": row.id,
        "number": row.number,
        "received_at": row.received_at.isoformat(timespec="minutes"),
        "firm": row.firm_name,
        "field": row.field_code,
        "field_name": fields.get(row.field_code, row.field_code),
        "agency": row.agency_id,
        "agency_name": agencies.get(row.agency_id, row.agency_id),
        "status": row.status,
        "status_name": _status_label(row.status, lang),
        "deadline": row.deadline_at.isoformat(timespec="minutes") if row.deadline_at else None,
        "overdue": row.is_overdue(now),
        "days_open": row.days_open(now.date()),
    }


def cmd_case_list(db: Database, args: argparse.Namespace, out: Output) -> None:
    ref = reference.reference_data(db)
    today = date.today()
    filt = queries.CaseFilter(
        statuses=tuple(workflow.status(s).code for s in _split(args.status)),
        field_code=reference.find_field(args.field, ref).code if args.field else "",
        agency_id=reference.find_agency(args.agency, today, ref).id if args.agency else "",
        session_id=args.session or "",
        overdue=args.overdue,
        open_only=args.open,
        search=args.search or "",
        received_from=sessions.parse_day(args.date_from, "from") if args.date_from else None,
        received_to=sessions.parse_day(args.date_to, "to") if args.date_to else None,
    )
    now = datetime.now()
    rows = queries.page_after(db, filt, queries.Sort(args.sort, not args.ascending), None, args.limit, now)
    fields, agencies = _labels(db, out.lang)
    data = [_list_row(r, fields, agencies, out.lang, now) for r in rows]
    lines = [
        f"{d['number']}  {d['received_at'][:10]}  {d['firm']}  {d['field_name']}  {d['agency_name'] or '-'}  "
        f"{d['status_name']}  {(d['deadline'] or '-')[:16]}{' !' if d['overdue'] else ''}  {d['days_open']}"
        for d in data
    ]
    out.emit(data, "\n".join(lines) if lines else out.t("해당 사례가 없습니다.", "No cases."))


def cmd_case_show(db: Database, args: argparse.Namespace, out: Output) -> None:
    case = cases.get_case(db, args.id)
    firm = firms.get_firm(db, case.firm_id)
    fields, agencies = _labels(db, out.lang)
    clock = cases.case_clock(db, case.id)
    now = datetime.now()
    from desktop.store.calendar import work_calendar

    cal = work_calendar(db)
    if not workflow.is_open(case.status):
        state = "closed"
    elif case.status in cases.CLOCK_STOPPED:
        state = "answered"
    else:
        state = clock.state(now, cal)
    timeline = [
        {"at": e.at.isoformat(timespec="minutes"), "actor": e.actor, "kind": e.kind, "payload": e.payload}
        for e in cases.timeline(db, case.id)
    ]
    data = {
        "id": case.id,
        "number": case.number,
        "status": case.status,
        "status_name": _status_label(case.status, out.lang),
        "field": case.field_code,
        "field_name": fields.get(case.field_code),
        "kind": case.kind,
        "text": case.text,
        "agency": case.agency_id,
        "agency_name": agencies.get(case.agency_id, ""),
        "assignee": case.assignee,
        "received_at": case.received_at.isoformat(timespec="minutes"),
        "deadline": case.deadline_at.isoformat(timespec="minutes") if case.deadline_at else None,
        "deadline_state": state,
        "result_code": case.result_code,
        "result_reason": case.result_reason,
        "firm": {
            "id": firm.id,
            "name": firm.name,
            "brn": mask_brn(firm.brn),
            "representative": mask_person_name(firm.representative),
            "phone": mask_phone(firm.phone),
        },
        "consents": [c.agency_id for c in cases.consents(db, case.id)],
        "timeline": timeline,
    }
    t = out.t
    kind = deadlines.case_kind(case.kind)
    kind_name = kind.name_en if out.lang == "en" else kind.name_ko
    lines = [
        f"{case.number}  [{data['status_name']}]  {firm.name} ({mask_brn(firm.brn)})",
        f"{t('분야', 'Field')}: {data['field_name']}   {t('유형', 'Kind')}: {kind_name}",
        f"{t('기관', 'Agency')}: {data['agency_name'] or '-'}   "
        f"{t('기한', 'Deadline')}: {data['deadline'] or '-'} ({state})",
        f"{t('내용', 'Text')}: {case.text}",
        t("처리 이력:", "Timeline:"),
        *[
            f"  {e['at']}  {e['actor']}  {e['kind']}  {json.dumps(e['payload'], ensure_ascii=False)}"
            for e in timeline
        ],
    ]
    out.emit(data, "\n".join(lines))


def _case_action(action: str) -> Callable[[Database, argparse.Namespace, Output], None]:
    def run(db: Database, args: argparse.Namespace, out: Output) -> None:
        actor = actor_for(db)
        case = cases.get_case(db, args.id)
        kwargs: dict[str, Any] = {"reason": getattr(args, "reason", "") or ""}
        chosen = action
        if action == "route":
            chosen = "transfer" if args.transfer else "assign"
            if args.consent_given:
                cases.record_consent(db, case.id, args.agency, actor)
            kwargs["agency"] = args.agency
        elif action == "assign":
            cases.assign_to(db, case.id, args.to, actor)
            out.emit({"id": case.id, "status": cases.get_case(db, case.id).status}, case.id)
            return
        elif action == "reply":
            if case.status == "assigned":
                cases.act(db, case.id, "start", actor)
            kwargs["text"] = args.text
        elif action == "resolve":
            onsite = args.onsite or args.result == "onsite"
            chosen = "resolve_onsite" if onsite and case.status in ("received", "classified") else "close"
            kwargs["result_code"] = "onsite" if onsite else workflow.result_code(args.result).code
        elif action == "extend":
            kwargs["extension_days"] = args.days
        cases.act(db, case.id, chosen, actor, **kwargs)
        out.emit({"id": case.id, "status": cases.get_case(db, case.id).status}, case.id)

    return run


def cmd_case_set(db: Database, args: argparse.Namespace, out: Output) -> None:
    changes = {}
    for pair in args.pairs:
        if "=" not in pair:
            raise UsageError(f"case set: expected KEY=VALUE, got {pair!r}")
        key, value = pair.split("=", 1)
        changes[{"field": "field_code"}.get(key, key)] = value
    cases.set_fields(db, args.id, changes, actor_for(db))
    out.emit({"id": args.id}, args.id)


# --- parser ---------------------------------------------------------------------------------------


def add_case_commands(sub: Any, common: argparse.ArgumentParser, listing: argparse.ArgumentParser) -> None:
    """Add ``firm``, ``session`` and ``case`` to the ``onestop`` subcommands."""
    firm = sub.add_parser("firm", help="firms").add_subparsers(dest="sub", required=True)
    fa = firm.add_parser("add", parents=[common, listing])
    fa.add_argument("--brn", required=True)
    fa.add_argument("--name", required=True)
    for option in (
        "--region",
        "--size",
        "--ksic",
        "--corp-no",
        "--representative",
        "--phone",
        "--email",
        "--address",
    ):
        fa.add_argument(option)
    fa.set_defaults(run=cmd_firm_add)
    ff = firm.add_parser("find", parents=[common, listing])
    ff.add_argument("query")
    ff.set_defaults(run=cmd_firm_find)

    session = sub.add_parser("session", help="clinic sessions").add_subparsers(dest="sub", required=True)
    sa = session.add_parser("add", parents=[common, listing])
    sa.add_argument("--name", required=True)
    sa.add_argument("--date", required=True)
    sa.add_argument("--place", required=True)
    sa.add_argument("--region")
    sa.add_argument("--agencies")
    sa.add_argument("--consultants")
    sa.set_defaults(run=cmd_session_add)

    case = sub.add_parser("case", help="cases").add_subparsers(dest="sub", required=True)
    ca = case.add_parser("add", parents=[common, listing])
    ca.add_argument("--brn", required=True)
    ca.add_argument("--field", required=True)
    ca.add_argument("--text", required=True)
    ca.add_argument("--kind", default="procedure")
    ca.add_argument("--session")
    ca.add_argument("--agency")
    ca.add_argument("--reason", help="why the suggested agency was overridden")
    ca.add_argument("--consent", help="agencies the firm consented to share with (comma-separated)")
    ca.add_argument("--consent-given", action="store_true", help="the firm consents to --agency")
    ca.add_argument("--onsite", help="answer given on site (resolves the case on site)")
    ca.add_argument("--prefix", help="case number prefix (default: the device's)")
    ca.set_defaults(run=cmd_case_add)
    cl = case.add_parser("list", parents=[common, listing])
    cl.add_argument("--status")
    cl.add_argument("--agency")
    cl.add_argument("--field")
    cl.add_argument("--session")
    cl.add_argument("--overdue", action="store_true")
    cl.add_argument("--open", action="store_true")
    cl.add_argument("--search")
    cl.add_argument("--from", dest="date_from")
    cl.add_argument("--to", dest="date_to")
    cl.add_argument("--sort", default="received_at", choices=(*queries.SORT_COLUMNS, *queries.SORT_ALIASES))
    cl.add_argument("--ascending", action="store_true")
    cl.set_defaults(run=cmd_case_list)
    cs = case.add_parser("show", parents=[common, listing])
    cs.add_argument("id")
    cs.set_defaults(run=cmd_case_show)
    cr = case.add_parser("route", parents=[common, listing], help="route to an agency (배정/이송)")
    cr.add_argument("id")
    cr.add_argument("--agency", required=True)
    cr.add_argument("--reason")
    cr.add_argument("--consent-given", action="store_true", help="record the firm's consent to this agency")
    cr.add_argument("--transfer", action="store_true", help="이송: the case leaves us")
    cr.set_defaults(run=_case_action("route"))
    cg = case.add_parser("assign", parents=[common, listing], help="assign to a person")
    cg.add_argument("id")
    cg.add_argument("--to", required=True)
    cg.set_defaults(run=_case_action("assign"))
    cy = case.add_parser("reply", parents=[common, listing])
    cy.add_argument("id")
    cy.add_argument("--text", required=True)
    cy.set_defaults(run=_case_action("reply"))
    cv = case.add_parser("resolve", parents=[common, listing])
    cv.add_argument("id")
    cv.add_argument("--result", default="resolved")
    cv.add_argument("--reason")
    cv.add_argument("--onsite", action="store_true")
    cv.set_defaults(run=_case_action("resolve"))
    co = case.add_parser("reopen", parents=[common, listing])
    co.add_argument("id")
    co.add_argument("--reason", required=True)
    co.set_defaults(run=_case_action("reopen"))
    ce = case.add_parser("extend", parents=[common, listing])
    ce.add_argument("id")
    ce.add_argument("--days", type=int, required=True)
    ce.add_argument("--reason", required=True)
    ce.set_defaults(run=_case_action("extend"))
    cset = case.add_parser("set", parents=[common, listing])
    cset.add_argument("id")
    cset.add_argument("pairs", nargs="+", metavar="KEY=VALUE")
    cset.set_defaults(run=cmd_case_set)
