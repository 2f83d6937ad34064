"""Fill an empty database with deterministic, realistic German demo data.

`advisor demo --persons 100000` must finish in under a minute, so rows are
built as tuples (`demo_build`) and written with bulk inserts in chunks, in
one transaction, with the tables' secondary indexes dropped during the load
and rebuilt once at the end (one sort instead of a million B-tree inserts).
No audit entry per record: one "demo.generate" entry with the counts.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert, select
from sqlmodel import col

from advisor_tui.demo.activity import (
    CANDIDATE_COLUMNS,
    CONSENT_COLUMNS,
    FOLLOWUP_COLUMNS,
    INTERACTION_COLUMNS,
    MESSAGE_COLUMNS,
    REQUEST_COLUMNS,
)
from advisor_tui.demo.build import ADDRESS_COLUMNS, FLAG_EVENT_COLUMNS, PERSON_COLUMNS, Rows
from advisor_tui.demo.worker import BuildParams, build_chunks, chunks_from_worker
from advisor_tui.domain.models import (
    Address,
    AuditEntry,
    ConsentEvent,
    FlagEvent,
    FollowUp,
    Interaction,
    Message,
    Person,
    Request,
    RequestCandidate,
)
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.services.audit import current_actor
from advisor_tui.services.errors import ServiceError
from advisor_tui.storage.bulk import BulkWriter

CHUNK = 2000  # persons per chunk: one progress step, ~30,000 rows
WORKER_FROM = 20_000  # persons; smaller runs (the TUI's --demo) build in this process

_TABLES: tuple[tuple[str, Table, tuple[str, ...]], ...] = (
    ("persons", Person.__table__, PERSON_COLUMNS),  # type: ignore[attr-defined]
    ("addresses", Address.__table__, ADDRESS_COLUMNS),  # type: ignore[attr-defined]
    ("requests", Request.__table__, REQUEST_COLUMNS),  # type: ignore[attr-defined]
    ("messages", Message.__table__, MESSAGE_COLUMNS),  # type: ignore[attr-defined]
    ("request_candidates", RequestCandidate.__table__, CANDIDATE_COLUMNS),  # type: ignore[attr-defined]
    ("interactions", Interaction.__table__, INTERACTION_COLUMNS),  # type: ignore[attr-defined]
    ("followups", FollowUp.__table__, FOLLOWUP_COLUMNS),  # type: ignore[attr-defined]
    ("consents", ConsentEvent.__table__, CONSENT_COLUMNS),  # type: ignore[attr-defined]
    ("flag_events", FlagEvent.__table__, FLAG_EVENT_COLUMNS),  # type: ignore[attr-defined]
)


@dataclass
class DemoStats:
    """What `generate_demo` created and how long it took."""

    persons: int = 0
    addresses: int = 0
    interactions: int = 0
    followups: int = 0
    requests: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def generate_demo(
    engine: Engine,
    *,
    persons: int,
    seed: int = 1,
    progress: Callable[[int], None] | None = None,
    now: datetime | None = None,
) -> DemoStats:
    """Fill the (person-less) database with `persons` demo people and their history.

    The same seed and `now` give the same data. Raises ServiceError("demo.not_empty")
    if the database already holds persons.
    """
    started = time.perf_counter()
    moment = as_utc(now or utcnow())
    stats = DemoStats()
    with engine.begin() as conn:
        if conn.execute(select(col(Person.id)).limit(1)).first() is not None:
            raise ServiceError("demo.not_empty")
        writer = BulkWriter(conn)
        params = BuildParams(
            persons=persons,
            seed=seed,
            now=moment.replace(tzinfo=None),
            today=local_day(moment),
            first_address_id=writer.next_id(Address.__table__),  # type: ignore[attr-defined]
            first_request_id=writer.next_id(Request.__table__),  # type: ignore[attr-defined]
            chunk=CHUNK,
            mode=writer.mode or "",
        )
        if persons >= WORKER_FROM and writer.mode is not None:
            chunks = chunks_from_worker(params)
        else:
            chunks = build_chunks(params, writer)
        with writer.indexes_dropped([table for _, table, _ in _TABLES]):
            for rows in chunks:
                _write_chunk(writer, rows, stats)
                if progress is not None:
                    progress(stats.persons)
        writer.sync_sequences([Person.__table__, Address.__table__, Request.__table__])  # type: ignore[attr-defined]
        from advisor_tui.demo.complaints import add_demo_complaints, add_demo_recommendations

        add_demo_complaints(conn, moment)
        add_demo_recommendations(conn, moment)
        from advisor_tui.demo.colleagues import add_demo_colleagues

        add_demo_colleagues(conn)
        # FinVermV §18a: the demo's advice records join the hash chain, as saved ones do.
        from advisor_tui.services.advice_records import seal_unsealed

        seal_unsealed(conn, now=moment)
        _record_audit(conn, stats, seed)
        # Derived structures (the search index) are rebuilt here: after the bulk
        # insert, inside the same transaction.
        from advisor_tui.storage.search import rebuild_index

        rebuild_index(conn)
    stats.seconds = time.perf_counter() - started
    return stats


def _write_chunk(writer: BulkWriter, rows: Rows, stats: DemoStats) -> None:
    for name, table, columns in _TABLES:
        batch = getattr(rows, name)
        writer.insert(table, columns, batch)
        if hasattr(stats, name):
            setattr(stats, name, getattr(stats, name) + len(batch))


def _record_audit(conn: Connection, stats: DemoStats, seed: int) -> None:
    details = {k: v for k, v in stats.as_dict().items() if k != "seconds"}
    conn.execute(
        insert(AuditEntry.__table__).values(  # type: ignore[attr-defined]
            at=utcnow(),
            actor=current_actor(),
            action="demo.generate",
            entity="person",
            entity_id=None,
            details=json.dumps({**details, "seed": seed}, sort_keys=True),
        )
    )


def local_day(moment: datetime) -> tuple[datetime, datetime]:
    """Start and end of the machine's local calendar day of `moment`, as naive UTC."""
    local = moment.astimezone()
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    end = start + timedelta(days=1) - timedelta(microseconds=1)
    return (
        start.astimezone(UTC).replace(tzinfo=None),
        end.astimezone(UTC).replace(tzinfo=None),
    )
