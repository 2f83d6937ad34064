"""The command line: `advisor` starts the TUI, `advisor CMD` runs one command.

Subcommands live in `advisor_tui.commands`, one module each, registered by
name below. Modules are imported only to build the parser, so they import
nothing heavy at module level (no textual, no sqlmodel): `advisor who` must
start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from advisor_tui import __version__
from advisor_tui.commands.context import CliContext, UsageError, common_options
from advisor_tui.i18n import guess_language, set_language, t

# Each module defines NAME, HELP_KEY, add_arguments(parser) and run(args, ctx) -> int.
COMMAND_MODULES = (
    "who",
    "ring",
    "search",
    "import_",
    "export",
    "duplicates",
    "backup",
    "restore",
    "gdpr",
    "callmonitor",
    "due",
    "stale",
    "complaints",
    "campaign",
    "consent",
    "advice_records",
    "log_call",
    "import_calls",
    "import_messages",
    "incoming",
    "demo",
    "db",
    "doctor",
)


# argparse's own words (usage, options, its error messages) in the user's language.
_ARGPARSE_DE = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe anzeigen und beenden",
    "show program's version number and exit": "Version anzeigen und beenden",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Wahl: %(value)r (möglich: %(choices)s)"
    ),
    "expected one argument": "erwartet einen Wert",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
}


def _translate_argparse(lang: str) -> None:
    table = _ARGPARSE_DE if lang == "de" else {}
    argparse._ = lambda text: table.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one sentence with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(t("cli.usage_error", message=message))


def _named_command(argv: Sequence[str]) -> str | None:
    """The module of the command named in `argv`, when the parser needs no other.

    `advisor who` answers a ringing phone: building the parsers of every command
    (importing each module, every help text) is time it does not have. Help and
    unknown names get the whole parser, so what they print does not change.
    """
    if "-h" in argv or "--help" in argv:
        return None
    tokens = iter(argv)
    for token in tokens:
        if token in ("--db", "--lang"):
            next(tokens, None)
        elif not token.startswith("-"):
            modules = {name.rstrip("_").replace("_", "-"): name for name in COMMAND_MODULES}
            return modules.get(token)
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or with `only` one command module's (the one being run)."""
    common = common_options()
    parser = _Parser(prog="advisor", description=t("cli.description"), parents=[common])
    parser.add_argument("--version", action="version", version=f"advisor {__version__}")
    parser.add_argument("--demo", action="store_true", help=t("cli.opt.demo"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in (only,) if only else COMMAND_MODULES:
        module = importlib.import_module(f"advisor_tui.commands.{name}")
        sub = subparsers.add_parser(
            module.NAME,
            help=t(module.HELP_KEY),
            description=t(module.HELP_KEY),
            parents=[common],  # type: ignore[list-item]  # typeshed: parents of the subclass
        )
        module.add_arguments(sub)
        sub.set_defaults(handler=module.run)
    return parser


def _early_language(argv: Sequence[str]) -> str:
    """--lang must be known before the parser's help texts are built."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return guess_language()


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _early_language(args_list)
    set_language(lang)
    _translate_argparse(lang)
    ctx: CliContext | None = None
    try:
        args = build_parser(_named_command(args_list)).parse_args(args_list)
        ctx = CliContext.from_args(args)
        handler = getattr(args, "handler", None)
        if handler is None:
            from advisor_tui.commands.tui import run_tui

            return run_tui(args, ctx)
        return int(handler(args, ctx))
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:  # one sentence, never a traceback
        from advisor_tui.commands.context import user_message

        message = user_message(exc)
        if message is None:
            raise
        if not isinstance(exc, UsageError):
            message = t("cli.error", message=message)
        print(message, file=sys.stderr)
        return 2
    finally:
        if ctx is not None:
            ctx.close()


if __name__ == "__main__":
    sys.exit(main())
