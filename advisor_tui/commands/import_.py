"""`advisor import FILE...`: vCard files, vdir folders and CSV files, with a report."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from advisor_tui.commands.context import CliContext
from advisor_tui.i18n import t

if TYPE_CHECKING:
    from advisor_tui.services.importing.report import ImportReport

NAME = "import"
HELP_KEY = "cli.cmd.import"
# Below this many cards the import is over before a bar would be worth drawing.
PROGRESS_FROM = 1000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=t("import.opt.files"))
    parser.add_argument("--dry-run", action="store_true", help=t("import.opt.dry_run"))
    parser.add_argument(
        "--kind",
        choices=("customer", "prospect", "former"),
        default="customer",
        help=t("import.opt.kind"),
    )
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def _progress_bar() -> tuple[Any, Any]:
    """A rich bar on stderr, drawn only when the import turns out large and stderr is a terminal."""
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_FROM or not sys.stderr.isatty():
            return
        if "bar" not in state:
            from rich.console import Console
            from rich.progress import Progress

            # No refresh thread (auto_refresh=False): the import may fork worker processes.
            bar = Progress(console=Console(stderr=True), transient=True, auto_refresh=False)
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task(t("import.progress"), total=total)
        state["bar"].update(state["task"], completed=done)
        state["bar"].refresh()

    def stop() -> None:
        if "bar" in state:
            state["bar"].stop()

    return update, stop


def _print_report(report: ImportReport, dry_run: bool) -> None:
    for item in [*report.rejected, *report.skipped, *report.notices]:
        reason = t(item.key, **item.params)
        if item.line:
            print(t("import.rejected_line", file=item.source, line=item.line, reason=reason))
        else:  # the file as a whole
            print(t("import.rejected_file", file=item.source, reason=reason))
    for review in report.review:
        existing = ", ".join(f"#{i}" for i in review.existing_ids)
        conflicts = ", ".join(t(f"import.conflict.{c}") for c in review.conflicts)
        print(
            t(
                "import.review_line",
                file=review.source,
                line=review.line,
                person_id=review.person_id,
                existing=existing,
                conflicts=conflicts,
            )
        )
    print(t("import.summary", seconds=report.seconds, **report.counts()))
    if report.review and not dry_run:
        print(t("import.review_hint"))
    if dry_run:
        print(t("import.dry_run"))


def _one_import_at_a_time(ctx: CliContext) -> Any:
    """A lock beside the SQLite file: a second import says so and waits, before parsing."""
    import contextlib

    from advisor_tui.storage.db import sqlite_file
    from advisor_tui.storage.locks import exclusive_file_lock, lock_path

    db = sqlite_file(ctx.database_url)
    if db is None or not db.parent.is_dir():
        return contextlib.nullcontext()
    return exclusive_file_lock(
        lock_path(db, "import"), on_wait=lambda: print(t("import.waiting"), file=sys.stderr)
    )


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    with _one_import_at_a_time(ctx):
        return _run(args, ctx)


def _run(args: argparse.Namespace, ctx: CliContext) -> int:
    from pathlib import Path

    from advisor_tui.services.importing.run import import_paths

    paths = [Path(p).expanduser() for p in args.files]
    update, stop = _progress_bar() if not args.json else (None, lambda: None)
    with ctx.session() as session:
        try:
            report = import_paths(session, paths, default_kind=args.kind, progress=update)
        finally:
            stop()
        if args.dry_run:
            session.rollback()
        else:
            session.commit()
    if args.json:
        ctx.print_json({**report.as_dict(), "dry_run": args.dry_run})
    else:
        _print_report(report, args.dry_run)
    return report.exit_code
