"""One sync with a hub: send this laptop's new ops, fetch and apply everyone's, relay the rest.

Steps (each database step is its own transaction, so a killed sync leaves a consistent
store and the next run carries on):

1. adopt this laptop's own bundles found on the hub beyond what it knows (a database restored
   from an older backup must not reuse bundle numbers);
2. put local ops that are not in a bundle yet into new bundles (kept in the store);
3. write this laptop's bundles the hub lacks;
4. fetch other devices' new bundles: check, decrypt, keep (never applied half: a bad file is
   skipped and reported, and that device's later bundles wait for a good copy);
5. apply kept bundles in causal order (a bundle waits for the bundles it was made after),
   several to a transaction, each bundle all or nothing (a savepoint);
6. relay every other kept bundle the hub lacks.

Cost grows with what is new: per device the store keeps the last bundle stored and applied,
and per hub the last bundle known to be there.
"""

from __future__ import annotations

import gc
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.records import Changes
from desktop.store import oplog, sync_meta
from desktop.store.db import Database
from desktop.store.oplog_apply import all_or_nothing, apply_ops
from desktop.sync import bundle, hlc, keys
from desktop.sync.hubs.base import BundleRef, Hub, HubNote, HubWriteError, Listing, open_hub
from desktop.sync.team import ensure_hub, load_team_keys, require_team

MAX_OPS_PER_BUNDLE = 20_000
# Bundles are applied in transactions of about this many ops, each bundle in its own savepoint:
# a commit per bundle wrote the same index pages out again and again (twice the disk writes).
APPLY_GROUP_OPS = 100_000
Progress = Callable[[str, int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A hub file that was not used, and why (Korean and English)."""

    location: str
    code: str
    ko: str
    en: str

    def text(self, lang: str = "ko") -> str:
        return f"{self.location}: {self.en if lang == 'en' else self.ko}"


@dataclass(slots=True)
class SyncReport:
    """What one sync did.

    Attributes:
        sent: this laptop's bundles written to the hub; ``sent_ops`` ops in them.
        received: bundles applied here; ``received_ops`` new ops in them.
        relayed: other devices' bundles this laptop carried to the hub.
        conflicts: fields in the conflicts inbox after the sync.
        new_hub: the location was not a hub and this sync made it one (``new_hub=True`` was asked).
        skipped: hub files not used, with reasons; ``waiting``: bundles kept but not yet
            applicable (they need a bundle this laptop has not seen yet).
        bytes_sent / bytes_per_op: size of the bundles made in this sync.
        changes: rows changed by applied ops, for views to refresh.
    """

    hub: str = ""
    sent: int = 0
    sent_ops: int = 0
    received: int = 0
    received_ops: int = 0
    relayed: int = 0
    conflicts: int = 0
    new_conflicts: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    bytes_sent: int = 0
    bundled_ops: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    new_hub: bool = False
    changes: Changes = field(default_factory=Changes)

    @property
    def bytes_per_op(self) -> float:
        return self.bytes_sent / self.bundled_ops if self.bundled_ops else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "hub": self.hub,
            "sent": self.sent,
            "sent_ops": self.sent_ops,
            "received": self.received,
            "received_ops": self.received_ops,
            "relayed": self.relayed,
            "conflicts": self.conflicts,
            "new_conflicts": self.new_conflicts,
            "bytes_sent": self.bytes_sent,
            "bytes_per_op": round(self.bytes_per_op, 1),
            "seconds": round(self.seconds, 3),
            "cancelled": self.cancelled,
            "new_hub": self.new_hub,
            "waiting": self.waiting,
            "skipped": [
                {"file": s.location, "code": s.code, "reason_ko": s.ko, "reason_en": s.en}
                for s in self.skipped
            ],
        }


class _Keys:
    """The team keys, unlocked on first use (a sync with nothing new never needs them)."""

    def __init__(self, db: Database, passphrase: str | None) -> None:
        self.db = db
        self.passphrase = passphrase
        self._keys: keys.TeamKeys | None = None

    def get(self) -> keys.TeamKeys:
        if self._keys is None:
            self._keys = load_team_keys(self.db, self.passphrase)
        return self._keys


class _Sync:
    def __init__(
        self,
        db: Database,
        hub: Hub,
        progress: Progress | None,
        cancel: Cancel | None,
        passphrase: str | None,
        full: bool,
        new_hub: bool,
    ) -> None:
        self.db = db
        self.hub = hub
        self.progress = progress or (lambda stage, done, total: None)
        self.cancel = cancel or (lambda: False)
        self.full = full
        self.new_hub = new_hub
        self.team = require_team(db)
        self.keys = _Keys(db, passphrase)
        self.me = oplog.device_id(db)
        self.report = SyncReport(hub=hub.location)
        self.decoded: dict[tuple[str, int], bundle.Content] = {}
        self.listings: dict[str, tuple[int, Listing]] = {}
        self.fetch_waits: list[str] = []
        self.changed: dict[str, set[str]] = {"firms": set(), "cases": set(), "sessions": set()}
        self.hub_key = ""
        self.marks: dict[str, int] = {}

    # -- helpers --------------------------------------------------------------------------------------
    def skip(self, location: str, code: str, ko: str, en: str) -> None:
        self.report.skipped.append(Skipped(location, code, ko, en))

    def note(self, note: HubNote) -> None:
        self.skip(note.location, note.code, note.ko, note.en)

    def listing(self, device: str, after: int) -> Listing:
        """The hub's bundles of ``device`` after ``after``, listed once per sync."""
        cached = self.listings.get(device)
        if cached is None or cached[0] > after:
            listing = self.hub.list_bundles(device, after)
            if cached is None:
                for note in listing.notes:
                    self.note(note)
            cached = self.listings[device] = (after, listing)
        return Listing([r for r in cached[1].refs if r.seq > after], [], cached[1].quarantined)

    # -- the steps -------------------------------------------------------------------------------------
    def run(self) -> SyncReport:
        started = time.perf_counter()
        make = self.new_hub and not self._hub_exists()
        team_key = self.keys.get().team_key if make else None  # a sync with nothing new needs no keys
        identity = ensure_hub(self.hub, self.team.team_id, self.team.name, team_key)
        self.report.new_hub = make
        self.hub_key = f"{identity.hub_id}@{self.hub.location}"
        self.marks = sync_meta.hub_marks(self.db, self.hub_key)
        before_conflicts = oplog.conflict_count(self.db)
        self._device_info()
        self._fetch(self.me)
        self._apply()
        if not self.cancel():
            self._bundle()
            self._upload(only=self.me)
        if not self.cancel():
            for device in self.hub.list_devices():
                if device != self.me:
                    self._fetch(device)
                if self.cancel():
                    break
        if not self.cancel():
            self._apply()
        if not self.cancel():
            self._upload(only=None)
        self.report.cancelled = self.cancel()
        self.report.conflicts = oplog.conflict_count(self.db)
        self.report.new_conflicts = max(0, self.report.conflicts - before_conflicts)
        self.report.waiting = [f"{b.device}#{b.seq}" for b in sync_meta.unapplied(self.db)] + self.fetch_waits
        self.report.changes = Changes(
            firms=frozenset(self.changed["firms"]),
            cases=frozenset(self.changed["cases"]),
            sessions=frozenset(self.changed["sessions"]),
        )
        self.report.seconds = time.perf_counter() - started
        return self.report

    def _hub_exists(self) -> bool:
        try:
            return self.hub.read_identity() is not None
        except HubWriteError:
            return True  # let ensure_hub report the read error

    def _device_info(self) -> None:
        if self.hub.read_device_info(self.me) is not None:
            return
        from desktop.sync.team import device_info

        k = self.keys.get()
        try:
            self.hub.write_device_info(
                self.me,
                device_info(self.team.team_id, self.me, self.team.device_name, k.public_key, k.team_key),
            )
        except HubWriteError as exc:
            self.skip(
                self.hub.location,
                "write_failed",
                f"기기 정보를 쓸 수 없습니다: {exc}",
                f"Cannot write the device file: {exc}",
            )

    def _fetch(self, device: str) -> None:
        """Keep the device's next bundles from the hub, in chain order, each checked."""
        removed = sync_meta.removed_devices(self.db)
        stored = sync_meta.stored_seq(self.db, device)
        if device == self.me:
            stored = max(stored, sync_meta.own_seq(self.db))
        limit = removed.get(device)
        by_seq: dict[int, list[BundleRef]] = {}
        mark = 0 if self.full else self.marks.get(device, 0)
        for ref in self.listing(device, min(stored, mark)).refs:
            if ref.seq > stored:
                by_seq.setdefault(ref.seq, []).append(ref)
        seq = stored + 1
        if by_seq and seq not in by_seq:
            self.fetch_waits.append(f"{device}#{min(by_seq)} ({device}#{seq} missing)")
        while seq in by_seq:
            if limit is not None and seq > limit:
                for ref in by_seq[seq]:
                    self.skip(
                        ref.location,
                        "removed_device",
                        "팀에서 제거된 기기의 묶음입니다.",
                        "A bundle of a device removed from the team.",
                    )
                return
            if not any(self._keep(ref) for ref in by_seq[seq]):
                later = sorted(s for s in by_seq if s > seq)
                if later:
                    self.fetch_waits.append(f"{device}#{later[0]}..{later[-1]}")
                return
            seq += 1
            self.progress("fetch", seq - stored - 1, len(by_seq))
            if self.cancel():
                return

    def _keep(self, ref: BundleRef) -> bool:
        try:
            data = self.hub.read_bundle(ref)
        except OSError as exc:
            self.skip(
                ref.location,
                "unreadable",
                f"읽을 수 없습니다: {exc.strerror}",
                f"Cannot read: {exc.strerror}",
            )
            return False
        if hashlib.sha256(data).hexdigest() != ref.sha256:
            self.skip(
                ref.location,
                "damaged",
                "파일이 손상되었거나 잘렸습니다 (체크섬 불일치). 따로 옮겨 두었고, "
                "온전한 사본을 가진 노트북이 다시 씁니다.",
                "The file is damaged or truncated (checksum mismatch). It was set aside; a laptop "
                "with a good copy writes it again.",
            )
            self.hub.quarantine(ref)
            return False
        prev = sync_meta.bundle_sha(self.db, ref.device, ref.seq - 1) if ref.seq > 1 else ""
        k = self.keys.get()
        try:
            header, content = bundle.open_bundle(
                data,
                team=self.team.team_id,
                team_key=k.team_key,
                device=ref.device,
                seq=ref.seq,
                prev=prev if prev is not None else None,
                pinned_key=sync_meta.pinned_key(self.db, ref.device),
            )
        except bundle.BundleError as exc:
            self.skip(ref.location, exc.code, exc.ko, exc.en)
            return False
        if ref.device == self.me and header.public_key != k.public_key:
            self.skip(
                ref.location,
                "key_changed",
                "이 노트북의 서명 키와 다릅니다.",
                "Not signed by this laptop's key.",
            )
            return False
        now = oplog.now_ms(self.db)
        if hlc.too_far_ahead(content.max_stamp, now):
            hours = hlc.ahead_by_ms(content.max_stamp, now) / 3_600_000
            name = self._device_name(ref.device)
            self.skip(
                ref.location,
                "clock_ahead",
                f"기기 '{name}'의 시계가 {hours:.0f}시간 앞서 있어 받지 않았습니다. 그 기기의 날짜와 시간을 "
                "고치세요 (24시간 넘게 앞선 기기는 거부됩니다).",
                f"Refused: the clock of device '{name}' is {hours:.0f} h ahead. Fix that laptop's date "
                "and time (devices more than 24 h ahead are refused).",
            )
            return False
        with self.db.transaction():
            sync_meta.pin_key(self.db, ref.device, header.public_key)
            sync_meta.store_bundle(
                self.db,
                ref.device,
                ref.seq,
                ref.sha256,
                data,
                content.deps,
                len(content.ops),
                applied=False,
                own=ref.device == self.me,
                roster=any(op.tbl == "team_devices" for op in content.ops),
            )
        self.decoded[(ref.device, ref.seq)] = content
        return True

    def _device_name(self, device: str) -> str:
        for d in sync_meta.team_devices(self.db):
            if d.id == device:
                return d.name
        from desktop.sync.team import read_device_name

        return read_device_name(self.hub, device, self.keys.get().team_key) or device

    def _apply(self) -> None:
        """Apply kept bundles whose chain predecessor and dependencies are applied.

        Bundles that change the roster go first, so that a removal seen in this sync stops the
        removed device's later bundles before they are applied.
        """
        pending = sync_meta.unapplied(self.db)
        if not pending:
            return
        applied = sync_meta.applied_seqs(self.db)
        removed = sync_meta.removed_devices(self.db)
        own = sync_meta.own_seq(self.db)
        failed: set[str] = set()
        total, done = len(pending), 0
        while pending and not self.cancel():
            with self.db.transaction():
                grouped = 0
                while pending and grouped < APPLY_GROUP_OPS and not self.cancel():
                    ready = [
                        b
                        for b in pending
                        if b.device not in failed
                        and applied.get(b.device, 0) == b.seq - 1
                        and self._deps_met(b.deps, b.device, applied, removed, own)
                    ]
                    if not ready:
                        return
                    b = min(ready, key=lambda x: (not x.roster, x.device, x.seq))
                    if b.device in removed and b.seq > removed[b.device]:
                        sync_meta.drop_refused(self.db, b.device, removed[b.device])
                        self.skip(
                            f"{b.device}#{b.seq}",
                            "removed_device",
                            "팀에서 제거된 기기의 묶음입니다.",
                            "A bundle of a device removed from the team.",
                        )
                        failed.add(b.device)
                        continue
                    if not self._apply_one(b):
                        failed.add(b.device)
                        continue
                    grouped += b.n_ops
                    applied[b.device] = b.seq
                    if b.roster:
                        removed = sync_meta.removed_devices(self.db)
                    done += 1
                    self.progress("apply", done, total)
                    pending = [p for p in pending if p is not b]

    def _deps_met(
        self, deps: dict[str, int], device: str, applied: dict[str, int], removed: dict[str, int], own: int
    ) -> bool:
        for other, seq in deps.items():
            if other == device:
                continue
            if other == self.me:
                if seq > max(own, applied.get(other, 0)):
                    return False
                continue
            if other in removed:
                seq = min(seq, removed[other])
            if applied.get(other, 0) < seq:
                return False
        return True

    def _apply_one(self, b: sync_meta.StoredBundle) -> bool:
        content = self.decoded.pop((b.device, b.seq), None)
        if content is None:
            data = sync_meta.bundle_data(self.db, b.device, b.seq)
            try:
                _, content = bundle.open_bundle(
                    data,
                    team=self.team.team_id,
                    team_key=self.keys.get().team_key,
                    device=b.device,
                    seq=b.seq,
                )
            except bundle.BundleError as exc:
                self.skip(f"{b.device}#{b.seq}", exc.code, exc.ko, exc.en)
                return False
        try:
            with all_or_nothing(self.db):
                result = apply_ops(self.db, content.ops)
                sync_meta.mark_applied(self.db, b.device, b.seq)
        except Exception as exc:  # noqa: BLE001 - a bundle that cannot apply is reported, never fatal
            self.skip(
                f"{b.device}#{b.seq}", "apply_failed", f"적용할 수 없습니다: {exc}", f"Cannot apply: {exc}"
            )
            return False
        self.report.received += 1
        self.report.received_ops += result.ops
        self.changed["firms"] |= result.firms
        self.changed["cases"] |= result.cases
        self.changed["sessions"] |= result.sessions
        return True

    def _bundle(self) -> None:
        """Put local ops into new bundles of this device, each in its own transaction."""
        while not self.cancel():
            with self.db.transaction():
                pending = oplog.pending_ops(self.db, MAX_OPS_PER_BUNDLE)
                if not pending.ops:
                    oplog.mark_bundled(self.db, pending)
                    oplog.skip_remote_ops(self.db)
                    return
                k = self.keys.get()
                seq = sync_meta.own_seq(self.db) + 1
                prev = sync_meta.bundle_sha(self.db, self.me, seq - 1) or "" if seq > 1 else ""
                deps = {d: s for d, s in sync_meta.applied_seqs(self.db).items() if d != self.me and s}
                data = bundle.seal(
                    pending.ops,
                    team=self.team.team_id,
                    device=self.me,
                    seq=seq,
                    prev=prev,
                    deps=deps,
                    created_ms=oplog.now_ms(self.db),
                    team_key=k.team_key,
                    signing_key=k.signing_key,
                )
                digest = bundle.sha256(data)
                sync_meta.store_bundle(
                    self.db,
                    self.me,
                    seq,
                    digest,
                    data,
                    deps,
                    len(pending.ops),
                    applied=True,
                    op_seq_hi=max(pending.last_seq, self._last_op_seq_hi()),
                    own=True,
                )
                sync_meta.pin_key(self.db, self.me, k.public_key)
                oplog.mark_bundled(self.db, pending)
            self.report.bytes_sent += len(data)
            self.report.bundled_ops += len(pending.ops)
            self.progress("bundle", self.report.bundled_ops, self.report.bundled_ops)

    def _last_op_seq_hi(self) -> int:
        return sync_meta.last_op_seq_hi(self.db, self.me)

    def _upload(self, only: str | None) -> None:
        """Write kept bundles the hub lacks: this laptop's (``only``) or everyone else's (relay)."""
        marks = {} if self.full else self.marks
        devices = [only] if only else [d for d in sync_meta.cursors(self.db) if d != self.me]
        for device in devices:
            start = marks.get(device, 0)
            listing = self.listing(device, start)
            damaged = {(r.seq, r.sha256) for r in listing.quarantined}
            local = sync_meta.bundles_after(self.db, device, start)
            if damaged:
                local = sorted(
                    set(local)
                    | {(s, d) for s, d in sync_meta.bundles_after(self.db, device, 0) if (s, d) in damaged}
                )
            if not local:
                continue
            present = {(r.seq, r.sha256) for r in listing.refs} - damaged
            mark = start
            for seq, digest in local:
                if (seq, digest) not in present:
                    data = sync_meta.bundle_data(self.db, device, seq)
                    try:
                        self.hub.write_bundle(device, seq, digest, data)
                    except HubWriteError as exc:
                        self.skip(
                            f"{self.hub.location}/devices/{device}",
                            "write_failed",
                            f"허브에 쓸 수 없습니다: {exc}",
                            f"Cannot write to the hub: {exc}",
                        )
                        break
                    if device == self.me:
                        self.report.sent += 1
                        self.report.sent_ops += self._bundle_ops(device, seq)
                    else:
                        self.report.relayed += 1
                if device == self.me:
                    sync_meta.mark_uploaded(self.db, device, seq)
                mark = seq
                if self.cancel():
                    break
            if mark > start:
                sync_meta.set_hub_mark(self.db, self.hub_key, device, max(mark, start))

    def _bundle_ops(self, device: str, seq: int) -> int:
        return sync_meta.bundle_ops(self.db, device, seq)


def sync_with_hub(
    db: Database,
    hub: Hub | str | Path,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    *,
    passphrase: str | None = None,
    full: bool = False,
    new_hub: bool = False,
) -> SyncReport:
    """Sync this laptop with a hub (folder path or Hub). Qt-free; the GUI runs it in a worker.

    Args:
        progress: called with (stage, done, total); stages: fetch, apply, bundle.
        cancel: polled between bundles; a cancelled sync keeps what it finished.
        passphrase: unlocks the keys when they are passphrase-protected (else ONESTOP_PASSPHRASE).
        full: re-check every bundle on the hub instead of trusting this hub's marks.
        new_hub: make the location a new hub of this team if it is not a hub yet; without it such a
            location is refused (a wrong drive letter or an unmounted share must not become a hub).

    Raises:
        RejectedInput: not in a team, the folder is another team's hub, keys locked (KeysLocked),
            the location is not a hub and ``new_hub`` is off (NotAHub; nothing written there).
    """
    with _collector_paused():
        return _Sync(db, open_hub(hub), progress, cancel, passphrase, full, new_hub).run()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the sync. A sync makes and keeps hundreds of thousands of
    small lists, tuples and dicts (ops) that hold no cycles; the collector would walk them all
    again and again, which was more than half the CPU of encoding and decoding bundles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
