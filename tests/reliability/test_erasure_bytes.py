"""Issue 11 item 11: after an erasure no byte of the person is left in the database files.

The scan reads the raw bytes of the .sqlite3, -wal and -shm files (as a forensic
tool would, not through SQL) while a second connection is open, and looks for
the name, e-mail address and phone number in UTF-8 and in the folded form of
the search index.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from advisor_tui.domain.folding import fold
from advisor_tui.domain.models import Person
from advisor_tui.services.gdpr.erase import WIPE_RESULT, erase_person
from advisor_tui.storage.db import new_session, open_engine
from advisor_tui.storage.wipe import secure_delete_on
from tests.reliability import data

pytestmark = pytest.mark.sqlite_only

NEEDLES = [
    f"{data.ERASED_FIRST} {data.ERASED_LAST}",
    data.ERASED_FIRST,
    data.ERASED_EMAIL,
    data.ERASED_PHONE_RAW,
    data.ERASED_PHONE_E164,
    data.ERASED_PHONE_E164.lstrip("+"),
    "0" + data.ERASED_PHONE_E164[3:],
]


def forms(needle: str) -> list[bytes]:
    return sorted({needle.encode(), fold(needle).encode(), needle.lower().encode()})


def scan(db: Path) -> dict[str, list[str]]:
    """Needle -> the files (.sqlite3, -wal, -shm) whose raw bytes hold it."""
    found: dict[str, list[str]] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(f"{db}{suffix}")
        if not path.exists():
            continue
        raw = path.read_bytes().lower()
        for needle in NEEDLES:
            if any(form.lower() in raw for form in forms(needle)):
                found.setdefault(needle, []).append(path.name)
    return found


def erased_id(session) -> int:  # type: ignore[no-untyped-def]
    from sqlmodel import select

    query = select(Person).where(Person.first_name == data.ERASED_FIRST)
    person = session.exec(query).one()
    assert person.id is not None
    return person.id


def test_erase_leaves_no_byte_of_the_person(tmp_path: Path) -> None:
    db = tmp_path / "advisor.sqlite3"
    data.make_database(db, tmp_path)
    engine = open_engine(f"sqlite:///{db}")
    assert secure_delete_on(engine)
    other = sqlite3.connect(db)  # a second program has the database open (idle)
    other.execute("SELECT count(*) FROM person").fetchone()
    with new_session(engine) as session:
        # The household member's follow-up note and the search index name them too.
        assert set(scan(db)) >= {f"{data.ERASED_FIRST} {data.ERASED_LAST}", data.ERASED_EMAIL}
        person_id = erased_id(session)
        erase_person(session, person_id)
        session.commit()
        assert session.info[WIPE_RESULT].wal_emptied
    assert scan(db) == {}
    # The household member is still there, her own data intact, the mention blanked.
    notes = other.execute("SELECT notes FROM person WHERE first_name = 'Hedwig'").fetchone()[0]
    assert notes.startswith("Ehefrau von [") and data.ERASED_LAST not in notes
    assert other.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    other.close()
    engine.dispose()
    assert scan(db) == {}
