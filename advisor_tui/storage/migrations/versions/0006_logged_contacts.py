"""Logged contacts and the life of a callback.

An interaction keeps the number or address it went to as text (`number`), so
the history still says what was dialled after the address is deleted; it
carries the business result of the contact (`result`: appointment, callback
wanted, not interested, order, complaint, other) and a version, because its
note can be corrected afterwards (the audit keeps the old text).

A follow-up counts the calls it stands for (`attempts`: a second missed call
from the same number adds to the open callback) and says how it was closed
(`resolution`: done by hand, by a call from or to the person, by a message)
with an optional note and the contact that closed it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("number", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("result", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("resolution", sa.String(length=30), nullable=True))
        batch_op.add_column(
            sa.Column("resolution_note", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("closed_by_interaction_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            "ix_followup_closed_by_interaction_id", ["closed_by_interaction_id"], unique=False
        )
        batch_op.create_foreign_key(
            "fk_followup_closed_by_interaction",
            "interaction",
            ["closed_by_interaction_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_constraint("fk_followup_closed_by_interaction", type_="foreignkey")
        batch_op.drop_index("ix_followup_closed_by_interaction_id")
        batch_op.drop_column("closed_by_interaction_id")
        batch_op.drop_column("resolution_note")
        batch_op.drop_column("resolution")
        batch_op.drop_column("attempts")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_column("updated_at")
        batch_op.drop_column("version")
        batch_op.drop_column("result")
        batch_op.drop_column("number")
