"""Search for the customer list: every match, ranked, and the true count."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from advisor_tui.services.persons import listing
from advisor_tui.services.persons.editing import PersonData, add_address, add_person
from advisor_tui.services.persons.search import count_matches, search_ids, search_persons


@pytest.fixture
def many(session: Session) -> list[int]:
    """250 Meiers (more than any old cap of 200) and a few others."""
    ids = [add_person(session, PersonData(f"Kunde{i:03d}", "Meier")).id for i in range(250)]
    other = add_person(session, PersonData("Eva", "Schulz"))
    add_address(session, other.id, "email", "eva.meier@example.de")  # "meier" in an e-mail
    add_person(session, PersonData("Karl", "Becker"))
    session.commit()
    return [*ids, other.id]  # type: ignore[list-item]


def test_every_match_is_found_and_counted(session: Session, many: list[int]) -> None:
    for query in ("meier", "Meier", "m", "me", "mei"):
        ids = search_ids(session, query)
        assert len(ids) == len(set(ids)) == count_matches(session, query), query
    assert set(search_ids(session, "meier")) == set(many)
    assert count_matches(session, "meier") == 251
    assert count_matches(session, "m") == 250  # prefix only: the e-mail does not count
    assert count_matches(session, "zzz") == 0 and search_ids(session, "zzz") == []


def test_a_limited_search_is_the_head_of_the_full_one(session: Session, many: list[int]) -> None:
    for query in ("meier", "m", "kunde1", "kunde 1"):
        full = search_ids(session, query)
        for limit in (1, 40, 200):
            assert search_ids(session, query, limit=limit) == full[:limit], (query, limit)
    assert [h.person.id for h in search_persons(session, "meier", limit=300)] == search_ids(
        session, "meier"
    )


def test_names_rank_before_e_mail(session: Session, many: list[int]) -> None:
    hits = search_persons(session, "eier", limit=300)
    assert hits[-1].person.id == many[-1] and hits[-1].match == "email"
    assert {h.match for h in hits[:-1]} == {"name"}


def test_short_terms_filter_every_match(session: Session, many: list[int]) -> None:
    ids = search_ids(session, "meier kunde1")
    assert len(ids) == count_matches(session, "meier kunde1") == 100  # Kunde100..Kunde199
    # "24" anywhere: Kunde024, Kunde124, Kunde224 and Kunde240..Kunde249
    assert count_matches(session, "kunde 24") == len(search_ids(session, "kunde 24")) == 13


def test_rows_for_ids_keep_the_order(session: Session, many: list[int]) -> None:
    ids = search_ids(session, "meier")[:5][::-1]
    assert [row.id for row in listing.rows_for_ids(session, ids)] == ids
