"""`advisor demo`: fill an empty database with deterministic demo data."""

from __future__ import annotations

import argparse
import sys

from advisor_tui.commands.context import CliContext, UsageError
from advisor_tui.i18n import t

NAME = "demo"
HELP_KEY = "cli.cmd.demo"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--persons", type=int, default=500, metavar="N", help=t("cli.opt.persons"))
    parser.add_argument("--seed", type=int, default=1, metavar="S", help=t("cli.opt.seed"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    if not 1 <= args.persons <= 1_000_000:
        raise UsageError(t("cli.usage_error", message="--persons 1..1000000"))
    from advisor_tui.demo.generate import generate_demo

    if not sys.stderr.isatty():  # scripts and tests: no progress bar, stdout stays clean
        stats = generate_demo(ctx.engine(), persons=args.persons, seed=args.seed)
    else:
        from rich.console import Console
        from rich.progress import Progress

        # The bar goes to stderr, so `advisor demo > log` still gets just the summary.
        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task(t("demo.progress"), total=args.persons)
            stats = generate_demo(
                ctx.engine(),
                persons=args.persons,
                seed=args.seed,
                progress=lambda done: progress.update(task, completed=done),
            )
    print(t("demo.done", **stats.as_dict()))
    return 0
