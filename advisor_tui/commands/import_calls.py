"""`advisor import-calls FILE.csv`: the calls the box saw while the app was closed.

Reads the FRITZ!Box call list (Anrufliste, the web interface's CSV export) and
records its calls through `services.calls.calllist` with the call monitor's
rules; calls already recorded (by the monitor or an earlier import) are
skipped. Exit status 0, also when some lines were broken (they are listed by
number); 2 when the file cannot be read or is no call list.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t, tn

if TYPE_CHECKING:
    from advisor_tui.services.calls.calllist import CallListImport

NAME = "import-calls"
HELP_KEY = "calllist.cmd.help"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.csv", help=t("calllist.opt.file"))
    parser.add_argument("--dry-run", action="store_true", help=t("calllist.opt.dry_run"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def _print_report(result: CallListImport, file: str, dry_run: bool) -> None:
    for error in result.errors:
        reason = t(f"calllist.reason.{error.reason}", value=error.value)
        print(t("calllist.error_line", file=file, line=error.line, reason=reason))
    counts = result.counts()
    print(tn("calllist.summary", len(result.calls), **counts))
    if counts["ignored"]:
        print(t("calllist.ignored_note"))
    if dry_run:
        print(t("calllist.dry_run"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from pathlib import Path

    from advisor_tui.io.fritz_calllist import CallListFormatError, parse_calllist
    from advisor_tui.services.calls.calllist import import_calllist

    path = Path(args.file).expanduser()
    data = path.read_bytes()  # OSError: one sentence from cli.main, exit 2
    try:
        calls = parse_calllist(data)
    except CallListFormatError as exc:
        columns = ", ".join(exc.missing)
        raise UsageError(
            tn("calllist.missing_columns", len(exc.missing), file=args.file, columns=columns)
        ) from exc
    with ctx.session() as session:
        result = import_calllist(
            session,
            calls,
            region=ctx.settings.region,
            callback_within_hours=ctx.settings.calls.callback_within_hours,
        )
        if args.dry_run:
            session.rollback()
        else:
            session.commit()
    if args.json:
        ctx.print_json({**result.as_dict(), "file": args.file, "dry_run": args.dry_run})
    else:
        _print_report(result, args.file, args.dry_run)
    sys.stdout.flush()
    return 0
