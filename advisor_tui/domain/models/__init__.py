"""The tables: every concept of DESIGN.md "Concepts" as a SQLModel class.

Enumerated fields hold the string values of `domain.vocabulary`; timestamps are
aware datetimes stored as UTC (`UTCDateTime`). Every table carries `created_at`
and, where records are edited, `updated_at` and `version` (a counter bumped on
each update so concurrent edits can be detected).

One module per feature holds its tables (`core` the people, addresses and
contacts; later modules one feature each, built with the helpers in `columns`);
importing this package registers all of them in `SQLModel.metadata`, which
Alembic and the tests rely on. Add a new module's import below.
"""

from __future__ import annotations

from advisor_tui.domain.models.attention import FlagEvent, Recommendation
from advisor_tui.domain.models.campaigns import Campaign, CampaignEntry
from advisor_tui.domain.models.complaints import Complaint
from advisor_tui.domain.models.consent import (
    AdviceSeal,
    ConsentEvent,
    ConsentKey,
    ConsentUse,
    DoNotContact,
)
from advisor_tui.domain.models.core import (
    Address,
    AuditEntry,
    FollowUp,
    Interaction,
    Person,
    Request,
)
from advisor_tui.domain.models.erasure import Erasure
from advisor_tui.domain.models.inbox import Message, RequestCandidate
from advisor_tui.domain.models.users import AdvisorUser

__all__ = [
    "Address",
    "AdviceSeal",
    "AdvisorUser",
    "AuditEntry",
    "Campaign",
    "CampaignEntry",
    "Complaint",
    "ConsentEvent",
    "ConsentKey",
    "ConsentUse",
    "DoNotContact",
    "Erasure",
    "FlagEvent",
    "FollowUp",
    "Interaction",
    "Message",
    "Person",
    "Recommendation",
    "Request",
    "RequestCandidate",
]
