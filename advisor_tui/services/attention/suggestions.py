"""The facts the suggestion rules read, counted with a few grouped queries.

Candidates are the persons with anything a rule could fire on (a complaint,
a request past its deadline, a recommendation they made); everything else is
counted for those only, so the cost follows the number of candidates, not of
persons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from advisor_tui.domain.attention import PersonFacts, Suggestion, SuggestionRules, suggest
from advisor_tui.domain.complaints import ComplaintKind, ComplaintStatus
from advisor_tui.domain.models import Complaint, Interaction, Person, Recommendation, Request
from advisor_tui.domain.timestamps import as_utc
from advisor_tui.domain.vocabulary import (
    ContactResult,
    Direction,
    InteractionKind,
    Outcome,
    RequestKind,
    RequestStatus,
)
from advisor_tui.services.flags import current_flags

CALL_PERIOD = timedelta(days=365)
RULES = SuggestionRules()
_CHUNK = 500


def _counts(session: Session, query: Any) -> dict[int, int]:
    return {pid: int(n) for pid, n in session.exec(query).all() if pid is not None}


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _complaint_requests(since: datetime | None, open_only: bool) -> Any:
    """Inbox complaints not in the register (those count there), per person."""
    linked = select(Complaint.request_id).where(col(Complaint.request_id).is_not(None))
    query = select(Request.person_id, func.count()).where(
        Request.kind == RequestKind.COMPLAINT,
        col(Request.person_id).is_not(None),
        col(Request.id).not_in(linked),
    )
    if open_only:
        query = query.where(col(Request.status) != RequestStatus.DONE)
    if since is not None:
        query = query.where(col(Request.received_at) >= since)
    return query.group_by(col(Request.person_id))


def _register(since: datetime | None, open_only: bool) -> Any:
    query = select(Complaint.person_id, func.count()).where(
        Complaint.kind == ComplaintKind.COMPLAINT, col(Complaint.person_id).is_not(None)
    )
    if open_only:
        query = query.where(Complaint.status == ComplaintStatus.OPEN)
    if since is not None:
        query = query.where(col(Complaint.received_at) >= since)
    return query.group_by(col(Complaint.person_id))


def _add(target: dict[int, int], more: dict[int, int]) -> dict[int, int]:
    for key, value in more.items():
        target[key] = target.get(key, 0) + value
    return target


def collect_facts(
    session: Session, now: datetime, rules: SuggestionRules = RULES
) -> list[PersonFacts]:
    """Facts of every visible person a rule could fire on."""
    now = as_utc(now)
    since = now - timedelta(days=rules.complaint_period_days)
    open_complaints = _add(
        _counts(session, _register(None, True)), _counts(session, _complaint_requests(None, True))
    )
    recent = _add(
        _counts(session, _register(since, False)),
        _counts(session, _complaint_requests(since, False)),
    )
    overdue = _counts(
        session,
        select(Request.person_id, func.count())
        .where(
            col(Request.person_id).is_not(None),
            col(Request.status) != RequestStatus.DONE,
            col(Request.deadline_at) < now,
        )
        .group_by(col(Request.person_id)),
    )
    recommended = _counts(
        session,
        select(Recommendation.recommended_by_id, func.count()).group_by(
            col(Recommendation.recommended_by_id)
        ),
    )
    candidates = sorted(
        set(open_complaints)
        | {p for p, n in recent.items() if n >= rules.repeated_complaints}
        | set(overdue)
        | {p for p, n in recommended.items() if n >= rules.min_recommendations}
    )
    visible: set[int] = set()
    orders: dict[int, int] = {}
    calls: dict[int, int] = {}
    reached: dict[int, int] = {}
    call_since = now - CALL_PERIOD
    for chunk in _chunks(candidates):
        visible.update(
            pid
            for pid in session.exec(
                select(Person.id).where(
                    col(Person.id).in_(chunk), col(Person.restricted_until).is_(None)
                )
            ).all()
            if pid is not None
        )
        _add(
            orders,
            _counts(
                session,
                select(Request.person_id, func.count())
                .where(col(Request.person_id).in_(chunk), Request.kind == RequestKind.ORDER)
                .group_by(col(Request.person_id)),
            ),
        )
        _add(
            orders,
            _counts(
                session,
                select(Interaction.person_id, func.count())
                .where(
                    col(Interaction.person_id).in_(chunk),
                    Interaction.result == ContactResult.ORDER,
                    col(Interaction.request_id).is_(None),  # an answered order counts once
                )
                .group_by(col(Interaction.person_id)),
            ),
        )
        out_calls = (
            select(Interaction.person_id, func.count())
            .where(
                col(Interaction.person_id).in_(chunk),
                Interaction.kind == InteractionKind.CALL,
                Interaction.direction == Direction.OUT,
                col(Interaction.occurred_at) >= call_since,
            )
            .group_by(col(Interaction.person_id))
        )
        _add(calls, _counts(session, out_calls))
        _add(reached, _counts(session, out_calls.where(Interaction.outcome == Outcome.REACHED)))
    ids = [p for p in candidates if p in visible]
    flags = current_flags(session, ids)
    return [
        PersonFacts(
            person_id=pid,
            flags=flags.get(pid, frozenset()),
            orders=orders.get(pid, 0),
            recommendations=recommended.get(pid, 0),
            calls=calls.get(pid, 0),
            reached=reached.get(pid, 0),
            open_complaints=open_complaints.get(pid, 0),
            recent_complaints=recent.get(pid, 0),
            overdue_requests=overdue.get(pid, 0),
        )
        for pid in ids
    ]


def suggestions(
    session: Session, now: datetime, rules: SuggestionRules = RULES
) -> list[Suggestion]:
    """Every flag the history suggests and nobody set yet."""
    found: list[Suggestion] = []
    for facts in collect_facts(session, now, rules):
        found.extend(suggest(facts, rules))
    return found


def recommend(session: Session, person_id: int, recommended_by_id: int, note: str = "") -> None:
    """Record that `person_id` came recommended by `recommended_by_id`. Caller commits."""
    from advisor_tui.services import audit
    from advisor_tui.services.errors import NotFound, ServiceError

    for pid in (person_id, recommended_by_id):
        if session.get(Person, pid) is None:
            raise NotFound("person_not_found", id=pid)
    if person_id == recommended_by_id:
        raise ServiceError("attention.err.self_recommendation")
    link = Recommendation(person_id=person_id, recommended_by_id=recommended_by_id, note=note)
    session.add(link)
    session.flush()
    audit.record(
        session,
        "recommendation.create",
        "recommendation",
        link.id,
        {"person_id": person_id, "recommended_by_id": recommended_by_id},
    )
