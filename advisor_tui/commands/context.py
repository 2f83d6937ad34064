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

    # What users cause or meet: refused input, a locked or unreadable database, a bad
    # settings file, a file they named (missing, not allowed, disk full).
    caused = (ServiceError, DatabaseError, ConfigError, OperationalError, sqlite3.Error, OSError)
    return describe_error(exc) if isinstance(exc, caused) else None


@dataclass
class CliContext:
    settings: Settings
    db_path: str | None = None
    _engine: Engine | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        from advisor_tui.config import load_settings

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
