"""What each printed report shows, gathered from the store: one function and one record type per report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.core import deadlines, workflow
from desktop.core.errors import reject
from desktop.core.records import Agency, Case, CaseEvent, ClinicSession
from desktop.store import cases, firms, queries, report_queries, sessions
from desktop.store import programs as store_programs
from desktop.store.calendar import work_calendar
from desktop.store.db import Database
from reports.data import (
    AWAITING_REPLY,
    CaseLine,
    FirmIdentity,
    Labels,
    action_name,
    case_lines,
    find_agency,
    find_firm,
    firm_identity,
    fmt_dt,
    iter_case_pages,
    kind_name,
    labels,
    period_text,
    result_name,
    status_name,
)
from reports.masking import Masker

# --- 사례 기록지 ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    actor: str
    what: str
    detail: str


@dataclass(frozen=True, slots=True)
class ConsentLine:
    agency: str
    given_at: datetime
    given_by: str


@dataclass(frozen=True, slots=True)
class DeadlineHistory:
    """How the deadline of a case came to be: period, first due date, extension, pauses, now."""

    period: str
    first_due: datetime
    extension: str
    pauses: tuple[str, ...]
    current_due: datetime | None
    state: str
    notices: tuple[date, ...]
    changes: tuple[TimelineEntry, ...]


@dataclass(frozen=True, slots=True)
class CaseRecord:
    case: Case
    firm: FirmIdentity
    session: ClinicSession | None
    field_name: str
    kind_name: str
    agency_name: str
    status_name: str
    result_name: str
    consents: tuple[ConsentLine, ...]
    timeline: tuple[TimelineEntry, ...]
    deadline: DeadlineHistory
    days_open: int
    overdue: bool
    programs: tuple[ProgramLine, ...] = ()


@dataclass(frozen=True, slots=True)
class ProgramLine:
    """A support program attached to the case (from its ``program`` events)."""

    name: str
    agency: str
    attached_at: datetime
    attached_by: str
    note: str


_EDIT_LABELS = {"text": "내용", "field_code": "분야", "kind": "유형", "assignee": "담당자"}
_DEADLINE_ACTIONS = ("extend", "request_supplement", "receive_supplement", "reopen", "hold", "resume")
_STATE_NAMES = {"paused": "정지(보완 대기)", "overdue": "기한 초과", "due_soon": "임박", "on_time": "정상"}


def _describe(event: CaseEvent, names: Labels) -> tuple[str, str]:
    p = event.payload
    if event.kind == "created":
        bits = [f"분야 {names.field(str(p.get('field', '')))}"]
        if p.get("kind"):
            bits.append(f"유형 {kind_name(str(p['kind']))}")
        return "접수", ", ".join(bits)
    if event.kind == "consent":
        return "제3자 제공 동의", names.agency_full(str(p.get("agency", "")))
    if event.kind == "note":
        return "메모", str(p.get("text", ""))
    if event.kind == "edit":
        label = _EDIT_LABELS.get(str(p.get("field", "")), str(p.get("field", "")))
        old, new = str(p.get("old", "")), str(p.get("new", ""))
        if p.get("field") == "field_code":
            old, new = names.field(old), names.field(new)
        return "수정", f"{label}: {old} → {new}"
    if event.kind == "status":
        bits = []
        if p.get("from") and p.get("to"):
            bits.append(f"{status_name(str(p['from']))} → {status_name(str(p['to']))}")
        if p.get("agency"):
            bits.append(f"기관 {names.agency_full(str(p['agency']))}")
        if p.get("result"):
            bits.append(f"결과 {result_name(str(p['result']))}")
        if p.get("days"):
            bits.append(f"{p['days']}일")
        if p.get("reason"):
            bits.append(f"사유: {p['reason']}")
        if p.get("text"):
            bits.append(f"내용: {p['text']}")
        return action_name(str(p.get("action", ""))), " · ".join(bits)
    if event.kind == "program":
        verb = "연계" if p.get("action") == "attach" else "연계 해제"
        extra = str(p.get("note") or p.get("reason") or "")
        return f"지원사업 {verb}", f"{p.get('name', '')}" + (f" — {extra}" if extra else "")
    if event.kind == "followup":
        return "사후관리", _followup_text(p)
    return event.kind, ", ".join(f"{k}={v}" for k, v in p.items())


_FOLLOWUP_ACTIONS = {
    "schedule": "만족도 조사 예약",
    "no_answer": "연락 안 됨",
    "done": "만족도 응답",
    "flag": "불만족 — 조치 필요",
    "flag_cleared": "불만족 조치 완료",
    "reopened": "불만족으로 재개",
}


def _followup_text(p: dict[str, object]) -> str:
    bits = [_FOLLOWUP_ACTIONS.get(str(p.get("action", "")), str(p.get("action", "")))]
    if p.get("due"):
        bits.append(f"예정일 {p['due']}")
    if p.get("points") is not None and p.get("action") == "done":
        bits.append(f"{p['points']}점 ({p.get('score', '')}/100)")
    if p.get("note"):
        bits.append(str(p["note"]))
    return " · ".join(bits)


def _deadline_history(
    db: Database, case: Case, timeline: tuple[TimelineEntry, ...], events: list[CaseEvent], now: datetime
) -> DeadlineHistory:
    clock = cases.case_clock(db, case.id)
    cal = work_calendar(db)
    open_ = workflow.is_open(case.status)
    extension = ""
    if clock.extension is not None:
        ext = clock.extension
        extension = f"{ext.period.text()} 연장 ({fmt_dt(ext.at)}) — 사유: {ext.reason}"
    pauses = tuple(
        f"{fmt_dt(p.start)} ~ {fmt_dt(p.end) if p.end else '진행 중'}"
        + (f" — {p.reason}" if p.reason else "")
        for p in clock.pauses
    )
    final_due = clock.due_at(cal)
    if open_:
        state = _STATE_NAMES[clock.state(now, cal)]
    else:
        within = case.closed_at is not None and final_due is not None and case.closed_at <= final_due
        timing = "기한 내" if within else "기한 경과 후"
        state = f"{status_name(case.status)} ({fmt_dt(case.closed_at)}, {timing})"
    changes = tuple(
        entry
        for entry, event in zip(timeline, events, strict=True)
        if event.kind == "status" and event.payload.get("action") in _DEADLINE_ACTIONS
    )
    return DeadlineHistory(
        period=f"{clock.period.text()} ({kind_name(case.kind)})",
        first_due=deadlines.compute_deadline(clock.received_at, clock.period, cal),
        extension=extension,
        pauses=pauses,
        current_due=case.deadline_at if open_ else final_due,
        state=state,
        notices=tuple(clock.progress_notices_due(now if open_ else (case.closed_at or now))),
        changes=changes,
    )


def case_record(db: Database, case_id: str, masker: Masker, now: datetime) -> CaseRecord:
    """Everything a 사례 기록지 shows about one case (by id or human number)."""
    case = cases.get_case(db, case_id)
    names = labels(db, now.date())
    firm = firms.get_firm(db, case.firm_id)
    session = sessions.get_session(db, case.session_id) if case.session_id else None
    events = cases.timeline(db, case.id)
    timeline = tuple(TimelineEntry(e.at, e.actor, *_describe(e, names)) for e in events)
    consents = tuple(
        ConsentLine(names.agency_full(c.agency_id), c.given_at, c.given_by)
        for c in cases.consents(db, case.id)
    )
    open_ = workflow.is_open(case.status)
    return CaseRecord(
        case=case,
        firm=firm_identity(firm, masker, names),
        session=session,
        field_name=names.field(case.field_code),
        kind_name=kind_name(case.kind),
        agency_name=names.agency_full(case.agency_id),
        status_name=status_name(case.status),
        result_name=result_name(case.result_code),
        consents=consents,
        timeline=timeline,
        deadline=_deadline_history(db, case, timeline, events, now),
        days_open=cases.days_open(case, now.date()),
        overdue=open_ and case.deadline_at is not None and case.deadline_at < now,
        programs=tuple(
            ProgramLine(a.name, names.agency_full(a.agency_id), a.at, a.by, a.note)
            for a in store_programs.attached(db, case.id)
        ),
    )


# --- 현장지원 결과 보고 --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FirmLine:
    name: str
    brn: str
    region: str
    size: str
    cases: int
    onsite: int


@dataclass(frozen=True, slots=True)
class SessionReport:
    session: ClinicSession
    agencies: tuple[str, ...]
    total: int
    onsite: int
    referred: int
    firms: tuple[FirmLine, ...]
    referred_cases: tuple[CaseLine, ...]
    agencies_inferred: bool = False

    @property
    def onsite_rate(self) -> float:
        return self.onsite / self.total if self.total else 0.0


def session_report(db: Database, session_id: str, masker: Masker, now: datetime) -> SessionReport:
    """Firms served, on-site resolution and referred cases of one session.

    The figures by field, agency and status come from the dashboard
    (:func:`desktop.store.dashboard_queries.dashboard_figures` with the session's filter).
    """
    session = sessions.get_session(db, session_id)
    names = labels(db, session.date)
    per_agency: dict[str, int] = {}
    per_firm: dict[str, list[int]] = {}
    referred: list[CaseLine] = []
    total = onsite = routed = 0
    for page in iter_case_pages(db, queries.CaseFilter(session_id=session.id), now=now):
        to_list = [r for r in page if r.agency_id]
        lines = {line.id: line for line in case_lines(db, to_list, names, now)} if to_list else {}
        for row in page:
            total += 1
            onsite += row.onsite
            routed += bool(row.agency_id)
            firm = per_firm.setdefault(row.firm_id, [0, 0])
            firm[0] += 1
            firm[1] += row.onsite
            if row.agency_id:
                per_agency[row.agency_id] = per_agency.get(row.agency_id, 0) + 1
                referred.append(lines[row.id])
    firm_lines = []
    for firm_id, (count, resolved) in per_firm.items():
        served = firms.get_firm(db, firm_id)
        firm_lines.append(
            FirmLine(
                served.name,
                masker.brn(served.brn),
                names.region(served.region_code),
                served.size or "-",
                count,
                resolved,
            )
        )
    return SessionReport(
        session=session,
        # Sessions registered without their agency list: name those the cases went to.
        agencies=tuple(names.agency_full(a) for a in session.agencies)
        or tuple(names.agency_full(a) for a in sorted(per_agency, key=lambda a: -per_agency[a])),
        agencies_inferred=not session.agencies,
        total=total,
        onsite=onsite,
        referred=routed,
        firms=tuple(sorted(firm_lines, key=lambda f: (-f.cases, f.name))),
        referred_cases=tuple(sorted(referred, key=lambda c: (c.agency, c.number))),
    )


# --- 기관별 회신 요청서 --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RequestLine:
    number: str
    firm: str
    brn: str
    contact: str
    field: str
    text: str
    received: datetime
    due: datetime | None
    status: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class AgencyRequest:
    agency: Agency
    lines: tuple[RequestLine, ...]
    excluded_without_consent: int
    period: str
    include_answered: bool


def agency_request(
    db: Database,
    agency: str,
    masker: Masker,
    now: datetime,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    session_id: str = "",
    include_answered: bool = False,
) -> AgencyRequest:
    """Cases routed to one agency, only those whose firm consented to sharing them with it.

    Args:
        agency: agency id or name (current or former).
        include_answered: list answered and closed cases too (default: those awaiting a reply).
    """
    found = find_agency(db, agency, now.date())
    names = labels(db, now.date())
    filt = queries.CaseFilter(
        agency_id=found.id,
        statuses=() if include_answered else AWAITING_REPLY,
        session_id=session_id,
        received_from=date_from,
        received_to=date_to,
    )
    lines: list[RequestLine] = []
    excluded = 0
    for page in iter_case_pages(db, filt, now=now):
        allowed = report_queries.consented_case_ids(db, found.id, [r.id for r in page])
        excluded += sum(1 for r in page if r.id not in allowed)
        kept = [r for r in page if r.id in allowed]
        details = report_queries.case_details(db, [r.id for r in kept])
        for row in kept:
            d = details[row.id]
            contact = "\n".join(
                x for x in (masker.person(d.firm_representative), masker.phone(d.firm_phone)) if x
            )
            lines.append(
                RequestLine(
                    number=row.number,
                    firm=row.firm_name,
                    brn=masker.brn(d.firm_brn),
                    contact=contact or "-",
                    field=names.field(row.field_code),
                    text=d.text,
                    received=row.received_at,
                    due=row.deadline_at if row.is_open else None,
                    status=status_name(row.status),
                    overdue=row.is_overdue(now),
                )
            )
    return AgencyRequest(found, tuple(lines), excluded, period_text(date_from, date_to), include_answered)


# --- 기업 지원 이력 ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionVisit:
    day: date
    name: str
    place: str
    cases: int


@dataclass(frozen=True, slots=True)
class FirmHistory:
    firm: FirmIdentity
    visits: tuple[SessionVisit, ...]
    lines: tuple[CaseLine, ...]
    total: int
    onsite: int
    open: int
    overdue: int
    first: date | None
    last: date | None


def firm_history(db: Database, id_or_brn: str, masker: Masker, now: datetime) -> FirmHistory:
    """One firm's cases across sessions (every registration of its BRN), oldest first."""
    firm = find_firm(db, id_or_brn)
    names = labels(db, now.date())
    firm_ids = report_queries.firm_ids_by_brn(db, firm.brn) or [firm.id]
    lines: list[CaseLine] = []
    visits: dict[str, int] = {}
    onsite = open_ = overdue = 0
    for firm_id in firm_ids:
        for page in iter_case_pages(db, queries.CaseFilter(firm_id=firm_id), now=now):
            lines.extend(case_lines(db, page, names, now))
            for row in page:
                onsite += row.onsite
                open_ += row.is_open
                overdue += row.is_overdue(now)
                if row.session_id:
                    visits[row.session_id] = visits.get(row.session_id, 0) + 1
    lines.sort(key=lambda c: (c.received, c.number))
    session_visits = []
    for session_id, count in visits.items():
        s = sessions.get_session(db, session_id)
        session_visits.append(SessionVisit(s.date, s.name, s.place, count))
    session_visits.sort(key=lambda v: v.day)
    return FirmHistory(
        firm=firm_identity(firm, masker, names),
        visits=tuple(session_visits),
        lines=tuple(lines),
        total=len(lines),
        onsite=onsite,
        open=open_,
        overdue=overdue,
        first=lines[0].received.date() if lines else None,
        last=lines[-1].received.date() if lines else None,
    )


# --- 처리대장 -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Register:
    date_from: date
    date_to: date
    lines: tuple[CaseLine, ...]
    total: int
    open: int
    overdue: int
    onsite: int


def register(
    db: Database,
    date_from: date,
    date_to: date,
    now: datetime,
    *,
    agency_id: str = "",
    field_code: str = "",
    statuses: tuple[str, ...] = (),
) -> Register:
    """All cases received in a period with status, owner, deadline and days open, oldest first."""
    if date_to < date_from:
        raise reject("to", "기간의 끝이 시작보다 앞섭니다.", "The end of the period is before its start.")
    names = labels(db, now.date())
    filt = queries.CaseFilter(
        received_from=date_from,
        received_to=date_to,
        agency_id=agency_id,
        field_code=field_code,
        statuses=statuses,
    )
    lines: list[CaseLine] = []
    open_ = onsite = 0
    for page in iter_case_pages(db, filt, now=now):
        lines.extend(case_lines(db, page, names, now))
        open_ += sum(r.is_open for r in page)
        onsite += sum(r.onsite for r in page)
    return Register(
        date_from=date_from,
        date_to=date_to,
        lines=tuple(lines),
        total=len(lines),
        open=open_,
        overdue=sum(c.overdue for c in lines),
        onsite=onsite,
    )
