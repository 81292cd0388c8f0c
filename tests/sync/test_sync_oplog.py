"""Capturing edits as ops: triggers, stamps, bulk ranges, the existing-data migration."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.records import Actor
from desktop.store import cases, driver, firms, oplog, search
from desktop.store.db import Database
from desktop.store.demo import load_demo_data
from desktop.store.migrations import MIGRATIONS, m0003_sync
from desktop.store.opening import open_store
from desktop.store.schema import _statements, current_version, migrate


def _firm(db: Database, actor: Actor, name: str = "광양철강", brn: str = "1248100998") -> str:
    firm_id, _ = firms.add_firm(db, firms.NewFirm(brn=brn, name=name), actor)
    return firm_id


def _ops(db: Database) -> list[driver.Row]:
    return db.all("SELECT stamp, tbl, row_id, col, value, replaces, local FROM sync_ops ORDER BY seq")


def test_an_insert_is_one_row_op_and_an_update_one_op_per_changed_column(db: Database, actor: Actor) -> None:
    firm_id = _firm(db, actor)
    firms.update_firm(db, firm_id, {"name": "(주)광양철강", "phone": "010-1234-5678"}, actor)
    ops = [o for o in _ops(db) if o["tbl"] == "firms"]
    assert [o["col"] for o in ops if o["col"] != "updated_at"] == ["*", "name", "phone"]
    row_op = ops[0]
    edits = [o for o in ops if o["col"] in ("name", "phone")]
    assert all(o["replaces"] == row_op["stamp"] for o in edits)
    assert edits[0]["stamp"] == edits[1]["stamp"], "one row update is one tick"
    assert edits[0]["stamp"] > row_op["stamp"]
    assert all(o["local"] == 1 for o in ops)


def test_unchanged_columns_and_local_columns_record_nothing(db: Database, actor: Actor) -> None:
    firm_id = _firm(db, actor)
    case_id, _ = cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F01", text="법인세 문의"), actor)
    before = len(_ops(db))
    with db.transaction():
        db.execute("UPDATE cases SET firm_name = '다른 이름' WHERE id = ?", (case_id,))
        db.execute("UPDATE firms SET name = name WHERE id = ?", (firm_id,))
    assert len(_ops(db)) == before


def test_a_second_edit_replaces_the_first(db: Database, actor: Actor) -> None:
    firm_id = _firm(db, actor)
    firms.update_firm(db, firm_id, {"name": "둘째"}, actor)
    firms.update_firm(db, firm_id, {"name": "셋째"}, actor)
    names = [o for o in _ops(db) if o["col"] == "name"]
    assert names[1]["replaces"] == names[0]["stamp"]
    state = oplog.field_state(db, "firms", firm_id, "name")
    assert [v for _, v in state.entries] == ["셋째"]


def test_stamps_sort_in_clock_order_even_when_the_wall_clock_goes_back(db: Database, actor: Actor) -> None:
    firm_id = _firm(db, actor)
    oplog.set_skew(db, -3_600_000)
    firms.update_firm(db, firm_id, {"name": "시계가 늦은 수정"}, actor)
    stamps = [o["stamp"] for o in _ops(db)]
    assert stamps == sorted(stamps)
    assert len(set(stamps[-2:])) == 1 or stamps[-1] > stamps[-2]


def test_synced_rows_are_never_hard_deleted(db: Database, actor: Actor) -> None:
    firm_id = _firm(db, actor)
    with pytest.raises(driver.IntegrityError, match="never deleted"):
        with db.transaction():
            db.execute("DELETE FROM firms WHERE id = ?", (firm_id,))
    with pytest.raises(driver.IntegrityError, match="never changes"):
        with db.transaction():
            db.execute("UPDATE firms SET id = 'x' WHERE id = ?", (firm_id,))


def test_deleting_is_a_field_that_can_be_undone(db: Database, actor: Actor) -> None:
    firm_id = _firm(db, actor)
    case_id, _ = cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F01", text="법인세 문의"), actor)
    oplog.set_deleted(db, "cases", case_id, True, actor)
    assert db.scalar("SELECT deleted FROM cases WHERE id = ?", (case_id,)) == 1
    oplog.set_deleted(db, "cases", case_id, False, actor)
    deleted_ops = [o["value"] for o in _ops(db) if o["col"] == "deleted"]
    assert deleted_ops == [1, 0]


def test_bulk_loads_log_ranges_not_rows(db: Database) -> None:
    from datetime import date

    load_demo_data(db, firms=20, cases=200, seed=3, today=date(2026, 5, 1))
    assert db.scalar("SELECT count(*) FROM sync_ops WHERE tbl IN ('cases', 'firms')") == 0
    ranges = db.all("SELECT tbl, lo, hi FROM sync_ranges ORDER BY id")
    assert [r["tbl"] for r in ranges][:3] == ["firms", "sessions", "cases"]
    events = int(db.scalar("SELECT count(*) FROM case_events"))
    pending = oplog.pending_ops(db, 10**6)
    row_ops = [op for op in pending.ops if op.col == oplog.ROW]
    assert len([op for op in row_ops if op.tbl == "cases"]) == 200
    assert len([op for op in row_ops if op.tbl == "case_events"]) == events
    assert [op.stamp for op in pending.ops] == sorted(op.stamp for op in pending.ops)
    assert oplog.unbundled_count(db) >= 200 + events


def test_editing_a_bulk_row_replaces_its_range_stamp(db: Database, actor: Actor) -> None:
    from datetime import date

    load_demo_data(db, firms=5, cases=10, seed=3, today=date(2026, 5, 1))
    case_id = str(db.scalar("SELECT id FROM cases ORDER BY rowid LIMIT 1"))
    cases.set_fields(db, case_id, {"assignee": "박담당"}, actor)
    op = db.one("SELECT replaces FROM sync_ops WHERE row_id = ? AND col = 'assignee'", (case_id,))
    assert op is not None and op["replaces"] == oplog.row_op_stamps(db, "cases", case_id)[0]


def test_existing_data_gets_row_ops_from_the_migration(tmp_path: Path, actor: Actor) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    # A store as it was before sync (schema 2), with data in it.
    for index in range(2):
        with db.transaction():
            if index == 0:
                db.execute(
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, "
                    "app_version TEXT NOT NULL)"
                )
            for statement in _statements(MIGRATIONS[index].SQL):
                db.execute(statement)
            db.execute("INSERT INTO schema_version VALUES (?, '2026-01-01', 'old')", (index + 1,))
    with db.transaction():
        for i in range(3):
            cur = db.execute(
                "INSERT INTO firms (id, brn, name, created_at, updated_at) VALUES (?, '1248100998', ?, "
                "'', '')",
                (f"firm-{i}", f"기업{i}"),
            )
            search.index_firm(db, int(cur.lastrowid or 0), search.firm_grams(f"기업{i}", "1248100998"))
    assert current_version(db) == 2
    assert migrate(db)[0] == 3
    pending = oplog.pending_ops(db, 100)
    assert sorted(op.row_id for op in pending.ops) == ["firm-0", "firm-1", "firm-2"]
    assert pending.ops[0].value["name"] == "기업0"
    db.close()
    reopened = open_store(path)
    firm_id = "firm-1"
    firms.update_firm(reopened, firm_id, {"name": "새이름"}, actor)
    edit = reopened.one("SELECT replaces FROM sync_ops WHERE col = 'name'")
    assert edit is not None and edit["replaces"] == oplog.row_op_stamps(reopened, "firms", firm_id)[0]
    reopened.close()


def test_every_column_of_a_synced_table_is_synced_or_declared_local(db: Database) -> None:
    """A migration adding a column to a synced table must also recreate its capture triggers."""
    for table, spec in oplog.SYNC_TABLES.items():
        columns = {r["name"] for r in db.all(f"PRAGMA table_info({table})")} - {"id"}
        assert columns == set(spec.columns) | oplog.LOCAL_COLUMNS.get(table, frozenset()), table
        assert spec.columns == m0003_sync._TABLES[table] or table not in m0003_sync._TABLES
