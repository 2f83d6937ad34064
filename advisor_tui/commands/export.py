"""`advisor export --format vcf|csv|json [-o FILE [--force]] [--person ID]`.

A file is written through a temporary file and renamed (storage.output_files):
an existing file is replaced only with --force, the result is always 0600,
and a failure (unknown person, full disk) leaves no file and the old one as it was.
"""

from __future__ import annotations

import argparse
import sys

from advisor_tui.commands.context import CliContext, record_id
from advisor_tui.i18n import t

NAME = "export"
HELP_KEY = "cli.cmd.export"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=("vcf", "csv", "json"), default="vcf", help=t("export.opt.format")
    )
    parser.add_argument("-o", "--output", metavar="FILE", help=t("export.opt.output"))
    parser.add_argument("--force", action="store_true", help=t("output.opt.force"))
    parser.add_argument("--person", type=record_id, metavar="ID", help=t("export.opt.person"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    import os
    from pathlib import Path

    from advisor_tui.services.errors import NotFound
    from advisor_tui.services.exporting.contacts import write_export
    from advisor_tui.storage.output_files import check_target, output_file

    path = Path(args.output).expanduser() if args.output is not None else None
    if path is not None:
        check_target(path, force=args.force)  # before the database is even opened
    with ctx.session() as session:
        try:
            if path is None:
                try:
                    write_export(session, args.format, sys.stdout, person_id=args.person)
                    sys.stdout.flush()
                except BrokenPipeError:  # `advisor export | head`: the reader has seen enough
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return 0
            with output_file(path, force=args.force) as out:
                count = write_export(session, args.format, out, person_id=args.person)
        except NotFound as exc:
            print(t(exc.key, **exc.params), file=sys.stderr)
            return 1
    print(t("export.done", count=count, path=path), file=sys.stderr)
    return 0
