"""The erasure ledger across restores: erasures made since a backup are applied again.

`erase_person` enters every erasure in the `erasure` table (person id and
creation time, no personal data). Restoring an older backup would bring the
person back; `apply_ledger` runs on the restored copy *before* it replaces
the database (`services.backups.copies.restore_database`): it merges the
current database's ledger into the copy and erases again every person of the
copy that the ledger names, so that the restored database never holds them,
not even for a moment. A ledger entry whose id belongs to another person in
the copy (another creation time: a backup of a different database) is kept
in the ledger but erases no one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from advisor_tui.domain.models import Erasure, Person
from advisor_tui.domain.timestamps import as_utc
from advisor_tui.services.errors import ServiceError


@dataclass(frozen=True)
class LedgerEntry:
    person_id: int
    person_created_at: datetime | None
    erased_at: datetime


def read_ledger(db_path: Path) -> list[LedgerEntry]:
    """The ledger of the SQLite database at `db_path` ([] when there is none yet).

    Raises ServiceError("restore.ledger_unreadable") when the file has a ledger
    that cannot be read: restoring then could bring erased persons back.
    """
    if not db_path.is_file():
        return []
    engine = create_engine(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("erasure"):
                return []
            table = Erasure.__table__  # type: ignore[attr-defined]
            rows = conn.execute(
                select(table.c.person_id, table.c.person_created_at, table.c.erased_at)
            ).all()
    except SQLAlchemyError as exc:
        raise ServiceError("restore.ledger_unreadable", path=str(db_path)) from exc
    finally:
        engine.dispose()
    return [LedgerEntry(r[0], r[1], r[2]) for r in rows]


def _same_person(person: Person, entry: LedgerEntry) -> bool:
    if entry.person_created_at is None or person.created_at is None:
        return True  # nothing to tell them apart: the id decides
    return as_utc(person.created_at) == as_utc(entry.person_created_at)


def apply_ledger(engine: Engine, entries: list[LedgerEntry]) -> list[int]:
    """Merge `entries` into the ledger of `engine`'s database and erase those persons again.

    Returns the ids erased again. Commits (the after-commit wipe runs).
    """
    from advisor_tui.services.gdpr.erase import erase_person

    again: list[int] = []
    with Session(engine) as session:
        latest: dict[int, datetime] = {}
        for row in session.exec(select(Erasure)).scalars():  # type: ignore[call-overload]
            seen = latest.get(row.person_id)
            latest[row.person_id] = (
                max(as_utc(row.erased_at), seen) if seen else as_utc(row.erased_at)
            )
        for entry in sorted(entries, key=lambda e: as_utc(e.erased_at)):
            done = latest.get(entry.person_id)
            if done is not None and done >= as_utc(entry.erased_at):
                continue  # the copy already holds this erasure
            person = session.get(Person, entry.person_id)
            if person is not None and _same_person(person, entry):
                erase_person(session, entry.person_id)  # enters itself in the ledger
                again.append(entry.person_id)
            else:
                session.add(
                    Erasure(
                        person_id=entry.person_id,
                        person_created_at=entry.person_created_at,
                        erased_at=entry.erased_at,
                    )
                )
            latest[entry.person_id] = as_utc(entry.erased_at)
        session.commit()
    return again
