"""PostgreSQL: trigram indexes for search, byte order for sort and name keys

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

On PostgreSQL only (SQLite has FTS5 since 0002 and sorts by bytes anyway):
- `pg_trgm` GIN indexes on every field of `person_search_doc`: the folded
  text `storage.search` matches with `LIKE '%term%'` (pg_trgm serves LIKE).
- `person.sort_key` and `person_name_key.key` compare with COLLATE "C": both
  are made in Python to sort by code point (German phone-book order, DIN
  5007-2, is in the key itself, separators included); a server whose default
  collation is `de_DE.UTF-8` would ignore the separators and reorder them.
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_FIELDS = ("names", "company", "emails", "phones", "notes")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in _FIELDS:
        op.execute(
            f"CREATE INDEX ix_person_search_doc_{field}_trgm "
            f"ON person_search_doc USING gin ({field} gin_trgm_ops)"
        )
    op.execute('ALTER TABLE person ALTER COLUMN sort_key TYPE VARCHAR(300) COLLATE "C"')
    op.execute('ALTER TABLE person_name_key ALTER COLUMN key TYPE VARCHAR(100) COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for field in _FIELDS:
        op.execute(f"DROP INDEX IF EXISTS ix_person_search_doc_{field}_trgm")
    op.execute('ALTER TABLE person ALTER COLUMN sort_key TYPE VARCHAR(300) COLLATE "default"')
    op.execute('ALTER TABLE person_name_key ALTER COLUMN key TYPE VARCHAR(100) COLLATE "default"')
