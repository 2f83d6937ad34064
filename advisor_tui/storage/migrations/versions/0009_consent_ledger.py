"""The consent ledger, the do-not-contact list and the advice-record seals.

Consent becomes an append-only ledger (`consent_event`: granted, refused,
revoked, objection, with purpose, method, wording, evidence, who and when);
each advertising contact relying on a consent is logged (`consent_use`,
UWG §7a). `do_not_contact` keeps keyed hashes of objected addresses with no
link to the person, so an objection survives erasure; `consent_key` holds the
installation's key. `advice_seal` chains hashes over records of investment
advice (FinVermV §18a). The person gets `party` (consumer or business).

The rows of the old `consent` table move into the ledger: a given consent
becomes a "granted" event (method "migrated", the old "how" as wording), a
revocation a "revoked" event, a consent never given a "refused" one; then the
old table goes, so the ledger is the one source of truth.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("party", sa.String(length=10), nullable=False, server_default="consumer")
        )
    op.create_table(
        "consent_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.Column("method", sa.String(length=30), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False, server_default=""),
        sa.Column("evidence", sa.String(length=500), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent_event", schema=None) as batch_op:
        batch_op.create_index("ix_consent_event_person_id", ["person_id"], unique=False)
    op.create_table(
        "consent_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("basis", sa.String(length=30), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["interaction_id"], ["interaction.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent_use", schema=None) as batch_op:
        batch_op.create_index("ix_consent_use_person_id", ["person_id"], unique=False)
        batch_op.create_index("ix_consent_use_interaction_id", ["interaction_id"], unique=False)
    op.create_table(
        "do_not_contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address_hash", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("do_not_contact", schema=None) as batch_op:
        batch_op.create_index("ix_do_not_contact_address_hash", ["address_hash"], unique=True)
    op.create_table(
        "consent_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_hex", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "advice_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("chain_hash", sa.String(length=64), nullable=False),
        sa.Column("retain_until", sa.Date(), nullable=False),
        sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("seq"),
    )
    with op.batch_alter_table("advice_seal", schema=None) as batch_op:
        batch_op.create_index("uq_advice_seal_interaction", ["interaction_id"], unique=True)
    _move_consents()


def _move_consents() -> None:
    """Old consent rows become ledger events (no rows are lost)."""
    conn = op.get_bind()
    tables = sa.inspect(conn).get_table_names()
    if "consent" not in tables:
        return
    rows = conn.execute(
        sa.text(
            "select person_id, channel, granted, given_at, revoked_at, how, created_at "
            "from consent order by id"
        )
    ).fetchall()
    insert = sa.text(
        "insert into consent_event (person_id, channel, address, kind, purpose, method, "
        "wording, evidence, recorded_by, occurred_at, created_at) values "
        "(:person_id, :channel, '', :kind, '', 'migrated', :wording, '', '', :at, :created)"
    )
    for person_id, channel, granted, given_at, revoked_at, how, created_at in rows:
        base = {"person_id": person_id, "channel": channel, "wording": how or ""}
        events = []
        if granted:
            events.append(("granted", given_at or created_at))
            if revoked_at is not None:
                events.append(("revoked", revoked_at))
        elif revoked_at is not None:
            events.append(("revoked", revoked_at))
        else:
            events.append(("refused", given_at or created_at))
        for kind, at in events:
            conn.execute(insert, {**base, "kind": kind, "at": at, "created": created_at})
    # One source of truth: the ledger replaces the table.
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_person_id")
    op.drop_table("consent")


def downgrade() -> None:
    # The old table comes back with each channel's latest grant, refusal or revocation.
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("how", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index("ix_consent_person_id", ["person_id"], unique=False)
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "select person_id, channel, kind, occurred_at, wording, created_at "
            "from consent_event where kind != 'objection' order by occurred_at, id"
        )
    ).fetchall()
    latest = {(r[0], r[1]): r for r in rows}
    for person_id, channel, kind, at, wording, created_at in latest.values():
        granted = kind == "granted"
        conn.execute(
            sa.text(
                "insert into consent (person_id, channel, granted, given_at, revoked_at, how, "
                "created_at) values (:p, :c, :g, :given, :revoked, :how, :created)"
            ),
            {
                "p": person_id,
                "c": channel,
                "g": granted,
                "given": at if granted else None,
                "revoked": None if granted else at,
                "how": (wording or "")[:300],
                "created": created_at,
            },
        )
    op.drop_table("advice_seal")
    op.drop_table("consent_key")
    with op.batch_alter_table("do_not_contact", schema=None) as batch_op:
        batch_op.drop_index("ix_do_not_contact_address_hash")
    op.drop_table("do_not_contact")
    with op.batch_alter_table("consent_use", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_use_interaction_id")
        batch_op.drop_index("ix_consent_use_person_id")
    op.drop_table("consent_use")
    with op.batch_alter_table("consent_event", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_event_person_id")
    op.drop_table("consent_event")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("party")
