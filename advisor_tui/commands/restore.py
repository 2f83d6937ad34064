"""`advisor restore FILE [--yes]`: replace the database with a backup, after saving it."""

from __future__ import annotations

import argparse
from pathlib import Path

from advisor_tui.commands.context import CliContext
from advisor_tui.i18n import t

NAME = "restore"
HELP_KEY = "cli.cmd.restore"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=t("restore.opt.file"))
    parser.add_argument("--yes", "-y", action="store_true", help=t("confirm.opt.yes"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.commands.backup import format_size
    from advisor_tui.commands.confirm import confirm
    from advisor_tui.services.backups.copies import (
        check_restorable,
        restore_database,
        sqlite_path_of,
    )

    db_path = sqlite_path_of(ctx.database_url)
    file = Path(args.file).expanduser().absolute()
    check = check_restorable(file)
    question = t(
        "restore.confirm",
        file=file,
        persons=check.persons,
        size=format_size(check.size),
        db=db_path,
    )
    if not confirm(question, assume_yes=args.yes):
        print(t("confirm.declined"))
        return 1
    result = restore_database(file, db_path)
    # Bring the restored schema to head now, so a failure shows here and not in the TUI.
    ctx.engine()
    if result.previous_backup is not None:
        print(t("restore.saved_previous", path=result.previous_backup))
    print(t("restore.done", file=file, persons=result.persons, db=db_path))
    if result.erased_again:
        print(t("restore.erased_again", count=len(result.erased_again)))
    return 0
