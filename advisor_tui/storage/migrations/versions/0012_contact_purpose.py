"""The purpose of a logged contact: advertising, service or an answer to their request.

UWG §7 and GDPR Art. 21 apply to advertising only: the log modal asks what a
contact was for, warns before advertising without consent, and the purpose
is kept with the contact (NULL for contacts logged before).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: no table is rebuilt (a rebuilt table would cascade its children).
    op.add_column("interaction", sa.Column("purpose", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_column("purpose")
