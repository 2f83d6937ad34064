"""Migration 0004 fills person.sort_key with the application's own key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from advisor_tui.domain.collation import sort_key
from advisor_tui.storage import migrate
from advisor_tui.storage.db import open_engine

NAMES = [
    ("Anna", "von Berg", ""),
    ("Jürgen", "Öztürk", "Straße & Söhne"),
    ("", "", "Zoë Çelik GmbH"),
    ("Hans", "van der Heide", ""),
    ("Ida", "Groß", ""),
]


def test_existing_persons_get_the_sort_key_and_the_new_index(db_path: Path) -> None:
    raw = create_engine(f"sqlite:///{db_path}")
    migrate.upgrade(raw, "0003")
    with raw.begin() as conn:
        for first, last, company in NAMES:
            conn.exec_driver_sql(
                "insert into person (kind, salutation, title, first_name, last_name, company, "
                "notes, tags, is_super_customer, is_dissatisfied, has_payment_trouble, extra, "
                "created_at, version) values ('customer','','',?,?,?,'','',0,0,0,'',"
                "'2024-01-01 00:00:00',1)",
                (first, last, company),
            )
    raw.dispose()
    open_engine(f"sqlite:///{db_path}").dispose()  # upgrades to head
    db = sqlite3.connect(db_path)
    stored = db.execute("select first_name, last_name, company, sort_key from person").fetchall()
    assert [key for *_, key in stored] == [sort_key(*name) for name in NAMES]
    columns = [r[2] for r in db.execute("select * from pragma_index_info('ix_person_list_order')")]
    assert columns == ["restricted_until", "sort_key", "id"]
