"""Person sort key: German phone-book order (DIN 5007-2) for the customer list.

Adds `person.sort_key`, fills it for every existing person and orders the
list index by it (restricted_until first, as in 0003). The key is computed in
Python, so this migration carries its own copy of the folding and the key as
they were at revision 0004 (`domain.folding.fold`, `domain.collation.sort_key`):
a migration must not change when the application's code changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_PARTICLES = frozenset(
    {"von", "vom", "van", "zu", "zum", "zur", "de", "der", "den", "dem", "des", "ten", "ter",
     "da", "dos", "del", "della", "di", "du", "le", "la", "auf", "aus", "d'"}
)  # fmt: skip
_SEPARATOR = "\x1f"
_MAX_LENGTH = 300
_BATCH = 2000


def _fold(text: str) -> str:
    folded = text.casefold().translate(_GERMAN)
    if folded.isascii():
        return " ".join(folded.split())
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", folded)).casefold()
    return " ".join(stripped.split())


def _sort_key(first_name: str, last_name: str, company: str) -> str:
    words = last_name.split()
    while len(words) > 1 and words[0].casefold() in _PARTICLES:
        words.pop(0)
    primary = " ".join(words) if words else company
    parts = [_fold(primary), _fold(first_name)]
    if words:
        parts.append(_fold(company))
    return _SEPARATOR.join(parts).rstrip(_SEPARATOR)[:_MAX_LENGTH]


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sort_key", sa.String(length=300), server_default="", nullable=False)
        )
    conn = op.get_bind()
    person = sa.table(
        "person",
        sa.column("id", sa.Integer),
        sa.column("first_name", sa.String),
        sa.column("last_name", sa.String),
        sa.column("company", sa.String),
        sa.column("sort_key", sa.String),
    )
    update = (
        person.update()
        .where(person.c.id == sa.bindparam("pid"))
        .values(sort_key=sa.bindparam("key"))
    )
    last_id = 0
    while True:
        rows = conn.execute(
            sa.select(person.c.id, person.c.first_name, person.c.last_name, person.c.company)
            .where(person.c.id > last_id)
            .order_by(person.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            break
        conn.execute(
            update,
            [{"pid": r[0], "key": _sort_key(r[1] or "", r[2] or "", r[3] or "")} for r in rows],
        )
        last_id = rows[-1][0]
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_list_order")
        batch_op.create_index(
            "ix_person_list_order", ["restricted_until", "sort_key", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_list_order")
        batch_op.create_index(
            "ix_person_list_order",
            ["restricted_until", "last_name", "first_name", "id"],
            unique=False,
        )
        batch_op.drop_column("sort_key")
