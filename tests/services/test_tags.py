"""Tags across persons: counts for completion, "#tag" in the customer list's search."""

from __future__ import annotations

from sqlmodel import Session

from advisor_tui.services.persons import listing
from advisor_tui.services.persons.editing import PersonData, add_person
from advisor_tui.services.tags import ids_with_tag, tag_counts


def test_counts_and_search_by_tag(session: Session) -> None:
    anna = add_person(session, PersonData("Anna", "Zander", tags="Depot, Rente"))
    bernd = add_person(session, PersonData("Bernd", "Alt", tags="depot"))
    add_person(session, PersonData("Clara", "Depot", tags="Kfz"))  # the name is no tag
    session.commit()
    assert tag_counts(session) == [("Depot", 2), ("Kfz", 1), ("Rente", 1)]
    assert ids_with_tag(session, "DEPOT") == [bernd.id, anna.id]  # phone-book order
    assert listing.search_ids(session, "#depot") == [bernd.id, anna.id]
    assert listing.count_matches(session, "#depot") == 2
    assert [row.name for row in listing.rows_for_ids(session, listing.search_ids(
        session, "# Rente"))] == ["Zander, Anna"]  # fmt: skip
