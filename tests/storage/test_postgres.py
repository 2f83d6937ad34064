"""PostgreSQL beside SQLite: the same data gives the same answers.

Search (pg_trgm there, FTS5 here), the customer list's German phone-book
order (also on a server whose default collation is German), and the demo's
bulk load with its foreign keys back in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from advisor_tui.demo.generate import generate_demo
from advisor_tui.services.persons.editing import PersonData, add_person, list_persons
from advisor_tui.services.persons.search import count_matches, search_ids
from advisor_tui.storage.db import new_session, open_engine
from tests import pg_server

pytestmark = pytest.mark.skipif(not pg_server.available(), reason="no PostgreSQL server")

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
QUERIES = [
    "mü", "mue", "muller", "Müller", "schäfer", "anna", "an", "a", "gmbh", "0171", "+49 171",
    "030", "@web.de", "gmail", "straße", "str", "meier anna", "hans m", "xyz", "", "ö",
    "dr.", "von", "0049", "1234", "ag", "kunde", "Versicherung",
]  # fmt: skip


@pytest.fixture
def both(tmp_path: Path, pg_database: pg_server.WorkerDatabase) -> Iterator[tuple[Engine, Engine]]:
    lite = open_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    pg = open_engine(pg_database.reset())
    yield lite, pg
    lite.dispose()
    pg.dispose()


def test_search_finds_the_same_persons_on_both_engines(both: tuple[Engine, Engine]) -> None:
    for engine in both:
        generate_demo(engine, persons=400, seed=7, now=NOW)
    lite, pg = both
    with new_session(lite) as a, new_session(pg) as b:
        for query in QUERIES:
            assert search_ids(a, query) == search_ids(b, query), query
            assert count_matches(a, query) == count_matches(b, query), query
            assert search_ids(a, query, limit=5) == search_ids(b, query, limit=5), query
        assert search_ids(b, "mü"), "the data must hold matches for the comparison to mean much"


NAMES = [
    ("Anna", "Müller"), ("Hans", "Mueller"), ("Otto", "Muller"), ("Eva", "Mahler"),
    ("Jan", "van der Berg"), ("Ute", "Berger"), ("Ida", "Öztürk"), ("Max", "Oz"),
    ("", "Zacharias"), ("Björn", "Ähm"), ("Lea", "Abel"), ("Tom", "Schulz-Meyer"),
    ("Rolf", "Schulz"), ("Karl", "Straße"), ("Kai", "Strasser"), ("", "")
]  # fmt: skip


def _order(engine: Engine) -> list[str]:
    with new_session(engine) as session:
        for first, last in NAMES:
            add_person(session, PersonData(first, last or "", company="" if last else "Zeta AG"))
        session.commit()
        return [f"{p.first_name} {p.last_name}" for p in list_persons(session, 0, 100)]


def test_phone_book_order_is_the_same_on_a_german_collated_server(
    tmp_path: Path, pg_database: pg_server.WorkerDatabase
) -> None:
    """A server whose default collation is German (ICU) still sorts like SQLite."""
    server = pg_database.server
    url = server.url_of(f"{server._prefix}de_icu")
    server._admin(f'DROP DATABASE IF EXISTS "{server._prefix}de_icu" WITH (FORCE)')
    server._admin(
        f'CREATE DATABASE "{server._prefix}de_icu" TEMPLATE template0 '
        "LOCALE_PROVIDER icu ICU_LOCALE 'de-DE' LOCALE 'C.UTF-8'"
    )
    lite = open_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    pg = open_engine(url)
    try:
        expected = _order(lite)
        assert _order(pg) == expected
        with pg.connect() as conn:  # the server really is German
            german = conn.execute(text("SELECT 'a\x1fz' < 'a b'")).scalar()
            assert german is False
    finally:
        lite.dispose()
        pg.dispose()
        server.drop_database(url)


def test_demo_load_puts_the_foreign_keys_back(pg_database: pg_server.WorkerDatabase) -> None:
    engine = open_engine(pg_database.reset())
    try:
        with engine.connect() as conn:
            before = conn.execute(
                text("SELECT count(*) FROM pg_constraint WHERE contype = 'f'")
            ).scalar()
        stats = generate_demo(engine, persons=200, seed=3, now=NOW)
        with engine.connect() as conn:
            after = conn.execute(
                text("SELECT count(*) FROM pg_constraint WHERE contype = 'f'")
            ).scalar()
            persons = conn.execute(text("SELECT count(*) FROM person")).scalar()
        assert after == before
        assert persons == stats.persons == 200
    finally:
        engine.dispose()
