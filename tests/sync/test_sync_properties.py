"""Property-based sync tests: random multi-laptop scripts with clock skew, shuffled/duplicated/delayed
delivery and relays ⇒ identical databases and conflicts inboxes everywhere, matching a reference model.

``HYPOTHESIS_PROFILE=stress`` (or ``dev``) runs many more examples than CI does.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from laptops import Laptop, copy_team, exchange
from sync_helpers import Model, snapshot

from desktop.core.errors import RejectedInput
from desktop.core.records import Actor
from desktop.store import cases, firms, merge, oplog
from desktop.sync import conflicts
from desktop.sync.merge_queue import merge_candidates

EXAMPLES = {"stress": 400, "dev": 40}.get(os.environ.get("HYPOTHESIS_PROFILE", ""), 10)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 10,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
HOUR = 3_600_000
BRNS = ("1248100998", "2208162517", "1010000017")
FIRM_NAMES = ("광양철강", "순천식품", "여수화학", "율촌기계")
TEXTS = ("법인세 납부기한 연장", "수출 바우처 신청", "정책자금 상환 유예", "채용 지원금 문의")
PEOPLE = ("박세무", "김수출", "이자금", "")
PHONES = ("010-1234-5678", "061-720-1234", "")
KINDS = ("procedure", "law", "grievance")
ACTIONS = (("classify", ""), ("resolve_onsite", "onsite"), ("close", "resolved"), ("reopen", ""))

STEP_KINDS = (
    "firm",
    "case",
    "edit_case",
    "edit_case",
    "edit_firm",
    "act",
    "delete",
    "note",
    "resolve",
    "sync",
    "sync",
    "sync",
    "copy",
    "merge",
    "skew",
    "erase",
)
step = st.tuples(st.sampled_from(STEP_KINDS), st.integers(0, 5), st.integers(0, 50), st.integers(0, 50))


def _ids(laptop: Laptop, table: str) -> list[str]:
    return [str(r[0]) for r in laptop.db.all(f"SELECT id FROM {table} ORDER BY id")]


def _pick(items: list[str], index: int) -> str | None:
    return items[index % len(items)] if items else None


class Script:
    """Runs random steps on laptops and keeps the reference model up to date."""

    def __init__(self, laptops: list[Laptop], hubs: list[Path], seed: int) -> None:
        self.laptops = laptops
        self.hubs = hubs
        self.model = Model()
        self.rng = random.Random(seed)
        for laptop in laptops:
            self.model.harvest(laptop.name, laptop.db)

    def run(self, kind: str, who: int, a: int, b: int) -> None:
        laptop = self.laptops[who % len(self.laptops)]
        try:
            getattr(self, f"do_{kind}")(laptop, a, b)
        except RejectedInput:
            pass  # an action the workflow refuses (e.g. closing a closed case) changes nothing
        self.model.harvest(laptop.name, laptop.db)

    def do_firm(self, laptop: Laptop, a: int, b: int) -> None:
        firms.add_firm(
            laptop.db,
            firms.NewFirm(
                brn=BRNS[a % len(BRNS)],
                name=FIRM_NAMES[b % len(FIRM_NAMES)],
                phone=PHONES[a % len(PHONES)],
                representative="홍길동",
            ),
            laptop.actor,
        )

    def do_case(self, laptop: Laptop, a: int, b: int) -> None:
        firm_id = _pick(_ids(laptop, "firms"), a)
        if firm_id is None:
            return self.do_firm(laptop, a, b)
        cases.add_case(
            laptop.db,
            cases.NewCase(
                firm_id=firm_id,
                field=f"F0{1 + b % 9}",
                text=TEXTS[b % len(TEXTS)],
                kind=KINDS[a % len(KINDS)],
            ),
            laptop.actor,
        )
        return None

    def do_edit_case(self, laptop: Laptop, a: int, b: int) -> None:
        case_id = _pick(_ids(laptop, "cases"), a)
        if case_id is not None:
            column, pool = (("text", TEXTS), ("assignee", PEOPLE), ("kind", KINDS))[b % 3]
            cases.set_fields(
                laptop.db, case_id, {column: pool[(b // 3) % len(pool)] or "담당 미정"}, laptop.actor
            )

    def do_edit_firm(self, laptop: Laptop, a: int, b: int) -> None:
        firm_id = _pick(_ids(laptop, "firms"), a)
        if firm_id is not None:
            column, pool = (("name", FIRM_NAMES), ("phone", PHONES), ("address", ("순천시", "광양시", "")))[
                b % 3
            ]
            firms.update_firm(laptop.db, firm_id, {column: pool[(b // 3) % len(pool)]}, laptop.actor)

    def do_act(self, laptop: Laptop, a: int, b: int) -> None:
        case_id = _pick(_ids(laptop, "cases"), a)
        if case_id is not None:
            action, result = ACTIONS[b % len(ACTIONS)]
            cases.act(laptop.db, case_id, action, laptop.actor, result_code=result, reason="사유")

    def do_delete(self, laptop: Laptop, a: int, b: int) -> None:
        case_id = _pick(_ids(laptop, "cases"), a)
        if case_id is not None:
            deleted = bool(laptop.db.scalar("SELECT deleted FROM cases WHERE id = ?", (case_id,)))
            oplog.set_deleted(laptop.db, "cases", case_id, not deleted, laptop.actor)

    def do_note(self, laptop: Laptop, a: int, b: int) -> None:
        case_id = _pick(_ids(laptop, "cases"), a)
        if case_id is not None:
            cases.add_note(laptop.db, case_id, f"메모 {b}", laptop.actor)

    def do_resolve(self, laptop: Laptop, a: int, b: int) -> None:
        inbox = conflicts.list_conflicts(laptop.db)
        if inbox:
            conflict = inbox[a % len(inbox)]
            keep = conflict.values[b % len(conflict.values)]
            conflicts.resolve_conflict(laptop.db, conflict.id, keep=keep.stamp, actor=laptop.actor)

    def do_sync(self, laptop: Laptop, a: int, b: int) -> None:
        report = laptop.sync(self.hubs[a % len(self.hubs)], new_hub=True)  # the scripts' sticks start empty
        assert [s for s in report.skipped if s.code != "unexpected"] == []

    def do_copy(self, laptop: Laptop, a: int, b: int) -> None:
        """Someone copies some bundle files between hubs by hand (shuffled, partial, duplicated)."""
        source, target = self.hubs[a % len(self.hubs)], self.hubs[b % len(self.hubs)]
        if source == target:
            return
        files = sorted(source.glob("devices/*/bundles/*.bundle"))
        for path in self.rng.sample(files, k=len(files) // 2):
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
        if not (target / "onestop-hub.json").exists() and (source / "onestop-hub.json").exists():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / "onestop-hub.json", target / "onestop-hub.json")

    def do_merge(self, laptop: Laptop, a: int, b: int) -> None:
        queue = merge_candidates(laptop.db)
        if queue:
            group = queue[a % len(queue)]
            merge.merge_firms(laptop.db, group.suggested_keep.id, group.firms[-1].id, laptop.actor)

    def do_skew(self, laptop: Laptop, a: int, b: int) -> None:
        oplog.set_skew(laptop.db, (a - 25) * HOUR // 3 + b * 997)  # within ±9 h: never a day apart

    def do_erase(self, laptop: Laptop, a: int, b: int) -> None:
        firm_id = _pick(_ids(laptop, "firms"), a)
        if firm_id is not None:
            oplog.erase_personal_data(laptop.db, firm_id, laptop.actor, "본인 요청")

    def check_converged(self) -> None:
        exchange(self.laptops, self.hubs, new_hub=True)
        for laptop in self.laptops:
            self.model.harvest(laptop.name, laptop.db)
            assert laptop.reports[-1].waiting == []
        first = snapshot(self.laptops[0].db)
        for laptop in self.laptops:
            assert snapshot(laptop.db) == first, laptop.name
            assert laptop.db.integrity_problems() == []
            self.model.check(laptop.db)
            for row in laptop.db.all(
                "SELECT c.firm_name, f.name FROM cases c JOIN firms f ON f.id = c.firm_id"
            ):
                assert row[0] == row[1]
        db = self.laptops[-1].db
        for firm_id, name in db.all("SELECT id, name FROM firms WHERE deleted = 0 LIMIT 5"):
            assert firm_id in [f.id for f in firms.find_firms(db, name, limit=500)]


@SETTINGS
@given(
    laptops=st.integers(2, 6),
    skews=st.lists(st.integers(-11, 11), min_size=6, max_size=6),
    steps=st.lists(step, min_size=1, max_size=30),
    seed=st.integers(0, 2**16),
)
def test_random_scripts_on_many_laptops_converge_to_the_reference_model(
    team_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    laptops: int,
    skews: list[int],
    steps: list[tuple[str, int, int, int]],
    seed: int,
) -> None:
    root = tmp_path_factory.mktemp("script")
    team, hub = copy_team(team_template, root, laptops)
    try:
        for laptop, skew in zip(team, skews, strict=False):
            oplog.set_skew(laptop.db, skew * HOUR)
        script = Script(team, [hub, root / "stick-a", root / "stick-b"], seed)
        for kind, who, a, b in steps:
            script.run(kind, who, a, b)
        script.check_converged()
    finally:
        for laptop in team:
            laptop.db.close()
        shutil.rmtree(root, ignore_errors=True)


@SETTINGS
@given(
    steps=st.lists(step.filter(lambda s: s[0] not in ("sync", "copy")), min_size=3, max_size=20),
    orders=st.lists(st.integers(0, 2**16), min_size=2, max_size=3),
)
def test_applying_bundles_is_commutative_and_idempotent(
    team_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    steps: list[tuple[str, int, int, int]],
    orders: list[int],
) -> None:
    """The same bundles delivered in different orders, in pieces and twice give the same store."""
    root = tmp_path_factory.mktemp("orders")
    team, hub = copy_team(team_template, root, 6)
    writers, readers = team[:3], team[3:]
    try:
        script = Script(writers, [hub], 0)
        for kind, who, a, b in steps:
            script.run(kind, who, a, b)
            if who % 4 == 0:
                writers[who % 3].sync(hub)  # some bundles depend on others
        exchange(writers, [hub])
        files = sorted(hub.glob("devices/*/bundles/*.bundle"))
        expected = snapshot(writers[0].db)
        for reader, order_seed in zip(readers, orders, strict=False):
            rng = random.Random(order_seed)
            private = root / f"private-{reader.name}"
            shutil.copytree(hub, private, ignore=shutil.ignore_patterns("*.bundle"))
            shuffled = files[:]
            rng.shuffle(shuffled)
            for index, path in enumerate(shuffled + rng.sample(files, k=len(files) // 2)):
                shutil.copyfile(path, private / path.relative_to(hub))
                if rng.random() < 0.4 or index == len(shuffled) - 1:
                    reader.sync(private)
            reader.sync(private)
            got: dict[str, Any] = snapshot(reader.db)
            got["team_devices"] = [r for r in got["team_devices"] if r[0] != reader.device]
            assert got == expected
            reader.sync(private)  # once more: nothing changes
            again = snapshot(reader.db)
            again["team_devices"] = [r for r in again["team_devices"] if r[0] != reader.device]
            assert again == expected
    finally:
        for laptop in team:
            laptop.db.close()
        shutil.rmtree(root, ignore_errors=True)


FAULTS = ("truncate", "flip", "empty", "junk", "temp", "foreign")


class FaultyScript(Script):
    """A script whose hubs also suffer random damage (a stick pulled mid-copy, a bad sector)."""

    foreign: bytes = b""

    def do_corrupt(self, laptop: Laptop, a: int, b: int) -> None:
        hub = self.hubs[a % len(self.hubs)]
        files = sorted(hub.glob("devices/*/bundles/*.bundle"))
        if not files:
            return
        path = files[b % len(files)]
        data = path.read_bytes()
        if not data:
            return
        fault = FAULTS[(a + b) % len(FAULTS)]
        if fault == "truncate":
            path.write_bytes(data[: len(data) * (b % 9 + 1) // 10])
        elif fault == "flip":
            flipped = bytearray(data)
            flipped[(a * 7919 + b) % len(flipped)] ^= 1 << (b % 8)
            path.write_bytes(bytes(flipped))
        elif fault == "empty":
            path.write_bytes(b"")
        elif fault == "junk":
            seq = path.name.split("-")[0]  # a second, bogus file for the same bundle number
            (path.parent / f"{seq}-{a:064x}.bundle").write_bytes(b"not a bundle")
        elif fault == "temp":
            (path.parent / f".{path.name}.{a:08x}.tmp").write_bytes(data[: len(data) // 2])
        elif self.foreign:
            seq = int(path.name.split("-")[0]) + 1
            from desktop.sync.bundle import sha256

            (path.parent / f"{seq:08d}-{sha256(self.foreign)}.bundle").write_bytes(self.foreign)

    def do_sync(self, laptop: Laptop, a: int, b: int) -> None:
        laptop.sync(self.hubs[a % len(self.hubs)], new_hub=True)  # skipped files are expected here


@SETTINGS
@given(
    steps=st.lists(
        st.one_of(
            step, st.tuples(st.just("corrupt"), st.integers(0, 5), st.integers(0, 50), st.integers(0, 50))
        ),
        min_size=3,
        max_size=30,
    )
)
def test_damaged_hubs_never_break_a_sync_nor_lose_data(
    team_template: Path,
    tmp_path_factory: pytest.TempPathFactory,
    foreign_bundle: bytes,
    steps: list[tuple[str, int, int, int]],
) -> None:
    root = tmp_path_factory.mktemp("faults")
    team, hub = copy_team(team_template, root, 3)
    try:
        script = FaultyScript(team, [hub, root / "stick"], 1)
        script.foreign = foreign_bundle
        for kind, who, a, b in steps:
            script.run(kind, who, a, b)
        for laptop in team:
            assert laptop.db.integrity_problems() == []
        # Faults stop; laptops keep syncing: damaged copies are set aside and written again.
        exchange(team, script.hubs, rounds=3, new_hub=True)
        script.check_converged()
    finally:
        for laptop in team:
            laptop.db.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def foreign_bundle(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A genuine bundle of another team."""
    from laptops import PASSPHRASE

    from desktop.store.opening import open_store
    from desktop.sync import keys, team
    from desktop.sync.engine import sync_with_hub

    root = tmp_path_factory.mktemp("foreign")
    shutil.copyfile(template_db, root / "other.db")
    os.environ.setdefault("ONESTOP_PASSPHRASE", PASSPHRASE)
    saved = keys.STORE_SCRYPT_N, keys.INVITE_SCRYPT_N
    keys.STORE_SCRYPT_N = keys.INVITE_SCRYPT_N = 2**8
    try:
        db = open_store(root / "other.db")
        team.create_team(db, root / "hub", name="다른 팀", device_name="남")
        firms.add_firm(db, firms.NewFirm(brn="1248100998", name="남의 기업"), Actor("남"))
        sync_with_hub(db, root / "hub")
        db.close()
    finally:
        keys.STORE_SCRYPT_N, keys.INVITE_SCRYPT_N = saved
    return next((root / "hub").glob("devices/*/bundles/*.bundle")).read_bytes()
