"""Schema version 1: reference tables, firms, sessions, cases, events, consents, audit, search."""

from __future__ import annotations

# Dates are ISO text. Open-ended validity uses '0001-01-01' / '9999-12-31' so that
# "valid on D" is a plain range test that indexes serve.
SQL = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE fields (
    code       TEXT PRIMARY KEY,
    name_ko    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    keywords   TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE regions (
    code           TEXT NOT NULL,
    name_ko        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    short_name     TEXT NOT NULL DEFAULT '',
    valid_from     TEXT NOT NULL,
    valid_to       TEXT NOT NULL,
    successor_code TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (code, valid_from)
);

CREATE TABLE agencies (
    id           TEXT NOT NULL,
    name_ko      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    short_name   TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL DEFAULT '',
    region_code  TEXT NOT NULL DEFAULT '',
    valid_from   TEXT NOT NULL,
    valid_to     TEXT NOT NULL,
    former_names TEXT NOT NULL DEFAULT '',
    successor_id TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (id, valid_from)
);

CREATE TABLE routing_rules (
    id          INTEGER PRIMARY KEY,
    field_code  TEXT NOT NULL,
    region_code TEXT NOT NULL,
    firm_size   TEXT NOT NULL,
    agency_id   TEXT NOT NULL,
    priority    INTEGER NOT NULL DEFAULT 0,
    valid_from  TEXT NOT NULL,
    valid_to    TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE holidays (
    day    TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    source TEXT NOT NULL
);

CREATE TABLE reference_files (
    name      TEXT PRIMARY KEY,
    sha256    TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);

CREATE TABLE firms (
    id             TEXT PRIMARY KEY,
    brn            TEXT NOT NULL,
    name           TEXT NOT NULL,
    region_code    TEXT NOT NULL DEFAULT '',
    size           TEXT NOT NULL DEFAULT '',
    ksic           TEXT NOT NULL DEFAULT '',
    corp_no        TEXT NOT NULL DEFAULT '',
    representative TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted        INTEGER NOT NULL DEFAULT 0
);
-- Not UNIQUE: two laptops may register the same firm; duplicates go to a merge queue.
CREATE INDEX firms_brn ON firms (brn);
CREATE INDEX firms_name ON firms (name);

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    day         TEXT NOT NULL,
    place       TEXT NOT NULL,
    region_code TEXT NOT NULL DEFAULT '',
    agencies    TEXT NOT NULL DEFAULT '[]',
    consultants TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_day ON sessions (day);

CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    number        TEXT NOT NULL,
    firm_id       TEXT NOT NULL REFERENCES firms (id),
    session_id    TEXT REFERENCES sessions (id),
    field_code    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    status        TEXT NOT NULL,
    is_open       INTEGER NOT NULL DEFAULT 1,
    agency_id     TEXT NOT NULL DEFAULT '',
    assignee      TEXT NOT NULL DEFAULT '',
    received_at   TEXT NOT NULL,
    -- '' (not NULL, so keyset row-value comparisons work) while the clock is paused (보완)
    -- or once the case is closed.
    deadline_at   TEXT NOT NULL DEFAULT '',
    clock         TEXT NOT NULL DEFAULT '{}',
    onsite        INTEGER NOT NULL DEFAULT 0,
    result_code   TEXT NOT NULL DEFAULT '',
    result_reason TEXT NOT NULL DEFAULT '',
    satisfaction  INTEGER,
    closed_at     TEXT,
    firm_name     TEXT NOT NULL,
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted       INTEGER NOT NULL DEFAULT 0
);
-- One index per sortable column; SQLite appends the rowid, which is the keyset tie-breaker.
-- Partial (deleted = 0) so that list pages, offsets and counts are index-only walks.
CREATE INDEX cases_received ON cases (received_at) WHERE deleted = 0;
CREATE INDEX cases_number ON cases (number) WHERE deleted = 0;
CREATE INDEX cases_firm_name ON cases (firm_name) WHERE deleted = 0;
CREATE INDEX cases_field ON cases (field_code, received_at) WHERE deleted = 0;
CREATE INDEX cases_agency ON cases (agency_id, received_at) WHERE deleted = 0;
CREATE INDEX cases_status ON cases (status, received_at) WHERE deleted = 0;
CREATE INDEX cases_deadline ON cases (deadline_at) WHERE deleted = 0;
-- The overdue lists: status and receipt date inside the index let SQLite filter and
-- pick the page without reading the rows of every overdue case.
CREATE INDEX cases_open_deadline ON cases (is_open, deadline_at, status, received_at) WHERE deleted = 0;
CREATE INDEX cases_agency_open ON cases (agency_id, is_open, deadline_at, status, received_at)
    WHERE deleted = 0;
CREATE INDEX cases_session ON cases (session_id, received_at);
CREATE INDEX cases_firm ON cases (firm_id, received_at);
-- Looking a case up by its human number, deleted or not.
CREATE INDEX cases_number_lookup ON cases (number);

CREATE TABLE case_events (
    id      TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    kind    TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events (case_id, at);

CREATE TABLE consents (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES cases (id),
    firm_id    TEXT NOT NULL REFERENCES firms (id),
    agency_id  TEXT NOT NULL,
    given_at   TEXT NOT NULL,
    given_by   TEXT NOT NULL,
    scope      TEXT NOT NULL DEFAULT '',
    revoked_at TEXT
);
CREATE INDEX consents_case ON consents (case_id);
CREATE INDEX consents_agency ON consents (agency_id);

CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    role   TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);

-- Contentless n-gram indexes (see desktop.core.hangul.gram_tokens): rowid = base rowid.
CREATE VIRTUAL TABLE firm_search USING fts5 (
    grams, content='', prefix='1', tokenize='unicode61 remove_diacritics 0'
);
-- No prefix index on cases: it doubles the cost of indexing a million texts, and a
-- one-syllable case query without it still answers in tens of milliseconds.
CREATE VIRTUAL TABLE case_search USING fts5 (
    grams, content='', tokenize='unicode61 remove_diacritics 0'
);
"""
