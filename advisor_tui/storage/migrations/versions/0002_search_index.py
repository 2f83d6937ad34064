"""search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Two portable tables (see storage/search.py) and, on SQLite only, an FTS5
trigram index over the document table (rows added by the application, removed
by a trigger). Existing persons are indexed at once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FIELDS = ("names", "company", "emails", "phones", "notes")
_COLS = ", ".join(_FIELDS)
_OLD = ", ".join(f"old.{f}" for f in _FIELDS)


def upgrade() -> None:
    op.create_table(
        "person_search_doc",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        *(sa.Column(name, sa.Text(), server_default="", nullable=False) for name in _FIELDS),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "person_name_key",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "person_id", "field"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_person_name_key_person_id", "person_name_key", ["person_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # External content: the text lives once, in person_search_doc.
        op.execute(
            f"CREATE VIRTUAL TABLE person_fts USING fts5({_COLS}, content='person_search_doc', "
            "content_rowid='person_id', tokenize='trigram')"
        )
        # Rows are added to person_fts by storage/search.py (FTS5 is much slower inside
        # a trigger); removal is a trigger, so a cascading person delete cleans up too.
        op.execute(
            "CREATE TRIGGER person_search_doc_ad AFTER DELETE ON person_search_doc BEGIN "
            f"INSERT INTO person_fts(person_fts, rowid, {_COLS}) "
            f"VALUES ('delete', old.person_id, {_OLD}); END"
        )
    # Folding is Python, so the index of existing persons is built by the application code.
    from advisor_tui.storage.search import rebuild_index

    rebuild_index(bind)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS person_search_doc_ad")
        op.execute("DROP TABLE IF EXISTS person_fts")
    op.drop_index("ix_person_name_key_person_id", table_name="person_name_key")
    op.drop_table("person_name_key")
    op.drop_table("person_search_doc")
