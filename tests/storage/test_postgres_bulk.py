"""The demo's bulk load on PostgreSQL: the same rows as on SQLite, indexes back, statistics.

On PostgreSQL `storage.bulk` sends timestamps to COPY as text with their UTC
offset and booleans as 0/1, skipping SQLAlchemy's bind processing; it drops
every secondary index (the migrations' trigram indexes too) and builds them
again at the end, then analyzes the loaded tables. Read back through
SQLAlchemy, every value must equal what the SQLite path stored.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, Table, select, text

from advisor_tui.demo.generate import generate_demo
from advisor_tui.domain.models import (
    Address,
    AdviceSeal,
    ConsentEvent,
    FollowUp,
    Interaction,
    Person,
    Request,
)
from advisor_tui.storage.db import open_engine
from tests import pg_server

pytestmark = pytest.mark.skipif(not pg_server.available(), reason="no PostgreSQL server")

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
TABLES = [Person, Address, Interaction, FollowUp, ConsentEvent, Request, AdviceSeal]


def _rows(engine: Engine, table: Table) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(select(table).order_by(table.c.id))]


def _indexes(engine: Engine) -> set[tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")
        )
        return {(row[0], row[1]) for row in rows}


def test_demo_rows_are_the_same_on_both_engines(
    tmp_path: Path, pg_database: pg_server.WorkerDatabase
) -> None:
    lite = open_engine(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    url = pg_database.reset()
    # A server far from UTC: COPY must read the timestamps' own offset, not the session zone.
    _set_zone(url, "'Asia/Tokyo'")
    pg = open_engine(url)
    try:
        with pg.connect() as conn:
            assert conn.execute(text("SHOW timezone")).scalar_one() == "Asia/Tokyo"
        indexes_before = _indexes(pg)
        for engine in (lite, pg):
            generate_demo(engine, persons=150, seed=11, now=NOW)
        for model in TABLES:
            table = model.__table__  # type: ignore[attr-defined]
            expected = _rows(lite, table)
            assert expected, table.name
            assert _rows(pg, table) == expected, table.name
        # Every index is back as it was, trigram GIN indexes included.
        assert _indexes(pg) == indexes_before
        assert any("gin_trgm_ops" in definition for _, definition in indexes_before)
        # The loaded tables have statistics for the planner.
        with pg.connect() as conn:
            analyzed = {
                row[0]
                for row in conn.execute(
                    text("SELECT DISTINCT tablename FROM pg_stats WHERE schemaname = 'public'")
                )
            }
        assert {"person", "address", "interaction", "person_search_doc"} <= analyzed
    finally:
        lite.dispose()
        pg.dispose()
        _set_zone(url, "DEFAULT")


def _set_zone(url: str, zone: str) -> None:
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            database = conn.execute(text("SELECT current_database()")).scalar_one()
            conn.exec_driver_sql(f'ALTER DATABASE "{database}" SET timezone = {zone}')
            conn.commit()
    finally:
        engine.dispose()
