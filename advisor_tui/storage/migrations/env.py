"""Alembic environment: runs on the connection the application hands in."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import advisor_tui.domain.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("advisor runs migrations on an open connection only")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
