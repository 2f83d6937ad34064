"""The search index: folding both ways, fragments of numbers and e-mails, kept in step."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, text, update
from sqlmodel import Session, col

from advisor_tui.domain.models import Address, Person
from advisor_tui.services.persons.editing import PersonData, add_address, add_person, update_person
from advisor_tui.services.persons.search import search_persons
from advisor_tui.storage.db import new_session
from advisor_tui.storage.search import fold, fold_variants, index_size, rebuild_index


@pytest.fixture
def people(session: Session) -> dict[str, int]:
    ids = {}
    for key, first, last, company in [
        ("mueller", "Anna", "Müller", ""),
        ("mueller2", "Hans", "Mueller", ""),
        ("schaefer", "Karl", "Schäfer", ""),
        ("strauss", "Eva", "Strauß", ""),
        ("meier", "Guido", "Meier", "Zahnarztpraxis Dr. Öztürk"),
        ("mayer", "Ute", "Mayer", ""),
    ]:
        ids[key] = add_person(session, PersonData(first, last, company=company)).id
    add_address(session, ids["mueller"], "mobile", "0171 2345678")
    add_address(session, ids["mueller"], "email", "anna.mueller@example.de")
    add_address(session, ids["meier"], "landline", "+49 30 98765432")
    add_address(session, ids["mayer"], "email", "ute@mayer-finanz.de")
    add_address(session, ids["mayer"], "mobile", "+43 664 1234567")  # Austrian mobile
    update_person(session, ids["schaefer"], notes="Rückruf wegen Riester-Vertrag")
    session.commit()
    return ids


def found(session: Session, query: str) -> list[int]:
    return [hit.person.id for hit in search_persons(session, query)]  # type: ignore[misc]


def test_fold() -> None:
    assert fold("Müller") == "mueller"
    assert fold("STRASSE") == fold("Straße") == "strasse"
    assert fold("Zoë Çelik") == "zoe celik"
    assert fold_variants("Schäfer") == ("schaefer", "schafer")
    assert fold_variants("Meier") == ("meier",)
    assert fold_variants("Zoë") == ("zoe",)


@given(st.text(max_size=30))
def test_fold_is_idempotent(value: str) -> None:
    assert fold(fold(value)) == fold(value)


@pytest.mark.parametrize("query", ["Müller", "müller", "mueller", "MUELLER", "muller", "Mül"])
def test_umlauts_fold_both_ways(session: Session, people: dict[str, int], query: str) -> None:
    assert people["mueller"] in found(session, query)


def test_written_ue_is_found_by_umlaut(session: Session, people: dict[str, int]) -> None:
    assert people["mueller2"] in found(session, "Müller")


@pytest.mark.parametrize(
    ("query", "key", "match"),
    [
        ("schaef", "schaefer", "name"),
        ("Schäf", "schaefer", "name"),
        ("strauss", "strauss", "name"),
        ("Strauß", "strauss", "name"),
        ("trau", "strauss", "name"),
        ("5678", "mueller", "phone"),  # the last 4 digits
        ("0171 234", "mueller", "phone"),
        ("+49 171 2345", "mueller", "phone"),
        ("030/987", "meier", "phone"),
        ("0049 30 9876", "meier", "phone"),
        ("+43 664 123", "mayer", "phone"),
        ("0043664", "mayer", "phone"),
        ("0664 1234", "mayer", "phone"),
        ("mueller@exam", "mueller", "email"),
        ("mayer-finanz", "mayer", "email"),
        ("zahnarzt", "meier", "company"),
        ("praxis", "meier", "company"),
        ("oeztuerk", "meier", "company"),
        ("riester", "schaefer", "notes"),
        ("ruckruf", "schaefer", "notes"),
        ("guido mei", "meier", "name"),
        ("meier g", "meier", "name"),
    ],
)
def test_finds(session: Session, people: dict[str, int], query: str, key: str, match: str) -> None:
    hits = {hit.person.id: hit.match for hit in search_persons(session, query)}
    assert hits.get(people[key]) == match


def test_short_queries_use_name_prefix(session: Session, people: dict[str, int]) -> None:
    ids = found(session, "m")
    assert {people["mueller"], people["mueller2"], people["meier"], people["mayer"]} <= set(ids)
    assert people["schaefer"] not in ids
    assert set(found(session, "ma")) == {people["mayer"]}
    assert found(session, "") == []


def test_name_prefix_ranks_first(session: Session, people: dict[str, int]) -> None:
    # Anna Müller's e-mail contains "mue" too, but name hits come first either way;
    # "ute" is Ute Mayer's first name and part of no one else's name.
    hits = search_persons(session, "ute")
    assert hits[0].person.id == people["mayer"] and hits[0].match == "name"


def test_limit(session: Session, people: dict[str, int]) -> None:
    assert len(search_persons(session, "m", limit=2)) == 2
    assert search_persons(session, "m", limit=0) == []


def test_index_follows_edits(session: Session, people: dict[str, int]) -> None:
    update_person(session, people["meier"], last_name="Kowalski")
    session.commit()
    assert people["meier"] not in found(session, "meier")
    assert people["meier"] in found(session, "kowal")
    assert people["meier"] in found(session, "k")


def test_index_follows_address_changes(session: Session, people: dict[str, int]) -> None:
    address = add_address(session, people["strauss"], "mobile", "0160 5551234")
    session.commit()
    assert found(session, "5551234") == [people["strauss"]]
    session.delete(session.get(Address, address.id))
    session.commit()
    assert found(session, "5551234") == []


def test_index_follows_deletes(session: Session, people: dict[str, int]) -> None:
    session.delete(session.get(Person, people["mueller"]))
    session.commit()
    assert people["mueller"] not in found(session, "mueller")
    assert found(session, "2345678") == []
    # Raw SQL deletes cascade into the index as well.
    session.execute(text("DELETE FROM person WHERE id = :id"), {"id": people["mayer"]})
    session.commit()
    assert found(session, "mayer") == []


def test_index_follows_bulk_statements(session: Session, people: dict[str, int]) -> None:
    session.execute(delete(Address).where(col(Address.person_id) == people["mueller"]))
    session.execute(
        update(Person).where(col(Person.id) == people["meier"]).values(last_name="Kowalski")
    )
    session.commit()
    assert found(session, "2345678") == []
    assert found(session, "kowalski") == [people["meier"]]


def test_restricted_persons_are_hidden(session: Session, people: dict[str, int]) -> None:
    person = session.get(Person, people["strauss"])
    assert person is not None
    person.restricted_until = date(2035, 12, 31)
    session.add(person)
    session.commit()
    assert found(session, "strauss") == []
    assert people["strauss"] not in found(session, "s")


def test_rollback_leaves_index_alone(session: Session, people: dict[str, int]) -> None:
    update_person(session, people["mayer"], last_name="Zander")
    session.rollback()
    assert people["mayer"] in found(session, "mayer")
    assert found(session, "zander") == []


@pytest.mark.sqlite_only  # FTS5's own integrity check
def test_fts_stays_consistent_through_edits(engine: Engine, people: dict[str, int]) -> None:
    with new_session(engine) as session:
        update_person(session, people["meier"], last_name="Kowalski", notes="neu")
        add_address(session, people["meier"], "mobile", "0160 5551234")
        session.delete(session.get(Person, people["mueller"]))
        session.commit()
    with engine.connect() as conn:
        conn.execute(text("INSERT INTO person_fts(person_fts) VALUES ('integrity-check')"))
        assert index_size(conn) == len(people) - 1


@pytest.mark.sqlite_only  # FTS5's own integrity check
def test_rebuild_matches_incremental(engine: Engine, people: dict[str, int]) -> None:
    with engine.connect() as conn:
        before = conn.execute(text("SELECT * FROM person_search_doc ORDER BY 1")).all()
        keys_before = conn.execute(text("SELECT * FROM person_name_key ORDER BY 1, 2, 3")).all()
    with engine.begin() as conn:
        rebuild_index(conn)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT * FROM person_search_doc ORDER BY 1")).all() == before
        assert conn.execute(text("SELECT * FROM person_name_key ORDER BY 1, 2, 3")).all() == (
            keys_before
        )
        assert index_size(conn) == len(people)
        conn.execute(text("INSERT INTO person_fts(person_fts) VALUES ('integrity-check')"))
    with new_session(engine) as session:
        assert people["schaefer"] in found(session, "schaef")
