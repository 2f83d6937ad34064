"""Start the TUI: on the configured database, or on a throwaway demo database."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from advisor_tui.commands.context import CliContext

DEMO_PERSONS = 500


def run_tui(args: argparse.Namespace, ctx: CliContext) -> int:
    demo_dir: tempfile.TemporaryDirectory[str] | None = None
    if args.demo:
        from advisor_tui.demo.generate import generate_demo

        demo_dir = tempfile.TemporaryDirectory(prefix="advisor-demo-")
        ctx.db_path = str(Path(demo_dir.name) / "demo.sqlite3")
        generate_demo(ctx.engine(), persons=DEMO_PERSONS, seed=1)
    try:
        if not args.demo:
            from advisor_tui.services.backups.copies import auto_backup_for_url

            # The day's first start copies the database in a thread; it never blocks the start.
            auto_backup_for_url(ctx.database_url)
        from advisor_tui.tui.app import AdvisorApp

        app = AdvisorApp(
            engine=ctx.engine(),
            settings=ctx.settings,
            database_label=ctx.database_url,
            demo=bool(args.demo),
        )
        app.run()
        return app.return_code or 0
    finally:
        if demo_dir is not None:
            ctx.close()
            demo_dir.cleanup()
