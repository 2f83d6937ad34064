"""Upcoming birthdays, with what matters beside a greeting: the last real contact and
what is still open.

A "real" contact is one where the person was actually reached or spoke up: a call
that reached them, a meeting, or anything they sent in. An outgoing message or
letter (a greeting card, a mailing) is not. A 29 February birthday falls on
28 February in other years.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from advisor_tui.domain.models import FollowUp, Interaction, Person, Request
from advisor_tui.domain.timestamps import as_utc, local
from advisor_tui.domain.vocabulary import Direction, InteractionKind, Outcome, RequestStatus

DAYS_AHEAD = 14


@dataclass(frozen=True)
class BirthdayItem:
    person_id: int
    name: str
    birthday: date
    on: date  # the coming birthday
    age: int  # the age reached on `on`
    last_real_contact: datetime | None
    last_real_kind: str | None
    open_requests: int
    open_followups: int
    number: str = ""

    @property
    def open_items(self) -> int:
        return self.open_requests + self.open_followups

    def days_until(self, today: date) -> int:
        return (self.on - today).days

    def as_json(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "person": self.name,
            "birthday": self.on.isoformat(),
            "age": self.age,
            "last_real_contact": (
                as_utc(self.last_real_contact).isoformat() if self.last_real_contact else None
            ),
            "open_requests": self.open_requests,
            "open_followups": self.open_followups,
            "number": self.number or None,
        }


def next_birthday(born: date, today: date) -> date:
    """The first birthday on or after `today` (29 Feb: 28 Feb in common years)."""
    for year in (today.year, today.year + 1):
        try:
            day = born.replace(year=year)
        except ValueError:
            day = date(year, 2, 28)
        if day >= today:
            return day
    raise AssertionError("unreachable")


def _real_contacts(session: Session, ids: Sequence[int]) -> dict[int, tuple[datetime, str]]:
    real = or_(
        col(Interaction.direction) == Direction.IN,
        col(Interaction.kind) == InteractionKind.MEETING,
        col(Interaction.outcome) == Outcome.REACHED,
    )
    newest = (
        select(Interaction.person_id, func.max(Interaction.occurred_at).label("at"))
        .where(col(Interaction.person_id).in_(ids), real)
        .group_by(col(Interaction.person_id))
        .subquery()
    )
    rows = session.exec(
        select(Interaction.person_id, Interaction.occurred_at, Interaction.kind).join(
            newest,
            (col(Interaction.person_id) == newest.c.person_id)
            & (col(Interaction.occurred_at) == newest.c.at),
        )
    ).all()
    return {pid: (at, kind) for pid, at, kind in rows}


def upcoming_birthdays(
    session: Session, now: datetime, days: int = DAYS_AHEAD, *, region: str = "DE"
) -> list[BirthdayItem]:
    """Birthdays of visible persons from today to `days` days ahead, soonest first."""
    from advisor_tui.services.followups.agenda import hottest_number
    from advisor_tui.services.persons.ranking import rank_for_persons

    today = local(now).date()
    last_day = today + timedelta(days=days)
    rows = session.exec(
        select(col(Person.id), col(Person.birthday)).where(
            col(Person.birthday).is_not(None), col(Person.restricted_until).is_(None)
        )
    ).all()
    coming = {
        pid: (born, on)
        for pid, born in rows
        if pid is not None and born is not None and (on := next_birthday(born, today)) <= last_day
    }
    ids = sorted(coming)
    if not ids:
        return []
    people = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()}
    real = _real_contacts(session, ids)
    requests = dict(
        session.exec(
            select(Request.person_id, func.count())
            .where(col(Request.person_id).in_(ids), col(Request.status) != RequestStatus.DONE)
            .group_by(col(Request.person_id))
        ).all()
    )
    followups = dict(
        session.exec(
            select(FollowUp.person_id, func.count())
            .where(col(FollowUp.person_id).in_(ids), col(FollowUp.done_at).is_(None))
            .group_by(col(FollowUp.person_id))
        ).all()
    )
    ranked = rank_for_persons(session, ids, now)
    items = []
    for pid in ids:
        born, on = coming[pid]
        contact = real.get(pid)
        items.append(
            BirthdayItem(
                person_id=pid,
                name=people[pid].display_name,
                birthday=born,
                on=on,
                age=on.year - born.year,
                last_real_contact=contact[0] if contact else None,
                last_real_kind=contact[1] if contact else None,
                open_requests=int(requests.get(pid, 0)),
                open_followups=int(followups.get(pid, 0)),
                number=hottest_number(ranked.get(pid, []), region),
            )
        )
    items.sort(key=lambda i: (i.on, i.name))
    return items


def when_text(item: BirthdayItem, today: date) -> str:
    """ "03.12. (58)", or "heute (58)"."""
    from advisor_tui.i18n import t

    if item.on == today:
        return t("birthday.today", age=item.age)
    return t("birthday.on", date=f"{item.on:%d.%m.}", age=item.age)


def context_text(item: BirthdayItem) -> str:
    """The last real contact and the open items, as the agenda and `advisor due` show them."""
    from advisor_tui.i18n import t, tn
    from advisor_tui.i18n.dates import format_date

    if item.last_real_contact is not None:
        what = t(f"interaction.{item.last_real_kind}")
        parts = [t("birthday.last_real", when=format_date(item.last_real_contact), what=what)]
    else:
        parts = [t("birthday.no_real")]
    if item.open_items:
        parts.append(tn("birthday.open", item.open_items))
    return " · ".join(parts)
