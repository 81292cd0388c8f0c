"""Syncing through folders: layout, relays between groups, faults on the stick, clocks, removal, recovery."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from laptops import Laptop, exchange
from sync_helpers import snapshot

from desktop.core.errors import RejectedInput
from desktop.store import cases, firms, oplog
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.sync import keys, status, team
from desktop.sync.engine import sync_with_hub
from desktop.sync.hubs.folder import FolderHub

Team = Callable[[int], tuple[list[Laptop], Path]]


def _firm(laptop: Laptop, name: str, brn: str = "1248100998") -> str:
    firm_id, _ = firms.add_firm(laptop.db, firms.NewFirm(brn=brn, name=name), laptop.actor)
    return firm_id


def _case(laptop: Laptop, firm_id: str, text: str) -> str:
    case_id, _ = cases.add_case(
        laptop.db, cases.NewCase(firm_id=firm_id, field="F01", text=text), laptop.actor
    )
    return case_id


def _bundles(hub: Path) -> list[Path]:
    return sorted(hub.glob("devices/*/bundles/*.bundle"))


def test_the_hub_holds_only_verified_immutable_bundle_files(make_team: Team) -> None:
    (a, b), hub = make_team(2)
    _case(a, _firm(a, "광양철강"), "법인세 문의")
    report = a.sync(hub)
    assert report.sent == 1 and report.skipped == []
    files = [p for p in hub.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert "onestop-hub.json" in names
    assert not any(n.endswith((".tmp", ".db", ".lock", "-wal")) for n in names)
    (bundle_file,) = _bundles(hub)
    assert bundle_file.parent.parent.name == a.device
    seq, digest = bundle_file.stem.split("-")
    assert seq == "00000001" and len(digest) == 64
    import hashlib

    assert hashlib.sha256(bundle_file.read_bytes()).hexdigest() == digest
    assert report.bytes_per_op > 0


def test_a_stick_carried_between_two_groups_spreads_everything(make_team: Team, tmp_path: Path) -> None:
    (a, b, c, d), hub1 = make_team(4)
    hub2, stick = tmp_path / "office-share", tmp_path / "usb-stick"
    shutil.copytree(hub1, hub2)  # the second group's shared folder (same team)
    case_a = _case(a, _firm(a, "광양철강"), "그룹 1의 사례")
    case_d = _case(d, _firm(d, "순천식품", "2208162517"), "그룹 2의 사례")
    exchange([a, b], [hub1], rounds=1)
    exchange([c, d], [hub2], rounds=1)
    b.sync(stick, new_hub=True)  # b carries group 1 to a new stick
    c.sync(stick)  # c, in group 2, reads the stick and writes group 2 to it
    c.sync(hub2)
    d.sync(hub2)
    assert cases.get_case(d.db, case_a).text == "그룹 1의 사례"
    c.sync(stick)  # the stick goes back with group 2's news
    b.sync(stick)
    b.sync(hub1)
    a.sync(hub1)
    assert cases.get_case(a.db, case_d).text == "그룹 2의 사례"
    exchange([a, b, c, d], [hub1, hub2, stick])
    assert snapshot(a.db) == snapshot(b.db) == snapshot(c.db) == snapshot(d.db)
    assert {p.parent.parent.name for p in _bundles(stick)} == {x.device for x in (a, b, c, d)}


def test_faults_on_the_stick_never_break_a_sync_and_lose_nothing(make_team: Team, tmp_path: Path) -> None:
    (a, b, c), hub = make_team(3)
    firm_id = _firm(a, "광양철강")
    case_id = _case(a, firm_id, "첫 번째 묶음")
    a.sync(hub)
    cases.set_fields(a.db, case_id, {"assignee": "박세무"}, a.actor)
    a.sync(hub)
    first, second = _bundles(hub)
    good = {p: p.read_bytes() for p in (first, second)}
    # 1. a truncated first bundle and a bit-flipped second one; debris around them
    first.write_bytes(good[first][: len(good[first]) // 3])
    flipped = bytearray(good[second])
    flipped[len(flipped) // 2] ^= 0x10
    second.write_bytes(bytes(flipped))
    folder = first.parent
    (folder / f".{first.name}.1a2b3c4d.tmp").write_bytes(good[first][:50])  # a writer killed half-way
    (folder / "Thumbs.db").write_bytes(b"\x00" * 10)
    stranger = hub / "devices" / "0123456789abcdef" / "bundles"
    stranger.mkdir(parents=True)
    other_team = tmp_path / "other"
    other_db = open_store(tmp_path / "other.db")
    team.create_team(other_db, other_team, name="다른 팀", device_name="남의 노트북")
    firms.add_firm(other_db, firms.NewFirm(brn="2208162517", name="남의 기업"), a.actor)
    sync_with_hub(other_db, other_team)
    other_db.close()
    foreign = _bundles(other_team)[0]
    shutil.copyfile(foreign, stranger / f"00000001-{foreign.stem.split('-')[1]}.bundle")
    before = snapshot(b.db)

    report = b.sync(hub)
    codes = sorted(s.code for s in report.skipped)
    assert "damaged" in codes and "foreign_team" in codes and "unexpected" in codes
    assert report.received == 0
    assert snapshot(b.db)["cases"] == before["cases"], "nothing half-applied"
    assert b.db.integrity_problems() == []
    # 2. a laptop holding good copies repairs the hub; the next sync gets everything
    c.sync(hub)  # c has no good copy either: nothing lost, still waiting
    assert c.reports[-1].waiting
    exchange([a, b, c], [hub], rounds=3)  # readers set damaged copies aside, a writes them again
    for laptop in (b, c):
        assert cases.get_case(laptop.db, case_id).assignee == "박세무"
    assert snapshot(a.db) == snapshot(b.db) == snapshot(c.db)


def test_a_file_under_the_right_name_but_with_the_wrong_key_is_skipped(
    make_team: Team, tmp_path: Path
) -> None:
    (a, b), hub = make_team(2)
    _firm(a, "광양철강")
    a.sync(hub)
    (path,) = _bundles(hub)
    from desktop.sync import bundle

    forged = bundle.seal(
        [],
        team=team.require_team(a.db).team_id,
        device=a.device,
        seq=2,
        prev="",
        deps={},
        created_ms=0,
        team_key=keys.new_team_key(),
        signing_key=keys.new_signing_key(),
    )
    (path.parent / f"00000002-{bundle.sha256(forged)}.bundle").write_bytes(forged)
    report = b.sync(hub)
    assert [s.code for s in report.skipped] == ["wrong_key"]
    assert report.received == 1


def test_a_laptop_more_than_a_day_ahead_is_refused_with_a_clear_message(make_team: Team) -> None:
    (a, b, c), hub = make_team(3)
    oplog.set_skew(a.db, 30 * 3_600_000)
    _firm(a, "미래에서 온 기업")
    _firm(c, "정상 기업", "2208162517")
    a.sync(hub)
    c.sync(hub)
    report = b.sync(hub)
    (refused,) = [s for s in report.skipped if s.code == "clock_ahead"]
    assert a.name in refused.ko and "30" in refused.en and "24 h" in refused.en
    names = {f.name for f in firms.find_firms(b.db, "기업")}
    assert names == {"정상 기업"}
    oplog.set_skew(b.db, 10 * 3_600_000)  # b's clock moves on: a's stamps are within a day now
    b.sync(hub)
    assert {f.name for f in firms.find_firms(b.db, "기업")} == {"정상 기업", "미래에서 온 기업"}


def test_a_removed_device_is_refused_after_its_last_accepted_bundle(make_team: Team) -> None:
    (a, b, c), hub = make_team(3)
    _firm(c, "제거 전 기업")
    exchange([a, b, c], [hub])
    team.remove_device(a.db, c.name, a.actor)
    with pytest.raises(RejectedInput):
        team.remove_device(a.db, a.name, a.actor)
    a.sync(hub)
    _firm(c, "제거 후 기업", "2208162517")
    c.sync(hub)
    b.sync(hub)
    assert {f.name for f in firms.find_firms(b.db, "기업")} == {"제거 전 기업"}
    assert any(s.code == "removed_device" for s in b.reports[-1].skipped)


def test_a_hub_of_another_team_is_refused(make_team: Team, tmp_path: Path) -> None:
    (a,), _ = make_team(1)
    other = open_store(tmp_path / "other.db")
    team.create_team(other, tmp_path / "other-hub", name="다른 팀", device_name="x")
    other.close()
    with pytest.raises(RejectedInput) as info:
        a.sync(tmp_path / "other-hub")
    assert "another team" in info.value.text("en")


def test_a_new_empty_folder_becomes_a_hub_of_the_team_when_asked(make_team: Team, tmp_path: Path) -> None:
    (a,), _ = make_team(1)
    _firm(a, "광양철강")
    report = a.sync(tmp_path / "new-stick", new_hub=True)
    assert report.sent == 1 and report.new_hub
    assert (tmp_path / "new-stick" / "onestop-hub.json").exists()


def test_a_sync_with_nothing_new_is_fast_and_needs_no_keys(
    make_team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    (a, b), hub = make_team(2)
    for i in range(30):
        _case(a, _firm(a, f"기업{i}"), f"사례 {i}")
        a.sync(hub)
    exchange([a, b], [hub])
    monkeypatch.delenv("ONESTOP_PASSPHRASE")
    for laptop in (a, b):
        started = time.perf_counter()
        report = laptop.sync(hub)
        assert time.perf_counter() - started < 0.5
        assert (report.sent, report.received, report.relayed) == (0, 0, 0)


def test_unsynced_count_and_case_states_follow_the_edits(make_team: Team) -> None:
    (a, b), hub = make_team(2)
    a.sync(hub)
    b.sync(hub)
    assert status.unsynced_count(a.db) == 0
    case_id = _case(a, _firm(a, "광양철강"), "사례")
    assert status.unsynced_count(a.db) > 0
    assert status.case_sync_state(a.db, case_id).state == status.PENDING
    a.sync(hub)
    assert status.unsynced_count(a.db) == 0
    assert status.case_sync_state(a.db, case_id).state == status.SYNCED
    b.sync(hub)
    cases.set_fields(a.db, case_id, {"text": "A"}, a.actor)
    cases.set_fields(b.db, case_id, {"text": "B"}, b.actor)
    exchange([a, b], [hub])
    state = status.case_sync_state(a.db, case_id)
    assert state.state == status.CONFLICT and len(state.conflicts) == 1
    assert status.case_sync_states(b.db, [case_id]) == {case_id: status.CONFLICT}


def test_a_cancelled_sync_keeps_what_it_finished_and_the_next_one_completes(make_team: Team) -> None:
    (a, b), hub = make_team(2)
    for i in range(3):
        _firm(a, f"기업{i}")
        a.sync(hub)
    calls: list[str] = []

    def cancel() -> bool:
        return len(calls) >= 1

    report = b.sync(hub, progress=lambda stage, done, total: calls.append(stage), cancel=cancel)
    assert report.cancelled
    report = b.sync(hub)
    assert not report.cancelled
    assert snapshot(a.db)["firms"] == snapshot(b.db)["firms"]


def test_a_laptop_restored_from_an_old_backup_continues_its_chain(make_team: Team, tmp_path: Path) -> None:
    (a, b), hub = make_team(2)
    _firm(a, "백업 전 기업")
    a.sync(hub)
    a.db.backup(tmp_path / "backup.db")
    _firm(a, "백업 후 기업", "2208162517")
    a.sync(hub)
    a.db.close()
    shutil.copyfile(tmp_path / "backup.db", a.path)
    for suffix in ("-wal", "-shm"):
        Path(str(a.path) + suffix).unlink(missing_ok=True)
    a.db = open_store(a.path)
    report = a.sync(hub)
    assert report.skipped == []
    assert {f.name for f in firms.find_firms(a.db, "기업")} == {"백업 전 기업", "백업 후 기업"}
    _firm(a, "복원 후 기업", "1010000017")
    a.sync(hub)
    b.sync(hub)
    assert b.reports[-1].skipped == []
    assert {f.name for f in firms.find_firms(b.db, "기업")} == {
        "백업 전 기업",
        "백업 후 기업",
        "복원 후 기업",
    }
    seqs = [p.name.split("-")[0] for p in _bundles(hub) if p.parent.parent.name == a.device]
    assert len(seqs) == len(set(seqs)), "no bundle number used twice"


def test_team_join_by_code_or_key_file_and_the_mistakes_people_make(
    template_db: Path, tmp_path: Path
) -> None:
    def store(name: str) -> Database:
        shutil.copyfile(template_db, tmp_path / name)
        return open_store(tmp_path / name)

    hub = tmp_path / "hub"
    first, second, third, fourth = store("1.db"), store("2.db"), store("3.db"), store("4.db")
    made = team.create_team(
        first, hub, name="광양 상설창구", device_name="창구1", key_file=tmp_path / "team.key"
    )
    with pytest.raises(RejectedInput):
        team.create_team(second, hub, name="또", device_name="x")
    with pytest.raises(RejectedInput):
        team.join_team(second, hub, device_name="창구2", code="AAAA-BBBB-CCCC-DDDD")
    with pytest.raises(RejectedInput):
        team.join_team(second, tmp_path / "nothing-here", device_name="창구2", code=made.join_code)
    team.join_team(second, hub, device_name="창구2", code=made.join_code.lower())
    team.join_team(third, hub, device_name="창구3", key_file=tmp_path / "team.key")
    sync_with_hub(first, hub)
    sync_with_hub(second, hub)
    with pytest.raises(RejectedInput):
        team.join_team(fourth, hub, device_name="창구1", code=team.new_invite(first, hub))
    assert (tmp_path / "team.key").stat().st_mode & 0o077 == 0 or os.name == "nt"
    for db in (first, second, third, fourth):
        db.close()


def test_passphrase_protected_keys_need_the_passphrase(
    make_team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    (a,), hub = make_team(1)
    _firm(a, "광양철강")
    monkeypatch.delenv("ONESTOP_PASSPHRASE")
    with pytest.raises(keys.KeysLocked):
        a.sync(hub)
    with pytest.raises(RejectedInput) as info:
        a.sync(hub, passphrase="틀린 암호")
    assert "Wrong passphrase" in info.value.text("en")
    from laptops import PASSPHRASE

    assert a.sync(hub, passphrase=PASSPHRASE).sent == 1


def test_the_folder_hub_implements_the_hub_protocol(tmp_path: Path) -> None:
    from desktop.sync.hubs import Hub, open_hub

    assert isinstance(FolderHub(tmp_path), Hub)
    assert isinstance(open_hub(str(tmp_path)), FolderHub)
