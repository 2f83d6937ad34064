"""Attention flags with history, recommendations between persons, the complaint register.

The three flags of a person (super customer, dissatisfied, payment trouble) were
booleans on `person`; they become rows of `flag_event` (set or cleared, when,
by whom, why; a payment-trouble flag with its coaching plan) and the current
state is the latest event per person and flag. Flags set before this revision
become one `set` event each (source `migration`), then the booleans go.

`recommendation` links a person to the one who recommended them. `complaint`
is the register VersVermV §17 asks for.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FLAG_COLUMNS = (
    ("is_super_customer", "super"),
    ("is_dissatisfied", "dissatisfied"),
    ("has_payment_trouble", "payment"),
)


def upgrade() -> None:
    op.create_table(
        "flag_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("flag", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False, server_default=""),
        sa.Column("followup_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["followup_id"], ["followup.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_flag_event_person_id", "flag_event", ["person_id"])
    op.create_index("ix_flag_event_followup_id", "flag_event", ["followup_id"])
    op.create_index("ix_flag_event_current", "flag_event", ["flag", "person_id", "id"])

    op.create_table(
        "recommendation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("recommended_by_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recommended_by_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_recommendation_person_id", "recommendation", ["person_id"])
    op.create_index("ix_recommendation_recommended_by_id", "recommendation", ["recommended_by_id"])

    op.create_table(
        "complaint",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("complainant", sa.String(length=300), nullable=False, server_default=""),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("forwarded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("forwarded_to", sa.String(length=300), nullable=False, server_default=""),
        sa.Column("interim_reply_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("guarantee_end", sa.Date(), nullable=True),
        sa.Column("tolerance_days", sa.Integer(), nullable=True),
        sa.Column("goodwill_note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["request_id"], ["request.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_complaint_person_id", "complaint", ["person_id"])
    op.create_index("ix_complaint_request_id", "complaint", ["request_id"])
    op.create_index("ix_complaint_status", "complaint", ["status"])

    for column, flag in _FLAG_COLUMNS:
        op.execute(
            "INSERT INTO flag_event (person_id, flag, action, at, reason, actor, source, "
            "next_step, created_at) "
            f"SELECT id, '{flag}', 'set', COALESCE(updated_at, created_at), '', '', "
            f"'migration', '', COALESCE(updated_at, created_at) FROM person WHERE {column}"
        )
    # Not batch mode: recreating `person` on SQLite drops the old table, and with
    # foreign keys on that deletes every row pointing at it (addresses, the events
    # just written). SQLite 3.35+ drops a plain column in place.
    for column, _ in _FLAG_COLUMNS:
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE person DROP COLUMN {column}")
        else:
            op.drop_column("person", column)


def downgrade() -> None:
    for column, _ in _FLAG_COLUMNS:
        op.add_column(
            "person", sa.Column(column, sa.Boolean(), nullable=False, server_default=sa.false())
        )
    for column, flag in _FLAG_COLUMNS:
        op.execute(
            f"UPDATE person SET {column} = TRUE WHERE id IN ("
            "SELECT e.person_id FROM flag_event e WHERE e.flag = "
            f"'{flag}' AND e.action = 'set' AND e.id = (SELECT MAX(f.id) FROM flag_event f "
            "WHERE f.person_id = e.person_id AND f.flag = e.flag))"
        )
    op.drop_table("complaint")
    op.drop_table("recommendation")
    op.drop_table("flag_event")
