"""The work a killed child does (entry, import, export, sync, bulk load, restore) and what must hold after.

Each scenario owns a folder. ``child(i)`` runs in a forked process that may be killed at
any instant; it writes what it committed to an append-only ledger only after the call that
committed it returned, so "in the ledger" implies "committed". ``verify(i)`` runs in the
harness after the kill (``onestop check`` has passed by then).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop.core.errors import RejectedInput
from desktop.core.ids import brn_check_digit
from desktop.core.records import Actor
from desktop.store import cases, firms
from desktop.store.db import Database
from desktop.store.opening import open_store

ACTOR = Actor(name="김상담", agency_id="JNEPA", role="coordinator", device="crash")
FIELDS = ("F01", "F02", "F03", "F06", "F07", "F12")
TEXTS = (
    "법인세 중간예납 납부기한 연장 문의",
    "수출 바우처 신청 자격과 해외 전시회 지원 범위",
    "운전자금 긴급경영안정자금 신청 절차",
    "생산직 채용이 어려워 구인 연계 요청",
    "특허 출원 비용 지원 문의",
)


def random_brn(rng: random.Random) -> str:
    first9 = f"{rng.randint(1, 8)}{rng.randint(0, 99_999_999):08d}"
    return first9 + str(brn_check_digit(first9))


def fresh_store(path: Path, template: Path | None) -> None:
    """A migrated store with reference data at ``path`` (copied from ``template`` when given)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if template is not None and template.exists():
        shutil.copyfile(template, path)
        return
    db = open_store(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


class Ledger:
    """Append-only lines of JSON; each write is one ``write(2)`` (whole or absent after a kill)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def add(self, **entry: Any) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode())
        finally:
            os.close(fd)

    def entries(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        out = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:  # a torn line would be a harness bug
                raise AssertionError(f"torn ledger line: {line!r}") from exc
        return out


def with_store(path: Path) -> Database:
    return open_store(path)


def assert_store_invariants(db: Database, *, numbers: bool = True) -> None:
    """What a crash must never leave: a row without its sync op, a broken search index, a duplicate number.

    ``numbers=False`` for stores the demo loader filled twice: it numbers each load from 1.
    """
    orphans = db.scalar(
        "SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM sync_ops o WHERE o.tbl = 'cases' "
        "AND o.row_id = c.id AND o.col = '*') AND NOT EXISTS (SELECT 1 FROM sync_ranges r "
        "WHERE r.tbl = 'cases' AND c.rowid BETWEEN r.lo AND r.hi)"
    )
    assert orphans == 0, f"{orphans} cases without their sync op"
    for index in ("case_search", "firm_search"):
        db.execute(f"INSERT INTO {index} ({index}) VALUES ('integrity-check')")
    duplicate = db.one("SELECT number FROM cases GROUP BY number HAVING count(*) > 1") if numbers else None
    assert duplicate is None, f"case number used twice: {duplicate[0] if duplicate else ''}"


class Scenario:
    """One kind of work to kill. Subclasses fill in the hooks."""

    name = ""

    def __init__(self, root: Path, rng: random.Random, template: Path | None = None) -> None:
        self.root = root
        self.rng = rng
        self.template = template
        self.ledger = Ledger(root / "ledger.jsonl")
        self.seed = rng.randint(0, 2**31)

    def prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)

    def before_point(self, i: int) -> None:
        """Runs in the harness before the child is forked."""

    def child(self, i: int) -> None:
        raise NotImplementedError

    def after_point(self, i: int, *, killed: bool) -> None:
        """Runs in the harness right after the child ended (before the checks)."""

    def stores(self) -> list[Path]:
        return []

    def verify(self, i: int) -> None:
        """Scenario invariants, after ``onestop check`` passed on every store."""

    def finish(self) -> None:
        """After the last point: the work still completes once nobody kills it."""

    def counts(self) -> dict[str, int]:
        return {}


# --- case entry -------------------------------------------------------------------------------------


class Entry(Scenario):
    """Consultants typing: firms, cases (routed, on site), edits, notes, workflow steps."""

    name = "entry"
    OPS = 40

    def prepare(self) -> None:
        super().prepare()
        self.path = self.root / "entry.db"
        fresh_store(self.path, self.template)

    def stores(self) -> list[Path]:
        return [self.path]

    def child(self, i: int) -> None:
        rng = random.Random(self.seed * 7919 + i)
        db = open_store(self.path)
        known_firms = [r[0] for r in db.all("SELECT id FROM firms ORDER BY rowid DESC LIMIT 20")]
        known_cases = [r[0] for r in db.all("SELECT id FROM cases ORDER BY rowid DESC LIMIT 20")]
        for k in range(self.OPS):
            roll = rng.random()
            try:
                if roll < 0.15 or not known_firms:
                    firm_id, _ = firms.add_firm(
                        db, firms.NewFirm(brn=random_brn(rng), name=f"크래시기업{i}-{k}"), ACTOR
                    )
                    known_firms.append(firm_id)
                elif roll < 0.6 or not known_cases:
                    routed = rng.random() < 0.4
                    case_id, _ = cases.add_case(
                        db,
                        cases.NewCase(
                            firm_id=rng.choice(known_firms),
                            field=rng.choice(FIELDS),
                            text=f"{rng.choice(TEXTS)} #{i}-{k}",
                            agency="NTS" if routed else "",
                            consent_agencies=("NTS",) if routed else (),
                            onsite_answer="" if routed or rng.random() < 0.7 else "현장에서 안내함",
                        ),
                        ACTOR,
                    )
                    known_cases.append(case_id)
                    self.ledger.add(op="case", id=case_id)
                elif roll < 0.8:
                    case_id = rng.choice(known_cases)
                    text = f"수정된 내용 {i}-{k} {rng.choice(TEXTS)}"
                    self.ledger.add(op="edit-try", id=case_id, text=text)
                    cases.set_fields(db, case_id, {"text": text}, ACTOR)
                    self.ledger.add(op="edit", id=case_id, text=text)
                elif roll < 0.9:
                    cases.add_note(db, rng.choice(known_cases), f"메모 {i}-{k}", ACTOR)
                else:
                    cases.act(db, rng.choice(known_cases), "classify", ACTOR)
            except RejectedInput:
                pass  # a workflow step that does not apply to this case: refused, nothing changed
        db.close()

    def verify(self, i: int) -> None:
        db = with_store(self.path)
        try:
            assert_store_invariants(db)
            present = {r[0] for r in db.all("SELECT id FROM cases")}
            texts = {r[0]: r[1] for r in db.all("SELECT id, text FROM cases")}
            # Per case: the texts it may show. A finished edit fixes it; an edit whose child was
            # killed before it said "done" may or may not have committed.
            allowed: dict[str, set[str] | None] = {}
            pending: dict[str, str] = {}
            for entry in self.ledger.entries():
                if entry["op"] == "case":
                    assert entry["id"] in present, f"committed case lost: {entry['id']}"
                elif entry["op"] == "edit-try":
                    if entry["id"] in pending:  # an earlier try was killed: it may have committed
                        before = allowed.get(entry["id"])
                        allowed[entry["id"]] = None if before is None else before | {pending[entry["id"]]}
                    pending[entry["id"]] = entry["text"]
                elif entry["op"] == "edit":
                    allowed[entry["id"]] = {entry["text"]}
                    pending.pop(entry["id"], None)
            for case_id, text in pending.items():
                before = allowed.get(case_id)
                allowed[case_id] = None if before is None else before | {text}
            for case_id, options in allowed.items():
                if options is not None:
                    assert texts[case_id] in options, f"committed edit lost on {case_id}"
        finally:
            db.close()

    def counts(self) -> dict[str, int]:
        db = with_store(self.path)
        try:
            return {"cases": int(db.scalar("SELECT count(*) FROM cases"))}
        finally:
            db.close()


# --- bulk load (the demo loader drops and rebuilds indexes inside its transaction) --------------------


class Bulk(Scenario):
    """``onestop demo`` into a store that already holds data: all of it or none, indexes intact."""

    name = "bulk"

    def prepare(self) -> None:
        import desktop.store.demo  # noqa: F401 - imported once here, not in every child

        super().prepare()
        self.path = self.root / "bulk.db"
        fresh_store(self.path, self.template)
        db = open_store(self.path)
        self.indexes = self._indexes(db)
        self.sizes = {int(db.scalar("SELECT count(*) FROM cases"))}
        db.close()

    @staticmethod
    def _indexes(db: Database) -> set[str]:
        return {
            str(r[0]) for r in db.all("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')")
        }

    def stores(self) -> list[Path]:
        return [self.path]

    def child(self, i: int) -> None:
        from desktop.store.demo import load_demo_data

        db = open_store(self.path)
        written = load_demo_data(db, firms=20, cases=300, seed=self.seed + i, today=date(2026, 3, 2))
        db.close()
        self.ledger.add(op="bulk", cases=written)

    def after_point(self, i: int, *, killed: bool) -> None:
        self.last_sizes = set(self.sizes)

    def verify(self, i: int) -> None:
        db = with_store(self.path)
        try:
            assert self._indexes(db) == self.indexes, "indexes or triggers missing after a killed bulk load"
            assert_store_invariants(db, numbers=False)
            size = int(db.scalar("SELECT count(*) FROM cases"))
            allowed = {s for s in self.last_sizes} | {s + 300 for s in self.last_sizes}
            assert size in allowed, f"a bulk load left {size} cases (expected one of {sorted(allowed)})"
            self.sizes = {size}
        finally:
            db.close()


# --- spreadsheet import ------------------------------------------------------------------------------


class Import(Scenario):
    """``onestop import-excel`` of a fresh clinic log per point: every row or none."""

    name = "import"
    ROWS = 60

    def prepare(self) -> None:
        import reports.excel.importer  # noqa: F401 - imported once here, not in every child

        super().prepare()
        self.path = self.root / "import.db"
        fresh_store(self.path, self.template)

    def stores(self) -> list[Path]:
        return [self.path]

    def _sheet(self, i: int) -> Path:
        return self.root / f"clinic-{i + 10}.xlsx"

    def before_point(self, i: int) -> None:
        from reports.excel.sample_sheet import write_clinic_sheet

        write_clinic_sheet(self._sheet(i), rows=self.ROWS, seed=self.seed + i + 10, firms=25)

    def child(self, i: int) -> None:
        from reports.excel.importer import import_workbook

        db = open_store(self.path)
        result = import_workbook(db, self._sheet(i), ACTOR, today=date(2026, 3, 2))
        db.close()
        self.ledger.add(op="import", batch=result.batch_id, added=result.added)

    def after_point(self, i: int, *, killed: bool) -> None:
        self._sheet(i).unlink(missing_ok=True)

    def verify(self, i: int) -> None:
        db = with_store(self.path)
        try:
            assert_store_invariants(db)
            batches = {
                r[0]: (int(r[1]), int(r[2]))
                for r in db.all(
                    "SELECT b.id, b.rows_added, (SELECT count(*) FROM import_rows r WHERE r.batch_id = b.id) "
                    "FROM import_batches b"
                )
            }
            for batch, (added, rows) in batches.items():
                assert added == rows, f"import {batch} half stored: {rows} of {added} rows"
            total = int(db.scalar("SELECT count(*) FROM cases"))
            assert total == sum(a for a, _ in batches.values()), "cases without their import batch"
            for entry in self.ledger.entries():
                assert entry["batch"] in batches, f"committed import lost: {entry['batch']}"
        finally:
            db.close()

    def counts(self) -> dict[str, int]:
        return {"imports_committed": len(self.ledger.entries())}


# --- Excel export ------------------------------------------------------------------------------------


class Export(Scenario):
    """``onestop export-excel``: the file at the target name is complete or absent, never half."""

    name = "export"

    def prepare(self) -> None:
        import reports.excel.export  # noqa: F401 - imported once here, not in every child
        from desktop.store.demo import load_demo_data

        super().prepare()
        self.path = self.root / "export.db"
        fresh_store(self.path, self.template)
        db = open_store(self.path)
        load_demo_data(db, firms=20, cases=60, seed=self.seed, today=date(2026, 3, 2))
        self.cases = int(db.scalar("SELECT count(*) FROM cases WHERE deleted = 0"))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        self.out_dir = self.root / "out"
        self.out_dir.mkdir()
        self.out = self.out_dir / "사례.xlsx"
        self.system_tmp = self.root / "system-tmp"
        self.system_tmp.mkdir()
        self.swept = 0
        self.files_checked = 0
        self.helpers_checked = 0

    def stores(self) -> list[Path]:
        return [self.path]

    def before_point(self, i: int) -> None:
        if self.rng.random() < 0.5:
            self.out.unlink(missing_ok=True)  # half the points replace an older export, half make a new one

    def child(self, i: int) -> None:
        import tempfile

        from reports.excel import case_feed
        from reports.excel.export import ExportOptions, export_cases

        tempfile.tempdir = str(self.system_tmp)  # must stay empty: the export has its own folder
        if i % 2:
            case_feed.PROCESS_FROM_ROWS = 0  # half the points read in the helper process
        db = open_store(self.path)
        export_cases(
            db, self.out, ACTOR, ExportOptions(per_agency=i % 2 == 0), now=datetime(2026, 3, 2, 12, 0)
        )
        db.close()

    def verify(self, i: int) -> None:
        from reports.scratch import sweep_stale

        if i % 2:
            self.helpers_checked += _wait_for_no_export_helper()
        # xlsxwriter's row files (the rows written so far) go to the export's own scratch folder.
        system_files = [entry.name for entry in os.scandir(self.system_tmp)]
        assert system_files == [], f"temp files left in the system temp folder: {system_files}"
        for entry in os.scandir(self.out_dir):
            if entry.name != self.out.name and not (entry.is_dir() and entry.name.endswith(".export")):
                raise AssertionError(f"unexpected file after a killed export: {entry.name}")
        # What the next export does first: the killed run's scratch folder goes, nothing else.
        self.swept += len(sweep_stale(self.out_dir))
        left = sorted(entry.name for entry in os.scandir(self.out_dir) if entry.name != self.out.name)
        assert left == [], f"temp files left after the next export's sweep: {left}"
        if not self.out.exists():
            return
        with zipfile.ZipFile(self.out) as archive:
            assert archive.testzip() is None, "export file with a damaged member"
            names = set(archive.namelist())
        assert "[Content_Types].xml" in names and "xl/workbook.xml" in names, "export file incomplete"
        if i % 4 == 0:
            from openpyxl import load_workbook

            wb = load_workbook(self.out, read_only=True)
            try:
                rows = sum(1 for _ in wb["사례"].iter_rows(values_only=True))
            finally:
                wb.close()
            assert rows == self.cases + 1, f"export has {rows - 1} of {self.cases} cases"
        self.files_checked += 1

    def counts(self) -> dict[str, int]:
        return {
            "complete_files_checked": self.files_checked,
            "scratch_folders_swept": self.swept,
            "helper_points_checked": self.helpers_checked,
        }


HELPER_MODULE = b"reports.excel.case_feed"


def _export_helpers() -> list[int]:
    """Live export helper processes (Linux ``/proc``; zombies do not count)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                if HELPER_MODULE not in cmdline.read():
                    continue
            with open(f"/proc/{entry}/stat", encoding="ascii") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                    found.append(int(entry))
        except OSError:
            continue
    return found


def _wait_for_no_export_helper(seconds: float = 10.0) -> int:
    """1 once no helper is left (a killed export's helper ends when its pipe breaks); 0 off Linux."""
    import time

    if not os.path.isdir("/proc"):
        return 0
    give_up = time.monotonic() + seconds
    while (left := _export_helpers()) and time.monotonic() < give_up:
        time.sleep(0.05)
    assert not left, f"export helper processes outlived a killed export: {left}"
    return 1


# --- sync through a folder hub -----------------------------------------------------------------------


class Sync(Scenario):
    """Two laptops and a folder hub; either laptop's sync may be killed, the next one completes."""

    name = "sync"

    def prepare(self) -> None:
        import desktop.sync.engine  # noqa: F401 - imported once here, not in every child
        from desktop.sync import keys, team

        keys.STORE_SCRYPT_N = keys.INVITE_SCRYPT_N = 2**8  # test keys: cheap to derive
        super().prepare()
        self.a, self.b, self.hub = self.root / "a.db", self.root / "b.db", self.root / "hub"
        fresh_store(self.a, self.template)
        fresh_store(self.b, self.template)
        db_a, db_b = open_store(self.a), open_store(self.b)
        try:
            code = team.create_team(db_a, self.hub, name="크래시 팀", device_name="A").join_code
            team.join_team(db_b, self.hub, device_name="B", code=code)
        finally:
            db_a.close()
            db_b.close()

    def stores(self) -> list[Path]:
        return [self.a, self.b]

    def child(self, i: int) -> None:
        from desktop.sync.engine import sync_with_hub

        rng = random.Random(self.seed * 31 + i)
        if i % 2 == 0:
            db = open_store(self.a)
            firm_id, _ = firms.add_firm(db, firms.NewFirm(brn=random_brn(rng), name=f"동기화기업{i}"), ACTOR)
            for k in range(4):
                case_id, _ = cases.add_case(
                    db, cases.NewCase(firm_id=firm_id, field="F01", text=f"동기화 사례 {i}-{k}"), ACTOR
                )
                self.ledger.add(op="case", id=case_id)
        else:
            db = open_store(self.b)
        sync_with_hub(db, self.hub)
        db.close()

    def verify(self, i: int) -> None:
        import hashlib

        db = with_store(self.a)
        try:
            assert_store_invariants(db)
            present = {r[0] for r in db.all("SELECT id FROM cases")}
        finally:
            db.close()
        for entry in self.ledger.entries():
            assert entry["id"] in present, f"committed case lost: {entry['id']}"
        for bundle in self.hub.glob("devices/*/bundles/*.bundle"):
            digest = bundle.stem.split("-", 1)[1]
            assert hashlib.sha256(bundle.read_bytes()).hexdigest() == digest, f"half bundle {bundle.name}"

    def finish(self) -> None:
        from desktop.sync.engine import sync_with_hub

        for path in (self.a, self.b, self.a, self.b):
            db = open_store(path)
            try:
                sync_with_hub(db, self.hub)
            finally:
                db.close()
        ids = []
        for path in (self.a, self.b):
            db = open_store(path)
            try:
                ids.append({r[0] for r in db.all("SELECT id FROM cases")})
                assert_store_invariants(db)
            finally:
                db.close()
        assert ids[0] == ids[1], f"the laptops differ after a full sync: {len(ids[0] ^ ids[1])} cases"
        assert {e["id"] for e in self.ledger.entries()} <= ids[1], "a committed case never reached B"
        self.synced_cases = len(ids[1])

    def counts(self) -> dict[str, int]:
        return {"cases_converged": getattr(self, "synced_cases", 0)}


# --- creating a store from nothing (migrations, reference data) --------------------------------------


class Create(Scenario):
    """The first start on a new laptop: a kill while migrating or loading reference data."""

    name = "create"

    def prepare(self) -> None:
        super().prepare()
        fresh_store(self.root / "warm-up.db", None)  # the parent imports what a first start needs
        self.current = self.root / "new-0.db"

    def stores(self) -> list[Path]:
        return [self.current]

    def before_point(self, i: int) -> None:
        self.current = self.root / f"new-{i + 10}.db"

    def child(self, i: int) -> None:
        db = open_store(self.current)
        firm_id, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name="첫기업"), ACTOR)
        case_id, _ = cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F01", text="첫 사례"), ACTOR)
        db.close()
        self.ledger.add(op="case", id=case_id, store=str(self.current))

    def verify(self, i: int) -> None:
        db = with_store(self.current)
        try:
            assert int(db.scalar("SELECT count(*) FROM fields")) > 0, "reference data missing"
            assert_store_invariants(db)
            present = {r[0] for r in db.all("SELECT id FROM cases")}
        finally:
            db.close()
        for entry in self.ledger.entries():
            if entry["store"] == str(self.current):
                assert entry["id"] in present, "committed case lost in a new store"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.current}{suffix}").unlink(missing_ok=True)


# --- daily backup and restore -----------------------------------------------------------------------


class Restore(Scenario):
    """``onestop restore`` and the daily backup: the live store is the old one or the restored one."""

    name = "restore"

    def prepare(self) -> None:
        import desktop.store.backups  # noqa: F401 - imported once here, not in every child

        super().prepare()
        self.live = self.root / "live.db"
        fresh_store(self.live, self.template)
        db = open_store(self.live)
        firm_id, _ = firms.add_firm(db, firms.NewFirm(brn="1248100998", name="복원기업"), ACTOR)
        self.sets: dict[str, frozenset[str]] = {}
        for name, count in (("x", 3), ("y", 5)):
            for k in range(count):
                cases.add_case(
                    db, cases.NewCase(firm_id=firm_id, field="F01", text=f"{name} 사례 {k}"), ACTOR
                )
            path = self.root / f"backup-{name}.db"
            db.backup(path)
            self.sets[str(path)] = frozenset(r[0] for r in db.all("SELECT id FROM cases"))
        db.close()
        self.backups_checked = 0

    def stores(self) -> list[Path]:
        return [self.live]

    def _source(self, i: int) -> Path:
        return self.root / ("backup-x.db" if i % 2 else "backup-y.db")

    def child(self, i: int) -> None:
        from datetime import timedelta

        from desktop.store import backups

        os.environ["ONESTOP_AUTO_BACKUP"] = "1"
        db = open_store(self.live)
        backups.daily_backup(db, today=date(2026, 1, 1) + timedelta(days=i + 2), keep=3)
        db.close()
        backups.restore_backup(self._source(i), self.live, ACTOR, reason="crash test")
        self.ledger.add(op="restore", point=i, source=str(self._source(i)))

    def verify(self, i: int) -> None:
        from desktop.store import backups

        db = with_store(self.live)
        try:
            assert_store_invariants(db)
            live = frozenset(r[0] for r in db.all("SELECT id FROM cases"))
        finally:
            db.close()
        assert live in self.sets.values(), "the live store is neither the old one nor the restored one"
        done = [e for e in self.ledger.entries() if e["point"] == i]
        if done:
            assert live == self.sets[done[0]["source"]], "a finished restore did not stick"
        before = self.live.with_name(self.live.name + backups.BEFORE_RESTORE_SUFFIX)
        if before.exists():
            backups.check_backup(before)
        daily = backups.list_backups(backups.backup_dir(self.live))
        # A kill between making a backup and pruning leaves one more; the next whole run prunes.
        assert not done or len(daily) <= 3, f"rotation kept {len(daily)} daily backups"
        for path in daily:
            backups.check_backup(path)
            self.backups_checked += 1

    def counts(self) -> dict[str, int]:
        return {"daily_backups_checked": self.backups_checked}


SCENARIOS: dict[str, type[Scenario]] = {
    s.name: s for s in (Entry, Bulk, Import, Export, Sync, Create, Restore)
}


def _register_own_modules() -> None:
    # Their own modules (this one is long enough); they import this one, so register them last.
    from crash_encrypt import Encrypt
    from crash_report import Report

    SCENARIOS[Encrypt.name] = Encrypt
    SCENARIOS[Report.name] = Report


_register_own_modules()
