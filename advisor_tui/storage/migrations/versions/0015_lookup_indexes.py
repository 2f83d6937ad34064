"""Caller lookup: indexes that filter and order at once; byte order for key ranges

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01

The lookup statements (`storage.lookup_sql`) select addresses by
`normalized` (equality) or `rev_digits` (equality or a range) and order by
`person_id, id` (after `rev_digits` for the range), with a LIMIT. With an
index on the filter column alone, PostgreSQL may instead walk the
`person_id` index in order and filter every address: it does so with a
prepared statement's generic plan (psycopg prepares a statement after five
runs; a LIMIT parameter is assumed to stop after 10% of the rows) while the
table has no statistics yet, as right after a bulk load or a restore —
240–320 ms per lookup at 100,000 persons instead of 0.3 ms. An index on
(filter column, person_id, id) gives the rows already in the wanted order, so
every plan takes it. The single-column indexes they replace are dropped.

On PostgreSQL `address.rev_digits` also compares with COLLATE "C": the suffix
range is `[digits, digits || ':')`, which relies on ':' sorting right after
'9' as in bytes (SQLite); under a German collation (glibc or ICU) ':' is
punctuation and sorts elsewhere, and longer numbers fell out of the range.

The ring pop-up for a number that is no customer's lists earlier calls from
it: `interaction.number` equal, or `interaction.external_id` (the call
monitor's key, "callmonitor:NUMBER:...") in the range of the number's prefix.
Neither column had an index of its own (the unique one leads with channel),
so every pop-up read all interactions: ~0.25 s on PostgreSQL and ~0.65 s on
SQLite at 20,000 persons, seconds at 100,000. Both get an index; on
PostgreSQL `external_id` compares in byte order for the same reason as
`rev_digits`.
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_address_normalized", table_name="address")
    op.drop_index("ix_address_rev_digits", table_name="address")
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE address ALTER COLUMN rev_digits TYPE VARCHAR(30) COLLATE "C"')
    op.create_index("ix_address_normalized_person", "address", ["normalized", "person_id", "id"])
    op.create_index("ix_address_rev_digits_person", "address", ["rev_digits", "person_id", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE interaction ALTER COLUMN external_id TYPE VARCHAR(200) COLLATE "C"')
    op.create_index("ix_interaction_number", "interaction", ["number"])
    op.create_index("ix_interaction_external_id", "interaction", ["external_id"])


def downgrade() -> None:
    op.drop_index("ix_interaction_external_id", table_name="interaction")
    op.drop_index("ix_interaction_number", table_name="interaction")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            'ALTER TABLE interaction ALTER COLUMN external_id TYPE VARCHAR(200) COLLATE "default"'
        )
    op.drop_index("ix_address_rev_digits_person", table_name="address")
    op.drop_index("ix_address_normalized_person", table_name="address")
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE address ALTER COLUMN rev_digits TYPE VARCHAR(30) COLLATE "default"')
    op.create_index("ix_address_rev_digits", "address", ["rev_digits"])
    op.create_index("ix_address_normalized", "address", ["normalized"])
