"""The ``onestop`` command line (DESIGN.md §4): exit 0 ok, 1 rejected input, 2 usage error."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.core.errors import RejectedInput, reject
from desktop.core.records import Actor
from desktop.store import driver, firms, queries
from desktop.store.db import Database, default_db_path
from desktop.store.opening import get_meta, open_user_store


class UsageError(Exception):
    """Wrong command-line usage (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # noqa: D401 - argparse API
        raise UsageError(f"{self.prog}: {message}")


def language(args_lang: str | None = None) -> str:
    """``--lang`` wins, then ``ONESTOP_LANG``, then ``LANG``; Korean unless English is asked for."""
    chosen = args_lang or os.environ.get("ONESTOP_LANG") or os.environ.get("LANG", "ko")
    return "en" if chosen.lower().startswith("en") else "ko"


def actor_for(db: Database) -> Actor:
    name = os.environ.get("ONESTOP_USER") or get_meta(db, "user_name") or os.environ.get("USER", "상담원")
    return Actor(
        name=name,
        agency_id=get_meta(db, "user_agency"),
        role=get_meta(db, "user_role", "consultant"),
        device=os.environ.get("ONESTOP_DEVICE") or get_meta(db, "device_name"),
    )


class Output:
    """Prints results in the chosen language, as text or JSON."""

    def __init__(self, lang: str, as_json: bool = False) -> None:
        self.lang = lang
        self.as_json = as_json

    def t(self, ko: str, en: str) -> str:
        return en if self.lang == "en" else ko

    def emit(self, data: Any, text: str | None = None) -> None:
        if self.as_json:
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(text if text is not None else data)


# --- commands -------------------------------------------------------------------------------------


def cmd_check(db: Database, args: argparse.Namespace, out: Output) -> None:
    problems = db.integrity_problems()
    from desktop.store.schema import SCHEMA_VERSION, current_version

    data = {
        "ok": not problems,
        "problems": problems,
        "schema_version": current_version(db),
        "expected_schema_version": SCHEMA_VERSION,
        "cases": queries.count_cases(db, queries.CaseFilter()),
        "firms": firms.count_firms(db),
    }
    out.emit(
        data,
        out.t("이상 없음", "OK") + f" ({data['cases']:,} cases, {data['firms']:,} firms)"
        if not problems
        else "\n".join(problems),
    )
    if problems:
        raise reject(
            "database",
            "데이터베이스 검사에서 문제가 발견되었습니다.",
            "The database check found problems.",
            source=str(db.path),
        )


def cmd_backup(db: Database, args: argparse.Namespace, out: Output) -> None:
    target = Path(args.out)
    db.backup(target)
    out.emit({"backup": str(target)}, str(target))


def cmd_demo(db: Database, args: argparse.Namespace, out: Output) -> None:
    from desktop.store.demo import load_demo_data

    started = datetime.now()

    def progress(done: int, total: int) -> None:
        if not out.as_json and sys.stderr.isatty():
            print(f"\r{done:,} / {total:,}", end="", file=sys.stderr)

    written = load_demo_data(db, firms=args.firms, cases=args.cases, seed=args.seed, progress=progress)
    seconds = (datetime.now() - started).total_seconds()
    out.emit(
        {"firms": args.firms, "cases": written, "seconds": round(seconds, 1)},
        out.t(
            f"기업 {args.firms:,}개, 사례 {written:,}건 생성 ({seconds:.1f}초)",
            f"Created {args.firms:,} firms and {written:,} cases ({seconds:.1f} s)",
        ),
    )


# --- parser ---------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    # SUPPRESS: a value given before the subcommand must not be reset by the subcommand's default.
    common.add_argument(
        "--db", default=argparse.SUPPRESS, help="database file (default: per-user data dir, or ONESTOP_DB)"
    )
    common.add_argument(
        "--lang", choices=("ko", "en"), default=argparse.SUPPRESS, help="message language (default: Korean)"
    )
    listing = _Parser(add_help=False)
    listing.add_argument("--json", action="store_true", help="JSON output")
    listing.add_argument("--limit", type=int, default=50, help="at most N rows")

    parser = _Parser(
        prog="onestop", description="원스톱 현장지원 데스크 / OneStop Field Desk", parents=[common]
    )
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", parents=[common, listing], help="realistic Korean demo data")
    demo.add_argument("--firms", type=int, default=200)
    demo.add_argument("--cases", type=int, default=1000)
    demo.add_argument("--seed", type=int, default=42)
    demo.set_defaults(run=cmd_demo)

    from desktop.cli_cases import add_case_commands  # it imports this module: import it late

    add_case_commands(sub, common, listing)
    check = sub.add_parser("check", parents=[common, listing], help="integrity check")
    check.set_defaults(run=cmd_check)
    backup = sub.add_parser("backup", parents=[common, listing], help="online backup")
    backup.add_argument("out")
    backup.set_defaults(run=cmd_backup)
    # Imported here: the report and sync commands pull in reportlab, openpyxl and cryptography,
    # which the quick commands above do not need.
    from desktop.cli_admin import add_admin_commands
    from desktop.cli_coord import add_coord_commands
    from desktop.cli_hub import add_hub_commands
    from desktop.cli_reports import add_report_commands
    from desktop.cli_sync import add_sync_commands

    add_report_commands(sub, common, listing)
    add_sync_commands(sub, common, listing)
    add_hub_commands(sub, common, listing)
    add_coord_commands(sub, common, listing)
    add_admin_commands(sub, common, listing)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language(_peek_lang(argv))
    try:
        args = build_parser().parse_args(argv)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.command is None:
        from desktop.__main__ import main as gui_main

        return gui_main(argv)
    out = Output(language(getattr(args, "lang", None)), getattr(args, "json", False))
    try:
        return _run(args, out, lang)
    except (OSError, driver.Error) as exc:
        if not driver.is_disk_full(exc):
            raise
        # SQLite rolled the transaction back; files are written to a temp name first.
        print(driver.disk_full(exc).text(out.lang), file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, out: Output, lang: str) -> int:
    if getattr(args, "run_without_store", None) is not None:
        # restore: the live store may be the very thing that does not open; encrypt: must be closed.
        try:
            args.run_without_store(args, out)
        except RejectedInput as exc:
            print(exc.text(out.lang), file=sys.stderr)
            return 1
        return 0
    try:
        db, key_choice = open_user_store(default_db_path(getattr(args, "db", None)))
    except RejectedInput as exc:
        print(exc.text(lang), file=sys.stderr)
        return 1
    if key_choice.new_store and key_choice.key is None:
        print(key_choice.note(out.lang), file=sys.stderr)
    from desktop.store.backups import try_daily_backup

    try_daily_backup(db)
    try:
        args.run(db, args, out)
    except RejectedInput as exc:
        print(exc.text(out.lang), file=sys.stderr)
        return 1
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        db.close()
    return 0


def _peek_lang(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


if __name__ == "__main__":
    sys.exit(main())
