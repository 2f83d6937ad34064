"""Alembic environment: runs on the connection the application hands in.

Migrations are self-contained: neither this file nor any revision imports
application code (a revision must do what it did when it was written, whatever
the models look like today). So there is no target metadata; autogenerate is
a development tool, run with the models passed in by hand if wanted.
"""

from __future__ import annotations

from alembic import context

config = context.config
target_metadata = None


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("advisor runs migrations on an open connection only")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        # All revisions in the caller's one transaction (storage/migrate.py makes it
        # a real one on SQLite, DDL included): an interrupted upgrade leaves nothing.
        transactional_ddl=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
