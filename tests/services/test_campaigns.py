"""Campaigns: the list from a filter in attention order, re-contact rules, pause, summary."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import Session

from advisor_tui.domain.models import Address, Interaction
from advisor_tui.services.campaigns.building import candidates, create_campaign
from advisor_tui.services.campaigns.criteria import Criteria
from advisor_tui.services.campaigns.stepping import (
    BUSY_RETRY,
    current_step,
    record_outcome,
    set_status,
    skip,
    summary,
)
from advisor_tui.services.consent.ledger import record_event
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.flags import set_flag
from advisor_tui.services.persons.editing import PersonData, add_address, add_person

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _person(session: Session, first: str, number: str | None = "0171 2345678", **kw) -> int:  # noqa: ANN003
    person = add_person(session, PersonData(first, "Test", **kw))
    assert person.id is not None
    if number:
        add_address(session, person.id, "mobile", number)
    return person.id


def _consent(session: Session, pid: int) -> None:
    record_event(session, pid, kind="granted", channel="phone", purpose="advertising",
                 occurred_at=NOW - timedelta(days=100))  # fmt: skip


def test_filter_and_order(session: Session) -> None:
    quiet = _person(session, "Quiet", "0171 1111111")
    recent = _person(session, "Recent", "0171 2222222")
    angry = _person(session, "Angry", "0171 3333333")
    never = _person(session, "Never", "0171 4444444", tags="Depot")
    _person(session, "Nophone", None)
    _person(session, "Former", "0171 5555555", kind="former")
    born = _person(session, "Born", "0171 6666666", birthday=date(1970, 12, 24))
    set_flag(session, angry, "dissatisfied", "laut", now=NOW)
    for pid, days in ((quiet, 200), (recent, 3), (angry, 100), (born, 150)):
        session.add(Interaction(person_id=pid, kind="call", occurred_at=NOW - timedelta(days=days)))
    session.commit()
    weeks = Criteria(not_contacted_weeks=8)
    # Attention first, then never contacted, then the longest silence.
    assert candidates(session, weeks, NOW) == [angry, never, quiet, born]
    assert candidates(session, Criteria(tag="depot"), NOW) == [never]
    assert candidates(session, Criteria(flag="dissatisfied"), NOW) == [angry]
    assert candidates(session, Criteria(birthday_this_month=True), NOW) == [born]
    assert candidates(session, Criteria(phone_consent=True), NOW) == []
    _consent(session, quiet)
    assert candidates(session, Criteria(phone_consent=True), NOW) == [quiet]
    with pytest.raises(ServiceError):
        candidates(session, Criteria(kinds=("nobody",)), NOW)


def test_outcomes_move_entries_by_the_rules(session: Session) -> None:
    ids = [_person(session, name, f"0171 77777{i:02d}") for i, name in enumerate("ABCD")]
    _consent(session, ids[0])
    campaign = create_campaign(session, "Check Altersvorsorge", Criteria(), NOW)
    session.commit()
    assert campaign.id is not None
    step = current_step(session, campaign.id, NOW)
    assert step is not None and (step.place, step.total) == (1, 4)
    assert step.permission.allowed and step.number == "0171 7777700"
    order = []
    # A reached, B no answer (back later), C busy (retry soon), D wrong number (dropped).
    for outcome in ("reached", "no_answer", "busy", "wrong_number"):
        step = current_step(session, campaign.id, NOW)
        assert step is not None
        order.append(step.name[0])
        record_outcome(session, step.entry_id, outcome, address_id=step.address_id, now=NOW)
        session.commit()
    assert order == ["A", "B", "C", "D"]
    dropped = session.get(Address, step.address_id)
    assert dropped is not None and dropped.failure_kind == "wrong_number"
    # B comes back first (C waits for its retry time); then C, once its time has come.
    step = current_step(session, campaign.id, NOW)
    assert step is not None and step.name[0] == "B" and not step.permission.allowed
    assert (step.place, step.attempts) == (3, 1)
    skip(session, step.entry_id, now=NOW)
    step = current_step(session, campaign.id, NOW)
    assert step is not None and step.name[0] == "C" and step.waiting_until == NOW + BUSY_RETRY
    record_outcome(session, step.entry_id, "reached", now=NOW + BUSY_RETRY)
    session.commit()
    assert current_step(session, campaign.id, NOW) is None
    result = summary(session, campaign.id)
    assert result.status == "done" and result.finished == 4
    assert result.states == {"done": 2, "dropped": 1, "skipped": 1}


def test_pause_and_resume_keep_the_place(session: Session) -> None:
    for name in "ABC":
        _person(session, name)
    campaign = create_campaign(session, "Herbst", Criteria(), NOW)
    session.commit()
    assert campaign.id is not None
    first = current_step(session, campaign.id, NOW)
    assert first is not None
    record_outcome(session, first.entry_id, "reached", now=NOW)
    set_status(session, campaign.id, "paused")
    session.commit()
    session.expire_all()
    again = current_step(session, campaign.id, NOW)
    assert again is not None and again.place == 2 and again.person_id != first.person_id
    assert summary(session, campaign.id).status == "paused"
