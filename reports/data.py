"""Gathers what each printed report shows from the store: labels, pages of cases, firm identity, timelines."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from desktop.core import deadlines, ids, workflow
from desktop.core.errors import RejectedInput, reject
from desktop.core.records import Agency, Firm
from desktop.store import firms, queries, reference, report_queries
from desktop.store.db import Database
from desktop.store.opening import get_meta
from reports.masking import Masker

PAGE = 500
DEFAULT_OFFICE = "원스톱 현장지원단"
AWAITING_REPLY: tuple[str, ...] = ("assigned", "in_progress", "awaiting_supplement", "on_hold")
"""Statuses of a case that waits for the agency's answer (what a reply request lists)."""


# --- labels ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Labels:
    """Korean display names of codes: fields, agencies (short and full), regions."""

    fields: Mapping[str, str]
    agencies: Mapping[str, str]
    agency_names: Mapping[str, str]
    regions: Mapping[str, str]

    def field(self, code: str) -> str:
        return self.fields.get(code, code) if code else "-"

    def agency(self, agency_id: str) -> str:
        return self.agencies.get(agency_id, agency_id) if agency_id else "-"

    def agency_full(self, agency_id: str) -> str:
        return self.agency_names.get(agency_id, agency_id) if agency_id else "-"

    def region(self, code: str) -> str:
        return self.regions.get(code, code) if code else "-"


def labels(db: Database, on: date) -> Labels:
    """Names as they are on ``on`` (agencies get renamed; the valid row wins)."""
    ref = reference.reference_data(db)
    short: dict[str, str] = {}
    full: dict[str, str] = {}
    for agency in sorted(ref.agencies, key=lambda a: a.valid_from or date.min):
        if agency.id not in short or agency.valid_on(on):
            short[agency.id] = agency.short_name or agency.name_ko
            full[agency.id] = agency.name_ko
    regions: dict[str, str] = {}
    for region in sorted(ref.regions, key=lambda r: r.valid_from or date.min):
        if region.code not in regions or region.valid_on(on):
            regions[region.code] = region.short_name or region.name_ko
    return Labels({f.code: f.name_ko for f in ref.fields}, short, full, regions)


@lru_cache(maxsize=256)
def status_name(code: str) -> str:
    try:
        return workflow.status(code).name_ko
    except RejectedInput:
        return code


@lru_cache(maxsize=256)
def result_name(code: str) -> str:
    if not code:
        return ""
    try:
        return workflow.result_code(code).name_ko
    except RejectedInput:
        return code


@lru_cache(maxsize=256)
def kind_name(code: str) -> str:
    try:
        return deadlines.case_kind(code).name_ko
    except RejectedInput:
        return code


@lru_cache(maxsize=256)
def action_name(code: str) -> str:
    try:
        return workflow.action(code).name_ko
    except RejectedInput:
        return code


def fmt_dt(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


def fmt_d(day: date | datetime | None) -> str:
    return day.strftime("%Y-%m-%d") if day else "-"


def period_text(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "전체 기간"
    return f"{fmt_d(start) if start else '처음'} ~ {fmt_d(end) if end else '현재'}"


def iter_case_pages(
    db: Database,
    filt: queries.CaseFilter,
    *,
    now: datetime,
    page_size: int = PAGE,
    sort: queries.Sort | None = None,
) -> Iterator[list[queries.CaseListRow]]:
    """Cases of a filter in pages read by keyset (flat memory however many rows), oldest first."""
    order = sort or queries.Sort("received_at", descending=False)
    after = None
    while True:
        page = queries.page_after(db, filt, order, after, page_size, now)
        if not page:
            return
        yield page
        if len(page) < page_size:
            return
        after = page[-1].sort_values


# --- firm identity --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FirmIdentity:
    """A firm as printed: numbers and people masked unless unmasked."""

    id: str
    name: str
    brn: str
    representative: str
    phone: str
    email: str
    address: str
    region: str
    size: str
    ksic: str
    corp_no: str


def firm_identity(firm: Firm, masker: Masker, names: Labels) -> FirmIdentity:
    return FirmIdentity(
        id=firm.id,
        name=firm.name,
        brn=masker.brn(firm.brn),
        representative=masker.person(firm.representative),
        phone=masker.phone(firm.phone),
        email=masker.email(firm.email),
        address=masker.address(firm.address),
        region=names.region(firm.region_code),
        size=firm.size or "-",
        ksic=firm.ksic or "-",
        corp_no=masker.corp_no(firm.corp_no) if firm.corp_no else "-",
    )


def find_firm(db: Database, id_or_brn: str) -> Firm:
    """A firm by id or by BRN (dashes allowed); the oldest registration when a BRN has several.

    Raises:
        RejectedInput: field ``firm`` when nothing matches.
    """
    digits = ids.normalize_digits(id_or_brn)
    if len(digits) == 10 and digits.isdigit():
        found = report_queries.firm_ids_by_brn(db, digits)
        if found:
            return firms.get_firm(db, found[0])
    return firms.get_firm(db, id_or_brn.strip())


def office_name(db: Database, explicit: str | None = None) -> str:
    """The issuing office on reports: ``explicit``, else the store's ``office_name``, else a default."""
    if explicit and explicit.strip():
        return explicit.strip()
    return get_meta(db, "office_name") or DEFAULT_OFFICE


# --- shared by the reports ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseLine:
    """One case as listed in a report table."""

    id: str
    number: str
    received: datetime
    firm: str
    field: str
    text: str
    agency: str
    assignee: str
    status: str
    result: str
    due: datetime | None
    days_open: int
    overdue: bool
    session: str = ""


def case_line(
    row: queries.CaseListRow, detail: report_queries.CaseDetail | None, names: Labels, now: datetime
) -> CaseLine:
    return CaseLine(
        id=row.id,
        number=row.number,
        received=row.received_at,
        firm=row.firm_name,
        field=names.field(row.field_code),
        text=detail.text if detail else "",
        agency=names.agency(row.agency_id),
        assignee=row.assignee or "-",
        status=status_name(row.status),
        result=result_name(row.result_code),
        due=row.deadline_at if row.is_open else None,
        days_open=row.days_open(now.date()),
        overdue=row.is_overdue(now),
        session=(detail.session_name if detail and detail.session_name else "상시 창구"),
    )


def case_lines(db: Database, page: list[queries.CaseListRow], names: Labels, now: datetime) -> list[CaseLine]:
    details = report_queries.case_details(db, [r.id for r in page])
    return [case_line(r, details.get(r.id), names, now) for r in page]


def find_agency(db: Database, id_or_name: str, on: date) -> Agency:
    return reference.find_agency(id_or_name, on, reference.reference_data(db))


def default_period(today: date) -> tuple[date, date]:
    """This year so far."""
    return date(today.year, 1, 1), today


def parse_period(text: str) -> tuple[date, date]:
    """``2026`` -> the year, ``2026-03`` -> the month, ``2026-03-05`` -> the day.

    Raises:
        RejectedInput: field ``period`` for anything else.
    """
    parts = text.strip().replace(".", "-").replace("/", "-").split("-")
    try:
        numbers = [int(p) for p in parts if p]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
        if len(numbers) == 2:
            first = date(numbers[0], numbers[1], 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
    except ValueError:
        pass
    raise reject(
        "period",
        f"기간 형식이 올바르지 않습니다: '{text}' (예: 2026, 2026-03)",
        f"Invalid period: '{text}' (e.g. 2026, 2026-03)",
    )
