"""Likely duplicates in stored data, and merging two persons into one."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session, select

from advisor_tui.domain.models import (
    Address,
    AuditEntry,
    ConsentEvent,
    FollowUp,
    Interaction,
    Person,
)
from advisor_tui.domain.models import Request as Incoming
from advisor_tui.services.duplicates.merging import merge_persons
from advisor_tui.services.duplicates.pairs import find_duplicates
from advisor_tui.services.errors import ServiceError
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.services.persons.search import search_persons

NOW = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def _pair(session: Session) -> tuple[Person, Person]:
    anna = add_person(session, PersonData(first_name="Anna", last_name="Müller",
                                          company="", notes="Kundin"))  # fmt: skip
    twin = add_person(session, PersonData(first_name="Anna", last_name="Mueller",
                                          company="Bank AG", birthday=date(1980, 3, 15),
                                          notes="Depot", tags="VIP"))  # fmt: skip
    return anna, twin


def test_find_duplicates_by_address_and_by_name_and_birthday(session: Session) -> None:
    anna, twin = _pair(session)
    add_address(session, anna.id or 0, "mobile", "0171 1234567")
    add_address(session, twin.id or 0, "mobile", "+49 (0)171-1234567")
    hans = add_person(session, PersonData(first_name="Hans", last_name="Meier"))
    add_address(session, hans.id or 0, "landline", "030 555666")
    grete = add_person(session, PersonData(first_name="Grete", last_name="Meier"))
    add_address(session, grete.id or 0, "landline", "030 555 666")  # household landline
    a = add_person(
        session, PersonData(first_name="Jörg", last_name="Ott", birthday=date(1970, 1, 1))
    )
    b = add_person(
        session, PersonData(first_name="joerg", last_name="OTT", birthday=date(1970, 1, 1))
    )
    session.commit()
    pairs = {(p.first_id, p.second_id): p for p in find_duplicates(session)}
    assert set(pairs) == {(anna.id, twin.id), (a.id, b.id)}  # a household line is no duplicate
    pairs = {(p.first_id, p.second_id): p for p in find_duplicates(session, include_shared=True)}
    assert set(pairs) == {(anna.id, twin.id), (hans.id, grete.id), (a.id, b.id)}
    assert pairs[(anna.id, twin.id)].reasons == [{"kind": "phone", "value": "+491711234567"}]
    assert pairs[(anna.id, twin.id)].conflicts == []
    assert pairs[(hans.id, grete.id)].conflicts == ["name"]  # shown, not merged silently
    assert pairs[(a.id, b.id)].reasons[0]["kind"] == "name_birthday"


def test_merge_moves_everything_and_deletes_the_other(session: Session) -> None:
    anna, twin = _pair(session)
    keep_id, other_id = anna.id or 0, twin.id or 0
    shared_keep = add_address(session, keep_id, "email", "anna@example.de")
    shared_other = add_address(session, other_id, "email", "ANNA@example.de")
    shared_other.confirmed_at = NOW
    add_address(session, other_id, "mobile", "0171 1234567")
    session.add(Interaction(person_id=other_id, address_id=shared_other.id, kind="email"))
    session.add(FollowUp(person_id=other_id, due_at=NOW))
    session.add(ConsentEvent(person_id=other_id, channel="email", kind="granted", method="form"))
    session.add(Incoming(person_id=other_id, channel="email", suggested_person_id=other_id))
    session.commit()
    kept = merge_persons(session, keep_id, other_id, {"company": "other", "notes": "keep"})
    session.commit()
    assert session.get(Person, other_id) is None
    expected = ("Bank AG", "Kundin", date(1980, 3, 15), "VIP")
    assert (kept.company, kept.notes, kept.birthday, kept.tags) == expected
    addresses = session.exec(select(Address).where(Address.person_id == keep_id)).all()
    assert sorted(a.kind for a in addresses) == ["email", "mobile"]  # the shared e-mail once
    session.refresh(shared_keep)
    assert shared_keep.confirmed_at == NOW  # evidence of the dropped twin kept
    (interaction,) = session.exec(select(Interaction)).all()
    assert (interaction.person_id, interaction.address_id) == (keep_id, shared_keep.id)
    assert session.exec(select(FollowUp)).one().person_id == keep_id
    assert session.exec(select(ConsentEvent)).one().person_id == keep_id
    request = session.exec(select(Incoming)).one()
    assert (request.person_id, request.suggested_person_id) == (keep_id, keep_id)
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "person.merge")).one()
    assert entry.entity_id == keep_id and f'"merged_id": {other_id}' in entry.details
    assert [h.person.id for h in search_persons(session, "0171 1234567")] == [keep_id]
    assert kept.version == 2


def test_merge_refuses_bad_input(session: Session) -> None:
    anna, twin = _pair(session)
    session.commit()
    with pytest.raises(ServiceError, match="merge.same_person"):
        merge_persons(session, anna.id or 0, anna.id or 0)
    with pytest.raises(ServiceError, match="merge.bad_choice"):
        merge_persons(session, anna.id or 0, twin.id or 0, {"company": "both"})
    with pytest.raises(ServiceError, match="unknown_field"):
        merge_persons(session, anna.id or 0, twin.id or 0, {"id": "other"})
    with pytest.raises(ServiceError, match="merge.changed"):
        merge_persons(session, anna.id or 0, twin.id or 0, expected_versions=(1, 0))
    assert session.get(Person, twin.id) is not None


def test_duplicates_of_one_person_match_the_full_scan(session) -> None:  # noqa: ANN001
    from advisor_tui.demo.generate import generate_demo
    from advisor_tui.services.duplicates.pairs import find_duplicates
    from advisor_tui.services.persons.editing import PersonData, add_address, add_person

    generate_demo(session.get_bind(), persons=200, seed=3)
    first = add_person(session, PersonData(first_name="Anna", last_name="Schmidt"))
    add_address(session, first.id, "mobile", "+49 171 1234567")  # Anna #1's number
    twin = add_person(session, PersonData(first_name="Jürgen", last_name="Schäfer"))
    add_address(session, twin.id, "email", "j.schaefer@t-online.de")
    session.commit()
    everyone = find_duplicates(session)
    assert everyone
    for person_id in {p.first_id for p in everyone} | {first.id, twin.id, 150}:
        expected = [p for p in everyone if person_id in (p.first_id, p.second_id)]
        got = find_duplicates(session, person_id=person_id)
        assert [(p.first_id, p.second_id, p.reasons) for p in got] == [
            (p.first_id, p.second_id, p.reasons) for p in expected
        ]
