"""The SQL behind the dashboard: one :class:`~desktop.core.dashboard.DashboardFigures` for a case filter.

Grouped counts reuse :mod:`desktop.store.report_queries`, so the dashboard, the printed
reports and the Excel summary count exactly the same cases. Everything is grouped in SQL
(histograms, not rows) and finished by the pure functions of :mod:`desktop.core.dashboard`;
the texts read for keywords are capped per field (the most recent ones).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

from desktop.core import dashboard as dash
from desktop.core import workflow
from desktop.store import clusters as store_clusters
from desktop.store import queries, reference
from desktop.store.db import Database

Check = Callable[[], None]
"""Called between steps; raising stops the computation (the GUI's cancel)."""

# The partial index case_events_reply (schema 4) serves exactly this condition.


def _where(filt: queries.CaseFilter, now: datetime) -> tuple[str, dict[str, object]]:
    return queries._where(filt, now)


@dataclass(frozen=True, slots=True)
class Cube:
    """One grouped pass over the selected cases: per-column groups, satisfaction histogram, totals."""

    groups: dict[str, list[dash.GroupFigure]]
    scores: dict[int, int]
    total: dash.GroupFigure


def grouped_counts(db: Database, filt: queries.CaseFilter, now: datetime) -> Cube:
    """Counts by field, agency, status and month, and the satisfaction scores, in one pass.

    Same figures as :func:`desktop.store.report_queries.group_counts` for each of the four
    columns (same filter, same overdue rule), for the cost of one grouped scan whose few
    thousand rows are summed up here.
    """
    where, params = _where(filt, now)
    params["gnow"] = now.isoformat(timespec="seconds")
    rows = db.all(
        "SELECT field_code AS f, agency_id AS a, status AS s, substr(received_at, 1, 7) AS m, "
        "satisfaction AS score, count(*) AS n, sum(onsite) AS onsite, sum(is_open) AS open, "
        "sum(is_open = 1 AND deadline_at > '' AND deadline_at < :gnow) AS overdue "
        f"FROM cases WHERE {where} GROUP BY f, a, s, m, score",
        params,
    )
    sums: dict[str, dict[str, list[int]]] = {"field_code": {}, "agency_id": {}, "status": {}, "month": {}}
    scores: dict[int, int] = {}
    total = [0, 0, 0, 0]
    for r in rows:
        values = (int(r["n"]), int(r["onsite"] or 0), int(r["open"] or 0), int(r["overdue"] or 0))
        keys = (("field_code", r["f"]), ("agency_id", r["a"]), ("status", r["s"]), ("month", r["m"]))
        for column, key in keys:
            into = sums[column].setdefault(str(key or ""), [0, 0, 0, 0])
            for i, v in enumerate(values):
                into[i] += v
        for i, v in enumerate(values):
            total[i] += v
        if r["score"] is not None:
            scores[int(r["score"])] = scores.get(int(r["score"]), 0) + values[0]
    return Cube(
        {
            column: [dash.GroupFigure(key, *values) for key, values in sorted(groups.items())]
            for column, groups in sums.items()
        },
        scores,
        dash.GroupFigure("", *total),
    )


def distinct_firms(db: Database, filt: queries.CaseFilter, now: datetime) -> int:
    where, params = _where(filt, now)
    return int(db.scalar(f"SELECT count(DISTINCT firm_id) FROM cases WHERE {where}", params) or 0)


def reply_days(
    db: Database, filt: queries.CaseFilter, now: datetime
) -> tuple[tuple[dash.ReplyFigure, ...], float | None]:
    """Per agency: replied cases and the median calendar days from receipt to the first reply.

    Days are rounded to 0.1 in SQL so each agency is a small histogram; the overall median
    is taken over every replied case. The histogram is counted here while the rows stream by:
    a GROUP BY would first sort every replied case (~50 MB at a million cases).
    """
    where, params = _where(filt, now)
    cursor = db.conn.cursor()
    cursor.row_factory = None  # plain (agency, days) tuples for the counter
    try:
        cursor.execute(
            "WITH r AS (SELECT case_id, min(at) AS first_at FROM case_events "
            f"WHERE {queries.REPLY_EVENT} GROUP BY case_id), "
            f"sel AS (SELECT id, agency_id, received_at FROM cases WHERE {where}) "
            "SELECT sel.agency_id, "
            "round(max(julianday(r.first_at) - julianday(sel.received_at), 0), 1) "
            "FROM sel JOIN r ON r.case_id = sel.id",
            params,
        )
        counted = Counter(cursor)
    finally:
        cursor.close()
    per_agency: dict[str, dict[float, int]] = {}
    overall: dict[float, int] = {}
    for (agency, d), n in counted.items():
        days = float(d)
        hist = per_agency.setdefault(str(agency or ""), {})
        hist[days] = hist.get(days, 0) + n
        overall[days] = overall.get(days, 0) + n
    figures = [
        dash.ReplyFigure(agency, sum(hist.values()), dash.median_from_counts(hist))
        for agency, hist in per_agency.items()
    ]
    figures.sort(key=lambda f: (f.median_days if f.median_days is not None else 1e9, -f.replied, f.agency_id))
    return tuple(figures), dash.median_from_counts(overall)


def overdue_buckets(db: Database, filt: queries.CaseFilter, now: datetime) -> tuple[dash.BucketFigure, ...]:
    """Overdue open cases by whole days past their deadline (day 1 = less than 24 hours late)."""
    where, params = _where(replace(filt, overdue=True), now)
    params["bnow"] = now.isoformat(timespec="seconds")
    rows = db.all(
        "SELECT CAST(julianday(:bnow) - julianday(deadline_at) AS INTEGER) + 1 AS late, count(*) AS n "
        f"FROM cases WHERE {where} GROUP BY late",
        params,
    )
    return dash.bucket_counts((int(r["late"]), int(r["n"])) for r in rows)


def satisfaction(db: Database, filt: queries.CaseFilter, now: datetime) -> dash.SatisfactionFigure:
    where, params = _where(filt, now)
    rows = db.all(
        f"SELECT satisfaction AS s, count(*) AS n FROM cases WHERE {where} AND satisfaction IS NOT NULL "
        "GROUP BY s",
        params,
    )
    return dash.satisfaction_figure({int(r["s"]): int(r["n"]) for r in rows})


def keywords(
    db: Database,
    filt: queries.CaseFilter,
    now: datetime,
    field_codes: list[str],
    *,
    sample: int = dash.KEYWORD_SAMPLE,
    check: Check | None = None,
) -> tuple[dash.FieldKeywords, ...]:
    """Top recurring words per field, from each field's ``sample`` most recent texts."""
    where, params = _where(filt, now)
    out: list[dash.FieldKeywords] = []
    for code in field_codes:
        if filt.field_code and filt.field_code != code:
            continue
        if check is not None:
            check()
        rows = db.all(
            f"SELECT text, result_code FROM cases WHERE {where} AND field_code = :kw_field "
            "ORDER BY received_at DESC LIMIT :kw_limit",
            {**params, "kw_field": code, "kw_limit": sample},
        )
        words = dash.top_keywords((r["text"], r["result_code"]) for r in rows)
        if words:
            out.append(dash.FieldKeywords(code, len(rows), words))
    return tuple(out)


def cluster_levels(db: Database) -> dash.ClusterLevelsFigure | None:
    period, counts = store_clusters.level_counts(db)
    if not period:
        return None
    return dash.ClusterLevelsFigure(period, tuple(counts.items()))


def dashboard_figures(
    db: Database,
    filt: queries.CaseFilter | None = None,
    now: datetime | None = None,
    *,
    keyword_sample: int = dash.KEYWORD_SAMPLE,
    check: Check | None = None,
) -> dash.DashboardFigures:
    """Every dashboard figure for the cases of ``filt`` (default: all cases), as of ``now``.

    Safe in a worker thread with its own connection; ``check`` is called between steps so a
    GUI can cancel. Reports call this same function (see ``reports.dashboard_tables``).
    """
    moment = now or datetime.now().replace(microsecond=0)
    chosen = filt or queries.CaseFilter()

    def step() -> None:
        if check is not None:
            check()

    cube = grouped_counts(db, chosen, moment)
    step()
    firms = distinct_firms(db, chosen, moment)
    step()
    ref = reference.reference_data(db)
    field_order = {str(f.code): i for i, f in enumerate(ref.fields)}
    groups = cube.groups
    by_field = sorted(groups["field_code"], key=lambda g: (field_order.get(g.key, 999), g.key))
    by_agency = sorted(groups["agency_id"], key=lambda g: (-g.total, g.key))
    status_order = {s.code: i for i, s in enumerate(workflow.STATUSES)}
    by_status = sorted(groups["status"], key=lambda g: status_order.get(g.key, 99))
    by_month = groups["month"]
    step()
    replies, reply_median = reply_days(db, chosen, moment)
    step()
    buckets = overdue_buckets(db, chosen, moment)
    feeling = dash.satisfaction_figure(cube.scores)
    step()
    words = keywords(db, chosen, moment, [f.code for f in ref.fields], sample=keyword_sample, check=check)
    return dash.DashboardFigures(
        generated_at=moment,
        date_from=chosen.received_from,
        date_to=chosen.received_to,
        total=cube.total.total,
        firms=firms,
        onsite=cube.total.onsite,
        open=cube.total.open,
        overdue=cube.total.overdue,
        by_field=tuple(by_field),
        by_agency=tuple(by_agency),
        by_status=tuple(by_status),
        by_month=tuple(by_month),
        reply_days=replies,
        reply_median_days=reply_median,
        overdue_buckets=buckets,
        keywords=words,
        satisfaction=feeling,
        clusters=cluster_levels(db),
    )


def period_filter(date_from: date | None, date_to: date | None, **more: object) -> queries.CaseFilter:
    """The case filter of a reporting period (received from..to, both inclusive)."""
    return queries.CaseFilter(received_from=date_from, received_to=date_to, **more)  # type: ignore[arg-type]
