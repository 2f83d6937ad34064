"""`advisor import-messages PATH…`: saved e-mail, SMS backups and WhatsApp chats into the inbox.

Every path is checked before anything is stored (exit 2 with one sentence for
a missing path, a pipe or device, a file too large or of unknown format).
Then each message goes through the inbox intake: already known messages add
nothing, so running it twice, or over overlapping exports, is safe. Places
that could not be read are listed by file and line; the rest is imported.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t, tn

if TYPE_CHECKING:
    from advisor_tui.io.messages.items import Skipped
    from advisor_tui.services.inbox.importing import MessageImport

NAME = "import-messages"
HELP_KEY = "msgimport.cmd.help"
SHOWN_PROBLEMS = 20  # more are counted, not listed (a wrong file would list every line)
PROGRESS_FROM_BYTES = 5 * 1024 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from advisor_tui.io.messages.items import CHANNELS

    parser.add_argument("paths", nargs="+", metavar="PATH", help=t("msgimport.opt.paths"))
    parser.add_argument(
        "--channel", choices=CHANNELS, default="auto", help=t("msgimport.opt.channel")
    )
    parser.add_argument(
        "--me", action="append", default=[], metavar="NAME", help=t("msgimport.opt.me")
    )
    parser.add_argument("--dry-run", action="store_true", help=t("msgimport.opt.dry_run"))
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def _reason(item: Skipped) -> str:
    if item.reason == "refused":
        return t("msgimport.reason.refused", value=t(item.value))
    return t(f"msgimport.reason.{item.reason}", value=item.value)


def _print_report(report: MessageImport, dry_run: bool) -> None:
    for item in report.problems[:SHOWN_PROBLEMS]:
        key = "msgimport.problem_line" if item.line else "msgimport.problem_file"
        print(t(key, file=item.source, line=item.line, reason=_reason(item)))
    hidden = len(report.problems) - SHOWN_PROBLEMS
    if hidden > 0:
        print(tn("msgimport.more_problems", hidden))
    print(t("msgimport.summary", **report.counts()))
    if report.other_files:
        print(tn("msgimport.other_files", report.other_files))
    if dry_run:
        print(t("msgimport.dry_run"))


def _progress(total: int) -> tuple[Any, Any]:
    """A rich bar on stderr for large imports on a terminal; (update, stop)."""
    if total < PROGRESS_FROM_BYTES or not sys.stderr.isatty():
        return None, lambda: None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(console=Console(stderr=True), transient=True)
    task = bar.add_task(t("msgimport.progress", count=0), total=total)
    bar.start()

    def update(done: int, _total: int, messages: int) -> None:
        bar.update(task, completed=done, description=t("msgimport.progress", count=messages))

    return update, bar.stop


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from pathlib import Path

    from advisor_tui.io.messages.sources import PlanError, plan
    from advisor_tui.services.inbox.importing import import_messages

    try:
        planned = plan([Path(p).expanduser() for p in args.paths], args.channel)
    except PlanError as exc:
        raise UsageError(t(exc.key, **exc.params)) from exc
    update, stop = _progress(planned.total_bytes) if not args.json else (None, lambda: None)
    with ctx.session() as session:
        try:
            report = import_messages(
                session, planned, me=tuple(args.me), region=ctx.settings.region, progress=update
            )
        finally:
            stop()
        nothing = report.found == 0 and bool(report.problems)
        if args.dry_run or nothing:
            session.rollback()
        else:
            session.commit()
    if args.json:
        ctx.print_json({**report.as_dict(), "dry_run": args.dry_run})
    else:
        _print_report(report, args.dry_run)
    if nothing:
        print(t("msgimport.err.nothing_read"), file=sys.stderr)
        return 2
    return 0
