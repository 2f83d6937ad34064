"""The "needs attention" list: who needs a human, most urgent first.

Sections in order: dissatisfied (those with something overdue first), payment
trouble (by the coaching plan's next date), super customers not contacted for
`quiet_weeks` weeks (longest silence first), then suggestions nobody acted on
yet (dissatisfied before super). The TUI screen and tests read the same list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlmodel import Session, col, select

from advisor_tui.domain.attention import Reason, Suggestion
from advisor_tui.domain.flags import FlagKey
from advisor_tui.domain.models import FollowUp, Person, Request
from advisor_tui.domain.timestamps import as_utc
from advisor_tui.domain.vocabulary import RequestStatus
from advisor_tui.services.attention.suggestions import suggestions
from advisor_tui.services.flags import current_events, flagged_ids

QUIET_WEEKS = 8


class Section(StrEnum):
    DISSATISFIED = "dissatisfied"
    PAYMENT = "payment"
    SUPER = "super"
    SUGGESTED = "suggested"


@dataclass(frozen=True)
class AttentionItem:
    section: Section
    person_id: int
    name: str
    flags: frozenset[str]
    number: str  # the hottest phone number, "" when none
    last_contact: datetime | None
    reason: str = ""  # the reason the flag was set with (as typed)
    since: datetime | None = None  # when the flag applies from
    overdue: bool = False  # an open follow-up or request past its time
    next_due: datetime | None = None  # the payment plan's follow-up
    next_step: str = ""
    suggestion: Suggestion | None = None
    reasons: tuple[Reason, ...] = field(default_factory=tuple)  # the suggestion's


@dataclass
class AttentionList:
    now: datetime
    items: list[AttentionItem] = field(default_factory=list)

    def section(self, section: Section) -> list[AttentionItem]:
        return [item for item in self.items if item.section is section]


def _overdue_ids(session: Session, ids: Sequence[int], now: datetime) -> set[int]:
    if not ids:
        return set()
    followups = session.exec(
        select(FollowUp.person_id).where(
            col(FollowUp.person_id).in_(ids),
            col(FollowUp.done_at).is_(None),
            col(FollowUp.due_at) < now,
        )
    ).all()
    requests = session.exec(
        select(Request.person_id).where(
            col(Request.person_id).in_(ids),
            col(Request.status) != RequestStatus.DONE,
            col(Request.deadline_at) < now,
        )
    ).all()
    return {pid for pid in (*followups, *requests) if pid is not None}


def attention(
    session: Session, now: datetime, *, quiet_weeks: int = QUIET_WEEKS, region: str = "DE"
) -> AttentionList:
    """The whole attention list as of `now`."""
    from advisor_tui.services.followups.agenda import hottest_number
    from advisor_tui.services.persons.last_contact import last_contacts
    from advisor_tui.services.persons.ranking import rank_for_persons

    now = as_utc(now)
    dissatisfied = flagged_ids(session, FlagKey.DISSATISFIED)
    payment = flagged_ids(session, FlagKey.PAYMENT)
    supers = flagged_ids(session, FlagKey.SUPER)
    suggested = suggestions(session, now)
    ids = sorted({*dissatisfied, *payment, *supers, *(s.person_id for s in suggested)})
    events = current_events(session, ids)
    last = last_contacts(session, ids)
    quiet_since = now - timedelta(weeks=quiet_weeks)
    supers = [p for p in supers if (last.get(p) is None or as_utc(last[p]) < quiet_since)]
    shown = sorted({*dissatisfied, *payment, *supers, *(s.person_id for s in suggested)})
    people = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(shown))).all()}
    ranked = rank_for_persons(session, shown, now)
    overdue = _overdue_ids(session, dissatisfied, now)
    plan_ids = [e.followup_id for pid in payment if (e := events[pid].get(FlagKey.PAYMENT))]
    plans = {
        f.id: f
        for f in session.exec(
            select(FollowUp).where(col(FollowUp.id).in_([i for i in plan_ids if i]))
        ).all()
    }

    def item(section: Section, pid: int, flag: str | None, **extra: object) -> AttentionItem:
        person = people[pid]
        event = events.get(pid, {}).get(flag) if flag else None
        return AttentionItem(
            section=section,
            person_id=pid,
            name=person.display_name,
            flags=frozenset(events.get(pid, {})),
            number=hottest_number(ranked.get(pid, []), region),
            last_contact=last.get(pid),
            reason=event.reason if event else "",
            since=event.at if event else None,
            next_step=event.next_step if event else "",
            **extra,  # type: ignore[arg-type]
        )

    result = AttentionList(now=now)
    unhappy = [item(Section.DISSATISFIED, p, FlagKey.DISSATISFIED, overdue=p in overdue)
               for p in dissatisfied if p in people]  # fmt: skip
    unhappy.sort(key=lambda i: (not i.overdue, i.since or now, i.person_id))
    result.items.extend(unhappy)
    troubled = []
    for pid in payment:
        if pid not in people:
            continue
        event = events[pid][FlagKey.PAYMENT]
        plan = plans.get(event.followup_id) if event.followup_id else None
        due = as_utc(plan.due_at) if plan is not None and plan.done_at is None else None
        troubled.append(
            item(Section.PAYMENT, pid, FlagKey.PAYMENT, next_due=due,
                 overdue=due is not None and due < now)
        )  # fmt: skip
    far = now + timedelta(days=36500)
    troubled.sort(key=lambda i: (i.next_due or far, i.person_id))
    result.items.extend(troubled)
    quiet = [item(Section.SUPER, p, FlagKey.SUPER) for p in supers if p in people]
    epoch = datetime(1900, 1, 1, tzinfo=now.tzinfo)
    quiet.sort(key=lambda i: (as_utc(i.last_contact) if i.last_contact else epoch, i.person_id))
    result.items.extend(quiet)
    order = {FlagKey.DISSATISFIED: 0, FlagKey.SUPER: 1}
    for s in sorted(suggested, key=lambda s: (order.get(s.flag, 2), s.person_id)):
        if s.person_id in people:
            result.items.append(
                item(Section.SUGGESTED, s.person_id, None, suggestion=s, reasons=s.reasons)
            )
    return result


def attention_rank(session: Session, ids: Sequence[int]) -> dict[int, int]:
    """For ordering other lists (campaigns) by attention: 0 dissatisfied, 1 payment trouble,
    2 super customer, 3 nothing."""
    events = current_events(session, ids)
    rank: dict[int, int] = {}
    for pid in ids:
        flags = events.get(pid, {})
        if FlagKey.DISSATISFIED in flags:
            rank[pid] = 0
        elif FlagKey.PAYMENT in flags:
            rank[pid] = 1
        elif FlagKey.SUPER in flags:
            rank[pid] = 2
        else:
            rank[pid] = 3
    return rank
