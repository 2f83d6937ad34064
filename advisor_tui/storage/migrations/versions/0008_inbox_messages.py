"""The inbox: messages apart from the requests they belong to, candidates as rows.

Until now a request held one message's fields itself (sender name, recipient,
message id, subject, body) and one suggested person. Each message now is a
`message` row of its own (external id unique per channel; the same e-mail to
three of the advisor's addresses is one message), and every person a request
may be from is a `request_candidate` row saying how it was found. Existing
requests keep their texts: each becomes one message, its person or suggested
person one candidate. A request gets a deadline, a done time and whether it
set the person's dissatisfied mark; an address says where it came from
(`source`: "request" when learned from the inbox).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("sender", sa.String(length=500), nullable=False),
        sa.Column("sender_normalized", sa.String(length=500), nullable=True),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("recipient", sa.String(length=500), nullable=False),
        sa.Column("recipients", sa.Text(), server_default="", nullable=False),
        sa.Column("external_id", sa.String(length=500), nullable=True),
        sa.Column("thread", sa.String(length=500), nullable=False),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column("raw", sa.Text(), server_default="", nullable=False),
        sa.Column("attachments", sa.Text(), server_default="", nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["request.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.create_index("ix_message_request_id", ["request_id"], unique=False)
        batch_op.create_index("ix_message_sender_normalized", ["sender_normalized"], unique=False)
        batch_op.create_index("ix_message_received_at", ["received_at"], unique=False)
        batch_op.create_index(
            "uq_message_channel_external_id", ["channel", "external_id"], unique=True
        )
    op.create_table(
        "request_candidate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("how", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("address_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["request_id"], ["request.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["address_id"], ["address.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("request_candidate", schema=None) as batch_op:
        batch_op.create_index("ix_request_candidate_request_id", ["request_id"], unique=False)
        batch_op.create_index("ix_request_candidate_person_id", ["person_id"], unique=False)
        batch_op.create_index("ix_request_candidate_address_id", ["address_id"], unique=False)
    # Every existing request keeps its text as its one message.
    op.execute(
        "INSERT INTO message (request_id, channel, sender, sender_normalized, sender_name, "
        "recipient, recipients, external_id, thread, subject, text, raw, attachments, "
        "received_at, created_at) "
        "SELECT id, channel, sender, sender_normalized, sender_name, recipient, recipient, "
        "message_id, '', subject, body, '', '', received_at, created_at FROM request"
    )
    op.execute(
        "INSERT INTO request_candidate (request_id, person_id, how, reason, created_at) "
        "SELECT id, COALESCE(person_id, suggested_person_id), match, '', created_at "
        "FROM request WHERE COALESCE(person_id, suggested_person_id) IS NOT NULL"
    )
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.drop_index("uq_request_channel_message_id")
        batch_op.drop_index("ix_request_message_id")
        batch_op.drop_column("message_id")
        batch_op.drop_column("sender_name")
        batch_op.drop_column("recipient")
        batch_op.drop_column("subject")
        batch_op.drop_column("body")
        batch_op.add_column(sa.Column("deadline_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("done_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column(
                "marked_dissatisfied", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("source", sa.String(length=30), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("address", schema=None) as batch_op:
        batch_op.drop_column("source")
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.drop_column("marked_dissatisfied")
        batch_op.drop_column("done_at")
        batch_op.drop_column("deadline_at")
        batch_op.add_column(sa.Column("body", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("subject", sa.String(length=500), server_default=""))
        batch_op.add_column(sa.Column("recipient", sa.String(length=500), server_default=""))
        batch_op.add_column(sa.Column("sender_name", sa.String(length=200), server_default=""))
        batch_op.add_column(sa.Column("message_id", sa.String(length=500), nullable=True))
    # The first message of each request gives its text back.
    op.execute(
        "UPDATE request SET (body, subject, recipient, sender_name, message_id) = ("
        "SELECT text, subject, recipient, sender_name, external_id FROM message "
        "WHERE message.request_id = request.id ORDER BY message.id LIMIT 1) "
        "WHERE EXISTS (SELECT 1 FROM message WHERE message.request_id = request.id)"
    )
    with op.batch_alter_table("request", schema=None) as batch_op:
        batch_op.create_index("ix_request_message_id", ["message_id"], unique=False)
        batch_op.create_index(
            "uq_request_channel_message_id", ["channel", "message_id"], unique=True
        )
    op.drop_table("request_candidate")
    op.drop_table("message")
