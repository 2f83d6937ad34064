"""What an import did: counts, records listed for review, rejected records.

Its own module because the reading (`prepare`), the writing (`engine`) and
the entry points (`run`) all fill or return it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Rejected:
    """A card, row or file not imported: where it is and why (i18n key + parameters)."""

    source: str
    line: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        from advisor_tui.i18n import t

        return {"file": self.source, "line": self.line, "reason": t(self.key, **self.params),
                "code": self.key}  # fmt: skip


@dataclass
class ReviewItem:
    """A record stored as a new person although it shares an address with `existing_ids`."""

    source: str
    line: int
    person_id: int | None
    existing_ids: list[int]
    conflicts: list[str]  # "name", "birthday"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.source, "line": self.line, "person_id": self.person_id,
                "existing_ids": self.existing_ids, "conflicts": self.conflicts}  # fmt: skip


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    created: int = 0
    merged: int = 0
    unchanged: int = 0
    review: list[ReviewItem] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    # Lines left out of records that were imported (a `#` comment, an unreadable line).
    skipped: list[Rejected] = field(default_factory=list)
    # Records imported with something to know: a name made from an address, to check.
    notices: list[Rejected] = field(default_factory=list)
    addresses_added: int = 0
    person_ids: list[int] = field(default_factory=list)  # created or changed
    seconds: float = 0.0

    @property
    def read(self) -> int:
        return self.created + self.merged + self.unchanged

    @property
    def exit_code(self) -> int:
        """0 all imported, 1 some rejected or lines skipped, 2 nothing readable."""
        if self.read == 0:
            return 2
        return 1 if self.rejected or self.skipped else 0

    def counts(self) -> dict[str, int]:
        return {
            "created": self.created,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "review": len(self.review),
            "rejected": len(self.rejected),
            "skipped": len(self.skipped),
            "addresses_added": self.addresses_added,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.counts(),
            "review_items": [r.as_dict() for r in self.review],
            "rejected_records": [r.as_dict() for r in self.rejected],
            "skipped_lines": [r.as_dict() for r in self.skipped],
            "notices": [r.as_dict() for r in self.notices],
            "seconds": round(self.seconds, 3),
        }
