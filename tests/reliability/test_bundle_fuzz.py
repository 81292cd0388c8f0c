"""Corrupt and forged sync bundles, fuzzed: any changed byte is caught; a forged but validly signed bundle
(a team device gone rogue) is refused or applied without breaking the store; a read-only or full hub gives
a clear message, loses nothing and the next sync completes.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
import shutil
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.records import Actor
from desktop.store import cases, firms
from desktop.store.db import Database
from desktop.store.opening import open_store
from desktop.store.oplog import ROW, Op
from desktop.store.oplog_apply import apply_ops
from desktop.sync import bundle, keys

STRESS = bool(os.environ.get("ONESTOP_STRESS"))
EXAMPLES = 2000 if STRESS else 150
TEAM, DEVICE = "team-fuzz", "aaaaaaaaaaaaaaaa"
TEAM_KEY, SIGNING = keys.new_team_key(), keys.new_signing_key()
STAMP = "1795000000000" + "00000001" + DEVICE
FIRM_VALUES = {
    "brn": "1248100998", "name": "광양철강", "region_code": "46", "size": "", "ksic": "", "corp_no": "",
    "representative": "홍길동", "phone": "", "email": "", "address": "", "created_at": "2026-03-01T09:00:00",
    "updated_at": "2026-03-01T09:00:00", "deleted": 0,
}  # fmt: skip
OPS = [
    Op(STAMP, "firms", "f-1", ROW, FIRM_VALUES),
    Op("1795000000001" + "00000000" + DEVICE, "firms", "f-1", "name", "(주)광양철강", (STAMP,)),
]
GOOD = bundle.seal(
    OPS, team=TEAM, device=DEVICE, seq=1, prev="", deps={}, created_ms=1795000000002, team_key=TEAM_KEY,
    signing_key=SIGNING,
)  # fmt: skip
ACTOR = Actor(name="최총괄", agency_id="JNEPA", role="coordinator", device="laptop-1")


def _open(data: bytes) -> tuple[bundle.Header, bundle.Content]:
    return bundle.open_bundle(data, team=TEAM, team_key=TEAM_KEY, device=DEVICE, seq=1, prev="")


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "append"]))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            data += draw(st.binary(min_size=1, max_size=64))
        if not data:
            break
    return bytes(data)


@settings(max_examples=EXAMPLES, deadline=None)
@given(data=damaged())
def test_any_changed_byte_of_a_bundle_is_caught_with_a_reason(data: bytes) -> None:
    if data == GOOD:
        return
    with pytest.raises(bundle.BundleError) as refused:
        _open(data)
    assert refused.value.code and refused.value.ko and refused.value.en


# --- forged but validly signed: a rogue team device ------------------------------------------------------


def forge(payload: Any, *, raw: bytes | None = None, ops_count: int = 1) -> bytes:
    """A bundle with any payload, encrypted and signed with the team's real keys (as seal() does)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    plain = raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode()
    nonce = secrets.token_bytes(12)
    header = json.dumps(
        {
            "format": bundle.FORMAT, "team": TEAM, "device": DEVICE, "seq": 1, "prev": "",
            "key": keys.key_id(TEAM_KEY), "pub": keys.public_key_of(SIGNING), "nonce": keys.b64(nonce),
            "codec": "zlib+json", "ops": ops_count,
        },
        separators=(",", ":"),
    ).encode()  # fmt: skip
    head = bundle.MAGIC + struct.pack(">I", len(header)) + header
    body = ChaCha20Poly1305(TEAM_KEY).encrypt(nonce, zlib.compress(plain), head)
    signed = head + body
    return signed + Ed25519PrivateKey.from_private_bytes(SIGNING).sign(signed)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
hostile_tables = st.sampled_from(
    ["firms", "cases", "case_events", "consents", "team_devices", "sessions", "sqlite_master", "audit_log",
     "firms; DROP TABLE cases; --", "cases WHERE 1=1 --", "", "sync_ops"]
)  # fmt: skip
hostile_columns = st.sampled_from(
    [
        "name",
        "text",
        "status",
        "deleted",
        "firm_id",
        "id",
        "rowid",
        "name = 'x' --",
        "*",
        "_erase",
        "agency_id",
    ]
)
stamps = st.one_of(
    st.just(STAMP),
    st.builds(
        lambda ms, c: f"{ms:013d}{c:08x}{DEVICE}",
        st.integers(0, 9_999_999_999_999),
        st.integers(0, 2**32 - 1),
    ),
    st.text(max_size=40),
)


@st.composite
def forged_payloads(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(hostile_tables, min_size=1, max_size=3, unique=True))
    tables: dict[str, Any] = {"names": names}
    for name in names:
        tables[name] = (
            draw(st.lists(hostile_columns, max_size=5)) if draw(st.booleans()) else list(FIRM_VALUES)
        )
    rows = []
    for _ in range(draw(st.integers(0, 6))):
        t = draw(st.integers(-2, len(names)))
        col = draw(st.one_of(st.just(ROW), hostile_columns))
        value = (
            draw(st.lists(json_values, max_size=14))
            if col == ROW
            else draw(st.one_of(json_values, st.fixed_dictionaries({"cols": st.lists(hostile_columns)})))
        )
        row: list[Any] = [draw(stamps), t, draw(st.text(max_size=12)), col, value]
        if draw(st.booleans()):
            row.append(draw(st.lists(stamps, max_size=2)))
        rows.append(row)
    payload: dict[str, Any] = {
        "deps": draw(st.dictionaries(st.text(max_size=16), st.integers(), max_size=2)),
        "created": draw(st.integers(0, 2**45)),
        "tables": tables,
        "ops": rows,
    }
    if draw(st.integers(0, 9)) == 0:
        payload.pop(draw(st.sampled_from(sorted(payload))))
    return payload


@pytest.fixture(scope="module")
def fuzz_store(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "store.db"
    shutil.copyfile(template_db, path)
    db = open_store(path)
    firm_id, _ = firms.add_firm(
        db, firms.NewFirm(brn="1248100998", name="광양철강", representative="홍길동"), ACTOR
    )
    cases.add_case(db, cases.NewCase(firm_id=firm_id, field="F01", text="법인세 문의"), ACTOR)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def _schema(db: Database) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in db.all("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")]


@settings(
    max_examples=EXAMPLES // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    payload=st.one_of(
        forged_payloads(), json_values.map(lambda v: {"deps": {}, "created": 0, "tables": v, "ops": v})
    )
)
def test_a_forged_but_signed_bundle_is_refused_or_applied_without_harm(
    payload: dict[str, Any], fuzz_store: Path, tmp_path: Path
) -> None:
    try:
        _, content = _open(forge(payload))
    except bundle.BundleError as refused:
        assert refused.code == "damaged"
        return
    path = tmp_path / "store.db"
    shutil.copyfile(fuzz_store, path)
    db = open_store(path)
    try:
        schema = _schema(db)
        cases_before = db.all("SELECT id, text FROM cases")
        try:
            with db.transaction():
                apply_ops(db, content.ops)  # the engine reports any exception as "apply_failed"
        except Exception:  # noqa: BLE001 - refused as a whole; the transaction rolled back
            assert [tuple(r) for r in db.all("SELECT id, text FROM cases")] == [
                tuple(r) for r in cases_before
            ]
        assert _schema(db) == schema, "a bundle changed the schema"
        assert db.integrity_problems() == []
        assert db.scalar("SELECT count(*) FROM audit_log") >= 2  # no table dropped or emptied by a name trick
    finally:
        db.close()


@pytest.mark.parametrize(
    "raw",
    [b"", b"{", b"[]", b"null", b'{"deps": {}}', b"\xff\xfe\x00", zlib.compress(b"x" * 1000)],
)
def test_a_signed_bundle_with_an_unreadable_payload_is_damaged(raw: bytes) -> None:
    with pytest.raises(bundle.BundleError) as refused:
        _open(forge(None, raw=raw))
    assert refused.value.code == "damaged"


def test_a_signed_bundle_that_inflates_beyond_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "MAX_PAYLOAD", 1 << 20)  # the real limit is 512 MB: same code path
    empty = {"deps": {}, "created": 0, "tables": {"names": []}, "ops": []}
    _open(forge(empty))  # small enough: fine
    with pytest.raises(bundle.BundleError) as refused:
        _open(forge(empty | {"pad": "0" * (2 << 20)}))
    assert refused.value.code == "damaged"


# --- a hub that refuses writes ----------------------------------------------------------------------


@pytest.mark.parametrize("failure", [errno.EROFS, errno.ENOSPC, errno.EACCES])
def test_a_read_only_or_full_hub_gives_a_clear_message_and_loses_nothing(
    failure: int, template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.sync import team
    from desktop.sync.engine import sync_with_hub
    from desktop.sync.hubs import folder

    monkeypatch.setenv("ONESTOP_PASSPHRASE", "시험용 암호")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setattr(keys, "STORE_SCRYPT_N", 2**8)
    monkeypatch.setattr(keys, "INVITE_SCRYPT_N", 2**8)
    a_path, b_path, hub = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "hub"
    shutil.copyfile(template_db, a_path)
    shutil.copyfile(template_db, b_path)
    a, b = open_store(a_path), open_store(b_path)
    try:
        code = team.create_team(a, hub, name="팀", device_name="A").join_code
        team.join_team(b, hub, device_name="B", code=code)
        firm_id, _ = firms.add_firm(a, firms.NewFirm(brn="1248100998", name="광양철강"), ACTOR)
        case_id, _ = cases.add_case(a, cases.NewCase(firm_id=firm_id, field="F01", text="법인세 문의"), ACTOR)
        before = sorted(p for p in hub.rglob("*") if p.is_file())

        real_open = open

        def refusing_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if "x" in mode or "w" in mode:
                raise OSError(failure, os.strerror(failure), str(file))
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(folder, "open", refusing_open, raising=False)
        report = sync_with_hub(a, hub)
        assert report.skipped and all(s.code == "write_failed" for s in report.skipped)
        assert os.strerror(failure) in report.skipped[0].text("en")
        assert cases.get_case(a, case_id).text == "법인세 문의"
        assert a.integrity_problems() == []
        assert not list(hub.rglob("*.tmp")) and not list(hub.rglob("*.bundle"))
        assert sorted(p for p in hub.rglob("*") if p.is_file()) == before  # not one byte on the hub
        monkeypatch.undo()
        monkeypatch.setenv("ONESTOP_PASSPHRASE", "시험용 암호")
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
        monkeypatch.setattr(keys, "STORE_SCRYPT_N", 2**8)
        assert sync_with_hub(a, hub).sent >= 1  # the bundles waited in the store
        sync_with_hub(b, hub)
        assert cases.get_case(b, case_id).text == "법인세 문의"
    finally:
        a.close()
        b.close()
