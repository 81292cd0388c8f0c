"""Who wrote a case field's value: the synced timeline's edit events, tied to the ops' stamps.

Ops and bundles carry only the device (in the stamp). A case edit also writes an ``edit``
event (actor, field, new value) in the same transaction, right after the field op, and that
event syncs as a row of ``case_events`` whose own stamp names the same device. So the person
behind a field op is the actor of the first edit event of that field and value, from that
device, stamped at or after the op. Firm fields have no events: their ops name the device only.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.store.db import Database
from desktop.store.oplog import row_op_stamps, stamp_device


@dataclass(frozen=True, slots=True)
class EditEvent:
    """One ``edit`` event of a case field: its row's stamp, who made it and the value written."""

    stamp: str
    actor: str
    new: Any


def field_edits(db: Database, case_id: str, column: str) -> list[EditEvent]:
    """The edit events of one case field, oldest stamp first."""
    edits = []
    for row in db.all(
        "SELECT id, rowid, actor, payload FROM case_events WHERE case_id = ? AND kind = 'edit'", (case_id,)
    ):
        try:
            payload = json.loads(row["payload"] or "{}")
        except ValueError:
            continue  # a damaged payload names no one; the device is still shown
        if not isinstance(payload, dict) or payload.get("field") != column:
            continue
        for stamp in row_op_stamps(db, "case_events", row["id"], row["rowid"]):
            edits.append(EditEvent(stamp, str(row["actor"] or ""), payload.get("new")))
    return sorted(edits, key=lambda e: e.stamp)


def author_of(edits: Sequence[EditEvent], stamp: str, value: Any) -> str:
    """The person whose edit wrote ``value`` with the op ``stamp``; "" when the events do not say."""
    device = stamp_device(stamp)
    for edit in edits:
        if edit.stamp >= stamp and stamp_device(edit.stamp) == device and _same(edit.new, value):
            return edit.actor
    return ""


def _same(a: Any, b: Any) -> bool:
    return a == b or (a is not None and b is not None and str(a) == str(b))
