"""Records of investment advice by phone or electronic message (FinVermV §18a, §23).

Each record is sealed when it is saved: a link of a hash chain
(`advice_seal`) holds the hash of its content and the hash of the link
before, so a record changed or removed afterwards shows in `verify`. A
record cannot be edited: a correction is a new record that names the one it
corrects (`correct`). Records are kept 10 years from the end of the year
(the seal remembers the first day one may go; `gdpr.records.retention_end`).

What a hash chain cannot show: links cut off at the end of the chain with
their records. An outside copy of the newest chain hash (`advisor
advice-records verify --json` prints it) closes that gap.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, func, select

from advisor_tui.domain.models import AdviceSeal, Interaction
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.services import audit
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.gdpr.records import retention_end
from advisor_tui.storage.bulk import BulkWriter

GENESIS = "0" * 64
# What a record says. Links to other rows (person, address, request) and the
# erasure's retention lock may change without changing the record.
CONTENT_FIELDS = (
    "id",
    "kind",
    "direction",
    "channel",
    "occurred_at",
    "duration_seconds",
    "outcome",
    "result",
    "purpose",
    "summary",
    "number",
    "is_advice_record",
)


def _content_hash(values: Mapping[str, Any]) -> str:
    """SHA-256 over the content fields in their fixed order, as compact JSON (times in UTC)."""
    items = []
    for name in CONTENT_FIELDS:
        value = values[name]
        if isinstance(value, datetime):
            value = (value if value.tzinfo is UTC else as_utc(value)).isoformat()
        items.append(value)
    text = json.dumps(items, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def content_hash(interaction: Interaction) -> str:
    """SHA-256 over the record's content, as canonical JSON."""
    return _content_hash({name: getattr(interaction, name) for name in CONTENT_FIELDS})


def link_hash(prev_hash: str, content: str) -> str:
    return hashlib.sha256(f"{prev_hash}:{content}".encode()).hexdigest()


def _last(session: Session) -> AdviceSeal | None:
    return session.exec(select(AdviceSeal).order_by(col(AdviceSeal.seq).desc())).first()


def seal(
    session: Session, interaction: Interaction, *, corrects_id: int | None = None
) -> AdviceSeal:
    """Mark `interaction` as a record of advice and add it to the chain; the caller commits."""
    if interaction.id is None:
        session.flush()
    assert interaction.id is not None
    if session.exec(select(AdviceSeal).where(AdviceSeal.interaction_id == interaction.id)).first():
        raise ServiceError("advice.err.locked")
    interaction.is_advice_record = True
    session.add(interaction)
    session.flush()
    last = _last(session)
    prev = last.chain_hash if last is not None else GENESIS
    content = content_hash(interaction)
    link = AdviceSeal(
        seq=(last.seq + 1) if last is not None else 1,
        interaction_id=interaction.id,
        corrects_id=corrects_id,
        content_hash=content,
        prev_hash=prev,
        chain_hash=link_hash(prev, content),
        retain_until=retention_end(interaction.occurred_at),
    )
    session.add(link)
    session.flush()
    audit.record(
        session,
        "advice.seal",
        "interaction",
        interaction.id,
        {"person_id": interaction.person_id, "seq": link.seq, "corrects_id": corrects_id},
    )
    return link


def seal_unsealed(conn: Connection, *, now: datetime | None = None) -> int:
    """Seal every record marked as advice that has no seal yet, oldest first; returns how many.

    For records written in bulk (the demo) or before the chain existed; one
    pass with Core statements (a demo of 100,000 persons has ~110,000 records).
    """
    table = Interaction.__table__  # type: ignore[attr-defined]
    seals = AdviceSeal.__table__  # type: ignore[attr-defined]
    last = conn.execute(
        sa_select(seals.c.seq, seals.c.chain_hash).order_by(seals.c.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0], last[1]) if last is not None else (0, GENESIS)
    query = (
        sa_select(*(table.c[name] for name in CONTENT_FIELDS))
        .where(table.c.is_advice_record.is_(True))
        .where(table.c.id.not_in(sa_select(seals.c.interaction_id)))
        .order_by(table.c.id)
    )
    writer = BulkWriter(conn)  # COPY on PostgreSQL, the driver's executemany on SQLite
    stamp = writer.ts(as_utc(now or utcnow()).replace(tzinfo=None))  # naive: taken as UTC
    links = []
    for row in conn.execute(query).mappings().all():
        content = _content_hash(dict(row))
        seq += 1
        chain = link_hash(prev, content)
        retain = writer.day(retention_end(row["occurred_at"]))
        links.append((seq, row["id"], None, content, prev, chain, retain, stamp))
        prev = chain
    writer.insert(seals, _SEAL_COLUMNS, links)
    return len(links)


_SEAL_COLUMNS = (
    "seq", "interaction_id", "corrects_id", "content_hash", "prev_hash", "chain_hash",
    "retain_until", "sealed_at",
)  # fmt: skip


def is_sealed(session: Session, interaction_id: int) -> bool:
    query = select(func.count()).where(AdviceSeal.interaction_id == interaction_id)
    return bool(session.exec(query).one())


def correct(session: Session, interaction_id: int, new_note: str) -> Interaction:
    """Correct a sealed record: a new sealed record with the new text. The caller commits."""
    old = session.get(Interaction, interaction_id)
    if old is None:
        raise NotFound("contact.err.not_found", id=interaction_id)
    new = Interaction(
        person_id=old.person_id,
        address_id=old.address_id,
        request_id=old.request_id,
        kind=old.kind,
        direction=old.direction,
        channel=old.channel,
        occurred_at=old.occurred_at,
        duration_seconds=old.duration_seconds,
        outcome=old.outcome,
        result=old.result,
        purpose=old.purpose,
        summary=new_note.strip(),
        number=old.number,
    )
    session.add(new)
    session.flush()
    seal(session, new, corrects_id=interaction_id)
    audit.record(
        session,
        "interaction.correct",
        "interaction",
        new.id,
        {"person_id": old.person_id, "corrects_id": interaction_id},
    )
    return new


@dataclass(frozen=True)
class Problem:
    """One finding of `verify`: kind is changed, missing, broken_link or unsealed."""

    kind: str
    seq: int | None
    interaction_id: int | None
    until: date | None = None


@dataclass(frozen=True)
class Verification:
    checked: int
    head: str  # the newest chain hash (keep a copy outside to detect a cut-off end)
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, *, today: date | None = None) -> Verification:
    """Walk the chain: every link follows the one before, every record matches its seal."""
    today = today or utcnow().date()
    problems: list[Problem] = []
    prev = GENESIS
    sealed: set[int] = set()
    links = session.exec(select(AdviceSeal).order_by(col(AdviceSeal.seq))).all()
    for link in links:
        sealed.add(link.interaction_id)
        expected = link_hash(link.prev_hash, link.content_hash)
        if link.prev_hash != prev or expected != link.chain_hash:
            problems.append(Problem("broken_link", link.seq, link.interaction_id))
        record = session.get(Interaction, link.interaction_id)
        if record is None:
            if link.retain_until > today:  # gone before its time
                problems.append(
                    Problem("missing", link.seq, link.interaction_id, link.retain_until)
                )
        elif content_hash(record) != link.content_hash:
            problems.append(Problem("changed", link.seq, link.interaction_id))
        prev = link.chain_hash
    marked = session.exec(
        select(Interaction.id).where(col(Interaction.is_advice_record).is_(True))
    ).all()
    for interaction_id in marked:
        if interaction_id is not None and interaction_id not in sealed:
            problems.append(Problem("unsealed", None, interaction_id))
    return Verification(len(links), prev, problems)


def _refuse_edits(_mapper: Any, _connection: Any, target: Interaction) -> None:
    """No ORM write changes a sealed record's content (corrections are new records)."""
    if not target.is_advice_record:
        return
    state = inspect(target)
    for name in CONTENT_FIELDS:
        history = state.attrs[name].history
        if history.deleted and history.added and history.deleted[0] != history.added[0]:
            old_flag = state.attrs["is_advice_record"].history.deleted
            if name != "is_advice_record" and not (old_flag and old_flag[0] is False):
                raise ServiceError("advice.err.locked")


event.listen(Interaction, "before_update", _refuse_edits)
