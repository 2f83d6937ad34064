"""Ask the user before a destructive step: y/n on a terminal, refuse without one.

Not a subcommand (it is not in cli.COMMAND_MODULES); shared by restore and gdpr.
"""

from __future__ import annotations

import sys

from advisor_tui.commands.context import UsageError
from advisor_tui.i18n import t

YES = {"j", "ja", "y", "yes"}


def confirm(question: str, *, assume_yes: bool) -> bool:
    """True when the user agrees; `--yes` agrees; no terminal and no `--yes` is a usage error."""
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError(t("confirm.no_tty"))
    # The question goes to stderr so that stdout stays clean for scripts.
    print(f"{question} {t('confirm.choices')} ", end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return False
    return answer.strip().casefold() in YES
