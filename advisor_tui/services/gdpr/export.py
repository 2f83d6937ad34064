"""GDPR Art. 15: everything stored about one person, as JSON and as readable text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from advisor_tui.domain.timestamps import utcnow
from advisor_tui.i18n import t
from advisor_tui.i18n.dates import format_date, format_datetime
from advisor_tui.services import audit
from advisor_tui.services.call_texts import followup_text, interaction_text, request_text
from advisor_tui.services.gdpr.records import load_person_records

FORMAT_VERSION = 1
# Section key in the JSON -> catalog key of its heading in the text file.
SECTIONS = (
    ("addresses", "gdpr.section.addresses"),
    ("consents", "gdpr.section.consents"),
    ("consent_uses", "gdpr.section.consent_uses"),
    ("requests", "gdpr.section.requests"),
    ("suggested_requests", "gdpr.section.suggested_requests"),
    ("messages", "gdpr.section.messages"),
    ("candidacies", "gdpr.section.candidacies"),
    ("interactions", "gdpr.section.interactions"),
    ("followups", "gdpr.section.followups"),
    ("flag_events", "gdpr.section.flag_events"),
    ("audit_entries", "gdpr.section.audit_entries"),
)
# Derived columns: in the JSON, but of no use to a reader of the text file.
TEXT_SKIPPED = {"rev_digits"}
# Rows that may store facts only (calls): the text file adds their words.
DESCRIBED = {
    "requests": (("subject", "body"), request_text),
    "suggested_requests": (("subject", "body"), request_text),
    "interactions": (("summary",), interaction_text),
    "followups": (("note",), followup_text),
}


def _plain(value: Any) -> Any:
    """JSON-ready values: ISO dates and times, everything else as it is."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _row(model: Any) -> dict[str, Any]:
    """All columns of a row, in the order the model declares them."""
    return {name: _plain(getattr(model, name)) for name in type(model).model_fields}


def person_data(session: Session, person_id: int) -> dict[str, Any]:
    """All stored data about `person_id` as one JSON-ready dict (no audit entry written)."""
    records = load_person_records(session, person_id)
    data: dict[str, Any] = {
        "format": "advisor-gdpr-export",
        "format_version": FORMAT_VERSION,
        "exported_at": utcnow().isoformat(),
        "person": _row(records.person),
    }
    for key, _heading in SECTIONS:
        data[key] = [_row(r) for r in getattr(records, key)]
    return data


def _label(name: str) -> str:
    key = f"gdpr.field.{name}"
    text = t(key)
    return name if text == key else text


def _value_text(name: str, value: Any) -> str:
    if isinstance(value, bool):
        return t("gdpr.yes") if value else t("gdpr.no")
    if isinstance(value, str) and len(value) > 18 and value[10:11] == "T":
        try:
            return format_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value).replace("\n", "\n      ")


def _record_lines(row: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for name, value in row.items():
        if name in TEXT_SKIPPED:
            continue
        empty = value is None or value == "" or value is False
        if empty and name not in ("granted", "valid"):
            continue  # empty fields only make the text harder to read
        lines.append(f"{indent}{_label(name)}: {_value_text(name, value)}")
    return lines


def _description_lines(section: str, row: dict[str, Any], indent: str) -> list[str]:
    """A generated row's words (e.g. "Missed call from … at …") when it stores none."""
    if section not in DESCRIBED:
        return []
    stored, render = DESCRIBED[section]
    if any(row.get(name) for name in stored):
        return []  # its own text is among the fields already
    text = render(row)
    return [f"{indent}{t('calls.text.label')}: {text}"] if text else []


def render_text(data: dict[str, Any]) -> str:
    """The export as a readable text file in the current language."""
    person = data["person"]
    out = [
        t("gdpr.text.title"),
        t("gdpr.text.intro", id=person["id"], at=_value_text("exported_at", data["exported_at"])),
        "",
        t("gdpr.section.person"),
        *_record_lines(person, "  "),
    ]
    for key, heading in SECTIONS:
        rows = data[key]
        out += ["", f"{t(heading)} ({len(rows)})"]
        if not rows:
            out.append("  " + t("gdpr.text.none"))
        for number, row in enumerate(rows, 1):
            out.append(f"  {number}.")
            out += _record_lines(row, "     ")
            out += _description_lines(key, row, "     ")
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class ExportFiles:
    json_path: Path
    text_path: Path
    counts: dict[str, int]


def _write_private(path: Path, text: str, *, force: bool) -> None:
    """Write personal data readable by the owner only (0600), via a temporary file."""
    from advisor_tui.storage.output_files import output_file

    with output_file(path, force=force) as handle:
        handle.write(text)


def export_person(
    session: Session, person_id: int, out_dir: Path, *, force: bool = False
) -> ExportFiles:
    """Write `person-ID-DATE.json` and `.txt` into `out_dir`; records the export in the audit."""
    data = person_data(session, person_id)
    out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stem = f"person-{person_id}-{date.today():%Y-%m-%d}-gdpr"
    json_path, text_path = out_dir / f"{stem}.json", out_dir / f"{stem}.txt"
    if not force:  # both or neither: check before the first is written
        from advisor_tui.storage.output_files import check_target

        for path in (json_path, text_path):
            check_target(path, force=False)
    _write_private(json_path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", force=force)
    _write_private(text_path, render_text(data), force=force)
    counts = {key: len(data[key]) for key, _heading in SECTIONS}
    audit.record(session, "gdpr.export", "person", person_id, {"counts": counts})
    session.flush()
    return ExportFiles(json_path, text_path, counts)
