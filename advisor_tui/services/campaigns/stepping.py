"""Stepping through a call list: the next person, outcomes, skip, pause, summary.

Re-contact rules per outcome: reached - done, not again in this campaign; no
answer or voicemail - back to the end of the list (after `MAX_ATTEMPTS` tries
it is closed as unreached); busy - again after `BUSY_RETRY`; wrong number - the
address is marked failed and the person leaves the list. Every state lives in
the database, so a campaign paused (or a crash) resumes where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import func
from sqlmodel import Session, col, select

from advisor_tui.domain.models import Address, Campaign, CampaignEntry, Person
from advisor_tui.domain.timestamps import as_utc, utcnow
from advisor_tui.domain.vocabulary import FailureKind, Outcome
from advisor_tui.services import audit
from advisor_tui.services.campaigns.consent import phone_permission
from advisor_tui.services.consent.checks import ContactPermission
from advisor_tui.services.errors import NotFound, ServiceError

MAX_ATTEMPTS = 3
BUSY_RETRY = timedelta(minutes=10)
SKIPPED = "skipped"  # last_outcome of an entry skipped by hand


class EntryState(StrEnum):
    OPEN = "open"
    DONE = "done"  # reached (or another final outcome)
    UNREACHED = "unreached"  # no answer too often
    SKIPPED = "skipped"
    DROPPED = "dropped"  # wrong number


class CampaignStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    DONE = "done"


@dataclass(frozen=True)
class Step:
    """The person to call now, with what the screen shows beside the card."""

    campaign_id: int
    campaign_name: str
    entry_id: int
    entry_version: int
    person_id: int
    name: str
    number: str  # the hottest phone number, for display
    address_id: int | None
    score: int | None
    permission: ContactPermission  # re-checked now, not as built
    place: int  # "12 von 80": this is the 12th
    total: int
    attempts: int
    last_outcome: str | None
    waiting_until: datetime | None = None  # busy: offered early because nobody else is open


@dataclass
class Summary:
    campaign_id: int
    name: str
    status: str
    total: int
    states: dict[str, int] = field(default_factory=dict)
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def finished(self) -> int:
        return self.total - self.states.get(EntryState.OPEN, 0)


def get_campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound("campaign.err.not_found", id=campaign_id)
    return campaign


def _entries(session: Session, campaign_id: int) -> list[CampaignEntry]:
    return list(
        session.exec(
            select(CampaignEntry)
            .where(CampaignEntry.campaign_id == campaign_id)
            .order_by(col(CampaignEntry.position), col(CampaignEntry.id))
        ).all()
    )


def next_entry(session: Session, campaign_id: int, now: datetime) -> CampaignEntry | None:
    """The first open entry whose retry time has come; when all open ones wait (busy),
    the one that waits least. None when nothing is open."""
    now = as_utc(now)
    open_entries = [e for e in _entries(session, campaign_id) if e.state == EntryState.OPEN]
    for entry in open_entries:
        if entry.retry_at is None or as_utc(entry.retry_at) <= now:
            return entry
    if open_entries:
        return min(open_entries, key=lambda e: (as_utc(e.retry_at or now), e.position))
    return None


def summary(session: Session, campaign_id: int) -> Summary:
    campaign = get_campaign(session, campaign_id)
    assert campaign.id is not None
    result = Summary(campaign.id, campaign.name, campaign.status, 0)
    for state, outcome, count in session.exec(
        select(CampaignEntry.state, CampaignEntry.last_outcome, func.count())
        .where(CampaignEntry.campaign_id == campaign_id)
        .group_by(col(CampaignEntry.state), col(CampaignEntry.last_outcome))
    ).all():
        result.total += count
        result.states[state] = result.states.get(state, 0) + count
        if outcome:
            result.outcomes[outcome] = result.outcomes.get(outcome, 0) + count
    return result


def current_step(session: Session, campaign_id: int, now: datetime) -> Step | None:
    """Who to call now (consent re-checked), or None when the list is through."""
    from advisor_tui.services.followups.agenda import hottest_number
    from advisor_tui.services.persons.ranking import rank_for_persons

    campaign = get_campaign(session, campaign_id)
    entry = next_entry(session, campaign_id, now)
    if entry is None:
        return None
    assert entry.id is not None and campaign.id is not None
    person = session.get(Person, entry.person_id)
    if person is None:
        raise NotFound("person_not_found", id=entry.person_id)
    ranked = rank_for_persons(session, [entry.person_id], now).get(entry.person_id, [])
    best = next((r for r in ranked if r.address.kind in ("mobile", "landline") and r.address.valid
                 and r.address.failed_at is None), None)  # fmt: skip
    counts = summary(session, campaign_id)
    waiting = entry.retry_at if entry.retry_at and as_utc(entry.retry_at) > as_utc(now) else None
    return Step(
        campaign_id=campaign.id,
        campaign_name=campaign.name,
        entry_id=entry.id,
        entry_version=entry.version,
        person_id=entry.person_id,
        name=person.display_name,
        number=hottest_number([best]) if best else "",
        address_id=best.address.id if best else None,
        score=best.score if best else None,
        permission=phone_permission(session, entry.person_id),
        place=counts.finished + 1,
        total=counts.total,
        attempts=entry.attempts,
        last_outcome=entry.last_outcome,
        waiting_until=waiting,
    )


def _entry(session: Session, entry_id: int, expected_version: int | None) -> CampaignEntry:
    from advisor_tui.services.stale import check_version

    entry = session.get(CampaignEntry, entry_id)
    if entry is None:
        raise NotFound("campaign.err.entry", id=entry_id)
    check_version(session, entry, expected_version)
    if entry.state != EntryState.OPEN:
        raise ServiceError("campaign.err.closed")
    return entry


def _finish_if_through(session: Session, campaign_id: int, when: datetime) -> None:
    campaign = get_campaign(session, campaign_id)
    if next_entry(session, campaign_id, when) is None and campaign.status != CampaignStatus.DONE:
        campaign.status = CampaignStatus.DONE.value
        campaign.updated_at = when
        session.add(campaign)


def record_outcome(
    session: Session,
    entry_id: int,
    outcome: str,
    *,
    interaction_id: int | None = None,
    address_id: int | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> CampaignEntry:
    """Apply a call's outcome to its entry by the re-contact rules. Caller commits."""
    when = as_utc(now or utcnow())
    entry = _entry(session, entry_id, expected_version)
    entry.attempts += 1
    entry.last_outcome = outcome
    entry.interaction_id = interaction_id or entry.interaction_id
    entry.retry_at = None
    if outcome in (Outcome.NO_ANSWER, Outcome.VOICEMAIL):
        if entry.attempts >= MAX_ATTEMPTS:
            entry.state = EntryState.UNREACHED.value
        else:  # back into the list, at its end
            last = session.exec(
                select(func.max(CampaignEntry.position)).where(
                    CampaignEntry.campaign_id == entry.campaign_id
                )
            ).one()
            entry.position = int(last or 0) + 1
    elif outcome == Outcome.BUSY:
        if entry.attempts >= MAX_ATTEMPTS + 2:
            entry.state = EntryState.UNREACHED.value
        else:
            entry.retry_at = when + BUSY_RETRY
    elif outcome == Outcome.WRONG_NUMBER:
        entry.state = EntryState.DROPPED.value
        address = session.get(Address, address_id) if address_id else None
        if address is not None and address.person_id == entry.person_id and not address.failed_at:
            from advisor_tui.services.persons.evidence import mark_failed

            mark_failed(session, address.id or 0, FailureKind.WRONG_NUMBER.value, when)
    else:
        entry.state = EntryState.DONE.value
    entry.updated_at = when
    session.add(entry)
    session.flush()
    _finish_if_through(session, entry.campaign_id, when)
    audit.record(
        session, "campaign.outcome", "campaign_entry", entry.id,
        {"campaign_id": entry.campaign_id, "person_id": entry.person_id, "outcome": outcome},
    )  # fmt: skip
    return entry


def skip(
    session: Session, entry_id: int, *, expected_version: int | None = None,
    now: datetime | None = None,
) -> CampaignEntry:  # fmt: skip
    """Leave this person out of the campaign without calling. Caller commits."""
    when = as_utc(now or utcnow())
    entry = _entry(session, entry_id, expected_version)
    entry.state = EntryState.SKIPPED.value
    entry.last_outcome = SKIPPED
    entry.updated_at = when
    session.add(entry)
    session.flush()
    _finish_if_through(session, entry.campaign_id, when)
    audit.record(session, "campaign.skip", "campaign_entry", entry.id,
                 {"campaign_id": entry.campaign_id, "person_id": entry.person_id})  # fmt: skip
    return entry


def set_status(
    session: Session, campaign_id: int, status: str, now: datetime | None = None
) -> Campaign:
    """Pause or resume a campaign (a finished one stays finished). Caller commits."""
    campaign = get_campaign(session, campaign_id)
    if status not in (CampaignStatus.ACTIVE, CampaignStatus.PAUSED):
        raise ServiceError("campaign.err.status", status=status)
    if campaign.status != CampaignStatus.DONE:
        campaign.status = status
        campaign.updated_at = as_utc(now or utcnow())
        session.add(campaign)
        session.flush()
    return campaign


def campaigns(session: Session) -> list[Summary]:
    """Every campaign with its counts, the newest first."""
    ids = session.exec(select(Campaign.id).order_by(col(Campaign.id).desc())).all()
    return [summary(session, cid) for cid in ids if cid is not None]


def entries(session: Session, campaign_id: int) -> list[tuple[CampaignEntry, str]]:
    """The call list in its order, each entry with the person's name."""
    rows = _entries(session, campaign_id)
    ids = [e.person_id for e in rows]
    names = {
        p.id: p.display_name
        for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()
    }
    return [(e, names.get(e.person_id, f"#{e.person_id}")) for e in rows]
