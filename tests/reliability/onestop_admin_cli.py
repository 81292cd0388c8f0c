"""Runs ``onestop`` with the admin commands wired in (whether or not cli.py wires them already).

Used by the tests as a real subprocess (``python tests/reliability/onestop_admin_cli.py --db X restore B``)
and in-process (:func:`main`). Mirrors the two wiring lines of ``desktop/cli.py``: the commands
in ``build_parser`` and ``run_without_store`` before the store is opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import cli
from desktop.cli_admin import add_admin_commands
from desktop.core.errors import RejectedInput

_build_parser = cli.build_parser
_main = cli.main


def build_parser() -> argparse.ArgumentParser:
    parser = _build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "restore" not in sub.choices:
        common = cli._Parser(add_help=False)
        common.add_argument("--db", default=argparse.SUPPRESS)
        common.add_argument("--lang", choices=("ko", "en"), default=argparse.SUPPRESS)
        listing = cli._Parser(add_help=False)
        listing.add_argument("--json", action="store_true")
        listing.add_argument("--limit", type=int, default=50)
        add_admin_commands(sub, common, listing)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = build_parser().parse_args(argv)
    except cli.UsageError:
        return _main(argv)
    without_store = getattr(args, "run_without_store", None)
    if without_store is None:
        return _main(argv)
    out = cli.Output(cli.language(getattr(args, "lang", None)), getattr(args, "json", False))
    try:
        without_store(args, out)
    except RejectedInput as exc:
        print(exc.text(out.lang), file=sys.stderr)
        return 1
    return 0


cli.build_parser = build_parser  # type: ignore[assignment]

if __name__ == "__main__":
    sys.exit(main())
