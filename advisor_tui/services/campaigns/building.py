"""Building a call list: who fits the criteria, in the order to call them.

Order: attention first (dissatisfied, payment trouble, super customer, the
rest), then the longest without contact (never contacted first). Phone
advertising consent is checked for everyone at build time and kept on the
entry; with `phone_consent` only those it allows are listed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from advisor_tui.domain.models import Campaign, CampaignEntry, Person
from advisor_tui.domain.timestamps import as_utc, local, utcnow
from advisor_tui.domain.vocabulary import AddressKind
from advisor_tui.services import audit
from advisor_tui.services.campaigns.consent import phone_permission
from advisor_tui.services.campaigns.criteria import Criteria
from advisor_tui.services.errors import ServiceError

_PHONES = (AddressKind.MOBILE.value, AddressKind.LANDLINE.value)


def best_phone_score(ranked: list) -> int | None:  # type: ignore[type-arg]
    """The score of the best callable number (None: no valid phone number)."""
    for r in ranked:
        if r.address.kind in _PHONES and r.address.valid:
            return int(r.score)
    return None


def candidates(session: Session, criteria: Criteria, now: datetime) -> list[int]:
    """Ids of the persons the criteria select, in calling order."""
    from advisor_tui.services.attention.view import attention_rank
    from advisor_tui.services.flags import flagged_ids
    from advisor_tui.services.persons.last_contact import last_contacts
    from advisor_tui.services.persons.ranking import rank_for_persons
    from advisor_tui.services.tags import ids_with_tag

    criteria.check()
    now = as_utc(now)
    query = select(col(Person.id), col(Person.birthday)).where(
        col(Person.restricted_until).is_(None), col(Person.kind).in_(criteria.kinds)
    )
    rows = session.exec(query).all()
    month = local(now).month
    ids = [
        pid
        for pid, born in rows
        if pid is not None
        and (not criteria.birthday_this_month or (born is not None and born.month == month))
    ]
    if criteria.flag:
        flagged = set(flagged_ids(session, criteria.flag))
        ids = [p for p in ids if p in flagged]
    if criteria.tag:
        tagged = set(ids_with_tag(session, criteria.tag))
        ids = [p for p in ids if p in tagged]
    last: dict[int, datetime] = {}
    for start in range(0, len(ids), 500):
        last.update(last_contacts(session, ids[start : start + 500]))
    if criteria.not_contacted_weeks is not None:
        cutoff = now - timedelta(weeks=criteria.not_contacted_weeks)
        ids = [p for p in ids if p not in last or as_utc(last[p]) < cutoff]
    ranked = rank_for_persons(session, ids, now)
    scored = {p: best_phone_score(ranked.get(p, [])) for p in ids}
    ids = [p for p in ids if scored[p] is not None]  # nobody to call without a number
    if criteria.min_stability is not None:
        ids = [p for p in ids if (scored[p] or 0) >= criteria.min_stability]
    if criteria.phone_consent:
        ids = [p for p in ids if phone_permission(session, p).allowed]
    rank = attention_rank(session, ids)
    epoch = datetime(1900, 1, 1, tzinfo=now.tzinfo)
    ids.sort(key=lambda p: (rank[p], as_utc(last[p]) if p in last else epoch, p))
    return ids


def create_campaign(
    session: Session, name: str, criteria: Criteria, now: datetime | None = None
) -> Campaign:
    """A campaign with its call list built now (consent checked per person). Caller commits."""
    when = as_utc(now or utcnow())
    name = " ".join(name.split())
    if not name:
        raise ServiceError("campaign.err.name")
    ids = candidates(session, criteria, when)
    campaign = Campaign(
        name=name, criteria=criteria.to_json(), created_by=audit.current_actor(), created_at=when
    )
    session.add(campaign)
    session.flush()
    assert campaign.id is not None
    for position, pid in enumerate(ids, start=1):
        permission = phone_permission(session, pid)
        session.add(
            CampaignEntry(
                campaign_id=campaign.id, person_id=pid, position=position,
                consent_ok=permission.allowed, consent_reason=permission.reason, created_at=when,
            )
        )  # fmt: skip
    session.flush()
    audit.record(
        session, "campaign.create", "campaign", campaign.id, {"persons": len(ids), "name": name}
    )
    return campaign
