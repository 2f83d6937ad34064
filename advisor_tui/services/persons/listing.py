"""What the customer list shows: one row per person, with the hottest address."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from advisor_tui.domain.flags import flag_symbols
from advisor_tui.domain.models import Person
from advisor_tui.domain.normalize import display_value
from advisor_tui.i18n import t
from advisor_tui.services.persons import editing as person_service


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    kind: str
    company: str
    hottest: str  # the best way to reach the person, as entered
    flags: str  # symbols of domain.flags
    last_contact: datetime | None = None  # the latest interaction on any channel


def _sort_name(person: Person) -> str:
    if person.last_name and person.first_name:
        return f"{person.last_name}, {person.first_name}"
    return person.last_name or person.first_name or person.company


def rows_for(
    session: Session, people: Sequence[Person], now: datetime | None = None
) -> list[PersonRow]:
    """List rows for `people`, in the given order, with each one's hottest address and
    last contact."""
    from advisor_tui.services.flags import current_flags
    from advisor_tui.services.persons.last_contact import last_contacts
    from advisor_tui.services.persons.ranking import rank_for_persons

    ids = [p.id for p in people if p.id is not None]
    ranked = rank_for_persons(session, ids, now)
    last = last_contacts(session, ids)
    flags = current_flags(session, ids)
    rows = []
    for person in people:
        assert person.id is not None
        best = ranked.get(person.id) or []
        hottest = ""
        if best and not best[0].is_cold:
            a = best[0].address
            value = display_value(a.kind, a.raw, a.normalized, a.valid)
            hottest = f"{t('addr.' + a.kind)} {value}"
        rows.append(
            PersonRow(
                person.id,
                _sort_name(person),
                person.kind,
                person.company,
                hottest,
                flag_symbols(flags.get(person.id, ())),
                last.get(person.id),
            )
        )
    return rows


def total(session: Session) -> int:
    return person_service.count_persons(session)


def page(session: Session, offset: int, limit: int, now: datetime | None = None) -> list[PersonRow]:
    """Rows `offset`..`offset+limit` of the whole list in phone-book order."""
    return rows_for(session, person_service.list_persons(session, offset, limit), now)


def rows_for_ids(
    session: Session, ids: Sequence[int], now: datetime | None = None
) -> list[PersonRow]:
    """List rows for the persons of `ids`, in that order (persons hidden or gone meanwhile
    are skipped)."""
    if not ids:
        return []
    found = session.exec(
        select(Person).where(col(Person.id).in_(ids), col(Person.restricted_until).is_(None))
    ).all()
    by_id = {person.id: person for person in found}
    return rows_for(session, [by_id[i] for i in ids if i in by_id], now)


def search_ids(session: Session, text: str, limit: int | None = None) -> list[int]:
    """Ids of the persons matching `text` (all without `limit`), best match first; the
    list makes rows for them page by page (`rows_for_ids`). "#Depot" lists those tagged Depot."""
    from advisor_tui.services.persons.search import search_ids as ranked_ids
    from advisor_tui.services.tags import ids_with_tag, tag_query

    tag = tag_query(text)
    if tag is not None:
        ids = ids_with_tag(session, tag)
        return ids if limit is None else ids[:limit]
    return ranked_ids(session, text, limit=limit)


def count_matches(session: Session, text: str) -> int:
    """How many persons match `text`: what the status line says, however many are listed."""
    from advisor_tui.services.persons.search import count_matches as counted
    from advisor_tui.services.tags import ids_with_tag, tag_query

    tag = tag_query(text)
    if tag is not None:
        return len(ids_with_tag(session, tag))
    return counted(session, text)


def search(
    session: Session, text: str, limit: int = 200, now: datetime | None = None
) -> list[PersonRow]:
    """Rows of the first `limit` persons matching `text`, best match first."""
    from advisor_tui.services.persons.search import search_ids as ranked_ids

    return rows_for_ids(session, ranked_ids(session, text, limit=limit), now)
