"""`advisor export --format vcf|csv|json [-o FILE] [--person ID]`."""

from __future__ import annotations

import argparse
import sys

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t

NAME = "export"
HELP_KEY = "cli.cmd.export"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("vcf", "csv", "json"), default="vcf", help=t("export.opt.format")
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=t("export.opt.output"))
    parser.add_argument("--person", type=int, metavar="ID", help=t("export.opt.person"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    import os
    from pathlib import Path

    from advisor_tui.services.errors import NotFound
    from advisor_tui.services.exporting.contacts import write_export

    with ctx.session() as session:
        if args.output is None:
            try:
                write_export(session, args.format, sys.stdout, person_id=args.person)
                sys.stdout.flush()
            except NotFound as exc:
                print(t(exc.key, **exc.params), file=sys.stderr)
                return 1
            except BrokenPipeError:  # `advisor export | head`: the reader has seen enough
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        path = Path(args.output).expanduser()
        try:
            # Personal data: the file is the user's alone (0600), like the database.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as exc:
            raise UsageError(t("export.cannot_write", path=path, detail=exc.strerror)) from exc
        try:
            with open(fd, "w", encoding="utf-8", newline="") as out:
                count = write_export(session, args.format, out, person_id=args.person)
        except NotFound as exc:
            path.unlink(missing_ok=True)
            print(t(exc.key, **exc.params), file=sys.stderr)
            return 1
    print(t("export.done", count=count, path=path), file=sys.stderr)
    return 0
