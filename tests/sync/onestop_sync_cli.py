"""Runs ``onestop`` with the sync commands wired in (whether or not cli.py wires them already).

Used by the tests as a real subprocess: ``python tests/sync/onestop_sync_cli.py --db X sync --hub H``.
"""

from __future__ import annotations

import argparse
import sys

from desktop import cli
from desktop.cli_sync import add_sync_commands

_build_parser = cli.build_parser


def build_parser() -> argparse.ArgumentParser:
    parser = _build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "sync" not in sub.choices:
        common = cli._Parser(add_help=False)
        common.add_argument("--db", default=argparse.SUPPRESS)
        common.add_argument("--lang", choices=("ko", "en"), default=argparse.SUPPRESS)
        listing = cli._Parser(add_help=False)
        listing.add_argument("--json", action="store_true")
        listing.add_argument("--limit", type=int, default=50)
        add_sync_commands(sub, common, listing)
    return parser


cli.build_parser = build_parser  # type: ignore[assignment]

if __name__ == "__main__":
    sys.exit(cli.main())
