"""The register for the IHK: CSV (one row per entry) or plain text (one block per entry).

Column names and labels come from the catalog in the user's language; dates are
German calendar dates. Requests for information are left out unless asked for:
they are not complaints.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, datetime
from typing import TextIO

from advisor_tui.domain.complaints import Step
from advisor_tui.domain.timestamps import local
from advisor_tui.i18n import t
from advisor_tui.services.complaints.register import ComplaintRow

COLUMNS = (
    "id",
    "kind",
    "received",
    "channel",
    "complainant",
    "reason",
    "acknowledged",
    "forwarded",
    "forwarded_to",
    "interim_reply",
    "answered",
    "answer",
    "status",
    "acknowledge_by",
    "answer_by",
    "guarantee_end",
    "tolerance_days",
    "goodwill_note",
)


def _date(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local(value).date()
    return f"{value:%d.%m.%Y}"


def values(row: ComplaintRow) -> dict[str, str]:
    """One register entry as column -> text."""
    c = row.complaint
    due = {d.step: d.due for d in row.deadlines}
    return {
        "id": str(c.id),
        "kind": t(f"complaints.kind.{c.kind}"),
        "received": _date(c.received_at),
        "channel": t(f"channel.{c.channel}"),
        "complainant": c.complainant or row.person_name,
        "reason": c.reason,
        "acknowledged": _date(c.acknowledged_at),
        "forwarded": _date(c.forwarded_at),
        "forwarded_to": c.forwarded_to,
        "interim_reply": _date(c.interim_reply_at),
        "answered": _date(c.answered_at),
        "answer": c.answer,
        "status": t(f"complaints.status.{c.status}"),
        "acknowledge_by": _date(due.get(Step.ACKNOWLEDGE)),
        "answer_by": _date(due.get(Step.ANSWER)),
        "guarantee_end": _date(c.guarantee_end),
        "tolerance_days": "" if c.tolerance_days is None else str(c.tolerance_days),
        "goodwill_note": c.goodwill_note,
    }


def write_csv(rows: Sequence[ComplaintRow], out: TextIO) -> None:
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow([t(f"complaints.col.{name}") for name in COLUMNS])
    for row in rows:
        shown = values(row)
        writer.writerow([shown[name] for name in COLUMNS])


def write_text(rows: Sequence[ComplaintRow], out: TextIO, *, today: date) -> None:
    """A readable register: a heading, then one block per entry, empty fields left out."""
    title = t("complaints.export.title", date=_date(today))
    out.write(f"{title}\n{'=' * len(title)}\n")
    if not rows:
        out.write(f"\n{t('complaints.none')}\n")
        return
    width = max(len(t(f"complaints.col.{name}")) for name in COLUMNS) + 2
    for row in rows:
        shown = values(row)
        out.write("\n")
        for name in COLUMNS:
            text = shown[name]
            if not text:
                continue
            label = f"{t(f'complaints.col.{name}')}:".ljust(width)
            lines = text.splitlines() or [""]
            out.write(f"{label}{lines[0]}\n")
            for more in lines[1:]:
                out.write(f"{' ' * width}{more}\n")
