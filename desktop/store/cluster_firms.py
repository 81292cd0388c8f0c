"""Which firms belong to which cluster: links made by hand and the automatic match (region, city, KSIC)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.core import clusters as cl
from desktop.core import roles, routing
from desktop.core.records import Actor, Firm
from desktop.store import audit, firms, reference
from desktop.store.clock import Now, iso, system_now
from desktop.store.clusters import get_cluster, latest_rating, list_clusters
from desktop.store.db import Database


@dataclass(frozen=True, slots=True)
class LinkedFirm:
    """A firm of a cluster: linked by hand or matched automatically (region, city, KSIC)."""

    firm: Firm
    manual: bool
    open_cases: int


def _resolver(db: Database, on: date) -> Callable[[str], str]:
    """Region code -> the code valid on ``on`` (전남 46 and 전남광주 49 compare equal after the merger)."""
    ref = reference.reference_data(db)
    return lambda code: routing.current_region_code(code, on, ref)


def cluster_of_firm(db: Database, firm: Firm, on: date | None = None) -> tuple[cl.Cluster | None, bool]:
    """(cluster, linked by hand) of a firm: its manual link if any, else the automatic match."""
    row = db.one("SELECT cluster_id FROM cluster_firms WHERE firm_id = ?", (firm.id,))
    if row is not None:
        if not row["cluster_id"]:
            return None, True
        found = [c for c in list_clusters(db) if c.id == row["cluster_id"]]
        return (found[0] if found else None), True
    match = cl.cluster_for_firm(
        firm.region_code, firm.address, firm.ksic, list_clusters(db), _resolver(db, on or date.today())
    )
    return match, False


def firm_level(
    db: Database, firm: Firm, on: date | None = None
) -> tuple[cl.Cluster | None, cl.Rating | None]:
    """The firm's cluster and that cluster's latest rating (None when not rated)."""
    cluster, _ = cluster_of_firm(db, firm, on)
    if cluster is None:
        return None, None
    return cluster, latest_rating(db, cluster.id)


def link_firm(db: Database, firm_id: str, cluster_id: str, actor: Actor, now: Now = system_now) -> None:
    """Link a firm to a cluster by hand ('' = belongs to no cluster; ``auto`` = drop the manual link).

    Raises:
        RejectedInput: the actor is not a coordinator, or the firm or the cluster is unknown.
    """
    roles.require(actor, "cluster.link")
    firm = firms.get_firm(db, firm_id)
    target = "" if cluster_id in ("", "-") else cluster_id
    with db.transaction():
        if target == "auto":
            db.execute("DELETE FROM cluster_firms WHERE firm_id = ?", (firm.id,))
        else:
            if target:
                target = get_cluster(db, target).id
            db.execute(
                "INSERT OR REPLACE INTO cluster_firms (firm_id, cluster_id, linked_at, linked_by) "
                "VALUES (?,?,?,?)",
                (firm.id, target, iso(now()), actor.name),
            )
        audit.record(db, actor, "clusters.link", firm.id, detail=target, now=now)


def firms_of_cluster(
    db: Database, cluster_id: str, limit: int = 500, on: date | None = None
) -> list[LinkedFirm]:
    """Firms of a cluster: linked by hand, then those matched automatically (not linked elsewhere)."""
    cluster = get_cluster(db, cluster_id)
    every = list_clusters(db)
    resolve = _resolver(db, on or date.today())
    manual_rows = db.all("SELECT firm_id, cluster_id FROM cluster_firms")
    manual = {r["firm_id"]: r["cluster_id"] for r in manual_rows}
    region = resolve(cluster.region_code)
    codes = sorted({r.code for r in reference.reference_data(db).regions if resolve(r.code) == region})
    marks = ", ".join("?" * len(codes))
    city = "".join(cluster.city.split())
    candidates = db.all(
        f"SELECT {firms.FIRM_COLUMNS} FROM firms WHERE deleted = 0 AND region_code IN ({marks}) "
        "AND instr(replace(address, ' ', ''), ?) > 0 ORDER BY name LIMIT ?",
        [*codes, city, limit * 4],
    )
    found: list[tuple[Firm, bool]] = []
    for row in db.all(
        f"SELECT {firms.FIRM_COLUMNS} FROM firms WHERE deleted = 0 AND id IN "
        "(SELECT firm_id FROM cluster_firms WHERE cluster_id = ?) ORDER BY name",
        (cluster.id,),
    ):
        found.append((firms.row_to_firm(row), True))
    for row in candidates:
        firm = firms.row_to_firm(row)
        if firm.id in manual:
            continue
        match = cl.cluster_for_firm(firm.region_code, firm.address, firm.ksic, every, resolve)
        if match is not None and match.id == cluster.id:
            found.append((firm, False))
    found = found[:limit]
    counts: dict[str, int] = {}
    ids = [f.id for f, _ in found]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for r in db.all(
            f"SELECT firm_id, count(*) AS n FROM cases WHERE deleted = 0 AND is_open = 1 AND firm_id IN "
            f"({', '.join('?' * len(chunk))}) GROUP BY firm_id",
            chunk,
        ):
            counts[r["firm_id"]] = int(r["n"])
    return [LinkedFirm(firm, manual_link, counts.get(firm.id, 0)) for firm, manual_link in found]
