"""``onestop clusters ...``: SME clusters (industry × region), their indicators, levels and firms.

Registered by ``desktop.cli_coord.add_coord_commands``; commands take ``(db, args, out)``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli_support import Out, command_actor
from desktop.core import clusters as cl
from desktop.core.errors import reject
from desktop.store import cluster_firms
from desktop.store import clusters as store_clusters
from desktop.store.db import Database


def _rating_dict(row: store_clusters.ClusterRow, lang: str) -> dict[str, Any]:
    r, ind, track = row.rating, row.indicators, row.rating.track
    return {
        "id": row.cluster.id,
        "name": row.cluster.name(lang),
        "region": row.cluster.region_code,
        "city": row.cluster.city,
        "ksic": list(row.cluster.ksic),
        "period": r.period,
        "level": r.level.code,
        "level_name": r.level.name_en if lang == "en" else r.level.name_ko,
        "previous": row.previous.code if row.previous else None,
        "trend": row.trend,
        "reasons": list(r.reasons(lang)),
        "sales_change_pct": ind.sales_change_pct if ind else None,
        "closures_growth_pct": ind.closures_growth_pct if ind else None,
        "employment_change_pct": ind.employment_change_pct if ind else None,
        "track": track.code if track else None,
    }


def cmd_clusters_list(db: Database, args: argparse.Namespace, out: Out) -> None:
    period = cl.parse_period(args.period) if args.period else None
    rows = store_clusters.overview(db, period)
    if args.level:
        wanted = cl.level(args.level).code
        rows = [r for r in rows if r.rating.level.code == wanted]
    rows = rows[: args.limit] if args.limit else rows
    data = [_rating_dict(r, out.lang) for r in rows]
    arrows = {1: "↑", -1: "↓", 0: ""}
    lines = [
        f"{d['id']:<18} {d['level_name']:<6}{arrows[d['trend']]:<2} {d['name']}  "
        f"{out.t('매출', 'sales')} {d['sales_change_pct'] if d['sales_change_pct'] is not None else '-'}% · "
        f"{out.t('휴폐업', 'closures')} "
        f"{d['closures_growth_pct'] if d['closures_growth_pct'] is not None else '-'}%"
        for d in data
    ]
    period_shown = rows[0].rating.period if rows else (period or "")
    head = out.t(
        f"{cl.period_text(period_shown) if period_shown else '평가 없음'} 밀집지역 {len(rows)}곳",
        f"{cl.period_text(period_shown, 'en') if period_shown else 'not rated'}: {len(rows)} clusters",
    )
    out.emit(data, "\n".join([head, *lines]))


def cmd_clusters_show(db: Database, args: argparse.Namespace, out: Out) -> None:
    cluster = store_clusters.get_cluster(db, args.cluster)
    history = store_clusters.history(db, cluster.id)
    linked = cluster_firms.firms_of_cluster(db, cluster.id, limit=args.limit)
    latest = history[-1].rating if history else None
    track = latest.track if latest else None
    data = {
        "id": cluster.id,
        "name": cluster.name(out.lang),
        "kind": cluster.kind,
        "region": cluster.region_code,
        "city": cluster.city,
        "ksic": list(cluster.ksic),
        "history": [
            {
                "period": h.period,
                "level": h.rating.level.code,
                "reasons": list(h.rating.reasons(out.lang)),
                "sales_change_pct": h.indicators.sales_change_pct if h.indicators else None,
                "closures_growth_pct": h.indicators.closures_growth_pct if h.indicators else None,
                "employment_change_pct": h.indicators.employment_change_pct if h.indicators else None,
            }
            for h in history
        ],
        "track": None
        if track is None
        else {
            "code": track.code,
            "name": track.name(out.lang),
            "services": [s.name_ko for s in track.services],
        },
        "firms": [
            {"id": f.firm.id, "name": f.firm.name, "manual": f.manual, "open_cases": f.open_cases}
            for f in linked
        ],
    }
    lines = [f"{cluster.id} {cluster.name(out.lang)} ({cluster.kind}, {cluster.city})"]
    for h in history:
        name = h.rating.level.name_en if out.lang == "en" else h.rating.level.name_ko
        lines.append(f"  {h.period}: {name}  {'; '.join(h.rating.reasons(out.lang))}")
    if track is not None:
        lines.append(
            out.t("추천 지원: ", "Suggested support: ")
            + track.name(out.lang)
            + " — "
            + ", ".join(s.name_en if out.lang == "en" else s.name_ko for s in track.services)
        )
    lines.append(out.t(f"소속 기업 {len(linked)}곳", f"{len(linked)} firms"))
    lines += [f"  {f.firm.name}{' *' if f.manual else ''} ({f.open_cases})" for f in linked]
    out.emit(data, "\n".join(lines))


def cmd_clusters_import(db: Database, args: argparse.Namespace, out: Out) -> None:
    from reports.excel.coord_import import import_indicators

    preview, result = import_indicators(db, Path(args.file), command_actor(db), dry_run=args.dry_run)
    data: dict[str, Any] = {
        "file": str(preview.source),
        "rows": len(preview.records),
        "sheets": [
            {"name": t.sheet, "header_row": t.header_row, "rows": len(t.rows)} for t in preview.tables
        ],
        "dry_run": args.dry_run,
    }
    if result is None:
        text = out.t(
            f"검사 완료: {len(preview.records):,}행을 가져올 수 있습니다. 저장하지 않았습니다.",
            f"Checked: {len(preview.records):,} rows can be imported. Nothing was stored.",
        )
    else:
        counts: dict[str, dict[str, int]] = {}
        for rating in result.ratings:
            counts.setdefault(rating.period, {})
            counts[rating.period][rating.level.code] = counts[rating.period].get(rating.level.code, 0) + 1
        data.update(added=result.added, replaced=result.replaced, periods=list(result.periods), levels=counts)
        text = out.t(
            f"지표 {result.added:,}행 추가, {result.replaced:,}행 교체. "
            f"평가한 반기: {', '.join(result.periods)}",
            f"{result.added:,} rows added, {result.replaced:,} replaced. Rated: {', '.join(result.periods)}",
        )
    out.emit(data, text)


def cmd_clusters_rate(db: Database, args: argparse.Namespace, out: Out) -> None:
    chosen = (
        store_clusters.periods(db)
        if args.all
        else [cl.parse_period(args.period)]
        if args.period
        else [p for p in [max(store_clusters.periods(db), default="")] if p]
    )
    if not chosen:
        raise reject("period", "평가할 지표가 없습니다.", "There are no indicators to rate.")
    actor = command_actor(db)
    summary = {}
    for period in chosen:
        ratings = store_clusters.rate_period(db, period, actor)
        summary[period] = cl.level_counts(ratings)
    lines = [
        f"{p}: "
        + ", ".join(
            f"{cl.level(code).name_ko if out.lang != 'en' else code} {n}" for code, n in c.items() if n
        )
        for p, c in summary.items()
    ]
    out.emit(summary, "\n".join(lines))


def cmd_clusters_thresholds(db: Database, args: argparse.Namespace, out: Out) -> None:
    actor = command_actor(db)
    if args.reset:
        store_clusters.reset_thresholds(db, actor)
    elif args.load:
        from desktop.core import coord_tables

        store_clusters.save_thresholds(db, coord_tables.load_thresholds(Path(args.load)), actor)
    rules = store_clusters.thresholds(db)
    data = [
        {
            "level": r.level,
            "group": r.group,
            "indicator": r.indicator,
            "op": r.op,
            "value": r.value,
            "note": r.note,
        }
        for r in rules
    ]
    lines = [
        f"{cl.level(r.level).name_ko if out.lang != 'en' else r.level} [{r.group}] {r.text(out.lang)}"
        for r in rules
    ]
    out.emit(data, "\n".join(lines))


def cmd_clusters_link(db: Database, args: argparse.Namespace, out: Out) -> None:
    from reports.data import find_firm

    firm = find_firm(db, args.firm)
    cluster_firms.link_firm(db, firm.id, args.cluster, command_actor(db))
    cluster, manual = cluster_firms.cluster_of_firm(db, firm)
    data = {"firm": firm.id, "cluster": cluster.id if cluster else None, "manual": manual}
    out.emit(data, f"{firm.name} → {cluster.name(out.lang) if cluster else '-'}")


def cmd_clusters_demo(db: Database, args: argparse.Namespace, out: Out) -> None:
    result = store_clusters.load_demo_indicators(db, command_actor(db), seed=args.seed)
    out.emit(
        {"added": result.added, "replaced": result.replaced, "periods": list(result.periods)},
        out.t(
            f"데모 지표 {result.added + result.replaced:,}행 ({', '.join(result.periods)})",
            f"{result.added + result.replaced:,} demo indicator rows ({', '.join(result.periods)})",
        ),
    )
