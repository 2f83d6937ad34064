"""advisors of an office: users table, who created and who is assigned

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01

- `advisor_user`: one row per advisor name seen (config `advisor_name`, default
  the login name), registered on their first write.
- `created_by` on interaction, followup and request: the advisor who recorded it
  (NULL for rows from before, and for bulk loads).
- `assigned_to` on followup and request: the colleague it is handed to (NULL:
  nobody in particular, the agenda's "all").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "advisor_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_advisor_user_name", "advisor_user", ["name"], unique=True)
    for table in ("interaction", "followup", "request"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("created_by", sa.String(length=100), nullable=True))
            if table != "interaction":
                batch.add_column(sa.Column("assigned_to", sa.String(length=100), nullable=True))
    op.create_index("ix_followup_assigned_to", "followup", ["assigned_to"])
    op.create_index("ix_request_assigned_to", "request", ["assigned_to"])


def downgrade() -> None:
    op.drop_index("ix_request_assigned_to", table_name="request")
    op.drop_index("ix_followup_assigned_to", table_name="followup")
    for table in ("interaction", "followup", "request"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("created_by")
            if table != "interaction":
                batch.drop_column("assigned_to")
    op.drop_index("ix_advisor_user_name", table_name="advisor_user")
    op.drop_table("advisor_user")
