"""`advisor doctor [--json]`: file modes, schema, integrity, backups, secure delete.

Prints each finding with what to do; exit status 1 when something needs
fixing, 0 when all is well. Changes nothing.
"""

from __future__ import annotations

import argparse

from advisor_tui.commands.context import CliContext
from advisor_tui.i18n import t

NAME = "doctor"
HELP_KEY = "doctor.cmd"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.services.doctor import run_checks

    findings = run_checks(ctx.database_url)
    bad = [f for f in findings if f.needs_fixing]
    if args.json:
        ctx.print_json(
            {
                "ok": not bad,
                "findings": [
                    {"key": f.key, "params": f.params, "fix": f.fix, "text": t(f.key, **f.params)}
                    for f in findings
                ],
            }
        )
    else:
        for finding in findings:
            mark = "✗" if finding.needs_fixing else "✓"
            print(f"{mark} {t(finding.key, **finding.params)}")
            if finding.fix is not None:
                print(f"  → {t(finding.fix, **finding.params)}")
        print(t("doctor.summary_bad", count=len(bad)) if bad else t("doctor.summary_ok"))
    return 1 if bad else 0
