"""``onestop hub serve-check|forget-password``: check a PostgreSQL hub from a laptop (connection,
tables, team); forget the hub password remembered in the OS keyring.

Wired into ``desktop.cli.build_parser`` with ``add_hub_commands(sub, common, listing)``. Each
failure (wrong password, no database, no rights, unreachable server, another team's hub) exits 1
with the reason in Korean followed by its English translation (only English with ``--lang en``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.core.errors import Problem, RejectedInput, reject
from desktop.store.db import Database

if TYPE_CHECKING:
    from desktop.cli import Output

T = TypeVar("T")


def _bilingual(step: Callable[[], T]) -> T:
    """Run a check; a refusal carries the Korean reason with the English one after it."""
    try:
        return step()
    except RejectedInput as exc:
        raise RejectedInput(
            [Problem(p.field, f"{p.ko}\n  {p.en}", p.en, p.source, p.row) for p in exc.problems]
        ) from None


def _size(n: int) -> str:
    return f"{n / 1e6:,.1f} MB" if n >= 100_000 else f"{n / 1e3:,.1f} kB"


def _team_line(out: Output, url: str, identity: Any, mine: Any, found: Any) -> str:
    """What the hub's team means for this laptop (identity and mine may be None)."""
    if identity is None and mine is not None:
        return out.t(
            f"팀: 아직 없음 — 첫 'onestop sync --hub {url}'이(가) "
            f"이 허브를 팀 '{mine.name}'의 허브로 만듭니다.",
            f"Team: none yet — the first 'onestop sync --hub {url}' "
            f"makes this the hub of team '{mine.name}'.",
        )
    if identity is None:
        return out.t(
            f"팀: 아직 없음 — 'onestop team create --hub {url} --name 팀이름'으로 팀을 만드세요.",
            f"Team: none yet — create one with 'onestop team create --hub {url} --name NAME'.",
        )
    contents = out.t(
        f"기기 {found.devices}대, 묶음 {found.bundles:,}개 ({_size(found.bytes)})",
        f"{found.devices} devices, {found.bundles:,} bundles ({_size(found.bytes)})",
    )
    whose = (
        out.t("이 노트북의 팀입니다.", "this laptop's team.")
        if mine is not None
        else out.t(
            f"이 노트북은 아직 팀에 없습니다 (onestop team join --hub {url}).",
            f"this laptop is not in it yet (onestop team join --hub {url}).",
        )
    )
    return out.t("팀: 정상 — ", "Team: OK — ") + f"'{identity.name}' ({identity.team_id}), {whose} {contents}"


def _require_url(hub: str, ko: str, en: str) -> None:
    """Refuse a folder: the command is for a PostgreSQL hub (``ko``/``en`` say what it does)."""
    from desktop.sync.hubs.pg_url import is_postgres_url

    if not is_postgres_url(hub):
        raise reject("hub", f"{ko}\n  {en}", en)


def cmd_hub_serve_check(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.store import sync_meta
    from desktop.sync import team as teams
    from desktop.sync.hubs.postgres import PostgresHub

    _require_url(
        args.hub,
        "serve-check는 PostgreSQL 허브(postgresql://사용자@서버/데이터베이스)를 확인합니다.",
        "serve-check checks a PostgreSQL hub (postgresql://user@server/database).",
    )
    hub = PostgresHub(args.hub)
    try:
        found = _bilingual(hub.check)
        identity = _bilingual(lambda: teams.read_identity(hub))
    finally:
        hub.close()
    mine = sync_meta.get_team(db)
    url = hub.location
    created = out.t(" (지금 만들었습니다)", " (created now)") if found.schema_created else ""
    lines = [
        out.t(
            f"연결: 정상 — PostgreSQL {found.server_version}, 사용자 {found.user}, "
            f"데이터베이스 {found.database} ({found.address})",
            f"Connection: OK — PostgreSQL {found.server_version}, user {found.user}, "
            f"database {found.database} ({found.address})",
        ),
        out.t(
            f"허브 표: 정상 — 버전 {found.schema_version}", f"Hub tables: OK — version {found.schema_version}"
        )
        + created,
    ]
    if identity is not None and mine is not None and identity.team_id != mine.team_id:
        ko = (
            f"이 허브는 다른 팀('{identity.name}', {identity.team_id})의 허브입니다. "
            f"이 노트북의 팀은 '{mine.name}'({mine.team_id})입니다. 연결 문자열의 데이터베이스를 확인하세요."
        )
        en = (
            f"This hub belongs to another team ('{identity.name}', {identity.team_id}); "
            f"this laptop's team is '{mine.name}' ({mine.team_id}). "
            "Check the database in the connection string."
        )
        raise reject("team", f"{ko}\n  {en}", en, source=url)
    lines.append(_team_line(out, url, identity, mine, found))
    data: dict[str, Any] = {
        "ok": True,
        "hub": url,
        "server_version": found.server_version,
        "user": found.user,
        "database": found.database,
        "address": found.address,
        "schema_version": found.schema_version,
        "schema_created": found.schema_created,
        "team_id": identity.team_id if identity else None,
        "team": identity.name if identity else None,
        "this_team": (identity.team_id == mine.team_id) if identity and mine else None,
        "devices": found.devices,
        "bundles": found.bundles,
        "bytes": found.bytes,
    }
    out.emit(data, "\n".join(lines))


def cmd_hub_forget_password(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync.hubs import pg_password
    from desktop.sync.hubs.pg_url import display_url

    _require_url(
        args.hub,
        "forget-password는 PostgreSQL 허브(postgresql://사용자@서버/데이터베이스)의 비밀번호를 지웁니다.",
        "forget-password forgets the password of a PostgreSQL hub (postgresql://user@server/database).",
    )
    url = display_url(args.hub)
    forgotten = pg_password.forget_password(args.hub)
    out.emit(
        {"hub": url, "forgotten": forgotten},
        out.t(
            f"{url}의 비밀번호를 이 노트북에서 지웠습니다."
            if forgotten
            else f"이 노트북에 기억된 {url}의 비밀번호가 없습니다.",
            f"Forgot the password of {url} on this laptop."
            if forgotten
            else f"No password of {url} is remembered on this laptop.",
        ),
    )


def add_hub_commands(sub: Any, common: argparse.ArgumentParser, listing: argparse.ArgumentParser) -> None:
    """Add ``hub serve-check|forget-password`` to the ``onestop`` parser's subcommands."""
    hub = sub.add_parser("hub", help="PostgreSQL hub: check the server, forget its password").add_subparsers(
        dest="sub", required=True
    )
    sc = hub.add_parser(
        "serve-check",
        parents=[common, listing],
        help="check a PostgreSQL hub: connection, password, database, tables, team",
    )
    sc.add_argument(
        "--hub", required=True, help="postgresql://user@server/database (password: ~/.pgpass or PGPASSWORD)"
    )
    sc.set_defaults(run=cmd_hub_serve_check)
    fp = hub.add_parser(
        "forget-password",
        parents=[common, listing],
        help="remove the hub password this laptop remembers in the OS keyring",
    )
    fp.add_argument("--hub", required=True, help="postgresql://user@server/database")
    fp.set_defaults(run=cmd_hub_forget_password)
