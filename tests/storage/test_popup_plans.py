"""The ring pop-up's query for an unknown caller reads interactions through indexes.

For a number that is no customer's, the pop-up lists earlier calls from it:
`interaction.number` equal, or the call monitor's key in the range of the
number's prefix. Before migration 0015 neither had an index (and the prefix
was a LIKE no engine could serve), so every ring read every interaction:
~0.65 s on SQLite and ~0.25 s on PostgreSQL at 20,000 demo persons. The test
captures the statement the service really sends, asks the engine for its
plan on some 20,000 interactions, and wants both indexes and no full scan.
Runs on both engines (tests/conftest.py).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, event, text

from advisor_tui.demo.generate import generate_demo
from advisor_tui.domain.models import Interaction
from advisor_tui.services.calls.context import caller_context
from advisor_tui.services.calls.recording import identify_caller
from advisor_tui.storage.db import new_session

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
UNKNOWN = "+49301234567"


def _multiply_interactions(engine: Engine, copies: int) -> int:
    columns = [c.name for c in Interaction.__table__.columns if c.name != "id"]  # type: ignore[attr-defined]
    names = ", ".join(columns)
    with engine.begin() as conn:
        conn.execute(
            text(
                "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < :k) "
                f"INSERT INTO interaction ({names}) SELECT {names} FROM interaction, g"
            ),
            {"k": copies},
        )
        if conn.dialect.name == "postgresql":
            conn.execute(text("ANALYZE interaction"))
        return int(conn.execute(text("SELECT count(*) FROM interaction")).scalar_one())


def _popup_statement(engine: Engine) -> tuple[str, Any]:
    """The statement (and parameters) the pop-up sends for earlier calls from UNKNOWN."""
    sent: list[tuple[str, Any]] = []

    def remember(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM interaction" in statement and "external_id >=" in statement:
            sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", remember)
    try:
        with new_session(engine) as session:
            caller = identify_caller(session, UNKNOWN)
            assert not caller.known
            caller_context(session, caller, NOW)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    assert len(sent) == 1, sent
    return sent[0]


def _plan(engine: Engine, statement: str, parameters: Any) -> tuple[set[str], list[str]]:
    """(indexes used on interaction, full scans of interaction) of the statement's plan."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            details = [row[-1] for row in rows]
            used = {word for d in details for word in d.split() if word.startswith("ix_")}
            scans = [d for d in details if d.startswith("SCAN interaction")]
            return used, scans
        document = conn.exec_driver_sql(
            "EXPLAIN (FORMAT JSON) " + statement, parameters
        ).scalar_one()
    plan = (document if isinstance(document, list) else json.loads(document))[0]["Plan"]
    nodes, stack = [], [plan]
    while stack:
        node = stack.pop()
        nodes.append(node)
        stack.extend(node.get("Plans", []))
    used = {n["Index Name"] for n in nodes if "Index Name" in n}
    scans = [
        n["Node Type"]
        for n in nodes
        if n.get("Relation Name") == "interaction" and "Seq Scan" in n["Node Type"]
    ]
    return used, scans


def test_unknown_callers_popup_reads_interactions_through_indexes(engine: Engine) -> None:
    generate_demo(engine, persons=200, seed=9, now=NOW)
    assert _multiply_interactions(engine, 10) > 15_000
    used, scans = _plan(engine, *_popup_statement(engine))
    assert scans == []
    assert {"ix_interaction_number", "ix_interaction_external_id"} <= used
