"""What the customer list shows: one row per person, with the hottest address."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

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
    flags: str  # ★ super customer, ! dissatisfied, € payment trouble


def _flags(person: Person) -> str:
    marks = []
    if person.is_super_customer:
        marks.append("★")
    if person.is_dissatisfied:
        marks.append("!")
    if person.has_payment_trouble:
        marks.append("€")
    return "".join(marks)


def _sort_name(person: Person) -> str:
    if person.last_name and person.first_name:
        return f"{person.last_name}, {person.first_name}"
    return person.last_name or person.first_name or person.company


def rows_for(
    session: Session, people: Sequence[Person], now: datetime | None = None
) -> list[PersonRow]:
    """List rows for `people`, in the given order, with each one's hottest address."""
    from advisor_tui.services.persons.ranking import rank_for_persons

    ids = [p.id for p in people if p.id is not None]
    ranked = rank_for_persons(session, ids, now)
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
                person.id, _sort_name(person), person.kind, person.company, hottest, _flags(person)
            )
        )
    return rows


def total(session: Session) -> int:
    return person_service.count_persons(session)


def page(session: Session, offset: int, limit: int, now: datetime | None = None) -> list[PersonRow]:
    """Rows `offset`..`offset+limit` of the whole list in name order."""
    return rows_for(session, person_service.list_persons(session, offset, limit), now)


def search_people(session: Session, text: str, limit: int = 200) -> list[Person]:
    """Persons matching `text`, best match first (rows are made page by page)."""
    from advisor_tui.services.persons.search import search_persons

    return [hit.person for hit in search_persons(session, text, limit=limit)]


def search(
    session: Session, text: str, limit: int = 200, now: datetime | None = None
) -> list[PersonRow]:
    """Rows matching `text`, best match first."""
    return rows_for(session, search_people(session, text, limit), now)
