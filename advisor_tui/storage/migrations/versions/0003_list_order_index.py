"""Customer list order index covers the restricted filter.

Paging to row 50,000 of 100,000 took ~380 ms with the old index (every
skipped row was read to test `restricted_until`); with it in front, ~5 ms.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_name_order")
        batch_op.create_index(
            "ix_person_list_order",
            ["restricted_until", "last_name", "first_name", "id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_list_order")
        batch_op.create_index(
            "ix_person_name_order", ["last_name", "first_name", "id"], unique=False
        )
