"""The bundle format: compressed, encrypted with the team key, signed, hash-chained; every fault named."""

from __future__ import annotations

import base64
import json
import struct
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from desktop.store.oplog import ERASE, ROW, Op
from desktop.sync import bundle, keys

TEAM = "team-1"


@pytest.fixture
def parts() -> tuple[bytes, bytes, list[Op]]:
    ops = [
        Op(
            "1795000000000" + "00000001" + "aaaaaaaaaaaaaaaa",
            "firms",
            "f1",
            ROW,
            {
                "brn": "1248100998",
                "name": "광양철강",
                "region_code": "46",
                "size": "",
                "ksic": "",
                "corp_no": "",
                "representative": "홍길동",
                "phone": "",
                "email": "",
                "address": "",
                "created_at": "2026-05-01",
                "updated_at": "2026-05-01",
                "deleted": 0,
            },
        ),
        Op(
            "1795000000001" + "00000000" + "aaaaaaaaaaaaaaaa",
            "firms",
            "f1",
            "name",
            "(주)광양철강",
            ("1795000000000" + "00000001" + "aaaaaaaaaaaaaaaa",),
        ),
    ]
    return keys.new_team_key(), keys.new_signing_key(), ops


def _seal(team_key: bytes, signing: bytes, ops: list[Op], seq: int = 1, prev: str = "") -> bytes:
    return bundle.seal(
        ops,
        team=TEAM,
        device="aaaaaaaaaaaaaaaa",
        seq=seq,
        prev=prev,
        deps={"bbbb": 3},
        created_ms=1795000000002,
        team_key=team_key,
        signing_key=signing,
    )


def _open(data: bytes, key: bytes, **kwargs: object) -> tuple[bundle.Header, bundle.Content]:
    args: dict[str, object] = {
        "team": TEAM,
        "team_key": key,
        "device": "aaaaaaaaaaaaaaaa",
        "seq": 1,
        "prev": "",
    }
    return bundle.open_bundle(data, **(args | kwargs))  # type: ignore[arg-type]


def test_a_bundle_round_trips_its_ops_and_dependencies(parts: tuple[bytes, bytes, list[Op]]) -> None:
    team_key, signing, ops = parts
    data = _seal(team_key, signing, ops)
    header, content = _open(data, team_key)
    assert content.ops == ops
    assert content.deps == {"bbbb": 3}
    assert header.public_key == keys.public_key_of(signing)
    assert "광양".encode() not in data and b"1248100998" not in data, "encrypted"


def test_the_chain_links_each_bundle_to_the_previous_one(parts: tuple[bytes, bytes, list[Op]]) -> None:
    team_key, signing, ops = parts
    first = _seal(team_key, signing, ops)
    second = _seal(team_key, signing, ops, seq=2, prev=bundle.sha256(first))
    _open(second, team_key, seq=2, prev=bundle.sha256(first))
    with pytest.raises(bundle.BundleError) as info:
        _open(second, team_key, seq=2, prev="0" * 64)
    assert info.value.code == "broken_chain"


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        (lambda d: d[: len(d) // 2], ("truncated", "bad_signature", "damaged")),
        (lambda d: d[:40], ("truncated", "damaged")),
        (lambda d: b"", ("truncated",)),
        (lambda d: b"PK\x03\x04" + d, ("not_bundle",)),
        (lambda d: d[:-100] + bytes([d[-100] ^ 1]) + d[-99:], ("bad_signature",)),
        (
            lambda d: d[:30] + bytes([d[30] ^ 4]) + d[31:],
            (
                "damaged",
                "bad_signature",
                "foreign_team",
                "wrong_key",
                "wrong_place",
                "broken_chain",
                "truncated",
            ),
        ),
    ],
)
def test_damaged_files_are_refused_with_a_reason(
    parts: tuple[bytes, bytes, list[Op]], damage: object, code: tuple[str, ...]
) -> None:
    team_key, signing, ops = parts
    data = damage(_seal(team_key, signing, ops))  # type: ignore[operator]
    with pytest.raises(bundle.BundleError) as info:
        _open(data, team_key)
    assert info.value.code in code
    assert info.value.ko and info.value.en


def test_another_teams_or_another_keys_or_another_places_file_is_refused(
    parts: tuple[bytes, bytes, list[Op]],
) -> None:
    team_key, signing, ops = parts
    data = _seal(team_key, signing, ops)
    for kwargs, code in (
        ({"team": "team-2"}, "foreign_team"),
        ({"team_key": keys.new_team_key()}, "wrong_key"),
        ({"device": "cccccccccccccccc"}, "wrong_place"),
        ({"seq": 2}, "wrong_place"),
        ({"pinned_key": keys.public_key_of(keys.new_signing_key())}, "key_changed"),
    ):
        with pytest.raises(bundle.BundleError) as info:
            _open(data, team_key, **kwargs)
        assert info.value.code == code


def test_a_forger_with_the_team_key_but_not_the_device_key_is_caught(
    parts: tuple[bytes, bytes, list[Op]],
) -> None:
    team_key, signing, ops = parts
    forged = _seal(team_key, keys.new_signing_key(), ops)
    with pytest.raises(bundle.BundleError) as info:
        _open(forged, team_key, pinned_key=keys.public_key_of(signing))
    assert info.value.code == "key_changed"


def test_join_codes_are_short_and_forgiving_to_type() -> None:
    code = keys.new_join_code()
    assert len(code) == 19 and code.count("-") == 3
    team_key = keys.new_team_key()
    invite = keys.make_invite(TEAM, team_key, code)
    assert keys.open_invite(invite, TEAM, code.lower().replace("-", " ")) == team_key
    assert keys.open_invite(invite, TEAM, "AAAA-BBBB-CCCC-DDDD") is None
    assert keys.open_invite(invite, "other-team", code) is None


# Made by seal() of the version before the faster codec (commit 99b5746) with these keys: bundles
# of that version wait on hubs and sticks, and laptops still running it read ours.
OLD_BUNDLE = Path(__file__).parents[1] / "fixtures" / "bundle-format1.bundle"
OLD_TEAM_KEY, OLD_SIGNING_KEY = bytes(range(32)), bytes(range(100, 132))


def _payload(data: bytes, team_key: bytes) -> object:
    """The decrypted, inflated JSON payload of a bundle (what a laptop of any version parses)."""
    start = len(bundle.MAGIC) + 4
    head_len = start + struct.unpack(">I", data[len(bundle.MAGIC) : start])[0]
    nonce = base64.b64decode(json.loads(data[start:head_len])["nonce"])
    plain = ChaCha20Poly1305(team_key).decrypt(
        nonce, data[head_len : -bundle.SIGNATURE_BYTES], data[:head_len]
    )
    return json.loads(zlib.decompress(plain))


def test_a_bundle_made_by_the_previous_version_opens_with_every_op_intact() -> None:
    header, content = bundle.open_bundle(
        OLD_BUNDLE.read_bytes(),
        team="team-1",
        team_key=OLD_TEAM_KEY,
        device="aaaaaaaaaaaaaaaa",
        seq=7,
        prev="ab" * 32,
        pinned_key=keys.public_key_of(OLD_SIGNING_KEY),
    )
    assert (header.seq, content.deps, content.created_ms) == (7, {"bbbbbbbbbbbbbbbb": 3}, 1795000000009)
    assert [(op.tbl, op.row_id, op.col) for op in content.ops] == [
        ("firms", "f1", ROW),
        ("case_events", "e1", ROW),
        ("firms", "f1", "name"),
        ("firms", "f1", "phone"),
        ("firms", "f1", "deleted"),
        ("firms", "f1", ERASE),
        ("firms", "f1", "email"),
    ]
    firm, event, renamed, _, deleted, erased, emptied = content.ops
    assert (firm.value["name"], firm.value["brn"], firm.value["deleted"]) == ("광양철강", "1248100998", 0)
    assert event.value["payload"] == '{"text": "메모 \\"인용\\""}'
    assert (renamed.value, renamed.replaces) == ("(주)광양철강", (firm.stamp,))
    assert deleted.value == 1 and len(deleted.replaces) == 2
    assert erased.value["cols"] == ["phone"] and emptied.value is None


def test_bundles_we_make_carry_the_payload_the_previous_version_made() -> None:
    old = OLD_BUNDLE.read_bytes()
    _, content = bundle.open_bundle(
        old, team="team-1", team_key=OLD_TEAM_KEY, device="aaaaaaaaaaaaaaaa", seq=7
    )
    ours = bundle.seal(
        content.ops,
        team="team-1",
        device="aaaaaaaaaaaaaaaa",
        seq=7,
        prev="ab" * 32,
        deps=content.deps,
        created_ms=content.created_ms,
        team_key=OLD_TEAM_KEY,
        signing_key=OLD_SIGNING_KEY,
    )
    assert _payload(ours, OLD_TEAM_KEY) == _payload(old, OLD_TEAM_KEY)
