"""Which files an import reads, and what is in them: vCard files, vdir folders, CSV.

Reading is split from interpreting: `collect_units` reads and splits every
file (fast), so the import knows the total for its progress bar, and each
unit is parsed only when the import reaches it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from advisor_tui.io.contact_record import ContactRecord, RecordError, decode_bytes
from advisor_tui.io.csv_contacts import csv_rows, row_to_record
from advisor_tui.io.input_files import read_input_bytes
from advisor_tui.io.vcard import (
    VCARD_SUFFIXES,
    looks_like_vcard,
    split_cards,
    vcard_bytes,
    vcard_files,
)
from advisor_tui.io.vcard_mapping import parse_card


@dataclass(frozen=True)
class Unit:
    """One card or row, not yet interpreted: `read()` gives the record or raises RecordError."""

    source: str
    line: int
    read: Callable[[], ContactRecord]


@dataclass
class FileProblem:
    """A file (or a place in it) that yields no records: i18n key and parameters."""

    source: str
    line: int
    key: str
    params: dict[str, object] = field(default_factory=dict)


def _units_of_data(data: bytes, source: str, suffix: str) -> list[Unit]:
    # vCards are split and unfolded as bytes (encodings differ per card); CSV is text.
    cards = vcard_bytes(data)
    if suffix in VCARD_SUFFIXES or (suffix != ".csv" and looks_like_vcard(cards)):
        return [Unit(c.source, c.line, partial(parse_card, c)) for c in split_cards(cards, source)]
    mapping, rows = csv_rows(decode_bytes(data), source)
    return [Unit(source, row.line, partial(row_to_record, mapping, row, source)) for row in rows]


def collect_units(paths: Sequence[Path]) -> tuple[list[Unit], list[FileProblem]]:
    """Every card and row of the given files and folders, and the files that gave none."""
    units: list[Unit] = []
    problems: list[FileProblem] = []
    for path in paths:
        if path.is_dir():
            files = vcard_files(path)
            if not files:
                problems.append(FileProblem(str(path), 0, "import.err.empty_folder"))
        elif path.exists():
            files = [path]
        else:
            problems.append(FileProblem(str(path), 0, "import.err.not_found"))
            continue
        for file in files:
            try:
                data = read_input_bytes(file)
            except OSError as exc:
                problems.append(
                    FileProblem(str(file), 0, "import.err.unreadable", {"detail": exc.strerror})
                )
                continue
            try:
                found = _units_of_data(data, str(file), file.suffix.lower())
            except RecordError as exc:
                problems.append(FileProblem(str(file), exc.line or 0, exc.key, dict(exc.params)))
                continue
            if not found:
                problems.append(FileProblem(str(file), 0, "import.err.no_records"))
            units.extend(found)
    return units, problems
