"""Which database: the URL from the options, and the SQLite file behind a URL."""

from __future__ import annotations

import os
from pathlib import Path

from advisor_tui import paths
from advisor_tui.storage.errors import DatabaseError


def resolve_url(db_path: str | os.PathLike[str] | None, env_url: str | None = None) -> str:
    """`--db PATH` wins, then ADVISOR_DATABASE_URL, then the default file."""
    if db_path:
        return f"sqlite:///{Path(db_path).expanduser().absolute()}"
    if env_url:
        return env_url
    return f"sqlite:///{paths.default_database()}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and :memory:."""
    # Here, not at the top: `advisor who` resolves its URL without loading SQLAlchemy.
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError("db.bad_url", url=url) from exc
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)
