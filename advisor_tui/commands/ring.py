"""`advisor ring NUMBER`: a softphone's incoming call, for the running app and the phone.

Tells a running advisor app (through `io.ring_socket`) to pop up the caller,
as a call monitor RING would, then prints what `advisor who` prints (with
`--name-only` one line for the phone's caller display). With no app
running it only prints. Exit status as `who`: 0 found, 1 nobody, 2 no number.
"""

from __future__ import annotations

import argparse
import re

from advisor_tui.commands.context import CliContext
from advisor_tui.i18n import t

NAME = "ring"
HELP_KEY = "ring.cmd.help"
MIN_DIGITS = 4
_DIGITS = re.compile(r"[^0-9]")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="NUMBER", help=t("ring.opt.number"))
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    output.add_argument("--name-only", action="store_true", help=t("who.opt.name_only"))


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from advisor_tui.commands.who import answer, print_answer
    from advisor_tui.io.ring_socket import send_ring

    if len(_DIGITS.sub("", args.number)) >= MIN_DIGITS:  # what `who` could take for a number
        send_ring(args.number)  # first: the pop-up appears while this process looks up
    return print_answer(answer(ctx, args.number), args, ctx.settings.region)
