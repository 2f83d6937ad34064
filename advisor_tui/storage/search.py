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
all find Müller. Queries are folded with `fold`.

Writes through any Session are picked up by `search_sync` (session events);
bulk loaders that bypass the ORM call `rebuild_index(connection)`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
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
    delete,
    func,
    insert,
    or_,
    select,
    text,
)

from advisor_tui.domain.models import Address, Person
from advisor_tui.domain.phones import digits_of
from advisor_tui.domain.vocabulary import AddressKind

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
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_PHONE_KINDS = {AddressKind.MOBILE.value, AddressKind.LANDLINE.value, AddressKind.FAX.value}
_HANDLE_KINDS = {AddressKind.EMAIL.value, AddressKind.MESSENGER.value, AddressKind.SOCIAL.value}
# Above every character a key can hold: the upper end of a prefix range.
_TOP = chr(0x10FFFF)
# Combining marks left by NFKD (é -> e + U+0301): dropped to strip accents.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# -- folding ---------------------------------------------------------------------------------


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Searchable form of a text or query: `Müller` -> `mueller`, `Straße` -> `strasse`."""
    return _strip_accents(text.casefold().translate(_GERMAN))


def fold_variants(text: str) -> tuple[str, ...]:
    """`fold(text)` and, where it differs, the umlaut-stripped form (`Müller` -> `muller`)."""
    if text.isascii():
        return (text.lower(),)
    first = fold(text)
    second = _strip_accents(text).casefold()
    return (first,) if second == first else (first, second)


# Names and companies repeat a lot (a rebuild folds each spelling once).
_fold_name = lru_cache(maxsize=50_000)(fold_variants)


# -- building documents ----------------------------------------------------------------------


def _joined(values: Iterable[str]) -> str:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return " | ".join(seen)


def phone_query_digits(query: str, country_code: str = HOME_COUNTRY_CODE) -> str:
    """A number query's digits as the index holds them: `+49 171…`/`0049 171…` -> `0171…`."""
    digits = digits_of(query)
    international = "00" + country_code
    if query.lstrip().startswith("+"):
        international = country_code
    if digits.startswith(international) and len(digits) > len(international):
        return "0" + digits[len(international) :]
    return digits


def _phone_forms(address: Any) -> list[str]:
    """National digits with leading 0; foreign numbers also with 00 and country code.

    Home-country numbers are indexed once: queries written `+49…` or `0049…`
    are turned into the national form by `phone_query_digits`.
    """
    if not (address.valid and address.rev_digits and address.normalized):
        return [digits_of(address.raw)]
    national = "0" + address.rev_digits[::-1]
    e164 = digits_of(address.normalized)
    if e164.startswith(HOME_COUNTRY_CODE) and e164[len(HOME_COUNTRY_CODE) :] == national[1:]:
        return [national]
    return [national, "00" + e164]


def _document(person: Any, addresses: Sequence[Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The search row and the name keys of one person."""
    full_name = " ".join(p for p in (person.title, person.first_name, person.last_name) if p)
    emails: list[str] = []
    phones: list[str] = []
    for address in addresses:
        if address.kind in _PHONE_KINDS or (
            address.kind == AddressKind.MESSENGER.value and address.rev_digits
        ):
            phones.extend(_phone_forms(address))
        elif address.kind in _HANDLE_KINDS:
            emails.append((address.normalized or address.raw).casefold())
    doc = {
        "person_id": person.id,
        "names": _joined(_fold_name(full_name)),
        "company": _joined(_fold_name(person.company)),
        "emails": _joined(emails),
        "phones": _joined(phones),
        "notes": _joined(fold_variants(person.notes)) if person.notes else "",
    }
    keys: set[tuple[str, str]] = set()
    # "first last" serves first-name prefixes too ("an" finds Anna Müller).
    first_last = f"{person.first_name} {person.last_name}".strip()
    for value, field in (
        (person.last_name.strip(), "name"),
        (first_last, "name"),
        (person.company.strip(), "company"),
    ):
        for variant in _fold_name(value) if value else ():
            keys.add((variant[:MAX_KEY], field))
    rows = [{"key": k, "person_id": person.id, "field": f} for k, f in sorted(keys)]
    return doc, rows


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _person_columns() -> list[Any]:
    names = ("id", "title", "first_name", "last_name", "company", "notes", "restricted_until")
    return [_person.c[n] for n in names]


def _address_columns() -> list[Any]:
    names = ("person_id", "kind", "raw", "normalized", "rev_digits", "valid")
    return [_address.c[n] for n in names]


_FTS_INSERT = text(
    f"INSERT INTO person_fts(rowid, {', '.join(FIELDS)}) "
    f"VALUES (:person_id, {', '.join(':' + f for f in FIELDS)})"
)


def _write(
    connection: Connection,
    persons: Sequence[Any],
    addresses: dict[int, list[Any]],
    *,
    fts: bool = True,
) -> None:
    """Insert the index rows of `persons` (whose old rows are already gone)."""
    docs, keys = [], []
    for person in persons:
        if person.restricted_until is not None:
            continue  # restricted persons (GDPR) are hidden from search
        doc, rows = _document(person, addresses.get(person.id, []))
        docs.append(doc)
        keys.extend(rows)
    if docs:
        connection.execute(insert(search_doc), docs)
        # Written here, not by an insert trigger: FTS5 inside a trigger is ~4x slower.
        if fts and connection.dialect.name == "sqlite":
            connection.execute(_FTS_INSERT, docs)
    if keys:
        connection.execute(insert(name_key), keys)


def reindex_persons(connection: Connection, person_ids: Iterable[int]) -> None:
    """Bring the index rows of these persons up to date (deleted ones are removed)."""
    ids = sorted(set(person_ids))
    for chunk in _chunks(ids):
        connection.execute(delete(search_doc).where(search_doc.c.person_id.in_(chunk)))
        connection.execute(delete(name_key).where(name_key.c.person_id.in_(chunk)))
        persons = connection.execute(
            select(*_person_columns()).where(_person.c.id.in_(chunk))
        ).all()
        by_person: dict[int, list[Any]] = {}
        rows = connection.execute(
            select(*_address_columns()).where(_address.c.person_id.in_(chunk))
        ).all()
        for row in rows:
            by_person.setdefault(row.person_id, []).append(row)
        _write(connection, persons, by_person)


def rebuild_index(connection: Connection) -> None:
    """Rebuild the whole index from the person and address tables (bulk loads, migration)."""
    connection.execute(delete(search_doc))
    connection.execute(delete(name_key))
    last_id = 0
    while True:
        persons = connection.execute(
            select(*_person_columns())
            .where(_person.c.id > last_id)
            .order_by(_person.c.id)
            .limit(_CHUNK * 4)
        ).all()
        if not persons:
            break
        low, high = persons[0].id, persons[-1].id
        by_person: dict[int, list[Any]] = {}
        for row in connection.execute(
            select(*_address_columns()).where(_address.c.person_id.between(low, high))
        ):
            by_person.setdefault(row.person_id, []).append(row)
        _write(connection, persons, by_person, fts=False)
        last_id = high
    if connection.dialect.name == "sqlite":
        # One pass over the finished documents beats row-by-row inserts.
        connection.execute(text("INSERT INTO person_fts(person_fts) VALUES ('rebuild')"))


# -- querying (the one place that knows the dialects) ----------------------------------------


def prefix_matches(connection: Connection, prefix: str, limit: int) -> list[tuple[int, str]]:
    """(person id, field) whose folded name or company starts with `prefix`, in key order."""
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
            pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            query = query.where(or_(*(c.like(pattern, escape="\\") for c in columns)))
        rows = connection.execute(query.order_by(search_doc.c.person_id).limit(limit)).all()
    return [(row[0], dict(zip(FIELDS, row[1:], strict=True))) for row in rows]


def index_size(connection: Connection) -> int:
    """How many persons the index holds (for checks and the benchmark)."""
    return int(connection.execute(select(func.count()).select_from(search_doc)).scalar_one())
