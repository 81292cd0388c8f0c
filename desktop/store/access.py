"""Role checks that need a case's owner from the store, for the one-line hooks of the write functions."""

from __future__ import annotations

from desktop.core import roles
from desktop.core.errors import reject
from desktop.core.records import Actor
from desktop.store.db import Database


def case_owner(db: Database, case_id: str) -> tuple[str, str]:
    """(agency id, who logged it) of a case by id or number.

    Who logged it is ``cases.created_by`` or, when that is blank, the actor of the case's
    ``created`` event (the intake path records it there).

    Raises:
        RejectedInput: no such case.
    """
    row = db.one(
        "SELECT agency_id, coalesce(nullif(created_by, ''), (SELECT e.actor FROM case_events e "
        "WHERE e.case_id = cases.id AND e.kind = 'created' ORDER BY e.at LIMIT 1), '') "
        "FROM cases WHERE id = ? OR number = ? LIMIT 1",
        (case_id, case_id),
    )
    if row is None:
        raise reject("case", f"사례를 찾을 수 없습니다: {case_id}", f"No such case: {case_id}")
    return str(row[0]), str(row[1])


def require_case(db: Database, actor: Actor, case_id: str, permission: str) -> None:
    """:func:`desktop.core.roles.require` for ``permission`` on this case (its agency and who logged it).

    Roles that need no case check (a coordinator) skip the lookup.
    """
    if roles.can(actor, permission, None) and not roles.PERMISSIONS[permission].own_cases_only:
        return
    if actor.role != roles.CONSULTANT:
        roles.require(actor, permission)
        return
    agency_id, created_by = case_owner(db, case_id)
    roles.require(actor, permission, agency_id, created_by=created_by)
