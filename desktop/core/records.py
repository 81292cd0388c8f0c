"""Domain records shared by every layer: firms, clinic sessions, cases, events, reference data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NewType

FirmId = NewType("FirmId", str)
CaseId = NewType("CaseId", str)
SessionId = NewType("SessionId", str)
EventId = NewType("EventId", str)
AgencyId = NewType("AgencyId", str)
FieldCode = NewType("FieldCode", str)
RegionCode = NewType("RegionCode", str)

FIRM_SIZES: tuple[str, ...] = ("중견", "중소", "소기업", "소상공인", "소공인")


@dataclass(frozen=True, slots=True)
class Field:
    """A field (분야) of difficulty, e.g. F01 세무."""

    code: FieldCode
    name_ko: str
    name_en: str
    keywords: tuple[str, ...] = ()
    sort_order: int = 0


@dataclass(frozen=True, slots=True)
class Agency:
    """An agency that owns difficulties, valid for a period (agencies get renamed)."""

    id: AgencyId
    name_ko: str
    name_en: str
    short_name: str = ""
    phone: str = ""
    kind: str = ""
    region_code: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    former_names: tuple[str, ...] = ()
    successor_id: str = ""

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Region:
    """A 시·도 with its administrative code, valid for a period (regions merge)."""

    code: RegionCode
    name_ko: str
    name_en: str
    short_name: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    successor_code: str = ""

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class RoutingRule:
    """(field, region, firm size) -> agency; ``*`` matches anything."""

    field_code: str
    region_code: str
    firm_size: str
    agency_id: str
    priority: int = 0
    valid_from: date | None = None
    valid_to: date | None = None
    note: str = ""

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Firm:
    """A firm that brought difficulties; BRN is stored as 10 digits text."""

    id: FirmId
    brn: str
    name: str
    region_code: str = ""
    size: str = ""
    ksic: str = ""
    corp_no: str = ""
    representative: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class ClinicSession:
    """One on-site clinic day (현장지원단) or a standing desk period."""

    id: SessionId
    name: str
    date: date
    place: str
    region_code: str = ""
    agencies: tuple[str, ...] = ()
    consultants: tuple[str, ...] = ()
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Case:
    """One difficulty (애로사항) raised by a firm."""

    id: CaseId
    number: str
    firm_id: FirmId
    field_code: str
    kind: str
    text: str
    status: str
    received_at: datetime
    session_id: str | None = None
    agency_id: str = ""
    deadline_at: datetime | None = None
    result_code: str = ""
    result_reason: str = ""
    assignee: str = ""
    onsite: bool = False
    satisfaction: int | None = None
    closed_at: datetime | None = None
    created_at: str = ""
    updated_at: str = ""
    firm_name: str = ""


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """An append-only timeline entry of a case (note, routing step, status change, ...)."""

    id: EventId
    case_id: CaseId
    at: datetime
    actor: str
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Consent:
    """A firm's consent that its data may be given to one recipient agency (제3자 제공)."""

    id: str
    case_id: CaseId
    firm_id: FirmId
    agency_id: str
    given_at: datetime
    given_by: str
    scope: str = ""


ROLES: tuple[str, ...] = ("consultant", "coordinator", "manager")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does an action: recorded on events and in the audit log."""

    name: str
    agency_id: str = ""
    role: str = "consultant"
    device: str = ""


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutation changed, so views and the sync engine refresh only that."""

    firms: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()
    sessions: frozenset[str] = frozenset()
    reference: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.firms | other.firms,
            self.cases | other.cases,
            self.sessions | other.sessions,
            self.reference or other.reference,
        )
