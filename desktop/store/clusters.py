"""Clusters in the store: the reference list, threshold rules, half-year indicators, rated levels.

``clusters.csv`` is reloaded when it changes (like the other reference CSVs, but tracked in
``meta`` so ``desktop.store.reference`` stays untouched). ``cluster_thresholds.csv`` only
seeds the rules: once a coordinator edits them, the edits stay until "reset to defaults".
A half-year is rated when its indicators are imported and again on request; re-rating
overwrites that half-year's levels and writes every change to the audit log. Which firms
belong to a cluster is :mod:`desktop.store.cluster_firms`.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core import clusters as cl
from desktop.core import coord_tables
from desktop.core.errors import Problem, RejectedInput, reject
from desktop.core.records import Actor
from desktop.resources import reference_dir
from desktop.store import audit, driver, reference
from desktop.store.clock import Now, iso, system_now
from desktop.store.db import Database
from desktop.store.opening import get_meta

_META_KEY = "coord_ref:clusters"
_CACHE_KEY = "coord_clusters"
_RULES_CACHE_KEY = "coord_thresholds"
_READY_KEY = "coord_clusters_ready"


@dataclass(frozen=True, slots=True)
class ClusterRow:
    """One line of the cluster overview: the cluster, its rating in a half-year and the one before."""

    cluster: cl.Cluster
    rating: cl.Rating
    indicators: cl.Indicators | None
    previous: cl.Level | None
    linked_firms: int = 0

    @property
    def trend(self) -> int:
        return cl.trend(self.previous, self.rating.level)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One half-year of a cluster: its indicators and the level it was rated."""

    period: str
    indicators: cl.Indicators | None
    rating: cl.Rating


@dataclass(frozen=True, slots=True)
class IndicatorImport:
    """What an indicator import stored: rows added and replaced, the half-years rated."""

    added: int
    replaced: int
    periods: tuple[str, ...]
    ratings: tuple[cl.Rating, ...]


# --- reference loading ----------------------------------------------------------------------------


def ensure_clusters(db: Database, folder: Path | None = None) -> bool:
    """Load clusters.csv if it changed since it was last loaded, and seed the threshold rules once.

    Returns True when something was loaded. A read-only store is left alone.

    Raises:
        RejectedInput: the CSV is invalid (nothing is changed).
    """
    if db.readonly:
        return False
    folder = folder or reference_dir()
    path = folder / coord_tables.CLUSTERS_CSV
    digest = coord_tables.fingerprint([path])
    loaded = False
    if get_meta(db, _META_KEY) != digest:
        regions = {r.code for r in reference.reference_data(db).regions}
        records = coord_tables.load_clusters(path, regions)
        with db.transaction():
            db.execute("DELETE FROM clusters")
            db.executemany(
                "INSERT INTO clusters (id, name_ko, name_en, kind, region_code, city, ksic, sort_order) "
                "VALUES (?,?,?,?,?,?,?,?)",
                [
                    (
                        c.id,
                        c.name_ko,
                        c.name_en,
                        c.kind,
                        c.region_code,
                        c.city,
                        ";".join(c.ksic),
                        c.sort_order,
                    )
                    for c in records
                ],
            )
            _set_meta(db, _META_KEY, digest)
        loaded = True
    if not db.scalar("SELECT count(*) FROM cluster_thresholds"):
        _write_rules(db, coord_tables.load_thresholds(folder / coord_tables.THRESHOLDS_CSV))
        loaded = True
    if loaded:
        db.cache.pop(_CACHE_KEY, None)
        db.cache.pop(_RULES_CACHE_KEY, None)
    return loaded


def _set_meta(db: Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _ready(db: Database) -> None:
    """Load the cluster reference once per connection (``forget_cached`` makes it look again)."""
    if not db.cache.get(_READY_KEY):
        ensure_clusters(db)
        db.cache[_READY_KEY] = True


def list_clusters(db: Database) -> tuple[cl.Cluster, ...]:
    """Every active cluster, in reference order (cached on the connection)."""
    _ready(db)
    cached = db.cache.get(_CACHE_KEY)
    if isinstance(cached, tuple):
        return cached
    found = tuple(
        cl.Cluster(
            r["id"],
            r["name_ko"],
            r["name_en"],
            r["kind"],
            r["region_code"],
            r["city"],
            tuple(k for k in r["ksic"].split(";") if k),
            r["sort_order"],
        )
        for r in db.all("SELECT * FROM clusters WHERE active = 1 ORDER BY sort_order, id")
    )
    db.cache[_CACHE_KEY] = found
    return found


def get_cluster(db: Database, cluster_id: str) -> cl.Cluster:
    """A cluster by id or exact name (Korean or English).

    Raises:
        RejectedInput: field ``cluster`` when unknown.
    """
    key = "".join(cluster_id.casefold().split())
    for cluster in list_clusters(db):
        if key in {
            c.casefold().replace(" ", "") for c in (cluster.id, cluster.name_ko, cluster.name_en) if c
        }:
            return cluster
    raise reject(
        "cluster", f"밀집지역을 찾을 수 없습니다: '{cluster_id}'", f"No such cluster: '{cluster_id}'"
    )


# --- threshold rules ------------------------------------------------------------------------------


def thresholds(db: Database) -> tuple[cl.ThresholdRule, ...]:
    """The threshold rules in force (severe first, then by group)."""
    _ready(db)
    cached = db.cache.get(_RULES_CACHE_KEY)
    if isinstance(cached, tuple):
        return cached
    rules = tuple(
        cl.ThresholdRule(r["level"], r["grp"], r["indicator"], r["op"], float(r["value"]), r["note"])
        for r in db.all("SELECT * FROM cluster_thresholds ORDER BY id")
    )
    db.cache[_RULES_CACHE_KEY] = rules
    return rules


def _write_rules(db: Database, rules: Sequence[cl.ThresholdRule]) -> None:
    with db.transaction():
        db.execute("DELETE FROM cluster_thresholds")
        db.executemany(
            "INSERT INTO cluster_thresholds (level, grp, indicator, op, value, note) VALUES (?,?,?,?,?,?)",
            [(r.level, r.group, r.indicator, r.op, r.value, r.note) for r in rules],
        )
    db.cache.pop(_RULES_CACHE_KEY, None)


def save_thresholds(
    db: Database,
    rules: Sequence[cl.ThresholdRule],
    actor: Actor,
    *,
    rerate: Iterable[str] | None = None,
    now: Now = system_now,
) -> tuple[cl.Rating, ...]:
    """Replace the threshold rules and re-rate half-years (default: the latest one only).

    Earlier half-years keep the level they were given, so the history stays what was
    announced; pass ``rerate`` to re-rate others too.

    Raises:
        RejectedInput: a rule is malformed or a level has no rule (nothing is changed).
    """
    problems = [
        Problem(column, ko, en, None, index + 1 if index >= 0 else None)
        for index, column, ko, en in cl.check_rules(rules)
    ]
    if problems:
        raise RejectedInput(problems)
    old = thresholds(db)
    periods = tuple(rerate) if rerate is not None else tuple(p for p in [latest_period(db)] if p)
    with db.transaction():
        _write_rules(db, rules)
        audit.record(
            db,
            actor,
            "clusters.thresholds",
            detail=json.dumps(
                {"old": [_rule_json(r) for r in old], "new": [_rule_json(r) for r in rules]},
                ensure_ascii=False,
            ),
            now=now,
        )
        rated: list[cl.Rating] = []
        for period in periods:
            rated.extend(rate_period(db, period, actor, now=now))
    return tuple(rated)


def reset_thresholds(db: Database, actor: Actor, folder: Path | None = None) -> tuple[cl.ThresholdRule, ...]:
    """Put the shipped default rules (cluster_thresholds.csv) back and re-rate the latest half-year."""
    rules = coord_tables.load_thresholds((folder or reference_dir()) / coord_tables.THRESHOLDS_CSV)
    save_thresholds(db, rules, actor)
    return rules


def _rule_json(rule: cl.ThresholdRule) -> dict[str, object]:
    return {
        "level": rule.level,
        "group": rule.group,
        "indicator": rule.indicator,
        "op": rule.op,
        "value": rule.value,
    }


# --- indicators and ratings -----------------------------------------------------------------------


def _indicators(row: driver.Row) -> cl.Indicators:
    return cl.Indicators(
        row["cluster_id"],
        row["period"],
        row["sales_change_pct"],
        row["closures_growth_pct"],
        row["employment_change_pct"],
        row["firms"],
        row["note"],
    )


def import_indicators(
    db: Database, records: Sequence[cl.Indicators], source: str, actor: Actor, now: Now = system_now
) -> IndicatorImport:
    """Store checked indicator rows (all in one transaction) and rate the half-years they cover.

    A (cluster, half-year) already stored is replaced: a corrected sheet wins.
    """
    known = {c.id for c in list_clusters(db)}
    unknown = sorted({r.cluster_id for r in records} - known)
    if unknown:
        raise reject(
            "cluster",
            f"등록되지 않은 밀집지역: {', '.join(unknown)}",
            f"Unknown clusters: {', '.join(unknown)}",
        )
    stamp = iso(now())
    added = replaced = 0
    periods = tuple(sorted({r.period for r in records}))
    with db.transaction():
        for r in records:
            exists = db.scalar(
                "SELECT 1 FROM cluster_indicators WHERE cluster_id = ? AND period = ?",
                (r.cluster_id, r.period),
            )
            replaced += bool(exists)
            added += not exists
            db.execute(
                "INSERT OR REPLACE INTO cluster_indicators (cluster_id, period, sales_change_pct, "
                "closures_growth_pct, employment_change_pct, firms, note, source, imported_at) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    r.cluster_id,
                    r.period,
                    r.sales_change_pct,
                    r.closures_growth_pct,
                    r.employment_change_pct,
                    r.firms,
                    r.note,
                    source,
                    stamp,
                ),
            )
        audit.record(
            db, actor, "clusters.import", source, detail=f"added={added} replaced={replaced}", now=now
        )
        ratings: list[cl.Rating] = []
        for period in periods:
            ratings.extend(rate_period(db, period, actor, now=now))
    return IndicatorImport(added, replaced, periods, tuple(ratings))


def indicators_of(db: Database, period: str) -> dict[str, cl.Indicators]:
    return {
        r["cluster_id"]: _indicators(r)
        for r in db.all("SELECT * FROM cluster_indicators WHERE period = ?", (period,))
    }


def rate_period(db: Database, period: str, actor: Actor, *, now: Now = system_now) -> list[cl.Rating]:
    """Rate every cluster with indicators in ``period`` with the rules in force; store the levels."""
    rules = thresholds(db)
    ratings = [cl.rate_cluster(ind, rules) for ind in indicators_of(db, period).values()]
    stamp = iso(now())
    with db.transaction():
        old = {
            r["cluster_id"]: r["level"]
            for r in db.all("SELECT cluster_id, level FROM cluster_levels WHERE period = ?", (period,))
        }
        db.executemany(
            "INSERT OR REPLACE INTO cluster_levels (cluster_id, period, level, reasons, rated_at, rated_by) "
            "VALUES (?,?,?,?,?,?)",
            [
                (
                    r.cluster_id,
                    period,
                    r.level.code,
                    json.dumps(
                        [[_rule_json(rule) for rule in group] for group in r.groups], ensure_ascii=False
                    ),
                    stamp,
                    actor.name,
                )
                for r in ratings
            ],
        )
        changed = [r for r in ratings if old.get(r.cluster_id) != r.level.code]
        if changed:
            audit.record(
                db,
                actor,
                "clusters.rate",
                period,
                detail=json.dumps(
                    {r.cluster_id: [old.get(r.cluster_id, ""), r.level.code] for r in changed},
                    ensure_ascii=False,
                ),
                now=now,
            )
    return ratings


def _rating(row: driver.Row) -> cl.Rating:
    groups = tuple(
        tuple(
            cl.ThresholdRule(row["level"], f"G{n}", str(g["indicator"]), str(g["op"]), float(g["value"]))
            for g in group
        )
        for n, group in enumerate(json.loads(row["reasons"] or "[]"))
    )
    return cl.Rating(row["cluster_id"], row["period"], cl.level(row["level"]), groups)


def periods(db: Database) -> list[str]:
    """Half-years with indicators or levels, oldest first."""
    return [
        r[0]
        for r in db.all(
            "SELECT period FROM cluster_indicators UNION SELECT period FROM cluster_levels ORDER BY 1"
        )
    ]


def latest_period(db: Database) -> str:
    """The latest rated half-year ('' when none)."""
    return str(db.scalar("SELECT max(period) FROM cluster_levels") or "")


def ratings(db: Database, period: str) -> dict[str, cl.Rating]:
    return {
        r["cluster_id"]: _rating(r)
        for r in db.all("SELECT * FROM cluster_levels WHERE period = ?", (period,))
    }


def latest_rating(db: Database, cluster_id: str) -> cl.Rating | None:
    """The cluster's rating in its latest rated half-year (None when never rated)."""
    row = db.one(
        "SELECT * FROM cluster_levels WHERE cluster_id = ? ORDER BY period DESC LIMIT 1", (cluster_id,)
    )
    return _rating(row) if row is not None else None


def level_counts(db: Database, period: str | None = None) -> tuple[str, dict[str, int]]:
    """(half-year, clusters per level code) for ``period`` (default: the latest rated)."""
    chosen = period or latest_period(db)
    counts = {lv.code: 0 for lv in cl.LEVELS}
    for r in db.all(
        "SELECT level, count(*) AS n FROM cluster_levels WHERE period = ? GROUP BY level", (chosen,)
    ):
        counts[r["level"]] = int(r["n"])
    return chosen, counts


def overview(db: Database, period: str | None = None) -> list[ClusterRow]:
    """Every cluster with its rating in ``period`` (default: latest) and the level of the half-year before."""
    chosen = period or latest_period(db)
    now_ratings = ratings(db, chosen) if chosen else {}
    before = ratings(db, cl.previous_period(chosen)) if chosen else {}
    values = indicators_of(db, chosen) if chosen else {}
    manual = {
        r["cluster_id"]: int(r["n"])
        for r in db.all("SELECT cluster_id, count(*) AS n FROM cluster_firms GROUP BY cluster_id")
    }
    rows = []
    for cluster in list_clusters(db):
        rating = now_ratings.get(cluster.id) or cl.Rating(cluster.id, chosen, cl.UNRATED)
        previous = before.get(cluster.id)
        rows.append(
            ClusterRow(
                cluster,
                rating,
                values.get(cluster.id),
                previous.level if previous else None,
                manual.get(cluster.id, 0),
            )
        )
    return rows


def history(db: Database, cluster_id: str) -> list[HistoryRow]:
    """Every half-year of one cluster, oldest first."""
    cluster = get_cluster(db, cluster_id)
    values = {
        r["period"]: _indicators(r)
        for r in db.all("SELECT * FROM cluster_indicators WHERE cluster_id = ?", (cluster.id,))
    }
    levels = {
        r["period"]: _rating(r)
        for r in db.all("SELECT * FROM cluster_levels WHERE cluster_id = ?", (cluster.id,))
    }
    return [
        HistoryRow(p, values.get(p), levels.get(p) or cl.Rating(cluster.id, p, cl.UNRATED))
        for p in sorted(set(values) | set(levels))
    ]


# --- demo data ------------------------------------------------------------------------------------


def demo_indicators(
    clusters: Sequence[cl.Cluster], periods: Sequence[str], seed: int = 11
) -> list[cl.Indicators]:
    """Plausible half-year indicators (deterministic): most clusters steady, a few sliding into crisis."""
    rng = random.Random(seed)
    out: list[cl.Indicators] = []
    for cluster in clusters:
        drift = rng.choice((0.0, 0.0, 0.0, 0.0, -1.5, -3.0, -5.0))
        base_sales, base_closures, base_jobs = rng.uniform(-2, 5), rng.uniform(-4, 6), rng.uniform(-1.5, 2.5)
        firms_count = rng.randint(40, 320)
        for k, period in enumerate(periods):
            sales = round(base_sales + drift * k + rng.uniform(-2.5, 2.5), 1)
            closures = round(base_closures - drift * 1.5 * k + rng.uniform(-4, 4), 1)
            jobs = round(base_jobs + drift * k / 2 + rng.uniform(-1.5, 1.5), 1)
            out.append(
                cl.Indicators(
                    cluster.id,
                    period,
                    sales,
                    closures,
                    jobs if rng.random() > 0.1 else None,
                    firms_count,
                    "데모 지표",
                )
            )
    return out


def load_demo_indicators(
    db: Database, actor: Actor, *, periods: Sequence[str] | None = None, seed: int = 11, now: Now = system_now
) -> IndicatorImport:
    """Store :func:`demo_indicators` for the last four half-years before today's."""
    if periods is None:
        current = cl.period_of(now().date())
        chosen = [cl.previous_period(current)]
        while len(chosen) < 4:
            chosen.insert(0, cl.previous_period(chosen[0]))
        periods = chosen
    return import_indicators(db, demo_indicators(list_clusters(db), periods, seed), "demo", actor, now)
