"""Reverse lookup on PostgreSQL: its statements use their index, under any collation.

The lookup statements (`storage.lookup_sql`) filter addresses by `normalized`
or `rev_digits` and order by `person_id, id` with a LIMIT. psycopg prepares a
statement after five runs and PostgreSQL may then use a generic plan, which
assumes a LIMIT parameter stops after 10% of the rows; without statistics
(right after a bulk load or a restore) it walked the `person_id` index and
filtered every address: 240-320 ms per lookup at 100,000 persons instead of
well under a millisecond. Migration 0015 gives each statement an index that
filters and orders at once. The test forces the generic plan
(`plan_cache_mode`), on tens of thousands of addresses, before and after
ANALYZE, and reads the plan: the address table must be read through the
lookup index, never scanned or walked by `person_id`. Sequential scans stay
allowed: at this size a filtering index scan is far cheaper, so a plan
without it means the index is missing or unusable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, text

from advisor_tui.demo.generate import generate_demo
from advisor_tui.domain.models import Address
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.services.persons.lookup import reverse_lookup
from advisor_tui.storage import lookup_sql
from advisor_tui.storage.db import new_session, open_engine
from tests import pg_server

pytestmark = pytest.mark.skipif(not pg_server.available(), reason="no PostgreSQL server")

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
COPIES = 40  # the demo's addresses times this: ~25,000 rows


@pytest.fixture
def pg(pg_database: pg_server.WorkerDatabase) -> Iterator[Engine]:
    engine = open_engine(pg_database.reset())
    yield engine
    engine.dispose()


def _multiply_addresses(conn: Connection) -> int:
    """Copies of every address with different values: many rows, few matches per value."""
    columns = [c.name for c in Address.__table__.columns if c.name != "id"]  # type: ignore[attr-defined]
    changed = {
        "normalized": "normalized || '-' || g",
        "rev_digits": "rev_digits || g::text",
    }
    picked = ", ".join(changed.get(name, name) for name in columns)
    conn.execute(
        text(
            f"INSERT INTO address ({', '.join(columns)}) "
            f"SELECT {picked} FROM address, generate_series(1, {COPIES}) AS g"
        )
    )
    return int(conn.execute(text("SELECT count(*) FROM address")).scalar_one())


def _positional(sql: str, params: dict[str, Any]) -> tuple[str, list[Any]]:
    """`:name` parameters as `$1, $2, …` for PREPARE, and their values in that order."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        names.append(match.group(1))
        return f"${len(names)}"

    return re.sub(r"(?<!:):(\w+)", number, sql), [params[name] for name in names]


def _generic_plan(conn: Connection, sql: str, params: dict[str, Any]) -> dict[str, Any]:
    """The plan PostgreSQL uses for `sql` once prepared, as it would for any values."""
    prepared, values = _positional(sql, params)
    conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_generic_plan")
    conn.exec_driver_sql(f"PREPARE lookup AS {prepared}")
    literals = ", ".join(
        str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'" for v in values
    )
    row = conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) EXECUTE lookup({literals})").scalar_one()
    conn.exec_driver_sql("DEALLOCATE lookup")
    document = row if isinstance(row, list) else json.loads(row)
    return document[0]["Plan"]


def _nodes(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [plan] + [node for child in plan.get("Plans", []) for node in _nodes(child)]


EXACT_INDEX = "ix_address_normalized_person"
SUFFIX_INDEX = "ix_address_rev_digits_person"
STATEMENTS = [
    ("exact", lookup_sql.EXACT, {"value": "+491711234567", "n": 200}, EXACT_INDEX),
    ("suffix", lookup_sql.SUFFIX, {"low": "7654321", "high": "7654321:", "n": 200}, SUFFIX_INDEX),
    ("same digits", lookup_sql.SAME_DIGITS, {"rev": "7654321", "n": 200}, SUFFIX_INDEX),
]


def test_lookup_statements_read_addresses_through_their_index(pg: Engine) -> None:
    generate_demo(pg, persons=200, seed=5, now=NOW)
    with pg.begin() as conn:
        assert _multiply_addresses(conn) > 20_000
        for when in ("before ANALYZE", "after ANALYZE"):
            if when == "after ANALYZE":
                conn.execute(text("ANALYZE address"))
            for name, sql, params, index in STATEMENTS:
                nodes = _nodes(_generic_plan(conn, sql, params))
                on_address = [n for n in nodes if n.get("Relation Name") == "address"]
                indexes = [
                    n["Index Name"]
                    for n in nodes
                    if n.get("Index Name", "").startswith(("ix_address", "address_"))
                ]
                assert on_address, (name, when)
                assert all(n["Node Type"] != "Seq Scan" for n in on_address), (name, when, nodes)
                # Walking ix_address_person_id (and filtering every row) was the slow plan.
                assert indexes == [index], (name, when, indexes)


def test_suffix_lookup_on_a_german_collated_server(pg_database: pg_server.WorkerDatabase) -> None:
    """The suffix range `[digits, digits || ':')` holds longer numbers under a German collation.

    ICU and glibc German collations sort ':' as punctuation, not after '9';
    migration 0015 gives `rev_digits` byte order (COLLATE "C").
    """
    server = pg_database.server
    name = f"{server._prefix}de_lookup"
    server._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    server._admin(
        f'CREATE DATABASE "{name}" TEMPLATE template0 '
        "LOCALE_PROVIDER icu ICU_LOCALE 'de-DE' LOCALE 'C.UTF-8'"
    )
    url = server.url_of(name)
    engine = open_engine(url)
    try:
        with engine.connect() as conn:  # the server really sorts ':' before digits
            assert conn.execute(text("SELECT '1234567:' < '12345670'")).scalar() is True
        with new_session(engine) as session:
            person = add_person(session, PersonData("Anna", "Schmidt"))
            add_address(session, person.id, "mobile", "0171 1234567")
            session.commit()
            result = reverse_lookup(session, "1234567")
            assert [(hit.person_id, hit.match) for hit in result.hits] == [(person.id, "suffix")]
    finally:
        engine.dispose()
        server.drop_database(url)
