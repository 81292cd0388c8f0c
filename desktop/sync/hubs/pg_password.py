"""A PostgreSQL hub's password: which one a connection uses, and keeping it in the OS keyring.

The first of these that has a password wins (docs/POSTGRES_HUB.md §2):

1. the URL itself (``postgresql://user:PASSWORD@host/db`` or ``?password=``), also the password
   typed in the sync page's dialog;
2. libpq's own places: ``PGPASSWORD``, then a matching line of the password file (``PGPASSFILE``,
   else ``~/.pgpass`` or ``%APPDATA%\\postgresql\\pgpass.conf``), so an administrator's setup is
   never overridden by something remembered earlier;
3. the OS keyring: service ``onestop-field-desk``, user ``hub/<user>@<host>:<port>/<dbname>`` (no
   secret in the name), put there after a sync that worked with a password from 1.

The password is never written to the settings, logs, messages or the audit trail.
"""

from __future__ import annotations

import getpass
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from desktop.store.os_keyring import KeyringStore, keyring_usable
from desktop.sync.hubs.pg_url import display_url, normalise_url

KEYRING_SCOPE = "hub"
DEFAULT_PORT = "5432"
Source = Literal["url", "libpq", "keyring", "none"]
Remembered = Literal["saved", "unchanged", "no_keyring", "no_password"]


@dataclass(frozen=True, slots=True)
class HubAccount:
    """Who logs in where, as libpq resolves it from the URL and the ``PG*`` environment."""

    user: str
    host: str
    port: str
    dbname: str

    @property
    def keyring_name(self) -> str:
        """The name under the ``hub`` scope: ``<user>@<host>:<port>/<dbname>``."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"


def default_user() -> str:
    """The user libpq logs in as when the URL names none."""
    try:
        return os.environ.get("PGUSER") or getpass.getuser()
    except (KeyError, OSError):
        return "?"


def account(url: str) -> HubAccount:
    """The login of a ``postgresql://`` URL (query parameters win over the URL's parts, as in libpq)."""
    parts = urlsplit(normalise_url(url))
    params = dict(parse_qsl(parts.query))
    userinfo, _, hosts = parts.netloc.rpartition("@")
    host, port = hosts, ""
    if not hosts.endswith("]") and ":" in hosts.rpartition("]")[2]:
        host, _, port = hosts.rpartition(":")
    user = unquote(params.get("user") or userinfo.partition(":")[0]) or default_user()
    return HubAccount(
        user=user,
        host=(params.get("host") or unquote(host) or os.environ.get("PGHOST") or "localhost").lower(),
        port=params.get("port") or port or os.environ.get("PGPORT") or DEFAULT_PORT,
        dbname=unquote(params.get("dbname") or parts.path.lstrip("/"))
        or os.environ.get("PGDATABASE")
        or user,
    )


def url_password(url: str) -> str | None:
    """The password written in the URL, if any (``user:PASSWORD@`` or ``?password=``)."""
    parts = urlsplit(normalise_url(url))
    given = dict(parse_qsl(parts.query)).get("password")
    if given:
        return given
    userinfo, at, _ = parts.netloc.rpartition("@")
    user, colon, password = userinfo.partition(":")
    return unquote(password) if at and colon and password else None


def with_password(url: str, password: str) -> str:
    """The URL with ``password`` as its password (for the connection only; never shown or stored)."""
    bare = display_url(url)
    return f"{bare}{'&' if '?' in bare else '?'}{urlencode({'password': password})}"


def _password_file() -> Path | None:
    named = os.environ.get("PGPASSFILE")
    if named:
        return Path(named)
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        return Path(appdata) / "postgresql" / "pgpass.conf" if appdata else None
    return Path.home() / ".pgpass"


def _pgpass_fields(line: str) -> list[str]:
    """One password-file line split at unescaped colons (``\\:`` and ``\\\\`` are literal)."""
    fields: list[str] = []
    current: list[str] = []
    escaped = False
    for char in line:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":" and len(fields) < 4:
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def in_password_file(login: HubAccount) -> bool:
    """True if libpq would take a password for ``login`` from its password file.

    libpq ignores the file on POSIX when others may read it, so we do too.
    """
    path = _password_file()
    try:
        if path is None or not path.is_file():
            return False
        if sys.platform != "win32" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            return False
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    host = "localhost" if login.host.startswith("/") else login.host
    wanted = (host, login.port, login.dbname, login.user)
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        fields = _pgpass_fields(line)
        matches = all(f in ("*", w) for f, w in zip(fields, wanted, strict=False))
        if len(fields) == 5 and fields[4] and matches:
            return True
    return False


def _store() -> KeyringStore:
    return KeyringStore(KEYRING_SCOPE)


def stored_password(url: str) -> str | None:
    """The password remembered in the OS keyring for this hub login (None: none, or no keyring)."""
    if not keyring_usable():
        return None
    secret = _store().get(account(url).keyring_name)
    return secret.decode("utf-8") if secret is not None else None


def password_for(url: str) -> tuple[str | None, Source]:
    """The password to send for ``url`` (None: let libpq decide) and where it comes from."""
    given = url_password(url)
    if given is not None:
        return None, "url"  # libpq reads it from the URL itself
    login = account(url)
    if os.environ.get("PGPASSWORD") or in_password_file(login):
        return None, "libpq"
    stored = stored_password(url)
    return (stored, "keyring") if stored is not None else (None, "none")


def refused_hint(source: Source) -> tuple[str, str]:
    """What to check when the server refused the password from ``source`` (Korean, English)."""
    if source == "keyring":
        return (
            "이 노트북에 기억된 비밀번호가 바뀌었을 수 있습니다: 새 비밀번호로 다시 동기화하세요.",
            "The password remembered on this laptop may have changed: sync again with the new one.",
        )
    return (
        "연결 문자열, PGPASSWORD 또는 ~/.pgpass를 확인하세요.",
        "Check the connection string, PGPASSWORD or ~/.pgpass.",
    )


def remember_password(url: str) -> Remembered:
    """After a sync that worked: keep the URL's password in the OS keyring (replacing an old one).

    Returns what happened: ``saved``, ``unchanged`` (already kept), ``no_keyring`` (nowhere to keep
    it: the caller says so), ``no_password`` (the URL has none: nothing to do).
    """
    password = url_password(url)
    if password is None:
        return "no_password"
    if not keyring_usable():
        return "no_keyring"
    if stored_password(url) == password:
        return "unchanged"
    return "saved" if _store().keep(account(url).keyring_name, password.encode("utf-8")) else "no_keyring"


def forget_password(url: str) -> bool:
    """Remove the password remembered for this hub login; True if there was one."""
    if stored_password(url) is None:
        return False
    _store().delete(account(url).keyring_name)
    return True
