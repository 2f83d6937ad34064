"""When two person records are one person: the keys and the conflicts, and the list of likely pairs.

Two records are likely the same person when they share a normalized phone
number or e-mail address, or the same name and birthday. They are *not*
merged automatically when their names or birthdays contradict each other
(a household landline, a firm's switchboard, a recycled number): such pairs
are listed for review. The import (`services.importing.run`) and `advisor
duplicates` use the same rules from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import combinations
from typing import Any

from sqlalchemy import distinct, func
from sqlmodel import Session, col, select

from advisor_tui.domain.emails import split_email
from advisor_tui.domain.mailboxes import LocalPart, classify_local_part, fold
from advisor_tui.domain.models import Address, Person

PHONE_KINDS = ("mobile", "landline", "fax")
# Addresses whose normalized form identifies a person (postal ones are shared by households).
MATCH_KINDS = (*PHONE_KINDS, "email")
# More persons than this on one number is a switchboard or a hotline, not a duplicate.
MAX_GROUP = 8

AddrKey = tuple[str, str]


def address_key(kind: str, normalized: str | None, raw: str) -> AddrKey:
    """What makes two addresses of one person the same (a number is one, whatever its kind)."""
    family = "phone" if kind in PHONE_KINDS else kind
    if normalized:
        return family, normalized.casefold() if kind == "postal" else normalized
    return family, "raw:" + " ".join(fold(raw).split())


def is_match_key(key: AddrKey) -> bool:
    """Keys that may tie a card to another stored person: valid numbers and e-mails."""
    return key[0] in ("phone", "email") and not key[1].startswith("raw:")


def is_personal(kind: str, normalized: str | None) -> bool:
    """One person's own address: a mobile number or an e-mail that is no shared mailbox.

    Landlines, faxes and `info@`-style mailboxes are shared by households and
    offices: two different names on one of them are no reason for review.
    """
    if not normalized:
        return False
    if kind == "mobile":
        return True
    if kind == "email":
        local = split_email(normalized)[0]
        return classify_local_part(local, "", "") is not LocalPart.GENERIC
    return False


@lru_cache(maxsize=65536)  # an import compares the same names many times
def name_key(first: str, last: str) -> tuple[str, str]:
    """Names as compared: folded (Müller = Mueller = MÜLLER), spaces collapsed."""
    return " ".join(fold(first).split()), " ".join(fold(last).split())


def _first_names_agree(a: str, b: str) -> bool:
    if not a or not b:
        return True
    first_a, first_b = a.split()[0].rstrip("."), b.split()[0].rstrip(".")
    if len(first_a) == 1 or len(first_b) == 1:  # "A. Müller" and "Anna Müller"
        return first_a[0] == first_b[0]
    return first_a == first_b


def conflicts(a: Any, b: Any) -> list[str]:
    """Why records `a` and `b` (with first/last_name, company, birthday) cannot be one person."""
    reasons = []
    first_a, last_a = name_key(a.first_name, a.last_name)
    first_b, last_b = name_key(b.first_name, b.last_name)
    named_a, named_b = bool(first_a or last_a), bool(first_b or last_b)
    if named_a and named_b:
        if (last_a and last_b and last_a != last_b) or not _first_names_agree(first_a, first_b):
            reasons.append("name")
    elif named_a != named_b or fold(a.company).strip() != fold(b.company).strip():
        reasons.append("name")  # a firm's card against a person's, or two different firms
    if a.birthday and b.birthday and a.birthday != b.birthday:
        reasons.append("birthday")
    return reasons


@dataclass
class DuplicatePair:
    """Two stored persons that are probably one, with the evidence and any contradiction."""

    first_id: int
    second_id: int
    reasons: list[dict[str, str]] = field(default_factory=list)  # {"kind": ..., "value": ...}
    conflicts: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "person_ids": [self.first_id, self.second_id],
            "reasons": self.reasons,
            "conflicts": self.conflicts,
        }


def _shared_addresses(session: Session, person_id: int | None) -> list[tuple[str, str, int]]:
    """(kind, normalized, person_id) of identifying addresses held by more than one person."""
    visible = col(Person.restricted_until).is_(None)
    shared = (
        select(Address.normalized)
        .join(Person, col(Person.id) == col(Address.person_id))
        .where(col(Address.kind).in_(MATCH_KINDS), col(Address.normalized).is_not(None), visible)
    )
    if person_id is not None:  # only the values this person has
        own = select(Address.normalized).where(col(Address.person_id) == person_id)
        shared = shared.where(col(Address.normalized).in_(own))
    shared = shared.group_by(col(Address.normalized)).having(
        func.count(distinct(col(Address.person_id))) > 1
    )
    rows = session.exec(
        select(Address.kind, Address.normalized, Address.person_id)
        .join(Person, col(Person.id) == col(Address.person_id))
        .where(col(Address.normalized).in_(shared), col(Address.kind).in_(MATCH_KINDS), visible)
    ).all()
    return [(kind, normalized or "", person_id) for kind, normalized, person_id in rows]


def find_duplicates(
    session: Session, *, include_shared: bool = False, person_id: int | None = None
) -> list[DuplicatePair]:
    """Likely duplicate pairs among the stored (not restricted) persons.

    With `person_id`, only that person's pairs (found without scanning everyone).

    Pairs without contradictions come first. Two persons with different names
    whose only common addresses are shared ones (a household landline, an
    office fax, `info@`) are not duplicates and are left out unless `include_shared`.
    """
    pairs: dict[tuple[int, int], DuplicatePair] = {}
    personal: set[tuple[int, int]] = set()  # pairs sharing more than a shared line or mailbox

    def add(ids: set[int], kind: str, value: str, shared: bool = False) -> None:
        if len(ids) > MAX_GROUP:
            return
        for a, b in combinations(sorted(ids), 2):
            pair = pairs.setdefault((a, b), DuplicatePair(a, b))
            reason = {"kind": kind, "value": value}
            if reason not in pair.reasons:
                pair.reasons.append(reason)
            if not shared:
                personal.add((a, b))

    by_address: dict[AddrKey, set[int]] = defaultdict(set)
    personal_keys: set[AddrKey] = set()
    for kind, normalized, holder in _shared_addresses(session, person_id):
        key = address_key(kind, normalized, "")
        by_address[key].add(holder)
        if is_personal(kind, normalized):
            personal_keys.add(key)
    for key, ids in by_address.items():
        add(ids, key[0], key[1], shared=key not in personal_keys)
    by_name: dict[tuple[str, str, date], set[int]] = defaultdict(set)
    born = select(
        col(Person.id), col(Person.first_name), col(Person.last_name), col(Person.birthday)
    ).where(col(Person.birthday).is_not(None), col(Person.restricted_until).is_(None))
    if person_id is not None:
        own_birthday = select(col(Person.birthday)).where(col(Person.id) == person_id)
        born = born.where(col(Person.birthday).in_(own_birthday))
    for born_id, first, last, birthday in session.exec(born).all():
        if (first or last) and birthday and born_id is not None:
            by_name[(*name_key(first, last), birthday)].add(born_id)
    for (first, last, birthday), ids in by_name.items():
        add(ids, "name_birthday", f"{first} {last} {birthday.isoformat()}".strip())
    if not pairs:
        return []
    pair_ids = sorted({i for key in pairs for i in key})
    persons: dict[int | None, Person] = {}
    for start in range(0, len(pair_ids), 500):
        chunk = pair_ids[start : start + 500]
        persons.update(
            (p.id, p) for p in session.exec(select(Person).where(col(Person.id).in_(chunk)))
        )
    found = []
    for (a, b), pair in sorted(pairs.items()):
        if person_id is not None and person_id not in (a, b):
            continue
        pair.conflicts = conflicts(persons[a], persons[b])
        if "name" in pair.conflicts and (a, b) not in personal and not include_shared:
            continue
        found.append(pair)
    return sorted(found, key=lambda p: (bool(p.conflicts), p.first_id, p.second_id))
