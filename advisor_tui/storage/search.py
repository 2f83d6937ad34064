"""The search index: folded text of every person, kept in step with every write.

Two portable tables (migration 0002) hold what search reads:
- `person_search_doc`: one row per visible person with folded names, company,
  e-mail addresses and handles, phone digits (national with 0; foreign numbers
  also with their country code) and notes. On SQLite an FTS5 trigram table
  indexes it (external content: written here next to each row; an SQL trigger
  removes a row's terms when the row goes, also by cascade); on PostgreSQL
  pg_trgm indexes on the same columns can serve the portable `LIKE '%x%'`
  fallback below later.
- `person_name_key`: folded name and company prefixes for 1-2 character
  queries, an ordinary indexed range scan.
Both cascade with `person`, so a deleted person leaves no trace in the index.

Folding is done here in Python (SQLite 3.40's trigram cannot remove
diacritics): casefold, ä->ae ö->oe ü->ue ß->ss, other accents stripped; and a
second copy with umlauts stripped (ü->u), so `mueller`, `muller` and `Müller`
all find Müller. Queries are folded with `fold`
(`domain.folding`, shared with the customer list's sort key).

Writes through any Session are picked up by `search_sync` (session events);
bulk loaders that bypass the ORM call `rebuild_index(connection)`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    delete,
    func,
    or_,
    select,
    text,
    union,
)

from advisor_tui.domain.folding import fold as fold  # re-exported: queries are folded here
from advisor_tui.domain.folding import fold_variants
from advisor_tui.domain.models import Address, Person
from advisor_tui.domain.phones import digits_of
from advisor_tui.domain.vocabulary import AddressKind
from advisor_tui.storage.bulk import BulkWriter

FIELDS = ("names", "company", "emails", "phones", "notes")
HOME_COUNTRY_CODE = "49"  # numbers of the default region (DE) are indexed in national form
MAX_KEY = 100
_CHUNK = 500

# Not in SQLModel.metadata: these tables belong to the index, created by migration 0002.
metadata = MetaData()
search_doc = Table(
    "person_search_doc",
    metadata,
    Column(
        "person_id",
        Integer,
        ForeignKey("person.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    *(Column(name, Text, nullable=False, server_default="") for name in FIELDS),
)
name_key = Table(
    "person_name_key",
    metadata,
    Column("key", String(MAX_KEY), primary_key=True),
    Column(
        "person_id",
        Integer,
        ForeignKey("person.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("field", String(10), primary_key=True),  # "name" or "company"
)

_person = Person.__table__  # type: ignore[attr-defined]
_address = Address.__table__  # type: ignore[attr-defined]
_PHONE_KINDS = {AddressKind.MOBILE.value, AddressKind.LANDLINE.value, AddressKind.FAX.value}
_HANDLE_KINDS = {AddressKind.EMAIL.value, AddressKind.MESSENGER.value, AddressKind.SOCIAL.value}
# Above every character a key can hold: the upper end of a prefix range.
_TOP = chr(0x10FFFF)


# -- folding ---------------------------------------------------------------------------------
# `fold` and `fold_variants` live in domain.folding (the sort key uses them too).


@lru_cache(maxsize=65_536)
def _fold_joined(text: str) -> str:
    """The folded forms of a name or company as one document field (cached: they repeat)."""
    return " | ".join(v for v in fold_variants(text) if v)


@lru_cache(maxsize=65_536)
def _key_variants(value: str) -> tuple[str, ...]:
    """The name-key forms of a stripped, non-empty name or company."""
    return tuple(variant[:MAX_KEY] for variant in fold_variants(value))


# -- building documents ----------------------------------------------------------------------


def _joined(values: list[str]) -> str:
    if len(values) < 2:
        return values[0] if values else ""
    return " | ".join(dict.fromkeys(v for v in values if v))


def phone_query_digits(query: str, country_code: str = HOME_COUNTRY_CODE) -> str:
    """A number query's digits as the index holds them: `+49 171…`/`0049 171…` -> `0171…`."""
    digits = digits_of(query)
    international = "00" + country_code
    if query.lstrip().startswith("+"):
        international = country_code
    if digits.startswith(international) and len(digits) > len(international):
        return "0" + digits[len(international) :]
    return digits


def _phone_forms(raw: str, normalized: str | None, rev_digits: str | None, valid: Any) -> list[str]:
    """National digits with leading 0; foreign numbers also with 00 and country code.

    Home-country numbers are indexed once: queries written `+49…` or `0049…`
    are turned into the national form by `phone_query_digits`.
    """
    if not (valid and rev_digits and normalized):
        return [digits_of(raw)]
    national = "0" + rev_digits[::-1]
    e164 = normalized[1:]  # "+4930…": skip the regex when only digits follow the plus
    if normalized[0] != "+" or not e164.isdecimal():
        e164 = digits_of(normalized)
    if e164.startswith(HOME_COUNTRY_CODE) and e164[len(HOME_COUNTRY_CODE) :] == national[1:]:
        return [national]
    return [national, "00" + e164]


# Address rows: (person_id, kind, raw, normalized, rev_digits, valid).
_ADDRESS_NAMES = ("person_id", "kind", "raw", "normalized", "rev_digits", "valid")
# Person rows: (id, title, first_name, last_name, company, notes) of visible persons.
_PERSON_NAMES = ("id", "title", "first_name", "last_name", "company", "notes")
_DOC_COLUMNS = ("person_id", *FIELDS)
_KEY_COLUMNS = ("key", "person_id", "field")
_MESSENGER = AddressKind.MESSENGER.value


def _document(
    person: Sequence[Any], addresses: Sequence[Sequence[Any]]
) -> tuple[tuple[Any, ...], set[tuple[str, int, str]]]:
    """The search row (in `_DOC_COLUMNS` order) and the name keys of one person."""
    person_id, title, first_name, last_name, company, notes = person
    emails: list[str] = []
    phones: list[str] = []
    for _, kind, raw, normalized, rev_digits, valid in addresses:
        if kind in _PHONE_KINDS or (kind == _MESSENGER and rev_digits):
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
        " | ".join(v for v in fold_variants(notes) if v) if notes else "",
    )
    keys: set[tuple[str, int, str]] = set()
    # "first last" serves first-name prefixes too ("an" finds Anna Müller).
    for value, field in (
        (last_name.strip(), "name"),
        (f"{first_name} {last_name}".strip(), "name"),
        (company.strip(), "company"),
    ):
        if value:
            keys.update((variant, person_id, field) for variant in _key_variants(value))
    return doc, keys


def _documents(
    persons: Sequence[Sequence[Any]], addresses: Iterable[Sequence[Any]]
) -> tuple[list[tuple[Any, ...]], list[tuple[str, int, str]]]:
    """Search rows and name keys of `persons`; `addresses` are theirs, in any order."""
    by_person: dict[int, list[Sequence[Any]]] = {}
    for row in addresses:
        by_person.setdefault(row[0], []).append(row)
    docs: list[tuple[Any, ...]] = []
    keys: list[tuple[str, int, str]] = []
    no_addresses: list[Sequence[Any]] = []
    for person in persons:
        doc, person_keys = _document(person, by_person.get(person[0], no_addresses))
        docs.append(doc)
        keys.extend(person_keys)
    return docs, keys


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


_FTS_INSERT = f"INSERT INTO person_fts(rowid, {', '.join(FIELDS)}) VALUES (?{', ?' * len(FIELDS)})"


def reindex_persons(connection: Connection, person_ids: Iterable[int]) -> None:
    """Bring the index rows of these persons up to date (deleted ones are removed)."""
    ids = sorted(set(person_ids))
    writer = BulkWriter(connection)
    for chunk in _chunks(ids):
        connection.execute(delete(search_doc).where(search_doc.c.person_id.in_(chunk)))
        connection.execute(delete(name_key).where(name_key.c.person_id.in_(chunk)))
        persons = connection.execute(
            select(*(_person.c[n] for n in _PERSON_NAMES)).where(
                _person.c.id.in_(chunk), _person.c.restricted_until.is_(None)
            )
        ).all()
        addresses = connection.execute(
            select(*(_address.c[n] for n in _ADDRESS_NAMES))
            .where(_address.c.person_id.in_(chunk))
            .order_by(_address.c.person_id, _address.c.id)
        ).all()
        docs, keys = _documents(persons, addresses)
        writer.insert(search_doc, _DOC_COLUMNS, docs)
        # Written here, not by an insert trigger: FTS5 inside a trigger is ~4x slower.
        if docs and connection.dialect.name == "sqlite":
            connection.exec_driver_sql(_FTS_INSERT, docs)
        writer.insert(name_key, _KEY_COLUMNS, keys)


def _batches(connection: Connection) -> Iterator[tuple[list[Any], list[Any]]]:
    """All visible persons with their addresses, in id order, `_CHUNK * 4` at a time."""
    last_id = 0
    while persons := _select(connection, _PERSONS_AFTER, last_id, _CHUNK * 4):
        low, high = persons[0][0], persons[-1][0]
        yield persons, _select(connection, _ADDRESSES_BETWEEN, low, high)
        last_id = high


# The two selects of a rebuild, as SQL for SQLite's and psycopg's drivers (plain tuples,
# no per-row work in SQLAlchemy) and as Core for the other dialects.
_PERSONS_AFTER = (
    f"SELECT {', '.join(_PERSON_NAMES)} FROM person "
    "WHERE id > ? AND restricted_until IS NULL ORDER BY id LIMIT ?",
    select(*(_person.c[n] for n in _PERSON_NAMES))
    .where(_person.c.id > bindparam("a"), _person.c.restricted_until.is_(None))
    .order_by(_person.c.id)
    .limit(bindparam("b", type_=Integer, literal_execute=True)),
)
_ADDRESSES_BETWEEN = (
    f"SELECT {', '.join(_ADDRESS_NAMES)} FROM address "
    "WHERE person_id BETWEEN ? AND ? ORDER BY person_id, id",
    select(*(_address.c[n] for n in _ADDRESS_NAMES))
    .where(_address.c.person_id.between(bindparam("a"), bindparam("b")))
    .order_by(_address.c.person_id, _address.c.id),
)


def _select(connection: Connection, query: tuple[str, Any], a: int, b: int) -> list[Any]:
    sql, core = query
    dialect = connection.dialect.name
    if dialect in ("sqlite", "postgresql"):
        raw: Any = connection.connection.driver_connection
        assert raw is not None  # an open connection has its driver's connection
        if dialect == "sqlite":
            return raw.execute(sql, (a, b)).fetchall()
        # psycopg: the same text with its placeholders (plain columns, nothing to convert).
        with raw.cursor() as cursor:
            return cursor.execute(sql.replace("?", "%s"), (a, b)).fetchall()
    return list(connection.execute(core, {"a": a, "b": b}).all())


def _empty_without_triggers(connection: Connection) -> None:
    """Empty person_search_doc with its delete trigger off (SQLite).

    The trigger would un-index row by row what the final 'rebuild' replaces anyway
    (~3 s for 100,000 persons). It is put back as it was, in the same transaction.
    """
    if connection.exec_driver_sql("SELECT 1 FROM person_search_doc LIMIT 1").first() is None:
        return
    triggers = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master "
        "WHERE type = 'trigger' AND tbl_name = 'person_search_doc'"
    ).all()
    for name, _ in triggers:
        connection.exec_driver_sql(f'DROP TRIGGER "{name}"')
    connection.exec_driver_sql("DELETE FROM person_search_doc")
    for _, sql in triggers:
        connection.exec_driver_sql(sql)


def rebuild_index(connection: Connection) -> None:
    """Rebuild the whole index from the person and address tables (bulk loads, migration).

    On PostgreSQL the search tables' indexes are dropped and built again at the
    end: other sessions' searches wait for the commit. For loads, not live use.
    """
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        _empty_without_triggers(connection)
    connection.execute(delete(search_doc))
    connection.execute(delete(name_key))
    writer = BulkWriter(connection)
    # PostgreSQL: the trigram GIN and key indexes are built once afterwards, not row by row.
    rebuilt: AbstractContextManager[None] = nullcontext()
    if writer.postgresql:
        rebuilt = writer.indexes_dropped([search_doc, name_key])
    with rebuilt:
        for persons, addresses in _batches(connection):
            docs, keys = _documents(persons, addresses)
            writer.insert(search_doc, _DOC_COLUMNS, docs)
            writer.insert(name_key, _KEY_COLUMNS, keys)
    if sqlite:
        # One pass over the finished documents beats row-by-row inserts.
        connection.exec_driver_sql("INSERT INTO person_fts(person_fts) VALUES ('rebuild')")


# -- querying (the one place that knows the dialects) ----------------------------------------


def prefix_matches(connection: Connection, prefix: str, limit: int | None) -> list[tuple[int, str]]:
    """(person id, field) whose folded name or company starts with `prefix`, in key order.

    A person can hold several keys with the prefix (first and last name, two
    foldings): rows repeat persons. `limit` None: all rows.
    """
    rows = connection.execute(
        select(name_key.c.person_id, name_key.c.field)
        .where(name_key.c.key >= prefix, name_key.c.key < prefix + _TOP)
        .order_by(name_key.c.key, name_key.c.person_id)
        .limit(limit)
    ).all()
    return [(row[0], row[1]) for row in rows]


def _fts_query(terms: Sequence[str]) -> str:
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def text_matches(
    connection: Connection, terms: Sequence[str], limit: int
) -> list[tuple[int, dict[str, str]]]:
    """Persons whose document contains every folded term (each >= 3 characters)."""
    columns = [search_doc.c[name] for name in FIELDS]
    if connection.dialect.name == "sqlite":
        cols = ", ".join(FIELDS)
        rows = connection.execute(
            text(
                f"SELECT rowid, {cols} FROM person_fts WHERE person_fts MATCH :q "
                "ORDER BY rowid LIMIT :n"
            ),
            {"q": _fts_query(terms), "n": limit},
        ).all()
    else:
        # Portable: substring LIKE per term (pg_trgm GIN indexes make this fast on PostgreSQL).
        query = select(search_doc.c.person_id, *columns)
        for term in terms:
            query = query.where(or_(*(_like(c, term) for c in columns)))
        rows = connection.execute(query.order_by(search_doc.c.person_id).limit(limit)).all()
    return [(row[0], dict(zip(FIELDS, row[1:], strict=True))) for row in rows]


_ALL_TEXT_SQL = " || ' ' || ".join(FIELDS)  # a document's fields as one text


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like(column: Any, term: str) -> Any:
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return column.like(pattern, escape="\\")


def _joined_doc(table: Any) -> Any:
    """All fields of a document as one text, to look for short terms anywhere."""
    joined = table.c[FIELDS[0]]
    for name in FIELDS[1:]:
        joined = joined + " " + table.c[name]
    return joined


def ranked_text_ids(
    connection: Connection,
    terms: Sequence[str],
    short: Sequence[str],
    needle: str,
    fields: Sequence[str],
    limit: int | None,
) -> list[tuple[int, str]]:
    """(person id, field) of documents holding every term, best field first.

    Every term (>= 3 characters) must be in the document, every short term
    anywhere in its text; documents whose `fields[0]` holds `needle` come
    first (by id), then those whose `fields[1]` holds it, and so on. Only ids
    are read from the trigram index, not the documents (unless short terms
    must be checked): ranking all of 50,000 matches this way takes milliseconds.
    """
    ranked: list[tuple[int, str]] = []
    if connection.dialect.name == "sqlite":
        base = " AND ".join(_phrase(t) for t in terms)
        check = "".join(f" AND instr({_ALL_TEXT_SQL}, :s{i}) > 0" for i in range(len(short)))
        params: dict[str, Any] = {f"s{i}": term for i, term in enumerate(short)}
        for i, field in enumerate(fields):
            want = None if limit is None else limit - len(ranked)
            if want is not None and want <= 0:
                break
            query = f"({base}) AND ({{{field}}} : {_phrase(needle)})"
            if i:
                query += f" NOT ({{{' '.join(fields[:i])}}} : {_phrase(needle)})"
            sql = f"SELECT rowid FROM person_fts WHERE person_fts MATCH :q{check} ORDER BY rowid"
            if want is not None:
                sql += f" LIMIT {int(want)}"
            rows = connection.execute(text(sql), {**params, "q": query}).all()
            ranked.extend((row[0], field) for row in rows)
        return ranked
    # Portable: substring LIKE per term (pg_trgm GIN indexes make this fast on PostgreSQL).
    doc = search_doc
    conditions = [or_(*(_like(doc.c[name], term) for name in FIELDS)) for term in terms]
    conditions += [_like(_joined_doc(doc), term) for term in short]
    seen: list[Any] = []
    for field in fields:
        want = None if limit is None else limit - len(ranked)
        if want is not None and want <= 0:
            break
        stmt = select(doc.c.person_id).where(*conditions, _like(doc.c[field], needle))
        if seen:
            stmt = stmt.where(~or_(*(_like(doc.c[name], needle) for name in seen)))
        rows = connection.execute(stmt.order_by(doc.c.person_id).limit(want)).all()
        ranked.extend((row[0], field) for row in rows)
        seen.append(field)
    return ranked


def count_matches(
    connection: Connection, prefix: str | None, terms: Sequence[str], short: Sequence[str]
) -> int:
    """How many persons `prefix_matches` and `ranked_text_ids` find together (each once)."""
    parts = []
    if prefix:
        parts.append(
            select(name_key.c.person_id.label("id")).where(
                name_key.c.key >= prefix, name_key.c.key < prefix + _TOP
            )
        )
    if terms:
        if connection.dialect.name == "sqlite":
            fts = Table("person_fts", MetaData(), Column("rowid", Integer), *(
                Column(name, Text) for name in FIELDS
            ))  # fmt: skip
            query = select(fts.c.rowid.label("id")).where(
                text("person_fts MATCH :q").bindparams(q=" AND ".join(_phrase(t) for t in terms))
            )
            for term in short:
                query = query.where(func.instr(_joined_doc(fts), term) > 0)
        else:
            doc = search_doc
            query = select(doc.c.person_id.label("id")).where(
                *(or_(*(_like(doc.c[name], term) for name in FIELDS)) for term in terms),
                *(_like(_joined_doc(doc), term) for term in short),
            )
        parts.append(query)
    if not parts:
        return 0
    # GROUP BY and UNION both drop the repeats (a person holds several keys); GROUP BY
    # beats count(DISTINCT) by a third on SQLite.
    ids = (parts[0].group_by("id") if len(parts) == 1 else union(*parts)).subquery()
    return int(connection.execute(select(func.count()).select_from(ids)).scalar_one())


def index_size(connection: Connection) -> int:
    """How many persons the index holds (for checks and the benchmark)."""
    return int(connection.execute(select(func.count()).select_from(search_doc)).scalar_one())
