"""What every subcommand gets: settings, language and a lazily opened database."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from advisor_tui.i18n import set_language, t

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from advisor_tui.config import Settings


def common_options() -> argparse.ArgumentParser:
    """--db and --lang, accepted before and after a (sub)command's name."""
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS lets `advisor --db X who` and `advisor who --db X` both work.
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=t("cli.opt.db"))
    common.add_argument(
        "--lang", choices=("de", "en"), default=argparse.SUPPRESS, help=t("cli.opt.lang")
    )
    return common


class UsageError(Exception):
    """Wrong arguments; the message is one sentence (exit status 2)."""


# SQLite's INTEGER is 64-bit signed: a larger id cannot name any record.
MAX_RECORD_ID = 2**63 - 1
# Arguments that name files: undecodable bytes (surrogate escapes) are a valid file name there.
_PATH_ARGUMENTS = frozenset({"files", "file", "output", "dest", "db"})


def record_id(value: str) -> int:
    """argparse type of a record id: a whole number from 1 to 2^63-1, else one sentence."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_RECORD_ID:
        raise argparse.ArgumentTypeError(t("cli.bad_id", value=printable(value)))
    return number


def printable(text: str) -> str:
    """`text` safe to print: lone surrogates (bytes that were not UTF-8) become U+FFFD."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse what no command can use: `--db ""` and text that is not valid Unicode."""
    if getattr(args, "db", None) == "":
        raise UsageError(t("cli.db_empty"))
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and _has_surrogates(item):
                raise UsageError(t("cli.bad_text", value=printable(item)))


def user_message(exc: BaseException) -> str | None:
    """The one-sentence message for errors users cause, None for programming errors.

    The sentence comes from `i18n.errors.describe_error`, as in the TUI: one
    place says what a locked database or a full disk means.
    """
    if isinstance(exc, UsageError):
        return str(exc)
    # Imported here so that `advisor --help` stays light.
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from advisor_tui.config import ConfigError
    from advisor_tui.i18n.errors import describe_error
    from advisor_tui.services.errors import ServiceError
    from advisor_tui.storage.db import DatabaseError
    from advisor_tui.storage.output_files import OutputFileError

    # What users cause or meet: refused input, a locked or unreadable database, a bad
    # settings file, a file they named (missing, not allowed, disk full), a number
    # too large for the database, text with bytes that were not UTF-8.
    caused = (
        ServiceError,
        DatabaseError,
        ConfigError,
        OperationalError,
        sqlite3.Error,
        OSError,
        OutputFileError,
        OverflowError,
        UnicodeError,
    )
    return describe_error(exc) if isinstance(exc, caused) else None


@dataclass
class CliContext:
    settings: Settings
    db_path: str | None = None
    _engine: Engine | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        from advisor_tui.config import load_settings

        check_arguments(args)
        settings = load_settings()
        lang = getattr(args, "lang", None)
        if lang:
            settings.lang = lang
        set_language(settings.lang)
        return cls(settings=settings, db_path=getattr(args, "db", None))

    @property
    def database_url(self) -> str:
        from advisor_tui.storage.db import resolve_url

        return resolve_url(self.db_path, self.settings.database_url)

    def engine(self) -> Engine:
        """The database engine, opened (and migrated) on first use."""
        if self._engine is None:
            from advisor_tui.storage.db import open_engine

            self._engine = open_engine(self.database_url)
        return self._engine

    def session(self) -> Session:
        from advisor_tui.storage.db import new_session

        return new_session(self.engine())

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @staticmethod
    def print_json(data: Any) -> None:
        import json

        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
