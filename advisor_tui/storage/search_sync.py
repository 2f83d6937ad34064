"""Keeping the search index in step with every write made through a Session.

Installed once per process (`storage.db.open_engine` does it): the persons
touched by a flush are collected, and just before commit they are re-indexed
once, inside the same transaction (an import that flushes per address still
re-indexes each person once). Bulk UPDATE/DELETE statements run through a
Session (`session.execute(delete(Address).where(...))`) are covered too: the
persons they touch are looked up before the statement runs. Deleting a person
needs nothing: the index rows cascade. Writes on a bare Connection are the
caller's business (`search.reindex_persons`, `search.rebuild_index`).
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from advisor_tui.domain.models import Address, Person
from advisor_tui.storage.search import reindex_persons, search_doc

_DIRTY = "search_index_dirty"
_PERSON_ATTRS = ("title", "first_name", "last_name", "company", "notes", "restricted_until")
_ADDRESS_ATTRS = ("person_id", "kind", "raw", "normalized", "rev_digits", "valid")
# The column naming the person a row belongs to.
_OWNER_COLUMN = {"person": "id", "address": "person_id"}
_has_index: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()
_installed = False


def _changed(obj: Any, names: Sequence[str]) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


def _collect(session: Session, _flush_context: object) -> None:
    """after_flush: remember which persons the flushed objects touch."""
    dirty: set[int | None] = session.info.setdefault(_DIRTY, set())
    for obj in session.new:
        if isinstance(obj, Person) and obj.id is not None:
            dirty.add(obj.id)
        elif isinstance(obj, Address):
            dirty.add(obj.person_id)
    for obj in session.deleted:
        if isinstance(obj, Person | Address):
            dirty.add(obj.id if isinstance(obj, Person) else obj.person_id)
    for obj in session.dirty:
        if isinstance(obj, Person) and _changed(obj, _PERSON_ATTRS):
            dirty.add(obj.id)
        elif isinstance(obj, Address) and _changed(obj, _ADDRESS_ATTRS):
            dirty.add(obj.person_id)
            old = inspect(obj).attrs["person_id"].history.deleted
            dirty.update(pid for pid in old if pid is not None)
    dirty.discard(None)


def _bulk(state: ORMExecuteState) -> None:
    """do_orm_execute: note the persons a bulk statement on person or address touches."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    column = _OWNER_COLUMN.get(getattr(table, "name", ""))
    if table is None or column is None:
        return
    dirty: set[int] = state.session.info.setdefault(_DIRTY, set())
    params = state.parameters
    rows: list[Any] = list(params) if isinstance(params, list) else [params or {}]
    statement: Any = state.statement
    # Values given in the statement itself, e.g. .values(person_id=7); a statement
    # that cannot compile on its own here still runs, it just adds nothing.
    with contextlib.suppress(Exception):
        rows = [*rows, statement.compile().params]
    dirty.update(row[column] for row in rows if isinstance(row.get(column), int))
    if state.is_insert:
        return
    # The rows it will change or delete, looked up before they change.
    query = select(table.c[column])
    where = state.statement.whereclause  # type: ignore[attr-defined]
    if where is not None:
        query = query.where(where)
    dirty.update(state.session.connection().execute(query).scalars())


def _index_present(connection: Connection) -> bool:
    engine = connection.engine
    if _has_index.get(engine):
        return True
    present = inspect(connection).has_table(search_doc.name)
    if present:  # only a positive answer is kept: a migration may still create it
        _has_index[engine] = True
    return present


def _apply(session: Session) -> None:
    """before_commit: flush, then re-index the collected persons in the same transaction."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    dirty = session.info.pop(_DIRTY, None)
    if not dirty:
        return
    connection = session.connection()
    if _index_present(connection):
        reindex_persons(connection, dirty)


def _forget(session: Session, *_args: object) -> None:
    session.info.pop(_DIRTY, None)


def install_index_maintenance() -> None:
    """Keep the index in step with every Session's writes (idempotent; call once per process)."""
    global _installed
    if _installed:
        return
    event.listen(Session, "after_flush", _collect)
    event.listen(Session, "before_commit", _apply)
    event.listen(Session, "after_rollback", _forget)
    event.listen(Session, "do_orm_execute", _bulk)
    _installed = True
