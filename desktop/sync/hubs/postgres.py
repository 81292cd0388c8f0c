"""A hub in a PostgreSQL database: the folder hub's bundles, byte for byte, in tables (psycopg 3).

The server stores what laptops send and never decrypts anything: bundles are the same encrypted,
signed, hash-chained files a folder hub holds, so a team can use a folder, a server or both.

Tables (created on first use, but never by reading the identity; in the first schema of the
connection's ``search_path``)::

    onestop_hub_schema     the schema version (one row)
    onestop_hub_identity   the hub identity document (one row) and the team id read from it
    onestop_hub_devices    (team, device): device document, and every device with bundles
    onestop_hub_invites    (team, invite): team key wrapped with a join code
    onestop_hub_bundles    (team, device, seq, sha256): the bundle bytes, their size, a
                           ``damaged`` flag (set aside, never deleted); a CHECK makes the server
                           refuse bytes that do not hash to the row's sha256

Two different bundles under one (device, seq) stay side by side, as two files do in a folder
(a laptop restored from an old backup can make one); the engine keeps the one that chains.

Every call is one statement in autocommit mode (a write is atomic: stored whole or not at all).
A connection that drops is reopened and the call repeated ``retries`` times (every call is
idempotent); after that a read fails with a clear message (RejectedInput), a write with
HubWriteError, and a bundle read with ConnectionError, which the engine reports and skips.
"""

from __future__ import annotations

import errno
import json
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

from desktop.core.errors import RejectedInput, reject
from desktop.sync.hubs import pg_password
from desktop.sync.hubs.base import BundleRef, HubWriteError, Listing
from desktop.sync.hubs.pg_url import display_url, normalise_url

SCHEMA_VERSION = 1
MIN_SERVER_VERSION = 110000  # sha256() on bytea
_LOCK_KEY = 7_090_475  # pg_advisory_xact_lock key while creating or upgrading the tables
_DEVICE = re.compile(r"^[0-9a-z]{6,64}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
T = TypeVar("T")
# Found dead within about a minute when the line drops silently (unless the URL says otherwise).
_DEFAULTS = {
    "application_name": "onestop-hub",
    "keepalives": "1",
    "keepalives_idle": "30",
    "keepalives_interval": "10",
    "keepalives_count": "3",
}

_CREATE = """
CREATE TABLE IF NOT EXISTS onestop_hub_schema (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version integer NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS onestop_hub_identity (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    team text NOT NULL,
    doc bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS onestop_hub_devices (
    team text NOT NULL,
    device text NOT NULL,
    info bytea,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team, device)
);
CREATE TABLE IF NOT EXISTS onestop_hub_invites (
    team text NOT NULL,
    invite text NOT NULL,
    data bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team, invite)
);
CREATE TABLE IF NOT EXISTS onestop_hub_bundles (
    team text NOT NULL,
    device text NOT NULL,
    seq bigint NOT NULL CHECK (seq > 0),
    sha256 text NOT NULL CHECK (sha256 = encode(sha256(data), 'hex')),
    data bytea NOT NULL,
    size integer NOT NULL,
    damaged boolean NOT NULL DEFAULT false,
    stored_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team, device, seq, sha256)
);
CREATE INDEX IF NOT EXISTS onestop_hub_bundles_damaged ON onestop_hub_bundles (team, device) WHERE damaged;
"""
# Forward-only upgrades: MIGRATIONS[n] takes the tables from version n - 1 to n.
MIGRATIONS: dict[int, str] = {}

_LIST = """
SELECT seq, sha256, false FROM onestop_hub_bundles
 WHERE team = %(team)s AND device = %(device)s AND seq > %(after)s AND NOT damaged
UNION ALL
SELECT seq, sha256, true FROM onestop_hub_bundles WHERE team = %(team)s AND device = %(device)s AND damaged
ORDER BY 1, 2
"""
_WRITE = """
WITH device AS (
    INSERT INTO onestop_hub_devices (team, device) VALUES (%(team)s, %(device)s) ON CONFLICT DO NOTHING
)
INSERT INTO onestop_hub_bundles (team, device, seq, sha256, data, size)
VALUES (%(team)s, %(device)s, %(seq)s, %(sha256)s, %(data)s, %(size)s)
ON CONFLICT (team, device, seq, sha256) DO UPDATE SET damaged = false, stored_at = now()
 WHERE onestop_hub_bundles.damaged
"""


@dataclass(frozen=True, slots=True)
class ServerCheck:
    """What ``onestop hub serve-check`` found on the server (connection, schema, contents)."""

    server_version: str
    user: str
    database: str
    address: str
    schema_version: int
    schema_created: bool
    team_id: str | None
    devices: int
    bundles: int
    bytes: int


class HubPasswordRefused(RejectedInput):
    """The server refused the password (or there was none): the GUI asks for it and tries again."""


class HubUnavailable(HubWriteError):
    """The PostgreSQL hub failed (login, rights, lost connection); ``ko``/``en`` say why, ``code`` names it.

    Writes raise it as it is; reads turn it into RejectedInput, bundle reads into ConnectionError.
    """

    def __init__(self, code: str, ko: str, en: str) -> None:
        super().__init__(en)
        self.code = code
        self.ko = ko
        self.en = en


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise HubUnavailable(
            "psycopg_missing",
            "PostgreSQL 허브를 쓰려면 psycopg가 필요합니다: pip install 'onestop-field-desk[hub]'",
            "A PostgreSQL hub needs psycopg: pip install 'onestop-field-desk[hub]'",
        ) from None
    return psycopg


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    for marker in ("FATAL:", "ERROR:"):
        if marker in text:
            text = text[text.index(marker) :]
    return " ".join(text.split())[:300]


class PostgresHub:
    """A hub in a PostgreSQL database, reached by a ``postgresql://`` URL.

    Connects on first use (the password comes from the URL, ``PGPASSWORD`` or ``~/.pgpass``, else
    the OS keyring: hubs/pg_password.py) and creates or upgrades the tables then (reading the
    identity never creates them). Keeps one
    connection; ``close()`` ends it. ``password_source`` says where the last login's password came from.
    """

    def __init__(self, url: str, *, retries: int = 1, connect_timeout: int = 10) -> None:
        self._url = normalise_url(url)
        self.retries = retries
        self.connect_timeout = connect_timeout
        self.schema_created = False
        self._conn: Any = None
        self._closer: weakref.finalize[Any, Any] | None = None
        self._team: str | None = None
        self._tables = False  # the hub tables are known to exist at the current version
        self.password_source: pg_password.Source = "none"
        parts = urlsplit(self._url)
        params = dict(parse_qsl(parts.query))
        hosts = parts.netloc.rpartition("@")[2]
        login = pg_password.account(self._url)
        self._user = login.user
        self._database = login.dbname
        self._address = params.get("host") or unquote(hosts) or "localhost"

    @property
    def location(self) -> str:
        return display_url(self._url)

    def __repr__(self) -> str:
        return f"PostgresHub({self.location!r})"

    # -- connection ------------------------------------------------------------------------------------
    def close(self) -> None:
        """End the connection (the next call opens a new one)."""
        if self._closer is not None:
            self._closer()
            self._closer = None
        self._conn = None

    def __enter__(self) -> PostgresHub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def backend_pid(self) -> int | None:
        """The server process of the open connection (tests end it to simulate a dropped line)."""
        return int(self._conn.info.backend_pid) if self._conn is not None and not self._conn.closed else None

    def _connect(self) -> Any:
        psycopg = _psycopg()
        given = psycopg.conninfo.conninfo_to_dict(self._url)
        extra: dict[str, Any] = {k: v for k, v in _DEFAULTS.items() if k not in given}
        if "connect_timeout" not in given:
            extra["connect_timeout"] = self.connect_timeout
        extra["autocommit"] = True
        password, self.password_source = pg_password.password_for(self._url)
        if password is not None:
            extra["password"] = password
        try:
            conn = psycopg.connect(self._url, **extra)
        except psycopg.Error as exc:
            raise self._explain(exc) from None
        self._conn = conn
        self._closer = weakref.finalize(self, conn.close)
        try:
            if conn.info.server_version < MIN_SERVER_VERSION:
                raise HubUnavailable(
                    "server_too_old", "PostgreSQL 11 이상이 필요합니다.", "PostgreSQL 11 or newer is needed."
                )
            conn.execute("SET synchronous_commit TO on")  # a bundle the hub accepted survives a server crash
        except BaseException:
            self.close()
            raise
        return conn

    def _ensure_schema(self, conn: Any, *, create: bool) -> bool:
        """Upgrade the tables if they are older; make them if absent and ``create``. False: no tables."""
        version = self._schema_version(conn)
        if version == SCHEMA_VERSION:
            return True
        if version is None and not create:
            return False
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            version = self._schema_version(conn)
            if version is None:
                conn.execute(_CREATE)
                conn.execute("INSERT INTO onestop_hub_schema (version) VALUES (%s)", (SCHEMA_VERSION,))
                self.schema_created = True
                return True
            if version > SCHEMA_VERSION:
                raise HubUnavailable(
                    "schema_newer",
                    f"허브 표의 버전({version})이 이 프로그램({SCHEMA_VERSION})보다 새롭습니다. "
                    "프로그램을 업데이트하세요.",
                    f"The hub tables are version {version}, newer than this program's "
                    f"({SCHEMA_VERSION}). Update the program.",
                )
            for step in range(version + 1, SCHEMA_VERSION + 1):
                conn.execute(MIGRATIONS[step])
            conn.execute("UPDATE onestop_hub_schema SET version = %s, updated_at = now()", (SCHEMA_VERSION,))
        return True

    @staticmethod
    def _schema_version(conn: Any) -> int | None:
        row = conn.execute("SELECT to_regclass('onestop_hub_schema') IS NOT NULL").fetchone()
        if not row[0]:
            return None
        found = conn.execute("SELECT version FROM onestop_hub_schema").fetchone()
        return int(found[0]) if found else 0

    def _run(self, work: Callable[[Any], T], *, make_tables: bool = True) -> T:
        """``work(connection)``, reconnecting and repeating it when the connection dropped.

        The tables are checked (and upgraded) before the first call; ``make_tables`` off leaves a
        database without them untouched (``self._tables`` stays False).
        """
        psycopg = _psycopg()
        attempt = 0
        while True:
            conn = self._conn if self._conn is not None and not self._conn.closed else self._connect()
            try:
                if not self._tables:
                    self._tables = self._ensure_schema(conn, create=make_tables)
                return work(conn)
            except psycopg.Error as exc:
                lost = conn.closed or conn.broken
                if lost:
                    self.close()
                if not lost or attempt >= self.retries:
                    raise self._explain(exc) from None
                attempt += 1

    def _explain(self, exc: BaseException) -> HubUnavailable:
        """Turn a psycopg error into a message a clinic coordinator can act on."""
        if isinstance(exc, HubUnavailable):
            return exc
        detail = _first_line(exc)
        low = detail.lower()
        state = getattr(exc, "sqlstate", None) or ""
        user, db, address = self._user, self._database, self._address
        if "password authentication failed" in low or "no password supplied" in low or state == "28P01":
            ko, en = pg_password.refused_hint(self.password_source)
            return HubUnavailable(
                "wrong_password",
                f"PostgreSQL 서버가 사용자 '{user}'의 로그인을 거부했습니다: 비밀번호가 틀렸거나 "
                f"없습니다. {ko} ({detail})",
                f"The PostgreSQL server refused user '{user}': wrong or missing password. {en} ({detail})",
            )
        if "does not exist" in low and "database" in low or state == "3D000":
            return HubUnavailable(
                "no_database",
                f"서버에 데이터베이스 '{db}'가 없습니다. 서버에서 만드세요: createdb -O {user} {db}",
                f"The server has no database '{db}'. Create it on the server: createdb -O {user} {db}",
            )
        if "role" in low and "does not exist" in low:
            return HubUnavailable(
                "no_user",
                f"서버에 사용자 '{user}'가 없습니다 (createuser --pwprompt {user}).",
                f"The server has no user '{user}' (createuser --pwprompt {user}).",
            )
        if "pg_hba.conf" in low:
            return HubUnavailable(
                "not_allowed",
                f"서버가 이 컴퓨터에서 '{user}'의 접속을 허용하지 않습니다 (서버의 pg_hba.conf). ({detail})",
                f"The server does not accept '{user}' from this computer (the server's "
                f"pg_hba.conf). ({detail})",
            )
        if state == "42501":
            return HubUnavailable(
                "no_permission",
                f"사용자 '{user}'에게 허브 표를 만들거나 쓸 권한이 없습니다. 데이터베이스를 그 사용자의 "
                f"것으로 만드세요: createdb -O {user} {db} ({detail})",
                f"User '{user}' may not create or write the hub tables. Make the database "
                f"theirs: createdb -O {user} {db} ({detail})",
            )
        if (
            state.startswith("57P")
            or state.startswith("08")
            or "connection" in low
            and ("closed" in low or "lost" in low or "terminat" in low)
        ):
            return HubUnavailable(
                "connection_lost",
                f"PostgreSQL 서버와의 연결이 끊어졌습니다. 다시 동기화하면 이어서 합니다. ({detail})",
                f"The connection to the PostgreSQL server was lost. Sync again to carry on. ({detail})",
            )
        if state:
            return HubUnavailable(
                "server_error", f"PostgreSQL 서버 오류: {detail}", f"PostgreSQL server error: {detail}"
            )
        return HubUnavailable(
            "unreachable",
            f"PostgreSQL 서버({address})에 연결할 수 없습니다. 서버가 켜져 있는지, 주소·포트·방화벽을 "
            f"확인하세요. ({detail})",
            f"Cannot reach the PostgreSQL server ({address}). Check that it is running, the "
            f"address and port, and the firewall. ({detail})",
        )

    # -- failures for readers (RejectedInput) and the team id ------------------------------------------
    def _read(self, work: Callable[[Any], T], *, make_tables: bool = True) -> T:
        """A read the sync cannot go on without: failures are RejectedInput (exit 1, a message box)."""
        try:
            return self._run(work, make_tables=make_tables)
        except HubUnavailable as exc:
            if exc.code == "wrong_password":
                refused = reject("hub", exc.ko, exc.en, source=self.location)
                raise HubPasswordRefused(refused.problems) from None
            raise reject("hub", exc.ko, exc.en, source=self.location) from None

    def _team_id(self, conn: Any) -> str | None:
        if self._team is None:
            row = conn.execute("SELECT team FROM onestop_hub_identity").fetchone()
            self._team = str(row[0]) if row else None
        return self._team

    def _write_team(self, conn: Any) -> str:
        team = self._team_id(conn)
        if team is None:
            raise HubUnavailable(
                "no_identity", "허브에 팀 정보가 아직 없습니다.", "The hub has no team identity yet."
            )
        return team

    # -- identity and devices ----------------------------------------------------------------------------
    def read_identity(self) -> bytes | None:
        """The identity document; None (and no tables made) in a database that is not a hub yet, so
        a sync pointed at the wrong database is refused without writing anything there."""

        def work(conn: Any) -> Any:
            return conn.execute("SELECT doc FROM onestop_hub_identity").fetchone() if self._tables else None

        row = self._read(work, make_tables=False)
        return bytes(row[0]) if row else None

    def create_identity(self, data: bytes) -> bool:
        try:
            team = str(json.loads(data)["team"])
        except (ValueError, KeyError, TypeError) as exc:
            raise HubWriteError(f"not a hub identity document: {exc}") from None

        def work(conn: Any) -> bool:
            row = conn.execute(
                "INSERT INTO onestop_hub_identity (team, doc) VALUES (%s, %s) ON CONFLICT DO NOTHING "
                "RETURNING true",
                (team, data),
            ).fetchone()
            return row is not None

        created = self._run(work)
        self._team = None
        return created

    def list_devices(self) -> list[str]:
        def work(conn: Any) -> list[str]:
            team = self._team_id(conn)
            if team is None:
                return []
            rows = conn.execute(
                "SELECT device FROM onestop_hub_devices WHERE team = %s ORDER BY device", (team,)
            )
            return [str(r[0]) for r in rows if _DEVICE.match(str(r[0]))]

        return self._read(work)

    def read_device_info(self, device: str) -> bytes | None:
        def work(conn: Any) -> bytes | None:
            row = conn.execute(
                "SELECT info FROM onestop_hub_devices WHERE team = %s AND device = %s",
                (self._team_id(conn), device),
            ).fetchone()
            return bytes(row[0]) if row and row[0] is not None else None

        return self._read(work) if _DEVICE.match(device) else None

    def write_device_info(self, device: str, data: bytes) -> None:
        self._check_device(device)
        self._run(
            lambda c: c.execute(
                "INSERT INTO onestop_hub_devices (team, device, info) VALUES (%s, %s, %s) "
                "ON CONFLICT (team, device) DO UPDATE SET info = EXCLUDED.info, updated_at = now()",
                (self._write_team(c), device, data),
            )
        )

    def list_invites(self) -> list[bytes]:
        def work(conn: Any) -> list[bytes]:
            rows = conn.execute(
                "SELECT data FROM onestop_hub_invites WHERE team = %s ORDER BY invite", (self._team_id(conn),)
            )
            return [bytes(r[0]) for r in rows]

        return self._read(work)

    def write_invite(self, invite_id: str, data: bytes) -> None:
        self._run(
            lambda c: c.execute(
                "INSERT INTO onestop_hub_invites (team, invite, data) VALUES (%s, %s, %s) "
                "ON CONFLICT (team, invite) DO UPDATE SET data = EXCLUDED.data",
                (self._write_team(c), invite_id, data),
            )
        )

    # -- bundles ------------------------------------------------------------------------------------------
    def _ref(self, device: str, seq: int, sha256: str) -> BundleRef:
        return BundleRef(device, seq, sha256, f"{self.location}#{device}/{seq:08d}-{sha256}")

    def list_bundles(self, device: str, after: int = 0) -> Listing:
        if not _DEVICE.match(device):
            return Listing([], [])

        def work(conn: Any) -> list[tuple[Any, ...]]:
            team = self._team_id(conn)
            if team is None:
                return []
            return list(conn.execute(_LIST, {"team": team, "device": device, "after": after}))

        listing = Listing([], [])
        for seq, sha256, damaged in self._read(work):
            (listing.quarantined if damaged else listing.refs).append(
                self._ref(device, int(seq), str(sha256))
            )
        return listing

    def read_bundle(self, ref: BundleRef) -> bytes:
        def work(conn: Any) -> Any:
            return conn.execute(
                "SELECT data FROM onestop_hub_bundles WHERE team = %s AND device = %s AND seq = %s "
                "AND sha256 = %s AND NOT damaged",
                (self._team_id(conn), ref.device, ref.seq, ref.sha256),
            ).fetchone()

        try:
            row = self._run(work)
        except HubUnavailable as exc:
            raise ConnectionError(errno.ECONNRESET, exc.en) from None
        if row is None:
            raise FileNotFoundError(errno.ENOENT, "the bundle is no longer on the hub", ref.location)
        return bytes(row[0])

    def quarantine(self, ref: BundleRef) -> None:
        self._read(
            lambda c: c.execute(
                "UPDATE onestop_hub_bundles SET damaged = true WHERE team = %s AND device = %s AND seq = %s "
                "AND sha256 = %s",
                (self._team_id(c), ref.device, ref.seq, ref.sha256),
            )
        )

    def write_bundle(self, device: str, seq: int, sha256: str, data: bytes) -> BundleRef:
        self._check_device(device)
        if not _SHA256.match(sha256) or seq < 1:
            raise HubWriteError(f"invalid bundle name {seq}-{sha256}")
        psycopg = _psycopg()

        def work(conn: Any) -> None:
            params = {
                "team": self._write_team(conn),
                "device": device,
                "seq": seq,
                "sha256": sha256,
                "data": data,
                "size": len(data),
            }
            try:
                conn.execute(_WRITE, params)
            except psycopg.errors.CheckViolation:
                raise HubUnavailable(
                    "checksum",
                    "묶음 내용이 체크섬과 맞지 않아 서버가 거부했습니다.",
                    f"The server refused bundle {device}#{seq}: its bytes do not match its sha256.",
                ) from None

        self._run(work)
        return self._ref(device, seq, sha256)

    @staticmethod
    def _check_device(device: str) -> None:
        if not _DEVICE.match(device):
            raise HubWriteError(f"invalid device id {device!r}")

    # -- serve-check --------------------------------------------------------------------------------------
    def check(self) -> ServerCheck:
        """Connect, create or upgrade the tables, and count what the hub holds.

        Raises:
            RejectedInput: with the reason (wrong password, no database, no rights, unreachable...).
        """

        def work(conn: Any) -> ServerCheck:
            version = conn.execute("SHOW server_version").fetchone()[0]
            user, database = conn.execute("SELECT current_user, current_database()").fetchone()
            team = self._team_id(conn)
            devices = conn.execute(
                "SELECT count(*) FROM onestop_hub_devices WHERE team = %s", (team,)
            ).fetchone()[0]
            bundles, size = conn.execute(
                "SELECT count(*), coalesce(sum(size), 0) FROM onestop_hub_bundles WHERE team = %s", (team,)
            ).fetchone()
            schema = self._schema_version(conn) or 0
            return ServerCheck(
                str(version),
                str(user),
                str(database),
                self._address,
                schema,
                self.schema_created,
                team,
                int(devices),
                int(bundles),
                int(size),
            )

        return self._read(work)
