"""`advisor backup [DEST]`: a consistent copy of the SQLite database, safe while it is in use."""

from __future__ import annotations

import argparse
from pathlib import Path

from advisor_tui.commands.context import CliContext
from advisor_tui.i18n import t

NAME = "backup"
HELP_KEY = "cli.cmd.backup"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dest", nargs="?", metavar="DEST", help=t("backup.opt.dest"))
    parser.add_argument("--force", action="store_true", help=t("output.opt.force"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def format_size(size: int) -> str:
    """Bytes as a short human figure (kB, MB, GB)."""
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.backups.copies import BackupInfo, backup_database, sqlite_path_of
    from advisor_tui.storage.urls import sqlite_file

    dest = Path(args.dest).expanduser() if args.dest else None
    if sqlite_file(ctx.database_url) is None:  # a server's database: pg_dump
        from advisor_tui.storage.pg_dump import dump_database

        dumped = dump_database(ctx.database_url, dest, force=args.force)
        info = BackupInfo(dumped, dumped.stat().st_size)
    else:
        info = backup_database(sqlite_path_of(ctx.database_url), dest, force=args.force)
    if args.json:
        ctx.print_json({"path": str(info.path), "size": info.size})
    else:
        print(t("backup.done", path=info.path, size=format_size(info.size)))
    return 0
