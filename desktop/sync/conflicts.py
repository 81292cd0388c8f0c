"""The conflicts inbox: fields two laptops changed without seeing each other's change, and resolving them.

A conflict keeps both values current (the higher stamp is shown meanwhile). Resolving is an
ordinary edit that replaces every current value of the field, so it syncs like any edit and
the conflict disappears on every laptop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.core import ids
from desktop.core.errors import reject
from desktop.core.records import Actor, Changes
from desktop.store import audit, case_edit_authors, cases, firms, oplog, sync_meta
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database
from desktop.store.oplog_resolve import add_case_event, keep_value, row_label
from desktop.sync import hlc

# Personal data stays masked outside the case form (DESIGN §7), in the inbox too, as on the firm
# card: the people behind a firm, their contacts and the 법인등록번호 are masked; the firm name and
# BRN stay readable there and in the firm list, as they identify the firm.
PERSONAL_MASKS: dict[str, Callable[[str], str]] = {
    "representative": ids.mask_person_name,
    "phone": ids.mask_phone,
    "email": ids.mask_email,
    "address": ids.mask_address,
    "corp_no": ids.mask_corp_no,
}


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One of a conflict's current values: who wrote it and when (by their clock).

    ``actor`` is the person, known for case fields from their synced edit events; "" otherwise
    (ops name only the device).
    """

    value: Any
    stamp: str
    device: str
    device_name: str
    at: datetime
    shown: bool
    actor: str = ""

    @property
    def who(self) -> str:
        """``이름 (기기)`` when the person is known, else the device's name."""
        return f"{self.actor} ({self.device_name})" if self.actor else self.device_name


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field in the conflicts inbox; ``values`` are highest stamp (the shown one) first."""

    id: str
    table: str
    row_id: str
    column: str
    label: str
    values: tuple[ConflictValue, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "table": self.table,
            "row_id": self.row_id,
            "column": self.column,
            "label": self.label,
            "values": [
                {
                    "value": v.value,
                    "stamp": v.stamp,
                    "device": v.device,
                    "device_name": v.device_name,
                    "actor": v.actor,
                    "at": v.at.isoformat(timespec="seconds"),
                    "shown": v.shown,
                }
                for v in self.values
            ],
        }


def _conflict(db: Database, state: oplog.FieldState, names: dict[str, str]) -> Conflict:
    edits = case_edit_authors.field_edits(db, state.row_id, state.col) if state.tbl == "cases" else []
    values = []
    for i, (stamp, value) in enumerate(state.entries):
        parsed = hlc.parse(stamp)
        device_name = names.get(parsed.device, parsed.device)
        actor = case_edit_authors.author_of(edits, stamp, value)
        values.append(ConflictValue(value, stamp, parsed.device, device_name, parsed.moment(), i == 0, actor))
    return Conflict(
        state.conflict_id,
        state.tbl,
        state.row_id,
        state.col,
        row_label(db, state.tbl, state.row_id),
        tuple(values),
    )


def list_conflicts(db: Database, limit: int = 1000) -> list[Conflict]:
    """The conflicts inbox, the same (ids, order, values) on every laptop that has the same ops."""
    names = {d.id: d.name for d in sync_meta.team_devices(db)}
    return [_conflict(db, s, names) for s in oplog.conflict_fields(db, limit)]


def get_conflict(db: Database, conflict_id: str) -> Conflict:
    state = oplog.conflict_by_id(db, conflict_id.strip())
    if state is None:
        raise reject(
            "conflict",
            f"그런 충돌이 없습니다 (이미 해결되었을 수 있음): {conflict_id}",
            f"No such conflict (it may be resolved already): {conflict_id}",
        )
    names = {d.id: d.name for d in sync_meta.team_devices(db)}
    return _conflict(db, state, names)


def _matches(candidate: ConflictValue, keep: object) -> bool:
    if keep == candidate.stamp or keep == candidate.value:
        return True
    return isinstance(keep, str) and candidate.value is not None and str(candidate.value) == keep


def resolve_conflict(
    db: Database,
    conflict_id: str,
    *,
    keep: object = None,
    value: str | None = None,
    actor: Actor,
    now: Now = system_now,
) -> Changes:
    """Resolve a conflict by keeping one of its values (``keep``: the value or its stamp) or by a
    new value (``value``; only for fields people edit: case text/field/kind/assignee, firm details).

    Raises:
        RejectedInput: unknown conflict, both or neither of keep/value, a value not among the choices.
    """
    if (keep is None) == (value is None):
        raise reject(
            "resolve",
            "유지할 값(--keep)이나 새 값(--value) 중 하나만 지정하세요.",
            "Give exactly one of a value to keep (--keep) or a new value (--value).",
        )
    conflict = get_conflict(db, conflict_id)
    table, row_id, col = conflict.table, conflict.row_id, conflict.column
    if value is not None:
        changes = _resolve_with_new_value(db, conflict, value, actor, now)
        if changes is not None:
            return changes
        keep = conflict.values[0].stamp  # the new value, normalised, is the one shown: keep it
    chosen = next((v for v in conflict.values if _matches(v, keep)), None)
    if chosen is None:
        choices = ", ".join(repr(v.value) for v in conflict.values)
        raise reject(
            "keep",
            f"충돌 값 중에 없습니다. 선택지: {choices}",
            f"Not one of the conflicting values: {choices}",
        )
    with db.transaction():
        keep_value(db, table, row_id, col, chosen.stamp, chosen.value)
        if table == "cases":
            add_case_event(
                db,
                row_id,
                actor.name,
                "edit",
                {"field": col, "old": conflict.values[0].value, "new": chosen.value, "conflict": conflict.id},
                iso(now()),
            )
        audit.record(db, actor, "sync.resolve", f"{table}/{row_id}", detail=f"{col} kept", now=now)
    return _changes(table, row_id)


def _resolve_with_new_value(
    db: Database, conflict: Conflict, value: str, actor: Actor, now: Now
) -> Changes | None:
    """Write a new value through the table's own validated edit; None if it changed nothing."""
    table, row_id, col = conflict.table, conflict.row_id, conflict.column
    with db.transaction():
        before = oplog.conflict_count(db)
        if table == "cases" and col in cases.EDITABLE:
            cases.set_fields(db, row_id, {col: value}, actor, now)
        elif table == "firms" and col in firms.EDITABLE:
            firms.update_firm(db, row_id, {col: value}, actor, now)
        else:
            raise reject(
                "value",
                f"이 항목({col})은 충돌 값 중 하나를 골라(--keep) 해결하세요.",
                f"Resolve this field ({col}) by keeping one of its values (--keep).",
            )
        if oplog.conflict_count(db) == before:
            return None  # the new value equals the shown one: keep it explicitly instead
        audit.record(db, actor, "sync.resolve", f"{table}/{row_id}", detail=f"{col} new value", now=now)
    return _changes(table, row_id)


def _changes(table: str, row_id: str) -> Changes:
    if table == "cases":
        return Changes(cases=frozenset({row_id}))
    if table == "firms":
        return Changes(firms=frozenset({row_id}))
    if table == "sessions":
        return Changes(sessions=frozenset({row_id}))
    return Changes()
