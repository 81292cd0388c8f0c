"""The audit log: who viewed, exported or unmasked personal data, and who changed what."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.ids import refuse_rrn
from desktop.core.records import Actor
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: str
    actor: str
    role: str
    action: str
    target: str
    reason: str
    detail: str


def record(
    db: Database,
    actor: Actor,
    action: str,
    target: str = "",
    *,
    reason: str = "",
    detail: str = "",
    now: Now = system_now,
) -> None:
    """Append one entry; callers run it inside the transaction of the action it records."""
    refuse_rrn(reason, "reason")  # free text typed by a person: never a 주민등록번호
    db.execute(
        "INSERT INTO audit_log (at, actor, role, action, target, reason, detail) VALUES (?,?,?,?,?,?,?)",
        (iso(now()), actor.name, actor.role, action, target, reason, detail),
    )


def entries(db: Database, limit: int = 200, action_prefix: str = "") -> list[AuditEntry]:
    rows = db.all(
        "SELECT at, actor, role, action, target, reason, detail FROM audit_log "
        "WHERE action LIKE :p ORDER BY id DESC LIMIT :n",
        {"p": action_prefix + "%", "n": limit},
    )
    return [AuditEntry(*tuple(r)) for r in rows]
