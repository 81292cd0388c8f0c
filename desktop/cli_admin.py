"""The administration commands of ``onestop``: restore, backups, encryption, audit log, erasure.

``desktop.cli.build_parser`` adds them with ``add_admin_commands(sub, common, listing)``.
``restore`` also works when the live store cannot be opened (that is when one restores), and
``encrypt``/``decrypt`` need it closed: they set ``run_without_store``, which ``desktop.cli.main``
calls before opening the store.
Bad input raises :class:`~desktop.core.errors.RejectedInput` (exit 1).
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path
from typing import Any

from desktop.cli_support import Out, command_actor
from desktop.core import roles
from desktop.core.errors import RejectedInput, reject
from desktop.core.records import Actor
from desktop.store import audit, backups, dbkey, driver, encryption, firms
from desktop.store.db import Database, default_db_path


def _actor_without_store(path: Path) -> Actor:
    """Who restores: from the live store's settings when it still opens, else from the environment."""
    name = os.environ.get("ONESTOP_USER") or os.environ.get("USER") or "상담원"
    try:
        db = Database(path, readonly=True, key=dbkey.key_for(path).key)
        try:
            return command_actor(db)
        finally:
            db.close()
    except (driver.Error, OSError):
        return Actor(name=name, role="", device=os.environ.get("ONESTOP_DEVICE", ""))


# --- restore and backups --------------------------------------------------------------------------


def restore_without_store(args: argparse.Namespace, out: Out) -> None:
    """``onestop restore BACKUP``: check the backup, then swap it in (the live store is not opened)."""
    live = default_db_path(getattr(args, "db", None))
    actor = _actor_without_store(live) if live.exists() else Actor(name=os.environ.get("USER", "상담원"))
    result = backups.restore_backup(
        Path(args.backup), live, actor, key=dbkey.saved_key(), reason=args.reason or ""
    )
    info = result.restored
    data = {
        "restored": str(info.path),
        "live": str(result.live),
        "schema_version": info.schema_version,
        "migrated_to": _schema_version(),
        "firms": info.firms,
        "cases": info.cases,
        "before_restore": str(result.before_restore) if result.before_restore else None,
    }
    kept = (
        out.t(
            f"\n이전 데이터베이스는 {result.before_restore} 에 보관했습니다.",
            f"\nThe replaced database is kept as {result.before_restore}.",
        )
        if result.before_restore
        else ""
    )
    out.emit(
        data,
        out.t(
            f"복원했습니다: {info.path} → {result.live} (기업 {info.firms:,}개, 사례 {info.cases:,}건, "
            f"스키마 {info.schema_version}→{_schema_version()})",
            f"Restored {info.path} → {result.live} ({info.firms:,} firms, {info.cases:,} cases, "
            f"schema {info.schema_version}→{_schema_version()})",
        )
        + kept,
    )


# --- encryption at rest ---------------------------------------------------------------------------


def encrypt_without_store(args: argparse.Namespace, out: Out) -> None:
    """``onestop encrypt``: convert the plain store and its daily backups (the store is not opened)."""
    live = default_db_path(getattr(args, "db", None))
    _report_conversion(encryption.encrypt_store(live, dbkey.key_for_encrypting()), out)


def decrypt_without_store(args: argparse.Namespace, out: Out) -> None:
    """``onestop decrypt`` (support; coordinators only): the encrypted store and its backups back to plain."""
    live = default_db_path(getattr(args, "db", None))
    key = dbkey.saved_key()
    if key is None:
        raise reject(
            "database",
            f"이 컴퓨터에 데이터베이스 키가 없습니다 (OS 키 저장소나 {dbkey.KEY_ENV}). "
            "아무것도 바꾸지 않았습니다.",
            f"This computer has no database key (OS keyring or {dbkey.KEY_ENV}). Nothing was changed.",
            source=str(live),
        )
    roles.require(_actor_without_store(live), "store.decrypt")
    _report_conversion(encryption.decrypt_store(live, key), out)


def db_key_without_store(args: argparse.Namespace, out: Out) -> None:
    """``onestop db-key``: show the store key (to keep it safe) or, with ``--save``, put the key
    given in ONESTOP_DB_KEY into this computer's keyring. Without the key the store and its
    backups cannot be read: a new laptop needs it."""
    if args.save:
        dbkey.save_env_key_in_keyring()
        saved = out.t("키를 OS 키 저장소에 저장했습니다.", "The key is saved in the OS keyring.")
        out.emit({"saved": True}, saved)
        return
    key = dbkey.saved_key()
    if key is None:
        raise reject(
            "database",
            "이 컴퓨터에 데이터베이스 키가 없습니다 (데이터베이스가 암호화되어 있지 않습니다).",
            "This computer has no database key (the database is not encrypted).",
        )
    out.emit(
        {"key": key.hex()},
        out.t(
            f"{key.hex()}\n이 키를 안전한 곳(비밀번호 관리자, 봉인된 봉투)에 보관하세요. 새 노트북에서는 "
            f"{dbkey.KEY_ENV}에 넣고 'onestop db-key --save'를 실행합니다.",
            f"{key.hex()}\nKeep this key somewhere safe (a password manager, a sealed envelope). On a new "
            f"laptop, put it in {dbkey.KEY_ENV} and run 'onestop db-key --save'.",
        ),
    )


def _report_conversion(done: encryption.Conversion, out: Out) -> None:
    encrypted = ("암호화했습니다", "Encrypted")
    state_ko, state_en = encrypted if done.encrypted else ("복호화했습니다", "Decrypted")
    out.emit(
        {
            "database": str(done.live),
            "encrypted": done.encrypted,
            "tables": done.tables,
            "rows": done.rows,
            "backups": [str(p) for p in done.backups],
        },
        out.t(
            f"{state_ko}: {done.live} (표 {done.tables}개, 행 {done.rows:,}개 확인, "
            f"백업 {len(done.backups)}개 변환)",
            f"{state_en} {done.live} ({done.tables} tables, {done.rows:,} rows checked, "
            f"{len(done.backups)} backups converted)",
        ),
    )


def cmd_restore(db: Database, args: argparse.Namespace, out: Out) -> None:
    """The same when ``main`` opened the store first: close it, then restore."""
    db.close()
    restore_without_store(args, out)


def _schema_version() -> int:
    from desktop.store.schema import SCHEMA_VERSION

    return SCHEMA_VERSION


def cmd_backups(db: Database, args: argparse.Namespace, out: Out) -> None:
    """``onestop backups``: the automatic daily backups, newest first (``--check`` checks each)."""
    folder = backups.backup_dir(db.path)
    rows: list[dict[str, Any]] = []
    for path in backups.list_backups(folder)[: args.limit]:
        row: dict[str, Any] = {"path": str(path), "size": path.stat().st_size}
        if args.check:
            try:
                info = backups.check_backup(path, db.key)
                row |= {"ok": True, "schema_version": info.schema_version, "cases": info.cases}
            except RejectedInput as exc:
                row |= {"ok": False, "problem": exc.text(out.lang)}
        rows.append(row)
    lines = [
        f"{r['path']}  {r['size'] / 1024:,.0f} KB"
        + ("" if "ok" not in r else ("  OK" if r["ok"] else f"  {r['problem']}"))
        for r in rows
    ]
    out.emit(
        rows, "\n".join(lines) if lines else out.t(f"백업이 없습니다 ({folder})", f"No backups ({folder})")
    )


# --- audit log ------------------------------------------------------------------------------------

AUDIT_FIELDS = ("at", "actor", "role", "action", "target", "reason", "detail")


def cmd_audit(db: Database, args: argparse.Namespace, out: Out) -> None:
    """``onestop audit``: who viewed, exported, unmasked or changed what (coordinators only)."""
    actor = command_actor(db)
    roles.require(actor, "audit.view")
    limit = 10**9 if args.all else args.limit
    entries = audit.entries(db, limit=limit, action_prefix=args.action or "")
    rows = [{k: getattr(e, k) for k in AUDIT_FIELDS} for e in entries]
    if args.out:
        target = Path(args.out)
        _write_csv(target, rows)
        with db.transaction():
            audit.record(db, actor, "audit.export", str(target), detail=f"{len(rows)} entries")
        out.emit(
            {"out": str(target), "entries": len(rows)},
            out.t(f"{target}: 감사 기록 {len(rows):,}건", f"{target}: {len(rows):,} audit entries"),
        )
        return
    with db.transaction():
        audit.record(db, actor, "audit.view", "", detail=f"{len(rows)} entries")
    lines = [
        f"{r['at']}  {r['actor']} ({r['role'] or '-'})  {r['action']}  {r['target']}"
        + (f"  [{r['reason']}]" if r["reason"] else "")
        for r in rows
    ]
    out.emit(rows, "\n".join(lines) if lines else out.t("감사 기록이 없습니다.", "No audit entries."))


def _write_csv(target: Path, rows: list[dict[str, Any]]) -> None:
    """CSV for Excel (UTF-8 with BOM); cells starting with = + - @ are written as text; appears only whole."""
    from reports.scratch import atomic_target

    with atomic_target(target) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=AUDIT_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_text(str(v)) for k, v in row.items()})


def _csv_text(value: str) -> str:
    return "'" + value if value.startswith(("=", "+", "-", "@", "\t", "\r")) else value


# --- erasure --------------------------------------------------------------------------------------


def cmd_erase(db: Database, args: argparse.Namespace, out: Out) -> None:
    """``onestop erase FIRM --reason R``: erase a firm's personal data here and, by sync, everywhere."""
    from desktop.store import oplog

    actor = command_actor(db)
    roles.require(actor, "firm.erase")
    targets = _firms_for(db, args.firm)
    columns = tuple(c.strip() for c in (args.columns or "").split(",") if c.strip()) or oplog.PERSONAL_COLUMNS
    db.execute("PRAGMA secure_delete = ON")  # freed space is zeroed, not left with the old values
    for firm_id in targets:
        oplog.erase_personal_data(db, firm_id, actor, args.reason or "", columns)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # old page images leave the write-ahead log
    out.emit(
        {"erased": targets, "columns": list(columns)},
        out.t(
            f"기업 {len(targets)}곳의 개인정보({', '.join(columns)})를 삭제했습니다. "
            "동기화하면 다른 노트북에서도 삭제됩니다.",
            f"Erased {', '.join(columns)} of {len(targets)} firm(s). "
            "The next sync erases them on every laptop.",
        ),
    )


def _firms_for(db: Database, key: str) -> list[str]:
    """A firm id, or every live firm with this BRN (duplicates from other laptops are the same firm)."""
    from desktop.core.ids import is_valid_brn, normalize_digits

    if db.scalar("SELECT 1 FROM firms WHERE id = ?", (key,)):
        return [key]
    digits = normalize_digits(key).replace("-", "")
    if is_valid_brn(digits):
        found: list[str] = [f.id for f in firms.firms_by_brn(db, digits)]
        if found:
            return found
    raise reject("firm", f"기업을 찾을 수 없습니다: {key}", f"No such firm: {key}")


# --- parser ---------------------------------------------------------------------------------------


def add_admin_commands(sub: Any, common: argparse.ArgumentParser, listing: argparse.ArgumentParser) -> None:
    """Add ``restore``, ``backups``, ``audit`` and ``erase`` to the ``onestop`` subcommands."""
    restore = sub.add_parser(
        "restore", parents=[common, listing], help="replace the database with a checked backup"
    )
    restore.add_argument("backup", help="backup file (onestop backup OUT, or backups/onestop-YYYY-MM-DD.db)")
    restore.add_argument("--reason", help="why (written to the restored database's audit log)")
    restore.set_defaults(run=cmd_restore, run_without_store=restore_without_store)

    # No ``run``: main calls ``run_without_store`` first, and the store must not be open.
    encrypt = sub.add_parser(
        "encrypt", parents=[common, listing], help="encrypt the database and its backups (key in the keyring)"
    )
    encrypt.set_defaults(run_without_store=encrypt_without_store)
    decrypt = sub.add_parser(
        "decrypt", parents=[common, listing], help="turn the encrypted database back into a plain one"
    )
    decrypt.set_defaults(run_without_store=decrypt_without_store)
    key = sub.add_parser("db-key", parents=[common, listing], help="show the database key, or --save it")
    key.add_argument("--save", action="store_true", help="put the key in ONESTOP_DB_KEY into the OS keyring")
    key.set_defaults(run_without_store=db_key_without_store)

    listed = sub.add_parser("backups", parents=[common, listing], help="the automatic daily backups")
    listed.add_argument("--check", action="store_true", help="check each backup (integrity, schema)")
    listed.set_defaults(run=cmd_backups)

    log = sub.add_parser("audit", parents=[common, listing], help="audit log (coordinator)")
    log.add_argument(
        "--action", help="only actions starting with this (export, report.unmask, firm.erase, ...)"
    )
    log.add_argument("--all", action="store_true", help="every entry, not only the newest --limit")
    log.add_argument("--out", help="write CSV to this file instead of listing")
    log.set_defaults(run=cmd_audit)

    erase = sub.add_parser(
        "erase", parents=[common, listing], help="erase a firm's personal data (coordinator)"
    )
    erase.add_argument("firm", help="firm id or BRN (every firm with that BRN)")
    erase.add_argument("--reason", required=True, help="why (the request), kept in the audit log")
    erase.add_argument("--columns", help="comma-separated; default: representative,phone,email,address")
    erase.set_defaults(run=cmd_erase)


__all__ = [
    "add_admin_commands",
    "cmd_audit",
    "cmd_backups",
    "cmd_erase",
    "cmd_restore",
    "db_key_without_store",
    "decrypt_without_store",
    "encrypt_without_store",
    "restore_without_store",
]
