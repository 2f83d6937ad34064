"""The agenda (Wiedervorlagen): open follow-ups in Overdue / Today / Upcoming.

A follow-up counts from its effective time, max(due_at, snoozed_until): a
snoozed one is hidden until its snooze ends and then shows its original due
date beside the snooze. Days are local days (Europe/Berlin at the desk).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, cast

from sqlmodel import Session, col, select

from advisor_tui.domain.due import Dated, effective_at, is_snoozed
from advisor_tui.domain.models import FollowUp, Person
from advisor_tui.domain.phones import DEFAULT_REGION, format_for_display
from advisor_tui.domain.timestamps import as_utc, local
from advisor_tui.domain.vocabulary import AddressKind
from advisor_tui.services.call_texts import followup_text
from advisor_tui.services.persons.ranking import RankedAddress, rank_for_persons

_CALLABLE = (AddressKind.MOBILE.value, AddressKind.LANDLINE.value)


class Section(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


def section_of(at: datetime, now: datetime) -> Section:
    """Overdue before now; today until the local midnight; upcoming after."""
    if as_utc(at) < as_utc(now):
        return Section.OVERDUE
    if local(at).date() == local(now).date():
        return Section.TODAY
    return Section.UPCOMING


@dataclass(frozen=True)
class AgendaItem:
    """One open follow-up as the agenda and `advisor due` show it."""

    followup_id: int
    version: int
    person_id: int
    person_name: str
    kind: str  # FollowUpKind
    due_at: datetime  # the original due time
    snoozed_until: datetime | None
    effective_at: datetime
    section: Section
    reason: str  # the note, or rendered from the facts (a missed call)
    attempts: int
    number: str  # the hottest phone number, for display; "" when none
    assigned_to: str | None = None  # the colleague it is handed to (None: anyone)

    @property
    def overdue(self) -> bool:
        return self.section is Section.OVERDUE

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.followup_id,
            "person_id": self.person_id,
            "person": self.person_name,
            "number": self.number or None,
            "kind": self.kind,
            "reason": self.reason,
            "due_at": self.due_at.isoformat(),
            "snoozed_until": self.snoozed_until.isoformat() if self.snoozed_until else None,
            "overdue": self.overdue,
            "attempts": self.attempts,
            "assigned_to": self.assigned_to,
        }


@dataclass
class Agenda:
    now: datetime
    overdue: list[AgendaItem] = field(default_factory=list)
    today: list[AgendaItem] = field(default_factory=list)
    upcoming: list[AgendaItem] = field(default_factory=list)
    # Birthdays of the next 14 days beside the follow-ups: the agenda screen and
    # `advisor due` add them (services.birthdays).
    birthdays: list[Any] = field(default_factory=list)

    @property
    def items(self) -> list[AgendaItem]:
        """All items, overdue first, then today, then upcoming."""
        return [*self.overdue, *self.today, *self.upcoming]

    def section(self, section: Section) -> list[AgendaItem]:
        return {
            Section.OVERDUE: self.overdue,
            Section.TODAY: self.today,
            Section.UPCOMING: self.upcoming,
        }[section]


def hottest_number(ranked: list[RankedAddress], region: str = DEFAULT_REGION) -> str:
    """The best-ranked phone number one can call (mobile or landline), for display."""
    for r in ranked:
        a = r.address
        if a.kind in _CALLABLE and a.valid:
            if a.normalized and a.normalized.startswith("+"):
                return format_for_display(a.normalized, region)
            return a.raw
    return ""


def _open_followups(session: Session, until: datetime | None) -> list[FollowUp]:
    query = select(FollowUp).where(col(FollowUp.done_at).is_(None))
    if until is not None:
        # Neither the due time nor the snooze's end may lie after the horizon.
        query = query.where(col(FollowUp.due_at) <= as_utc(until))
    return list(session.exec(query.order_by(col(FollowUp.due_at), col(FollowUp.id))).all())


def agenda(
    session: Session,
    now: datetime,
    until: datetime | None = None,
    *,
    region: str = DEFAULT_REGION,
    mine: str | None = None,
) -> Agenda:
    """Open follow-ups due by `until` (all when None), snoozed ones hidden, in sections.

    `mine`: only those assigned to that advisor or to nobody (services.assignment).
    """
    rows = [
        f
        for f in _open_followups(session, until)
        if not is_snoozed(f, now)
        and (until is None or effective_at(f) <= as_utc(until))
        and (mine is None or f.assigned_to in (None, mine))
    ]
    person_ids = sorted({f.person_id for f in rows})
    ranked = rank_for_persons(session, person_ids, now)
    names: dict[int, str] = {}
    if person_ids:
        for person in session.exec(select(Person).where(col(Person.id).in_(person_ids))).all():
            assert person.id is not None
            names[person.id] = person.display_name
    result = Agenda(now=now)
    rows.sort(key=lambda f: (effective_at(f), f.id or 0))
    for f in rows:
        assert f.id is not None
        when = effective_at(f)
        item = AgendaItem(
            followup_id=f.id,
            version=f.version,
            person_id=f.person_id,
            person_name=names.get(f.person_id, f"#{f.person_id}"),
            kind=f.kind,
            due_at=as_utc(f.due_at),
            snoozed_until=as_utc(f.snoozed_until) if f.snoozed_until else None,
            effective_at=when,
            section=section_of(when, now),
            reason=" ".join(followup_text(f, region=region).split()),
            attempts=max(f.attempts or 1, 1),
            number=hottest_number(ranked.get(f.person_id, []), region),
            assigned_to=f.assigned_to,
        )
        result.section(item.section).append(item)
    return result


def counts(session: Session, now: datetime) -> tuple[int, int]:
    """(overdue, due later today) for the start-up message; snoozed ones not counted."""
    tomorrow = local(now).date() + timedelta(days=1)
    end = datetime.combine(tomorrow, datetime.min.time()).astimezone()
    # Two columns, not whole follow-ups: at 100,000 persons (~10,000 open ones) loading
    # entities took ~350 ms of the app's start.
    rows = session.exec(
        select(FollowUp.due_at, FollowUp.snoozed_until)
        .where(col(FollowUp.done_at).is_(None))
        .where(col(FollowUp.due_at) < as_utc(end))
    ).all()
    overdue = today = 0
    for f in cast("list[Dated]", rows):  # rows with the two attributes Dated needs
        if is_snoozed(f, now):
            continue
        if section_of(effective_at(f), now) is Section.OVERDUE:
            overdue += 1
        else:
            today += 1
    return overdue, today
