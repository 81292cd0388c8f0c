"""``onestop team|sync|conflicts|merge-queue``: the sync commands of the command line (DESIGN.md §4).

Wired into ``desktop.cli.build_parser`` with ``add_sync_commands(sub, common, listing)``.
Scripts give the passphrase in ``ONESTOP_PASSPHRASE``, the device name in ``ONESTOP_DEVICE``
and a join code in ``ONESTOP_JOIN_CODE`` instead of prompts.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import reject
from desktop.store.db import Database

if TYPE_CHECKING:
    from desktop.cli import Output


NEW_HUB_HELP = (
    "make the folder or database a new hub of this team if it is not a hub yet "
    "(without it such a location is refused: a wrong drive letter must not become a hub)"
)


def _actor(db: Database) -> Any:
    from desktop.cli import actor_for

    return actor_for(db)


def _new_passphrase(db: Database) -> str | None:
    """A passphrase for a new membership: the environment, else a prompt if no keyring."""
    from desktop.store.os_keyring import keyring_usable
    from desktop.sync import keys

    if keys.passphrase_from_env():
        return None
    if keyring_usable() or not sys.stdin.isatty():
        return None
    first = getpass.getpass("동기화 키 암호 문구 / sync key passphrase: ")
    if first != getpass.getpass("한 번 더 / again: "):
        raise reject("passphrase", "두 암호 문구가 다릅니다.", "The two passphrases differ.")
    return first or None


def _passphrase(db: Database) -> str | None:
    """The passphrase to unlock existing keys: the environment, else a prompt when they need one."""
    from desktop.store import sync_meta
    from desktop.sync import keys

    team = sync_meta.get_team(db)
    if team is None or team.key_store != "passphrase" or keys.passphrase_from_env() or not sys.stdin.isatty():
        return None
    return getpass.getpass("동기화 키 암호 문구 / sync key passphrase: ") or None


def _device_name(args: argparse.Namespace) -> str:
    return str(getattr(args, "device", None) or os.environ.get("ONESTOP_DEVICE") or "")


# --- team ------------------------------------------------------------------------------------------


def cmd_team_create(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync import team

    made = team.create_team(
        db,
        args.hub,
        name=args.name or "",
        device_name=_device_name(args),
        passphrase=_new_passphrase(db),
        key_file=Path(args.key_file) if args.key_file else None,
    )
    out.emit(
        {
            "id": made.team_id,
            "team": made.team_name,
            "device_id": made.device_id,
            "device": made.device_name,
            "join_code": made.join_code,
        },
        out.t(
            f"팀 '{made.team_name}'을 만들었습니다. 참여 코드: {made.join_code}\n"
            f"다른 노트북: onestop team join --hub {args.hub} (코드 입력)",
            f"Created team '{made.team_name}'. Join code: {made.join_code}\n"
            f"Other laptops: onestop team join --hub {args.hub} (enter the code)",
        ),
    )


def cmd_team_join(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync import team

    code = args.code or os.environ.get("ONESTOP_JOIN_CODE")
    if not args.key_file and not code:
        if not sys.stdin.isatty():
            raise reject(
                "code",
                "참여 코드(--code 또는 ONESTOP_JOIN_CODE)나 --key-file이 필요합니다.",
                "A join code (--code or ONESTOP_JOIN_CODE) or --key-file is needed.",
            )
        code = input("참여 코드 / join code: ").strip()
    joined = team.join_team(
        db,
        args.hub,
        device_name=_device_name(args),
        key_file=Path(args.key_file) if args.key_file else None,
        code=code,
        passphrase=_new_passphrase(db),
    )
    out.emit(
        {
            "id": joined.device_id,
            "team_id": joined.team_id,
            "team": joined.team_name,
            "device": joined.device_name,
        },
        out.t(
            f"팀 '{joined.team_name}'에 '{joined.device_name}'(으)로 참여했습니다.",
            f"Joined team '{joined.team_name}' as '{joined.device_name}'.",
        ),
    )


def cmd_team_invite(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync import team

    code = team.new_invite(db, args.hub, passphrase=_passphrase(db), new_hub=args.new_hub)
    out.emit({"join_code": code}, out.t(f"참여 코드: {code}", f"Join code: {code}"))


def cmd_team_export_key(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync import team

    team.export_key_file(db, Path(args.out), passphrase=_passphrase(db))
    out.emit(
        {"key_file": args.out},
        out.t(
            f"팀 키를 {args.out}에 저장했습니다. 허브와 다른 곳에 보관하세요.",
            f"Saved the team key to {args.out}. Keep it apart from the hub.",
        ),
    )


def cmd_team_remove_device(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync import team

    removed = team.remove_device(db, args.name, _actor(db))
    out.emit(
        {"id": removed.id, "name": removed.name, "removed_after": removed.removed_after},
        out.t(
            f"기기 '{removed.name}'을 팀에서 제거했습니다 (다음 동기화 때 모든 노트북에 전달됨).",
            f"Removed device '{removed.name}' from the team (every laptop learns it on sync).",
        ),
    )


def cmd_team_status(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.store import oplog, sync_meta
    from desktop.sync import status, team

    membership = team.require_team(db)
    me = oplog.device_id(db)
    devices = [
        {"id": d.id, "name": d.name, "removed": d.removed, "this": d.id == me}
        for d in sync_meta.team_devices(db)
    ]
    data = {
        "team_id": membership.team_id,
        "team": membership.name,
        "device_id": me,
        "device": membership.device_name,
        "key_store": membership.key_store,
        "unsynced": status.unsynced_count(db),
        "conflicts": oplog.conflict_count(db),
        "devices": devices,
    }
    lines = [
        f"{membership.name} ({membership.team_id})",
        out.t(
            f"이 노트북: {membership.device_name} ({me}), 보내지 않은 변경 {data['unsynced']}건, "
            f"충돌 {data['conflicts']}건",
            f"This laptop: {membership.device_name} ({me}), {data['unsynced']} unsent changes, "
            f"{data['conflicts']} conflicts",
        ),
    ]
    lines += [
        f"  {d['name']}  {d['id']}{'  (removed)' if d['removed'] else ''}{'  *' if d['this'] else ''}"
        for d in devices
    ]
    out.emit(data, "\n".join(lines))


# --- sync -------------------------------------------------------------------------------------------


def cmd_sync(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync.engine import sync_with_hub

    def progress(stage: str, done: int, total: int) -> None:
        if not out.as_json and sys.stderr.isatty():
            print(f"\r{stage} {done:,}/{total:,}   ", end="", file=sys.stderr)

    report = sync_with_hub(
        db, args.hub, progress, passphrase=_passphrase(db), full=args.full, new_hub=args.new_hub
    )
    if not out.as_json and sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    _remember_hub_password(args.hub, out)
    made = (
        out.t(f"새 허브를 만들었습니다: {report.hub}\n", f"A new hub was made: {report.hub}\n")
        if report.new_hub
        else ""
    )
    text = made + out.t(
        f"보냄 {report.sent}묶음({report.sent_ops:,}건), "
        f"받음 {report.received}묶음({report.received_ops:,}건), "
        f"중계 {report.relayed}묶음, 충돌 {report.conflicts}건, 건너뛴 파일 {len(report.skipped)}개 "
        f"({report.seconds:.2f}초)",
        f"Sent {report.sent} bundles ({report.sent_ops:,} ops), received {report.received} "
        f"({report.received_ops:,} ops), relayed {report.relayed}, conflicts {report.conflicts}, "
        f"skipped files {len(report.skipped)} ({report.seconds:.2f} s)",
    )
    out.emit(report.as_dict(), text)
    if not out.as_json:
        for skipped in report.skipped:
            print(out.t("건너뜀: ", "Skipped: ") + skipped.text(out.lang), file=sys.stderr)
        if report.waiting:
            print(out.t("기다리는 묶음: ", "Waiting bundles: ") + ", ".join(report.waiting), file=sys.stderr)


def _remember_hub_password(hub: str, out: Output) -> None:
    """After a sync that worked: a password in a ``postgresql://`` URL goes to the OS keyring, so
    the URL without it works next time (docs/POSTGRES_HUB.md §2). A note on stderr says where it
    went, or that there was nowhere to keep it."""
    from desktop.sync.hubs import pg_password
    from desktop.sync.hubs.pg_url import display_url, is_postgres_url

    if not is_postgres_url(hub):
        return
    done = pg_password.remember_password(hub)
    url = display_url(hub)
    notes = {
        "saved": out.t(
            f"참고: 허브 비밀번호를 OS 키 저장소에 기억했습니다. 이제 --hub {url} 로 충분합니다 "
            f"(지우기: onestop hub forget-password --hub {url}).",
            f"Note: the hub password is remembered in the OS keyring; --hub {url} is enough from now "
            f"on (remove it: onestop hub forget-password --hub {url}).",
        ),
        "no_keyring": out.t(
            "참고: 이 컴퓨터에는 OS 키 저장소가 없어 허브 비밀번호를 기억하지 못했습니다 "
            "(PGPASSWORD나 ~/.pgpass를 쓰세요).",
            "Note: this computer has no OS keyring, so the hub password was not remembered "
            "(use PGPASSWORD or ~/.pgpass).",
        ),
    }
    if done in notes:
        print(notes[done], file=sys.stderr)


# --- conflicts and merge queue ----------------------------------------------------------------------


def cmd_conflicts(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync.conflicts import PERSONAL_MASKS, list_conflicts

    found = list_conflicts(db, limit=args.limit)
    lines = []
    for c in found:
        lines.append(f"{c.id}  {c.label}  {c.column}")
        mask = PERSONAL_MASKS.get(c.column)
        # Personal values are masked here too; `conflicts resolve --keep STAMP` picks one without typing it.
        lines += [
            f"    {'*' if v.shown else ' '} {(mask(str(v.value)) if mask and v.value else v.value)!r}  "
            f"({v.who}, {v.at:%Y-%m-%d %H:%M}, --keep {v.stamp})"
            for v in c.values
        ]
    out.emit(
        [c.as_dict() for c in found],
        "\n".join(lines) if lines else out.t("충돌이 없습니다.", "No conflicts."),
    )


def cmd_conflicts_resolve(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.sync.conflicts import resolve_conflict

    resolve_conflict(db, args.field_id, keep=args.keep, value=args.value, actor=_actor(db))
    out.emit({"id": args.field_id, "resolved": True}, args.field_id)


def cmd_merge_queue(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.core.ids import format_brn
    from desktop.sync.merge_queue import merge_candidates

    found = merge_candidates(db, limit=args.limit)
    data = [
        {
            "brn": c.brn,
            "keep": c.suggested_keep.id,
            "firms": [{"id": f.id, "name": f.name, "created_at": f.created_at} for f in c.firms],
        }
        for c in found
    ]
    lines = [f"{format_brn(c.brn)}  " + "  /  ".join(f"{f.name} {f.id}" for f in c.firms) for c in found]
    out.emit(
        data, "\n".join(lines) if lines else out.t("병합할 중복 기업이 없습니다.", "No duplicate firms.")
    )


# --- parser -------------------------------------------------------------------------------------------


def add_sync_commands(sub: Any, common: argparse.ArgumentParser, listing: argparse.ArgumentParser) -> None:
    """Add team, sync, conflicts and merge-queue to the ``onestop`` parser's subcommands."""
    parents = [common, listing]
    team = sub.add_parser("team", help="sync team: create, join, invite, remove a device").add_subparsers(
        dest="sub", required=True
    )
    tc = team.add_parser("create", parents=parents, help="new team: hub identity + team key")
    tc.add_argument("--hub", required=True, help="hub folder (USB stick or shared folder)")
    tc.add_argument("--name", help="team name")
    tc.add_argument("--device", help="this laptop's name (default: ONESTOP_DEVICE or the host name)")
    tc.add_argument("--key-file", help="also write the team key to this file (keep it apart from the hub)")
    tc.set_defaults(run=cmd_team_create)
    tj = team.add_parser("join", parents=parents, help="join this laptop to the hub's team")
    tj.add_argument("--hub", required=True)
    tj.add_argument("--key-file", help="team key file (instead of a join code)")
    tj.add_argument("--code", help="join code (or ONESTOP_JOIN_CODE; prompted otherwise)")
    tj.add_argument("--device", help="this laptop's name (default: ONESTOP_DEVICE or the host name)")
    tj.set_defaults(run=cmd_team_join)
    ti = team.add_parser("invite", parents=parents, help="a new join code on the hub")
    ti.add_argument("--hub", required=True)
    ti.add_argument("--new-hub", action="store_true", help=NEW_HUB_HELP)
    ti.set_defaults(run=cmd_team_invite)
    te = team.add_parser("export-key", parents=parents, help="write the team key to a file")
    te.add_argument("--out", required=True)
    te.set_defaults(run=cmd_team_export_key)
    tr = team.add_parser("remove-device", parents=parents, help="refuse a device's further bundles")
    tr.add_argument("name", help="device name or id")
    tr.set_defaults(run=cmd_team_remove_device)
    ts = team.add_parser("status", parents=parents, help="team, devices, unsent changes")
    ts.set_defaults(run=cmd_team_status)

    sy = sub.add_parser("sync", parents=parents, help="sync with a hub folder")
    sy.add_argument("--hub", required=True, help="hub folder (USB stick or shared folder)")
    sy.add_argument("--full", action="store_true", help="re-check every bundle on the hub")
    sy.add_argument("--new-hub", action="store_true", help=NEW_HUB_HELP)
    sy.set_defaults(run=cmd_sync)

    co = sub.add_parser("conflicts", parents=parents, help="the conflicts inbox")
    co.set_defaults(run=cmd_conflicts)
    cosub = co.add_subparsers(dest="sub")
    cr = cosub.add_parser("resolve", parents=parents, help="resolve one conflict")
    cr.add_argument("field_id", metavar="FIELD-ID")
    choice = cr.add_mutually_exclusive_group(required=True)
    choice.add_argument("--keep", help="keep this one of the conflicting values")
    choice.add_argument("--value", help="a new value instead of both")
    cr.set_defaults(run=cmd_conflicts_resolve)

    mq = sub.add_parser("merge-queue", parents=parents, help="firms registered twice (same BRN)")
    mq.set_defaults(run=cmd_merge_queue)
