"""Deleting a person from the card: what goes with them, and the retention lock.

A person is deleted with everything that is theirs. Records under the
FinVermV §23 retention duty (advice and order records) cannot go yet: then the
person is erased exactly as a GDPR erasure does it (`gdpr.erase.erase_person`):
the retained records stay locked and hidden, the person stays as a restricted
shell until the duty ends. The caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from advisor_tui.services import audit
from advisor_tui.services.errors import NotFound, ServiceError
from advisor_tui.services.gdpr.erase import erase_person
from advisor_tui.services.gdpr.records import load_person_records, retention_for

# What the confirmation shows, in this order.
COUNTED = ("addresses", "interactions", "requests", "followups", "consents")


@dataclass
class DeletionPlan:
    """What deleting a person takes with them (counts only), and what the law keeps."""

    person_id: int
    version: int
    display_name: str
    counts: dict[str, int] = field(default_factory=dict)  # all their rows, per kind
    retained: dict[str, int] = field(default_factory=dict)  # of those, kept under retention
    retain_until: date | None = None  # first day the retained records may go

    @property
    def locked(self) -> bool:
        """True when the person is only erased and locked, not deleted."""
        return self.retain_until is not None


def deletion_plan(session: Session, person_id: int, *, today: date | None = None) -> DeletionPlan:
    """What `delete_person` would do, without changing anything."""
    records = load_person_records(session, person_id)
    if records.person.restricted_until is not None:
        # Already a locked shell: there is nothing left to delete by hand.
        raise NotFound("person_not_found", id=person_id)
    retention = retention_for(records, today or date.today())
    counts = {
        "addresses": len(records.addresses),
        "interactions": len(records.interactions),
        "requests": len(records.requests),
        "followups": len(records.followups),
        "consents": len(records.consents),
    }
    retained = {}
    if retention.applies:
        retained = {
            "requests": len(retention.request_ids),
            "interactions": len(retention.interaction_ids),
        }
    return DeletionPlan(
        person_id=person_id,
        version=records.person.version,
        display_name=records.person.display_name,
        counts=counts,
        retained=retained,
        retain_until=retention.until,
    )


def delete_person(
    session: Session,
    person_id: int,
    *,
    expected_version: int | None = None,
    today: date | None = None,
) -> DeletionPlan:
    """Delete a person with all their rows; under a retention duty erase and lock instead.

    With `expected_version`, a person changed by someone else meanwhile is refused.
    """
    plan = deletion_plan(session, person_id, today=today)
    if expected_version is not None and plan.version != expected_version:
        raise ServiceError("record_changed")
    erase_person(session, person_id, today=today)
    audit.record(
        session,
        "person.delete",
        "person",
        person_id,
        {"counts": plan.counts, "locked": plan.locked},
    )
    session.flush()
    return plan
