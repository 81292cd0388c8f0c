"""The bundle file format: ops of one laptop, compressed, encrypted with the team key, signed.

Layout (all integers big-endian)::

    MAGIC (16 bytes) | header length (4) | header (JSON, readable) | ciphertext | signature (64)

* header: format version, team id, device id, seq, ``prev`` (SHA-256 of the device's previous
  bundle file: the hash chain), team key id, the device's Ed25519 public key, the nonce.
* ciphertext: ChaCha20-Poly1305 with the team key over ``zlib(JSON payload)``; the magic and
  header are the associated data, so changing them breaks decryption.
* signature: Ed25519 by the device key over everything before it.
* payload: ``deps`` (bundles of other devices this one was made after: causal order), creation
  time, the column list of each table, and the ops.

The file is named ``<seq>-<sha256 of the whole file>.bundle``.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zlib
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from desktop.store.oplog import ERASE, ROW, SYNC_TABLES, Op
from desktop.store.os_keyring import b64, unb64
from desktop.sync.keys import key_id

MAGIC = b"ONESTOP-BUNDLE\x00\x01"
FORMAT = 1
SIGNATURE_BYTES = 64
MAX_HEADER = 64 * 1024
MAX_PAYLOAD = 512 * 1024 * 1024
# zlib level 1: a third of level 6's time for about 25 % more bytes (sticks are fast enough).
COMPRESSION_LEVEL = 1
_STAMP = re.compile(r"\d{13}[0-9a-f]{8}[0-9a-z]{1,64}\Z")


class BundleError(Exception):
    """A bundle file that cannot be used; ``code`` says why (for reports and tests)."""

    def __init__(self, code: str, ko: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.ko = ko
        self.en = en


@dataclass(frozen=True, slots=True)
class Header:
    team: str
    device: str
    seq: int
    prev: str
    key_id: str
    public_key: str
    nonce: str


@dataclass(frozen=True, slots=True)
class Content:
    deps: dict[str, int]
    created_ms: int
    ops: list[Op]

    @property
    def max_stamp(self) -> str:
        return max((op.stamp for op in self.ops), default="")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_name(seq: int, digest: str) -> str:
    return f"{seq:08d}-{digest}.bundle"


# --- encoding ------------------------------------------------------------------------------------------


def _encode_ops(ops: list[Op]) -> tuple[dict[str, list[str]], list[list[Any]]]:
    tables: dict[str, list[str]] = {}
    names: list[str] = []
    index: dict[str, int] = {}
    getters: list[Any] = []
    rows: list[list[Any]] = []
    append = rows.append
    for stamp, tbl, row_id, col, value, replaces in ops:
        t = index.get(tbl)
        if t is None:
            t = index[tbl] = len(names)
            names.append(tbl)
            columns = SYNC_TABLES[tbl].columns
            tables[tbl] = list(columns)
            getters.append(itemgetter(*columns))
        if col == ROW:
            append([stamp, t, row_id, ROW, getters[t](value)])
        elif replaces:
            append([stamp, t, row_id, col, value, list(replaces)])
        else:
            append([stamp, t, row_id, col, value])
    return {"names": names, **tables}, rows


def _decode_ops(tables: dict[str, Any], rows: list[list[Any]]) -> list[Op]:
    """The ops of a payload, each checked: a row op's values match its columns, an erasure
    carries a dict, stamps and row ids are well-formed text (else ValueError or TypeError)."""
    names: list[str] = list(tables["names"])
    columns = [tuple(tables[n]) for n in names]
    widths = [len(c) for c in columns]
    ops: list[Op] = []
    append = ops.append
    make = Op._make
    match = _STAMP.match
    for row in rows:
        if type(row) is not list:
            raise ValueError("an op is not a list")
        replaces: tuple[Any, ...] = ()
        if len(row) == 6 and row[3] != ROW:
            stamp, t, row_id, col, value, more = row
            replaces = tuple(more)
        else:
            stamp, t, row_id, col, value = row
            if col == ROW:
                if len(value) != widths[t]:
                    raise ValueError("row op does not match its columns")
                value = dict(zip(columns[t], value))  # noqa: B905 - the widths were compared above
            elif col == ERASE and not isinstance(value, dict):
                raise ValueError("bad erasure")
        if type(stamp) is not str or not match(stamp) or type(row_id) is not str:
            raise ValueError(f"bad stamp or row id {stamp!r}")
        append(make((stamp, names[t], row_id, col, value, replaces)))
    return ops


def seal(
    ops: list[Op],
    *,
    team: str,
    device: str,
    seq: int,
    prev: str,
    deps: dict[str, int],
    created_ms: int,
    team_key: bytes,
    signing_key: bytes,
) -> bytes:
    """Make a bundle file's bytes."""
    import secrets

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    from desktop.sync.keys import public_key_of

    tables, rows = _encode_ops(ops)
    payload = json.dumps(
        {"deps": deps, "created": created_ms, "tables": tables, "ops": rows},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    nonce = secrets.token_bytes(12)
    header = json.dumps(
        {
            "format": FORMAT,
            "team": team,
            "device": device,
            "seq": seq,
            "prev": prev,
            "key": key_id(team_key),
            "pub": public_key_of(signing_key),
            "nonce": b64(nonce),
            "codec": "zlib+json",
            "ops": len(ops),
        },
        separators=(",", ":"),
    ).encode()
    head = MAGIC + struct.pack(">I", len(header)) + header
    body = ChaCha20Poly1305(team_key).encrypt(nonce, zlib.compress(payload, COMPRESSION_LEVEL), head)
    signed = head + body
    return signed + Ed25519PrivateKey.from_private_bytes(signing_key).sign(signed)


def read_header(data: bytes) -> Header:
    """The readable header (no key needed); raises BundleError for files that are not bundles."""
    if len(data) < len(MAGIC) + 4 + SIGNATURE_BYTES:
        raise BundleError("truncated", "파일이 잘렸습니다.", "The file is truncated.")
    if not data.startswith(MAGIC):
        raise BundleError("not_bundle", "동기화 묶음 파일이 아닙니다.", "Not a sync bundle file.")
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if length > MAX_HEADER or start + length + SIGNATURE_BYTES > len(data):
        raise BundleError("truncated", "파일이 잘렸거나 손상되었습니다.", "The file is truncated or damaged.")
    try:
        h = json.loads(data[start : start + length])
        return Header(
            str(h["team"]),
            str(h["device"]),
            int(h["seq"]),
            str(h["prev"]),
            str(h["key"]),
            str(h["pub"]),
            str(h["nonce"]),
        )
    except (ValueError, KeyError, TypeError):
        raise BundleError("damaged", "파일 머리말이 손상되었습니다.", "The file header is damaged.") from None


def open_bundle(
    data: bytes,
    *,
    team: str,
    team_key: bytes,
    device: str,
    seq: int,
    prev: str | None = None,
    pinned_key: str | None = None,
) -> tuple[Header, Content]:
    """Check and decrypt a bundle: right team, key, device, place in the chain, signature.

    Args:
        prev: the SHA-256 of this device's previous bundle (None: don't check the chain).
        pinned_key: the public key seen before for this device (None: first sight).

    Raises:
        BundleError: with a code: truncated, not_bundle, damaged, foreign_team, wrong_key,
            wrong_place, broken_chain, bad_signature, key_changed.
    """
    from cryptography.exceptions import InvalidSignature, InvalidTag
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    header = read_header(data)
    if header.team != team:
        raise BundleError("foreign_team", "다른 팀의 파일입니다.", "The file belongs to another team.")
    if header.key_id != key_id(team_key):
        raise BundleError(
            "wrong_key", "다른 팀 키로 암호화된 파일입니다.", "The file was encrypted with another team key."
        )
    if header.device != device or header.seq != seq:
        raise BundleError(
            "wrong_place",
            "파일 위치(기기/순번)가 내용과 다릅니다.",
            "The file's place (device/seq) does not match its content.",
        )
    if prev is not None and header.prev != prev:
        raise BundleError(
            "broken_chain",
            "이 기기의 이전 묶음과 이어지지 않습니다 (해시 체인).",
            "It does not follow this device's previous bundle (hash chain).",
        )
    if pinned_key is not None and header.public_key != pinned_key:
        raise BundleError(
            "key_changed", "이 기기의 서명 키가 바뀌었습니다.", "This device's signing key changed."
        )
    signed, signature = data[:-SIGNATURE_BYTES], data[-SIGNATURE_BYTES:]
    try:
        Ed25519PublicKey.from_public_bytes(unb64(header.public_key)).verify(signature, signed)
    except (InvalidSignature, ValueError):
        raise BundleError(
            "bad_signature",
            "서명이 맞지 않습니다 (손상 또는 위조).",
            "The signature does not verify (damaged or forged).",
        ) from None
    head_len = len(MAGIC) + 4 + struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])[0]
    try:
        plain = ChaCha20Poly1305(team_key).decrypt(unb64(header.nonce), signed[head_len:], signed[:head_len])
    except (InvalidTag, ValueError):
        raise BundleError(
            "wrong_key", "팀 키로 풀 수 없습니다.", "It cannot be decrypted with the team key."
        ) from None
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(plain, MAX_PAYLOAD)
        if inflater.unconsumed_tail:
            raise ValueError("too large")
        payload = json.loads(raw)
        content = Content(
            {str(k): int(v) for k, v in payload["deps"].items()},
            int(payload["created"]),
            _decode_ops(payload["tables"], payload["ops"]),
        )
    except (ValueError, KeyError, TypeError, IndexError, zlib.error):
        raise BundleError("damaged", "내용을 읽을 수 없습니다.", "The content cannot be read.") from None
    return header, content
