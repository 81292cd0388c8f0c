"""Sync bookkeeping in the store: team membership, wrapped keys, pinned device keys, bundles, cursors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from desktop.store.db import Database


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


# --- team -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TeamRow:
    """This laptop's membership: team id and name, its device name, where its keys are."""

    team_id: str
    name: str
    device_name: str
    key_store: str
    key_id: str
    public_key: str
    joined_at: str = ""


def get_team(db: Database) -> TeamRow | None:
    row = db.one("SELECT team_id, name, device_name, key_store, key_id, public_key, joined_at FROM sync_team")
    return None if row is None else TeamRow(*tuple(row))


def save_team(db: Database, team: TeamRow) -> None:
    with db.transaction():
        db.execute("DELETE FROM sync_team")
        db.execute(
            "INSERT INTO sync_team (id, team_id, name, device_name, key_store, key_id, public_key, "
            "joined_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
            (
                team.team_id,
                team.name,
                team.device_name,
                team.key_store,
                team.key_id,
                team.public_key,
                team.joined_at or _now(),
            ),
        )


def put_secret(db: Database, name: str, blob: bytes) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO sync_secrets (name, blob) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET "
            "blob = excluded.blob",
            (name, blob),
        )


def get_secret(db: Database, name: str) -> bytes | None:
    value = db.scalar("SELECT blob FROM sync_secrets WHERE name = ?", (name,))
    return None if value is None else bytes(value)


# --- roster (team_devices is a synced table: inserts and updates here become ops) ----------------------


@dataclass(frozen=True, slots=True)
class TeamDevice:
    id: str
    name: str
    public_key: str
    added_at: str
    removed: bool
    removed_after: int


def team_devices(db: Database) -> list[TeamDevice]:
    rows = db.all(
        "SELECT id, name, public_key, added_at, removed, removed_after FROM team_devices "
        "ORDER BY added_at, id"
    )
    return [
        TeamDevice(
            r["id"], r["name"], r["public_key"], r["added_at"], bool(r["removed"]), int(r["removed_after"])
        )
        for r in rows
    ]


def add_team_device(db: Database, device: str, name: str, public_key: str) -> None:
    with db.transaction():
        if db.scalar("SELECT 1 FROM team_devices WHERE id = ?", (device,)) is None:
            db.execute(
                "INSERT INTO team_devices (id, name, public_key, added_at) VALUES (?, ?, ?, ?)",
                (device, name, public_key, _now()),
            )


def remove_team_device(db: Database, device: str, after_seq: int) -> None:
    with db.transaction():
        db.execute("UPDATE team_devices SET removed = 1, removed_after = ? WHERE id = ?", (after_seq, device))


def removed_devices(db: Database) -> dict[str, int]:
    """Removed device -> the last of its bundles still accepted."""
    return {
        str(r[0]): int(r[1]) for r in db.all("SELECT id, removed_after FROM team_devices WHERE removed = 1")
    }


# --- pinned keys --------------------------------------------------------------------------------------


def pinned_key(db: Database, device: str) -> str | None:
    value = db.scalar("SELECT public_key FROM sync_peers WHERE device = ?", (device,))
    return None if value is None else str(value)


def pin_key(db: Database, device: str, public_key: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO sync_peers (device, public_key, first_seen) VALUES (?, ?, ?)",
        (device, public_key, _now()),
    )


# --- bundles and cursors --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredBundle:
    device: str
    seq: int
    sha256: str
    deps: dict[str, int]
    n_ops: int
    roster: bool = False


def own_seq(db: Database) -> int:
    return int(db.scalar("SELECT own_seq FROM sync_state"))


def cursors(db: Database) -> dict[str, tuple[int, int]]:
    """Device -> (highest bundle stored here, highest applied here)."""
    return {
        str(r[0]): (int(r[1]), int(r[2])) for r in db.all("SELECT device, stored, applied FROM sync_cursors")
    }


def stored_seq(db: Database, device: str) -> int:
    return int(db.scalar("SELECT stored FROM sync_cursors WHERE device = ?", (device,)) or 0)


def applied_seqs(db: Database) -> dict[str, int]:
    return {str(r[0]): int(r[1]) for r in db.all("SELECT device, applied FROM sync_cursors")}


def bundle_sha(db: Database, device: str, seq: int) -> str | None:
    value = db.scalar("SELECT sha256 FROM sync_bundles WHERE device = ? AND seq = ?", (device, seq))
    return None if value is None else str(value)


def store_bundle(
    db: Database,
    device: str,
    seq: int,
    sha256: str,
    data: bytes,
    deps: dict[str, int],
    n_ops: int,
    *,
    applied: bool,
    op_seq_hi: int = 0,
    own: bool = False,
    roster: bool = False,
) -> None:
    """Keep a verified bundle (inside the caller's transaction) and move the device's cursors."""
    db.execute(
        "INSERT INTO sync_bundles (device, seq, sha256, data, deps, n_ops, op_seq_hi, applied, uploaded, "
        "roster, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
        (
            device,
            seq,
            sha256,
            data,
            json.dumps(deps, sort_keys=True),
            n_ops,
            op_seq_hi,
            int(applied),
            int(roster),
            _now(),
        ),
    )
    db.execute(
        "INSERT INTO sync_cursors (device, stored, applied) VALUES (?, ?, ?) ON CONFLICT (device) DO UPDATE "
        "SET stored = max(stored, excluded.stored), applied = max(applied, excluded.applied)",
        (device, seq, seq if applied else 0),
    )
    if own:
        db.execute("UPDATE sync_state SET own_seq = max(own_seq, ?)", (seq,))


def unapplied(db: Database) -> list[StoredBundle]:
    rows = db.all(
        "SELECT device, seq, sha256, deps, n_ops, roster FROM sync_bundles WHERE applied = 0 "
        "ORDER BY device, seq"
    )
    return [
        StoredBundle(
            r["device"], int(r["seq"]), r["sha256"], json.loads(r["deps"]), int(r["n_ops"]), bool(r["roster"])
        )
        for r in rows
    ]


def drop_refused(db: Database, device: str, after: int) -> int:
    """Forget kept, unapplied bundles of a removed device beyond its last accepted one."""
    with db.transaction():
        gone = db.execute(
            "DELETE FROM sync_bundles WHERE device = ? AND seq > ? AND applied = 0", (device, after)
        ).rowcount
        db.execute(
            "UPDATE sync_cursors SET stored = (SELECT coalesce(max(seq), 0) FROM sync_bundles "
            "WHERE device = ?) WHERE device = ?",
            (device, device),
        )
    return int(gone)


def bundle_data(db: Database, device: str, seq: int) -> bytes:
    return bytes(db.scalar("SELECT data FROM sync_bundles WHERE device = ? AND seq = ?", (device, seq)))


def mark_applied(db: Database, device: str, seq: int) -> None:
    db.execute("UPDATE sync_bundles SET applied = 1 WHERE device = ? AND seq = ?", (device, seq))
    db.execute("UPDATE sync_cursors SET applied = max(applied, ?) WHERE device = ?", (seq, device))


def bundles_after(db: Database, device: str, seq: int) -> list[tuple[int, str]]:
    """(seq, sha256) of stored bundles of ``device`` after ``seq``."""
    return [
        (int(r[0]), str(r[1]))
        for r in db.all(
            "SELECT seq, sha256 FROM sync_bundles WHERE device = ? AND seq > ? ORDER BY seq", (device, seq)
        )
    ]


def mark_uploaded(db: Database, device: str, seq: int) -> None:
    with db.transaction():
        db.execute(
            "UPDATE sync_bundles SET uploaded = 1 WHERE device = ? AND seq = ? AND uploaded = 0",
            (device, seq),
        )


def not_uploaded_ops(db: Database, device: str) -> int:
    return int(
        db.scalar(
            "SELECT coalesce(sum(n_ops), 0) FROM sync_bundles WHERE device = ? AND uploaded = 0", (device,)
        )
        or 0
    )


def hub_marks(db: Database, hub: str) -> dict[str, int]:
    return {
        str(r[0]): int(r[1]) for r in db.all("SELECT device, seq FROM sync_hub_marks WHERE hub = ?", (hub,))
    }


def set_hub_mark(db: Database, hub: str, device: str, seq: int) -> None:
    with db.transaction():
        db.execute(
            "INSERT INTO sync_hub_marks (hub, device, seq) VALUES (?, ?, ?) ON CONFLICT (hub, device) "
            "DO UPDATE SET seq = max(seq, excluded.seq)",
            (hub, device, seq),
        )


def last_op_seq_hi(db: Database, device: str) -> int:
    return int(
        db.scalar("SELECT coalesce(max(op_seq_hi), 0) FROM sync_bundles WHERE device = ?", (device,)) or 0
    )


def bundle_ops(db: Database, device: str, seq: int) -> int:
    return int(db.scalar("SELECT n_ops FROM sync_bundles WHERE device = ? AND seq = ?", (device, seq)) or 0)
