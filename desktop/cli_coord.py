"""The coordinator commands of ``onestop``: dashboard, programs, follow-ups, import templates; the clusters
commands (``desktop.cli_clusters``) are registered here too.

Wired into ``desktop.cli.build_parser`` with ``add_coord_commands(sub, common, listing)``.
Command functions take ``(db, args, out)`` like the others; bad input raises
:class:`~desktop.core.errors.RejectedInput` (exit 1).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli_clusters import (
    cmd_clusters_demo,
    cmd_clusters_import,
    cmd_clusters_link,
    cmd_clusters_list,
    cmd_clusters_rate,
    cmd_clusters_show,
    cmd_clusters_thresholds,
)
from desktop.cli_support import Out, command_actor, display_names, optional_day, percent
from desktop.core import programs as core_programs
from desktop.core.errors import reject
from desktop.store import dashboard_queries, followups, reference, sessions
from desktop.store import programs as store_programs
from desktop.store.db import Database

# --- dashboard ------------------------------------------------------------------------------------


def cmd_dashboard(db: Database, args: argparse.Namespace, out: Out) -> None:
    ref = reference.reference_data(db)
    today = date.today()
    date_from, date_to = optional_day(args.date_from, "from"), optional_day(args.date_to, "to")
    if date_from and date_to and date_to < date_from:
        raise reject("to", "기간의 끝이 시작보다 앞섭니다.", "The end of the period is before its start.")
    if args.session:
        sessions.get_session(db, args.session)
    filt = dashboard_queries.period_filter(
        date_from,
        date_to,
        session_id=args.session or "",
        agency_id=reference.find_agency(args.agency, today, ref).id if args.agency else "",
        field_code=reference.find_field(args.field, ref).code if args.field else "",
    )
    figures = dashboard_queries.dashboard_figures(db, filt)
    written: list[str] = []
    if args.pdf:
        from reports.pdf.dashboard_section import render_dashboard

        if args.session or args.agency or args.field:
            raise reject(
                "pdf",
                "PDF 현황 보고는 기간(--from/--to)으로만 고를 수 있습니다.",
                "The PDF report is chosen by period (--from/--to) only.",
            )
        render_dashboard(
            db, Path(args.pdf), command_actor(db), date_from=date_from, date_to=date_to, office=args.office
        )
        written.append(args.pdf)
    if args.xlsx:
        from reports.excel.dashboard_sheet import write_dashboard_workbook

        write_dashboard_workbook(db, figures, Path(args.xlsx))
        written.append(args.xlsx)
    fields, agencies = display_names(db, out.lang)
    sat = figures.satisfaction
    mean = sat.mean_score if sat.mean_score is not None else "-"
    median = figures.reply_median_days if figures.reply_median_days is not None else "-"
    lines = [
        out.t(
            f"애로사항 {figures.total:,}건 · 기업 {figures.firms:,}개 · "
            f"현장해결률 {percent(figures.onsite_rate)} · "
            f"처리 중 {figures.open:,}건 · 기한 초과 {figures.overdue:,}건",
            f"{figures.total:,} cases · {figures.firms:,} firms · on-site {percent(figures.onsite_rate)} · "
            f"open {figures.open:,} · overdue {figures.overdue:,}",
        ),
        out.t(
            f"만족도 평균 {mean}점 (응답 {sat.responses:,}건) · 회신 소요일 중앙값 {median}일",
            f"satisfaction {mean}/100 ({sat.responses:,} answers) · median days to reply {median}",
        ),
        out.t("분야별:", "By field:"),
    ]
    lines += [
        f"  {fields.get(g.key, g.key)}: {g.total:,} ({percent(g.onsite_rate)})" for g in figures.by_field
    ]
    lines.append(out.t("기관별 회신 소요일 중앙값:", "Median days to reply per agency:"))
    lines += [
        f"  {agencies.get(r.agency_id, r.agency_id)}: {r.median_days} ({r.replied:,})"
        for r in figures.reply_days
    ]
    lines.append(out.t("기한 초과 경과일:", "Overdue by:"))
    lines += [f"  {b.label(out.lang)}: {b.count:,}" for b in figures.overdue_buckets]
    lines.append(out.t("분야별 반복 키워드:", "Recurring keywords per field:"))
    lines += [
        f"  {fields.get(k.field_code, k.field_code)}: "
        + ", ".join(f"{w.word}({w.cases})" for w in k.keywords)
        for k in figures.keywords
    ]
    lines += written
    data = figures.to_dict()
    if written:
        data["written"] = written
    out.emit(data, "\n".join(lines))


# --- import templates ---------------------------------------------------------------------------


def cmd_template(db: Database, args: argparse.Namespace, out: Out) -> None:
    from reports.excel.coord_import import write_template

    del db
    path = write_template(Path(args.out), args.kind)
    out.emit({"out": str(path)}, str(path))


# --- programs -------------------------------------------------------------------------------------


def _program_dict(p: core_programs.Program) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "agency": p.agency_id,
        "field": p.field_code,
        "track": p.track,
        "regions": list(p.regions),
        "sizes": list(p.sizes),
        "ksic": list(p.ksic),
        "min_years": p.min_years,
        "max_years": p.max_years,
        "apply_from": p.apply_from.isoformat() if p.apply_from else None,
        "apply_to": p.apply_to.isoformat() if p.apply_to else None,
        "contact": p.contact,
        "active": p.active,
    }


def cmd_programs_list(db: Database, args: argparse.Namespace, out: Out) -> None:
    ref = reference.reference_data(db)
    items = store_programs.list_programs(db, active_only=not args.all)
    if args.field:
        code = reference.find_field(args.field, ref).code
        items = [p for p in items if p.field_code == code]
    items = items[: args.limit] if args.limit else items
    _, agencies = display_names(db, out.lang)
    today = date.today()
    windows = {
        core_programs.OPEN: out.t("접수 중", "open"),
        core_programs.UPCOMING: out.t("접수 예정", "upcoming"),
        core_programs.CLOSED: out.t("마감", "closed"),
        core_programs.ALWAYS: out.t("상시", "all year"),
    }
    lines = [
        f"{p.id:<22} {p.field_code} {p.name} — {agencies.get(p.agency_id, p.agency_id)} "
        f"[{windows[p.window(today)]}]"
        for p in items
    ]
    out.emit(
        [_program_dict(p) for p in items], "\n".join(lines) or out.t("지원사업이 없습니다.", "No programs.")
    )


def cmd_programs_import(db: Database, args: argparse.Namespace, out: Out) -> None:
    from reports.excel.coord_import import import_programs

    preview, result = import_programs(
        db, Path(args.file), command_actor(db), replace=not args.merge, dry_run=args.dry_run
    )
    data: dict[str, Any] = {
        "file": str(preview.source),
        "rows": len(preview.records),
        "dry_run": args.dry_run,
    }
    if result is None:
        text = out.t(
            f"검사 완료: 지원사업 {len(preview.records):,}건을 가져올 수 있습니다. 저장하지 않았습니다.",
            f"Checked: {len(preview.records):,} programs can be imported. Nothing was stored.",
        )
    else:
        data.update(added=result.added, updated=result.updated, deactivated=result.deactivated)
        text = out.t(
            f"지원사업 {result.added:,}건 추가, {result.updated:,}건 갱신, "
            f"{result.deactivated:,}건 비활성화.",
            f"{result.added:,} programs added, {result.updated:,} updated, "
            f"{result.deactivated:,} deactivated.",
        )
    out.emit(data, text)


def cmd_programs_match(db: Database, args: argparse.Namespace, out: Out) -> None:
    from desktop.store import cases

    case = cases.get_case(db, args.case)
    if args.founded:
        store_programs.set_founded_on(
            db, case.firm_id, sessions.parse_day(args.founded, "founded"), command_actor(db)
        )
    found = store_programs.matches_for_case(
        db, case.id, include_ineligible=args.all, include_unrelated=args.all
    )[: args.limit]
    attached = {a.program_id for a in store_programs.attached(db, case.id)}
    states = {
        core_programs.ELIGIBLE: out.t("지원 가능", "eligible"),
        core_programs.TO_CHECK: out.t("확인 필요", "to check"),
        core_programs.INELIGIBLE: out.t("대상 아님", "ineligible"),
    }
    data = [
        {
            **_program_dict(m.program),
            "eligibility": m.eligibility,
            "score": m.score,
            "window": m.window,
            "reasons": list(m.reasons(out.lang)),
            "criteria": {c.code: {"state": c.state, "text": c.text(out.lang)} for c in m.criteria},
            "attached": m.program.id in attached,
        }
        for m in found
    ]
    lines = [
        f"{m.program.id:<22} [{states[m.eligibility]}] {m.program.name}"
        + (" *" if m.program.id in attached else "")
        + f"  ({'; '.join(m.reasons(out.lang))})"
        + "".join(f"\n      - {c.text(out.lang)}" for c in m.criteria if c.state != core_programs.MET)
        for m in found
    ]
    out.emit(data, "\n".join(lines) or out.t("맞는 지원사업이 없습니다.", "No matching programs."))


def cmd_programs_attach(db: Database, args: argparse.Namespace, out: Out) -> None:
    store_programs.attach(db, args.case, args.program, command_actor(db), note=args.note or "")
    out.emit({"case": args.case, "program": args.program}, out.t("연결했습니다.", "Attached."))


def cmd_programs_detach(db: Database, args: argparse.Namespace, out: Out) -> None:
    store_programs.detach(db, args.case, args.program, command_actor(db), reason=args.reason or "")
    out.emit({"case": args.case, "program": args.program}, out.t("연결을 해제했습니다.", "Detached."))


# --- follow-ups -----------------------------------------------------------------------------------


def _followup_dict(f: followups.FollowUp, lang: str) -> dict[str, Any]:
    return {
        "case": f.case_id,
        "number": f.number,
        "firm": f.firm_name,
        "field": f.field_code,
        "agency": f.agency_id,
        "result": f.result_code,
        "closed_at": f.closed_at.isoformat(timespec="minutes") if f.closed_at else None,
        "state": f.state,
        "state_name": followups.state_name(f.state, lang),
        "due": f.due.isoformat() if f.due else None,
        "attempts": f.attempts,
        "points": f.points,
        "score": f.score,
        "note": f.note,
    }


def cmd_followups_list(db: Database, args: argparse.Namespace, out: Out) -> None:
    states = tuple(s.strip() for s in (args.state or "").split(",") if s.strip())
    unknown = [s for s in states if s not in followups.STATE_NAMES]
    if unknown:
        raise reject(
            "state",
            f"알 수 없는 상태: {', '.join(unknown)} ({', '.join(followups.STATE_NAMES)})",
            f"Unknown state: {', '.join(unknown)} ({', '.join(followups.STATE_NAMES)})",
        )
    items = followups.register(
        db,
        closed_from=optional_day(args.date_from, "from"),
        closed_to=optional_day(args.date_to, "to"),
        states=states,
    )[: args.limit]
    lines = [
        f"{f.number}  {followups.state_name(f.state, out.lang):<10} "
        f"{f.due.isoformat() if f.due else '-':<10} {f.firm_name}"
        + (f"  {f.score}/100" if f.score is not None else "")
        for f in items
    ]
    out.emit(
        [_followup_dict(f, out.lang) for f in items],
        "\n".join(lines) or out.t("대상이 없습니다.", "Nothing."),
    )


def cmd_followups_schedule(db: Database, args: argparse.Namespace, out: Out) -> None:
    day = sessions.parse_day(args.on, "on")
    followups.schedule(db, args.case, day, command_actor(db), note=args.note or "")
    out.emit({"case": args.case, "due": day.isoformat()}, day.isoformat())


def cmd_followups_call(db: Database, args: argparse.Namespace, out: Out) -> None:
    if args.points is None and not args.no_answer:
        raise reject("points", "--points 1~5 또는 --no-answer를 주세요.", "Give --points 1-5 or --no-answer.")
    result = followups.record_call(
        db,
        args.case,
        command_actor(db),
        points=None if args.no_answer else args.points,
        note=args.note or "",
        on_low="reopen" if args.reopen else "flag",
    )
    data = {"score": result.score, "low": result.low, "reopened": result.reopened, "flagged": result.flagged}
    if result.score is None:
        text = out.t("연락 안 됨으로 기록했습니다.", "Recorded: no answer.")
    else:
        text = out.t(f"만족도 {result.score}점", f"satisfaction {result.score}/100")
        if result.reopened:
            text += out.t(" — 낮은 점수로 사례를 재개했습니다.", " — low score: the case was reopened.")
        elif result.flagged:
            text += out.t(" — 낮은 점수: 조치 필요로 표시했습니다.", " — low score: flagged for action.")
    out.emit(data, text)


def cmd_followups_clear(db: Database, args: argparse.Namespace, out: Out) -> None:
    followups.clear_flag(db, args.case, command_actor(db), note=args.note or "")
    out.emit({"case": args.case}, out.t("조치 완료로 기록했습니다.", "Flag cleared."))


def cmd_followups_register(db: Database, args: argparse.Namespace, out: Out) -> None:
    from reports.pdf.followup_register import render_followup_register

    result = render_followup_register(
        db,
        Path(args.out),
        command_actor(db),
        date_from=optional_day(args.date_from, "from"),
        date_to=optional_day(args.date_to, "to"),
        office=args.office,
        approval=not args.no_approval,
    )
    out.emit(
        {"out": str(result.path), "pages": result.pages, **result.extra},
        out.t(f"{result.path} ({result.pages}쪽)", f"{result.path} ({result.pages} pages)"),
    )


# --- parser ---------------------------------------------------------------------------------------


def add_coord_commands(sub: Any, common: argparse.ArgumentParser, listing: argparse.ArgumentParser) -> None:
    """Add ``dashboard``, ``clusters``, ``programs`` and ``followups`` to the ``onestop`` subcommands."""
    parents = [common, listing]
    dash = sub.add_parser("dashboard", parents=parents, help="dashboard figures (현황판)")
    dash.add_argument("--from", dest="date_from", help="received from (YYYY-MM-DD)")
    dash.add_argument("--to", dest="date_to", help="received up to (YYYY-MM-DD)")
    dash.add_argument("--session")
    dash.add_argument("--agency")
    dash.add_argument("--field")
    dash.add_argument("--pdf", help="also write the period report (PDF)")
    dash.add_argument("--xlsx", help="also write the figures as a workbook")
    dash.add_argument("--office", help="issuing office printed on the PDF")
    dash.set_defaults(run=cmd_dashboard)

    clusters = sub.add_parser("clusters", help="SME clusters and crisis levels (밀집지역)").add_subparsers(
        dest="sub", required=True
    )
    c_list = clusters.add_parser("list", parents=parents, help="clusters with their level")
    c_list.add_argument("--period", help="half-year, e.g. 2026-H1 (default: the latest rated)")
    c_list.add_argument("--level", help="only this level (양호/주의/심각)")
    c_list.set_defaults(run=cmd_clusters_list, limit=0)
    c_show = clusters.add_parser("show", parents=parents, help="one cluster: level history, firms, track")
    c_show.add_argument("cluster")
    c_show.set_defaults(run=cmd_clusters_show)
    c_import = clusters.add_parser(
        "import", parents=parents, help="import half-year indicators (all or none)"
    )
    c_import.add_argument("file", help="xlsx file")
    c_import.add_argument("--dry-run", action="store_true", help="check everything, store nothing")
    c_import.set_defaults(run=cmd_clusters_import)
    c_rate = clusters.add_parser("rate", parents=parents, help="rate a half-year with the current thresholds")
    c_rate.add_argument("--period")
    c_rate.add_argument("--all", action="store_true", help="every half-year with indicators")
    c_rate.set_defaults(run=cmd_clusters_rate)
    c_thr = clusters.add_parser("thresholds", parents=parents, help="show, load or reset the threshold rules")
    c_thr.add_argument("--load", help="CSV with level,group,indicator,op,value[,note]")
    c_thr.add_argument("--reset", action="store_true", help="back to the shipped defaults")
    c_thr.set_defaults(run=cmd_clusters_thresholds)
    c_link = clusters.add_parser("link", parents=parents, help="link a firm to a cluster by hand")
    c_link.add_argument("firm", help="firm id or BRN")
    c_link.add_argument("cluster", help="cluster id or name; '-' = none, 'auto' = automatic match")
    c_link.set_defaults(run=cmd_clusters_link)
    c_demo = clusters.add_parser("demo", parents=parents, help="demo indicators for the last four half-years")
    c_demo.add_argument("--seed", type=int, default=11)
    c_demo.set_defaults(run=cmd_clusters_demo)
    c_tpl = clusters.add_parser("template", parents=parents, help="an empty indicator workbook")
    c_tpl.add_argument("out")
    c_tpl.set_defaults(run=cmd_template, kind="indicators")

    programs = sub.add_parser("programs", help="support program catalog (지원사업)").add_subparsers(
        dest="sub", required=True
    )
    p_list = programs.add_parser("list", parents=parents)
    p_list.add_argument("--field")
    p_list.add_argument("--all", action="store_true", help="inactive programs too")
    p_list.set_defaults(run=cmd_programs_list, limit=0)
    p_import = programs.add_parser("import", parents=parents, help="import the catalog (all or none)")
    p_import.add_argument("file", help="xlsx file")
    p_import.add_argument(
        "--merge", action="store_true", help="add/update only; keep programs not in the file"
    )
    p_import.add_argument("--dry-run", action="store_true")
    p_import.set_defaults(run=cmd_programs_import)
    p_match = programs.add_parser("match", parents=parents, help="programs for a case's firm and difficulty")
    p_match.add_argument("case", help="case id or number")
    p_match.add_argument("--all", action="store_true", help="ineligible and unrelated programs too")
    p_match.add_argument("--founded", help="record the firm's founding date first (YYYY-MM-DD)")
    p_match.set_defaults(run=cmd_programs_match, limit=20)
    p_attach = programs.add_parser("attach", parents=parents)
    p_attach.add_argument("case")
    p_attach.add_argument("program")
    p_attach.add_argument("--note")
    p_attach.set_defaults(run=cmd_programs_attach)
    p_detach = programs.add_parser("detach", parents=parents)
    p_detach.add_argument("case")
    p_detach.add_argument("program")
    p_detach.add_argument("--reason")
    p_detach.set_defaults(run=cmd_programs_detach)
    p_tpl = programs.add_parser("template", parents=parents, help="an empty catalog workbook")
    p_tpl.add_argument("out")
    p_tpl.set_defaults(run=cmd_template, kind="programs")

    follow = sub.add_parser("followups", help="satisfaction call-backs (사후관리)").add_subparsers(
        dest="sub", required=True
    )
    f_list = follow.add_parser("list", parents=parents, help="the follow-up register")
    f_list.add_argument("--from", dest="date_from", help="closed from (default: 60 days ago)")
    f_list.add_argument("--to", dest="date_to")
    f_list.add_argument("--state", help="overdue,due,scheduled,flagged,done,reopened")
    f_list.set_defaults(run=cmd_followups_list, limit=500)
    f_sched = follow.add_parser("schedule", parents=parents, help="schedule the call-back")
    f_sched.add_argument("case")
    f_sched.add_argument("--on", required=True, help="YYYY-MM-DD")
    f_sched.add_argument("--note")
    f_sched.set_defaults(run=cmd_followups_schedule)
    f_call = follow.add_parser("call", parents=parents, help="record a satisfaction call")
    f_call.add_argument("case")
    f_call.add_argument("--points", type=int, choices=range(1, 6), metavar="1-5")
    f_call.add_argument("--no-answer", action="store_true")
    f_call.add_argument("--note")
    f_call.add_argument("--reopen", action="store_true", help="a low score reopens the case (default: flag)")
    f_call.set_defaults(run=cmd_followups_call)
    f_clear = follow.add_parser("clear", parents=parents, help="a low-score flag was dealt with")
    f_clear.add_argument("case")
    f_clear.add_argument("--note")
    f_clear.set_defaults(run=cmd_followups_clear)
    f_reg = follow.add_parser("register", parents=parents, help="PDF follow-up register (사후관리 대장)")
    f_reg.add_argument("--out", required=True)
    f_reg.add_argument("--from", dest="date_from")
    f_reg.add_argument("--to", dest="date_to")
    f_reg.add_argument("--office")
    f_reg.add_argument("--no-approval", action="store_true")
    f_reg.set_defaults(run=cmd_followups_register)


__all__ = ["add_coord_commands"]
