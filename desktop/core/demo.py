"""Deterministic, realistic Korean demo data (firms, clinic sessions, cases across the lifecycle).

Pure: it returns records; ``desktop.store.bulk`` writes them. The same seed gives the
same data on every machine, so benchmarks and screenshots are reproducible.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.core import deadlines, ids
from desktop.core.records import Case, CaseEvent, CaseId, ClinicSession, EventId, Firm, FirmId, SessionId

# Share of cases per field code (F01..F99), roughly what one-stop clinics report:
# programs, policy funding and tax dominate.
FIELD_WEIGHTS: Mapping[str, int] = {
    "F01": 14,
    "F02": 18,
    "F03": 15,
    "F04": 7,
    "F05": 8,
    "F06": 9,
    "F07": 8,
    "F08": 3,
    "F09": 6,
    "F10": 4,
    "F11": 3,
    "F12": 2,
    "F13": 2,
    "F99": 1,
}
STREETS = ("산단로", "공단로", "중앙로", "기업로")
KIND_WEIGHTS: Mapping[str, int] = {"procedure": 55, "law": 15, "proposal": 10, "grievance": 12, "other": 8}


@dataclass(frozen=True, slots=True)
class DemoCase:
    """A case with what bulk loading needs beyond the record: timeline, consent, clock."""

    case: Case
    events: tuple[CaseEvent, ...]
    consent_agency: str
    clock: deadlines.DeadlineClock


@dataclass(frozen=True, slots=True)
class DemoData:
    firms: tuple[Firm, ...]
    sessions: tuple[ClinicSession, ...]
    cases: Iterator[DemoCase]


def load_recipe(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _valid_brn(rng: random.Random) -> str:
    # 3-digit office code, 2-digit type (81/86/87 = corporations, 01-79 individuals), serial.
    office = rng.randint(101, 899)
    kind = rng.choice(("81", "86", "87", "01", "05", "13", "22", "37", "41", "62"))
    serial = f"{rng.randint(0, 9999):04d}"
    first9 = f"{office}{kind}{serial}"
    return first9 + str(ids.brn_check_digit(first9))


def _firm_name(rng: random.Random, recipe: Mapping[str, Any]) -> str:
    form = rng.choices(recipe["legal_forms"], weights=recipe["legal_form_weights"])[0]
    stem = rng.choice(recipe["firm_name_prefixes"]) + rng.choice(recipe["firm_name_suffixes"])
    return f"{form}{stem}".strip()


def _uuid7_at(rng: random.Random, moment: datetime) -> str:
    ms = int(moment.timestamp() * 1000) + rng.randint(0, 999)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62
    value |= rng.getrandbits(62)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def generate(
    recipe: Mapping[str, Any],
    *,
    firms: int,
    cases: int,
    seed: int,
    today: date,
    holidays: frozenset[date],
    routing: Mapping[tuple[str, str], str],
    start: date | None = None,
) -> DemoData:
    """Build ``firms`` firms, sessions and a lazy stream of ``cases`` cases.

    Args:
        routing: (field code, region code) -> agency id, from the routing table.
        holidays: public holidays, so that deadlines follow the real calendar.
    """
    rng = random.Random(seed)
    start = start or date(today.year - 2, 1, 1)
    span = max((today - start).days, 1)
    places: Sequence[Mapping[str, Any]] = recipe["places"]
    place_weights = [p.get("weight", 1) for p in places]
    ksic: Sequence[Mapping[str, Any]] = recipe["ksic"]
    sizes = list(recipe["sizes"]) if isinstance(recipe["sizes"], dict) else list(recipe["sizes"])
    size_weights = list(recipe["sizes"].values()) if isinstance(recipe["sizes"], dict) else None
    firm_list = []
    for _ in range(firms):
        place = rng.choices(places, weights=place_weights)[0]
        industry = rng.choice(ksic)
        rep = rng.choice(recipe["representative_family_names"]) + rng.choice(
            recipe["representative_given_names"]
        )
        firm_list.append(
            Firm(
                id=FirmId(_uuid7_at(rng, datetime.combine(start, time(9)))),
                brn=_valid_brn(rng),
                name=_firm_name(rng, recipe),
                region_code=str(place["region"]),
                size=rng.choices(sizes, weights=size_weights)[0],
                ksic=str(industry["code"]),
                representative=rep,
                phone=f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}",
                address=f"{place['city']} {rng.choice(STREETS)} {rng.randint(1, 300)}",
                created_at=start.isoformat(),
            )
        )
    session_count = max(3, min(cases // 150, 5000))
    session_list = []
    patterns = recipe["session_name_patterns"]
    for n in range(session_count):
        place = rng.choices(places, weights=place_weights)[0]
        day = start + timedelta(days=rng.randrange(span))
        while day.weekday() >= 5 or day in holidays:
            day += timedelta(days=1)
        name = rng.choice(patterns).format(year=day.year, place=place["city"], n=n % 3 + 1)
        agencies = tuple(sorted({routing.get((f, str(place["region"])), "") for f in FIELD_WEIGHTS} - {""}))
        consultants = tuple(c["name"] for c in rng.sample(recipe["consultants"], 4))
        session_list.append(
            ClinicSession(
                id=SessionId(_uuid7_at(rng, datetime.combine(day, time(8)))),
                name=name,
                date=day,
                place=str(place["place"]),
                region_code=str(place["region"]),
                agencies=agencies,
                consultants=consultants,
                created_at=day.isoformat(),
            )
        )
    session_list.sort(key=lambda s: s.date)
    return DemoData(
        tuple(firm_list),
        tuple(session_list),
        _cases(rng, recipe, firm_list, session_list, cases, today, holidays, routing, start, span),
    )


def _cases(
    rng: random.Random,
    recipe: Mapping[str, Any],
    firms: list[Firm],
    sessions: list[ClinicSession],
    count: int,
    today: date,
    holidays: frozenset[date],
    routing: Mapping[tuple[str, str], str],
    start: date,
    span: int,
) -> Iterator[DemoCase]:
    calendar = deadlines.WorkCalendar(holidays)
    kinds = {k.code: k for k in deadlines.CASE_KINDS}

    @lru_cache(maxsize=200_000)
    def due(received: datetime, kind: str) -> datetime:
        return deadlines.compute_deadline(received, kinds[kind].period, calendar)

    field_codes = list(FIELD_WEIGHTS)
    field_weights = list(FIELD_WEIGHTS.values())
    kind_codes = list(KIND_WEIGHTS)
    kind_weights = list(KIND_WEIGHTS.values())
    templates: Mapping[str, Sequence[str]] = recipe["difficulty_templates"]
    replies: Sequence[str] = recipe["agency_reply_templates"]
    answers: Sequence[str] = recipe["onsite_answers"]
    consultants = [c["name"] for c in recipe["consultants"]]
    counters: dict[tuple[int, str], int] = {}
    now = datetime.combine(today, time(17, 0))
    for _ in range(count):
        firm = rng.choice(firms)
        # Four of five cases are logged at a clinic session; the rest at a standing desk.
        session: ClinicSession | None = None
        if rng.random() < 0.8:
            session = sessions[min(int(rng.random() ** 0.7 * len(sessions)), len(sessions) - 1)]
            day = session.date
        else:
            day = start + timedelta(days=int(rng.random() ** 0.7 * span))
        received = datetime.combine(day, time(rng.randint(9, 17), rng.choice((0, 10, 20, 30, 40, 50))))
        if received > now:
            received = now - timedelta(hours=1)
        field = rng.choices(field_codes, weights=field_weights)[0]
        kind = rng.choices(kind_codes, weights=kind_weights)[0]
        text = rng.choice(templates.get(field) or templates["F99"]).format(
            year=received.year, amount=rng.choice((3, 5, 10, 20, 30, 50)) * 1000
        )
        region = session.region_code if session else firm.region_code
        agency = routing.get((field, region)) or routing.get((field, "*"), "")
        prefix = (session.place if session else firm.address).split()[0][:2]
        counters[(received.year, prefix)] = number = counters.get((received.year, prefix), 0) + 1
        case_id = CaseId(_uuid7_at(rng, received))
        actor = rng.choice(consultants)
        clock = deadlines.DeadlineClock(received, kinds[kind].period, (), None)
        deadline = due(received, kind)
        age_days = (today - received.date()).days
        events: list[CaseEvent] = []
        events.append(_event(case_id, 0, received, actor, "created", {"field": field, "kind": kind}))
        status, result, agency_id, consent, onsite, closed_at, satisfaction = (
            "received",
            "",
            "",
            "",
            False,
            None,
            None,
        )
        roll = rng.random()
        if roll < 0.3:
            status, result, onsite, closed_at = "closed", "onsite", True, received + timedelta(minutes=20)
            events.append(
                _event(case_id, len(events), received, actor, "note", {"text": rng.choice(answers)})
            )
            events.append(
                _event(
                    case_id,
                    len(events),
                    closed_at,
                    actor,
                    "status",
                    {"action": "resolve_onsite", "from": "received", "to": "onsite_resolved"},
                )
            )
            satisfaction = rng.choice((60, 75, 75, 100, 100))
        elif agency and roll < 0.97:
            agency_id, consent = agency, agency
            events.append(_event(case_id, len(events), received, actor, "consent", {"agency": agency}))
            events.append(
                _event(
                    case_id,
                    len(events),
                    received + timedelta(minutes=5),
                    actor,
                    "status",
                    {"action": "assign", "from": "received", "to": "assigned", "agency": agency},
                )
            )
            # Older cases are mostly answered and closed; a few stay open and go overdue.
            # A few cases get stuck (they are the overdue ones); the rest progress with age.
            stuck = rng.random() < 0.04
            progress = 0.0 if stuck else min(age_days / 14, 1.0) * rng.random() ** 0.3
            if progress > 0.35:
                # Short deadlines (a few working hours) minus the reply lead would fall before
                # the receipt: an agency replies an hour after it at the earliest.
                lead = timedelta(hours=rng.randint(1, 60))
                replied = min(max(deadline - lead, received + timedelta(hours=1)), now)
                events.append(
                    _event(
                        case_id,
                        len(events),
                        replied,
                        "담당기관",
                        "status",
                        {
                            "action": "reply",
                            "from": "in_progress",
                            "to": "replied",
                            "text": rng.choice(replies),
                        },
                    )
                )
                status = "replied"
                if progress > 0.5:
                    status, closed_at = "closed", replied + timedelta(days=rng.randint(1, 10))
                    result = rng.choices(
                        ("resolved", "partial", "unresolvable", "policy_proposal"), weights=(70, 15, 10, 5)
                    )[0]
                    satisfaction = rng.choice((25, 50, 75, 75, 100))
                    events.append(
                        _event(
                            case_id,
                            len(events),
                            min(closed_at, now),
                            actor,
                            "status",
                            {"action": "close", "from": "replied", "to": "closed", "result": result},
                        )
                    )
            elif progress > 0.15:
                status = "in_progress"
            else:
                status = "assigned"
        elif roll < 0.985:
            status = "classified"
        yield DemoCase(
            case=Case(
                id=case_id,
                number=f"{received.year}-{prefix}-{number:04d}",
                firm_id=firm.id,
                field_code=field,
                kind=kind,
                text=text,
                status=status,
                received_at=received,
                session_id=session.id if session else None,
                agency_id=agency_id,
                deadline_at=None if status in ("closed", "replied") else deadline,
                result_code=result,
                onsite=onsite,
                satisfaction=satisfaction,
                closed_at=min(closed_at, now) if closed_at else None,
                created_at=received.isoformat(timespec="seconds"),
                firm_name=firm.name,
            ),
            events=tuple(events),
            consent_agency=consent,
            clock=clock,
        )


def _event(case_id: str, n: int, at: datetime, actor: str, kind: str, payload: dict[str, Any]) -> CaseEvent:
    # The case id's random tail already makes it unique; the event number varies its last digits.
    return CaseEvent(EventId(f"{case_id[:-2]}{n:02x}"), CaseId(case_id), at, actor, kind, payload)
