"""Importing contacts: vCard files, vdir folders and CSV files become persons.

`import_paths` reads the files (`io.contact_files`), hands the cards and rows
to the import engine (`services.importing.engine`: chunked, batched writes,
duplicate matching) and returns the report every surface prints: counts,
records listed for review, rejected records with file and line. It flushes;
the caller commits, or rolls back for a dry run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session

from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.domain.vocabulary import PersonKind
from advisor_tui.io.contact_files import Unit, collect_units
from advisor_tui.services import audit


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
    addresses_added: int = 0
    person_ids: list[int] = field(default_factory=list)  # created or changed
    seconds: float = 0.0

    @property
    def read(self) -> int:
        return self.created + self.merged + self.unchanged

    @property
    def exit_code(self) -> int:
        """0 all imported, 1 some rejected, 2 nothing readable."""
        if self.read == 0:
            return 2
        return 1 if self.rejected else 0

    def counts(self) -> dict[str, int]:
        return {
            "created": self.created,
            "merged": self.merged,
            "unchanged": self.unchanged,
            "review": len(self.review),
            "rejected": len(self.rejected),
            "addresses_added": self.addresses_added,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.counts(),
            "review_items": [r.as_dict() for r in self.review],
            "rejected_records": [r.as_dict() for r in self.rejected],
            "seconds": round(self.seconds, 3),
        }


def import_units(
    session: Session,
    units: Sequence[Unit],
    *,
    region: str = DEFAULT_REGION,
    default_kind: str = PersonKind.CUSTOMER,
    progress: Callable[[int, int], None] | None = None,
    report: ImportReport | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import already collected cards/rows into `report`; flushes, the caller commits."""
    from advisor_tui.services.importing.engine import ImportEngine

    report = report or ImportReport()
    engine = ImportEngine(session, report, region=region, default_kind=default_kind)
    engine.run(units, progress, workers)
    audit.record(session, "import.run", "person", None, report.counts())
    session.flush()
    return report


def import_paths(
    session: Session,
    paths: Sequence[Path],
    *,
    region: str = DEFAULT_REGION,
    default_kind: str = PersonKind.CUSTOMER,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
) -> ImportReport:
    """Import vCard files, vdir folders and CSV files; flushes, the caller commits.

    `progress(done, total)` is called after each chunk. `workers`: processes that
    parse ahead (None: decide by size and cores; 0: none, e.g. from a UI thread).
    """
    started = time.perf_counter()
    units, problems = collect_units(paths)
    report = ImportReport()
    report.rejected.extend(Rejected(p.source, p.line, p.key, dict(p.params)) for p in problems)
    import_units(
        session,
        units,
        region=region,
        default_kind=default_kind,
        progress=progress,
        report=report,
        workers=workers,
    )
    report.seconds = time.perf_counter() - started
    return report
