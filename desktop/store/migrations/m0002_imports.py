"""Schema version 2: spreadsheet imports and per-row fingerprints that stop re-imports duplicating cases."""

from __future__ import annotations

# Additive only (old laptops keep syncing): two new tables, nothing existing is touched.
SQL = """
CREATE TABLE import_batches (
    id          TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    session_id  TEXT,
    imported_at TEXT NOT NULL,
    actor       TEXT NOT NULL,
    rows_added  INTEGER NOT NULL DEFAULT 0,
    rows_skipped INTEGER NOT NULL DEFAULT 0
);

-- One row per imported spreadsheet row: sha256 of (BRN, date, normalised text).
CREATE TABLE import_rows (
    fingerprint TEXT PRIMARY KEY,
    batch_id    TEXT NOT NULL REFERENCES import_batches (id),
    case_id     TEXT NOT NULL REFERENCES cases (id),
    sheet       TEXT NOT NULL,
    row_number  INTEGER NOT NULL
);
CREATE INDEX import_rows_case ON import_rows (case_id);
"""
