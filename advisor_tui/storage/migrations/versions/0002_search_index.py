"""search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Two portable tables (see storage/search.py) and, on SQLite only, an FTS5
trigram index over the document table (rows added by the application, removed
by a trigger). Existing persons are indexed at once.

A migration must not change when the application does, so the folding and the
documents are copied here as `storage.search` built them at this revision.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_FIELDS = ("names", "company", "emails", "phones", "notes")
_COLS = ", ".join(_FIELDS)
_OLD = ", ".join(f"old.{f}" for f in _FIELDS)


def upgrade() -> None:
    op.create_table(
        "person_search_doc",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        *(sa.Column(name, sa.Text(), server_default="", nullable=False) for name in _FIELDS),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "person_name_key",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "person_id", "field"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_person_name_key_person_id", "person_name_key", ["person_id"])
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # External content: the text lives once, in person_search_doc.
        op.execute(
            f"CREATE VIRTUAL TABLE person_fts USING fts5({_COLS}, content='person_search_doc', "
            "content_rowid='person_id', tokenize='trigram')"
        )
        # Rows are added to person_fts by storage/search.py (FTS5 is much slower inside
        # a trigger); removal is a trigger, so a cascading person delete cleans up too.
        op.execute(
            "CREATE TRIGGER person_search_doc_ad AFTER DELETE ON person_search_doc BEGIN "
            f"INSERT INTO person_fts(person_fts, rowid, {_COLS}) "
            f"VALUES ('delete', old.person_id, {_OLD}); END"
        )
    _index_existing_persons(bind)


# -- the index of existing persons, as storage/search.py built it at this revision --------

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_DIGITS = re.compile(r"\D")
_PHONE_KINDS = {"mobile", "landline", "fax"}
_HANDLE_KINDS = {"email", "messenger", "social"}
_HOME_COUNTRY_CODE = "49"
_MAX_KEY = 100
_BATCH = 2000


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _fold(text: str) -> str:
    folded = text.casefold().translate(_GERMAN)
    if folded.isascii():
        return folded
    return _strip_accents(folded).casefold()


def _fold_variants(text: str) -> tuple[str, ...]:
    if text.isascii():
        return (text.lower(),)
    first = _fold(text)
    second = _strip_accents(text).casefold()
    return (first,) if second == first else (first, second)


def _fold_joined(text: str) -> str:
    return " | ".join(v for v in _fold_variants(text) if v)


def _joined(values: list[str]) -> str:
    if len(values) < 2:
        return values[0] if values else ""
    return " | ".join(dict.fromkeys(v for v in values if v))


def _phone_forms(raw: str, normalized: str | None, rev_digits: str | None, valid: Any) -> list[str]:
    if not (valid and rev_digits and normalized):
        return [_NON_DIGITS.sub("", raw)]
    national = "0" + rev_digits[::-1]
    e164 = _NON_DIGITS.sub("", normalized)
    home = _HOME_COUNTRY_CODE
    if e164.startswith(home) and e164[len(home) :] == national[1:]:
        return [national]
    return [national, "00" + e164]


def _document(
    person: Sequence[Any], addresses: Sequence[Sequence[Any]]
) -> tuple[tuple[Any, ...], set[tuple[str, int, str]]]:
    person_id, title, first_name, last_name, company, notes = person
    emails: list[str] = []
    phones: list[str] = []
    for _, kind, raw, normalized, rev_digits, valid in addresses:
        if kind in _PHONE_KINDS or (kind == "messenger" and rev_digits):
            phones.extend(_phone_forms(raw, normalized, rev_digits, valid))
        elif kind in _HANDLE_KINDS:
            emails.append((normalized or raw).casefold())
    full_name = " ".join(p for p in (title, first_name, last_name) if p)
    doc = (
        person_id,
        _fold_joined(full_name),
        _fold_joined(company),
        _joined(emails),
        _joined(phones),
        " | ".join(v for v in _fold_variants(notes) if v) if notes else "",
    )
    keys: set[tuple[str, int, str]] = set()
    for value, field in (
        (last_name.strip(), "name"),
        (f"{first_name} {last_name}".strip(), "name"),
        (company.strip(), "company"),
    ):
        if value:
            keys.update((v[:_MAX_KEY], person_id, field) for v in _fold_variants(value))
    return doc, keys


def _index_existing_persons(bind: sa.Connection) -> None:
    last_id = 0
    doc_sql = sa.text(
        f"INSERT INTO person_search_doc (person_id, {_COLS}) "
        "VALUES (:p, :names, :company, :emails, :phones, :notes)"
    )
    key_sql = sa.text('INSERT INTO person_name_key ("key", person_id, field) VALUES (:k, :p, :f)')
    while True:
        persons = bind.execute(
            sa.text(
                "SELECT id, title, first_name, last_name, company, notes FROM person "
                "WHERE id > :last AND restricted_until IS NULL ORDER BY id LIMIT :n"
            ),
            {"last": last_id, "n": _BATCH},
        ).all()
        if not persons:
            break
        rows = bind.execute(
            sa.text(
                "SELECT person_id, kind, raw, normalized, rev_digits, valid FROM address "
                "WHERE person_id BETWEEN :a AND :b ORDER BY person_id, id"
            ),
            {"a": persons[0][0], "b": persons[-1][0]},
        ).all()
        by_person: dict[int, list[Any]] = {}
        for row in rows:
            by_person.setdefault(row[0], []).append(row)
        docs: list[dict[str, Any]] = []
        keys: list[Any] = []
        for person in persons:
            doc, person_keys = _document(person, by_person.get(person[0], []))
            docs.append(dict(zip(("p", *_FIELDS), doc, strict=True)))
            keys.extend({"k": k, "p": p, "f": f} for k, p, f in person_keys)
        bind.execute(doc_sql, docs)
        if keys:
            bind.execute(key_sql, keys)
        last_id = persons[-1][0]
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS person_search_doc_ad")
        op.execute("DROP TABLE IF EXISTS person_fts")
    op.drop_index("ix_person_name_key_person_id", table_name="person_name_key")
    op.drop_table("person_name_key")
    op.drop_table("person_search_doc")
