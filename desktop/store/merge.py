"""Merging duplicate firms (two laptops registered the same firm): the merge queue and the merge."""

from __future__ import annotations

import json

from desktop.core import roles
from desktop.core.errors import reject
from desktop.core.records import Actor, Changes
from desktop.core.uuid7 import uuid7
from desktop.store import audit, firms
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database

# Contact and identity fields a merge copies from the merged-away firm when the kept one has none.
_FILL_BLANKS = ("region_code", "size", "ksic", "corp_no", "representative", "phone", "email", "address")


def duplicate_groups(db: Database, limit: int = 100) -> list[tuple[str, int]]:
    """BRNs held by more than one live firm (the merge queue), most duplicated first."""
    rows = db.all(
        "SELECT brn, count(*) AS n FROM firms WHERE deleted = 0 GROUP BY brn HAVING n > 1 "
        "ORDER BY n DESC, brn LIMIT ?",
        (limit,),
    )
    return [(str(r["brn"]), int(r["n"])) for r in rows]


def merge_firms(db: Database, keep_id: str, other_id: str, actor: Actor, now: Now = system_now) -> Changes:
    """Merge firm ``other_id`` into ``keep_id``.

    The other firm's cases and consents move to the kept firm (each moved case gets a
    ``merge`` timeline event), blank fields of the kept firm are filled from the other one,
    and the other firm is marked deleted (undo-able, never erased). Both firms must be live
    and have the same BRN.

    Raises:
        RejectedInput: field ``firm`` when the ids are equal, unknown, deleted or of different BRNs.
    """
    roles.require(actor, "firm.merge")
    if keep_id == other_id:
        raise reject("firm", "같은 기업끼리는 병합할 수 없습니다.", "A firm cannot be merged with itself.")
    with db.transaction():
        keep = firms.get_firm(db, keep_id)
        other = firms.get_firm(db, other_id)
        deleted = db.all("SELECT id FROM firms WHERE id IN (?, ?) AND deleted = 1", (keep_id, other_id))
        if deleted:
            raise reject(
                "firm", "이미 병합(삭제)된 기업입니다.", "That firm was already merged away (deleted)."
            )
        if keep.brn != other.brn:
            raise reject(
                "firm",
                "사업자등록번호가 다른 기업은 병합할 수 없습니다.",
                "Firms with different business registration numbers cannot be merged.",
            )
        stamp = iso(now())
        moved = [str(r["id"]) for r in db.all("SELECT id FROM cases WHERE firm_id = ?", (other_id,))]
        db.execute(
            "UPDATE cases SET firm_id = ?, firm_name = ?, updated_at = ? WHERE firm_id = ?",
            (keep_id, keep.name, stamp, other_id),
        )
        db.execute("UPDATE consents SET firm_id = ? WHERE firm_id = ?", (keep_id, other_id))
        fills = {k: getattr(other, k) for k in _FILL_BLANKS if not getattr(keep, k) and getattr(other, k)}
        if fills:
            db.execute(
                f"UPDATE firms SET {', '.join(f'{k} = :{k}' for k in fills)}, updated_at = :now "
                "WHERE id = :id",
                fills | {"now": stamp, "id": keep_id},
            )
        db.execute("UPDATE firms SET deleted = 1, updated_at = ? WHERE id = ?", (stamp, other_id))
        payload = json.dumps(
            {"from_firm": other_id, "to_firm": keep_id, "from_name": other.name}, ensure_ascii=False
        )
        db.executemany(
            "INSERT INTO case_events (id, case_id, at, actor, kind, payload) VALUES (?,?,?,?,?,?)",
            [(uuid7(), case_id, stamp, actor.name, "merge", payload) for case_id in moved],
        )
        audit.record(
            db, actor, "firm.merge", keep_id, detail=f"merged {other_id} ({len(moved)} cases)", now=now
        )
    return Changes(firms=frozenset({keep_id, other_id}), cases=frozenset(moved))
