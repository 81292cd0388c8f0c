"""Team and device keys: making them, keeping them (OS keyring or passphrase), join codes and key files.

* The **team key** (32 random bytes) encrypts every bundle (ChaCha20-Poly1305).
* The **device key** (Ed25519) signs this laptop's bundles; its public half travels in them.
* Both live in the OS keyring (``keyring``) or, where there is none (or ``ONESTOP_PASSPHRASE``
  is set, as in scripts and tests), in the store's ``sync_secrets`` table, encrypted with a key
  derived from the passphrase (scrypt + AES-GCM).
* A **join code** (16 characters, 80 bits) unlocks an invite on the hub: the team key encrypted
  with a key derived from the code. A **key file** holds the team key itself (keep it apart).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop.core.errors import RejectedInput, reject
from desktop.store import sync_meta
from desktop.store.db import Database
from desktop.store.os_keyring import KeyringStore, b64, keyring_usable, unb64

TEAM_KEY_BYTES = 32
# scrypt cost: a join code is short-lived but guessable offline, so it gets the higher cost.
INVITE_SCRYPT_N = 2**15
STORE_SCRYPT_N = 2**14
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
CODE_LENGTH = 16
KEY_FILE_FORMAT = "onestop-team-key/1"
PASSPHRASE_ENV = "ONESTOP_PASSPHRASE"


def new_team_key() -> bytes:
    return secrets.token_bytes(TEAM_KEY_BYTES)


def key_id(team_key: bytes) -> str:
    """A short public fingerprint of the team key (tells 'wrong key' from 'damaged')."""
    return hashlib.sha256(b"onestop key id\x00" + team_key).hexdigest()[:16]


def tag(team_key: bytes, purpose: str, data: bytes) -> str:
    """HMAC-SHA256 proving knowledge of the team key (hub identity, device files)."""
    return hmac.new(team_key, purpose.encode() + b"\x00" + data, hashlib.sha256).hexdigest()


def tag_ok(team_key: bytes, purpose: str, data: bytes, expected: str) -> bool:
    return hmac.compare_digest(tag(team_key, purpose, data), expected)


# --- device signing keys ------------------------------------------------------------------------------


def new_signing_key() -> bytes:
    """Raw private bytes of a new Ed25519 key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    key = Ed25519PrivateKey.generate()
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def public_key_of(private: bytes) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = Ed25519PrivateKey.from_private_bytes(private).public_key()
    return b64(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def new_device_id() -> str:
    return secrets.token_hex(8)


# --- secret wrapping (scrypt + AES-GCM) -----------------------------------------------------------------


def wrap(secret: str, plaintext: bytes, n: int) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key = Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(secret.encode())
    return {
        "kdf": "scrypt",
        "n": n,
        "salt": b64(salt),
        "nonce": b64(nonce),
        "ct": b64(AESGCM(key).encrypt(nonce, plaintext, b"onestop")),
    }


def unwrap(secret: str, blob: dict[str, Any]) -> bytes | None:
    """The plaintext, or None if ``secret`` is wrong (or the blob damaged)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    try:
        key = Scrypt(salt=unb64(blob["salt"]), length=32, n=int(blob["n"]), r=8, p=1).derive(secret.encode())
        return AESGCM(key).decrypt(unb64(blob["nonce"]), unb64(blob["ct"]), b"onestop")
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


# --- join codes and key files ------------------------------------------------------------------------------


def new_join_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    cleaned = text.upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def make_invite(team_id: str, team_key: bytes, code: str) -> bytes:
    blob = wrap(normalise_code(code), team_key, INVITE_SCRYPT_N)
    return json.dumps({"format": "onestop-invite/1", "team": team_id, "key": blob}, indent=1).encode()


def open_invite(data: bytes, team_id: str, code: str) -> bytes | None:
    try:
        invite = json.loads(data)
    except ValueError:
        return None
    if (
        not isinstance(invite, dict)
        or invite.get("team") != team_id
        or not isinstance(invite.get("key"), dict)
    ):
        return None
    key = unwrap(normalise_code(code), invite["key"])
    return key if key is not None and len(key) == TEAM_KEY_BYTES else None


def write_key_file(path: Path, team_id: str, name: str, team_key: bytes) -> None:
    """Write the team key to a file readable by its owner only (temp file, then rename)."""
    data = json.dumps(
        {"format": KEY_FILE_FORMAT, "team": team_id, "name": name, "key": b64(team_key)},
        ensure_ascii=False,
        indent=1,
    ).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def read_key_file(path: Path) -> tuple[str, str, bytes]:
    """(team id, team name, team key) from a key file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != KEY_FILE_FORMAT:
            raise ValueError("format")
        key = unb64(data["key"])
        if len(key) != TEAM_KEY_BYTES:
            raise ValueError("length")
        return str(data["team"]), str(data.get("name", "")), key
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise reject(
            "key_file",
            f"팀 키 파일을 읽을 수 없습니다: {path}",
            f"Not a readable team key file: {path}",
            source=str(path),
        ) from None


# --- where keys live ------------------------------------------------------------------------------------


class KeysLocked(RejectedInput):
    """The keys are protected by a passphrase that was not given (GUI: ask, then retry)."""


class Keystore(Protocol):
    kind: str

    def put(self, name: str, secret: bytes) -> None: ...

    def get(self, name: str) -> bytes | None: ...


class PassphraseStore:
    """Secrets in the store file, encrypted with a key derived from a passphrase."""

    kind = "passphrase"

    def __init__(self, db: Database, passphrase: str, n: int | None = None) -> None:
        self.db = db
        self.passphrase = passphrase
        self.n = n or STORE_SCRYPT_N

    def put(self, name: str, secret: bytes) -> None:
        sync_meta.put_secret(self.db, name, json.dumps(wrap(self.passphrase, secret, self.n)).encode())

    def get(self, name: str) -> bytes | None:
        blob = sync_meta.get_secret(self.db, name)
        if blob is None:
            return None
        value = unwrap(self.passphrase, json.loads(blob))
        if value is None:
            raise reject("passphrase", "암호 문구가 틀렸습니다.", "Wrong passphrase.")
        return value


def passphrase_from_env(explicit: str | None = None) -> str | None:
    return explicit if explicit else (os.environ.get(PASSPHRASE_ENV) or None)


def _locked() -> KeysLocked:
    from desktop.core.errors import Problem

    return KeysLocked(
        Problem(
            "passphrase",
            "이 노트북의 동기화 키는 암호 문구로 보호됩니다. "
            f"암호 문구를 입력하거나 {PASSPHRASE_ENV}를 설정하세요.",
            f"This laptop's sync keys are protected by a passphrase. Enter it or set {PASSPHRASE_ENV}.",
        )
    )


def choose_keystore(db: Database, scope: str, passphrase: str | None = None) -> Keystore:
    """Where a new team membership keeps its keys: the passphrase store if a passphrase is
    given (or in ``ONESTOP_PASSPHRASE``), else the OS keyring if usable."""
    phrase = passphrase_from_env(passphrase)
    if phrase:
        return PassphraseStore(db, phrase)
    if keyring_usable():
        return KeyringStore(scope)
    raise reject(
        "passphrase",
        f"이 컴퓨터에는 OS 키 저장소가 없습니다. 암호 문구를 정하거나 {PASSPHRASE_ENV}를 설정하세요.",
        f"No OS keyring on this computer. Choose a passphrase or set {PASSPHRASE_ENV}.",
    )


def open_keystore(db: Database, kind: str, scope: str, passphrase: str | None = None) -> Keystore:
    if kind == "keyring":
        return KeyringStore(scope)
    phrase = passphrase_from_env(passphrase)
    if not phrase:
        raise _locked()
    return PassphraseStore(db, phrase)


@dataclass(frozen=True, slots=True)
class TeamKeys:
    """The unlocked keys of this laptop's team membership."""

    team_key: bytes
    signing_key: bytes
    public_key: str


def save_keys(store: Keystore, team_key: bytes, signing_key: bytes) -> None:
    """Keep both keys as one secret (one passphrase derivation to unlock them)."""
    store.put("keys", team_key + signing_key)


def load_keys(store: Keystore) -> TeamKeys:
    both = store.get("keys")
    if both is None or len(both) != TEAM_KEY_BYTES + 32:
        raise reject(
            "keys",
            "이 노트북의 동기화 키를 찾을 수 없습니다. 'onestop team join'으로 다시 참여하세요.",
            "This laptop's sync keys are missing. Join the team again ('onestop team join').",
        )
    team_key, signing_key = both[:TEAM_KEY_BYTES], both[TEAM_KEY_BYTES:]
    return TeamKeys(team_key, signing_key, public_key_of(signing_key))
