"""Likely duplicate pairs as people read them: both names, why, what conflicts.

One place for the CLI (`advisor duplicates`) and the TUI's duplicates list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from advisor_tui.domain.models import Person
from advisor_tui.i18n import t
from advisor_tui.services.duplicates.pairs import find_duplicates

_CHUNK = 500


@dataclass(frozen=True)
class PairView:
    """One likely duplicate pair, its texts in the current language."""

    first_id: int
    second_id: int
    first_name: str
    second_name: str
    reasons: list[str]  # "gleiche Nummer +49…", "gleicher Name und Geburtstag"
    conflicts: list[str]  # "Name weicht ab", ...


def reason_text(reason: dict[str, str]) -> str:
    """Why a pair is listed, in the current language."""
    return t(f"duplicates.reason.{reason['kind']}", value=reason.get("value", ""))


def conflict_text(conflict: str) -> str:
    return t(f"import.conflict.{conflict}")


def _names(session: Session, ids: list[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for person in session.exec(select(Person).where(col(Person.id).in_(chunk))):
            if person.id is not None:
                names[person.id] = person.display_name
    return names


def pair_views(session: Session, person_id: int | None = None) -> list[PairView]:
    """The likely duplicate pairs (only those of `person_id`, if given)."""
    pairs = find_duplicates(session, person_id=person_id)
    names = _names(session, sorted({i for p in pairs for i in (p.first_id, p.second_id)}))
    return [
        PairView(
            first_id=p.first_id,
            second_id=p.second_id,
            first_name=names.get(p.first_id, "?"),
            second_name=names.get(p.second_id, "?"),
            reasons=[reason_text(r) for r in p.reasons],
            conflicts=[conflict_text(c) for c in p.conflicts],
        )
        for p in pairs
    ]
