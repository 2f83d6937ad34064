"""External keys: what arrives from outside is recorded once.

A message's id is unique per channel (`request`); calls from the call
monitor get a key (box time, connection id, number) on the interaction or
callback follow-up they become. A replay or a second listener then finds the
row instead of doubling it. Messages already stored twice keep their rows;
all but the first lose the duplicate key (the data stays, the key cannot).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE request SET message_id = NULL WHERE message_id IS NOT NULL AND id > ("
        "SELECT MIN(earlier.id) FROM request AS earlier "
        "WHERE earlier.channel = request.channel AND earlier.message_id = request.message_id)"
    )
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.create_index(
            "uq_request_channel_message_id", ["channel", "message_id"], unique=True
        )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_id", sa.String(length=200), nullable=True))
        batch_op.create_index(
            "uq_interaction_channel_external_id", ["channel", "external_id"], unique=True
        )
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_id", sa.String(length=200), nullable=True))
        batch_op.create_index(
            "uq_followup_person_external_id", ["person_id", "external_id"], unique=True
        )


def downgrade() -> None:
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_index("uq_followup_person_external_id")
        batch_op.drop_column("external_id")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("uq_interaction_channel_external_id")
        batch_op.drop_column("external_id")
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.drop_index("uq_request_channel_message_id")
