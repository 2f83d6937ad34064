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
from pathlib import Path

from sqlmodel import Session

from advisor_tui.domain.phones import DEFAULT_REGION
from advisor_tui.domain.vocabulary import PersonKind
from advisor_tui.io.contact_files import Unit, collect_units
from advisor_tui.services import audit
from advisor_tui.services.consent.ledger import reapply_objections
from advisor_tui.services.importing.report import ImportReport, Rejected


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
    # GDPR Art. 21: a contact whose address is on the do-not-contact list objected before.
    for found in reapply_objections(session, report.person_ids):
        params = {"name": found.name, "addresses": ", ".join(found.addresses)}
        report.notices.append(
            Rejected(f"#{found.person_id}", 0, "consent.reapplied",
                     {**params, "count": len(found.addresses)})
        )  # fmt: skip
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
