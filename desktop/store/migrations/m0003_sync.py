"""Schema version 3: the sync op log, hybrid logical clock, capture triggers, bundles and team tables.

Every change to a synced table (firms, sessions, cases, case_events, consents, team_devices)
is recorded by the triggers below, in the same transaction, as an op in ``sync_ops``:

* an INSERT is one *row op* (``col = '*'``); its values are the row itself, read when the op
  is put into a bundle (a row op is equivalent to one op per column, all with one stamp);
* an UPDATE is one *field op* per changed column, with the stamps of the ops it replaces
  (the field's current ops, kept in ``sync_current``);
* a hard DELETE is refused (deleting is the ``deleted`` field).

Rows that exist before this migration, and rows written by bulk loads, get their row ops as
*ranges* (``sync_ranges``: a rowid range and the clock stamps reserved for it) so that even a
million rows cost nothing to log. ``sync_state.capture = 0`` turns capture off while remote
ops are applied (inside that transaction only).

This module is frozen history: the column lists are those of schema version 3. A later
migration that adds a column to a synced table must recreate that table's update trigger
(``desktop.store.oplog.trigger_sql``).
"""

from __future__ import annotations

# Synced columns per table at schema version 3 (``id`` is the key; cases.firm_name is derived).
_TABLES: dict[str, tuple[str, ...]] = {
    "firms": (
        "brn",
        "name",
        "region_code",
        "size",
        "ksic",
        "corp_no",
        "representative",
        "phone",
        "email",
        "address",
        "created_at",
        "updated_at",
        "deleted",
    ),
    "sessions": ("name", "day", "place", "region_code", "agencies", "consultants", "created_at", "deleted"),
    "cases": (
        "number",
        "firm_id",
        "session_id",
        "field_code",
        "kind",
        "text",
        "status",
        "is_open",
        "agency_id",
        "assignee",
        "received_at",
        "deadline_at",
        "clock",
        "onsite",
        "result_code",
        "result_reason",
        "satisfaction",
        "closed_at",
        "created_by",
        "created_at",
        "updated_at",
        "deleted",
    ),
    "case_events": ("case_id", "at", "actor", "kind", "payload"),
    "consents": ("case_id", "firm_id", "agency_id", "given_at", "given_by", "scope", "revoked_at"),
    "team_devices": ("name", "public_key", "added_at", "removed", "removed_after"),
}

_NOW_MS = "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)"
_TICK = (
    f"UPDATE sync_state SET hlc_counter = CASE WHEN {_NOW_MS} + skew_ms > hlc_ms THEN 0 "
    f"ELSE hlc_counter + 1 END, hlc_ms = max(hlc_ms, {_NOW_MS} + skew_ms);"
)
_STAMP = "printf('%013d%08x', s.hlc_ms, s.hlc_counter) || s.device"


def _triggers(table: str, columns: tuple[str, ...]) -> str:
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
    records = "\n        UNION ALL ".join(
        f"SELECT '{table}', NEW.id, NEW.rowid, '{c}', NEW.{c} WHERE NEW.{c} IS NOT OLD.{c}" for c in columns
    )
    return f"""
CREATE TRIGGER sync_capture_{table}_insert AFTER INSERT ON {table}
WHEN (SELECT capture FROM sync_state) = 1
BEGIN
    {_TICK}
    INSERT INTO sync_ops (stamp, tbl, row_id, col, value, replaces, local)
    SELECT {_STAMP}, '{table}', NEW.id, '*', NULL, '', 1 FROM sync_state s;
END;

CREATE TRIGGER sync_capture_{table}_update AFTER UPDATE ON {table}
WHEN (SELECT capture FROM sync_state) = 1 AND (NEW.id IS NOT OLD.id OR {changed})
BEGIN
    SELECT RAISE(ABORT, 'onestop sync: the id of a synced row never changes') WHERE NEW.id IS NOT OLD.id;
    {_TICK}
    INSERT INTO sync_record (tbl, row_id, rid, col, value)
        {records};
END;

CREATE TRIGGER sync_guard_{table}_delete BEFORE DELETE ON {table}
WHEN (SELECT capture FROM sync_state) = 1
BEGIN
    SELECT RAISE(ABORT, 'onestop sync: synced rows are never deleted; set deleted = 1 instead');
END;
"""


def _range(table: str) -> str:
    # One range per table covers every existing row; the stamps follow each other in FK order.
    return f"""
INSERT INTO sync_ranges (tbl, lo, hi, ms, counter, device, sent_to)
SELECT '{table}', (SELECT min(rowid) FROM {table}), (SELECT max(rowid) FROM {table}), s.hlc_ms,
       s.hlc_counter + 1, s.device, (SELECT min(rowid) FROM {table}) - 1
FROM sync_state s WHERE EXISTS (SELECT 1 FROM {table});
UPDATE sync_state SET hlc_counter = hlc_counter
    + coalesce((SELECT max(rowid) - min(rowid) + 1 FROM {table}), 0);
"""


SQL = (
    f"""
-- This laptop's sync identity and clock. device: random id, part of every stamp it makes.
-- capture: 0 while remote ops are applied. skew_ms: added to the wall clock (tests only).
CREATE TABLE sync_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    device      TEXT NOT NULL,
    capture     INTEGER NOT NULL DEFAULT 1,
    hlc_ms      INTEGER NOT NULL,
    hlc_counter INTEGER NOT NULL DEFAULT 0,
    skew_ms     INTEGER NOT NULL DEFAULT 0,
    own_seq     INTEGER NOT NULL DEFAULT 0,
    bundled_seq INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_state (id, device, hlc_ms) VALUES (1, lower(hex(randomblob(8))), {_NOW_MS});

-- The op log. stamp: 13-digit wall ms, 8-hex counter, device id (text order = clock order).
-- col '*' is a row op (an INSERT); replaces: space-separated stamps; local: made on this laptop.
CREATE TABLE sync_ops (
    seq      INTEGER PRIMARY KEY,
    stamp    TEXT NOT NULL,
    tbl      TEXT NOT NULL,
    row_id   TEXT NOT NULL,
    col      TEXT NOT NULL,
    value,
    replaces TEXT NOT NULL DEFAULT '',
    local    INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX sync_ops_field ON sync_ops (tbl, row_id, col, stamp);

-- Current (not replaced) ops of every field that has been edited at least once; a field that
-- never was is held by its row op alone. Two or more distinct values = a conflict.
CREATE TABLE sync_current (
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    col    TEXT NOT NULL,
    stamp  TEXT NOT NULL,
    value,
    PRIMARY KEY (tbl, row_id, col, stamp)
) WITHOUT ROWID;

-- The conflicts inbox: fields with two or more current values (same ids on every laptop).
CREATE TABLE sync_conflicts (
    id     TEXT PRIMARY KEY,
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    col    TEXT NOT NULL
);
CREATE UNIQUE INDEX sync_conflicts_field ON sync_conflicts (tbl, row_id, col);

-- Row ops of rows written in bulk (existing data, demo loads): rowid lo..hi, stamp of rowid r =
-- (ms, counter + r - lo, device). sent_to: rowids up to here are in bundles.
CREATE TABLE sync_ranges (
    id      INTEGER PRIMARY KEY,
    tbl     TEXT NOT NULL,
    lo      INTEGER NOT NULL,
    hi      INTEGER NOT NULL,
    ms      INTEGER NOT NULL,
    counter INTEGER NOT NULL,
    device  TEXT NOT NULL,
    sent_to INTEGER NOT NULL
);
CREATE INDEX sync_ranges_rows ON sync_ranges (tbl, lo);

-- Personal-data erasures (coordinator ops): values of these columns older than stamp are blanked.
CREATE TABLE sync_erasures (
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    stamp  TEXT NOT NULL,
    cols   TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id, stamp)
) WITHOUT ROWID;

-- The team this laptop belongs to (one row once created or joined). key_store: where the
-- team and device keys live ('keyring' or 'passphrase' = sync_secrets).
CREATE TABLE sync_team (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    team_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    device_name TEXT NOT NULL,
    key_store   TEXT NOT NULL,
    key_id      TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    joined_at   TEXT NOT NULL
);
CREATE TABLE sync_secrets (
    name TEXT PRIMARY KEY,
    blob BLOB NOT NULL
);
-- Device signing keys seen so far (pinned on first sight).
CREATE TABLE sync_peers (
    device     TEXT PRIMARY KEY,
    public_key TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
-- Every bundle this laptop made or accepted (verified, contiguous per device), kept to relay.
-- roster: it changes team_devices (applied first: a removal must precede the removed one's bundles).
CREATE TABLE sync_bundles (
    device    TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    sha256    TEXT NOT NULL,
    data      BLOB NOT NULL,
    deps      TEXT NOT NULL,
    n_ops     INTEGER NOT NULL,
    op_seq_hi INTEGER NOT NULL DEFAULT 0,
    applied   INTEGER NOT NULL DEFAULT 0,
    uploaded  INTEGER NOT NULL DEFAULT 0,
    roster    INTEGER NOT NULL DEFAULT 0,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (device, seq)
);
CREATE INDEX sync_bundles_unapplied ON sync_bundles (device, seq) WHERE applied = 0;
CREATE INDEX sync_bundles_not_uploaded ON sync_bundles (device, seq) WHERE uploaded = 0;
-- Highest bundle seq per device stored here / known to be on a hub (hub = its hub id).
CREATE TABLE sync_cursors (
    device  TEXT PRIMARY KEY,
    stored  INTEGER NOT NULL DEFAULT 0,
    applied INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sync_hub_marks (
    hub    TEXT NOT NULL,
    device TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    PRIMARY KEY (hub, device)
) WITHOUT ROWID;

-- The team roster, synced like any table: a device's public key, and its removal
-- (its bundles after removed_after are refused everywhere).
CREATE TABLE team_devices (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    public_key    TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    removed       INTEGER NOT NULL DEFAULT 0,
    removed_after INTEGER NOT NULL DEFAULT 0
);

-- Writing a row here records one field op (used by the update triggers and by conflict
-- resolution): it replaces every current op of the field, so the field has one value again.
CREATE VIEW sync_record (tbl, row_id, rid, col, value) AS SELECT NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER sync_record_insert INSTEAD OF INSERT ON sync_record
BEGIN
    INSERT INTO sync_ops (stamp, tbl, row_id, col, value, replaces, local)
    SELECT {_STAMP}, NEW.tbl, NEW.row_id, NEW.col, NEW.value, coalesce(
        (SELECT group_concat(c.stamp, ' ') FROM sync_current c
          WHERE c.tbl = NEW.tbl AND c.row_id = NEW.row_id AND c.col = NEW.col),
        (SELECT group_concat(o.stamp, ' ') FROM sync_ops o
          WHERE o.tbl = NEW.tbl AND o.row_id = NEW.row_id AND o.col = '*'),
        (SELECT printf('%013d%08x', r.ms, r.counter + NEW.rid - r.lo) || r.device FROM sync_ranges r
          WHERE r.tbl = NEW.tbl AND NEW.rid BETWEEN r.lo AND r.hi),
        ''), 1
    FROM sync_state s;
    DELETE FROM sync_current WHERE tbl = NEW.tbl AND row_id = NEW.row_id AND col = NEW.col;
    INSERT INTO sync_current (tbl, row_id, col, stamp, value)
    SELECT NEW.tbl, NEW.row_id, NEW.col, {_STAMP}, NEW.value FROM sync_state s;
    DELETE FROM sync_conflicts WHERE tbl = NEW.tbl AND row_id = NEW.row_id AND col = NEW.col;
END;
"""
    + "".join(_triggers(table, columns) for table, columns in _TABLES.items())
    + "".join(_range(table) for table in _TABLES)
)
