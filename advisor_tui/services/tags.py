"""Tags across persons: which exist (for completion), who has one (search, filters,
campaigns). Tags live in `Person.tags`; these functions read them, nothing else."""

from __future__ import annotations

from collections import Counter

from sqlmodel import Session, col, select

from advisor_tui.domain.models import Person
from advisor_tui.domain.tags import has_tag, split_tags

TAG_PREFIX = "#"  # a search text "#Depot" lists the persons tagged Depot


def tag_counts(session: Session) -> list[tuple[str, int]]:
    """Every tag of a visible person with how many have it, most used first."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    rows = session.exec(
        select(Person.tags)
        .where(Person.tags != "", col(Person.restricted_until).is_(None))
        .order_by(col(Person.id))  # the spelling shown is the oldest one
    ).all()
    for text in rows:
        for tag in split_tags(text):
            key = tag.casefold()
            spelling.setdefault(key, tag)
            counts[key] += 1
    return [(spelling[key], n) for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def ids_with_tag(session: Session, tag: str) -> list[int]:
    """Visible persons tagged `tag` (any case), in phone-book order."""
    rows = session.exec(
        select(Person.id, Person.tags)
        .where(Person.tags != "", col(Person.restricted_until).is_(None))
        .order_by(col(Person.sort_key), col(Person.id))
    ).all()
    return [pid for pid, text in rows if pid is not None and has_tag(text, tag)]


def tag_query(text: str) -> str | None:
    """The tag a search text asks for ("#Depot" -> "Depot"), or None for a plain search."""
    stripped = text.strip()
    if stripped.startswith(TAG_PREFIX) and len(stripped) > 1:
        return stripped[1:].strip()
    return None
