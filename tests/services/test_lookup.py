"""Reverse lookup: every notation of a number finds its person, and says how."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from advisor_tui.domain.models import Address, Person
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.services.persons.lookup import reverse_lookup


@pytest.fixture
def people(session: Session) -> dict[str, int]:
    anna = add_person(session, PersonData("Anna", "Müller"))
    add_address(session, anna.id, "mobile", "0171 2345678")
    add_address(session, anna.id, "email", "Anna.Mueller@Example.de")
    # Anna's WhatsApp is her mobile: still one person, an exact match.
    add_address(session, anna.id, "messenger", "+49 171 2345678", label="WhatsApp")
    # The household landline is shared by Karl and Erika.
    karl = add_person(session, PersonData("Karl", "Schäfer"))
    erika = add_person(session, PersonData("Erika", "Schäfer"))
    add_address(session, karl.id, "landline", "030 1234567")
    add_address(session, erika.id, "landline", "+49 30 1234567")
    other = add_person(session, PersonData("Otto", "Normal"))
    add_address(session, other.id, "mobile", "0160 9876543")
    add_address(session, other.id, "landline", "kaputt 12")  # invalid: never matches
    hidden = add_person(session, PersonData("Gerda", "Geheim"))
    add_address(session, hidden.id, "mobile", "0152 11112222")
    session.get(Person, hidden.id).restricted_until = date(2035, 1, 1)  # type: ignore[union-attr]
    session.commit()
    return {"anna": anna.id, "karl": karl.id, "erika": erika.id, "otto": other.id}


@pytest.mark.parametrize(
    ("sender", "match"),
    [
        ("0171 2345678", "exact"),
        ("+49 171 2345678", "exact"),
        ("0049-171-2345678", "exact"),
        ("+49 (0)171-2345678", "exact"),
        ("tel:+491712345678", "exact"),
        ("2345678", "suffix"),
        ("45678", "suffix"),
        ("anna.mueller@example.de", "exact"),
        ("ANNA.MUELLER@EXAMPLE.DE", "exact"),
    ],
)
def test_notations_find_anna(session: Session, people: dict[str, int], sender: str, match: str):
    result = reverse_lookup(session, sender)
    assert result.valid_input
    assert [(h.person_id, h.match) for h in result.hits] == [(people["anna"], match)]


def test_exact_hit_names_the_address(session: Session, people: dict[str, int]):
    result = reverse_lookup(session, "0171 2345678")
    assert result.normalized == "+491712345678"
    address = session.get(Address, result.hits[0].address_id)
    assert address is not None and address.person_id == people["anna"]


def test_household_landline_returns_both(session: Session, people: dict[str, int]):
    result = reverse_lookup(session, "030/1234567")
    assert {h.person_id for h in result.hits} == {people["karl"], people["erika"]}
    assert {h.match for h in result.hits} == {"shared"}


def test_suffix_gives_all_candidates(session: Session, people: dict[str, int]):
    # The landline without its area code, as a local call shows it.
    result = reverse_lookup(session, "1234567")
    assert {h.person_id for h in result.hits} == {people["karl"], people["erika"]}
    assert {h.match for h in result.hits} == {"suffix"}


@pytest.mark.parametrize("sender", ["0171 7777777", "nobody@example.org", "9999"])
def test_unknown_finds_none(session: Session, people: dict[str, int], sender: str):
    result = reverse_lookup(session, sender)
    assert result.valid_input
    assert result.hits == []


@pytest.mark.parametrize("sender", ["", "   ", "12", "abc", "Herr Müller", "anna@", "567"])
def test_invalid_input(session: Session, people: dict[str, int], sender: str):
    result = reverse_lookup(session, sender)
    assert not result.valid_input
    assert result.hits == []


def test_restricted_person_is_hidden(session: Session, people: dict[str, int]):
    assert reverse_lookup(session, "0152 11112222").hits == []
    assert reverse_lookup(session, "11112222").hits == []


def test_invalid_address_never_matches(session: Session, people: dict[str, int]):
    # "kaputt 12" is stored raw and invalid; its digits are no number.
    assert reverse_lookup(session, "0160 9876543").hits[0].person_id == people["otto"]
    assert not reverse_lookup(session, "kaputt 12").valid_input
