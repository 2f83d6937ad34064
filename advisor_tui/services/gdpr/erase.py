"""GDPR Art. 17: erase a person, lock what FinVermV §23 keeps, purge it when due.

Without retained records the person and every row of theirs are deleted.
With retained records (see `gdpr.retention_for`) those records stay, marked
`retain_until`, and the person stays as a restricted shell (name and kind only,
`restricted_until` set; hidden from lists, search and lookup); everything else
is deleted. `purge_expired` deletes locked records and shells once their date
has come. Every step leaves an audit entry with ids, counts and dates only, and
the details of older audit entries about the person are scrubbed.

Writes go through the ORM (`session.delete`, attribute changes) so that the
search index maintenance sees them; the caller commits.

Nothing of the person stays in the database files: texts in other rows that
name them are blanked (`gdpr.scrub`), every connection overwrites deleted
content (`secure_delete`), and after the commit the FTS index is optimized and
the WAL checkpointed (`storage.wipe`, run by an after-commit hook, so every
caller gets it; `session.info[WIPE_RESULT]` says whether the WAL could be
emptied). Each erasure is entered in the ledger (`Erasure`: id and creation
time only), which a restore of an older backup applies again
(`gdpr.ledger`).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import event
from sqlmodel import Session, col, select

from advisor_tui.domain.models import Address, AuditEntry, Erasure, Interaction, Person, Request
from advisor_tui.domain.timestamps import utcnow
from advisor_tui.domain.vocabulary import MatchKind
from advisor_tui.services import audit
from advisor_tui.services.gdpr.records import (
    PersonRecords,
    Retention,
    load_person_records,
    retention_for,
)
from advisor_tui.services.gdpr.scrub import identity_needles, scrub_other_rows

# Person fields a restricted shell keeps: enough to say whose retained records these are.
SHELL_FIELDS = ("kind", "salutation", "title", "first_name", "last_name", "company", "party")
# What a shell loses: everything personal that no retention duty covers.
SHELL_CLEARED: dict[str, Any] = {
    "birthday": None,
    "notes": "",
    "tags": "",
    "extra": "",
}
log = logging.getLogger(__name__)
_WORD = re.compile(r"[a-z][a-z0-9_.]{0,49}")
# Audit detail keys whose short lowercase word values are vocabulary, not personal data.
_VOCABULARY_KEYS = {"kind", "scope", "channel", "status", "match", "outcome", "direction"}
# session.info keys: an erasure waits for its commit to wipe; what the wipe achieved.
_WIPE_DUE = "gdpr_wipe_due"
WIPE_RESULT = "gdpr_wipe_result"


@dataclass
class ErasurePlan:
    """What an erasure deletes and what it keeps (counts only), and until when."""

    person_id: int
    erased: dict[str, int] = field(default_factory=dict)
    retained: dict[str, int] = field(default_factory=dict)
    retain_until: date | None = None
    display_name: str = ""  # for the confirmation prompt only; never stored

    @property
    def restricted(self) -> bool:
        return self.retain_until is not None


def _plan(records: PersonRecords, retention: Retention) -> ErasurePlan:
    kept_requests = [r for r in records.requests if r.id in retention.request_ids]
    kept_interactions = [i for i in records.interactions if i.id in retention.interaction_ids]
    erased = {
        "persons": 0 if retention.applies else 1,
        "addresses": len(records.addresses),
        "consents": len(records.consents),
        "requests": len(records.requests) - len(kept_requests),
        "interactions": len(records.interactions) - len(kept_interactions),
        "followups": len(records.followups),
        "suggestions": len(records.suggested_requests),
    }
    retained = {"requests": len(kept_requests), "interactions": len(kept_interactions)}
    return ErasurePlan(
        person_id=records.person.id or 0,
        erased=erased,
        retained=retained if retention.applies else {},
        retain_until=retention.until,
        display_name=records.person.display_name,
    )


def plan_erasure(session: Session, person_id: int, *, today: date | None = None) -> ErasurePlan:
    """What `erase_person` would do, without changing anything."""
    records = load_person_records(session, person_id)
    return _plan(records, retention_for(records, today or date.today()))


def scrub_details(details: str) -> str:
    """Audit details without personal data: ids, counts, flags and vocabulary words stay."""
    try:
        data = json.loads(details) if details else {}
    except ValueError:
        return json.dumps({"scrubbed": True})
    if not isinstance(data, dict):
        return json.dumps({"scrubbed": True})

    def safe(key: str, value: Any) -> bool:
        if value is None or isinstance(value, bool | int | float):
            return True
        if isinstance(value, str):
            return key in _VOCABULARY_KEYS and bool(_WORD.fullmatch(value))
        if isinstance(value, list):  # e.g. "fields": names of changed columns
            return key == "fields" and all(isinstance(v, str) and _WORD.fullmatch(v) for v in value)
        if isinstance(value, dict):
            return all(safe(str(k), v) and _WORD.fullmatch(str(k)) for k, v in value.items())
        return False

    kept = {key: value for key, value in data.items() if safe(key, value)}
    dropped = sorted(set(data) - set(kept))
    if dropped:
        kept["scrubbed"] = [k for k in dropped if _WORD.fullmatch(k)] or True
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


def _scrub(entries: list[AuditEntry]) -> int:
    changed = 0
    for entry in entries:
        clean = scrub_details(entry.details)
        if clean != entry.details:
            entry.details = clean
            changed += 1
    return changed


def _delete_all(session: Session, rows: list[Any]) -> None:
    for row in rows:
        session.delete(row)
    session.flush()


def erase_person(session: Session, person_id: int, *, today: date | None = None) -> ErasurePlan:
    """Erase `person_id` (Art. 17); records under retention are locked instead. Caller commits."""
    records = load_person_records(session, person_id)
    retention = retention_for(records, today or date.today())
    plan = _plan(records, retention)
    person = records.person
    needles = identity_needles(person, _own_addresses(session, person_id, records.addresses))
    kept_requests = [r for r in records.requests if r.id in retention.request_ids]
    kept_interactions = [i for i in records.interactions if i.id in retention.interaction_ids]

    # 1. Lock what is kept (before its addresses go, so no stale address_id is flushed later).
    for request in kept_requests:
        request.retain_until = retention.until
        request.updated_at = utcnow()
        request.version += 1
    for interaction in kept_interactions:
        interaction.retain_until = retention.until
        interaction.address_id = None  # the address itself is erased below
    # A suggestion is only a guess that the request is theirs: drop the link, keep the request.
    for request in records.suggested_requests:
        request.suggested_person_id = None
        if request.person_id is None:
            request.match = MatchKind.UNKNOWN
    session.flush()

    # 2. Delete everything not under retention, children first.
    _delete_all(session, records.flag_events)  # before the follow-ups they point at
    _delete_all(session, records.followups)
    _delete_all(session, [i for i in records.interactions if i.id not in retention.interaction_ids])
    _delete_all(session, records.candidacies)
    erased_requests = {r.id for r in records.requests if r.id not in retention.request_ids}
    _delete_all(session, [m for m in records.messages if m.request_id in erased_requests])
    _delete_all(session, [r for r in records.requests if r.id not in retention.request_ids])
    _delete_all(session, records.consent_uses + records.consents)
    _delete_all(session, records.addresses)
    scrubbed = _scrub(records.audit_entries)

    # 3. The person: a restricted shell, or gone.
    if retention.applies:
        for name, empty in SHELL_CLEARED.items():
            setattr(person, name, empty)
        person.restricted_until = retention.until
        person.updated_at = utcnow()
        person.version += 1
    else:
        session.delete(person)
    session.flush()
    # 4. What other rows say about them; then the ledger, and the wipe after commit.
    mentions = scrub_other_rows(session, person_id, needles)
    session.add(Erasure(person_id=person_id, person_created_at=person.created_at))
    session.info[_WIPE_DUE] = True

    details: dict[str, Any] = {
        "erased": plan.erased,
        "scrubbed_audit_entries": scrubbed,
        "scrubbed_mentions": mentions,
    }
    if retention.applies:
        details["retained"] = plan.retained
        details["retain_until"] = retention.until.isoformat() if retention.until else None
    audit.record(session, "gdpr.erase", "person", person_id, details)
    session.flush()
    return plan


def _own_addresses(session: Session, person_id: int, addresses: list[Address]) -> list[Address]:
    """The person's addresses no one else has (a shared landline is the household's too)."""
    own = []
    for address in addresses:
        if address.normalized is not None:
            others = session.exec(
                select(Address.id).where(
                    Address.normalized == address.normalized, Address.person_id != person_id
                )
            ).first()
            if others is not None:
                continue
        own.append(address)
    return own


def _wipe_after_commit(session: Session) -> None:
    """after_commit: purge the erased rows from the FTS index and the WAL (storage.wipe)."""
    if not session.info.pop(_WIPE_DUE, False):
        return
    from advisor_tui.storage.wipe import wipe_deleted

    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    try:
        session.info[WIPE_RESULT] = wipe_deleted(engine)  # type: ignore[arg-type]
    except Exception as exc:  # the erasure is committed; the wipe is retried by the next one
        log.warning("wiping after an erasure failed: %s", exc)
        session.info[WIPE_RESULT] = None


def _forget_wipe(session: Session, *_args: object) -> None:
    session.info.pop(_WIPE_DUE, None)


event.listen(Session, "after_commit", _wipe_after_commit)
event.listen(Session, "after_soft_rollback", _forget_wipe)


# --- purge --------------------------------------------------------------------------------------


@dataclass
class PurgePlan:
    """Locked records and restricted persons whose date has come."""

    person_ids: list[int] = field(default_factory=list)
    requests: int = 0
    interactions: int = 0

    @property
    def empty(self) -> bool:
        return not (self.person_ids or self.requests or self.interactions)


def _expired_rows(session: Session, today: date) -> tuple[list[Request], list[Interaction]]:
    requests = session.exec(
        select(Request).where(
            col(Request.retain_until).is_not(None), col(Request.retain_until) <= today
        )
    ).all()
    interactions = session.exec(
        select(Interaction).where(
            col(Interaction.retain_until).is_not(None), col(Interaction.retain_until) <= today
        )
    ).all()
    return list(requests), list(interactions)


def _expired_persons(session: Session, today: date) -> list[Person]:
    query = select(Person).where(
        col(Person.restricted_until).is_not(None), col(Person.restricted_until) <= today
    )
    return list(session.exec(query.order_by(col(Person.id))).all())


def plan_purge(session: Session, *, today: date | None = None) -> PurgePlan:
    """What `purge_expired` would delete."""
    today = today or date.today()
    requests, interactions = _expired_rows(session, today)
    persons = _expired_persons(session, today)
    return PurgePlan([p.id for p in persons if p.id], len(requests), len(interactions))


def _later_retention(session: Session, person_id: int, today: date) -> date | None:
    """The latest retain_until after `today` still held by a person's records."""
    dates = [
        *session.exec(
            select(col(Request.retain_until)).where(
                Request.person_id == person_id, col(Request.retain_until) > today
            )
        ).all(),
        *session.exec(
            select(col(Interaction.retain_until)).where(
                Interaction.person_id == person_id, col(Interaction.retain_until) > today
            )
        ).all(),
    ]
    return max((d for d in dates if d is not None), default=None)


def purge_expired(session: Session, *, today: date | None = None) -> PurgePlan:
    """Delete locked records and restricted persons whose date has passed. Caller commits."""
    today = today or date.today()
    requests, interactions = _expired_rows(session, today)
    owners = {r.person_id for r in requests} | {i.person_id for i in interactions}
    owners.discard(None)
    _delete_all(session, interactions)
    _delete_all(session, requests)
    for person_id in sorted(owners):  # type: ignore[type-var]
        audit.record(
            session,
            "gdpr.purge",
            "person",
            person_id,
            {
                "requests": sum(r.person_id == person_id for r in requests),
                "interactions": sum(i.person_id == person_id for i in interactions),
            },
        )
    purged: list[int] = []
    for person in _expired_persons(session, today):
        pid = person.id
        assert pid is not None
        later = _later_retention(session, pid, today)
        if later is not None:
            person.restricted_until = later  # something of theirs must still be kept
            continue
        records = load_person_records(session, pid)
        _scrub(records.audit_entries)
        # A shell has nothing else left; delete whatever a later write may have added.
        _delete_all(session, records.consent_uses + records.consents)
        _delete_all(session, records.followups + records.addresses)
        _delete_all(session, records.interactions)
        _delete_all(session, records.requests)
        session.delete(person)
        session.flush()
        audit.record(session, "gdpr.purge", "person", pid, {"person_deleted": True})
        purged.append(pid)
    session.flush()
    return PurgePlan(purged, len(requests), len(interactions))
