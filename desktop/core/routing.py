"""Routing: (field, region, firm size, date) -> owning agency, plus lookups of fields, regions, agencies.

Rules are ranked in this order:

1. **Specificity** — the number of the two dimensions (region, firm size) a rule names
   instead of ``*``. A rule naming both beats one naming one, which beats a catch-all,
   whatever their priorities.
2. **Priority** — higher wins among equally specific rules.
3. **File order** — the earlier row wins a remaining tie.

Dates: only rules valid on the day count. Region codes that ended (42 강원도 after
2023-06-10, 29/46 after 2026-06-30) are translated to the code valid on the day by following
``successor_code``, both for the firm and for each rule, so a rule written for an old code
keeps matching the firms of its successor region. An agency that ended is replaced by its
``successor_id`` chain; a rule whose agency is not valid on the day (and has no valid
successor) is skipped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from desktop.core.errors import reject
from desktop.core.records import FIRM_SIZES, Agency, Field, Region, RoutingRule
from desktop.core.reference_csv import ANY, ReferenceData

_NAME_SEPARATORS = "·ㆍ.,/-_ \t"
# A tuple of pairs, not a dict: module-level data stays immutable.
_SIZE_NAMES_EN = (
    ("중견", "mid-sized firms"),
    ("중소", "SMEs"),
    ("소기업", "small firms"),
    ("소상공인", "micro-businesses"),
    ("소공인", "micro-manufacturers"),
)


@dataclass(frozen=True, slots=True)
class RoutingSuggestion:
    """The agency the routing table suggests, why, and the other agencies that also match."""

    agency: Agency
    rule: RoutingRule
    alternatives: tuple[Agency, ...]
    reason_ko: str
    reason_en: str


def _key(text: str) -> str:
    """Comparison key: NFC, case-folded, without spaces or name separators (·, ., /, -)."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return "".join(ch for ch in folded if ch not in _NAME_SEPARATORS)


def current_region_code(code: str, on: date, ref: ReferenceData) -> str:
    """The region code valid on ``on`` for ``code``, following ended codes to their successors.

    Args:
        code: a region code, ``*`` or empty.
        on: the day.
        ref: reference data.

    Returns:
        The successor code, or ``code`` unchanged when it is valid, unknown, ``*`` or empty.
    """
    seen: set[str] = set()
    while code and code != ANY and code not in seen:  # seen: a cycle typed into the CSV must end
        seen.add(code)
        rows = [r for r in ref.regions if r.code == code]
        if not rows or any(r.valid_on(on) for r in rows):
            return code
        ended = [r for r in rows if r.valid_to is not None and r.valid_to < on and r.successor_code]
        if not ended:
            return code
        code = max(ended, key=lambda r: r.valid_to or date.min).successor_code
    return code


def resolve_agency(agency_id: str, on: date, ref: ReferenceData) -> Agency | None:
    """The agency row valid on ``on`` for ``agency_id``, following ``successor_id`` if it ended.

    Returns:
        The valid row, or None when the id is unknown, not yet valid, or ended without a
        valid successor.
    """
    seen: set[str] = set()
    current = agency_id
    while current and current not in seen:
        seen.add(current)
        rows = [a for a in ref.agencies if a.id == current]
        for agency in rows:
            if agency.valid_on(on):
                return agency
        ended = [a for a in rows if a.valid_to is not None and a.valid_to < on and a.successor_id]
        if not ended:
            return None
        current = max(ended, key=lambda a: a.valid_to or date.min).successor_id
    return None


def _check_inputs(field_code: str, region_code: str, firm_size: str, ref: ReferenceData) -> None:
    if field_code not in {f.code for f in ref.fields}:
        choices = ", ".join(f.code for f in ref.fields)
        raise reject(
            "field", f"알 수 없는 분야 코드: '{field_code}' ({choices})", f"unknown field '{field_code}'"
        )
    if region_code and region_code not in {r.code for r in ref.regions}:
        raise reject(
            "region", f"알 수 없는 지역 코드: '{region_code}'", f"unknown region code '{region_code}'"
        )
    if firm_size and firm_size not in FIRM_SIZES:
        sizes = ", ".join(FIRM_SIZES)
        raise reject(
            "firm_size", f"알 수 없는 기업 규모: '{firm_size}' ({sizes})", f"unknown firm size '{firm_size}'"
        )


def suggest_agency(
    field_code: str, region_code: str, firm_size: str, on: date, ref: ReferenceData
) -> RoutingSuggestion | None:
    """Suggest the agency that owns a difficulty (see the module docstring for the ranking).

    Args:
        field_code: the field code (F01..F99); use :func:`find_field` for names.
        region_code: the firm's 시·도 code, old codes allowed; empty matches only ``*`` rules.
        firm_size: one of ``FIRM_SIZES``; empty matches only ``*`` rules.
        on: the day the difficulty is routed.
        ref: reference data.

    Returns:
        The best match with the other matching agencies (distinct, best first), or None when
        no rule matches.

    Raises:
        RejectedInput: for an unknown field code, region code or firm size.
    """
    _check_inputs(field_code, region_code, firm_size, ref)
    region = current_region_code(region_code, on, ref) if region_code else ""
    ranked: list[tuple[tuple[int, int, int], RoutingRule, Agency]] = []
    for index, rule in enumerate(ref.routing_rules):
        if rule.field_code != field_code or not rule.valid_on(on):
            continue
        rule_region = current_region_code(rule.region_code, on, ref)
        if rule_region != ANY and rule_region != region:
            continue
        if rule.firm_size != ANY and rule.firm_size != firm_size:
            continue
        agency = resolve_agency(rule.agency_id, on, ref)
        if agency is None:
            continue
        specificity = (rule_region != ANY) + (rule.firm_size != ANY)
        ranked.append(((specificity, rule.priority, -index), rule, agency))
    if not ranked:
        return None
    ranked.sort(key=lambda item: item[0], reverse=True)
    _, rule, agency = ranked[0]
    alternatives: list[Agency] = []
    for _, _, other in ranked[1:]:
        if other.id != agency.id and all(other.id != a.id for a in alternatives):
            alternatives.append(other)
    reason_ko, reason_en = _reason(field_code, region_code, region, firm_size, on, rule, agency, ref)
    return RoutingSuggestion(agency, rule, tuple(alternatives), reason_ko, reason_en)


def _size_en(size: str) -> str:
    return next((en for ko, en in _SIZE_NAMES_EN if ko == size), size)


def _region_name(code: str, on: date, ref: ReferenceData) -> tuple[str, str]:
    rows = [r for r in ref.regions if r.code == code]
    row = next((r for r in rows if r.valid_on(on)), rows[-1] if rows else None)
    return (row.name_ko, row.name_en) if row else (code, code)


def _reason(
    field_code: str,
    asked_region: str,
    region: str,
    firm_size: str,
    on: date,
    rule: RoutingRule,
    agency: Agency,
    ref: ReferenceData,
) -> tuple[str, str]:
    field = next(f for f in ref.fields if f.code == field_code)
    scope_ko, scope_en = "전국 공통", "nationwide"
    if rule.region_code != ANY:
        name_ko, name_en = _region_name(region, on, ref)
        scope_ko, scope_en = f"{name_ko} 지역", f"{name_en} region"
    if rule.firm_size != ANY:
        scope_ko, scope_en = f"{scope_ko} {firm_size} 대상", f"{scope_en}, {_size_en(firm_size)}"
    rank = f"우선순위 {rule.priority}"
    ko = f"{field.name_ko} 분야 {scope_ko} 규칙({rank})에 따라 {agency.name_ko}(으)로 안내합니다."
    en = f"{field.name_en}: {scope_en} rule (priority {rule.priority}) suggests {agency.name_en}."
    if asked_region and asked_region != region:
        old_ko, old_en = _region_name(asked_region, on, ref)
        new_ko, new_en = _region_name(region, on, ref)
        ko += f" {old_ko}은(는) {on.isoformat()} 기준 {new_ko}(으)로 봅니다."
        en += f" {old_en} counts as {new_en} on {on.isoformat()}."
    if agency.id != rule.agency_id:
        old = next(a for a in ref.agencies if a.id == rule.agency_id)
        since = agency.valid_from.isoformat() if agency.valid_from else ""
        ko += f" {old.name_ko}의 업무는 {since}부터 {agency.name_ko}이(가) 맡습니다."
        en += f" {old.name_en} was succeeded by {agency.name_en} from {since}."
    if rule.note:
        ko += f" (비고: {rule.note})"  # notes are written in Korean by the manager; not translated
    return ko, en


def agency_display_name(agency_id: str, on: date, ref: ReferenceData) -> str:
    """The Korean name of an agency as it was called on ``on`` (successors followed).

    Raises:
        RejectedInput: field ``agency`` when the id is unknown.
    """
    agency = resolve_agency(agency_id, on, ref)
    if agency is not None:
        return agency.name_ko
    rows = sorted((a for a in ref.agencies if a.id == agency_id), key=lambda a: a.valid_from or date.min)
    if not rows:
        raise reject("agency", f"알 수 없는 기관 ID: '{agency_id}'", f"unknown agency id '{agency_id}'")
    # Not yet valid on that day: the earliest name is the closest one in time.
    return rows[0].name_ko


def _one(hits: Iterable[Agency], query: str) -> Agency | None:
    distinct = {a.id: a for a in hits}
    if len(distinct) > 1:
        names = ", ".join(f"{a.name_ko}({a.id})" for a in distinct.values())
        raise reject(
            "agency", f"'{query}'에 해당하는 기관이 여럿입니다: {names}", f"'{query}' is ambiguous: {names}"
        )
    return next(iter(distinct.values()), None)


def find_agency(name_or_id: str, on: date, ref: ReferenceData) -> Agency:
    """Find the agency valid on ``on`` by id, name, short name, English name or former name.

    Order: id (case-insensitive); names of agencies valid on the day; their former names;
    names of agencies that ended, replaced by their successors. Spaces and '·' are ignored.

    Raises:
        RejectedInput: field ``agency`` when nothing or more than one agency matches.
    """
    query = name_or_id.strip()
    key = _key(query)
    if not key:
        raise reject("agency", "기관을 입력하세요", "enter an agency")
    ids = {a.id for a in ref.agencies if a.id.casefold() == query.casefold()}
    if ids:
        agency = resolve_agency(ids.pop(), on, ref)
        if agency is None:
            raise reject(
                "agency", f"'{query}'은(는) {on}에 유효하지 않습니다", f"'{query}' is not valid on {on}"
            )
        return agency
    valid = [a for a in ref.agencies if a.valid_on(on)]
    hit = _one((a for a in valid if key in {_key(a.name_ko), _key(a.short_name), _key(a.name_en)}), query)
    hit = hit or _one((a for a in valid if key in {_key(n) for n in a.former_names}), query)
    if hit is None:
        ended = (
            a for a in ref.agencies if not a.valid_on(on) and key in {_key(a.name_ko), _key(a.short_name)}
        )
        resolved = (resolve_agency(a.id, on, ref) for a in ended)
        hit = _one((a for a in resolved if a is not None), query)
    if hit is None:
        raise reject(
            "agency",
            f"'{query}'에 해당하는 기관이 없습니다 (기관 ID, 이름, 약칭 또는 옛 이름)",
            f"no agency matches '{query}' (id, name, short name or former name)",
        )
    return hit


def find_field(code_or_name: str, ref: ReferenceData) -> Field:
    """Find a field by code ("F06"), name ("수출·FTA·통관", "수출FTA통관"), unique prefix ("수출",
    "수출·FTA") or one exact part of the name ("통관").

    Raises:
        RejectedInput: field ``field`` listing the valid choices when nothing or several match.
    """
    raw = unicodedata.normalize("NFC", code_or_name).strip()
    for f in ref.fields:  # the common case (a stored or imported code): no name keys needed
        if f.code == raw:
            return f
    key = _key(raw)
    steps: tuple[list[Field], ...] = (
        [f for f in ref.fields if f.code.casefold() == raw.casefold()],
        [f for f in ref.fields if f.name_ko == raw or f.name_en.casefold() == raw.casefold()],
        [f for f in ref.fields if key and _key(f.name_ko) == key],
        [f for f in ref.fields if key and _key(f.name_ko).startswith(key)],
        [f for f in ref.fields if key and key in {_key(part) for part in f.name_ko.split("·")}],
    )
    choices = ", ".join(f"{f.code} {f.name_ko}" for f in ref.fields)
    for hits in steps:
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            names = ", ".join(f"{f.code} {f.name_ko}" for f in hits)
            raise reject(
                "field", f"'{raw}'에 해당하는 분야가 여럿입니다: {names}", f"'{raw}' is ambiguous: {names}"
            )
    raise reject(
        "field", f"알 수 없는 분야: '{raw}' (선택: {choices})", f"unknown field '{raw}' (choices: {choices})"
    )


def find_region(code_or_name: str, on: date, ref: ReferenceData) -> Region:
    """Find the region valid on ``on`` by code, full name, short name or English name.

    An old code or name ("42", "강원도", "전남" after 2026-06-30) gives its successor.

    Raises:
        RejectedInput: field ``region`` when nothing valid on the day matches.
    """
    raw = code_or_name.strip()
    key = _key(raw)
    matches = [
        r
        for r in ref.regions
        if key and key in {r.code, _key(r.name_ko), _key(r.short_name), _key(r.name_en)}
    ]
    codes = {current_region_code(r.code, on, ref) for r in matches}
    valid = {r.code: r for r in ref.regions if r.code in codes and r.valid_on(on)}
    if len(valid) == 1:
        return next(iter(valid.values()))
    if len(valid) > 1:
        names = ", ".join(f"{r.code} {r.name_ko}" for r in valid.values())
        raise reject(
            "region", f"'{raw}'에 해당하는 지역이 여럿입니다: {names}", f"'{raw}' is ambiguous: {names}"
        )
    choices = ", ".join(f"{r.code} {r.short_name or r.name_ko}" for r in ref.regions if r.valid_on(on))
    raise reject(
        "region",
        f"{on}에 유효한 지역이 아닙니다: '{raw}' (선택: {choices})",
        f"'{raw}' is not a region valid on {on} (choices: {choices})",
    )
