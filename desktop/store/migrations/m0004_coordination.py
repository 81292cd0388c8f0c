"""Schema version 4: coordinator data — clusters and their crisis levels, support programs, firm profiles.

Additive only (old laptops keep syncing). The new tables are local to each laptop, like the
other reference tables: clusters, threshold rules and programs come from reference CSVs or
a coordinator's spreadsheet import. What belongs to a case — a program attached to it, a
satisfaction call-back — is recorded as an ordinary case event (kinds ``program`` and
``followup``), so it syncs with the case. Two partial indexes on ``case_events`` serve the
dashboard (first reply of each case) and the follow-up register.
"""

from __future__ import annotations

SQL = """
-- Clusters (밀집지역): an industry (KSIC prefixes, ';'-separated) in a place.
CREATE TABLE clusters (
    id          TEXT PRIMARY KEY,
    name_ko     TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL,
    city        TEXT NOT NULL DEFAULT '',
    ksic        TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1
);

-- Editable threshold rules: a level applies when all rules of one of its groups hold.
CREATE TABLE cluster_thresholds (
    id        INTEGER PRIMARY KEY,
    level     TEXT NOT NULL,
    grp       TEXT NOT NULL,
    indicator TEXT NOT NULL,
    op        TEXT NOT NULL,
    value     REAL NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
);

-- Half-year indicators (period '2025-H1'); NULL = not reported.
CREATE TABLE cluster_indicators (
    cluster_id            TEXT NOT NULL,
    period                TEXT NOT NULL,
    sales_change_pct      REAL,
    closures_growth_pct   REAL,
    employment_change_pct REAL,
    firms                 INTEGER,
    note                  TEXT NOT NULL DEFAULT '',
    source                TEXT NOT NULL DEFAULT '',
    imported_at           TEXT NOT NULL,
    PRIMARY KEY (cluster_id, period)
);

-- The level each cluster was rated in each half-year (the history), and why.
CREATE TABLE cluster_levels (
    cluster_id TEXT NOT NULL,
    period     TEXT NOT NULL,
    level      TEXT NOT NULL,
    reasons    TEXT NOT NULL DEFAULT '[]',
    rated_at   TEXT NOT NULL,
    rated_by   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (cluster_id, period)
);
CREATE INDEX cluster_levels_period ON cluster_levels (period, level);

-- Firms linked to a cluster by hand (overrides the automatic match; '' = no cluster).
CREATE TABLE cluster_firms (
    firm_id    TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    linked_at  TEXT NOT NULL,
    linked_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cluster_firms_cluster ON cluster_firms (cluster_id);

-- Agencies' support programs. Lists are ';'-separated ('*' = any); dates ISO or ''.
CREATE TABLE programs (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    agency_id  TEXT NOT NULL DEFAULT '',
    field_code TEXT NOT NULL DEFAULT '',
    track      TEXT NOT NULL DEFAULT '',
    regions    TEXT NOT NULL DEFAULT '*',
    sizes      TEXT NOT NULL DEFAULT '*',
    ksic       TEXT NOT NULL DEFAULT '*',
    min_years  INTEGER,
    max_years  INTEGER,
    apply_from TEXT NOT NULL DEFAULT '',
    apply_to   TEXT NOT NULL DEFAULT '',
    contact    TEXT NOT NULL DEFAULT '',
    summary    TEXT NOT NULL DEFAULT '',
    keywords   TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE INDEX programs_field ON programs (field_code);

-- Facts about a firm that eligibility needs and the firm card does not hold.
CREATE TABLE firm_profiles (
    firm_id    TEXT PRIMARY KEY,
    founded_on TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- First reply of each case (dashboard: days to reply). The query repeats this WHERE.
CREATE INDEX case_events_reply ON case_events (case_id, at)
    WHERE kind = 'status' AND payload LIKE '%"action": "reply"%';
-- Satisfaction call-backs (the follow-up register).
CREATE INDEX case_events_followup ON case_events (case_id, at) WHERE kind = 'followup';
"""
